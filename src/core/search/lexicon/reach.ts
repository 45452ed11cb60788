// Which lexicon pairs a bundle can use: an official term "reaches" a document when most of its bigrams occur in
// that one document (catalogues abbreviate and reorder: 特困人员供养 for 特困人员救助供养). Only those pairs travel in
// the bundle's search index, so the kiosk carries what its catalogue can answer and nothing else.
import { codePoints, hanBigrams, normalizeText, splitRuns } from '../text.ts';
import type { LexiconPair, LexiconRow } from './parse.ts';

/** Share of an official term's bigrams one document must hold. */
const REACH_SHARE = 0.7;

export class ReachIndex {
  private readonly sets = new Map<string, Set<number>>();

  /**
   * `docsOf(token)` lists the documents (ascending, may repeat) that hold a token; `share`: of a term's tokens, the
   * share one document must hold.
   */
  constructor(
    private readonly docsOf: (token: string) => readonly number[],
    private readonly share = REACH_SHARE,
  ) {}

  private set(tok: string): Set<number> {
    let s = this.sets.get(tok);
    if (!s) this.sets.set(tok, (s = new Set(this.docsOf(tok))));
    return s;
  }

  /** Whether some document holds the term (by the share of its Han bigrams, or its ASCII words). */
  reaches(term: string): boolean {
    const toks: string[] = [];
    for (const run of splitRuns(normalizeText(term))) {
      if (run.kind === 'han') toks.push(...(run.chars.length === 1 ? run.chars : hanBigrams(run.chars)));
      else toks.push(run.chars.join(''));
    }
    const uniq = [...new Set(toks)];
    if (!uniq.length) return false;
    const need = uniq.length <= 2 ? uniq.length : Math.ceil(uniq.length * this.share);
    const bySize = uniq.map((t) => ({ t, s: this.set(t) })).sort((a, b) => a.s.size - b.s.size);
    // A document holding `need` of the tokens holds one of the (n - need + 1) rarest.
    const cands = new Set<number>();
    for (const { s } of bySize.slice(0, uniq.length - need + 1)) for (const d of s) cands.add(d);
    for (const d of cands) {
      let hit = 0;
      for (const { s } of bySize) if (s.has(d) && ++hit >= need) return true;
    }
    return false;
  }
}

/**
 * The pairs whose official terms reach the bundle, each keeping only the official terms that do; terms the
 * district's own synonyms.csv defines are left to it (the district overrides the lexicon).
 */
export function reachingPairs(
  pairs: readonly LexiconPair[],
  reach: ReachIndex,
  districtTerms: ReadonlySet<string>,
): LexiconPair[] {
  const memo = new Map<string, boolean>();
  const ok = (o: string) => {
    let v = memo.get(o);
    if (v === undefined) memo.set(o, (v = reach.reaches(o)));
    return v;
  };
  const out: LexiconPair[] = [];
  for (const p of pairs) {
    if (districtTerms.has(p.term) || codePoints(p.term).length > 50) continue;
    const official = p.official.filter(ok);
    if (official.length) out.push({ term: p.term, official });
  }
  return out;
}

/** A name of three characters or more: a shorter one (学区, 片区) is too often part of another word to stand in. */
const MIN_STAND_IN = 3;

/**
 * A row whose official terms this catalogue does not use may still be named in it by one of its colloquial names
 * (人才落户 in 人才落户（高校毕业生）, where the row's official term is 人才引进落户): that name stands in for the
 * official terms, and the row's other names (本科落户, 大学生落户) reach it. Pairs for names that reach nothing
 * else; the district's own terms are left to it.
 */
export function standInPairs(
  rows: ReadonlyArray<Pick<LexiconRow, 'official' | 'colloquial'>>,
  reach: ReachIndex,
  inNames: ReachIndex,
  taken: ReadonlySet<string>,
): LexiconPair[] {
  const byTerm = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.official.some((o) => reach.reaches(o))) continue;
    // The longest such name: one stand-in per row, as a row has one service. Not a name holding another of the
    // row's names (公交线路 of 公交): that one names a part of the service, not the whole.
    const names = [...row.official, ...row.colloquial];
    const standIn = row.colloquial
      .filter((c) => codePoints(c).length >= MIN_STAND_IN && !names.some((n) => n !== c && c.includes(n)))
      .filter((c) => inNames.reaches(c))
      .sort((a, b) => codePoints(b).length - codePoints(a).length)[0];
    if (!standIn) continue;
    for (const name of names) {
      if (taken.has(name) || name === standIn || codePoints(name).length > 50) continue;
      const set = byTerm.get(name) ?? new Set<string>();
      set.add(standIn);
      byTerm.set(name, set);
    }
  }
  return [...byTerm].map(([term, official]) => ({ term, official: [...official] }));
}

/** Each official term of the lexicon's rows, with the other official terms of the rows that list it. */
export function officialSiblings(rows: ReadonlyArray<Pick<LexiconRow, 'official'>>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const row of rows)
    for (const o of row.official) {
      const set = out.get(o) ?? new Set<string>();
      for (const x of row.official) if (x !== o) set.add(x);
      out.set(o, set);
    }
  return new Map([...out].filter(([, s]) => s.size).map(([o, s]) => [o, [...s]]));
}
