// .xlsx workbooks via exceljs: every worksheet as a RawSheet, merged cells kept as master → slave links
// (slaves stay blank, exactly as in a CSV export) so the importer decides what a merge means.
import ExcelJS from 'exceljs';
import { cellKey, cleanCell, type RawSheet } from './grid.ts';

/** The text a cell shows, for every value kind exceljs returns. */
export function cellValueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // Excel's CSV export writes TRUE/FALSE; keep both formats alike.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellValueText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellValueText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

export async function readXlsxSheets(absPath: string): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(absPath);
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => {
    const rows: string[][] = [];
    const mergedFrom: RawSheet['mergedFrom'] = new Map();
    const links: RawSheet['links'] = new Map();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) {
          // A slave reports its master's value; record the link instead so it reads like the CSV export.
          mergedFrom.set(cellKey(r, c), { row: Number(cell.master.row), col: Number(cell.master.col) });
          return;
        }
        cells[c - 1] = cleanCell(cellValueText(cell.value));
        const v = cell.value;
        if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.hyperlink === 'string') {
          links.set(cellKey(r, c), v.hyperlink);
        }
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? '');
    });
    sheets.push({
      name: ws.name,
      rows: Array.from(rows, (x) => x ?? []),
      mergedFrom,
      links,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    });
  });
  return sheets;
}
