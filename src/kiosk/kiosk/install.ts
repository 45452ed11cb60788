// Installs the kiosk's page-wide behaviour once, before the first render: the history guard (so an entry of an
// earlier visit is never shown) and the idle timer.
import { installIdle } from './session.ts';
import { installHistoryGuard } from './visit.ts';

let installed = false;

export function installKiosk(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  installHistoryGuard();
  installIdle();
}
