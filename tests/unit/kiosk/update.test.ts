import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForUpdate } from '../../../src/kiosk/bundle/update.ts';
import { loadConfig } from '../../../src/kiosk/config/load-config.ts';
import { metaDb, resetMetaDb } from '../../../src/kiosk/db/meta-db.ts';
import { openComplete } from '../../../src/kiosk/db/store.ts';
import { bundleDbName, readSearchSource } from '../../../src/kiosk/db/bundle-db.ts';
import { KioskConfigSchema } from '../../../src/core/config/kiosk-config.ts';
import { channelRoutes, fakeFetch, sampleData, signedBundle, type SignedBundle } from './fixtures.ts';

const CHANNEL = 'http://kiosk.test/bundle/';

function configFor(bundle: SignedBundle) {
  return KioskConfigSchema.parse({ site: 'test-site', hallName: '测试大厅', trustedKeys: [bundle.trusted] });
}

beforeEach(async () => {
  resetMetaDb();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});
afterEach(() => resetMetaDb());

describe('checkForUpdate', () => {
  it('verifies, imports and activates the first bundle; then reports current', async () => {
    const v1 = await signedBundle(1);
    let routes = channelRoutes(v1);
    const fetchFn = fakeFetch(() => routes);
    const config = configFor(v1);
    const progress: string[] = [];
    const first = await checkForUpdate(config, {
      mode: 'activate',
      channelUrl: CHANNEL,
      fetchFn,
      appVersion: '0.1.0',
      onProgress: (p) => progress.push(p.phase),
    });
    expect(first).toMatchObject({ status: 'activated', version: 1 });
    expect(progress).toContain('download');
    expect(progress).toContain('import');
    const db = (await openComplete(bundleDbName(1)))!;
    expect((await readSearchSource(db)).catalogue).toHaveLength(3);
    db.close();

    expect(await checkForUpdate(config, { mode: 'stage', channelUrl: CHANNEL, fetchFn })).toMatchObject({
      status: 'current',
    });

    // A newer one found while running is staged, not made live.
    routes = channelRoutes(await signedBundle(2));
    expect(await checkForUpdate(config, { mode: 'stage', channelUrl: CHANNEL, fetchFn })).toMatchObject({
      status: 'staged',
      version: 2,
    });
    expect((await metaDb().getValue('live'))?.version).toBe(1);
    expect((await metaDb().getValue('staged'))?.version).toBe(2);
  });

  it('refuses a tampered bundle and keeps the live one', async () => {
    const v1 = await signedBundle(1);
    const config = configFor(v1);
    let routes = channelRoutes(v1);
    const fetchFn = fakeFetch(() => routes);
    await checkForUpdate(config, { mode: 'activate', channelUrl: CHANNEL, fetchFn });

    const v2 = await signedBundle(2, sampleData(2, 5));
    routes = channelRoutes(v2);
    routes.set(
      '/bundle/data/catalogue.json',
      new TextEncoder().encode(JSON.stringify(sampleData(2, 6).catalogue)),
    );
    const outcome = await checkForUpdate(config, { mode: 'activate', channelUrl: CHANNEL, fetchFn });
    expect(outcome.status).toBe('rejected');
    expect(outcome.failure?.code).toMatch(/size-mismatch|hash-mismatch/);
    expect((await metaDb().getValue('live'))?.version).toBe(1);
    expect((await metaDb().getValue('lastUpdate'))?.status).toBe('rejected');
    expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('kiosk-bundle'))).toEqual([
      bundleDbName(1),
    ]);
  });

  it('refuses a bundle signed by an unknown key', async () => {
    const v1 = await signedBundle(1);
    const config = KioskConfigSchema.parse({
      site: 'test-site',
      hallName: '测试大厅',
      trustedKeys: [{ keyId: 'ffffffffffffffff', publicKey: v1.trusted.publicKey }],
    });
    const outcome = await checkForUpdate(config, {
      mode: 'activate',
      channelUrl: CHANNEL,
      fetchFn: fakeFetch(() => channelRoutes(v1)),
    });
    expect(outcome.failure?.code).toBe('unknown-key');
    expect(await metaDb().getValue('live')).toBeUndefined();
  });

  it('says unavailable when the channel cannot be reached', async () => {
    const v1 = await signedBundle(1);
    const outcome = await checkForUpdate(configFor(v1), {
      mode: 'activate',
      channelUrl: CHANNEL,
      fetchFn: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    expect(outcome.status).toBe('unavailable');
  });
});

describe('loadConfig', () => {
  it('validates the config, caches it, and falls back to the cache offline or when the server sends junk', async () => {
    const v1 = await signedBundle(1);
    const good = JSON.stringify({ site: 'test-site', hallName: '测试大厅', trustedKeys: [v1.trusted] });
    let body = good;
    const fetchFn = fakeFetch(() => new Map([['/kiosk-config.json', body]]));
    const url = 'http://kiosk.test/kiosk-config.json';

    expect(await loadConfig(url, fetchFn, true)).toMatchObject({
      ok: true,
      source: 'network',
      config: { hallName: '测试大厅' },
    });
    expect(await loadConfig(url, fetchFn, false)).toMatchObject({ ok: true, source: 'cache' });
    body = JSON.stringify({ site: 'Bad Slug', hallName: '', trustedKeys: [] });
    const junk = await loadConfig(url, fetchFn, true);
    expect(junk).toMatchObject({ ok: true, source: 'cache' });
    expect(junk.ok && junk.problem).toMatch(/kiosk-config\.json: /);
  });

  it('reports the problem when there is no config at all', async () => {
    const res = await loadConfig(
      'http://kiosk.test/kiosk-config.json',
      fakeFetch(() => new Map()),
      true,
    );
    expect(res).toMatchObject({ ok: false, problem: expect.stringContaining('HTTP 404') });
  });
});
