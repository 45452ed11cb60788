/// <reference lib="webworker" />
// The search worker: opens the live bundle database, builds the core engine once, answers queries.
// Only the newest query is answered: older ones still queued are skipped so typing never waits.
import '../zod-jitless.ts';
import { createSearchEngine, type SearchEngine } from '../../core/search/engine.ts';
import type { Steps } from '../../core/search/steps.ts';
import { BundleDb, readSearchSource } from '../db/bundle-db.ts';
import { metaDb } from '../db/meta-db.ts';
import type { WorkerRequest, WorkerResponse } from './types.ts';

declare const self: DedicatedWorkerGlobalScope;

let engine: SearchEngine | null = null;
let ready: Promise<void> = Promise.resolve();
let pending: Extract<WorkerRequest, { type: 'search' }> | null = null;
let scheduled = false;

const post = (msg: WorkerResponse) => self.postMessage(msg);

async function open(dbName: string): Promise<void> {
  const started = performance.now();
  const db = new BundleDb(dbName);
  try {
    engine = createSearchEngine(await readSearchSource(db));
    post({ type: 'opened', dbName, ms: Math.round(performance.now() - started), docs: engine.docCount });
  } finally {
    db.close();
  }
  // One chain of slices: a bundle switched while the last one still warms takes over its chain.
  const chainRunning = warming !== null;
  warming = engine.warmSteps();
  if (!chainRunning) setTimeout(warmSlice, 0);
}

/** Longest stretch of warming between two looks at the message queue. */
const WARM_SLICE_MS = 10;
let warming: Steps<void> | null = null;

/**
 * Builds the engine's lazy tables (pinyin blobs, corpus lexicon, name characters) a slice at a time once it has
 * loaded, so a later pinyin or typo query finds them ready. The first answer never waits for them: at 10k
 * documents warming takes 0.4 to 0.9 s here, as long as the rest of the load, and most first queries (低保) need
 * none of it; a query waiting goes before the next slice.
 */
function warmSlice(): void {
  if (!warming) return;
  if (!scheduled) {
    const started = performance.now();
    while (performance.now() - started < WARM_SLICE_MS)
      if (warming.next().done) {
        warming = null;
        return;
      }
  }
  setTimeout(warmSlice, 0);
}

function answer(): void {
  scheduled = false;
  const req = pending;
  pending = null;
  if (!req || !engine) return;
  const started = performance.now();
  try {
    const response = engine.search(req.query, { limit: req.limit });
    post({ type: 'results', seq: req.seq, query: req.query, response, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'error', seq: req.seq, message: (e as Error).message });
  }
}

/** The database opened or being opened: asking for it again (open-live, then the page's open) is a no-op. */
let current: string | null = null;
const failed = (e: unknown) => post({ type: 'error', message: (e as Error).message });

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'open-live') {
    // At start the worker reads the live pointer itself, so the engine loads while the page is still starting.
    ready = metaDb()
      .getValue('live')
      .then((live) => {
        if (!live || current !== null) return;
        current = live.dbName;
        return open(live.dbName);
      })
      .catch(failed);
    return;
  }
  if (msg.type === 'open') {
    if (msg.dbName === current) return;
    current = msg.dbName;
    // After any open still running, so the newest bundle's engine is the one that stays.
    ready = ready.then(() => open(msg.dbName)).catch(failed);
    return;
  }
  pending = msg; // a newer query replaces one not yet answered
  if (!scheduled) {
    scheduled = true;
    void ready.then(() => setTimeout(answer, 0));
  }
};
