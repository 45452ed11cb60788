// The idle timer: after `timeoutMs` without activity a warning with a countdown of `warningMs`; 继续使用 during
// the warning keeps the visit (as often as the visitor wants); when the countdown ends, expire.
// Pure logic over injectable clock functions, so unit tests drive it with fake timers.

export type IdlePhase = 'stopped' | 'active' | 'warning';

export interface IdleTimings {
  /** Milliseconds without activity before the warning (browsing or inside the form). */
  timeoutMs: number;
  /** Length of the warning's countdown. */
  warningMs: number;
}

export interface IdleCallbacks {
  /** The warning opens; seconds left. */
  onWarn(secondsLeft: number): void;
  /** Once a second while the warning is open. */
  onTick(secondsLeft: number): void;
  /** The warning closes because the visit goes on. */
  onContinue(): void;
  /** The countdown ended: reset the kiosk for the next visitor. */
  onExpire(): void;
}

export interface IdleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The countdown's step while the warning is open. */
const COUNTDOWN_STEP_MS = 250;
/**
 * While the visit is active the timer wakes at the deadline, or after this long at most: the timings depend on
 * the route (the form's is longer), and a visitor who leaves the form for a shorter timeout is caught this late
 * at worst. It used to wake every 250 ms, reading the route and the settings each time, work that landed inside
 * keystrokes on a kiosk CPU (issue 11, item 7).
 */
const ACTIVE_RECHECK_MS = 5_000;

export class IdleTimer {
  phase: IdlePhase = 'stopped';
  /** How many times the visitor chose to continue (no limit). */
  extensions = 0;
  private last = 0;
  private warnedAt = 0;
  private shown = -1;
  private handle: unknown = null;

  constructor(
    private readonly timings: () => IdleTimings,
    private readonly callbacks: IdleCallbacks,
    private readonly clock: IdleClock = realClock,
  ) {}

  /** Starts (or restarts) counting from now. */
  start(): void {
    this.last = this.clock.now();
    if (this.phase === 'warning') this.callbacks.onContinue();
    this.phase = 'active';
    this.extensions = 0;
    if (this.handle === null) this.tick();
  }

  /** Stops counting (the attract screen, a reset under way). */
  stop(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.phase = 'stopped';
  }

  /**
   * A touch, key or wheel anywhere: the visit goes on. While the warning is open only an explicit 继续使用
   * (the button, Esc, a tap beside the dialog) keeps the visit, so the touch that presses the button is the one
   * that counts and the dialog does not vanish under the finger.
   */
  activity(): void {
    if (this.phase === 'active') this.last = this.clock.now();
  }

  /** 继续使用. */
  continueVisit(): void {
    if (this.phase !== 'warning') return;
    this.extensions++;
    this.phase = 'active';
    this.last = this.clock.now();
    this.callbacks.onContinue();
  }

  /** Seconds left in the warning, or null when there is none. */
  secondsLeft(): number | null {
    if (this.phase !== 'warning') return null;
    const left = this.timings().warningMs - (this.clock.now() - this.warnedAt);
    return Math.max(0, Math.ceil(left / 1000));
  }

  /** The next look at the clock, `ms` from now. */
  private wakeIn(ms: number): void {
    this.handle = this.clock.setTimeout(() => this.tick(), Math.max(0, ms));
  }

  private tick(): void {
    this.handle = null;
    const now = this.clock.now();
    const { timeoutMs, warningMs } = this.timings();
    if (this.phase === 'active') {
      const idleFor = now - this.last;
      if (idleFor < timeoutMs) {
        this.wakeIn(Math.min(timeoutMs - idleFor, ACTIVE_RECHECK_MS));
        return;
      }
      this.phase = 'warning';
      this.warnedAt = now;
      this.shown = Math.ceil(warningMs / 1000);
      this.callbacks.onWarn(this.shown);
      this.wakeIn(COUNTDOWN_STEP_MS);
      return;
    }
    if (this.phase !== 'warning') return;
    const left = warningMs - (now - this.warnedAt);
    if (left <= 0) {
      this.stop();
      this.callbacks.onExpire();
      return;
    }
    const secs = Math.ceil(left / 1000);
    if (secs !== this.shown) {
      this.shown = secs;
      this.callbacks.onTick(secs);
    }
    this.wakeIn(Math.min(COUNTDOWN_STEP_MS, left));
  }
}

/** The idle timings for a route: the form (#/apply…) gets the longer time. */
export function timingsFor(
  routeParts: readonly string[],
  idle: { browseSeconds: number; formSeconds: number; warningSeconds: number },
): IdleTimings {
  const seconds = routeParts[0] === 'apply' ? idle.formSeconds : idle.browseSeconds;
  return { timeoutMs: seconds * 1000, warningMs: idle.warningSeconds * 1000 };
}

/**
 * Test override, `?idle=browse,warning[,form]` in seconds: honoured only in development or under automation
 * (navigator.webdriver), never on a kiosk a visitor uses. Null when absent or malformed.
 */
export function idleOverride(
  search: string,
  allowed: boolean,
): { browseSeconds: number; formSeconds: number; warningSeconds: number } | null {
  if (!allowed) return null;
  const raw = new URLSearchParams(search).get('idle');
  if (!raw) return null;
  const [browse, warning, form] = raw.split(',').map(Number);
  if (!browse || !warning || browse <= 0 || warning <= 0) return null;
  return { browseSeconds: browse, warningSeconds: warning, formSeconds: form && form > 0 ? form : browse };
}
