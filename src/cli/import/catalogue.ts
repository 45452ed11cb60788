// Entry point: one catalogue spreadsheet (.xlsx or .csv) → catalogue items and the problems found in it.
import { extname } from 'node:path';
import type { SourceProblem } from '../problems.ts';
import { domainFromFileName } from './domain.ts';
import { isBlankRow, type RawSheet } from './grid.ts';
import { findHeader } from './headers.ts';
import { CsvSyntaxError, readCsvSheet } from './read-csv.ts';
import { readXlsxSheets } from './read-xlsx.ts';
import { importSheet, type ImportedItem } from './rows.ts';

export type { ImportedItem } from './rows.ts';

export async function importCatalogueFile(
  absPath: string,
  displayPath: string,
): Promise<{ items: ImportedItem[]; problems: SourceProblem[] }> {
  const problems: SourceProblem[] = [];
  const items: ImportedItem[] = [];
  const ext = extname(absPath).toLowerCase();
  let sheets: RawSheet[];
  try {
    if (ext === '.xlsx') sheets = await readXlsxSheets(absPath);
    else if (ext === '.csv') sheets = [await readCsvSheet(absPath)];
    else {
      const message = `不支持的文件类型 ${ext || '(无扩展名)'}：请另存为 .xlsx 或 .csv (unsupported file type)`;
      return { items, problems: [{ severity: 'error', file: displayPath, message }] };
    }
  } catch (e) {
    const what =
      e instanceof CsvSyntaxError ? 'CSV 格式错误 (malformed CSV)' : '无法读取文件 (cannot read file)';
    return {
      items,
      problems: [{ severity: 'error', file: displayPath, message: `${what}: ${(e as Error).message}` }],
    };
  }

  const ctx = { file: displayPath, fileDomain: domainFromFileName(absPath) };
  let found = 0;
  for (const sheet of sheets) {
    if (sheet.rows.every(isBlankRow)) continue;
    const where = { file: displayPath, ...(sheet.name !== undefined ? { sheet: sheet.name } : {}) };
    const header = findHeader(sheet);
    if (!header) {
      // A workbook may carry a 说明 sheet next to the catalogue; only a file without any catalogue is wrong.
      if (sheets.length > 1)
        problems.push({
          severity: 'warning',
          ...where,
          message: '此工作表没有目录表头，已跳过 (no catalogue header; sheet skipped)',
        });
      continue;
    }
    if (sheet.hidden) {
      problems.push({ severity: 'warning', ...where, message: '隐藏的工作表已跳过 (hidden sheet skipped)' });
      continue;
    }
    found++;
    const result = importSheet(sheet, header, ctx);
    items.push(...result.items);
    problems.push(...result.problems);
  }
  if (!found) {
    problems.push({
      severity: 'error',
      file: displayPath,
      message:
        '未找到目录表头：需要含“一级事项”（或“公开事项”）及“公开主体”等列的表头行 (no catalogue header found)',
    });
  }
  return { items, problems };
}
