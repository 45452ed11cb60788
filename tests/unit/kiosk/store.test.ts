import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleDb, bundleDbName, readSearchSource } from '../../../src/kiosk/db/bundle-db.ts';
import { metaDb, resetMetaDb } from '../../../src/kiosk/db/meta-db.ts';
import {
  activate,
  activateStaged,
  cleanupStale,
  importBundle,
  openComplete,
  requestPersistence,
  stage,
} from '../../../src/kiosk/db/store.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import type { BundleData } from '../../../src/core/bundle/schema.ts';
import { sampleData, testManifest } from './fixtures.ts';

const manifestFor = testManifest;

async function importVersion(version: number, data: BundleData = sampleData(version)) {
  return importBundle({ manifest: manifestFor(version), data });
}

async function bundleNames(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((n) => n.startsWith('kiosk-bundle-')).sort();
}

beforeEach(async () => {
  resetMetaDb();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});
afterEach(() => resetMetaDb());

describe('bundle store', () => {
  it('imports a bundle into its own database and makes it live with one switch', async () => {
    const progress: number[] = [];
    const pointer = await importBundle(
      {
        manifest: manifestFor(3),
        data: sampleData(3, 1200),
        files: new Map([['attachments/a.pdf', new Uint8Array([1, 2])]]),
      },
      { batchSize: 500, onProgress: (p) => progress.push(p.done) },
    );
    expect(pointer.dbName).toBe(bundleDbName(3));
    expect(await metaDb().getValue('live')).toBeUndefined(); // not live before the switch
    expect(progress.at(-1)).toBe(1200 + 1 + 1 + 1 + 1); // items, guide, department, synonym, attachment
    expect(progress.length).toBeGreaterThan(3); // batches report as they go
    await activate(pointer);
    expect((await metaDb().getValue('live'))?.version).toBe(3);
    expect(await metaDb().getValue('highestAccepted')).toBe(3);

    const db = (await openComplete(pointer.dbName))!;
    const data = await readSearchSource(db);
    expect(data.catalogue).toHaveLength(1200);
    // The bundle's order survives (IndexedDB would return item-0, item-1, item-10, ...): the search index relies on it.
    expect(data.catalogue.map((i) => i.id).slice(0, 12)).toEqual(
      sampleData(3, 12).catalogue.map((i) => i.id),
    );
    // What the search worker does: build the core engine over the stored bundle.
    const engine = createSearchEngine(data);
    expect(engine.search('dibao', { limit: 3 }).results[0]).toMatchObject({
      id: 'item-0',
      title: '最低生活保障 审核信息',
    });
    // The engine reads the documents' heads: not the guides' sections and bodies, nor the items' content.
    expect(data.guides).toEqual(
      sampleData(3, 1).guides.map(({ id, title, domain, department }) => ({ id, title, domain, department })),
    );
    expect(data.catalogue[0]).not.toHaveProperty('content');
    const queries = ['dibao', '低保', '户口迁移', '区民政局'];
    // A bundle imported before the items' heads were written reads the items table, and searches the same; one
    // imported before any heads were written (none in its info table) reads every whole table, likewise.
    const heads = (await db.getInfo('heads'))!;
    await db.setInfo('heads', { guides: heads.guides, interpretations: heads.interpretations });
    const itemsWhole = await readSearchSource(db);
    expect(itemsWhole.catalogue[0]).toHaveProperty('content');
    expect(itemsWhole.catalogue.map((i) => i.id)).toEqual(data.catalogue.map((i) => i.id));
    const fromItems = createSearchEngine(itemsWhole);
    for (const q of queries)
      expect(fromItems.search(q, { limit: 10 })).toEqual(engine.search(q, { limit: 10 }));
    await db.info.delete('heads');
    const whole = await readSearchSource(db);
    expect(whole.guides[0]).toHaveProperty('body');
    const fromTables = createSearchEngine(whole);
    for (const q of queries)
      expect(fromTables.search(q, { limit: 10 })).toEqual(engine.search(q, { limit: 10 }));
    expect((await db.files.get('attachments/a.pdf'))?.bytes).toEqual(new Uint8Array([1, 2]));
    const summary = (await db.getInfo('summary'))!;
    expect(summary.domains.map((d) => d.name)).toEqual(['社会救助', '户籍管理']);
    expect(summary.departments[0]).toMatchObject({ name: '区民政局', count: 1200 });
    db.close();
  });

  it('keeps the old bundle readable during an import and deletes it after the switch', async () => {
    await activate(await importVersion(1));
    const reader = new BundleDb(bundleDbName(1));
    const p2 = await importVersion(2);
    expect(await reader.items.count()).toBe(3); // old still readable beside the new one
    expect((await metaDb().getValue('live'))?.version).toBe(1);
    const previous = await activate(p2);
    expect(previous?.version).toBe(1);
    expect(await bundleNames()).toEqual([bundleDbName(2)]);
    reader.close();
  });

  it('leaves the live bundle untouched when an import is interrupted, and cleans up at next start', async () => {
    await activate(await importVersion(1));
    await expect(
      importBundle(
        { manifest: manifestFor(2), data: sampleData(2, 2000) },
        {
          batchSize: 100,
          onProgress: (p) => {
            if (p.done >= 500) throw new DOMException('quota', 'QuotaExceededError');
          },
        },
      ),
    ).rejects.toThrow('quota');
    expect((await metaDb().getValue('live'))?.version).toBe(1);
    expect(await openComplete(bundleDbName(2))).toBeNull(); // partial, never complete
    expect(await bundleNames()).toEqual([bundleDbName(1), bundleDbName(2)]);

    resetMetaDb(); // "next start"
    expect(await cleanupStale()).toEqual([bundleDbName(2)]);
    expect(await bundleNames()).toEqual([bundleDbName(1)]);
    expect(await metaDb().getValue('importing')).toBeUndefined();
    const live = (await openComplete(bundleDbName(1)))!;
    expect(await live.items.count()).toBe(3);
    live.close();
  });

  it('refuses to import over the live version', async () => {
    await activate(await importVersion(1));
    await expect(importVersion(1)).rejects.toThrow(/already live/);
    expect(await bundleNames()).toEqual([bundleDbName(1)]);
  });

  it('stages a bundle and activates it later; cleanup keeps live and staged', async () => {
    await activate(await importVersion(1));
    await stage(await importVersion(2));
    expect((await metaDb().getValue('live'))?.version).toBe(1);
    expect(await metaDb().getValue('highestAccepted')).toBe(2);
    expect(await cleanupStale()).toEqual([]);
    const now = await activateStaged();
    expect(now?.version).toBe(2);
    expect((await metaDb().getValue('live'))?.version).toBe(2);
    expect(await metaDb().getValue('staged')).toBeUndefined();
    expect(await bundleNames()).toEqual([bundleDbName(2)]);
    expect(await activateStaged()).toBeNull();
  });

  it('drops a staged pointer whose database is gone', async () => {
    await activate(await importVersion(1));
    await stage(await importVersion(2));
    await Dexie.delete(bundleDbName(2));
    expect(await activateStaged()).toBeNull();
    expect((await metaDb().getValue('live'))?.version).toBe(1);
  });

  it('records the persist() answer', async () => {
    const storage = { persisted: async () => false, persist: async () => true } as unknown as StorageManager;
    expect((await requestPersistence(storage)).granted).toBe(true);
    expect((await metaDb().getValue('persist'))?.granted).toBe(true);
    expect((await requestPersistence(undefined)).granted).toBeNull();
  });
});
