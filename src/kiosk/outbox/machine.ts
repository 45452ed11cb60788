// The outbox's state machine, pure: what an answer (or a failure) of the intake server means for a queued
// application, and when to try again. No DOM, no IndexedDB, no clock of its own: testable with plain values.
import type { SealedEnvelope } from '../../core/crypto/sealed-box.ts';

export type OutboxState = 'pending' | 'acknowledged' | 'rejected';

/** One application in the outbox. The ciphertext is there only while it is pending. */
export interface OutboxEntry {
  /** UUID v4, the Idempotency-Key. */
  clientId: string;
  receiptCode: string;
  state: OutboxState;
  /** Created at the kiosk (ISO). */
  createdAt: string;
  /** The kiosk-config receiptRule the receipt was printed under. */
  receiptRule: 'in-person' | 'electronic';
  /** The sealed application; deleted once the server has acknowledged it. */
  envelope?: SealedEnvelope | undefined;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms before which it is not tried again (backoff). */
  nextAttemptAt: number;
  /** Set when the server asked to wait (Retry-After): a forced send (network back, new submit) still waits. */
  retryAfterUntil?: number | undefined;
  /** The last failure, for the staff screen (never personal data: a status or error code). */
  lastError?: string | undefined;
  /** 500-class answers in a row that were about this application, not the link (see MAX_SERVER_ERRORS). */
  serverErrors?: number | undefined;
  /** Set when the server acknowledged: the server's number and status, and the dates it gave. */
  serverNumber?: number | undefined;
  status?: string | undefined;
  /** Delivered to the server (the server's time). */
  deliveredAt?: string | undefined;
  /** Confirmed received by the office: the legal date of receipt (Art. 31), null until confirmed. */
  receivedOn?: string | null | undefined;
  dueOn?: string | null | undefined;
  /** A 4xx answer: set aside for staff with the reason. */
  rejectedAt?: string | undefined;
  rejectedReason?: string | undefined;
}

/** What the intake server answers on 201 (src/server/store.ts IntakeResponse). */
export interface IntakeAck {
  number: number;
  clientId: string;
  receiptCode: string;
  status: string;
  deliveredAt: string;
  receivedOn: string | null;
  dueOn: string | null;
}

export interface RetryPolicy {
  /** First retry delay, ms. */
  baseMs: number;
  /** Ceiling of the exponential delay, ms. */
  maxMs: number;
  /** Ceiling for a server-given Retry-After, ms (a broken header must not park an application for days). */
  maxRetryAfterMs: number;
  /**
   * Failures in a row (across applications) after which the sender stops sending and waits: the link is down, not
   * unlucky. Then one application at a time probes, with the pause growing exponentially from baseMs again.
   */
  pauseAfter?: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  baseMs: 2_000,
  maxMs: 5 * 60_000,
  maxRetryAfterMs: 30 * 60_000,
  pauseAfter: 8,
};

/**
 * Exponential backoff with "equal jitter": half the exponential delay fixed, half random, so a hall full of kiosks
 * coming back online at once does not hit the server in lockstep, and a delay never collapses to zero.
 * attempt is the number of failures in a row (1 after the first failure).
 */
export function backoffMs(
  attempt: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_POLICY,
): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After: delta-seconds or an HTTP date; ms from now, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** The result of one attempt to send, as the sender observed it. */
export type AttemptResult =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; retryAfter?: string | null; body?: unknown };

export type Transition =
  | { next: 'acknowledged'; ack: IntakeAck }
  | { next: 'retry'; delayMs: number; reason: string; serverError?: boolean }
  | { next: 'rejected'; reason: string };

// 401: this kiosk is not (or no longer) enrolled, or its clock is off: kept until staff enrol it, never dropped.
const RETRYABLE_4XX = new Set([401, 408, 425, 429]);
/** The server (or a proxy) is away or overloaded: about the link, retried as long as it takes, like no network. */
const LINK_5XX = new Set([502, 503, 504]);
/**
 * A 500 (or 501, 505…) is the server failing on this very application: retried a few times (a passing fault), then
 * set aside for staff instead of retrying forever and keeping the sender busy.
 */
export const MAX_SERVER_ERRORS = 5;

function errorReason(status: number, body: unknown): string {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `http_${status}`;
  const message = typeof err?.message === 'string' ? err.message : '';
  return message ? `${status} ${code}: ${message}` : `${status} ${code}`;
}

function isAck(body: unknown, clientId: string): body is IntakeAck {
  const b = body as Partial<IntakeAck> | null;
  return (
    !!b &&
    typeof b === 'object' &&
    typeof b.number === 'number' &&
    b.clientId === clientId &&
    typeof b.receiptCode === 'string' &&
    typeof b.status === 'string'
  );
}

/**
 * Decides what one attempt means for the entry. `failuresInARow` (this attempt included, were it to fail) is the
 * exponent of the backoff: the sender passes its link's failure streak (see LinkState), which any acknowledgement
 * resets. It defaults to the entry's own attempt count.
 */
export function decide(
  entry: Pick<OutboxEntry, 'clientId' | 'attempts' | 'serverErrors'>,
  result: AttemptResult,
  now: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_POLICY,
  failuresInARow: number = entry.attempts + 1,
): Transition {
  const failures = Math.max(1, failuresInARow);
  if (result.kind === 'network') {
    return {
      next: 'retry',
      delayMs: backoffMs(failures, random, policy),
      reason: `network: ${result.message}`,
    };
  }
  const { status } = result;
  if (status >= 200 && status < 300) {
    if (isAck(result.body, entry.clientId)) return { next: 'acknowledged', ack: result.body };
    // A 2xx we cannot read (a captive portal, a proxy page): not an acknowledgement; try again later.
    return {
      next: 'retry',
      delayMs: backoffMs(failures, random, policy),
      reason: `${status} unreadable answer`,
    };
  }
  const serverError = status >= 500 && !LINK_5XX.has(status);
  if (serverError && (entry.serverErrors ?? 0) + 1 >= MAX_SERVER_ERRORS) {
    return {
      next: 'rejected',
      reason: `${errorReason(status, result.body)} (${MAX_SERVER_ERRORS} server errors in a row)`,
    };
  }
  if (status >= 500 || RETRYABLE_4XX.has(status)) {
    const backoff = backoffMs(failures, random, policy);
    const after = parseRetryAfter(result.retryAfter, now);
    const delayMs = after === null ? backoff : Math.max(Math.min(after, policy.maxRetryAfterMs), 1000);
    return {
      next: 'retry',
      delayMs,
      reason: errorReason(status, result.body),
      ...(serverError ? { serverError } : {}),
    };
  }
  // Any other answer (400, 409, 413…): the server will not take it as it is; retrying cannot help.
  return { next: 'rejected', reason: errorReason(status, result.body) };
}

/** Applies a transition to an entry: the new row to store. Acknowledged rows lose their ciphertext. */
export function applyTransition(entry: OutboxEntry, t: Transition, now: number): OutboxEntry {
  const attempts = entry.attempts + 1;
  switch (t.next) {
    case 'acknowledged':
      return {
        clientId: entry.clientId,
        receiptCode: entry.receiptCode,
        createdAt: entry.createdAt,
        receiptRule: entry.receiptRule,
        state: 'acknowledged',
        attempts,
        nextAttemptAt: 0,
        serverNumber: t.ack.number,
        status: t.ack.status,
        deliveredAt: t.ack.deliveredAt,
        receivedOn: t.ack.receivedOn,
        dueOn: t.ack.dueOn,
      };
    case 'retry':
      return {
        ...entry,
        attempts,
        nextAttemptAt: now + t.delayMs,
        lastError: t.reason,
        // Counts only 500s in a row; a network failure or a link-level 5xx leaves the count, anything else resets.
        serverErrors: t.serverError
          ? (entry.serverErrors ?? 0) + 1
          : t.reason.startsWith('network:') || /^50[234]\b/.test(t.reason)
            ? entry.serverErrors
            : 0,
      };
    case 'rejected':
      return {
        ...entry,
        state: 'rejected',
        attempts,
        nextAttemptAt: 0,
        lastError: t.reason,
        rejectedAt: new Date(now).toISOString(),
        rejectedReason: t.reason,
      };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The link: what the sender has learnt across applications. Failures are per request and often random (a flaky
// hall network, a proxy dropping an answer): one application failing says little about the next, and an
// acknowledgement right after a failure says the failure was bad luck. So backoff follows the link, not the entry's
// lifetime: the exponent is the number of failures in a row, reset by any acknowledgement; an entry that failed
// before the server last acknowledged one is due again at once; only a long run of failures (an outage) pauses.

/** The sender's view of the link, kept in memory (a restart starts afresh, which only means trying sooner). */
export interface LinkState {
  /** Failed attempts in a row since the server last acknowledged an application. */
  streak: number;
  /** Acknowledgements so far: a counter, so that "failed before the last acknowledgement" needs no clock. */
  acks: number;
  /** clientId → `acks` when it last failed (a failure without Retry-After; others are not listed). */
  failedAt: Map<string, number>;
  /** No unforced sending before this (epoch ms): set once `pauseAfter` attempts in a row have failed. */
  pausedUntil: number;
}

export function newLinkState(): LinkState {
  return { streak: 0, acks: 0, failedAt: new Map(), pausedUntil: 0 };
}

/** The backoff exponent to decide the next attempt with: this attempt, were it to fail, would make it streak + 1. */
export function failuresInARow(link: LinkState): number {
  return link.streak + 1;
}

/** True when the entry failed before the server's latest acknowledgement: bad luck, worth trying again now. */
export function failedBeforeLastAck(link: LinkState, clientId: string): boolean {
  const at = link.failedAt.get(clientId);
  return at !== undefined && at < link.acks;
}

/**
 * Records what one attempt showed about the link (mutates link). An acknowledgement resets the streak and lifts a
 * pause; a rejection is neutral; a failure lengthens the streak, and after policy.pauseAfter in a row pauses the
 * sender for a backoff that starts from baseMs again (or the server's Retry-After, when longer).
 */
export function observe(
  link: LinkState,
  clientId: string,
  t: Transition,
  honoursRetryAfter: boolean,
  now: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_POLICY,
): void {
  if (t.next === 'rejected') {
    // The server answered, but a 4xx proves little about the path (a captive portal answers too): neutral.
    link.failedAt.delete(clientId);
    return;
  }
  if (t.next === 'acknowledged') {
    link.streak = 0;
    link.acks++;
    link.pausedUntil = 0;
    link.failedAt.delete(clientId);
    return;
  }
  link.streak++;
  if (honoursRetryAfter) link.failedAt.delete(clientId);
  else link.failedAt.set(clientId, link.acks);
  const pauseAfter = policy.pauseAfter ?? Infinity;
  if (link.streak >= pauseAfter) {
    const pause = backoffMs(link.streak - pauseAfter + 1, random, policy);
    link.pausedUntil = now + Math.max(pause, honoursRetryAfter ? t.delayMs : 0);
  }
}

/** True while the sender is paused after a run of failures (a forced send ignores the pause). */
export function isPaused(link: LinkState, now: number): boolean {
  return now < link.pausedUntil;
}

/**
 * The pending entries due now, oldest first. `force` (network back, a new submit) ignores backoff but never a
 * Retry-After; `link` makes due the entries that failed before the latest acknowledgement (not under Retry-After).
 */
export function dueEntries(
  entries: readonly OutboxEntry[],
  now: number,
  opts: { force?: boolean; link?: LinkState } = {},
): OutboxEntry[] {
  const { force = false, link } = opts;
  return entries
    .filter((e) => {
      if (e.state !== 'pending') return false;
      if (e.nextAttemptAt <= now) return true;
      if (e.retryAfterUntil !== undefined && e.retryAfterUntil > now) return false;
      return force || (link !== undefined && failedBeforeLastAck(link, e.clientId));
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.clientId.localeCompare(b.clientId));
}

/** When the next pending entry becomes due (epoch ms), or null when nothing is pending. */
export function nextDueAt(entries: readonly OutboxEntry[]): number | null {
  let next: number | null = null;
  for (const e of entries)
    if (e.state === 'pending') next = next === null ? e.nextAttemptAt : Math.min(next, e.nextAttemptAt);
  return next;
}
