// The messages between the UI and the search worker; results are the core engine's (src/core/search/engine.ts).
import type { SearchResponse, SearchResult } from '../../core/search/engine.ts';

export type { SearchResponse };
export type SearchHit = SearchResult;
export type ResultType = SearchResult['type'];

export type WorkerRequest =
  | { type: 'open'; dbName: string }
  /** Open whatever kiosk-meta says is live (at start, before the page has read it). */
  | { type: 'open-live' }
  | { type: 'search'; seq: number; query: string; limit: number };

export type WorkerResponse =
  | { type: 'opened'; dbName: string; ms: number; docs: number }
  | { type: 'results'; seq: number; query: string; response: SearchResponse; ms: number }
  | { type: 'error'; seq?: number; message: string };
