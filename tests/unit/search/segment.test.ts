import { describe, expect, it } from 'vitest';
import { FUNCTION_WORDS, splitAtFunctionWords, words } from '../../../src/core/search/segment.ts';

describe('query segmentation', () => {
  it('cuts a spoken question into dictionary words', () => {
    expect(words('生孩子能报销吗')).toEqual(['生', '孩子', '能', '报销', '吗']);
    expect(words('最低生活保障').join('')).toBe('最低生活保障');
  });

  it('drops particles, pronouns and modal verbs, keeping the content around them', () => {
    expect(splitAtFunctionWords('生孩子能报销吗', () => false)).toEqual(['生孩子', '报销']);
    // 每个月 says when: dropped, though the segmenter cuts it 每/个/月 (and glued 每 to 残疾人).
    expect(splitAtFunctionWords('退休了每个月能拿', () => false)).toEqual(['退休', '拿']);
    expect(splitAtFunctionWords('重度残疾人每个月有护理补贴吗', () => false)).toEqual([
      '重度残疾人',
      '护理补贴',
    ]);
    expect(splitAtFunctionWords('我想办居住证', () => false).join('')).toContain('居住证');
    // Whose it is (我家, 咱家) says nothing about the topic that follows; 家 alone must not glue onto it.
    expect(splitAtFunctionWords('我家房子在拆迁范围里', () => false)).toEqual(['房子', '拆迁范围里']);
    expect(splitAtFunctionWords('咱家孩子上学', () => false)).toEqual(['孩子上学']);
  });

  it('keeps a function word inside a word, or where the caller protects it', () => {
    expect(splitAtFunctionWords('要素市场', () => false)).toEqual(['要素市场']);
    expect(splitAtFunctionWords('还款', () => false)).toEqual(['款']);
    expect(splitAtFunctionWords('还款', (s) => s === '还款')).toEqual(['还款']);
    expect(FUNCTION_WORDS.has('吗')).toBe(true);
    // 地 is land far more often than the adverbial particle in a service hall (承包地, 宅基地, 征地).
    expect(splitAtFunctionWords('我家承包地被征了', () => false).join('')).toContain('承包地');
    expect(FUNCTION_WORDS.has('保障')).toBe(false);
  });

  it('keeps function words inside a protected phrase of three or more characters whole', () => {
    const known = new Set(['医保卡里的钱']);
    expect(splitAtFunctionWords('医保卡里的钱能给老婆用', (s) => known.has(s))).toEqual([
      '医保卡里的钱',
      '老婆用',
    ]);
    // Unprotected, 的 still splits the phrase.
    expect(splitAtFunctionWords('医保卡里的钱能给老婆用', () => false)).not.toContain('医保卡里的钱');
    // A two-character stretch across words (前还 of 提前/还/贷) protects nothing: 还 is dropped.
    expect(splitAtFunctionWords('提前还贷', (s) => s === '前还')).not.toContain('提前还贷');
  });
});
