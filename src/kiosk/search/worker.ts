/// <reference lib="webworker" />
// The search worker: opens the live bundle database, builds the engine once, answers queries.
// Only the newest query is answered: older ones still queued are skipped so typing never waits.
import { BundleDb, readBundleData } from '../db/bundle-db.ts';
import { createFallbackEngine } from './fallback-engine.ts';
import type { CreateSearchEngine, SearchEngine, WorkerRequest, WorkerResponse } from './types.ts';

declare const self: DedicatedWorkerGlobalScope;

// The core engine is picked up when src/core/search/engine.ts exists; until then the substring stand-in answers.
const coreEngine = import.meta.glob<CreateSearchEngine>('../../core/search/engine.ts', {
  import: 'createSearchEngine',
});

let engine: SearchEngine | null = null;
let ready: Promise<void> = Promise.resolve();
let pending: Extract<WorkerRequest, { type: 'search' }> | null = null;
let scheduled = false;

const post = (msg: WorkerResponse) => self.postMessage(msg);

async function open(dbName: string): Promise<void> {
  const started = performance.now();
  const db = new BundleDb(dbName);
  try {
    const data = await readBundleData(db);
    const load = Object.values(coreEngine)[0];
    const create = load ? await load() : createFallbackEngine;
    engine = create(data);
    post({
      type: 'opened',
      dbName,
      ms: Math.round(performance.now() - started),
      engine: load ? 'core' : 'fallback',
    });
  } finally {
    db.close();
  }
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

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'open') {
    ready = open(msg.dbName).catch((e: unknown) => post({ type: 'error', message: (e as Error).message }));
    return;
  }
  pending = msg; // a newer query replaces one not yet answered
  if (!scheduled) {
    scheduled = true;
    void ready.then(() => setTimeout(answer, 0));
  }
};
