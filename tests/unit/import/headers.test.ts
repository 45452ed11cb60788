import { describe, expect, it } from 'vitest';
import { columnLetter, type RawSheet } from '../../../src/cli/import/grid.ts';
import { findHeader, lookupHeader, readHeaderLabel } from '../../../src/cli/import/headers.ts';

const sheet = (rows: string[][]): RawSheet => ({ rows, mergedFrom: new Map(), links: new Map() });
const fields = (s: RawSheet) => findHeader(s)?.columns.map((c) => `${c.letter}:${c.field}`);

describe('header variants', () => {
  it.each([
    ['公开内容（要素）', 'content'],
    ['公开内容(要素)', 'content'],
    ['公开内容', 'content'],
    ['事项内容', 'content'],
    ['公开主体', 'publisher'],
    ['责任主体', 'publisher'],
    ['公开责任主体', 'publisher'],
    ['公开依据', 'basis'],
    ['依据', 'basis'],
    ['公开时限', 'timeLimit'],
    ['时限', 'timeLimit'],
    ['公开渠道和载体', 'channels'],
    ['公开渠道', 'channels'],
    ['公开载体', 'channels'],
    ['网址', 'url'],
    ['链接', 'url'],
    ['公开网址', 'url'],
    ['“五公开”阶段', 'stages'],
    ['"五公开"阶段', 'stages'],
    ['序号', 'seq'],
    ['领域', 'domain'],
    ['备注', 'notes'],
    ['公 开 主 体', 'publisher'],
    ['公开\n主体', 'publisher'],
    ['主动', 'proactive'],
    ['依申请公开', 'onRequest'],
    ['乡级', 'township'],
  ])('%j → %s', (label, field) => {
    expect(lookupHeader(label)).toBe(field);
  });

  it('does not know 办理机构', () => {
    expect(lookupHeader('办理机构')).toBeUndefined();
  });
});

describe('findHeader', () => {
  it('finds a two-row header under a title row, by content', () => {
    const s = sheet([
      ['某某区社会救助领域基层政务公开事项标准目录'],
      [],
      ['序号', '公开事项', '', '公开内容', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', ''],
      ['', '一级事项', '二级事项', '', '', '', '全社会', '特定群体', '主动公开', '依申请公开'],
      ['1', '最低生活保障', '办事指南', '内容', '区民政局', '■政府网站', '√', '', '√', ''],
    ]);
    const h = findHeader(s);
    expect(h).toMatchObject({ top: 3, bottom: 4, unknown: [] });
    expect(fields(s)).toEqual([
      'A:seq',
      'B:level1',
      'C:level2',
      'D:content',
      'E:publisher',
      'F:channels',
      'G:audiencePublic',
      'H:audienceSpecific',
      'I:proactive',
      'J:onRequest',
    ]);
    expect(h?.columns.find((c) => c.field === 'audienceSpecific')?.group).toBe('公开对象');
  });

  it('reads a one-row header with the leaf names', () => {
    const s = sheet([
      [
        '序号',
        '一级事项',
        '二级事项',
        '三级事项',
        '公开主体',
        '全社会',
        '特定群体',
        '主动',
        '依申请',
        '区级',
        '乡级',
      ],
      ['1', '全社会', '', '', '区民政局', '√', '', '√', '', '√', ''],
    ]);
    expect(findHeader(s)).toMatchObject({ top: 1, bottom: 1 });
    expect(fields(s)).toEqual([
      'A:seq',
      'B:level1',
      'C:level2',
      'D:level3',
      'E:publisher',
      'F:audiencePublic',
      'G:audienceSpecific',
      'H:proactive',
      'I:onRequest',
      'J:district',
      'K:township',
    ]);
  });

  it('reads a lone group header as a column of values, not as the start of a second header row', () => {
    const s = sheet([
      ['一级事项', '公开主体', '公开对象', '公开方式'],
      ['最低生活保障', '区民政局', '全社会', '主动公开'],
    ]);
    expect(findHeader(s)).toMatchObject({ top: 1, bottom: 1 });
    expect(fields(s)).toEqual(['A:level1', 'B:publisher', 'C:audience', 'D:disclosure']);
  });

  it('names unknown headers with their column letter, in either header row', () => {
    const s = sheet([
      ['序号', '公开事项', '', '公开主体', '办理机构', '公开对象', ''],
      ['', '一级事项', '事项编码', '', '', '全社会', '特定群体'],
    ]);
    expect(findHeader(s)?.unknown).toEqual([
      { col: 3, letter: 'C', label: '事项编码', row: 2 },
      { col: 5, letter: 'E', label: '办理机构', row: 1 },
    ]);
  });

  it('finds no header in an unrelated table', () => {
    expect(
      findHeader(
        sheet([
          ['姓名', '电话', '地址'],
          ['张三', '1', '某路'],
        ]),
      ),
    ).toBeNull();
    expect(findHeader(sheet([]))).toBeNull();
  });
});

it('columnLetter', () => {
  expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
});

describe('headers flattened into one row', () => {
  it.each([
    ['公开对象-全社会', 'audiencePublic', '公开对象'],
    ['公开对象（特定群体）', 'audienceSpecific', '公开对象'],
    ['公开对象(全社会)', 'audiencePublic', '公开对象'],
    ['公开对象_全社会', 'audiencePublic', '公开对象'],
    ['公开方式—主动公开', 'proactive', '公开方式'],
    ['公开方式/依申请', 'onRequest', '公开方式'],
    ['公开方式：主动', 'proactive', '公开方式'],
    ['公开事项·一级事项', 'level1', '公开事项'],
    ['公开事项 - 三级事项', 'level3', '公开事项'],
    ['公开层级【乡级】', 'township', '公开层级'],
  ])('%j is the leaf %s under %s', (label, kind, group) => {
    expect(readHeaderLabel(label)).toEqual({ kind, group });
  });

  it.each([
    ['序号-序号', 'seq'],
    ['公开主体_公开主体', 'publisher'],
    // A known header that happens to contain brackets stays itself.
    ['公开内容（要素）', 'content'],
  ])('%j reads as the single header %s', (label, kind) => {
    expect(readHeaderLabel(label)).toEqual({ kind });
  });

  it.each(['公开对象-主动公开', '公开方式（全社会）', '公开主体-全社会', '办理机构-全社会', '公开对象-居民'])(
    'refuses %j: not a group over one of its own leaves',
    (label) => {
      expect(readHeaderLabel(label)).toBeUndefined();
    },
  );

  it('finds a flattened header row and keeps the group for messages', () => {
    const header = findHeader(
      sheet([
        [
          '序号',
          '公开事项-一级事项',
          '公开事项-二级事项',
          '公开主体',
          '公开对象（全社会）',
          '公开对象（特定群体）',
          '公开方式_主动',
          '公开方式_依申请',
        ],
      ]),
    );
    expect(header?.bottom).toBe(1);
    expect(header?.columns.map((c) => [c.letter, c.field, c.group])).toEqual([
      ['A', 'seq', undefined],
      ['B', 'level1', '公开事项'],
      ['C', 'level2', '公开事项'],
      ['D', 'publisher', undefined],
      ['E', 'audiencePublic', '公开对象'],
      ['F', 'audienceSpecific', '公开对象'],
      ['G', 'proactive', '公开方式'],
      ['H', 'onRequest', '公开方式'],
    ]);
  });
});

describe('a two-row header repeating the group name over its columns', () => {
  it('reads like the merged one', () => {
    const repeated = sheet([
      ['序号', '公开事项', '公开事项', '公开主体', '公开对象', '公开对象', '公开方式', '公开方式'],
      ['序号', '一级事项', '二级事项', '公开主体', '全社会', '特定群体', '主动', '依申请'],
    ]);
    const merged = sheet([
      ['序号', '公开事项', '', '公开主体', '公开对象', '', '公开方式', ''],
      ['', '一级事项', '二级事项', '', '全社会', '特定群体', '主动', '依申请'],
    ]);
    expect(findHeader(repeated)).toEqual(findHeader(merged));
    expect(findHeader(repeated)?.bottom).toBe(2);
    expect(fields(repeated)).toEqual([
      'A:seq',
      'B:level1',
      'C:level2',
      'D:publisher',
      'E:audiencePublic',
      'F:audienceSpecific',
      'G:proactive',
      'H:onRequest',
    ]);
  });

  it('names Word-table columns 第N列', () => {
    const table: RawSheet = { ...sheet([['一级事项', '公开主体', '全社会', '主动公开']]), table: true };
    expect(findHeader(table)?.columns.map((c) => c.letter)).toEqual(['第1列', '第2列', '第3列', '第4列']);
  });
});
