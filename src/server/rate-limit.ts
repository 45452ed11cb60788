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
