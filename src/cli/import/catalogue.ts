// Entry point: one catalogue file (.xlsx, .xls, .et, .docx or .csv) → catalogue items and the problems found in
// it. Each reader yields RawSheets; everything after that is the same for every format.
import { extname } from 'node:path';
import type { SourceProblem } from '../problems.ts';
import { areaFromTitle, domainFromFileName } from './domain.ts';
import { isBlankRow, type RawSheet } from './grid.ts';
import { findHeader, type Header } from './headers.ts';
import { CsvSyntaxError, readCsvSheet } from './read-csv.ts';
import { NotAWordDocumentError, NotAWorkbookError } from './read-errors.ts';
import { readXlsxSheets } from './read-xlsx.ts';
import { importSheet, type FillDown, type ImportedItem } from './rows.ts';

export type { ImportedItem } from './rows.ts';

// SheetJS and mammoth load only when a folder has such a file: every CLI start would pay for them otherwise.
const readXls = async (absPath: string) => (await import('./read-xls.ts')).readXlsSheets(absPath);
const readDocx = async (absPath: string) => (await import('./read-docx.ts')).readDocxTables(absPath);

const READERS: Record<string, (absPath: string) => Promise<RawSheet[]>> = {
  '.xlsx': readXlsxSheets,
  '.xls': readXls,
  // WPS 表格's own format: a BIFF8 compound file (newer WPS may write OOXML inside); SheetJS reads both.
  '.et': readXls,
  '.docx': readDocx,
  '.csv': async (absPath) => [await readCsvSheet(absPath)],
};

/** The file types the importer reads, for listing a catalogue folder. */
export const CATALOGUE_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(READERS));

/** Formats staff may drop in the folder that cannot be read, with what to do instead. */
export const UNREADABLE_CATALOGUE_TYPES: Readonly<Record<string, string>> = {
  '.doc': '旧版 Word 文件：请在 Word/WPS 中另存为 .docx (legacy .doc: save as .docx)',
  '.wps': 'WPS 文字文件：请在 WPS 中另存为 .docx (WPS writer file: save as .docx)',
  '.pdf': 'PDF 中的表格无法可靠读取：请使用原始的 Word 或 Excel 文件 (PDF tables cannot be read reliably)',
  '.ods': 'OpenDocument 表格：请另存为 .xlsx (save as .xlsx)',
  '.xlsm': '含宏的工作簿：请另存为 .xlsx (macro workbook: save as .xlsx)',
  '.xlsb': '二进制工作簿：请另存为 .xlsx (binary workbook: save as .xlsx)',
};

/** What the reader says went wrong, prefixed by the kind of failure. */
function readFailure(e: unknown): string {
  const message = (e as Error).message;
  if (e instanceof CsvSyntaxError) return `CSV 格式错误 (malformed CSV): ${message}`;
  if (e instanceof NotAWordDocumentError) return `无法读取 Word 文档 (cannot read .docx): ${message}`;
  if (e instanceof NotAWorkbookError) return `无法读取工作簿 (cannot read workbook): ${message}`;
  return `无法读取文件 (cannot read file): ${message}`;
}

export interface ImportedCatalogue {
  items: ImportedItem[];
  problems: SourceProblem[];
  /** Areas the catalogue titles name (某某区), for a site name when the source has no site.yaml. */
  areas: string[];
}

/** The area named by a title paragraph above a Word table or a title row above the header. */
function sheetArea(sheet: RawSheet, headerTop: number): string | null {
  const titles = [...(sheet.titles ?? []), ...sheet.rows.slice(0, headerTop - 1).flat()];
  for (const t of titles.reverse()) {
    const area = t ? areaFromTitle(t) : null;
    if (area) return area;
  }
  return null;
}

/** A Word table without a header of its own, exactly as wide as the catalogue table before it. */
function continuesTable(sheet: RawSheet, header: Header): boolean {
  return !!sheet.table && Math.max(...sheet.rows.map((r) => r.length)) === header.width;
}

export async function importCatalogueFile(absPath: string, displayPath: string): Promise<ImportedCatalogue> {
  const problems: SourceProblem[] = [];
  const items: ImportedItem[] = [];
  const areas: string[] = [];
  const ext = extname(absPath).toLowerCase();
  const reader = READERS[ext];
  if (!reader) {
    const advice = UNREADABLE_CATALOGUE_TYPES[ext] ?? '请另存为 .xlsx、.xls、.docx 或 .csv';
    const message = `不支持的文件类型 ${ext || '(无扩展名)'}：${advice} (unsupported file type)`;
    return { items, areas, problems: [{ severity: 'error', file: displayPath, message }] };
  }
  let sheets: RawSheet[];
  try {
    sheets = await reader(absPath);
  } catch (e) {
    return { items, areas, problems: [{ severity: 'error', file: displayPath, message: readFailure(e) }] };
  }

  const ctx = { file: displayPath, fileDomain: domainFromFileName(absPath) };
  let found = 0;
  // The Word table just read, for a table that goes on without its header (a long table split in two).
  type Previous = { header: Header; fillDown: FillDown };
  let previous: Previous | null = null;
  for (const sheet of sheets) {
    if (sheet.rows.every(isBlankRow)) continue;
    const where = { file: displayPath, ...(sheet.name !== undefined ? { sheet: sheet.name } : {}) };
    const header = findHeader(sheet);
    const prior = previous as Previous | null;
    previous = null;
    if (!header && prior && continuesTable(sheet, prior.header)) {
      // Same columns as the table before it: its rows are read under that header from row 1 on.
      const result = importSheet(
        sheet,
        { ...prior.header, top: 1, bottom: 0, unknown: [] },
        { ...ctx, continues: prior.fillDown },
      );
      items.push(...result.items);
      problems.push(...result.problems);
      if (result.fillDown) previous = { header: prior.header, fillDown: result.fillDown };
      continue;
    }
    if (!header) {
      // A workbook may carry a 说明 sheet (a document, a 填表说明 table) next to the catalogue; only a file
      // without any catalogue is wrong.
      if (sheets.length > 1)
        problems.push({
          severity: 'warning',
          ...where,
          message: sheet.table
            ? '此表格没有目录表头，已跳过 (no catalogue header; table skipped)'
            : '此工作表没有目录表头，已跳过 (no catalogue header; sheet skipped)',
        });
      continue;
    }
    if (sheet.hidden) {
      problems.push({ severity: 'warning', ...where, message: '隐藏的工作表已跳过 (hidden sheet skipped)' });
      continue;
    }
    found++;
    const area = sheetArea(sheet, header.top);
    if (area) areas.push(area);
    const result = importSheet(sheet, header, ctx);
    items.push(...result.items);
    problems.push(...result.problems);
    if (sheet.table && result.fillDown) previous = { header, fillDown: result.fillDown };
  }
  if (!found) {
    problems.push({
      severity: 'error',
      file: displayPath,
      message:
        '未找到目录表头：需要含“一级事项”（或“公开事项”）及“公开主体”等列的表头行 (no catalogue header found)',
    });
  }
  return { items, problems, areas };
}
