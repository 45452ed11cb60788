// The search contract between the UI, the worker and the core engine (src/core/search/engine.ts).
import type { BundleData } from '../../core/bundle/schema.ts';

export type ResultType = 'item' | 'guide' | 'interpretation';

export interface SearchHit {
  type: ResultType;
  id: string;
  title: string;
  domain: string;
  level1?: string | null;
  level2?: string | null;
  level3?: string | null;
  score: number;
  /** Matched spans; the engine may give [start, end) offsets into the title or the matched strings. */
  highlights?: unknown;
}

export interface SearchResponse {
  results: SearchHit[];
  didYouMean?: string[];
}

export interface SearchEngine {
  search(query: string, opts?: { limit?: number }): SearchResponse;
}

export type CreateSearchEngine = (data: BundleData) => SearchEngine;

export type WorkerRequest =
  { type: 'open'; dbName: string } | { type: 'search'; seq: number; query: string; limit: number };

export type WorkerResponse =
  | { type: 'opened'; dbName: string; ms: number; engine: 'core' | 'fallback' }
  | { type: 'results'; seq: number; query: string; response: SearchResponse; ms: number }
  | { type: 'error'; seq?: number; message: string };
