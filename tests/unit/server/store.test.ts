import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { loadMigrations, migrate } from '../../../src/server/db/migrate.ts';
import { randomBytes } from 'node:crypto';
import { dataKeyFromBytes } from '../../../src/server/data-key.ts';
import { personalDataCipher } from '../../../src/server/personal-data.ts';
import { runRetention } from '../../../src/server/retention.ts';
import { ApplicationStore, lookupHash, type NewApplication } from '../../../src/server/store.ts';
import { validateApplication } from '../../../src/core/application/schema.ts';
import { citizenApplication, organizationApplication } from '../application/fixtures.ts';
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
    filedAt: new Date(r.value.createdAt),
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
  const cipher = personalDataCipher(dataKeyFromBytes(randomBytes(32)));

  beforeAll(async () => {
    db = await openMigrated(backend);
    store = new ApplicationStore(db, cipher);
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
    expect(rows.map((r) => r.version)).toEqual((await loadMigrations()).map((m) => m.version));
    expect(rows.map((r) => r.version)).toEqual(expect.arrayContaining([5, 6]));
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
    expect(all[0]!.application!.applicant.name).toBe('阿依古丽·买买提');
    expect(await store.list({ status: '待确认' })).toHaveLength(1);
  });

  it('stores the annual report’s column: 自然人, the organisation’s chosen kind, 其他 when sealed before it was asked', async () => {
    const org = (kind: string | undefined) => {
      const input = organizationApplication();
      const applicant = { ...input.applicant, ...(kind ? { kind } : {}) };
      const r = validateApplication({ ...input, applicant });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return newApplication({ application: r.value, lookupHash: lookupHash(r.value.receiptCode, '5678') });
    };
    const citizen = newApplication();
    const lawFirm = org('法律服务机构');
    const legacy = org(undefined);
    for (const a of [citizen, lawFirm, legacy]) expect((await store.insert(a)).kind).toBe('created');
    const kinds = await db.query<{ receipt_code: string; applicant_kind: string }>(
      'SELECT receipt_code, applicant_kind FROM applications',
    );
    const kindOf = (a: NewApplication) =>
      kinds.find((k) => k.receipt_code === a.application.receiptCode)?.applicant_kind;
    expect([kindOf(citizen), kindOf(lawFirm), kindOf(legacy)]).toEqual(['自然人', '法律服务机构', '其他']);
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

  it('keeps the application only as ciphertext bound to its row', async () => {
    const a = newApplication();
    const b = newApplication({ contentHash: 'hash-b' });
    await store.insert(a);
    await store.insert(b);
    const raw = await db.query<Record<string, unknown>>('SELECT * FROM applications ORDER BY id');
    const text = JSON.stringify(raw);
    expect(text).not.toContain('阿依古丽');
    expect(text).not.toContain(a.application.contact.phone);
    expect(text).not.toContain((a.application.applicant as { idNumber: string }).idNumber);
    expect(raw[0]!.application).toBeNull();
    expect(String(raw[0]!.personal)).toMatch(/^pd1\./);
    // What the statistics need stays readable.
    expect(raw[0]!.agency_id).toBe(a.application.request.agencyId);
    expect(raw[0]!.applicant_type).toBe('citizen');
    // A ciphertext moved into another row does not open there.
    await db.query('UPDATE applications SET personal = $1 WHERE id = $2', [raw[0]!.personal, raw[1]!.id]);
    await expect(store.list()).rejects.toThrow(/does not decrypt/);
  });

  it('encrypts rows stored in clear before migration 005', async () => {
    await store.insert(newApplication());
    const [row] = await db.query<{ id: number }>('SELECT id FROM applications');
    const plain = newApplication().application;
    await db.query(
      'UPDATE applications SET personal = NULL, application = $1::jsonb, client_id = $2 WHERE id = $3',
      [JSON.stringify(plain), plain.clientId, row!.id],
    );
    expect(await store.encryptPlainRows()).toBe(1);
    expect(await store.encryptPlainRows()).toBe(0);
    const raw = await db.query<{ application: unknown }>('SELECT application FROM applications');
    expect(raw[0]!.application).toBeNull();
    expect((await store.list())[0]!.application!.applicant.name).toBe(plain.applicant.name);
  });

  it('retention deletes the personal data of closed applications and old heartbeats and events', async () => {
    const closed = newApplication();
    const open = newApplication({ contentHash: 'open' });
    const recent = newApplication({ contentHash: 'recent' });
    await store.insert(closed);
    await store.insert(open);
    await store.insert(recent);
    const t0 = new Date('2026-03-10T00:00:00Z');
    const decide = () => ({ receivedOn: '2026-03-02', dueOn: '2026-03-30' });
    await store.setStatus(closed.application.receiptCode, '予以公开', '已电话告知申请人', decide, t0);
    await store.setStatus(
      recent.application.receiptCode,
      '不予公开',
      '',
      decide,
      new Date('2029-01-01T00:00:00Z'),
    );
    await store.addHeartbeat('k1', { n: 1 }, new Date('2026-03-01T00:00:00Z'));
    await store.addHeartbeat('k1', { n: 2 }, new Date('2029-03-01T00:00:00Z'));
    await db.query(
      `INSERT INTO kiosk_events (kind, site, kiosk_at, received_at, last_received_at)
       VALUES ('call-staff', 's', $1, $1, $1), ('call-staff', 's', $2, $2, $2)`,
      ['2026-03-01T00:00:00Z', '2029-03-01T00:00:00Z'],
    );
    const now = new Date('2029-03-11T00:00:00Z'); // three years and a day after the first reply
    const report = await runRetention(
      store,
      { applicationDays: 1095, heartbeatDays: 30, eventDays: 90 },
      now,
    );
    expect(report).toMatchObject({ applications: 1, heartbeats: 1, events: 1 });
    const rows = await store.list();
    const byCode = new Map(rows.map((r) => [r.receiptCode, r]));
    const gone = byCode.get(closed.application.receiptCode)!;
    expect(gone.application).toBeNull();
    expect(gone.statusNote).toBe('');
    expect(gone).toMatchObject({ status: '予以公开', agencyId: closed.application.request.agencyId });
    expect(gone.applicantType).toBe('citizen');
    expect(gone.receivedOn).toBe('2026-03-02');
    expect(gone.personalDeletedAt).toBe(now.toISOString());
    expect(
      await store.findForStatus(
        closed.application.receiptCode,
        lookupHash(closed.application.receiptCode, '5678'),
      ),
    ).toBeNull();
    const notes = await db.query<{ note: string }>('SELECT note FROM status_history');
    expect(notes.map((n) => n.note)).not.toContain('已电话告知申请人');
    // Still open, or closed too recently: untouched.
    expect(byCode.get(open.application.receiptCode)!.application).not.toBeNull();
    expect(byCode.get(recent.application.receiptCode)!.application).not.toBeNull();
    expect(await runRetention(store, undefined, now)).toMatchObject({
      applications: 0,
      heartbeats: 0,
      events: 0,
    });
  });

  it('the health write probe writes, and fails when the database refuses writes', async () => {
    await store.probeWrite(new Date('2026-03-02T00:00:00Z'));
    await store.probeWrite(new Date('2026-03-02T00:00:01Z'));
    expect(await db.query('SELECT * FROM health_probe')).toHaveLength(1);
    await db.exec(`CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;
      CREATE TRIGGER refuse_write BEFORE UPDATE OR INSERT ON health_probe FOR EACH ROW EXECUTE FUNCTION refuse_write();`);
    try {
      await expect(store.probeWrite(new Date())).rejects.toThrow(/No space left/);
    } finally {
      await db.exec('DROP TRIGGER refuse_write ON health_probe; DROP FUNCTION refuse_write();');
    }
  });
});
