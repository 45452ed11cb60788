// The way in for hall staff: a long press (3 s) on an unmarked square in the top-right corner opens the PIN pad.
// Nothing shows it to visitors; it has no role or name, and a short touch there does nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazyComponent } from '../ui/hooks.ts';
import { setStaffOpen } from './updates.ts';

export const LONG_PRESS_MS = 3000;

const StaffScreen = lazyComponent(
  () => import('./StaffScreen.tsx').then((m) => m.StaffScreen),
  () => null,
);

export function StaffEntry() {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => clearTimeout(timer.current);
  useEffect(() => {
    setStaffOpen(open);
  }, [open]);
  useEffect(() => cancel, []);
  return (
    <>
      <div
        class="staff-corner"
        data-testid="staff-corner"
        aria-hidden="true"
        onPointerDown={() => {
          cancel();
          timer.current = setTimeout(() => setOpen(true), LONG_PRESS_MS);
        }}
        onPointerUp={cancel}
        onPointerCancel={cancel}
        onPointerLeave={cancel}
        onContextMenu={(e) => e.preventDefault()}
        style={{
          position: 'fixed',
          top: 0,
          right: 0,
          width: '56px',
          height: '56px',
          zIndex: 900,
          background: 'transparent',
          touchAction: 'none',
          userSelect: 'none',
        }}
      />
      {open ? <StaffScreen onClose={() => setOpen(false)} /> : null}
    </>
  );
}
