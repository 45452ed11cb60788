import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { createLogger } from '../../../src/server/log.ts';
import { sealJson } from '../../../src/core/crypto/sealed-box.ts';
import {
  canonicalJson,
  validateApplication,
  type ApplicationInput,
} from '../../../src/core/application/schema.ts';
import { sha256Hex } from '../../../src/server/store.ts';
import { citizenApplication, organizationApplication } from '../application/fixtures.ts';
import { CALENDAR } from '../calendar/fixtures.ts';
import {
  backends,
  openMigrated,
  postApplication as postUnsigned,
  resetTables,
  sealedBody,
} from './helpers.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';

const STAFF = 'staff-secret-token';
const NOW = new Date('2026-03-02T03:00:00Z'); // 11:00 in Beijing, Monday

describe.each(backends())('zone server intake on $name', (backend) => {
  let db: Database;
  let server: RunningServer;
  let logLines: string[];
  const jwk = () => server.intakeKey.publicJwk;
  // Every kiosk request is signed by an enrolled kiosk (issue 12; the attacks are in enrolment.test.ts).
  let kiosk: TestKiosk;
  const postApplication = (url: string, body: unknown, key: string | null) =>
    postUnsigned(url, body, key, kiosk.fetch);

  beforeAll(async () => {
    db = await openMigrated(backend);
    logLines = [];
    server = await startServer({
      database: db,
      intakeKeyFile: undefined,
      dataDir: `${process.env.TMPDIR ?? '/tmp'}/zone-intake-test-${process.pid}`,
      staffToken: STAFF,
      calendar: CALENDAR,
      statusRateLimit: { capacity: 5, refillPerSecond: 0.001 },
      logger: createLogger({ level: 'debug', write: (l) => logLines.push(l) }),
      now: () => NOW,
    });
    kiosk = await enrolTestKiosk(db, { site: 'test-site', kioskId: 'kiosk-1' });
  });
  afterAll(async () => {
    await server.close();
    await backend.dispose(db);
  });
  beforeEach(async () => {
    await resetTables(db);
  });

  const count = async () =>
    Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications'))[0]!.n);

  it('takes a sealed application and answers with the dates', async () => {
    const app = citizenApplication();
    const res = await postApplication(server.url, await sealedBody(jwk(), app), app.clientId);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      number: 1,
      clientId: app.clientId,
      receiptCode: app.receiptCode,
      status: '已受理',
      deliveredAt: NOW.toISOString(),
      receivedOn: '2026-03-02',
      dueOn: '2026-03-30',
    });
    // Stored encrypted; only the staff export decrypts it.
    const row = JSON.stringify(await db.query('SELECT * FROM applications'));
    expect(row).not.toContain('阿依古丽');
    expect(row).not.toContain('11010519491231002X');
    const exported = await (
      await fetch(`${server.url}/api/v1/staff/export.json`, { headers: { authorization: `Bearer ${STAFF}` } })
    ).json();
    const stored = exported.applications[0].application as ApplicationInput;
    expect(stored.applicant).toMatchObject({ name: '阿依古丽·买买提', idNumber: '11010519491231002X' });
  });

  it('a replay returns the first answer and makes no second record', async () => {
    const app = citizenApplication();
    const body = await sealedBody(jwk(), app);
    const first = await postApplication(server.url, body, app.clientId);
    const firstBody = await first.json();
    const again = await postApplication(server.url, body, app.clientId);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    // Sealed again (fresh ephemeral key), same content: still the same application.
    const resealed = await postApplication(server.url, await sealedBody(jwk(), app), app.clientId);
    expect(await resealed.json()).toEqual(firstBody);
    expect(await count()).toBe(1);
  });

  it('an organisation sealed before the kind was asked: stored as 其他, hashed as sealed (an older server’s record replays)', async () => {
    const legacy = organizationApplication(); // no kind: as kiosks sealed it before item 5
    const res = await postApplication(server.url, await sealedBody(jwk(), legacy), legacy.clientId);
    expect(res.status).toBe(201);
    const [row] = await db.query<{ applicant_kind: string; content_hash: string }>(
      'SELECT applicant_kind, content_hash FROM applications',
    );
    expect(row!.applicant_kind).toBe('其他');
    // The hash an older server stored: the parsed application without a kind.
    const parsed = validateApplication(legacy);
    if (!parsed.ok) throw new Error('fixture');
    const { kind: _kind, ...applicant } = parsed.value.applicant as { kind?: string };
    const older = sha256Hex(
      canonicalJson({ application: { ...parsed.value, applicant }, receiptRule: 'in-person' }),
    );
    expect(row!.content_hash).toBe(older);
    // With a kind chosen, the kind is part of the content.
    const chosen = organizationApplication();
    chosen.applicant = { ...chosen.applicant, kind: '科研机构' } as ApplicationInput['applicant'];
    await postApplication(server.url, await sealedBody(jwk(), chosen), chosen.clientId);
    const kinds = await db.query<{ applicant_kind: string }>(
      'SELECT applicant_kind FROM applications ORDER BY id',
    );
    expect(kinds.map((k) => k.applicant_kind)).toEqual(['其他', '科研机构']);
  });

  it('the same key with other content is a 409', async () => {
    const app = citizenApplication();
    await postApplication(server.url, await sealedBody(jwk(), app), app.clientId);
    const changed = { ...app, request: { ...app.request, title: '另一份文件的名称' } };
    const res = await postApplication(server.url, await sealedBody(jwk(), changed), app.clientId);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('idempotency_conflict');
    expect(await count()).toBe(1);
  });

  it('concurrent duplicate posts make one record', async () => {
    const app = organizationApplication();
    const body = await sealedBody(jwk(), app);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => postApplication(server.url, body, app.clientId)),
    );
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect([...new Set(bodies.map((b) => JSON.stringify(b)))]).toEqual([JSON.stringify(bodies[0])]);
    expect(await count()).toBe(1);
  });

  it('many different applications at once all land', async () => {
    const apps = Array.from({ length: 30 }, () => citizenApplication());
    const results = await Promise.all(
      apps.map(async (a) => postApplication(server.url, await sealedBody(jwk(), a), a.clientId)),
    );
    expect(results.map((r) => r.status)).toEqual(apps.map(() => 201));
    expect(await count()).toBe(30);
  });

  it('needs a valid Idempotency-Key', async () => {
    const app = citizenApplication();
    const body = await sealedBody(jwk(), app);
    let res = await postApplication(server.url, body, null);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('idempotency_key_missing');
    res = await postApplication(server.url, body, 'abc');
    expect((await res.json()).error.code).toBe('idempotency_key_invalid');
    // A valid key that is not the one the envelope was sealed with: associated data does not match.
    res = await postApplication(server.url, body, crypto.randomUUID());
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'envelope_unreadable', path: 'envelope' });
  });

  it('answers bad requests with a machine-readable reason', async () => {
    const app = citizenApplication();
    let res = await postApplication(server.url, '{not json', app.clientId);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_json', message: expect.any(String), path: null },
    });

    const body = await sealedBody(jwk(), app);
    res = await postApplication(server.url, { ...body, envelope: { ...body.envelope, iv: 5 } }, app.clientId);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_body', path: 'envelope.iv' });

    res = await postApplication(server.url, { ...body, extra: 1 }, app.clientId);
    expect((await res.json()).error.code).toBe('invalid_body');

    // Sealed to another key.
    const other = await sealJson({ ...jwk(), x: jwk().y, y: jwk().x }, app, app.clientId).catch(() => null);
    if (other) {
      res = await postApplication(server.url, { envelope: other, meta: body.meta }, app.clientId);
      expect(res.status).toBe(400);
    }

    // Decrypts, but the application is invalid: the path and the Chinese message of the first problem.
    const bad = { ...app, contact: { ...app.contact, postCode: '3500' } };
    res = await postApplication(server.url, await sealedBody(jwk(), bad), app.clientId);
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err).toMatchObject({ code: 'invalid_application', path: 'contact.postCode' });
    expect(err.message).toContain('邮政编码应为6位数字');

    // The application's clientId must be the key.
    const mismatch = { ...app, clientId: crypto.randomUUID() };
    res = await postApplication(
      server.url,
      { envelope: await sealJson(jwk(), mismatch, app.clientId), meta: body.meta },
      app.clientId,
    );
    expect((await res.json()).error.code).toBe('client_id_mismatch');
    expect(await count()).toBe(0);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const app = citizenApplication();
    const body = await sealedBody(jwk(), app);
    const huge = { ...body, envelope: { ...body.envelope, ct: 'A'.repeat(70 * 1024) } };
    const res = await postApplication(server.url, huge, app.clientId);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    const hb = await kiosk.fetch(`${server.url}/api/v1/heartbeats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskId: 'k1', pad: 'x'.repeat(20_000) }),
    });
    expect(hb.status).toBe(413);
    expect(await count()).toBe(0);
  });

  it('electronic rule: pending until staff confirm, then due in 20 working days', async () => {
    const app = citizenApplication();
    const meta = { site: 's', kioskId: 'k', receiptRule: 'electronic' };
    const res = await postApplication(server.url, await sealedBody(jwk(), app, meta), app.clientId);
    expect(await res.json()).toMatchObject({ status: '待确认', receivedOn: null, dueOn: null });
    const set = await fetch(`${server.url}/api/v1/staff/applications/${app.receiptCode}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${STAFF}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'confirm', on: '2026-03-02' }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      status: '已受理',
      receivedOn: '2026-03-02',
      dueOn: '2026-03-30',
    });
  });

  it('status look-up: 200 with no personal data, 404 for a wrong code or phone', async () => {
    const app = citizenApplication();
    await postApplication(server.url, await sealedBody(jwk(), app), app.clientId);
    const url = (code: string, phone4: string) =>
      `${server.url}/api/v1/applications/status?code=${encodeURIComponent(code)}&phone4=${phone4}`;
    const ok = await fetch(url(app.receiptCode.toLowerCase().replace(/(...)(?=.)/g, '$1-'), '5678'), {
      headers: { 'x-forwarded-for': '10.0.0.1' },
    });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(JSON.parse(text)).toEqual({
      receiptCode: app.receiptCode,
      status: '已受理',
      explanation: expect.any(String),
      correction: null,
      replied: null,
      statusUpdatedAt: NOW.toISOString(),
      filedOn: '2026-03-02',
      receivedOn: '2026-03-02',
      dueOn: '2026-03-30',
    });
    for (const personal of ['阿依古丽', '110105', '13812345678', '福州', '350001'])
      expect(text).not.toContain(personal);
    const wrongPhone = await fetch(url(app.receiptCode, '1234'));
    expect(wrongPhone.status).toBe(404);
    const other = await fetch(url('ABCDEFGH3', '5678'));
    expect(other.status).toBe(404);
    expect(await wrongPhone.text()).toBe(await other.text());
    const badCode = await fetch(url('ABCDEFGH4', '5678'));
    expect(badCode.status).toBe(400);
    expect((await badCode.json()).error.message).toContain('有一位不对');
  });

  it('rate-limits the status look-up per client', async () => {
    // capacity 5 with almost no refill; earlier tests in this file have used some tokens already.
    let limited: Response | null = null;
    for (let i = 0; i < 8 && !limited; i++) {
      const r = await fetch(`${server.url}/api/v1/applications/status?code=ABCDEFGH3&phone4=0000`);
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(404);
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited!.json()).error.code).toBe('rate_limited');
  });

  it('staff endpoints need the token', async () => {
    expect((await fetch(`${server.url}/api/v1/staff/export.json`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/api/v1/staff/export.json`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('staff take procedure actions (refused when the law does not allow them) and export CSV and JSON', async () => {
    const a = citizenApplication();
    const b = organizationApplication({
      deliveries: ['email'],
      contact: { ...citizenApplication().contact, email: 'org@example.cn' },
    });
    for (const app of [a, b]) await postApplication(server.url, await sealedBody(jwk(), app), app.clientId);
    const auth = { authorization: `Bearer ${STAFF}` };
    const set = (code: string, body: unknown) =>
      fetch(`${server.url}/api/v1/staff/applications/${code}/actions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const extend = { type: 'extend', on: '2026-03-20', reason: '需调取档案', approver: '张主任' };
    const tooFar = await set(a.receiptCode, { ...extend, newDueOn: '2026-04-29' });
    expect(tooFar.status).toBe(409);
    expect((await tooFar.json()).error.code).toBe('extension_out_of_range');
    const extended = await set(a.receiptCode, { ...extend, newDueOn: '2026-04-28' });
    expect(await extended.json()).toMatchObject({ status: '延期', dueOn: '2026-04-28' });
    const reply = {
      type: 'reply',
      on: '2026-03-10',
      result: '予以公开',
      reason: null,
      basis: '第三十六条',
      referTo: null,
      documentId: null,
    };
    expect((await set(b.receiptCode, reply)).status).toBe(200);
    expect((await set(b.receiptCode, reply)).status).toBe(409); // replied already
    expect((await set(b.receiptCode, { type: 'close', on: '2026-03-10' })).status).toBe(400);
    expect((await set('ABCDEFGH3', reply)).status).toBe(404);

    const json = await (await fetch(`${server.url}/api/v1/staff/export.json`, { headers: auth })).json();
    expect(json.count).toBe(2);
    expect(json.applications.map((r: { status: string }) => r.status)).toEqual(['延期', '予以公开']);
    expect(json.applications[0].application.applicant.name).toBe('阿依古丽·买买提');
    const filtered = await (
      await fetch(`${server.url}/api/v1/staff/export.json?status=${encodeURIComponent('延期')}`, {
        headers: auth,
      })
    ).json();
    expect(filtered.count).toBe(1);

    const csvRes = await fetch(`${server.url}/api/v1/staff/export.csv`, { headers: auth });
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csvRes.arrayBuffer());
    expect(csv.startsWith('\uFEFF编号,查询码,状态')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('阿依古丽·买买提');
    expect(lines[1]).toContain('11010519491231002X');
    expect(lines[2]).toContain('91350100M000100Y43');
    expect(lines[2]).toContain('王𪚥');
  });

  it('stores heartbeats under the enrolled kiosk’s id', async () => {
    const res = await kiosk.fetch(`${server.url}/api/v1/heartbeats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskId: 'hall-1', bundleVersion: 12, outbox: { pending: 0 } }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, serverTime: NOW.toISOString() });
    const bad = await kiosk.fetch(`${server.url}/api/v1/heartbeats`, {
      method: 'POST',
      body: JSON.stringify({ kioskId: '' }),
    });
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_body', path: 'kioskId' });
    const list = await (
      await fetch(`${server.url}/api/v1/staff/heartbeats`, { headers: { authorization: `Bearer ${STAFF}` } })
    ).json();
    expect(list.kiosks).toEqual([
      {
        kioskId: 'kiosk-1',
        receivedAt: NOW.toISOString(),
        body: expect.objectContaining({ bundleVersion: 12 }),
      },
    ]);
  });

  it('serves the intake key and 404s unknown API paths as JSON', async () => {
    const key = await (await fetch(`${server.url}/api/v1/intake-key`)).json();
    expect(key).toEqual({
      kid: server.intakeKey.kid,
      alg: 'ECDH-ES-P256+HKDF-SHA256+A256GCM',
      jwk: server.intakeKey.publicJwk,
    });
    const res = await fetch(`${server.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('logs hold no personal data', async () => {
    const app = citizenApplication();
    await postApplication(server.url, await sealedBody(jwk(), app), app.clientId);
    await fetch(`${server.url}/api/v1/applications/status?code=${app.receiptCode}&phone4=5678`);
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    for (const personal of [
      '阿依古丽',
      '11010519491231002X',
      '13812345678',
      '5678',
      '福州',
      app.receiptCode,
    ]) {
      expect(all).not.toContain(personal);
    }
  });
});
