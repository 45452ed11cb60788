// Traditional characters typed by a visitor are read as simplified ones; a simplified query stays as typed.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import { toSimplified } from '../../../src/core/search/traditional.ts';
import { fixtureData } from './fixture.ts';

describe('toSimplified', () => {
  it('converts traditional characters and phrases (Hong Kong, Taiwan, input methods)', () => {
    expect(toSimplified('醫療保險怎麼報銷')).toBe('医疗保险怎么报销');
    expect(toSimplified('戶口遷移')).toBe('户口迁移');
    expect(toSimplified('後來')).toBe('后来');
    expect(toSimplified('頭髮')).toBe('头发');
    expect(toSimplified('裡面')).toBe('里面');
  });

  it('keeps simplified text, pinyin and common simplified characters OpenCC would change as typed', () => {
    for (const q of ['最低生活保障', '显著', '乾坤', '著作权', '么', 'dibao 申请', 'hukou迁移', '']) {
      expect(toSimplified(q)).toBe(q);
    }
  });
});

describe('a traditional query in the engine', () => {
  const data = fixtureData();
  const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data) });
  const ids = (q: string) => engine.search(q, { limit: 10 }).results.map((r) => `${r.type}:${r.id}`);

  it('finds what the same words in simplified characters find', () => {
    for (const [traditional, simplified] of [
      ['最低生活保障怎麼申請', '最低生活保障怎么申请'],
      ['戶口遷移', '户口迁移'],
      ['醫療保險', '医疗保险'],
      ['養老金', '养老金'],
    ]) {
      const found = ids(simplified!);
      expect(found.length, simplified).toBeGreaterThan(0);
      expect(ids(traditional!), traditional).toEqual(found);
    }
  });
});
