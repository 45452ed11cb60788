// The bundle store: import a verified bundle beside the live one, switch with one write, clean up leftovers.
import Dexie from 'dexie';
import type { BundleData, Manifest } from '../../core/bundle/schema.ts';
import {
  BundleDb,
  bundleDbName,
  docOrderOf,
  isBundleDbName,
  summarize,
  type BundleInfo,
} from './bundle-db.ts';
import { metaDb, type BundlePointer, type PersistAnswer } from './meta-db.ts';

export interface ImportProgress {
  /** Records written so far and in all (data rows plus files). */
  done: number;
  total: number;
  table: string;
}

export interface ImportInput {
  manifest: Manifest;
  data: BundleData;
  /** Files besides the data files (attachments), by bundle path, already hash-checked. */
  files?: ReadonlyMap<string, Uint8Array>;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Records per transaction: small enough to keep the page responsive and show progress. */
  batchSize?: number;
}

const pointerOf = (manifest: Manifest, dbName: string): BundlePointer => ({
  dbName,
  version: manifest.version,
  bundleId: manifest.bundleId,
  siteName: manifest.siteName,
  createdAt: manifest.createdAt,
  expiresAt: manifest.expiresAt,
  at: new Date().toISOString(),
});

/**
 * Writes a verified bundle into its own database. The live bundle is not touched; the new one is marked
 * complete only after every record is written. Returns the pointer to pass to activate() or stage().
 */
export async function importBundle(input: ImportInput, opts: ImportOptions = {}): Promise<BundlePointer> {
  const { manifest, data } = input;
  const meta = metaDb();
  const dbName = bundleDbName(manifest.version);
  const live = await meta.getValue('live');
  if (live?.dbName === dbName) throw new Error(`bundle version ${manifest.version} is already live`);

  await meta.setValue('importing', { dbName, startedAt: new Date().toISOString() });
  await Dexie.delete(dbName); // a leftover of an earlier interrupted import of the same version
  const db = new BundleDb(dbName);
  try {
    const batchSize = opts.batchSize ?? 500;
    const files = [...(input.files ?? [])].map(([path, bytes]) => ({ path, bytes }));
    const jobs = [
      { table: db.items, rows: data.catalogue },
      { table: db.guides, rows: data.guides },
      { table: db.interpretations, rows: data.interpretations },
      { table: db.departments, rows: data.departments },
      { table: db.notices, rows: data.notices },
      { table: db.synonyms, rows: data.synonyms },
      { table: db.calendar, rows: data.calendar },
      { table: db.files, rows: files },
    ] as const;
    const total = jobs.reduce((n, j) => n + j.rows.length, 0);
    let done = 0;
    opts.onProgress?.({ done, total, table: '' });
    for (const job of jobs) {
      for (let i = 0; i < job.rows.length; i += batchSize) {
        const batch = job.rows.slice(i, i + batchSize);
        // Each batch is its own transaction: an interruption leaves an incomplete database, never a live one.
        await (job.table as Dexie.Table<unknown, unknown>).bulkPut(batch);
        done += batch.length;
        opts.onProgress?.({ done, total, table: job.table.name });
      }
    }
    await db.transaction('rw', db.info, async () => {
      await db.setInfo('manifest', manifest);
      await db.setInfo('order', docOrderOf(data));
      await db.setInfo('searchIndex', data.searchIndex);
      await db.setInfo('heads', documentHeads(data));
      await db.setInfo('summary', summarize(manifest, data));
      await db.setInfo('complete', { at: new Date().toISOString() });
    });
  } finally {
    db.close();
  }
  return pointerOf(manifest, dbName);
}

/** Opens a bundle database only if its import completed. */
export async function openComplete(dbName: string): Promise<BundleDb | null> {
  if (!(await Dexie.exists(dbName))) return null;
  const db = new BundleDb(dbName);
  try {
    await db.open();
    if (await db.getInfo('complete')) return db;
  } catch {
    // unreadable: treated as absent
  }
  db.close();
  return null;
}

/**
 * Makes an imported bundle live: one transaction in kiosk-meta moves the pointer and raises the highest
 * accepted version. The previous bundle stays readable until then and is deleted after.
 */
export async function activate(pointer: BundlePointer): Promise<BundlePointer | undefined> {
  const meta = metaDb();
  let previous: BundlePointer | undefined;
  await meta.transaction('rw', meta.kv, async () => {
    previous = await meta.getValue('live');
    const highest = (await meta.getValue('highestAccepted')) ?? 0;
    await meta.setValue('live', { ...pointer, at: new Date().toISOString() });
    await meta.setValue('highestAccepted', Math.max(highest, pointer.version));
    const staged = await meta.getValue('staged');
    if (staged?.dbName === pointer.dbName) await meta.kv.delete('staged');
    const importing = await meta.getValue('importing');
    if (importing?.dbName === pointer.dbName) await meta.kv.delete('importing');
  });
  if (previous && previous.dbName !== pointer.dbName) await deleteBundleDb(previous.dbName);
  return previous;
}

/**
 * Keeps an imported bundle for later: it becomes live at the next start or when the kiosk is idle
 * (activateStaged). Its version already counts as accepted so an older one cannot be staged over it.
 */
export async function stage(pointer: BundlePointer): Promise<void> {
  const meta = metaDb();
  let replaced: BundlePointer | undefined;
  await meta.transaction('rw', meta.kv, async () => {
    replaced = await meta.getValue('staged');
    const highest = (await meta.getValue('highestAccepted')) ?? 0;
    await meta.setValue('staged', pointer);
    await meta.setValue('highestAccepted', Math.max(highest, pointer.version));
    const importing = await meta.getValue('importing');
    if (importing?.dbName === pointer.dbName) await meta.kv.delete('importing');
  });
  if (replaced && replaced.dbName !== pointer.dbName) await deleteBundleDb(replaced.dbName);
}

/** Makes a staged bundle live, if there is one and it is complete. Returns the new live pointer. */
export async function activateStaged(): Promise<BundlePointer | null> {
  const staged = await metaDb().getValue('staged');
  if (!staged) return null;
  const db = await openComplete(staged.dbName);
  if (!db) {
    await metaDb().kv.delete('staged');
    return null;
  }
  db.close();
  await activate(staged);
  return staged;
}

async function deleteBundleDb(dbName: string): Promise<void> {
  // Other connections (UI, search worker) close themselves on 'versionchange' (Dexie's default), so this
  // does not block; if it does, the next start's cleanup finishes the job.
  await Promise.race([Dexie.delete(dbName), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

/**
 * At start: deletes bundle databases that are neither live nor staged (interrupted imports, bundles
 * replaced while a connection kept them open). Returns the names deleted.
 */
export async function cleanupStale(): Promise<string[]> {
  const meta = metaDb();
  const [live, staged, importing] = await Promise.all([
    meta.getValue('live'),
    meta.getValue('staged'),
    meta.getValue('importing'),
  ]);
  const keep = new Set([live?.dbName, staged?.dbName].filter(Boolean));
  const names = new Set((await Dexie.getDatabaseNames()).filter(isBundleDbName));
  if (importing) names.add(importing.dbName);
  const deleted: string[] = [];
  for (const name of names) {
    if (keep.has(name)) continue;
    await deleteBundleDb(name);
    deleted.push(name);
  }
  if (importing) await meta.kv.delete('importing');
  return deleted;
}

/** Asks the browser to keep our storage under pressure, and records the answer for the health screen. */
export async function requestPersistence(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<PersistAnswer> {
  let granted: boolean | null = null;
  if (storage?.persist) {
    try {
      granted = (await storage.persisted()) || (await storage.persist());
    } catch {
      granted = false;
    }
  }
  const answer = { granted, at: new Date().toISOString() };
  await metaDb().setValue('persist', answer);
  return answer;
}

/** What the search engine reads of the documents, in the bundle's order (readSearchSource). */
function documentHeads(data: BundleData): NonNullable<BundleInfo['heads']> {
  return {
    items: data.catalogue.map(({ id, domain, level1, level2, level3, publisher }) => ({
      id,
      domain,
      level1,
      level2,
      level3,
      publisher,
    })),
    guides: data.guides.map(({ id, title, domain, department }) => ({ id, title, domain, department })),
    interpretations: data.interpretations.map(({ id, title, domain, department, validity }) => ({
      id,
      title,
      domain,
      department,
      ...(validity ? { validity } : {}),
    })),
  };
}
