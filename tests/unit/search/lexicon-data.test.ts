// Checks the built-in lexicon data file on its own, with plain fs, so the data's format is held
// independently of the loader that reads it (src/core/search/lexicon/README.md describes the format).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LEXICON_URL = new URL('../../../src/core/search/lexicon/lexicon.tsv', import.meta.url);
const HEADER = 'domain\tofficial\tcolloquial\ten';

/** The 26 pilot domains of the 基层政务公开标准化规范化 work, named as the national guidelines name them. */
const PILOT_DOMAINS = [
  '城乡规划',
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '农村集体土地征收',
  '国有土地上房屋征收与补偿',
  '保障性住房',
  '农村危房改造',
  '生态环境',
  '公共文化服务',
  '公共法律服务',
  '扶贫',
  '救灾',
  '食品药品监管',
  '城市综合执法',
  '就业',
  '社会保险',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '义务教育',
  '卫生健康',
  '市政服务',
] as const;
const GENERAL_DOMAIN = '通用';

/**
 * ASCII is allowed inside Chinese fields only as a hotline or well-known number (12345, 4050) or as one
 * of these abbreviations that visitors type as such.
 */
const ASCII_ABBREVIATIONS = new Set([
  'AQI',
  'CA',
  'DNA',
  'EPC',
  'HPV',
  'KTV',
  'PM10',
  'PM2.5',
  'PPP',
  'QS',
  'SC',
]);

interface Row {
  line: number;
  domain: string;
  official: string[];
  colloquial: string[];
  en: string[];
}

function readLexicon(): { header: string | undefined; rows: Row[]; badLines: string[] } {
  const text = readFileSync(LEXICON_URL, 'utf8');
  const rows: Row[] = [];
  const badLines: string[] = [];
  let header: string | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    if (header === undefined) {
      header = line;
      return;
    }
    const fields = line.split('\t');
    if (fields.length !== 4) {
      badLines.push(`line ${index + 1}: ${fields.length} fields`);
      return;
    }
    const [domain, official, colloquial, en] = fields as [string, string, string, string];
    rows.push({
      line: index + 1,
      domain,
      official: official.split('|'),
      colloquial: colloquial.split('|'),
      en: en === '' ? [] : en.split('|'),
    });
  });
  return { header, rows, badLines };
}

const { header, rows, badLines } = readLexicon();

function pairCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    counts.set(row.domain, (counts.get(row.domain) ?? 0) + row.official.length * row.colloquial.length);
  }
  return counts;
}

describe('built-in lexicon data (lexicon.tsv)', () => {
  it('starts with the exact header and has four tab-separated fields on every row', () => {
    expect(header).toBe(HEADER);
    expect(badLines).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('names only the 26 pilot domains or 通用', () => {
    const allowed = new Set<string>([...PILOT_DOMAINS, GENERAL_DOMAIN]);
    const unknown = rows
      .filter((row) => !allowed.has(row.domain))
      .map((row) => `line ${row.line}: ${row.domain}`);
    expect(unknown).toEqual([]);
  });

  it('holds at least 1,500 pairs, and at least 20 in each of the 26 pilot domains', () => {
    const counts = pairCounts();
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(1500);
    const thin = PILOT_DOMAINS.filter((domain) => (counts.get(domain) ?? 0) < 20).map(
      (domain) => `${domain}: ${counts.get(domain) ?? 0}`,
    );
    expect(thin).toEqual([]);
  });

  it('has no empty or padded term and no official term missing', () => {
    const bad: string[] = [];
    for (const row of rows) {
      for (const term of [...row.official, ...row.colloquial, ...row.en]) {
        if (term === '' || term !== term.trim()) bad.push(`line ${row.line}: "${term}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lists each colloquial word once per official term, never as its own official term', () => {
    const seen = new Map<string, number>();
    const duplicates: string[] = [];
    const selfPairs: string[] = [];
    for (const row of rows) {
      for (const official of row.official) {
        for (const colloquial of row.colloquial) {
          if (colloquial === official) selfPairs.push(`line ${row.line}: ${colloquial}`);
          const key = `${colloquial}\u0000${official}`;
          const first = seen.get(key);
          if (first !== undefined)
            duplicates.push(`line ${row.line} repeats line ${first}: ${colloquial} → ${official}`);
          else seen.set(key, row.line);
        }
      }
    }
    expect(duplicates).toEqual([]);
    expect(selfPairs).toEqual([]);
  });

  it('keeps ASCII out of Chinese fields except hotline numbers and well-known abbreviations', () => {
    const stray: string[] = [];
    for (const row of rows) {
      for (const term of [...row.official, ...row.colloquial]) {
        for (const run of term.match(/[\x20-\x7e]+/g) ?? []) {
          if (!/^\d+$/.test(run) && !ASCII_ABBREVIATIONS.has(run)) stray.push(`line ${row.line}: ${term}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });

  it('writes English names in lower case', () => {
    const upper = rows.flatMap((row) =>
      row.en.filter((name) => name !== name.toLowerCase()).map((name) => `line ${row.line}: ${name}`),
    );
    expect(upper).toEqual([]);
  });
});
