// The shape every reader produces: a sheet as the spreadsheet (or Word table) shows it, so the importer never
// cares whether a table came from .xlsx, .xls, .docx or .csv.

export interface RawSheet {
  /** Worksheet name, or 表1, 表2 … for the tables of a Word document; undefined for CSV. */
  name?: string;
  /** A Word table: columns are named 第3列 rather than C, since Word shows no column letters. */
  table?: boolean;
  /**
   * The paragraphs above a Word table in document order (its title, and the titles of earlier tables), read
   * for the domain like a title row above a header, nearest first.
   */
  titles?: string[];
  /** rows[r - 1][c - 1] is the text of cell (r, c), trimmed, with \n line breaks; '' when blank. */
  rows: string[][];
  /** Merged-cell slaves: `r:c` → the master's row and column (workbooks and Word tables). */
  mergedFrom: Map<string, { row: number; col: number }>;
  /** Hyperlink targets by `r:c`, for 网址 cells that show a caption instead of the URL (not in CSV). */
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

/** How problems name a column: its letter in a spreadsheet, 第N列 in a Word table. */
export const columnName = (sheet: Pick<RawSheet, 'table'>, col: number) =>
  sheet.table ? `第${col}列` : columnLetter(col);

/** Cell text as every reader store it: CRLF folded to \n, outer whitespace (incl. full-width) trimmed. */
export function cleanCell(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function cellAt(sheet: RawSheet, row: number, col: number): string {
  return sheet.rows[row - 1]?.[col - 1] ?? '';
}

export const isBlankRow = (cells: readonly string[] | undefined) => !cells || cells.every((c) => c === '');
