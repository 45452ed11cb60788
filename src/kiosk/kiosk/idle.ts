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
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

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
    private readonly tickMs = 250,
  ) {}

  /** Starts (or restarts) counting from now. */
  start(): void {
    this.last = this.clock.now();
    if (this.phase === 'warning') this.callbacks.onContinue();
    this.phase = 'active';
    this.extensions = 0;
    if (this.handle === null) this.handle = this.clock.setInterval(() => this.tick(), this.tickMs);
  }

  /** Stops counting (the attract screen, a reset under way). */
  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
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

  private tick(): void {
    const now = this.clock.now();
    const { timeoutMs, warningMs } = this.timings();
    if (this.phase === 'active') {
      if (now - this.last < timeoutMs) return;
      this.phase = 'warning';
      this.warnedAt = now;
      this.shown = Math.ceil(warningMs / 1000);
      this.callbacks.onWarn(this.shown);
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
