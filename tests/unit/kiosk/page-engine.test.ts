// The page's own search engine (issue 11, item 7): built over the live bundle when the kiosk is quiet, it answers
// in the caller's task exactly as the worker's engine would; until then, and after a switch, it says "ask the worker".
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import { importBundle, activate } from '../../../src/kiosk/db/store.ts';
import type { BundleData } from '../../../src/core/bundle/schema.ts';
import { BundleDb, readSearchSource } from '../../../src/kiosk/db/bundle-db.ts';
import { pageEngineReady, preparePageEngine, searchOnPage } from '../../../src/kiosk/search/page-engine.ts';
import { sampleData, testManifest } from './fixtures.ts';

const manifestFor = testManifest;

async function live(version: number, data: BundleData): Promise<string> {
  const staged = await importBundle({ manifest: manifestFor(version), data });
  await activate(staged);
  return staged.dbName;
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
}

describe('page engine', () => {
  it('answers synchronously, as the engine over the same data does, once built; a switch hands back to the worker', async () => {
    const data1 = sampleData(1);
    const db1 = await live(1, data1);
    expect(searchOnPage(db1, '低保')).toBeNull(); // not built yet: the worker answers
    preparePageEngine(db1);
    await until(() => pageEngineReady(db1));

    const reference = createSearchEngine(data1);
    for (const q of ['低保', 'dibao', '户口']) {
      const answer = searchOnPage(db1, q)!;
      expect(answer.query).toBe(q);
      expect(answer.response.results.map((r) => r.id)).toEqual(
        reference.search(q, { limit: 60 }).results.map((r) => r.id),
      );
    }
    expect(searchOnPage(db1, '低保')!.response.results.length).toBeGreaterThan(0);

    // A new bundle goes live: the old engine is dropped at once, the new one answers once built.
    const data2 = sampleData(2);
    const db2 = await live(2, data2);
    preparePageEngine(db2);
    expect(searchOnPage(db1, '低保')).toBeNull();
    expect(searchOnPage(db2, '低保')).toBeNull();
    await until(() => pageEngineReady(db2));
    expect(searchOnPage(db2, '低保')!.response.results.map((r) => r.id)).toEqual(
      createSearchEngine(data2)
        .search('低保', { limit: 60 })
        .results.map((r) => r.id),
    );
  });

  it('reads an older import a page at a time with the same documents in the same order as at once', async () => {
    const dbName = await live(3, sampleData(3));
    const db = new BundleDb(dbName);
    try {
      // The documents' heads are one small record each: read at once, paged or not.
      const heads = await readSearchSource(db);
      expect(await readSearchSource(db, { pageSize: 2, between: async () => {} })).toEqual(heads);
      // A bundle imported before the heads were written: its tables are read a page at a time.
      await db.info.delete('heads');
      let pauses = 0;
      const paged = await readSearchSource(db, { pageSize: 2, between: async () => void pauses++ });
      const whole = await readSearchSource(db);
      expect(paged.catalogue.length).toBeGreaterThan(2);
      expect(pauses).toBeGreaterThanOrEqual(Math.floor(whole.catalogue.length / 2));
      expect(paged).toEqual(whole);
      expect(whole.catalogue.map((i) => i.id)).toEqual(heads.catalogue.map((i) => i.id));
    } finally {
      db.close();
    }
  });
});
