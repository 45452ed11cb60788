// The outbox: sealed applications written durably before the receipt appears, then delivered exactly once (the
// client id is the Idempotency-Key; the server replays its first answer). One sender at a time (Web Locks).
// Retries with backoff and jitter; a 4xx answer sets the application aside for staff without blocking the others.
// Backoff follows the link, not each application's history (see LinkState in machine.ts): failures in a row set
// the exponent and any acknowledgement resets it, so under random per-request failures the drain time is bounded
// by the work, not by waiting.
import type { Application } from '../../core/application/schema.ts';
import { sealJson, type PublicEcJwk } from '../../core/crypto/sealed-box.ts';
import type { OutboxDb } from './db.ts';
import {
  applyTransition,
  decide,
  DEFAULT_POLICY,
  dueEntries,
  failuresInARow,
  isPaused,
  newLinkState,
  nextDueAt,
  observe,
  type AttemptResult,
  type LinkState,
  type OutboxEntry,
  type RetryPolicy,
} from './machine.ts';

export const SENDER_LOCK = 'kiosk-outbox-sender';
/** Acknowledged rows are kept this long (the reply is due within 40 working days at most, Art. 33). */
export const PRUNE_AFTER_DAYS = 180;

export interface OutboxOptions {
  db: OutboxDb;
  /** Base URL of the zone server ('' = same origin). */
  serverUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  policy?: RetryPolicy;
  /** Runs fn holding the sender lock; resolves false without running it when another sender holds the lock. */
  withLock?: (fn: () => Promise<void>) => Promise<boolean>;
  /** Non-personal metadata sent beside each application. */
  meta?: { site?: string; kioskId?: string; appVersion?: string };
  /** A timer that sends again even when nothing seems due (ms). */
  periodMs?: number;
  /** Where the `online` event comes from (window by default). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** One request may take this long before it counts as a network failure (ms). */
  requestTimeoutMs?: number;
}

/** Web Locks when the browser has them (one sender across tabs and workers), else one per page. */
export function defaultWithLock(): (fn: () => Promise<void>) => Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (locks) {
    return async (fn) => {
      let ran = false;
      await locks.request(SENDER_LOCK, { ifAvailable: true }, async (lock) => {
        if (!lock) return;
        ran = true;
        await fn();
      });
      return ran;
    };
  }
  let held = false;
  return async (fn) => {
    if (held) return false;
    held = true;
    try {
      await fn();
      return true;
    } finally {
      held = false;
    }
  };
}

export class Outbox {
  readonly db: OutboxDb;
  private readonly serverUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly withLock: (fn: () => Promise<void>) => Promise<boolean>;
  private readonly meta: NonNullable<OutboxOptions['meta']>;
  private readonly periodMs: number;
  private readonly requestTimeoutMs: number;
  private readonly events: OutboxOptions['events'];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again: { force: boolean } | null = null;
  private stopped = false;
  private pruneFirst = false;
  /** The last pass could not take the sender lock (another tab or worker is sending). */
  private lockMissed = false;
  /** What the attempts so far say about the link (failure streak, acknowledgements, pause). */
  readonly link: LinkState = newLinkState();
  private readonly listeners = new Set<() => void>();
  private readonly onOnline = () => void this.kick({ force: true });

  constructor(o: OutboxOptions) {
    this.db = o.db;
    this.serverUrl = (o.serverUrl ?? '').replace(/\/+$/, '');
    this.fetchFn = o.fetch ?? ((input, init) => fetch(input, init));
    this.now = o.now ?? (() => Date.now());
    this.random = o.random ?? Math.random;
    this.policy = o.policy ?? DEFAULT_POLICY;
    this.withLock = o.withLock ?? defaultWithLock();
    this.meta = o.meta ?? {};
    this.periodMs = o.periodMs ?? 60_000;
    this.requestTimeoutMs = o.requestTimeoutMs ?? 20_000;
    this.events =
      o.events !== undefined
        ? o.events
        : typeof globalThis.addEventListener === 'function'
          ? globalThis
          : null;
  }

  /**
   * Seals the application to the intake key and writes it; resolves once the write has committed. Only then may
   * the receipt be shown. Plaintext never reaches the database.
   */
  async enqueue(
    application: Application,
    intakeKey: PublicEcJwk,
    receiptRule: OutboxEntry['receiptRule'],
  ): Promise<OutboxEntry> {
    const envelope = await sealJson(intakeKey, application, application.clientId);
    const entry: OutboxEntry = {
      clientId: application.clientId,
      receiptCode: application.receiptCode,
      state: 'pending',
      createdAt: application.createdAt,
      receiptRule,
      envelope,
      attempts: 0,
      nextAttemptAt: 0,
    };
    await this.db.transaction('rw', this.db.entries, async () => {
      await this.db.entries.add(entry);
    });
    this.emit();
    return entry;
  }

  /** Listens to changes (an entry written, sent, set aside). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /** Sends now: at start, after a submit, when the network returns (force: ignore backoff, not Retry-After). */
  kick(opts: { force?: boolean } = {}): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const force = opts.force ?? false;
    if (this.running) {
      this.again = { force: force || (this.again?.force ?? false) };
      return this.running;
    }
    this.running = (async () => {
      if (this.pruneFirst) {
        this.pruneFirst = false;
        await this.prune().catch(() => 0);
      }
      let pass: { force: boolean } | null = { force };
      while (pass && !this.stopped) {
        this.again = null;
        const p: { force: boolean } = pass;
        this.lockMissed = !(await this.withLock(() => this.drain(p.force)));
        // A kick that came in while sending (a submit, the network back, the timer) gets its own look.
        pass = this.lockMissed ? null : this.again;
      }
    })().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  /** Starts the sender: at once, on `online`, and on a timer. Old acknowledged rows are pruned first. */
  start(): void {
    this.stopped = false;
    this.events?.addEventListener('online', this.onOnline);
    this.pruneFirst = true;
    void this.kick({ force: true });
  }

  /**
   * Forgets acknowledged applications delivered more than `keepDays` ago (only a code, a status and dates are left
   * of them anyway; the office holds the record). Pending and set-aside ones are never pruned.
   */
  async prune(keepDays = PRUNE_AFTER_DAYS): Promise<number> {
    const cutoff = new Date(this.now() - keepDays * 86_400_000).toISOString();
    return this.db.entries
      .where('state')
      .equals('acknowledged')
      .filter((e) => typeof e.deliveredAt === 'string' && e.deliveredAt < cutoff)
      .delete();
  }

  stop(): void {
    this.stopped = true;
    this.events?.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Waits for the current sending pass, if any (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    void this.db.entries
      .where('state')
      .equals('pending')
      .toArray()
      .then((pending) => {
        if (this.stopped || this.running) return;
        let next = nextDueAt(pending);
        if (next === null) return;
        next = Math.max(next, this.link.pausedUntil);
        // Another sender holds the lock: look again a little later, not in a tight loop.
        if (this.lockMissed) next = Math.max(next, this.now() + this.policy.baseMs / 2);
        const delay = Math.min(this.periodMs, Math.max(0, next - this.now()));
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.kick(), delay);
      })
      .catch(() => undefined);
  }

  /**
   * Sends what is due, holding the lock, until nothing is: after each round, the applications that failed before
   * the server acknowledged another one are due again at once (bad luck, not an outage), and so are those whose
   * backoff ran out meanwhile. Stops early when paused after a run of failures. `force` skips backoff (and a
   * pause) in the first round only, never a Retry-After.
   */
  private async drain(force: boolean): Promise<void> {
    if (force) this.link.pausedUntil = 0;
    for (let round = 0; !this.stopped; round++) {
      if (isPaused(this.link, this.now())) return;
      const pending = await this.db.entries.where('state').equals('pending').toArray();
      const due = dueEntries(pending, this.now(), { force: force && round === 0, link: this.link });
      let sent = 0;
      for (const candidate of due) {
        if (this.stopped || isPaused(this.link, this.now())) return;
        if (await this.send(candidate.clientId)) sent++;
      }
      // Nothing left that can be sent (or another sender finished them): done.
      if (!sent) return;
    }
  }

  /** One attempt for one application; false when there was nothing to send. */
  private async send(clientId: string): Promise<boolean> {
    // Read it again: another sender (another tab, before this one held the lock) may have finished it.
    const entry = await this.db.entries.get(clientId);
    if (!entry || entry.state !== 'pending' || !entry.envelope) {
      this.link.failedAt.delete(clientId);
      return false;
    }
    const result = await this.attempt(entry);
    const now = this.now();
    const t = decide(entry, result, now, this.random, this.policy, failuresInARow(this.link));
    const retryAfter = t.next === 'retry' && result.kind === 'http' && !!result.retryAfter;
    let next = applyTransition(entry, t, now);
    if (retryAfter) next = { ...next, retryAfterUntil: next.nextAttemptAt };
    else if (next.retryAfterUntil) next = { ...next, retryAfterUntil: undefined };
    await this.db.transaction('rw', this.db.entries, async () => {
      await this.db.entries.put(next);
    });
    observe(this.link, entry.clientId, t, retryAfter, now, this.random, this.policy);
    this.emit();
    return true;
  }

  private async attempt(entry: OutboxEntry): Promise<AttemptResult> {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.requestTimeoutMs);
    try {
      const res = await this.fetchFn(`${this.serverUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.clientId },
        body: JSON.stringify({
          envelope: entry.envelope,
          meta: {
            ...this.meta,
            receiptRule: entry.receiptRule,
            sentAt: new Date(this.now()).toISOString(),
            attempt: entry.attempts + 1,
          },
        }),
        signal: controller.signal,
        cache: 'no-store',
      });
      let body: unknown = undefined;
      try {
        body = await res.json();
      } catch {
        // not JSON: decide() treats it by status alone
      }
      return { kind: 'http', status: res.status, retryAfter: res.headers.get('Retry-After'), body };
    } catch (e) {
      return {
        kind: 'network',
        message: (e as Error).name === 'AbortError' ? 'timeout' : String((e as Error).message),
      };
    } finally {
      clearTimeout(timeout);
    }
  }

  /** Every entry, newest first (staff screen, receipt look-up). */
  async list(): Promise<OutboxEntry[]> {
    return (await this.db.entries.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async get(clientId: string): Promise<OutboxEntry | null> {
    return (await this.db.entries.get(clientId)) ?? null;
  }

  async byReceiptCode(code: string): Promise<OutboxEntry | null> {
    return (await this.db.entries.where('receiptCode').equals(code).first()) ?? null;
  }

  async counts(): Promise<Record<OutboxEntry['state'], number>> {
    const all = await this.db.entries.toArray();
    const c = { pending: 0, acknowledged: 0, rejected: 0 };
    for (const e of all) c[e.state]++;
    return c;
  }
}
