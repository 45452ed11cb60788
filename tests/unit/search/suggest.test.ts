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
