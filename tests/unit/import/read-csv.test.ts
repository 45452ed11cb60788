import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsvText, readCsvSheet } from '../../../src/cli/import/read-csv.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/catalogue');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(utf8('\uFEFF一级事项,𠮷'))).toBe('一级事项,𠮷');
    expect(decodeCsvBytes(utf8('一级事项,𠮷'))).toBe('一级事项,𠮷');
  });

  it('falls back to GB18030, including its four-byte codes (𠮷 = 95 34 B2 35)', () => {
    // 一级 in GBK: D2 BB BC B6.
    expect(decodeCsvBytes(new Uint8Array([0xd2, 0xbb, 0xbc, 0xb6, 0x2c, 0x95, 0x34, 0xb2, 0x35]))).toBe(
      '一级,𠮷',
    );
  });

  it('reads UTF-16LE with a BOM', () => {
    const text = '一级事项\t𠮷';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++)
      bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(decodeCsvBytes(bytes)).toBe(text);
    expect(parseCsvText(decodeCsvBytes(bytes)).rows).toEqual([['一级事项', '𠮷']]);
  });
});

describe('parseCsvText', () => {
  it('handles CRLF, quoted commas, doubled quotes and line breaks inside cells', () => {
    const rows = parseCsvText('a,"b,c","say ""hi""","line1\r\nline2"\r\n\r\n d ,𠮷\r\n').rows;
    expect(rows).toEqual([['a', 'b,c', 'say "hi"', 'line1\nline2'], [''], ['d', '𠮷']]);
  });

  it('keeps blank lines so row numbers match the spreadsheet', () => {
    expect(parseCsvText('x\n\ny\n').rows.map((r) => r[0])).toEqual(['x', '', 'y']);
  });

  it('throws a readable error on an unclosed quote', () => {
    expect(() => parseCsvText('a,"b\n')).toThrow(/Quote Not Closed/);
  });
});

describe('the CSV fixtures are what they claim to be', () => {
  it('template-a.csv is UTF-8 with a BOM and CRLF', async () => {
    const bytes = await readFile(join(fixtures, 'template-a.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // One CRLF per sheet row (13); the LF inside the quoted channel cell stays a bare LF, as Excel writes it.
    expect(text.match(/\r\n/g)).toHaveLength(13);
    expect(text.match(/\n/g)).toHaveLength(14);
  });

  it('12-就业创业.csv is GB18030, not UTF-8, and holds 𠮷 as four bytes', async () => {
    const bytes = await readFile(join(fixtures, '12-就业创业.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35]))).toBe(true);
    const sheet = await readCsvSheet(join(fixtures, '12-就业创业.csv'));
    expect(sheet.rows[0]?.[1]).toBe('一级事项');
    expect(sheet.rows[2]?.[6]).toBe('𠮷祥社区居委会');
  });
});
