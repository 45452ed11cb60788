// The frequently requested shelf (issue 15 item 3): repeated applications counted by agency and normalised request,
// item openings from kiosks, staff marking one as published, and the feed kiosks read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseRequest } from '../../../src/core/shelf/shelf.ts';
import { openPglite, type Database } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { formKey } from '../../../src/server/status-page.ts';
import { sampleApplication } from '../kiosk/sample-application.ts';
import { postApplication, sealedBody } from './helpers.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';

describe('normaliseRequest', () => {
  it('treats wrappers, punctuation, spaces and full-width characters as the same request', () => {
    const want = normaliseRequest('2025年低保资金发放情况');
    expect(want).toBe('2025年低保资金发放情况');
    expect(normaliseRequest('申请公开２０２５年 低保资金发放情况的相关信息')).toBe(want);
    expect(normaliseRequest('关于“2025年低保资金发放情况”')).toBe(want);
    expect(normaliseRequest('', '请提供2025年低保资金发放情况')).not.toBe('');
    expect(normaliseRequest('2024年低保资金发放情况')).not.toBe(want);
  });
});

describe('shelf routes', () => {
  let db: Database;
  let server: RunningServer;
  const T0 = new Date('2026-12-01T02:00:00Z');
  const staff = (path: string, init: RequestInit = {}) =>
    fetch(server.url + path, {
      ...init,
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
    });

  let kiosk: TestKiosk;
  beforeAll(async () => {
    db = await openPglite();
    server = await startServer({
      database: db,
      dataDir: `${process.env.TMPDIR ?? '/tmp'}/zone-shelf-test-${process.pid}`,
      staffToken: 'tok',
      now: () => T0,
      logger: false,
    });
    kiosk = await enrolTestKiosk(db, { site: 'test-site', kioskId: 'kiosk-1' });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function file(title: string, agencyId = 'mz', agencyName = '区民政局') {
    const app = sampleApplication({
      request: { title, documentNumber: '', description: '', agencyId, agencyName },
    });
    const res = await postApplication(
      server.url,
      await sealedBody(server.intakeKey.publicJwk, app),
      app.clientId,
      kiosk.fetch,
    );
    expect(res.status).toBeLessThan(300);
  }

  it('lists requests asked twice or more of the same agency, not once or of another agency', async () => {
    await file('2025年低保资金发放情况');
    await file('申请公开2025年低保资金发放情况的相关信息');
    await file('2025年低保资金发放情况', 'cz', '区财政局');
    await file('区政府常务会议纪要');
    const res = await staff('/api/v1/staff/shelf');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      candidates: { agencyId: string; title: string; requests: number }[];
    };
    expect(body.candidates).toEqual([
      expect.objectContaining({
        agencyId: 'mz',
        agencyName: '区民政局',
        title: '2025年低保资金发放情况',
        requests: 2,
      }),
    ]);
    expect((await fetch(`${server.url}/api/v1/staff/shelf`)).status).toBe(401);
  });

  it('counts item openings per item without personal data and refuses malformed events', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/item-opened`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ kind: 'item-opened', site: 'moumou-district', itemId: 'iabc' })).status).toBe(202);
    expect((await post({ kind: 'item-opened', site: 'moumou-district', itemId: 'iabc' })).status).toBe(202);
    expect((await post({ kind: 'item-opened', site: 'moumou-district', itemId: 'x y' })).status).toBe(400);
    const body = (await (await staff('/api/v1/staff/shelf')).json()) as { opened: unknown[] };
    expect(body.opened).toEqual([{ itemId: 'iabc', opens: 2, name: null }]);
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'item_opens' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['day', 'item_id', 'opens', 'site']);
  });

  it('a marked request leaves the candidates and appears in the public feed with where to find it', async () => {
    const { candidates } = (await (await staff('/api/v1/staff/shelf')).json()) as {
      candidates: { agencyId: string; agencyName: string; requestKey: string }[];
    };
    const c = candidates[0]!;
    // Neither a web address nor an item: refused.
    const bad = await staff('/api/v1/staff/shelf/published', {
      method: 'POST',
      body: JSON.stringify({ ...c, title: '2025年低保资金发放情况' }),
    });
    expect(bad.status).toBe(400);
    const res = await staff('/api/v1/staff/shelf/published', {
      method: 'POST',
      body: JSON.stringify({
        ...c,
        title: '2025年城乡低保资金发放情况',
        url: 'https://www.moumou.gov.cn/dbzj/2025.html',
      }),
    });
    expect(res.status).toBe(201);
    const feed = (await (await fetch(`${server.url}/api/v1/published-on-request`)).json()) as {
      entries: unknown[];
    };
    expect(feed.entries).toEqual([
      {
        id: expect.any(String),
        title: '2025年城乡低保资金发放情况',
        agencyName: '区民政局',
        itemId: null,
        url: 'https://www.moumou.gov.cn/dbzj/2025.html',
        publishedOn: '2026-12-01',
        requests: 2,
      },
    ]);
    const after = (await (await staff('/api/v1/staff/shelf')).json()) as { candidates: unknown[] };
    expect(after.candidates).toEqual([]);
  });

  it('the staff page needs the token and its form needs the page key', async () => {
    expect((await fetch(`${server.url}/staff/shelf`)).status).toBe(401);
    const page = await fetch(`${server.url}/staff/shelf?token=tok`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('2025年城乡低保资金发放情况');
    const form = (key: string) =>
      fetch(`${server.url}/staff/shelf/published?token=tok`, {
        method: 'POST',
        body: new URLSearchParams({
          key,
          title: '区政府常务会议纪要',
          url: 'https://www.moumou.gov.cn/hyjy/',
        }),
        redirect: 'manual',
      });
    expect((await form('wrong')).status).toBe(403);
    const ok = await form(formKey('tok'));
    expect(ok.status).toBe(303);
    const feed = (await (await fetch(`${server.url}/api/v1/published-on-request`)).json()) as {
      entries: { title: string }[];
    };
    expect(feed.entries.map((e) => e.title)).toContain('区政府常务会议纪要');
  });
});
