// The search engine the kiosk (in a Web Worker) and the CLI share. It never imports pinyin-pro: every reading it
// needs comes precomputed in the bundle's search index, so the kiosk bundle stays small and cold start stays fast.
//
// A query travels four stages, one file each: understanding (understand.ts: segmentation, lexicon, pinyin,
// intent) → retrieval (retrieve.ts) → ranking (rank.ts) → suggestions (suggest.ts), over the corpus (corpus.ts).
// A query is rewritten into "concepts" (what the visitor asks about), each with alternative Chinese strings
// (the typed text, synonym-table official terms, vocabulary terms its pinyin spells, a homophone correction).
// Documents are scored by weighted bigram coverage of each concept over short fields, combined as a soft AND,
// then the best candidates are re-ranked with exact-name, title and intent bonuses.
import { Corpus } from './corpus.ts';
import type { SearchSource } from './docs.ts';
import { Ranking } from './rank.ts';
import type { SearchOptions, SearchResponse } from './results.ts';
import { Retrieval } from './retrieve.ts';
import { runSteps, type Steps } from './steps.ts';
import { Suggestions } from './suggest.ts';
import { namesNuisance, Understanding } from './understand.ts';

export type { SearchOptions, SearchResponse, SearchResult } from './results.ts';

export interface SearchEngine {
  search(query: string, opts?: SearchOptions): SearchResponse;
  /**
   * Builds the tables that are otherwise built on first need (pinyin blobs, corpus lexicon, fuzzy index), so the
   * first pinyin or typo query of a session is as fast as the rest. Call it when idle after loading.
   */
  warm(): void;
  /** The same as `warm`, in steps (steps.ts): the worker warms between answers, never before its first. */
  warmSteps(): Steps<void>;
  readonly docCount: number;
}

class Engine implements SearchEngine {
  readonly docCount: number;
  private readonly corpus: Corpus;
  private readonly understanding: Understanding;
  private readonly retrieval: Retrieval;
  private readonly ranking: Ranking;
  private readonly suggestions: Suggestions;

  constructor(corpus: Corpus) {
    this.corpus = corpus;
    this.docCount = this.corpus.docCount;
    this.understanding = new Understanding(this.corpus);
    this.retrieval = new Retrieval(this.corpus);
    this.ranking = new Ranking(this.corpus);
    this.suggestions = new Suggestions(this.corpus);
  }

  private exercised = false;

  warm(): void {
    runSteps(this.warmSteps());
  }

  *warmSteps(): Steps<void> {
    yield* this.corpus.warmSteps();
    yield* this.exerciseSteps();
  }

  /**
   * Searches the engine runs on its own vocabulary while warming, one per step, as a visitor would type them:
   * a keystroke's first search through each stage (pinyin, initials, a question's intent) compiles its code and
   * fills its caches, and took two to three times a later one's time. Caches only: no answer changes.
   */
  *exerciseSteps(): Steps<void> {
    if (this.exercised) return;
    this.exercised = true;
    for (const q of exerciseQueries(this.corpus.vocab)) {
      this.search(q, { limit: 20, typing: true });
      yield;
    }
  }

  search(query: string, opts: SearchOptions = {}): SearchResponse {
    const limit = Math.max(1, Math.min(opts.limit ?? 20, 500));
    const plan = this.understanding.plan(query);
    const response: SearchResponse = { query, results: [], total: 0, didYouMean: [], rewritten: [] };
    if (!plan.concepts.length) {
      // Nothing read (hukouqainyi: pinyin with a slip of the finger): the did-you-mean may still know the word.
      this.suggestions.suggest(plan, response, { fuzzy: !opts.typing });
      return response;
    }

    const acc = this.retrieval.acc;
    let activeWeight = this.retrieval.scorePlan(plan, false);
    const strongEnough = (w: number) => {
      let good = 0;
      for (let k = 0; k < acc.size && good < 5; k++) if (acc.vals[acc.list[k]!]! / w >= 0.6) good++;
      return good >= Math.min(limit, 5);
    };
    // Guide and interpretation bodies only when the short fields answer poorly: the common case never reads them.
    if (!activeWeight || !strongEnough(activeWeight)) {
      const w = this.retrieval.scorePlan(plan, true);
      if (w) activeWeight = w;
    }
    response.rewritten = plan.concepts.map(
      (c) => (c.weak ? '~' : '') + c.alts.map((a) => a.text).join('|') + (c.active ? '' : ' (absent)'),
    );
    // Weak words alone (管, 申请) do not make a match when every topic word of the query is unknown to the bundle;
    // a nuisance read by the catalogue's noun (太吵 → 噪声) names one.
    const topical =
      plan.concepts.some((c) => (c.active && !c.weak) || namesNuisance(c)) ||
      plan.concepts.every((c) => c.weak);
    if (activeWeight && topical)
      this.ranking.rank(acc, plan, activeWeight, limit, response, {
        acc: this.retrieval.plainAcc,
        weight: this.retrieval.plainWeight,
        also: this.retrieval.situationAcc,
      });
    if (!response.results.length) {
      // Never an empty screen for a query that shares meaning with the catalogue: the closest documents, marked
      // as such for the UI. Only a query with nothing in common with the bundle gets nothing.
      const best = this.retrieval.scoreClosest(plan);
      if (best) {
        this.ranking.rank(acc, plan, best, limit, response, {
          acc: this.retrieval.plainAcc,
          weight: this.retrieval.plainWeight,
          also: this.retrieval.situationAcc,
        });
        if (response.results.length) response.closest = true;
      }
    }
    // The services a situation points to, when its rows are among the results.
    const situation = plan.concepts.find((c) => c.situation && c.active);
    if (situation && response.results.length)
      response.implied = situation.alts.filter((a) => a.via === 'lexicon').map((a) => a.text);
    this.suggestions.suggest(plan, response, { fuzzy: !opts.typing });
    return response;
  }
}

/** Creates the engine over a bundle's data; throws if the search index is missing, of another version or stale. */
export function createSearchEngine(data: SearchSource): SearchEngine {
  return new Engine(new Corpus(data));
}

/**
 * The same engine, warmed, built in steps (steps.ts): the kiosk's page builds it a slice per idle moment. Throws
 * from a step as createSearchEngine does.
 */
export function* searchEngineInSteps(data: SearchSource): Steps<SearchEngine> {
  const engine = new Engine(yield* Corpus.inSteps(data));
  yield* engine.exerciseSteps();
  return engine;
}

/** How many vocabulary terms the warming types, spread over the vocabulary. */
const EXERCISE_TERMS = 3;

/**
 * What the warming types: a few vocabulary terms of two to eight characters, each keystroke by keystroke in
 * characters, in pinyin and in initials, and once as a question.
 */
function exerciseQueries(vocab: ReadonlyArray<{ text: string; syllables: readonly string[] }>): string[] {
  const out: string[] = [];
  const typed = (text: string) => {
    let prefix = '';
    for (const ch of text) out.push((prefix += ch));
  };
  const terms = vocab.filter(
    (v) => v.syllables.length >= 2 && v.syllables.length <= 8 && /^\p{Script=Han}+$/u.test(v.text),
  );
  for (let k = 0; k < EXERCISE_TERMS && terms.length; k++) {
    const v = terms[Math.floor(((k + 0.5) * terms.length) / EXERCISE_TERMS)]!;
    typed(v.text);
    typed(v.syllables.join(''));
    typed(v.syllables.map((s) => s[0]).join(''));
    out.push(`${v.text}怎么申请`);
  }
  return out;
}
