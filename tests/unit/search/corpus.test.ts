import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/search/query.ts';
import { codePoints, isHanCode } from '../../../src/core/search/text.ts';
import { fixtureData, item } from './fixture.ts';
import { stages } from './stages.ts';

describe('corpus: vocabulary terms near a typo', () => {
  const { corpus } = stages();

  /** Every vocabulary term scanned, no candidate filter: what nearTerms must find for inputs of four or more. */
  function exhaustive(chars: string[]): Map<string, { d: number; n: number }> {
    const maxDist = chars.length >= 6 ? 2 : 1;
    const found = new Map<string, { d: number; n: number }>();
    const note = (t: string, d: number, n: number) => {
      const prev = found.get(t);
      if (!prev || d < prev.d || (d === prev.d && n > prev.n)) found.set(t, { d, n });
    };
    for (const v of corpus.vocab) {
      const term = codePoints(v.norm);
      const d = editDistance(chars, term, maxDist);
      if (d <= maxDist) note(v.norm, d, v.n);
      for (let s = 0; s + chars.length <= term.length && term.length > chars.length; s++) {
        let miss = 0;
        for (let k = 0; k < chars.length; k++) if (term[s + k] !== chars[k]) miss++;
        const stretch = term.slice(s, s + chars.length);
        if (
          miss >= 1 &&
          miss <= maxDist &&
          miss < chars.length / 2 &&
          stretch.every((c) => isHanCode(c.codePointAt(0)!))
        )
          note(stretch.join(''), miss, v.n);
      }
    }
    return found;
  }

  it('finds the same nearest terms as a scan of the whole vocabulary, for typos of one and two characters', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const terms = corpus.vocab.map((v) => codePoints(v.norm)).filter((c) => c.length >= 4);
    const pool = terms.flat();
    expect(terms.length).toBeGreaterThan(50);
    for (const term of terms) {
      const typo = [...term];
      const edits = term.length >= 7 ? 2 : 1;
      for (let e = 0; e < edits; e++) {
        const at = rand(typo.length);
        const kind = rand(3);
        if (kind === 0) typo[at] = pool[rand(pool.length)]!;
        else if (kind === 1 && typo.length > 4) typo.splice(at, 1);
        else typo.splice(at, 0, pool[rand(pool.length)]!);
      }
      const want = [...exhaustive(typo)].sort((a, b) => a[1].d - b[1].d || b[1].n - a[1].n).slice(0, 3);
      const got = corpus.nearTerms(typo);
      // Ties in distance and frequency may come in either order: compare what each result is worth.
      const all = exhaustive(typo);
      expect(got.map((t) => [all.get(t)?.d, all.get(t)?.n])).toEqual(want.map(([, x]) => [x.d, x.n]));
    }
  });

  it('never offers a stretch across punctuation as the correction of a typo', () => {
    // 艾滋病走 (走的: died of it) is one character from 艾滋病、 of 艾滋病、梅毒和乙肝母婴传播, which is no text to search.
    const data = fixtureData();
    const own = stages({
      ...data,
      catalogue: [
        ...data.catalogue,
        item('az1', '传染病防治', '艾滋病防治', '预防艾滋病、梅毒和乙肝母婴传播', null, '区卫生健康局'),
      ],
    });
    const near = own.corpus.nearTerms(codePoints('艾滋病走'));
    expect(near.length).toBeGreaterThan(0); // 艾滋病防 of 艾滋病防治 is still one character away
    expect(near.filter((t) => !codePoints(t).every((c) => isHanCode(c.codePointAt(0)!)))).toEqual([]);
  });
});
