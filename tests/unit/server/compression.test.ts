import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { compression, COMPRESSIBLE_TYPE } from '../../../src/server/compression.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose answer is not decoded (fetch would gunzip on its own and hide the encoding). */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** '/' is the SPA fallback: index.html for page navigations. */
const NAVIGATION = 'text/html,*/*;q=0.8';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// Text that compresses like real code; binary-ish bytes that do not.
const js = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export function f${i}(a){return a*${i}+"项目${i}";}\n`).join(''),
);
const css = Buffer.from(
  Array.from({ length: 200 }, (_, i) => `.c${i}{color:#0a3a82;margin:${i}px}\n`).join(''),
);
const html = Buffer.from(
  `<!doctype html><html lang="zh-CN"><title>政务公开专区</title>${'<p>政务公开</p>'.repeat(200)}`,
);
const svg = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(100)}</svg>`,
);
const webmanifest = Buffer.from(
  JSON.stringify({
    name: '政务公开专区',
    icons: Array.from({ length: 80 }, (_, i) => ({ src: `/i${i}.png` })),
  }),
);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
]);
const dataFile = Buffer.from(
  JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, 名称: `事项${i}` }))),
);
const fileSha = sha256(dataFile);
const unlisted = Buffer.from(JSON.stringify({ note: '一个旧版本的文件'.repeat(200) }));
const unlistedSha = sha256(unlisted);
const manifest = Buffer.from(
  JSON.stringify({
    format: 1,
    version: 3,
    files: [
      { path: 'data/catalogue.json', sha256: fileSha, size: dataFile.length },
      { path: 'attachments/flow.png', sha256: sha256(png), size: 0 },
      ...Array.from({ length: 40 }, (_, i) => ({
        path: `data/f${i}.json`,
        sha256: 'ab'.repeat(32),
        size: i,
      })),
    ],
  }),
);

describe('response compression', () => {
  let dir: string;
  let db: Database;
  let server: RunningServer;
  const url = (p: string) => server.url + p;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zone-gzip-'));
    const site = join(dir, 'site');
    const bundle = join(dir, 'bundle');
    await mkdir(join(site, 'assets'), { recursive: true });
    await mkdir(join(bundle, 'files'), { recursive: true });
    await mkdir(join(bundle, 'data'), { recursive: true });
    await writeFile(join(site, 'index.html'), html);
    await writeFile(join(site, 'assets', 'index-DkR3x9aB.js'), js);
    await writeFile(join(site, 'assets', 'index-Ab12Cd34.css'), css);
    await writeFile(join(site, 'icon.svg'), svg);
    await writeFile(join(site, 'manifest.webmanifest'), webmanifest);
    await writeFile(join(site, 'icon.png'), png);
    await writeFile(join(site, 'small.js'), 'self.x=1');
    await writeFile(join(bundle, 'manifest.json'), manifest);
    await writeFile(join(bundle, 'data', 'catalogue.json'), dataFile);
    await writeFile(join(bundle, 'files', fileSha), dataFile);
    await writeFile(join(bundle, 'files', sha256(png)), png);
    await writeFile(join(bundle, 'files', unlistedSha), unlisted);
    db = await openPglite();
    server = await startServer({
      database: db,
      dataDir: join(dir, 'data'),
      staticDir: site,
      bundleDir: bundle,
      staffToken: 'tok',
      logger: false,
    });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const textFiles: [string, Buffer, RegExp][] = [
    ['/', html, /^text\/html/],
    ['/assets/index-DkR3x9aB.js', js, /^text\/javascript/],
    ['/assets/index-Ab12Cd34.css', css, /^text\/css/],
    ['/icon.svg', svg, /^image\/svg\+xml/],
    ['/manifest.webmanifest', webmanifest, /^application\/manifest\+json/],
    ['/bundle/manifest.json', manifest, /^application\/json/],
    ['/bundle/data/catalogue.json', dataFile, /^application\/json/],
    // A published channel's content-addressed copy: typed from the manifest entry that names its hash.
    [`/bundle/files/${fileSha}`, dataFile, /^application\/json/],
  ];

  it.each(textFiles)('gzips %s when asked, and the decoded bytes are the file', async (path, bytes, type) => {
    const res = await raw(url(path), { 'accept-encoding': 'gzip, deflate, br', accept: NAVIGATION });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['etag']).toMatch(/^W\//);
    expect(res.body.length).toBeLessThan(bytes.length);
    const decoded = gunzipSync(res.body);
    expect(sha256(decoded)).toBe(sha256(bytes));
  });

  it.each(textFiles)('sends %s as it is when gzip is not asked for', async (path, bytes) => {
    const asks: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip;q=0, br' },
    ];
    for (const headers of asks) {
      const res = await raw(url(path), { ...headers, accept: NAVIGATION });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.body.equals(bytes)).toBe(true);
    }
  });

  it('answers 304 to a revalidation of either representation, with Vary and the same weak ETag', async () => {
    for (const path of [
      '/assets/index-DkR3x9aB.js',
      '/bundle/manifest.json',
      '/bundle/data/catalogue.json',
    ]) {
      const gz = await raw(url(path), { 'accept-encoding': 'gzip' });
      const plain = await raw(url(path));
      for (const etag of [gz.headers['etag'] as string, plain.headers['etag'] as string]) {
        const again = await raw(url(path), { 'accept-encoding': 'gzip', 'if-none-match': etag });
        expect(again.status, `${path} ${etag}`).toBe(304);
        expect(again.body.length).toBe(0);
        expect(again.headers['content-encoding']).toBeUndefined();
        expect(again.headers['vary']).toMatch(/accept-encoding/i);
        expect(again.headers['etag']).toBe(gz.headers['etag']);
        const identity = await raw(url(path), { 'if-none-match': etag });
        expect(identity.status).toBe(304);
      }
    }
    // The manifest's ETag is a content hash: the gzip variant's is the same hash, weak.
    const m = await raw(url('/bundle/manifest.json'), { 'accept-encoding': 'gzip' });
    const p = await raw(url('/bundle/manifest.json'));
    expect(p.headers['etag']).toMatch(/^"/);
    expect(m.headers['etag']).toBe(`W/${p.headers['etag'] as string}`);
  });

  it('leaves images, octet-stream bundle files, small files and HEAD alone', async () => {
    const ae = { 'accept-encoding': 'gzip' };
    const image = await raw(url('/icon.png'), ae);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
    // A content-addressed file the channel's manifest lists as an image keeps the image type, uncompressed.
    const attachment = await raw(url(`/bundle/files/${sha256(png)}`), ae);
    expect(attachment.headers['content-type']).toBe('image/png');
    expect(attachment.headers['content-encoding']).toBeUndefined();
    expect(sha256(attachment.body)).toBe(sha256(png));
    // One the current manifest does not list (an older version's) stays octet-stream, uncompressed.
    const file = await raw(url(`/bundle/files/${unlistedSha}`), ae);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(sha256(file.body)).toBe(unlistedSha);
    const small = await raw(url('/small.js'), ae);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('self.x=1');
    const head = await raw(url('/assets/index-DkR3x9aB.js'), ae, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.headers['content-length']).toBe(String(js.length));
  });

  it('gzips large JSON and HTML answers but not small ones', async () => {
    const ae = { 'accept-encoding': 'gzip' };
    const health = await raw(url('/api/v1/health'), ae);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(Number(health.headers['content-length'])).toBe(health.body.length);
    expect(JSON.parse(health.body.toString())).toMatchObject({ ok: true });
    const page = await raw(url('/staff/status?token=tok'), ae);
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(gunzipSync(page.body).toString()).toContain('终端状态');
    // fetch decodes on its own: a kiosk sees the bytes, never the encoding.
    const fetched = await fetch(url(`/bundle/data/catalogue.json`));
    expect(fetched.headers.get('content-encoding')).toBe('gzip');
    expect(sha256(new Uint8Array(await fetched.arrayBuffer()))).toBe(fileSha);
  });

  it('never compresses a 206, an encoded or a no-transform answer, nor event streams', async () => {
    const app = new Hono();
    app.use('*', compression({ threshold: 10 }));
    const long = 'x'.repeat(2000);
    app.get('/partial', (c) => c.text(long, 206));
    app.get('/encoded', (c) => {
      c.header('Content-Encoding', 'br');
      return c.text(long);
    });
    app.get('/no-transform', (c) => {
      c.header('Cache-Control', 'no-transform');
      return c.text(long);
    });
    app.get('/plain', (c) => c.text(long));
    const ae = { 'accept-encoding': 'gzip' };
    expect((await app.request('/partial', { headers: ae })).headers.get('content-encoding')).toBeNull();
    expect((await app.request('/encoded', { headers: ae })).headers.get('content-encoding')).toBe('br');
    expect((await app.request('/no-transform', { headers: ae })).headers.get('content-encoding')).toBeNull();
    const plain = await app.request('/plain', { headers: ae });
    expect(plain.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await plain.arrayBuffer())).toString()).toBe(long);
    expect(COMPRESSIBLE_TYPE.test('text/event-stream')).toBe(false);
    for (const t of [
      'image/png',
      'application/pdf',
      'font/woff2',
      'application/octet-stream',
      'application/zip',
    ])
      expect(COMPRESSIBLE_TYPE.test(t), t).toBe(false);
  });
});
