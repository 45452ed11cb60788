// The shape both readers produce: a sheet as the spreadsheet shows it, so the importer never cares
// whether a table came from .xlsx or .csv.

export interface RawSheet {
  /** Worksheet name; undefined for CSV. */
  name?: string;
  /** rows[r - 1][c - 1] is the text of cell (r, c), trimmed, with \n line breaks; '' when blank. */
  rows: string[][];
  /** Merged-cell slaves: `r:c` → the master's row and column (XLSX only). */
  mergedFrom: Map<string, { row: number; col: number }>;
  /** Hyperlink targets by `r:c` (XLSX only), for 网址 cells that show a caption instead of the URL. */
  links: Map<string, string>;
  hidden?: boolean;
}

export const cellKey = (row: number, col: number) => `${row}:${col}`;

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cell text as both readers store it: CRLF folded to \n, outer whitespace (incl. full-width) trimmed. */
export function cleanCell(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function cellAt(sheet: RawSheet, row: number, col: number): string {
  return sheet.rows[row - 1]?.[col - 1] ?? '';
}

export const isBlankRow = (cells: readonly string[] | undefined) => !cells || cells.every((c) => c === '');
