import { enrolTestKiosk } from './kiosk-client.ts';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  kioskRow,
  presentedToken,
  registerStatusPage,
  type HeartbeatRow,
} from '../../../src/server/status-page.ts';
import type { CspViolation } from '../../../src/server/csp.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { openPglite } from '../../../src/server/db/database.ts';
import { publishBundle } from '../../../src/cli/commands/publish.ts';
import { makeBundle } from '../bundle/bundle-fixture.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const healthy = (id: string, extra: Record<string, unknown> = {}): HeartbeatRow => ({
  kioskId: id,
  receivedAt: minutesAgo(2),
  body: {
    kioskId: id,
    site: 'moumou-district',
    appVersion: '0.1.0',
    bundle: { version: 7, expiresAt: '2027-01-01T00:00:00Z', frozen: false },
    outbox: { pending: 0, acknowledged: 3, rejected: 0 },
    online: true,
    storage: { usage: 10 * 1024 * 1024, quota: 1024 ** 3, persisted: true },
    ...extra,
  },
});

describe('kioskRow flags', () => {
  it('flags stale, offline, backlog and frozen kiosks, and nothing on a healthy one', () => {
    expect(kioskRow(healthy('a'), NOW).flags).toEqual([]);
    expect(kioskRow({ ...healthy('b'), receivedAt: minutesAgo(16) }, NOW).flags).toEqual(['stale']);
    expect(kioskRow({ ...healthy('b'), receivedAt: minutesAgo(14) }, NOW).flags).toEqual([]);
    expect(kioskRow(healthy('c', { online: false }), NOW).flags).toEqual(['offline']);
    expect(kioskRow(healthy('d', { outbox: { pending: 2, rejected: 0 } }), NOW).flags).toEqual(['backlog']);
    expect(kioskRow(healthy('d', { outbox: { pending: 0, rejected: 1 } }), NOW).flags).toEqual(['backlog']);
    expect(
      kioskRow(healthy('e', { bundle: { version: 7, expiresAt: '2026-11-01T00:00:00Z' } }), NOW).flags,
    ).toEqual(['frozen']);
    // Junk from an old kiosk does not throw.
    expect(kioskRow({ kioskId: 'f', receivedAt: minutesAgo(1), body: 'junk' }, NOW).flags).toEqual([]);
  });

  it('reads the token from ?token=, Bearer and Basic', () => {
    expect(presentedToken('/staff/status?token=abc', undefined)).toBe('abc');
    expect(presentedToken('/staff/status', 'Bearer xyz')).toBe('xyz');
    expect(presentedToken('/staff/status', `Basic ${Buffer.from('staff:s3cret').toString('base64')}`)).toBe(
      's3cret',
    );
    expect(presentedToken('/staff/status', undefined)).toBeNull();
  });
});

describe('GET /staff/status', () => {
  const rows: HeartbeatRow[] = [
    healthy('hall-1'),
    { ...healthy('hall-2'), receivedAt: minutesAgo(60) },
    healthy('<script>alert(1)</script>', { site: '<b>x</b>' }),
  ];
  const app = new Hono();
  registerStatusPage(app, { staffToken: 'tok', latestHeartbeats: async () => rows, now: () => NOW });

  it('needs the staff token', async () => {
    expect((await app.request('/staff/status')).status).toBe(401);
    expect((await app.request('/staff/status?token=wrong')).status).toBe(401);
    const off = new Hono();
    registerStatusPage(off, { staffToken: null, latestHeartbeats: async () => rows, now: () => NOW });
    expect((await off.request('/staff/status?token=tok')).status).toBe(403);
  });

  it('lists every kiosk, flagged ones first, escaped', async () => {
    const res = await app.request('/staff/status?token=tok');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('共 3 台终端，1 台需要关注');
    expect(html.indexOf('hall-2')).toBeLessThan(html.indexOf('hall-1'));
    expect(html).toMatch(/data-kiosk="hall-2">[\s\S]*?失联/);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const basic = await app.request('/staff/status', {
      headers: { Authorization: `Basic ${Buffer.from('any:tok').toString('base64')}` },
    });
    expect(basic.status).toBe(200);
  });
  it('says whether the kiosk pages had anything blocked by their security policy, escaped', async () => {
    const csp = { count: 0, recent: [] as CspViolation[] };
    const withCsp = new Hono();
    registerStatusPage(withCsp, {
      staffToken: 'tok',
      latestHeartbeats: async () => rows,
      now: () => NOW,
      cspReports: () => csp,
    });
    expect(await (await withCsp.request('/staff/status?token=tok')).text()).toContain('没有被拦截的内容');
    csp.count = 7;
    csp.recent = [
      {
        at: NOW.toISOString(),
        directive: 'script-src-elem',
        blocked: 'https://evil.example/<x>.js',
        document: 'http://zone/',
        source: '',
        line: null,
      },
    ];
    const html = await (await withCsp.request('/staff/status?token=tok')).text();
    expect(html).toContain('自服务启动以来拦截 7 次');
    expect(html).toContain('https://evil.example/&lt;x&gt;.js');
    expect(html).not.toContain('<x>');
    // Without the source, the page says nothing about it.
    expect(await (await app.request('/staff/status?token=tok')).text()).not.toContain('页面安全策略');
  });
});

describe('the zone server', () => {
  let server: RunningServer;
  let channel: string;
  let fileSha: string;
  beforeAll(async () => {
    const work = await mkdtemp(join(tmpdir(), 'status-channel-'));
    const bundle = await makeBundle();
    for (const [path, bytes] of bundle.files) {
      await mkdir(dirname(join(work, 'b', path)), { recursive: true });
      await writeFile(join(work, 'b', path), bytes);
    }
    channel = join(work, 'channel');
    await publishBundle({ bundleDir: join(work, 'b'), channelDir: channel, trustedKeys: [bundle.trusted] });
    fileSha = (
      JSON.parse(await readFile(join(channel, 'manifest.json'), 'utf8')) as { files: { sha256: string }[] }
    ).files[0]!.sha256;
    server = await startServer({
      bundleDir: channel,
      database: await openPglite(),
      dataDir: `${process.env.TMPDIR ?? '/tmp'}/zone-status-test-${process.pid}`,
      staffToken: 'tok',
      logger: false,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows a heartbeat on the status page', async () => {
    const hb = healthy('kiosk-42', { outbox: { pending: 1, rejected: 0, acknowledged: 0 } }).body;
    const kiosk = await enrolTestKiosk(server.db, { kioskId: 'kiosk-42' });
    const post = await kiosk.fetch(`${server.url}/api/v1/heartbeats`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(hb),
    });
    expect(post.status).toBe(200);
    const page = await (await fetch(`${server.url}/staff/status?token=tok`)).text();
    expect(page).toMatch(/data-kiosk="kiosk-42">[\s\S]*?积压/);
  });

  it('serves a published channel: the layout header on the no-cache manifest, immutable content-addressed files', async () => {
    const manifest = await fetch(`${server.url}/bundle/manifest.json`);
    expect(manifest.headers.get('x-bundle-layout')).toBe('content-addressed');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const file = await fetch(`${server.url}/bundle/files/${fileSha}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toMatch(/immutable/);
  });
});
