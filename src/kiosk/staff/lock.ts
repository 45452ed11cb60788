// The staff PIN lockout: 5 wrong PINs lock the staff screen for 5 minutes. Pure; the state lives in kiosk-meta
// (staffLock) so that reloading the page does not reset it.
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 5 * 60_000;

export interface StaffLock {
  failures: number;
  lockedUntil: number | null;
}

export const UNLOCKED: StaffLock = { failures: 0, lockedUntil: null };

export interface LockView {
  locked: boolean;
  /** Milliseconds until the lock lifts (0 when not locked). */
  remainingMs: number;
  attemptsLeft: number;
}

export function viewLock(lock: StaffLock | undefined, now: number): LockView {
  const l = lock ?? UNLOCKED;
  if (l.lockedUntil !== null && l.lockedUntil > now)
    return { locked: true, remainingMs: l.lockedUntil - now, attemptsLeft: 0 };
  const failures = l.lockedUntil !== null ? 0 : l.failures; // an expired lock starts a fresh count
  return { locked: false, remainingMs: 0, attemptsLeft: MAX_PIN_FAILURES - failures };
}

export function afterFailure(lock: StaffLock | undefined, now: number): StaffLock {
  const view = viewLock(lock, now);
  if (view.locked) return lock!;
  const failures = MAX_PIN_FAILURES - view.attemptsLeft + 1;
  return failures >= MAX_PIN_FAILURES
    ? { failures, lockedUntil: now + PIN_LOCK_MS }
    : { failures, lockedUntil: null };
}
