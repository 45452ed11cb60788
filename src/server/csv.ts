// CSV for the staff export: UTF-8 with BOM (Excel opens it as UTF-8), CRLF, RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (= + - @ tab CR) prefixed with an apostrophe (CSV injection).

/** A cell Excel must keep as typed text: ID numbers, phones, codes (as numbers it keeps 15 digits and drops zeros). */
export class TextCell {
  constructor(readonly value: string) {}
}

/** Marks a value to be written as text (see TextCell). */
export const asText = (value: string): TextCell => new TextCell(value);

/** Characters a text cell may hold to be written as ="…": nothing a formula could use beyond a literal. */
const SAFE_TEXT = /^[0-9A-Za-z()+\- ]+$/;

export function csvCell(value: unknown): string {
  if (value instanceof TextCell) {
    // ="0591…" is Excel's text literal: the digits stay as typed. Only for plain codes; anything else as usual.
    if (SAFE_TEXT.test(value.value)) return `"=""${value.value}"""`;
    value = value.value;
  }
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
