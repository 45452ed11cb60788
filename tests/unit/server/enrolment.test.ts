// Issue 12, Why 2 and 3 replayed against a running zone server: only enrolled kiosks speak as kiosks, and the
// staff PIN's hash never leaves the server to anyone else.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateKioskKeyPair, signRequest } from '../../../src/core/auth/request-signature.ts';
import { utf8 } from '../../../src/core/bundle/encoding.ts';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { CALENDAR } from '../calendar/fixtures.ts';
import { backends, openMigrated, postApplication, resetTables, sealedBody } from './helpers.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';

const STAFF = 'staff-enrol-token';
const staff = { authorization: `Bearer ${STAFF}`, 'content-type': 'application/json' };
const STAFF_PIN = { iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'h'.repeat(44) };

describe.each(backends())('enrolled kiosks on $name', (backend) => {
  let db: Database;
  let server: RunningServer;
  let configFile: string;
  const url = (path: string) => server.url + path;
  const rows = async (table: string) =>
    Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    db = await openMigrated(backend);
    const dir = await mkdtemp(join(tmpdir(), 'enrol-test-'));
    configFile = join(dir, 'kiosk-config.json');
    await writeFile(
      configFile,
      JSON.stringify({ site: 'test-site', hallName: '测试大厅', trustedKeys: [], staffPin: STAFF_PIN }),
    );
    server = await startServer({
      database: db,
      dataDir: dir,
      staffToken: STAFF,
      calendar: CALENDAR,
      kioskConfigFile: configFile,
      logger: false,
      limits: {
        kioskRate: {
          applications: { capacity: 5, refillPerSecond: 0.001 },
          heartbeats: { capacity: 50, refillPerSecond: 0.001 },
          events: { capacity: 3, refillPerSecond: 0.001 },
        },
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await backend.dispose(db);
  });
  beforeEach(async () => {
    await resetTables(db);
    await db.exec('TRUNCATE kiosk_events, enrolled_kiosks, enrolment_codes');
  });

  it('refuses unsigned applications with 401 before reading the body, and stores nothing', async () => {
    const app = citizenApplication();
    const res = await postApplication(
      server.url,
      await sealedBody(server.intakeKey.publicJwk, app),
      app.clientId,
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('kiosk_unauthenticated');
    // A body far over the limit is not even looked at: 401, not 413.
    const huge = await postApplication(server.url, 'x'.repeat(200_000), app.clientId);
    expect(huge.status).toBe(401);
    expect(await rows('applications')).toBe(0);
  });

  it('300 fake applications from one client: all refused, not one row in the register', async () => {
    const app = citizenApplication();
    const body = await sealedBody(server.intakeKey.publicJwk, app);
    const statuses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        postApplication(server.url, body, `${app.clientId.slice(0, -3)}${String(i).padStart(3, '0')}`),
      ),
    ).then((r) => r.map((x) => x.status));
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(await rows('applications')).toBe(0);
  });

  it('takes a signed application from an enrolled kiosk, recorded under its enrolled site and id', async () => {
    const kiosk = await enrolTestKiosk(db, { site: 'hall-a', kioskId: 'hall-a-1' });
    const app = citizenApplication();
    const body = await sealedBody(server.intakeKey.publicJwk, app, {
      site: 'someone-else',
      kioskId: 'not-me',
      receiptRule: 'in-person',
    });
    const res = await postApplication(server.url, body, app.clientId, kiosk.fetch);
    expect(res.status).toBe(201);
    const row = (await db.query<{ meta: unknown }>('SELECT meta FROM applications'))[0]!;
    const meta = (typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta) as Record<string, unknown>;
    expect(meta).toMatchObject({ site: 'hall-a', kioskId: 'hall-a-1' });
  });

  it('limits each enrolled kiosk: the 6th application in a burst waits (429), the first 5 are kept', async () => {
    const kiosk = await enrolTestKiosk(db);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = citizenApplication();
      const res = await postApplication(
        server.url,
        await sealedBody(server.intakeKey.publicJwk, app),
        app.clientId,
        kiosk.fetch,
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(await rows('applications')).toBe(5);
  });

  it('300 fake kiosks cannot plant heartbeats; an enrolled kiosk cannot speak for another', async () => {
    const fakes = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(url('/api/v1/heartbeats'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kioskId: `fake-${i}`, online: true }),
        }),
      ),
    );
    expect(new Set(fakes.map((r) => r.status))).toEqual(new Set([401]));
    const a = await enrolTestKiosk(db, { kioskId: 'kiosk-a' });
    const b = await enrolTestKiosk(db, { kioskId: 'kiosk-b' });
    const hb = (k: TestKiosk, kioskId: string) =>
      k.fetch(url('/api/v1/heartbeats'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kioskId, outbox: { pending: 0 } }),
      });
    expect((await hb(a, 'kiosk-a')).status).toBe(200);
    // B posts "healthy" for A's id: it is recorded as B's own report.
    expect((await hb(b, 'kiosk-a')).status).toBe(200);
    const list = (await (await fetch(url('/api/v1/staff/heartbeats'), { headers: staff })).json()) as {
      kiosks: { kioskId: string }[];
    };
    expect(list.kiosks.map((k) => k.kioskId).sort()).toEqual(['kiosk-a', 'kiosk-b']);
  });

  it('call-staff events: the limit is per enrolled kiosk, and changing `site` does not escape it', async () => {
    const k = await enrolTestKiosk(db, { site: 'hall-e', kioskId: 'hall-e-1' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await k.fetch(url('/api/v1/events'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'call-staff', site: `other-${i}`, at: new Date().toISOString() }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    const sites = await db.query<{ site: string; kiosk_id: string }>(
      'SELECT DISTINCT site, kiosk_id FROM kiosk_events',
    );
    expect(sites).toEqual([{ site: 'hall-e', kiosk_id: 'hall-e-1' }]);
    const unsigned = await fetch(url('/api/v1/events'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'call-staff', site: 'x', at: new Date().toISOString() }),
    });
    expect(unsigned.status).toBe(401);
  });

  it('refuses a replayed, a stale, a re-pointed and a re-bodied signed request', async () => {
    const kiosk = await enrolTestKiosk(db);
    const body = JSON.stringify({ kioskId: kiosk.kioskId });
    const sign = (path: string, created: Date, bytes = body) =>
      signRequest(
        kiosk.privateKey,
        kiosk.keyId,
        { method: 'POST', url: new URL(url(path)), body: utf8.encode(bytes) },
        created,
      );
    const send = (path: string, headers: Record<string, string>, bytes = body) =>
      fetch(url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: bytes,
      });
    const codeOf = async (r: Response) => ((await r.json()) as { error?: { code: string } }).error?.code;

    const headers = await sign('/api/v1/heartbeats', new Date());
    expect((await send('/api/v1/heartbeats', headers)).status).toBe(200);
    const replay = await send('/api/v1/heartbeats', headers);
    expect([replay.status, await codeOf(replay)]).toEqual([401, 'replayed']);

    const stale = await send(
      '/api/v1/heartbeats',
      await sign('/api/v1/heartbeats', new Date(Date.now() - 600_000)),
    );
    expect([stale.status, await codeOf(stale)]).toEqual([401, 'signature_stale']);

    const moved = await send('/api/v1/events', await sign('/api/v1/heartbeats', new Date()));
    expect([moved.status, await codeOf(moved)]).toEqual([401, 'bad_signature']);

    const swapped = await send(
      '/api/v1/heartbeats',
      await sign('/api/v1/heartbeats', new Date()),
      '{"kioskId":"x"}',
    );
    expect([swapped.status, await codeOf(swapped)]).toEqual([401, 'digest_mismatch']);

    const stranger = await generateKioskKeyPair();
    const foreign = await signRequest(stranger.pair.privateKey, kiosk.keyId.replace(/.$/, 'A'), {
      method: 'POST',
      url: new URL(url('/api/v1/heartbeats')),
      body: utf8.encode(body),
    });
    expect((await send('/api/v1/heartbeats', foreign)).status).toBe(401);
    expect(await rows('heartbeats')).toBe(1);
  });

  it('reads a signed body sent in chunks without a length: the signed one is taken, one over the limit is 413', async () => {
    const kiosk = await enrolTestKiosk(db);
    const path = '/api/v1/heartbeats';
    // Several chunks, no Content-Length (Transfer-Encoding: chunked), as a streaming client sends.
    const sendChunked = async (text: string) => {
      const bytes = utf8.encode(text);
      const headers = await signRequest(kiosk.privateKey, kiosk.keyId, {
        method: 'POST',
        url: new URL(url(path)),
        body: bytes,
      });
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1000) controller.enqueue(bytes.slice(at, at + 1000));
          controller.close();
        },
      });
      return fetch(url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: stream,
        duplex: 'half',
      } as RequestInit);
    };
    const good = await sendChunked(JSON.stringify({ kioskId: kiosk.kioskId, appVersion: '1'.repeat(20) }));
    expect(good.status).toBe(200);
    const big = await sendChunked(JSON.stringify({ kioskId: kiosk.kioskId, pad: 'x'.repeat(200_000) }));
    expect([big.status, ((await big.json()) as { error: { code: string } }).error.code]).toEqual([
      413,
      'payload_too_large',
    ]);
    // The refused stream does not spoil the next request (its connection is closed, not reused half-read).
    const after = await kiosk.fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskId: kiosk.kioskId }),
    });
    expect(after.status).toBe(200);
    expect(await rows('heartbeats')).toBe(2);
  });
  it('enrols once per code: wrong, used and expired codes are refused, guesses are limited', async () => {
    const made = await fetch(url('/api/v1/staff/enrolment-codes'), {
      method: 'POST',
      headers: staff,
      body: JSON.stringify({ name: '一楼大厅 1号机' }),
    });
    expect(made.status).toBe(201);
    const { code, site } = (await made.json()) as { code: string; site: string };
    expect(code).toMatch(/^\d{5} \d{5}$/);
    expect(site).toBe('test-site');
    expect((await fetch(url('/api/v1/staff/enrolment-codes'), { method: 'POST', body: '{}' })).status).toBe(
      401,
    );

    const enrol = async (c: string, kioskId: string) => {
      const { publicJwk } = await generateKioskKeyPair();
      return fetch(url('/api/v1/enrolment'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: c, publicKey: publicJwk, kioskId }),
      });
    };
    const first = await enrol(code, 'hall-1');
    expect(first.status).toBe(201);
    expect(((await first.json()) as { kiosk: { name: string; site: string } }).kiosk).toMatchObject({
      name: '一楼大厅 1号机',
      site: 'test-site',
    });
    expect((await enrol(code, 'hall-2')).status).toBe(403); // used
    expect((await enrol('0000000000', 'hall-3')).status).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await enrol('1234567890', `guess-${i}`)).status);
    expect(statuses.slice(-1)).toEqual([429]);
    expect(await rows('enrolled_kiosks')).toBe(1);
  });

  it('kiosk-config: the public part to anyone, the staff PIN hash only to a signed request of an enrolled kiosk', async () => {
    const anyone = (await (await fetch(url('/kiosk-config.json'))).json()) as {
      staffPin: unknown;
      site: string;
    };
    expect(anyone.site).toBe('test-site');
    expect(anyone.staffPin).toBeNull();
    const kiosk = await enrolTestKiosk(db);
    const signed = (await (await kiosk.fetch(url('/kiosk-config.json'))).json()) as { staffPin: unknown };
    expect(signed.staffPin).toEqual(STAFF_PIN);
    // Revoked: 401, nothing of the staff section.
    const revoke = await fetch(url(`/api/v1/staff/kiosks/${kiosk.kioskId}/revoke`), {
      method: 'POST',
      headers: staff,
    });
    expect(revoke.status).toBe(200);
    expect((await kiosk.fetch(url('/kiosk-config.json'))).status).toBe(401);
  });

  it('staff list and revoke kiosks; a revoked kiosk gets 401 and its queued application waits', async () => {
    const kiosk = await enrolTestKiosk(db, { kioskId: 'hall-r' });
    const list = (await (await fetch(url('/api/v1/staff/kiosks'), { headers: staff })).json()) as {
      kiosks: { kioskId: string; revokedAt: string | null; keyId: string }[];
    };
    expect(list.kiosks).toMatchObject([{ kioskId: 'hall-r', revokedAt: null, keyId: kiosk.keyId }]);
    expect((await fetch(url('/api/v1/staff/kiosks'))).status).toBe(401);
    expect(
      (await fetch(url(`/api/v1/staff/kiosks/${kiosk.keyId}/revoke`), { method: 'POST', headers: staff }))
        .status,
    ).toBe(200);
    const app = citizenApplication();
    const res = await postApplication(
      server.url,
      await sealedBody(server.intakeKey.publicJwk, app),
      app.clientId,
      kiosk.fetch,
    );
    expect(res.status).toBe(401);
    expect(await rows('applications')).toBe(0);
    const after = (await (await fetch(url('/api/v1/staff/kiosks'), { headers: staff })).json()) as {
      kiosks: { revokedAt: string | null }[];
    };
    expect(after.kiosks[0]!.revokedAt).not.toBeNull();
  });

  it('enrols by itself only when started with --auto-enrol, and only on a loopback address', async () => {
    const { publicJwk } = await generateKioskKeyPair();
    const auto = (base: string) =>
      fetch(`${base}/api/v1/enrolment/auto`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ publicKey: publicJwk, kioskId: 'demo-1' }),
      });
    expect((await auto(server.url)).status).toBe(403);
    const demo = await startServer({
      database: db,
      dataDir: tmpdir(),
      kioskConfigFile: configFile,
      logger: false,
      autoEnrol: true,
    });
    try {
      const res = await auto(demo.url);
      expect(res.status).toBe(201);
      expect(((await res.json()) as { kiosk: { site: string } }).kiosk.site).toBe('test-site');
    } finally {
      await demo.close();
    }
    await expect(
      startServer({ database: db, host: '0.0.0.0', dataDir: tmpdir(), logger: false, autoEnrol: true }),
    ).rejects.toThrow(/localhost demo only/);
  });
});
