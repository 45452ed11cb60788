// Token bucket per key (client IP): `capacity` requests at once, refilled at `refillPerSecond`.

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Buckets kept at most; full buckets are dropped first when exceeded. */
  maxKeys?: number;
  now?: () => number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly opts: TokenBucketOptions) {
    this.now = opts.now ?? (() => performance.now());
  }

  take(key: string, cost = 1): TakeResult {
    const now = this.now();
    const { capacity, refillPerSecond } = this.opts;
    let b = this.buckets.get(key);
    if (b) {
      // max(0, …): a clock that steps back (NTP, a test) must not drain the bucket.
      b.tokens = Math.min(capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * refillPerSecond);
      b.at = now;
    } else {
      if (this.buckets.size >= (this.opts.maxKeys ?? 10_000)) this.prune(now);
      b = { tokens: capacity, at: now };
      this.buckets.set(key, b);
    }
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - b.tokens) / refillPerSecond)) };
  }

  /** Gives back what take() took (a login that succeeded is not a guess). */
  refund(key: string, cost = 1): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.opts.capacity, b.tokens + cost);
  }

  private prune(now: number): void {
    const { capacity, refillPerSecond } = this.opts;
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(k);
    }
    // Still full of active keys: drop the oldest half rather than grow without bound.
    if (this.buckets.size >= (this.opts.maxKeys ?? 10_000)) {
      let n = Math.floor(this.buckets.size / 2);
      for (const k of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(k);
      }
    }
  }
}

export interface FailureLockoutOptions {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  /** Keys kept at most; the oldest are dropped first. */
  maxKeys?: number;
  now?: () => number;
}

/**
 * Locks a key (a receipt code) after `maxFailures` failures within `windowMs`, whoever made them: a per-client
 * limit alone lets many clients share the 10⁴ phone endings of one code. Successes do not count.
 */
export class FailureLockout {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly opts: FailureLockoutOptions) {
    this.now = opts.now ?? (() => performance.now());
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.opts.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the key may be tried again; 0 when it is not locked. */
  lockedFor(key: string): number {
    const now = this.now();
    const list = this.recent(key, now);
    if (list.length < this.opts.maxFailures) return 0;
    const oldestThatCounts = list[list.length - this.opts.maxFailures]!;
    return Math.max(1, Math.ceil((oldestThatCounts + this.opts.windowMs - now) / 1000));
  }

  fail(key: string): void {
    const now = this.now();
    const list = this.recent(key, now);
    list.push(now);
    if (list.length > this.opts.maxFailures) list.splice(0, list.length - this.opts.maxFailures);
    this.failures.delete(key);
    this.failures.set(key, list);
    const max = this.opts.maxKeys ?? 100_000;
    for (const k of this.failures.keys()) {
      if (this.failures.size <= max) break;
      this.failures.delete(k);
    }
  }
}
