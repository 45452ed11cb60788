import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { ApplicationStore, lookupHash, type NewApplication } from '../../../src/server/store.ts';
import { validateApplication } from '../../../src/core/application/schema.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { backends, openMigrated, resetTables } from './helpers.ts';

function newApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  const r = validateApplication(citizenApplication());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return {
    application: r.value,
    contentHash: 'hash-a',
    lookupHash: lookupHash(r.value.receiptCode, '5678'),
    receiptRule: 'in-person',
    meta: { kioskId: 'k1' },
    deliveredAt: new Date('2026-03-02T02:20:00Z'),
    receivedOn: '2026-03-02',
    dueOn: '2026-03-30',
    status: '已受理',
    ...overrides,
  };
}

describe.each(backends())('application store on $name', (backend) => {
  let db: Database;
  let store: ApplicationStore;

  beforeAll(async () => {
    db = await openMigrated(backend);
    store = new ApplicationStore(db);
  });
  afterAll(async () => {
    await backend.dispose(db);
  });
  beforeEach(async () => {
    await resetTables(db);
  });

  it('migrations are applied once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });

  it('creates, then replays the first answer', async () => {
    const a = newApplication();
    const first = await store.insert(a);
    expect(first.kind).toBe('created');
    const again = await store.insert({ ...a, deliveredAt: new Date('2026-03-05T00:00:00Z') });
    expect(again.kind).toBe('replay');
    if (first.kind === 'created' && again.kind === 'replay') expect(again.response).toEqual(first.response);
    expect(await store.count()).toBe(1);
  });

  it('refuses the same key with other content', async () => {
    const a = newApplication();
    await store.insert(a);
    expect((await store.insert({ ...a, contentHash: 'hash-b' })).kind).toBe('conflict');
    expect(await store.count()).toBe(1);
  });

  it('refuses a receipt code already used by another application', async () => {
    const a = newApplication();
    await store.insert(a);
    const b = newApplication();
    b.application = { ...b.application, receiptCode: a.application.receiptCode };
    expect((await store.insert(b)).kind).toBe('receipt-code-taken');
  });

  it('concurrent inserts of one key make one record', async () => {
    const a = newApplication();
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => store.insert(a)));
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'replay')).toHaveLength(11);
    expect(await store.count()).toBe(1);
  });

  it('concurrent applications go in together, each with its own outcome', async () => {
    const a = newApplication();
    const b = newApplication();
    const c = newApplication();
    const sameCodeAsC = newApplication();
    sameCodeAsC.application = { ...sameCodeAsC.application, receiptCode: c.application.receiptCode };
    const kinds = await Promise.all(
      [a, b, c, a, { ...a, contentHash: 'hash-b' }, sameCodeAsC, b].map((x) =>
        store.insert(x).then((o) => o.kind),
      ),
    );
    expect(kinds).toEqual([
      'created',
      'created',
      'created',
      'replay',
      'conflict',
      'receipt-code-taken',
      'replay',
    ]);
    expect(await store.count()).toBe(3);
    const history = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM status_history');
    expect(Number(history[0]!.n)).toBe(3);
  });

  it('a row the database refuses fails alone, not the applications sent with it', async () => {
    const good = [newApplication(), newApplication(), newApplication()];
    const bad = newApplication({ receiptRule: 'by-pigeon' as NewApplication['receiptRule'] });
    const outcomes = await Promise.all(
      [good[0]!, good[1]!, bad, good[2]!].map((x) =>
        store.insert(x).then(
          (o) => o.kind,
          () => 'error',
        ),
      ),
    );
    expect(outcomes).toEqual(['created', 'created', 'error', 'created']);
    expect(await store.count()).toBe(3);
  });

  it('finds by receipt code and second factor only', async () => {
    const a = newApplication();
    await store.insert(a);
    const code = a.application.receiptCode;
    expect(await store.findForStatus(code, lookupHash(code, '5678'))).toMatchObject({
      receiptCode: code,
      status: '已受理',
      receivedOn: '2026-03-02',
      dueOn: '2026-03-30',
      filedAt: '2026-03-02T02:15:00.000Z',
    });
    expect(await store.findForStatus(code, lookupHash(code, '0000'))).toBeNull();
  });

  it('sets a status and keeps history', async () => {
    const a = newApplication({ status: '待确认', receivedOn: null, dueOn: null, receiptRule: 'electronic' });
    await store.insert(a);
    const updated = await store.setStatus(
      a.application.receiptCode,
      '已受理',
      '',
      () => ({ receivedOn: '2026-03-03', dueOn: '2026-03-31' }),
      new Date('2026-03-03T01:00:00Z'),
    );
    expect(updated).toMatchObject({ status: '已受理', receivedOn: '2026-03-03', dueOn: '2026-03-31' });
    expect(
      await store.setStatus('ABCDEFGH3', '延期', '', () => ({ receivedOn: null, dueOn: null }), new Date()),
    ).toBeNull();
    const history = await db.query<{ status: string }>('SELECT status FROM status_history ORDER BY id');
    expect(history.map((h) => h.status)).toEqual(['待确认', '已受理']);
  });

  it('lists for export with the application content', async () => {
    await store.insert(newApplication());
    await store.insert(newApplication({ status: '待确认' }));
    const all = await store.list();
    expect(all).toHaveLength(2);
    expect(all[0]!.application.applicant.name).toBe('阿依古丽·买买提');
    expect(await store.list({ status: '待确认' })).toHaveLength(1);
  });

  it('stores heartbeats and returns the latest per kiosk', async () => {
    await store.addHeartbeat('k1', { kioskId: 'k1', n: 1 }, new Date('2026-03-02T00:00:00Z'));
    await store.addHeartbeat('k1', { kioskId: 'k1', n: 2 }, new Date('2026-03-02T00:01:00Z'));
    await store.addHeartbeat('k2', { kioskId: 'k2', n: 3 }, new Date('2026-03-02T00:00:30Z'));
    const latest = await store.latestHeartbeats();
    expect(latest.map((h) => [h.kioskId, (h.body as { n: number }).n])).toEqual([
      ['k1', 2],
      ['k2', 3],
    ]);
  });
});
