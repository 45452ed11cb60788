import { describe, expect, it } from 'vitest';
import { emptyResponse, stages } from './stages.ts';

describe('suggestions (did-you-mean)', () => {
  const { understanding, suggestions } = stages();

  it('offers the near vocabulary term when results are few', () => {
    const plan = understanding.plan('居住正办理');
    const r = emptyResponse('居住正办理');
    suggestions.suggest(plan, r);
    expect(r.didYouMean).toContain('居住证办理');
  });

  it('leaves the fuzzy pass for later while the visitor types, and says so', () => {
    // juzhuzheng (居住证) typed into a catalogue whose vocabulary spells it only inside 居住证办理: fuzzy alone finds it.
    const plan = understanding.plan('juzhuzheng');
    const typing = emptyResponse('juzhuzheng');
    suggestions.suggest(plan, typing, { fuzzy: false });
    expect(typing.didYouMean).toEqual([]);
    expect(typing.suggestionsLater).toBe(true);
    const paused = emptyResponse('juzhuzheng');
    suggestions.suggest(plan, paused);
    expect(paused.didYouMean).toContain('居住证办理');
    expect(paused.suggestionsLater).toBeUndefined();
    // What costs nothing is not left for later: the near term of a one-character typo (居住正 → 居住证).
    const typo = emptyResponse('居住正办理');
    suggestions.suggest(understanding.plan('居住正办理'), typo, { fuzzy: false });
    expect(typo.didYouMean).toContain('居住证办理');
  });

  it('offers nothing for a query that is already a term with results', () => {
    const plan = understanding.plan('户口迁移');
    const r = emptyResponse('户口迁移');
    r.results.push(
      ...Array.from({ length: 3 }, (_, i) => ({
        type: 'item' as const,
        id: `x${i}`,
        title: '户口迁移',
        domain: '户籍管理',
        level1: '户口迁移',
        level2: null,
        level3: null,
        score: 100,
        highlights: [],
      })),
    );
    suggestions.suggest(plan, r);
    expect(r.didYouMean).toEqual([]);
  });
});
