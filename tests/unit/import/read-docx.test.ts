import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, SymbolRun, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogueFile } from '../../../src/cli/import/catalogue.ts';
import { readDocxTables, tablesFromHtml } from '../../../src/cli/import/read-docx.ts';
import { parseXlsBytes } from '../../../src/cli/import/read-xls.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/catalogue');

describe('Word tables laid out on a grid (mammoth HTML)', () => {
  it('covers the slaves of a rowspan × colspan block and keeps the columns after it in place', () => {
    const [sheet] = tablesFromHtml(
      '<table><tr><td rowspan="2" colspan="2"><p>甲</p></td><td><p>乙</p></td></tr>' +
        '<tr><td><p>丙</p></td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>',
    );
    expect(sheet?.rows).toEqual([
      ['甲', '', '乙'],
      ['', '', '丙'],
      ['1', '2', '3'],
    ]);
    expect([...(sheet?.mergedFrom ?? [])]).toEqual([
      ['1:2', { row: 1, col: 1 }],
      ['2:1', { row: 1, col: 1 }],
      ['2:2', { row: 1, col: 1 }],
    ]);
  });

  it('reads header rows (thead/th), paragraphs and breaks as lines, checkboxes as ☑/☐, links', () => {
    const [sheet] = tablesFromHtml(
      '<table><thead><tr><th><p>网址</p></th><th><p>渠道</p></th><th><p>全社会</p></th></tr></thead>' +
        '<tbody><tr><td><p><a href="https://example.gov.cn/a">点击查看</a></p></td>' +
        '<td><p>■政府网站</p><p>□政府公报<br />■两微一端</p></td>' +
        '<td><p><input type="checkbox" checked /></p></td></tr>' +
        '<tr><td><p>说明<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p></td>' +
        '<td><p>&lt;无&gt;&nbsp;</p></td><td><p><input type="checkbox" /></p></td></tr></tbody></table>',
    );
    expect(sheet?.rows).toEqual([
      ['网址', '渠道', '全社会'],
      ['点击查看', '■政府网站\n□政府公报\n■两微一端', '☑'],
      ['说明', '<无>', '☐'],
    ]);
    expect(sheet?.links.get('2:1')).toBe('https://example.gov.cn/a');
    expect(sheet?.table).toBe(true);
  });

  it('names tables 表1, 表2 … and gives each the paragraphs above it as titles', () => {
    const sheets = tablesFromHtml(
      '<h1>某某区政务公开事项标准目录</h1><p>一、社会救助领域</p><table><tr><td>a</td></tr></table>' +
        '<p>注：……</p><p>二、养老服务领域</p><table><tr><td>b</td></tr></table>',
    );
    expect(sheets.map((s) => [s.name, s.titles])).toEqual([
      ['表1', ['某某区政务公开事项标准目录', '一、社会救助领域']],
      ['表2', ['某某区政务公开事项标准目录', '一、社会救助领域', '注：……', '二、养老服务领域']],
    ]);
  });

  it('reads a table nested in a cell as that cell’s text', () => {
    const [sheet, ...rest] = tablesFromHtml(
      '<table><tr><td><p>外</p><table><tr><td>内1</td><td>内2</td></tr></table></td><td>右</td></tr></table>',
    );
    expect(rest).toEqual([]);
    expect(sheet?.rows).toEqual([['外\n内1\n内2', '右']]);
  });
});

describe('the domain of a Word table', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogue-docx-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('comes from the title paragraph, not from the file name', async () => {
    await copyFile(join(fixtures, 'template-b.docx'), join(dir, '12-其他.docx'));
    const { items } = await importCatalogueFile(join(dir, '12-其他.docx'), 'catalogue/12-其他.docx');
    expect(new Set(items.map((i) => i.domain))).toEqual(new Set(['养老服务']));
  });

  it('reads the real fixture document with its merged header cells', async () => {
    const [table] = await readDocxTables(join(fixtures, 'template-a.docx'));
    expect(table?.titles).toEqual(['某某区社会救助领域基层政务公开事项标准目录']);
    expect(table?.rows[0]?.slice(0, 4)).toEqual(['序号', '公开事项', '', '公开内容']);
    expect(table?.mergedFrom.get('2:1')).toEqual({ row: 1, col: 1 }); // 序号 over both header rows
    expect(table?.mergedFrom.get('4:2')).toEqual({ row: 3, col: 2 }); // 最低生活保障 over three rows
  });

  it('reads Word’s Wingdings boxes (Insert → Symbol) as ticked and unticked', async () => {
    // Wingdings F0FE is a checked box, F0A8 an empty one, F0FC a tick.
    const sym = (char: string) => new SymbolRun({ char, symbolfont: 'Wingdings' });
    const cell = (...runs: (TextRun | SymbolRun)[]) =>
      new TableCell({ children: [new Paragraph({ children: runs })] });
    const text = (t: string) => cell(new TextRun(t));
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('某某区社会救助领域基层政务公开事项标准目录'),
            new Table({
              rows: [
                new TableRow({
                  children: ['一级事项', '公开主体', '公开渠道和载体', '全社会', '特定群体', '主动公开'].map(
                    text,
                  ),
                }),
                new TableRow({
                  children: [
                    text('临时救助'),
                    text('区民政局'),
                    cell(sym('F0FE'), new TextRun('政府网站'), sym('F0A8'), new TextRun('政府公报')),
                    cell(sym('F0FC')),
                    cell(sym('F0A8')),
                    cell(sym('F0FE')),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    await writeFile(join(dir, 'wingdings.docx'), await Packer.toBuffer(doc));
    const { items, problems } = await importCatalogueFile(join(dir, 'wingdings.docx'), 'catalogue/w.docx');
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.domain, i.channels, i.audience, i.disclosure])).toEqual([
      ['社会救助', ['政府网站'], ['public'], ['proactive']],
    ]);
  });

  it('an empty .docx is named as such', async () => {
    await writeFile(join(dir, '空.docx'), '');
    const { problems } = await importCatalogueFile(join(dir, '空.docx'), 'catalogue/空.docx');
    expect(problems).toEqual([
      { severity: 'error', file: 'catalogue/空.docx', message: expect.stringContaining('(empty file)') },
    ]);
  });
});

describe('what SheetJS is allowed to read as .xls', () => {
  it('an HTML table saved as .xls (as government systems export), with its merges', () => {
    const html =
      '<html><body><table><tr><td colspan="2">公开事项</td><td>公开主体</td></tr>' +
      '<tr><td>一级事项</td><td>二级事项</td><td></td></tr></table></body></html>';
    const [sheet] = parseXlsBytes(new TextEncoder().encode(html));
    expect(sheet?.rows[0]).toEqual(['公开事项', '', '公开主体']);
    expect(sheet?.mergedFrom.get('1:2')).toEqual({ row: 1, col: 1 });
  });

  it('a newer WPS .et that is OOXML inside reads like the .xlsx', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'catalogue-et-'));
    try {
      await copyFile(join(fixtures, 'template-b.xlsx'), join(dir, '养老服务.et'));
      const et = await importCatalogueFile(join(dir, '养老服务.et'), 'catalogue/养老服务.et');
      const xlsx = await importCatalogueFile(join(fixtures, 'template-b.xlsx'), 'catalogue/养老服务.et');
      expect(et.problems).toEqual([]);
      expect(et.items).toEqual(xlsx.items);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a text file named .xls instead of reading it as one column', () => {
    expect(() => parseXlsBytes(new TextEncoder().encode('一级事项,公开主体\n甲,乙\n'))).toThrow(
      /not an \.xls\/\.et workbook/,
    );
  });
});
