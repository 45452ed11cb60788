import { describe, expect, it } from 'vitest';
import { fromCantonese } from '../../../src/core/search/cantonese.ts';
import { toSimplified } from '../../../src/core/search/traditional.ts';
import { fixtureData, item } from './fixture.ts';
import { stages } from './stages.ts';

describe('written Cantonese', () => {
  it('reads Cantonese words as the Mandarin the catalogue uses', () => {
    expect(fromCantonese(toSimplified('長者咭點樣申請'))).toBe('长者卡怎样申请');
    expect(fromCantonese('社保喺边度办')).toBe('社保在哪里办');
    expect(fromCantonese('几多钱')).toBe('多少钱');
  });

  it('leaves Mandarin words that share a character alone', () => {
    for (const q of ['关系证明', '旁边的派出所', '系统维护', '卡片']) expect(fromCantonese(q)).toBe(q);
  });

  it('asks how and finds the card a Hong Kong visitor names 咭', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('zz1', '养老服务', '老年人优待', '老年人优待证（长者卡）', null, '区民政局'),
      item('zz2', '养老服务', '老年人优待', '办事指南', null, '区民政局'),
    );
    const plan = stages(data).understanding.plan('長者咭點樣申請');
    expect(plan.intents).toContain('how');
    expect(plan.concepts.flatMap((c) => c.alts.map((a) => a.text))).toContain('长者卡');
  });
});
