// kiosk-outbox: its own small database, apart from the bundle databases (which are replaced on every update) and
// kiosk-meta. Holds the sealed applications waiting to be sent, what is left of them once acknowledged, and the
// intake server's public key for offline starts.
import Dexie, { type Table } from 'dexie';
import type { PublicEcJwk } from '../../core/crypto/sealed-box.ts';
import type { OutboxEntry } from './machine.ts';

export const OUTBOX_DB_NAME = 'kiosk-outbox';

export interface CachedIntakeKey {
  key: 'intakeKey';
  jwk: PublicEcJwk;
  kid: string | null;
  source: 'config' | 'server';
  at: string;
}

export class OutboxDb extends Dexie {
  entries!: Table<OutboxEntry, string>;
  keys!: Table<CachedIntakeKey, string>;

  constructor(name = OUTBOX_DB_NAME) {
    // strict: the write that comes before the receipt is on disk when the transaction completes, not just queued.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      entries: 'clientId, &receiptCode, state, createdAt',
      keys: 'key',
    });
  }
}

let db: OutboxDb | null = null;

export function outboxDb(): OutboxDb {
  db ??= new OutboxDb();
  return db;
}

/** For tests: forget the open handle (after deleting the database). */
export function resetOutboxDb(): void {
  db?.close();
  db = null;
}
