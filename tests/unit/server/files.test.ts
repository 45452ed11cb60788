import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { csvCell, toCsv } from '../../../src/server/csv.ts';
import { TokenBucketLimiter } from '../../../src/server/rate-limit.ts';
import { loadOrCreateIntakeKey } from '../../../src/server/intake-key.ts';
import { safeJoin } from '../../../src/server/files.ts';

const ATTACHMENT = `attachments/${'a'.repeat(64)}.pdf`;

describe('files for the kiosk', () => {
  let dir: string;
  let db: Database;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zone-files-'));
    const site = join(dir, 'site');
    const bundle = join(dir, 'bundle');
    await mkdir(join(site, 'assets'), { recursive: true });
    await mkdir(join(bundle, 'data'), { recursive: true });
    await mkdir(join(bundle, 'attachments'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(join(site, 'assets', 'index-DkR3x9aB.js'), 'console.log(1)');
    await writeFile(join(site, 'sw.js'), 'self.x=1');
    await writeFile(join(site, '.env'), 'SECRET=1');
    await writeFile(join(bundle, 'manifest.json'), '{"version":1}');
    await writeFile(join(bundle, 'manifest.sig'), 'c2ln');
    await writeFile(join(bundle, 'data', 'catalogue.json'), '[]');
    await writeFile(join(bundle, ATTACHMENT), '%PDF-1.4');
    await writeFile(
      join(dir, 'kiosk-config.json'),
      JSON.stringify({ site: 'demo', hallName: '某某区政务公开专区', intakePublicKey: null }),
    );
    await writeFile(join(dir, 'secret.txt'), 'outside');
    db = await openPglite();
    server = await startServer({
      database: db,
      intakeKeyFile: join(dir, 'keys', 'intake-key.json'),
      staticDir: site,
      bundleDir: bundle,
      kioskConfigFile: join(dir, 'kiosk-config.json'),
      logger: false,
    });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

  it('serves the manifest uncached with a strong ETag, and 304 when unchanged', async () => {
    const res = await get('/bundle/manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(await res.text()).toBe('{"version":1}');
    const again = await get('/bundle/manifest.json', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    await writeFile(join(dir, 'bundle', 'manifest.json'), '{"version":2}');
    const changed = await get('/bundle/manifest.json', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('{"version":2}');
    expect((await get('/bundle/manifest.sig')).headers.get('cache-control')).toBe('no-cache');
  });

  it('content-addressed attachments are immutable; data files revalidate', async () => {
    const att = await get('/bundle/' + ATTACHMENT);
    expect(att.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(att.headers.get('content-type')).toBe('application/pdf');
    const data = await get('/bundle/data/catalogue.json');
    expect(data.headers.get('cache-control')).toBe('no-cache');
    expect(data.headers.get('etag')).toBeTruthy();
  });

  it('never falls back to index.html under /bundle/ or /api/', async () => {
    const html = { accept: 'text/html', 'sec-fetch-mode': 'navigate' };
    const missing = await get('/bundle/data/nope.json', html);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>kiosk');
    const api = await get('/api/v1/nothing', html);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('serves the kiosk with an SPA fallback for navigations only', async () => {
    const nav = await get('/search/低保', {
      accept: 'text/html,application/xhtml+xml',
      'sec-fetch-mode': 'navigate',
    });
    expect(nav.status).toBe(200);
    expect(await nav.text()).toContain('<title>kiosk');
    expect(nav.headers.get('cache-control')).toBe('no-cache');
    const root = await get('/', { accept: 'text/html' });
    expect(await root.text()).toContain('<title>kiosk');
    const script = await get('/assets/missing-abcdefgh.js', { accept: '*/*' });
    expect(script.status).toBe(404);
    const asset = await get('/assets/index-DkR3x9aB.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    const head = await fetch(server.url + '/sw.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses paths outside the folders and dot-files', async () => {
    for (const p of [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/bundle/..%2f..%2fsecret.txt',
      '/.env',
      '/bundle/%00',
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
    expect(safeJoin('/srv/site', '/a/../../etc/passwd')).toBeNull();
    expect(safeJoin('/srv/site', '/a/b.js')).toBe('/srv/site/a/b.js');
  });

  it('serves kiosk-config.json with the intake key filled in', async () => {
    const res = await get('/kiosk-config.json');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const cfg = await res.json();
    expect(cfg.hallName).toBe('某某区政务公开专区');
    expect(cfg.intakePublicKey).toEqual(server.intakeKey.publicJwk);
  });

  it('created the intake key file when missing, and reads it back', async () => {
    const file = join(dir, 'keys', 'intake-key.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored).toMatchObject({ format: 'kiosk-intake-key/1', kid: server.intakeKey.kid });
    const again = await loadOrCreateIntakeKey(file);
    expect(again.created).toBe(false);
    expect(again.key.kid).toBe(server.intakeKey.kid);
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills over time', () => {
    let t = 0;
    const l = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => t });
    expect([l.take('a').ok, l.take('a').ok, l.take('a').ok]).toEqual([true, true, true]);
    const denied = l.take('a');
    expect(denied).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(l.take('b').ok).toBe(true); // per key
    t = 2000;
    expect(l.take('a').ok).toBe(true);
    expect(l.take('a').ok).toBe(false);
  });

  it('keeps a bounded number of keys', () => {
    let t = 0;
    const l = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 100, now: () => t });
    for (let i = 0; i < 1000; i++) {
      t += 1;
      l.take(`ip-${i}`);
    }
    expect((l as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});

describe('CSV', () => {
  it('quotes, doubles quotes and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+8613812345678')).toBe("'+8613812345678");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });
  it('writes a BOM and CRLF lines', () => {
    expect(toCsv(['名称', '数量'], [['阿依古丽·买买提', 1]])).toBe(
      '\uFEFF名称,数量\r\n阿依古丽·买买提,1\r\n',
    );
  });
});
