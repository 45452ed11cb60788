// When an application was filed, on the zone server's clock: the date of receipt in law (收到申请之日, Art. 31) must
// not come from a kiosk's clock, which can be wrong or forged (a createdAt of 2020 or 2031 became the legal date).
// The kiosk says when it filed (createdAt) and when it sent this attempt (sentAt), both on its own clock; their
// difference is how long the application waited in the outbox, which the server subtracts from its own now. Sent at
// once (online), that is the server's now. Queued offline, the filing time is kept, but only inside the outbox's
// maximum age; beyond it, or in the future, the server's now is the filing time and the application is flagged.

/** The outbox's maximum age: an application delivered later than this keeps no filing time of its own. */
export const OUTBOX_MAX_AGE_DAYS = 30;
export const OUTBOX_MAX_AGE_MS = OUTBOX_MAX_AGE_DAYS * 86_400_000;
/** Clock difference tolerated between createdAt and sentAt before "filed in the future" (a sub-second jitter). */
export const FILING_SKEW_MS = 60_000;

export type FilingTimeFlag =
  /** createdAt after sentAt (or after the server's now when sentAt is missing): a kiosk clock jumped or a forgery. */
  | 'filed-in-future'
  /** Queued longer than the outbox's maximum age. */
  | 'queued-too-long';

export interface FilingTime {
  /** The filing time on the server's clock: the basis of the legal date of receipt. */
  filedAt: Date;
  /** How long the kiosk says it queued the application, ms (0 when flagged). */
  queuedMs: number;
  flag: FilingTimeFlag | null;
}

export function filingTimeOnServerClock(input: {
  createdAt: string;
  sentAt?: string | undefined;
  now: Date;
  maxAgeMs?: number;
}): FilingTime {
  const now = input.now.getTime();
  const created = Date.parse(input.createdAt);
  const sent = input.sentAt === undefined ? now : Date.parse(input.sentAt);
  const maxAge = input.maxAgeMs ?? OUTBOX_MAX_AGE_MS;
  const queued = sent - created;
  if (!Number.isFinite(queued) || queued < -FILING_SKEW_MS) {
    return { filedAt: input.now, queuedMs: 0, flag: 'filed-in-future' };
  }
  if (queued > maxAge) return { filedAt: input.now, queuedMs: 0, flag: 'queued-too-long' };
  const queuedMs = Math.max(0, queued);
  return { filedAt: new Date(now - queuedMs), queuedMs, flag: null };
}
