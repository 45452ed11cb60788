// Legacy Excel .xls (BIFF) and WPS .et workbooks via SheetJS: every worksheet as a RawSheet, merged cells kept
// as master → slave links with blank slaves, exactly like read-xlsx.ts, so the rest of the importer cannot
// tell the formats apart.
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
// Excel 5/95 files store text in the system code page (GBK on Chinese Windows): SheetJS needs the tables.
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { cellKey, cleanCell, type RawSheet } from './grid.ts';
import { NotAWorkbookError } from './read-errors.ts';

XLSX.set_cptable(cptable);

/** The first bytes of what SheetJS may read for an .xls/.et: OLE compound file, zip, or an HTML/XML export. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What the bytes are, so a renamed text file is refused instead of being read as one-column CSV (SheetJS
 * reads anything). Government systems often export HTML tables or XML Spreadsheet 2003 named .xls: accepted.
 */
function checkWorkbookBytes(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC) || startsWith(bytes, ZIP_MAGIC)) return;
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(?:!doctype html|html|table|\?xml)/.test(head)) return;
  if (bytes.length === 0) throw new NotAWorkbookError('文件为空 (empty file)');
  throw new NotAWorkbookError(
    '文件内容不是 Excel/WPS 工作簿，可能是改了扩展名的文本或 CSV 文件 (not an .xls/.et workbook)',
  );
}

/** The text a cell shows, as read-xlsx.ts's cellValueText gives it for the same value. */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  const v = cell.v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cell.w ?? '';
}

export function parseXlsBytes(bytes: Uint8Array): RawSheet[] {
  checkWorkbookBytes(bytes);
  const workbook = XLSX.read(bytes, { type: 'buffer', cellDates: true, cellHTML: false, dense: false });
  const hidden = new Map(workbook.Workbook?.Sheets?.map((s) => [s.name, (s.Hidden ?? 0) !== 0]) ?? []);
  return workbook.SheetNames.map((name) => {
    const ws = workbook.Sheets[name]!;
    const rows: string[][] = [];
    const mergedFrom: RawSheet['mergedFrom'] = new Map();
    const links: RawSheet['links'] = new Map();
    for (const m of ws['!merges'] ?? []) {
      for (let r = m.s.r; r <= m.e.r; r++)
        for (let c = m.s.c; c <= m.e.c; c++) {
          if (r !== m.s.r || c !== m.s.c)
            mergedFrom.set(cellKey(r + 1, c + 1), { row: m.s.r + 1, col: m.s.c + 1 });
        }
    }
    if (ws['!ref']) {
      const range = XLSX.utils.decode_range(ws['!ref']);
      for (let r = range.s.r; r <= range.e.r; r++) {
        const cells: string[] = [];
        for (let c = range.s.c; c <= range.e.c; c++) {
          // A slave may carry a copy of its master's value (some writers do): blank it, as exceljs's reader does.
          if (mergedFrom.has(cellKey(r + 1, c + 1))) continue;
          const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
          const text = cleanCell(cellText(cell));
          if (text) cells[c] = text;
          const target = cell?.l?.Target;
          if (target) links.set(cellKey(r + 1, c + 1), target);
        }
        if (cells.length) rows[r] = Array.from(cells, (x) => x ?? '');
      }
    }
    return {
      name,
      rows: Array.from(rows, (x) => x ?? []),
      mergedFrom,
      links,
      hidden: hidden.get(name) ?? false,
    };
  });
}

export async function readXlsSheets(absPath: string): Promise<RawSheet[]> {
  return parseXlsBytes(await readFile(absPath));
}
