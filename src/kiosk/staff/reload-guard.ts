// Guards against reload loops when applying an app update: a page reloads for a waiting service worker at most
// once per RELOAD_GUARD_MS, remembered in kiosk-meta (appReload) across the reload itself.
export const RELOAD_GUARD_MS = 10 * 60_000;

export interface ReloadRecord {
  at: number;
  /** The app version that asked for the reload. */
  from: string;
}

/** True when a reload for an app update may happen now. */
export function mayReload(last: ReloadRecord | undefined, now: number, guardMs = RELOAD_GUARD_MS): boolean {
  if (!last) return true;
  // A clock that jumped back (no RTC battery, NTP correction) must not block updates forever.
  if (last.at > now) return now + guardMs < last.at;
  return now - last.at >= guardMs;
}
