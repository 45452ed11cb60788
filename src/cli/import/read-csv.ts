// CSV as departments save it from Excel or WPS: UTF-8 (with or without BOM) or GB18030, CRLF or LF,
// quoted cells holding commas, quotes and line breaks.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { cleanCell, type RawSheet } from './grid.ts';

export function decodeCsvBytes(bytes: Uint8Array): string {
  // Excel's "Unicode text" export is UTF-16LE with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    // Not valid UTF-8: Chinese Excel's default "CSV (逗号分隔)" is GBK, which GB18030 decodes as a superset.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma unless the first line clearly uses tabs (a "Unicode text" export renamed to .csv). */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

export class CsvSyntaxError extends Error {}

export function parseCsvText(text: string): RawSheet {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      // Keep blank lines: the row numbers in problems must match what Excel shows.
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    throw new CsvSyntaxError((e as Error).message);
  }
  return { rows: records.map((r) => r.map(cleanCell)), mergedFrom: new Map(), links: new Map() };
}

export async function readCsvSheet(absPath: string): Promise<RawSheet> {
  return parseCsvText(decodeCsvBytes(await readFile(absPath)));
}
