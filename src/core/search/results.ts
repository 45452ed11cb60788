// What a search returns, shared by the engine's stages, the kiosk worker and the CLI.
import type { DocType, SearchDoc } from './docs.ts';

export interface SearchOptions {
  /** Maximum number of results (default 20). */
  limit?: number;
  /**
   * The query is being typed: skip the did-you-mean pass that only an empty result needs (fuse.js over the
   * vocabulary, the slowest part of a search that finds nothing). The response says so with `suggestionsLater`;
   * the kiosk asks again once typing pauses.
   */
  typing?: boolean;
}

export interface SearchResult {
  type: DocType;
  id: string;
  /** For an item: its level names joined by a space (最低生活保障 审核信息); else the guide's or interpretation's title. */
  title: string;
  domain: string;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  score: number;
  /** An interpretation of a policy that was amended or repealed (the UI marks it). */
  validity?: SearchDoc['validity'];
  /** Matched parts of `title` as [start, end) UTF-16 offsets, sorted and disjoint, for the UI to mark. */
  highlights: Array<[number, number]>;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Number of matching documents before the limit. */
  total: number;
  /** Suggestions when results are few or none, and the corrected form when a typo was corrected. */
  didYouMean: string[];
  /**
   * The query asks where, when or by what phone (在哪办, 电话): the department named by the first result, whose
   * contact the UI shows above the list.
   */
  contactDept?: string;
  /** Asked with `typing`: nothing was found and the fuzzy did-you-mean was skipped; a search without it has them. */
  suggestionsLater?: true;
  /** Nothing matched in full: the results are the closest documents (the UI says so). */
  closest?: true;
  /**
   * The services a situation the query tells of points to (老伴去世了 → 丧葬补助金, 遗属抚恤金), as the catalogue names
   * them: the UI offers them to search for, and says why their rows are among the results.
   */
  implied?: string[];
  /** The query as the engine understood it, one entry per concept: `~` marks a weak word, `|` separates alternatives. */
  rewritten: string[];
}
