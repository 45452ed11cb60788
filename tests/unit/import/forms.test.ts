// One catalogue in every form departments hand it over in: each must import to exactly the items of the
// .xlsx original, field by field, and errors must still name the file, sheet or table, row and column.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalogueFile, type ImportedItem } from '../../../src/cli/import/catalogue.ts';
import type { SourceProblem } from '../../../src/cli/problems.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/catalogue');
const load = (name: string) => importCatalogueFile(join(fixtures, name), `catalogue/${name}`);
/** Everything but where the item was read from, which differs by form (sheet vs 表1, title row vs paragraph). */
const fields = (items: ImportedItem[]) => items.map(({ source: _source, ...rest }) => rest);

const FORMS = [
  ['.xls', 'legacy Excel 97-2003 (BIFF8)'],
  ['.et', 'WPS 表格'],
  ['.docx', 'Word table, title and notes as paragraphs'],
  ['.csv', 'CSV with the two header rows'],
  [
    '-flat.csv',
    'CSV with the header flattened into one row (公开对象-全社会, 公开对象（全社会）, 公开方式_主动公开)',
  ],
  ['-repeated.csv', 'CSV repeating the group name over each of its columns'],
] as const;

describe.each(['template-a', 'template-b'])('%s in every form', (name) => {
  it.each(FORMS)('%s (%s) gives the .xlsx items field by field', async (suffix) => {
    const xlsx = await load(`${name}.xlsx`);
    const other = await load(`${name}${suffix}`);
    expect(xlsx.items.length).toBeGreaterThan(4);
    expect(other.problems).toEqual([]);
    expect(fields(other.items)).toEqual(fields(xlsx.items));
  });
});

describe('where an item was read from', () => {
  it('a worksheet row for .xls/.et, as for .xlsx', async () => {
    const xls = await load('template-a.xls');
    const xlsx = await load('template-a.xlsx');
    expect(xls.items.map((i) => i.source)).toEqual(
      xlsx.items.map((i) => ({ ...i.source, file: 'catalogue/template-a.xls' })),
    );
  });

  it('the table and its row for .docx: the title paragraph is not a row', async () => {
    const { items } = await load('template-a.docx');
    expect(items.map((i) => i.source)).toEqual(
      [3, 4, 5, 6, 7, 8].map((row) => ({ file: 'catalogue/template-a.docx', sheet: '表1', row })),
    );
  });
});

describe('template B as a Word table', () => {
  it('keeps merged 一级/二级事项 (rowspan), the two-row header (colspan) and ■/□ stages and channels', async () => {
    const { items } = await load('template-b.docx');
    expect(items.map((i) => [i.level1, i.level2, i.level3, i.stages, i.tier])).toEqual([
      ['养老机构管理', '养老机构备案', '备案办事指南', ['service'], ['district']],
      ['养老机构管理', '养老机构备案', '备案结果', ['management', 'result'], ['district', 'township']],
      ['养老机构管理', '养老机构监督检查', '检查计划', ['decision'], ['district']],
      ['养老机构管理', '养老机构监督检查', '检查结果', ['result'], ['township']],
      ['高龄津贴', '高龄津贴发放', null, ['service', 'result'], ['township']],
    ]);
    // Cell lines were separate Word paragraphs; a label wrapped over two of them is still one channel.
    expect(items[1]?.channels).toEqual(['社区/企事业单位/村公示栏（电子屏）', '其他']);
  });
});

describe('a Word document with several tables', () => {
  it('reads each catalogue table with the domain of the title above it and skips the rest', async () => {
    const { items, problems } = await load('multi-table.docx');
    const summary = items.map((i) => [i.source?.sheet, i.domain, i.level1, i.level2]);
    expect(summary.filter(([t]) => t === '表1')).toHaveLength(6);
    expect(summary.filter(([t]) => t === '表2')).toHaveLength(5);
    expect(new Set(summary.map(([t, d]) => `${t}:${d}`))).toEqual(
      new Set(['表1:社会救助', '表2:养老服务', '表3:就业创业']),
    );
    // Table 3 is ticked with Word checkbox controls, and 一级事项 is merged over both rows.
    expect(
      items
        .filter((i) => i.source?.sheet === '表3')
        .map((i) => [i.level1, i.level2, i.audience, i.disclosure]),
    ).toEqual([
      ['就业服务', '招聘信息', ['public'], ['proactive']],
      ['就业服务', '职业培训', ['specific'], ['onRequest']],
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'catalogue/multi-table.docx',
        sheet: '表4',
        message: '此表格没有目录表头，已跳过 (no catalogue header; table skipped)',
      },
    ]);
  });
});

describe('a Word table split in two', () => {
  it('reads the second part, which has no header, under the first part’s header and fills 一级事项 down', async () => {
    const xlsx = await load('template-a.xlsx');
    const split = await load('split-table.docx');
    expect(split.problems).toEqual([]);
    expect(fields(split.items)).toEqual(fields(xlsx.items));
    // The split cut the merged 最低生活保障: 表2's first row is blank there and continues the group.
    expect(split.items.map((i) => [i.source?.sheet, i.source?.row, i.level1])).toEqual([
      ['表1', 3, '最低生活保障'],
      ['表1', 4, '最低生活保障'],
      ['表2', 1, '最低生活保障'],
      ['表2', 2, '特困人员救助供养'],
      ['表2', 3, '特困人员救助供养'],
      ['表2', 4, '临时救助'],
    ]);
  });
});

describe('a legacy workbook with several sheets', () => {
  it('reads like its .xlsx: hidden and 说明 sheets skipped, merges and hyperlinks followed', async () => {
    const xls = await load('multi-sheet.xls');
    const xlsx = await load('multi-sheet.xlsx');
    expect(fields(xls.items)).toEqual(fields(xlsx.items));
    expect(xls.items.map((i) => i.url)).toEqual(['https://example.gov.cn/sb/1', null]);
    expect(xls.problems.map((p) => [p.sheet, p.message])).toEqual(
      xlsx.problems.map((p) => [p.sheet, p.message]),
    );
  });
});

describe('errors', () => {
  const at = (
    file: string,
    sheet: string,
    row: number,
    column: string,
    field: string,
    severity: SourceProblem['severity'] = 'error',
  ) => expect.objectContaining({ severity, file, sheet, row, column, field });

  it('in a .xls name the sheet, row and column letter as in the .xlsx', async () => {
    const xls = await load('errors/rows.xls');
    const xlsx = await load('errors/rows.xlsx');
    expect(xls.problems).toEqual(xlsx.problems.map((p) => ({ ...p, file: 'catalogue/errors/rows.xls' })));
    expect(fields(xls.items)).toEqual(fields(xlsx.items));
  });

  it('in a Word table name the table, its row and 第N列', async () => {
    const { items, problems } = await load('errors/rows.docx');
    const f = 'catalogue/errors/rows.docx';
    // The .xlsx rows 4-11 are table rows 3-10: the title is a paragraph above the table.
    expect(problems).toEqual([
      at(f, '表1', 3, '第2列 (一级事项)', 'level1'),
      at(f, '表1', 4, '第7列 (公开主体)', 'publisher'),
      at(f, '表1', 5, '第11-12列 (公开方式)', 'disclosure'),
      at(f, '表1', 6, '第9-10列 (公开对象)', 'audience'),
      at(f, '表1', 7, '第4列 (公开内容)', 'content'),
      at(f, '表1', 8, '第13列 (网址)', 'url'),
      at(f, '表1', 9, '第9列 (全社会)', 'audience'),
      at(f, '表1', 10, '第8列 (公开渠道和载体)', 'channels', 'warning'),
    ]);
    expect(items.map((i) => [i.source?.row, i.level2])).toEqual([
      [10, '无渠道'],
      [11, '正常'],
    ]);
  });

  it.each([
    ['errors/truncated.docx', /^无法读取 Word 文档 \(cannot read \.docx\): 文件已损坏 \(damaged \.docx\)/],
    ['errors/legacy-word.docx', /旧版 Word \(\.doc\).*另存为 \.docx/],
    ['errors/text.xls', /^无法读取工作簿 \(cannot read workbook\): .*\(not an \.xls\/\.et workbook\)$/],
  ])('a malformed file names itself and says what is wrong: %s', async (name, message) => {
    const { items, problems } = await load(name);
    expect(items).toEqual([]);
    expect(problems).toEqual([
      { severity: 'error', file: `catalogue/${name}`, message: expect.stringMatching(message) },
    ]);
  });
});
