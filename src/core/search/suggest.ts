// Stage 4, suggestions: did-you-mean. The corrections understanding made, near vocabulary terms when results are
// few, and a fuzzy match over the vocabulary (fuse.js) when nothing was found.
import Fuse from 'fuse.js';
import type { Corpus, VocabEntry } from './corpus.ts';
import { VOCAB_KIND } from './format.ts';
import { push } from './pinyin.ts';
import type { SearchResponse } from './results.ts';
import { codePoints, isHanCode } from './text.ts';
import { isLatin, type Plan } from './understand.ts';

export class Suggestions {
  private readonly fuseCache = new Map<string, Fuse<{ t: string; p: string }>>();
  private vocabCharsCache: Map<string, number[]> | null = null;

  constructor(private readonly corpus: Corpus) {}

  /**
   * fuse.js over the vocabulary for did-you-mean. For Chinese input it runs over the terms sharing a character with
   * the query (a few hundred at most), built per call: a full scan of every term costs milliseconds at 10k
   * documents. Pinyin input uses one instance over all terms' pinyin.
   */
  private fuzzyVocab(query: string): string[] {
    const entry = (v: VocabEntry) => ({ t: v.text, p: v.syllables.join('') });
    const usable = (v: VocabEntry) => v.kind !== VOCAB_KIND.official;
    if (isLatin(query)) {
      let f = this.fuseCache.get('p');
      if (!f) {
        f = new Fuse(this.corpus.vocab.filter(usable).map(entry), {
          keys: ['p'],
          threshold: 0.34,
          ignoreLocation: true,
        });
        this.fuseCache.set('p', f);
      }
      return f.search(query, { limit: 5 }).map((r) => r.item.t);
    }
    if (!this.vocabCharsCache) {
      const map = new Map<string, number[]>();
      this.corpus.vocab.forEach((v, id) => {
        if (usable(v)) for (const ch of new Set(codePoints(v.norm))) push(map, ch, id);
      });
      this.vocabCharsCache = map;
    }
    const ids = new Set<number>();
    for (const ch of new Set(codePoints(query)))
      for (const id of this.vocabCharsCache.get(ch) ?? []) ids.add(id);
    const list = [...ids]
      .sort((a, b) => this.corpus.vocab[b]!.n - this.corpus.vocab[a]!.n)
      .slice(0, 400)
      .map((id) => entry(this.corpus.vocab[id]!));
    const f = new Fuse(list, { keys: ['t'], threshold: 0.34, ignoreLocation: true });
    return f.search(query, { limit: 5 }).map((r) => r.item.t);
  }

  /**
   * Did-you-mean: corrections the engine made, and near vocabulary terms when results are few; the fuzzy pass
   * over the vocabulary when nothing was found, unless `fuzzy` is false (then the response says it was skipped).
   */
  suggest(plan: Plan, response: SearchResponse, { fuzzy = true }: { fuzzy?: boolean } = {}): void {
    const out = new Set<string>(plan.corrections);
    const few = response.results.length < 3;
    const chars = codePoints(plan.whole);
    if (few && chars.length >= 3 && chars.every((ch) => isHanCode(ch.codePointAt(0)!))) {
      for (const t of this.corpus.nearTerms(chars)) out.add(t);
    }
    // fuse.js over the vocabulary (names, departments, synonym terms, with their pinyin) only when nothing was
    // found: it is the slow path, and a visitor looking at an empty screen is not typing.
    if (!response.results.length && chars.length >= 2) {
      if (fuzzy) for (const t of this.fuzzyVocab(plan.whole)) out.add(t);
      else response.suggestionsLater = true;
    }
    out.delete(plan.whole);
    out.delete(response.query);
    response.didYouMean = [...out].slice(0, 5);
  }
}
