// The UI's side of the search worker: one worker, one open bundle, answers in order, stale ones dropped.
import type { SearchResponse, WorkerRequest, WorkerResponse } from './types.ts';

export interface SearchAnswer {
  query: string;
  response: SearchResponse;
  ms: number;
}

let worker: Worker | null = null;
let openedDb: string | null = null;
let seq = 0;
const waiting = new Map<number, (answer: SearchAnswer | null) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'search' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    if (msg.type === 'opened') {
      console.info(`search: engine ready over ${msg.docs} documents in ${msg.ms} ms`);
      return;
    }
    if (msg.type === 'error' && msg.seq === undefined) {
      console.error(`search worker: ${msg.message}`);
      return;
    }
    const s = msg.seq!;
    // Every request older than this answer was skipped by the worker or is now stale: settle it with null.
    for (const [k, resolve] of waiting) {
      if (k < s) {
        resolve(null);
        waiting.delete(k);
      }
    }
    const resolve = waiting.get(s);
    waiting.delete(s);
    if (!resolve) return;
    if (msg.type === 'results' && s === seq)
      resolve({ query: msg.query, response: msg.response, ms: msg.ms });
    else resolve(null);
  };
  return worker;
}

function send(msg: WorkerRequest): void {
  getWorker().postMessage(msg);
}

/** Starts the worker on the bundle kiosk-meta says is live, before the page has read it (a cold start). */
export function openLive(): void {
  send({ type: 'open-live' });
}

/** Points the worker at the live bundle database (again after a switch). */
export function openBundle(dbName: string): void {
  if (openedDb === dbName) return;
  openedDb = dbName;
  send({ type: 'open', dbName });
}

/** Resolves with the answer, or null when a newer query was asked meanwhile (drop it). */
export function search(query: string, limit = 60): Promise<SearchAnswer | null> {
  const s = ++seq;
  return new Promise((resolve) => {
    waiting.set(s, resolve);
    send({ type: 'search', seq: s, query, limit });
  });
}
