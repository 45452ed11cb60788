// Issue 12, items 5 and 7 (server): each attack of the security review replayed against a running server.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../../src/server/db/database.ts';
import { checkStaffToken } from '../../../src/server/http/staff-token.ts';
import { forwardedClient } from '../../../src/server/http/client-ip.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { CALENDAR } from '../calendar/fixtures.ts';
import { postApplication, resetTables, sealedBody } from './helpers.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';

const STAFF = 'staff-secret-token-0123456789';
const NOW = new Date('2026-03-02T03:00:00Z'); // 11:00 in Beijing, Monday
const SVG = `attachments/${'b'.repeat(64)}.svg`;
const auth = { authorization: `Bearer ${STAFF}` };

describe('zone server under the review attacks', () => {
  let dir: string;
  let db: Database;
  let server: RunningServer;
  let kiosk: TestKiosk;
  const postSigned = (url: string, body: unknown, key: string | null) =>
    postApplication(url, body, key, kiosk.fetch);
  const jwk = () => server.intakeKey.publicJwk;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zone-hardening-'));
    await mkdir(join(dir, 'bundle', 'attachments'), { recursive: true });
    await writeFile(
      join(dir, 'bundle', SVG),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/api/v1/staff/export.csv")</script></svg>',
    );
    db = await openPglite();
    server = await startServer({
      database: db,
      intakeKeyFile: join(dir, 'keys', 'intake-key.json'),
      bundleDir: join(dir, 'bundle'),
      staffToken: STAFF,
      calendar: CALENDAR,
      trustProxy: true,
      statusRateLimit: { capacity: 100, refillPerSecond: 0.001 },
      logger: false,
      now: () => NOW,
      retentionEveryMs: null,
    });
    // Kiosk requests are signed by an enrolled kiosk (issue 12).
    kiosk = await enrolTestKiosk(db, { site: 'test-site', kioskId: 'kiosk-1' });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => resetTables(db));

  const exportRows = async () =>
    (await (await fetch(`${server.url}/api/v1/staff/export.json`, { headers: auth })).json())
      .applications as {
      receiptCode: string;
      filedAt: string;
      receivedOn: string | null;
      meta: Record<string, unknown>;
    }[];

  describe('the legal date of receipt comes from the server', () => {
    const post = async (createdAt: string, sentAt?: string) => {
      const app = citizenApplication({ createdAt });
      const meta = { site: 's', kioskId: 'k', receiptRule: 'in-person', ...(sentAt ? { sentAt } : {}) };
      const res = await postSigned(server.url, await sealedBody(jwk(), app, meta), app.clientId);
      expect(res.status).toBe(201);
      return (await res.json()) as { receivedOn: string; dueOn: string };
    };

    it('a createdAt of 2020 or 2031 does not become the legal date, and is flagged', async () => {
      for (const createdAt of ['2020-01-02T09:00:00+08:00', '2031-06-01T09:00:00+08:00']) {
        expect(await post(createdAt, NOW.toISOString())).toMatchObject({
          receivedOn: '2026-03-02',
          dueOn: '2026-03-30',
        });
      }
      // Both the kiosk's stamps forged alike: still today.
      expect((await post('2031-06-01T09:00:00+08:00', '2031-06-01T09:00:01+08:00')).receivedOn).toBe(
        '2026-03-02',
      );
      const rows = await exportRows();
      expect(rows.map((r) => r.meta.filingTimeFlag)).toEqual(['queued-too-long', 'filed-in-future', null]);
      for (const r of rows) expect(r.filedAt <= NOW.toISOString()).toBe(true);
      const csv = await (await fetch(`${server.url}/api/v1/staff/export.csv`, { headers: auth })).text();
      expect(csv).toContain('终端时钟在未来，按送达服务器的时间计');
    });

    it('an application queued offline keeps its filing day inside the outbox window, on the server clock', async () => {
      // Filed Friday, sent Monday (kiosk clock 1 hour slow): received on Friday 2026-02-27.
      const res = await post('2026-02-27T09:00:00+08:00', '2026-03-02T10:00:00+08:00');
      expect(res.receivedOn).toBe('2026-02-27');
      // A kiosk whose clock is a day ahead, sending at once: today.
      expect((await post('2026-03-03T11:00:00+08:00', '2026-03-03T11:00:02+08:00')).receivedOn).toBe(
        '2026-03-02',
      );
      expect((await exportRows()).map((r) => r.meta.filingTimeFlag)).toEqual([null, null]);
    });
  });

  it('rate limit: a client cannot pick a fresh key by writing X-Forwarded-For itself', async () => {
    expect(forwardedClient('1.2.3.4, 10.0.0.7', 1)).toBe('10.0.0.7');
    expect(forwardedClient('1.2.3.4, 10.0.0.7, 10.0.0.1', 2)).toBe('10.0.0.7');
    expect(forwardedClient('10.0.0.7', 2)).toBe('10.0.0.7');
    const statuses: number[] = [];
    for (let i = 0; i < 110; i++) {
      const r = await fetch(`${server.url}/api/v1/applications/status?code=ABCDEFGH3&phone4=0000`, {
        // What nginx sends: whatever the client wrote, then the address nginx saw.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 10.9.9.9` },
      });
      statuses.push(r.status);
      if (r.status === 429) break;
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('status look-up: a receipt code is locked after 5 wrong phone endings, whoever sends them', async () => {
    const app = citizenApplication();
    await postSigned(server.url, await sealedBody(jwk(), app), app.clientId);
    const look = (phone4: string, client: string) =>
      fetch(`${server.url}/api/v1/applications/status?code=${app.receiptCode}&phone4=${phone4}`, {
        headers: { 'x-forwarded-for': client },
      });
    for (let i = 0; i < 5; i++) expect((await look(String(1000 + i), `10.1.0.${i}`)).status).toBe(404);
    const locked = await look('5678', '10.2.0.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await locked.json()).error.code).toBe('code_locked');
    // Another code is not affected.
    const other = citizenApplication();
    await postSigned(server.url, await sealedBody(jwk(), other), other.clientId);
    const ok = await fetch(`${server.url}/api/v1/applications/status?code=${other.receiptCode}&phone4=5678`, {
      headers: { 'x-forwarded-for': '10.3.0.1' },
    });
    expect(ok.status).toBe(200);
  });

  it('CSV export: ID numbers, phones and post codes stay text in Excel', async () => {
    const app = citizenApplication({
      contact: {
        phone: '13812345678',
        email: '',
        address: '内蒙古自治区呼和浩特市新城区1号',
        postCode: '010010',
      },
    });
    (app.applicant as { idNumber: string }).idNumber = '110105194912311006';
    const res = await postSigned(server.url, await sealedBody(jwk(), app), app.clientId);
    expect(res.status, await res.clone().text()).toBe(201);
    const csv = await (await fetch(`${server.url}/api/v1/staff/export.csv`, { headers: auth })).text();
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain('"=""110105194912311006"""');
    expect(row).toContain('"=""13812345678"""');
    expect(row).toContain('"=""010010"""');
    expect(row).not.toMatch(/,110105194912311006,/);
  });

  it('a NUL in a sealed field, in the metadata or in a status note is a 400, not a 500', async () => {
    const app = citizenApplication();
    (app.applicant as { name: string }).name = '张\u0000三';
    const sealed = await postSigned(server.url, await sealedBody(jwk(), app), app.clientId);
    expect(sealed.status).toBe(400);
    expect((await sealed.json()).error).toMatchObject({ code: 'invalid_text', path: 'applicant.name' });

    const ok = citizenApplication();
    const meta = { site: 'a\u0000b', receiptRule: 'in-person' };
    const inMeta = await postSigned(server.url, await sealedBody(jwk(), ok, meta), ok.clientId);
    expect(inMeta.status).toBe(400);
    expect((await inMeta.json()).error).toMatchObject({ code: 'invalid_text', path: 'meta.site' });

    const lone = citizenApplication();
    (lone.request as { description: string }).description = 'x\ud800y';
    expect((await postSigned(server.url, await sealedBody(jwk(), lone), lone.clientId)).status).toBe(400);

    await postSigned(server.url, await sealedBody(jwk(), ok), ok.clientId);
    const note = await fetch(`${server.url}/api/v1/staff/applications/${ok.receiptCode}/actions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'request-correction',
        on: '2026-03-03',
        text: 'a\u0000',
        answerBy: '2026-03-20',
      }),
    });
    expect(note.status).toBe(400);
  });

  it('a date of 2026-99-99 (or 2026-02-30) in a staff action is a 400, not a 500', async () => {
    const app = citizenApplication();
    await postSigned(server.url, await sealedBody(jwk(), app), app.clientId);
    for (const on of ['2026-99-99', '2026-02-30', '2026-13-01']) {
      const res = await fetch(`${server.url}/api/v1/staff/applications/${app.receiptCode}/actions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'confirm', on }),
      });
      expect(res.status, on).toBe(400);
      expect((await res.json()).error.path).toBe('on');
    }
  });

  it('an SVG attachment is served sandboxed and as a download, not as a page of this origin', async () => {
    const res = await fetch(`${server.url}/bundle/${SVG}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-disposition')).toBe('attachment');
  });

  it('a short or uniform staff token is refused', () => {
    expect(() => checkStaffToken('tok')).toThrow(/at least 24 characters/);
    expect(() => checkStaffToken('a'.repeat(40))).toThrow(/8 of them different/);
    expect(() => checkStaffToken('k3J9x-Qm2Vz8Lr4Tn6Wb1Yc5')).not.toThrow();
  });
});
