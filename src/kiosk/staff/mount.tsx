// Renders the staff entry in its own root beside the app, so the visitor screens do not know about it.
import { render } from 'preact';
import { StaffEntry } from './StaffEntry.tsx';

export function mountStaff(): void {
  if (document.getElementById('staff-root')) return;
  const root = document.createElement('div');
  root.id = 'staff-root';
  document.body.appendChild(root);
  render(<StaffEntry />, root);
}
