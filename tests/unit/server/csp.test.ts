// The kiosk's Content-Security-Policy on every static file and the SPA fallback, following kiosk-config's other
// origins; and the violation report endpoint.
import { mkdir, mkdtemp, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configOrigins, kioskContentSecurityPolicy } from '../../../src/server/csp.ts';
import { openPglite, type Database } from '../../../src/server/db/database.ts';
import { createLogger } from '../../../src/server/log.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('the kiosk policy', () => {
  it('allows only its own scripts, styles and workers, no plugins, no framing, no eval', () => {
    const p = directives(kioskContentSecurityPolicy());
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('worker-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('connect-src')).toEqual(["'self'"]);
    expect(kioskContentSecurityPolicy()).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("adds kiosk-config's absolute server and channel origins to connect-src, nothing else", () => {
    expect(
      configOrigins({
        serverUrl: 'https://zone.example.gov.cn:8443/base/',
        bundleChannelUrl: 'http://cdn.example.gov.cn/bundle/?x=1',
      }),
    ).toEqual(['http://cdn.example.gov.cn', 'https://zone.example.gov.cn:8443']);
    expect(configOrigins({ serverUrl: '', bundleChannelUrl: '/bundle/' })).toEqual([]);
    expect(configOrigins({ serverUrl: 'javascript:alert(1)', bundleChannelUrl: 'ftp://x/' })).toEqual([]);
    expect(configOrigins(null)).toEqual([]);
    const p = directives(kioskContentSecurityPolicy(['https://zone.example.gov.cn']));
    expect(p.get('connect-src')).toEqual(["'self'", 'https://zone.example.gov.cn']);
  });
});

describe('served with the kiosk', () => {
  let dir: string;
  let configFile: string;
  let db: Database;
  let server: RunningServer;
  const logs: Record<string, unknown>[] = [];
  const url = (p: string) => server.url + p;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zone-csp-'));
    const site = join(dir, 'site');
    await mkdir(join(site, 'assets'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(join(site, 'assets', 'worker-Ab12.js'), 'self.onmessage = () => {};');
    configFile = join(dir, 'kiosk-config.json');
    await writeFile(configFile, JSON.stringify({ serverUrl: '', bundleChannelUrl: '/bundle/' }));
    db = await openPglite();
    server = await startServer({
      database: db,
      dataDir: join(dir, 'data'),
      staticDir: site,
      kioskConfigFile: configFile,
      staffToken: 'tok',
      logger: createLogger({
        level: 'warn',
        write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
      }),
    });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('on the page, the SPA fallback and worker scripts; not on the API', async () => {
    for (const path of ['/', '/index.html', '/some/deep/route', '/assets/worker-Ab12.js']) {
      const res = await fetch(url(path), { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toBe(kioskContentSecurityPolicy());
    }
    const health = await fetch(url('/api/v1/health'));
    expect(health.headers.get('content-security-policy')).toBeNull();
  });

  it('follows an edited kiosk-config without a restart', async () => {
    await writeFile(
      configFile,
      JSON.stringify({ serverUrl: 'https://intake.example.gov.cn/', bundleChannelUrl: '/bundle/' }),
    );
    // A later modification time than the first read, whatever the file system's clock resolution.
    const later = new Date(Date.now() + 5000);
    await utimes(configFile, later, later);
    const res = await fetch(url('/'), { headers: { accept: 'text/html' } });
    expect(directives(res.headers.get('content-security-policy')!).get('connect-src')).toEqual([
      "'self'",
      'https://intake.example.gov.cn',
    ]);
  });

  it('logs a violation report without the query string, and refuses what is not one', async () => {
    const report = {
      'csp-report': {
        'document-uri': `${server.url}/?q=张三的身份证`,
        'effective-directive': 'script-src-elem',
        'blocked-uri': 'https://evil.example/x.js?token=1',
        'source-file': `${server.url}/assets/index.js`,
        'line-number': 12,
      },
    };
    const ok = await fetch(url('/api/v1/csp-report'), {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify(report),
    });
    expect(ok.status).toBe(204);
    const logged = logs.find((l) => l.event === 'csp_violation');
    expect(logged).toMatchObject({
      directive: 'script-src-elem',
      blocked: 'https://evil.example/x.js',
      document: `${server.url}/`,
      line: 12,
    });
    expect(JSON.stringify(logs)).not.toContain('张三');
    // Staff (and the e2e tests) read the count and the latest reports; without the token, nothing.
    expect((await fetch(url('/api/v1/staff/csp-reports'))).status).toBe(401);
    const summary = (await (
      await fetch(url('/api/v1/staff/csp-reports'), { headers: { authorization: 'Bearer tok' } })
    ).json()) as { count: number; recent: { blocked: string; document: string }[] };
    expect(summary.count).toBe(1);
    expect(summary.recent[0]).toMatchObject({
      blocked: 'https://evil.example/x.js',
      document: `${server.url}/`,
    });

    const bad = await fetch(url('/api/v1/csp-report'), { method: 'POST', body: '{"hello": 1}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_report');
    const big = await fetch(url('/api/v1/csp-report'), {
      method: 'POST',
      body: JSON.stringify({ 'csp-report': { pad: 'x'.repeat(10_000) } }),
    });
    expect(big.status).toBe(413);
  });
});
