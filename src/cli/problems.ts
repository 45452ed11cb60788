// A problem found in a bundle source: precise enough that staff can open the file and fix the cell.
export interface SourceProblem {
  severity: 'error' | 'warning';
  /** Path relative to the source directory, e.g. catalogue/社会救助.xlsx. */
  file: string;
  sheet?: string;
  /** 1-based row number as the spreadsheet or text editor shows it. */
  row?: number;
  /** Column letter (F) and, where known, its header: `F (公开主体)`. */
  column?: string;
  /** Field of the record, e.g. publisher. */
  field?: string;
  message: string;
}

export function formatProblem(p: SourceProblem): string {
  const where = [
    p.file,
    p.sheet ? `[${p.sheet}]` : '',
    p.row ? `第${p.row}行 (row ${p.row})` : '',
    p.column ? `列 ${p.column}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${p.severity === 'error' ? '错误 error' : '警告 warning'}: ${where}: ${p.message}`;
}
