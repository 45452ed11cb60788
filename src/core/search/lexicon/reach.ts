// Which lexicon pairs a bundle can use: an official term "reaches" a document when most of its bigrams occur in
// that one document (catalogues abbreviate and reorder: 特困人员供养 for 特困人员救助供养). Only those pairs travel in
// the bundle's search index, so the kiosk carries what its catalogue can answer and nothing else.
import { codePoints, hanBigrams, normalizeText, splitRuns } from '../text.ts';
import type { LexiconPair } from './parse.ts';

/** Share of an official term's bigrams one document must hold. */
const REACH_SHARE = 0.7;

export class ReachIndex {
  private readonly sets = new Map<string, Set<number>>();

  /** `docsOf(token)` lists the documents (ascending, may repeat) that hold a token anywhere. */
  constructor(private readonly docsOf: (token: string) => readonly number[]) {}

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
    const need = uniq.length <= 2 ? uniq.length : Math.ceil(uniq.length * REACH_SHARE);
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
