// Applications the intake server refused with a 4xx (state 'rejected'): set aside for staff, never sent again by
// themselves. The staff screen lists them (receipt code, dates, the HTTP status and error code; never the server's
// message, which may quote what the visitor typed) and can put one back in the queue or, once it has been handled on
// paper, delete it with its ciphertext. Works on the outbox database directly, apart from the sender (outbox.ts).
import type { OutboxDb } from './db.ts';
import type { OutboxEntry } from './machine.ts';

export interface SetAsideEntry {
  clientId: string;
  receiptCode: string;
  /** Filed at the kiosk (ISO). */
  createdAt: string;
  /** When the server refused it (ISO), if known. */
  rejectedAt: string | null;
  /** The HTTP status of the refusal, e.g. 400. */
  status: number | null;
  /** The server's error code, e.g. `invalid_application` (or `http_400` when the answer had none). */
  code: string | null;
  /** The ciphertext is still there, so it can be sent again. */
  canResend: boolean;
}

/**
 * Status and error code of a refusal reason as the outbox's state machine writes it (`400 invalid_application:
 * message`); the message part is dropped on purpose.
 */
export function parseRefusal(reason: string | undefined): { status: number | null; code: string | null } {
  const m = /^(\d{3})(?:\s+([A-Za-z0-9_.-]+))?/.exec(reason ?? '');
  if (!m) return { status: null, code: null };
  return { status: Number(m[1]), code: m[2] ?? null };
}

function toSetAside(e: OutboxEntry): SetAsideEntry {
  const { status, code } = parseRefusal(e.rejectedReason ?? e.lastError);
  return {
    clientId: e.clientId,
    receiptCode: e.receiptCode,
    createdAt: e.createdAt,
    rejectedAt: e.rejectedAt ?? null,
    status,
    code,
    canResend: !!e.envelope,
  };
}

/** The applications set aside, oldest first (the longest waiting at the top). */
export async function listSetAside(db: OutboxDb): Promise<SetAsideEntry[]> {
  const rows = await db.entries.where('state').equals('rejected').toArray();
  return rows
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.clientId.localeCompare(b.clientId))
    .map(toSetAside);
}

/**
 * Puts a set-aside application back in the queue, due at once (the caller then kicks the outbox). The refusal is
 * kept in lastError for the record. False when it is not set aside (any more) or has no ciphertext to send.
 */
export async function requeueSetAside(db: OutboxDb, clientId: string): Promise<boolean> {
  return db.transaction('rw', db.entries, async () => {
    const e = await db.entries.get(clientId);
    if (!e || e.state !== 'rejected' || !e.envelope) return false;
    const next: OutboxEntry = {
      ...e,
      state: 'pending',
      nextAttemptAt: 0,
      retryAfterUntil: undefined,
      serverErrors: 0,
      rejectedAt: undefined,
      rejectedReason: undefined,
    };
    await db.entries.put(next);
    return true;
  });
}

/**
 * Deletes a set-aside application and its ciphertext (staff handled it on paper). False when it is not set aside:
 * a pending or delivered application is never deleted here.
 */
export async function discardSetAside(db: OutboxDb, clientId: string): Promise<boolean> {
  return db.transaction('rw', db.entries, async () => {
    const e = await db.entries.get(clientId);
    if (!e || e.state !== 'rejected') return false;
    await db.entries.delete(clientId);
    return true;
  });
}
