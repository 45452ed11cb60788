// Generates the sample district's catalogue spreadsheets, departments.csv and attachments under content/.
//   npx tsx scripts/sample-district/generate.ts            (catalogue + departments + PDF form; PNG if chromium is found)
//   npx tsx scripts/sample-district/generate.ts --check    (then runs check.ts)
// The generated files are committed; re-running rewrites them from the data modules in this folder.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { FILES, type FileSpec } from './layout.ts';
import { buildGrid, type ColumnKind, type Grid } from './grid.ts';
import { departments } from './departments.ts';
import { writeAttachments } from './attachments.ts';
import { CONTENT } from './paths.ts';

const CATALOGUE = join(CONTENT, 'catalogue');
const FIXED_DATE = new Date('2026-03-02T09:00:00+08:00');

const WIDTHS: Record<ColumnKind, number> = {
  seq: 6,
  domain: 10,
  l1: 16,
  l2: 16,
  l3: 18,
  stages: 9,
  content: 40,
  basis: 42,
  time: 20,
  publisher: 18,
  channels: 34,
  'aud-public': 7,
  'aud-specific': 7,
  'how-proactive': 7,
  'how-request': 7,
  'tier-district': 6,
  'tier-township': 6,
  url: 30,
};

async function writeXlsx(spec: FileSpec, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.creator;
  wb.lastModifiedBy = spec.creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of spec.sheets) {
    const grid = buildGrid(sheet, spec);
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    fillSheet(ws, grid);
  }
  await wb.xlsx.writeFile(path);
}

function fillSheet(ws: ExcelJS.Worksheet, grid: Grid): void {
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  grid.columns.forEach((k, i) => {
    ws.getColumn(i + 1).width = WIDTHS[k];
  });
  grid.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      const kind = grid.columns[c]!;
      if (v !== '') cell.value = kind === 'seq' && r >= 3 ? Number(v) : v;
      if (r === 0) {
        cell.font = { name: '方正小标宋简体', size: 16, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        return;
      }
      cell.border = border;
      if (r < 3) {
        cell.font = { name: '黑体', size: 11, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
      } else {
        cell.font = { name: '宋体', size: 10 };
        const centred = [
          'seq',
          'domain',
          'l1',
          'l2',
          'l3',
          'aud-public',
          'aud-specific',
          'how-proactive',
          'how-request',
          'tier-district',
          'tier-township',
        ].includes(kind);
        cell.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true };
      }
    });
    if (r < 3) row.height = r === 0 ? 36 : 24;
  });
  for (const m of grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

/** Excel's "save as CSV": every row as wide as the used range, cells quoted only when needed, CRLF. */
export function toCsv(grid: Grid): string {
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return grid.rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

function gb18030(text: string): Buffer {
  const py = spawnSync(
    'python3',
    ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gb18030"))'],
    {
      input: Buffer.from(text, 'utf8'),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (py.status !== 0) throw new Error(`python3 gb18030 encoding failed: ${py.stderr.toString()}`);
  return py.stdout;
}

function writeCsv(spec: FileSpec, path: string): void {
  if (spec.sheets.length !== 1) throw new Error(`${spec.file}: a CSV holds one sheet`);
  const text = toCsv(buildGrid(spec.sheets[0]!, spec));
  if (spec.format === 'csv-utf8-bom')
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  else writeFileSync(path, gb18030(text));
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function writeDepartments(): void {
  const lines = ['编号,名称,简称,地址,办公时间,联系电话,窗口'];
  for (const d of departments) {
    lines.push(
      [d.id, d.name, d.aliases.join('、'), d.address, d.hours, d.phone, d.window].map(csvField).join(','),
    );
  }
  writeFileSync(join(CONTENT, 'departments.csv'), lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  mkdirSync(CATALOGUE, { recursive: true });
  for (const f of readdirSync(CATALOGUE)) rmSync(join(CATALOGUE, f));
  let total = 0;
  for (const spec of FILES) {
    const path = join(CATALOGUE, spec.file);
    if (spec.format === 'xlsx') await writeXlsx(spec, path);
    else writeCsv(spec, path);
    const count = spec.sheets.reduce((s, sh) => s + sh.domains.reduce((t, d) => t + d.items.length, 0), 0);
    total += count;
    console.log(
      `${spec.template} ${spec.format.padEnd(12)} ${String(count).padStart(3)}  catalogue/${spec.file}`,
    );
  }
  console.log(`${total} items in ${FILES.length} files`);
  writeDepartments();
  console.log(`${departments.length} departments → departments.csv`);
  await writeAttachments(join(CONTENT, 'attachments'));
  if (process.argv.includes('--check')) {
    const { runChecks } = await import('./check.ts');
    process.exitCode = (await runChecks()) ? 0 : 1;
  }
}

await main();
