import { describe, expect, it } from 'vitest';
import { stages } from './stages.ts';

describe('retrieval (plan → coverage per document)', () => {
  const { corpus, understanding, retrieval } = stages();
  const covered = (q: string) => {
    const plan = understanding.plan(q);
    const w = retrieval.scorePlan(plan, false);
    const acc = retrieval.acc;
    const out: Array<[string, number]> = [];
    for (let k = 0; k < acc.size; k++) {
      const d = acc.list[k]!;
      out.push([corpus.docs[d]!.id, acc.vals[d]! / w]);
    }
    return new Map(out);
  };

  it('gives full coverage to documents holding every concept, partial to the rest', () => {
    const c = covered('户口迁移 办理结果');
    expect(c.get('hj2')).toBeGreaterThan(0.9);
    expect(c.get('hj1')!).toBeLessThan(c.get('hj2')!);
    expect(c.get('cz1') ?? 0).toBeLessThan(0.5);
  });

  it('finds the closest documents by any shared word when nothing matches in full', () => {
    const plan = understanding.plan('户口本丢了补办迁移证明');
    expect(retrieval.scoreClosest(plan)).toBeGreaterThan(0);
    const acc = retrieval.acc;
    const ids = Array.from(acc.list.slice(0, acc.size), (d) => corpus.docs[d]!.id);
    expect(ids).toContain('hj1');
  });

  it('finds nothing for nonsense', () => {
    expect(retrieval.scoreClosest(understanding.plan('噼里啪啦咕噜'))).toBe(0);
    expect(retrieval.scoreClosest(understanding.plan('qwxzv'))).toBe(0);
  });
});
