// Scoring a query set against a search function: the rank of the first acceptable answer in what the visitor sees,
// and the figures the relevance bench prints.
import type { SourceData } from './catalogues.ts';
import { answerMatcher, docFacts, type DocFacts, type QueryClass, type RelevanceQuery } from './queries.ts';

/** What a search returns, in order: document ids. */
export type SearchIds = (q: string) => string[];

export interface Outcome {
  cls: QueryClass;
  q: string;
  /** 1-based rank of the first acceptable answer, null when none is listed. */
  rank: number | null;
  /** How many results came back. */
  count: number;
}

export interface ScoredQuery {
  cls: QueryClass;
  q: string;
  /** Empty for nonsense. */
  accept: (doc: DocFacts) => boolean;
}

export function scoredQueries(queries: RelevanceQuery[], data: SourceData): ScoredQuery[] {
  return queries.map((x) => {
    const matchers = x.answers.map((a) => answerMatcher(a, data));
    return { cls: x.cls, q: x.q, accept: (d) => matchers.some((m) => m(d)) };
  });
}

export function run(queries: ScoredQuery[], data: SourceData, search: SearchIds): Outcome[] {
  const docs = docFacts(data);
  return queries.map((x) => {
    const ids = search(x.q);
    const at = ids.findIndex((id) => {
      const d = docs.get(id);
      return !!d && x.accept(d);
    });
    return { cls: x.cls, q: x.q, rank: at < 0 ? null : at + 1, count: ids.length };
  });
}

export interface Figures {
  /** In-domain queries (every class but nonsense). */
  n: number;
  hit1: number;
  hit5: number;
  mrr: number;
  /** Share of in-domain queries that got no result at all. */
  noResult: number;
  /** Nonsense queries, and the share of them that got any result. */
  nonsense: number;
  nonsenseAnswered: number;
}

const share = (k: number, n: number) => (n ? k / n : NaN);

export function figures(outcomes: Outcome[]): Figures {
  const inDomain = outcomes.filter((o) => o.cls !== 'nonsense');
  const nonsense = outcomes.filter((o) => o.cls === 'nonsense');
  const n = inDomain.length;
  return {
    n,
    hit1: share(inDomain.filter((o) => o.rank === 1).length, n),
    hit5: share(inDomain.filter((o) => o.rank !== null && o.rank <= 5).length, n),
    mrr: share(
      inDomain.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0),
      n,
    ),
    noResult: share(inDomain.filter((o) => o.count === 0).length, n),
    nonsense: nonsense.length,
    nonsenseAnswered: share(nonsense.filter((o) => o.count > 0).length, nonsense.length),
  };
}
