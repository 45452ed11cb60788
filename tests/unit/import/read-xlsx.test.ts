import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogueFile } from '../../../src/cli/import/catalogue.ts';
import { readXlsxSheets } from '../../../src/cli/import/read-xlsx.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/catalogue');

describe('readXlsxSheets', () => {
  it('leaves merge slaves blank, as a CSV export does, and remembers their master', async () => {
    const [sheet] = await readXlsxSheets(join(fixtures, 'template-a.xlsx'));
    expect(sheet?.name).toBe('社会救助');
    expect(sheet?.rows[1]?.slice(0, 3)).toEqual(['序号', '公开事项', '']); // B2:C2
    expect(sheet?.rows[3]?.[1]).toBe('最低生活保障');
    expect(sheet?.rows[4]?.[1]).toBe(''); // B5 under B4:B6
    expect(sheet?.mergedFrom.get('5:2')).toEqual({ row: 4, col: 2 });
    expect(sheet?.mergedFrom.get('6:2')).toEqual({ row: 4, col: 2 });
    expect(sheet?.mergedFrom.has('7:2')).toBe(false);
  });

  it('reads rich text, hyperlinks and hidden sheets', async () => {
    const sheets = await readXlsxSheets(join(fixtures, 'multi-sheet.xlsx'));
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['说明', false],
      ['目录', false],
      ['Sheet3', false],
      ['旧版', true],
    ]);
    const main = sheets[1]!;
    expect(main.rows[2]?.[3]).toBe('登记条件、所需材料');
    expect(main.rows[2]?.[10]).toBe('点击查看');
    expect(main.links.get('3:11')).toBe('https://example.gov.cn/sb/1');
  });
});

describe('merged 一级事项 over a blank, unmerged 二级事项', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogue-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads like the CSV export: the merge says "same 一级", so 二级 fills down too', async () => {
    const rows = [
      ['一级事项', '二级事项', '三级事项', '公开主体', '全社会', '主动公开'],
      ['养老机构管理', '养老机构备案', '办事指南', '区民政局', '√', '√'],
      [null, null, '备案结果', '区民政局', '√', '√'],
      [null, '监督检查', '检查结果', '区民政局', '√', '√'],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('养老服务');
    rows.forEach((r) => ws.addRow(r));
    ws.mergeCells('A2:A4');
    await wb.xlsx.writeFile(join(dir, '养老服务.xlsx'));
    const csvText = rows.map((r) => r.map((c) => c ?? '').join(',')).join('\r\n');
    await writeFile(join(dir, '养老服务.csv'), csvText);

    const xlsx = await importCatalogueFile(join(dir, '养老服务.xlsx'), 'x.xlsx');
    const csv = await importCatalogueFile(join(dir, '养老服务.csv'), 'x.csv');
    const names = (items: typeof xlsx.items) => items.map((i) => [i.domain, i.level1, i.level2, i.level3]);
    expect(names(xlsx.items)).toEqual([
      ['养老服务', '养老机构管理', '养老机构备案', '办事指南'],
      ['养老服务', '养老机构管理', '养老机构备案', '备案结果'],
      ['养老服务', '养老机构管理', '监督检查', '检查结果'],
    ]);
    expect(names(csv.items)).toEqual(names(xlsx.items));
  });
});
