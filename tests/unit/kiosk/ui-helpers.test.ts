import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../src/kiosk/ui/components/Highlight.tsx';
import { groupNext } from '../../../src/kiosk/ui/screens/Browse.tsx';
import { href, parseHash } from '../../../src/kiosk/ui/router.ts';
import { ALL_STRINGS, setLang, t } from '../../../src/kiosk/i18n/strings.ts';
import { sampleData } from './fixtures.ts';

describe('highlightRanges', () => {
  it('uses the engine spans when given, clamped and merged', () => {
    expect(
      highlightRanges('最低生活保障 审核信息', 'dibao', [
        [1, 2],
        [5, 6],
      ]),
    ).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(
      highlightRanges('最低生活保障', 'x', [
        [4, 9],
        [0, 2],
        [1, 3],
      ]),
    ).toEqual([
      [0, 3],
      [4, 6],
    ]);
  });
  it('falls back to runs of query characters, merging overlaps and ignoring lone characters', () => {
    expect(highlightRanges('最低生活保障 审核信息', '低保怎么申请')).toEqual([]);
    expect(highlightRanges('最低生活保障 审核信息', '生活保障')).toEqual([[2, 6]]);
    expect(highlightRanges('户口迁移', '户')).toEqual([[0, 1]]);
  });
});

describe('groupNext', () => {
  it('makes folders of the next level and links single items directly', () => {
    const items = sampleData(1, 5).catalogue;
    items[1]!.level1 = '事项1';
    items[3]!.level1 = '事项1';
    items[3]!.level2 = '子项';
    const top = groupNext(items, []);
    expect(top.folders).toEqual([{ name: '事项1', count: 2 }]);
    expect(top.direct.map((i) => i.id).sort()).toEqual(['item-0', 'item-2', 'item-4']);
    const inner = groupNext(items, ['事项1']);
    expect(inner.folders).toEqual([]);
    expect(inner.direct.map((i) => i.id).sort()).toEqual(['item-1', 'item-3']);
  });
});

describe('router', () => {
  it('round-trips Chinese path segments and query text', () => {
    const h = href(['browse', '社会救助', '最低生活保障/审核']);
    expect(parseHash(h).parts).toEqual(['browse', '社会救助', '最低生活保障/审核']);
    expect(parseHash(href([], { q: '低保 怎么办&' })).params.get('q')).toBe('低保 怎么办&');
    expect(href([], { q: '' })).toBe('#/');
    expect(parseHash('').parts).toEqual([]);
  });
});

describe('i18n table', () => {
  it('has both languages for every string, with the same placeholders', () => {
    for (const [id, langs] of Object.entries(ALL_STRINGS)) {
      expect(langs['zh-CN'], id).toBeTruthy();
      expect(langs.en, id).toBeTruthy();
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(langs.en), id).toEqual(vars(langs['zh-CN']));
    }
  });
  it('fills placeholders and switches language', () => {
    expect(t('search.count', { n: 3 })).toBe('共找到 3 条');
    setLang('en');
    expect(t('search.count', { n: 3 })).toBe('3 found');
    setLang('zh-CN');
  });
});
