// The built-in lexicon's file format (lexicon.tsv): parsed and validated with zod, every problem named by line and
// column, so whoever edits the data file sees exactly where a row went wrong. Runs anywhere (no Node APIs).
import { z } from 'zod';
import { fnv1a } from '../text.ts';

/** Version of the file format (columns and their meaning); bump when they change. */
export const LEXICON_FORMAT_VERSION = 1;

export const LEXICON_COLUMNS = ['domain', 'official', 'colloquial', 'en'] as const;
type Column = (typeof LEXICON_COLUMNS)[number];

const term = z
  .string()
  .trim()
  .min(1, 'empty term (two | in a row, or one at an edge)')
  .max(100, 'term over 100 characters')
  .refine((s) => !/[\t\r\n]/.test(s), 'tab or line break inside a term');

const list = (min: number) =>
  z
    .string()
    .transform((s) => (s.trim() === '' ? [] : s.split('|').map((t) => t.trim())))
    .pipe(z.array(term).min(min, min ? 'at least one term is required' : undefined));

export const LexiconRowSchema = z.object({
  /** One of the pilot domains (社会救助, 户籍管理, …) or 通用 for words shared by all. */
  domain: z
    .string()
    .trim()
    .regex(/^\p{Script=Han}{2,12}$/u, 'a domain name in Chinese (2-12 characters), or 通用'),
  official: list(1),
  colloquial: list(1),
  en: list(0).pipe(z.array(z.string().regex(/^[^A-Z]+$/, 'English names are written in lower case'))),
});
export type LexiconRow = z.infer<typeof LexiconRowSchema>;

export interface LexiconPair {
  /** The colloquial name (or English name) a visitor types. */
  term: string;
  /** The official terms catalogues write. */
  official: string[];
}

export interface Lexicon {
  formatVersion: number;
  /** Content hash of the parsed rows: which lexicon a bundle was built with. */
  hash: string;
  rows: Array<LexiconRow & { line: number }>;
  /** Colloquial term → official terms, one entry per distinct term (rows naming the same term merge). */
  pairs: LexiconPair[];
  /** English name → official terms. */
  en: LexiconPair[];
  /** Number of colloquial × official combinations. */
  pairCount: number;
}

export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly columnName: string | null,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}${columnName ? ` (${columnName})` : ''}: ${detail}`);
    this.name = 'LexiconError';
  }
}

/**
 * Parses lexicon.tsv text. `#` lines and blank lines are skipped; the first other line must be the header.
 * Throws a LexiconError naming the first bad line and column (1-based, column counted in characters).
 */
export function parseLexicon(text: string, file = 'lexicon.tsv'): Lexicon {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: Lexicon['rows'] = [];
  let header = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t');
    if (!header) {
      const got = cells.map((c) => c.trim()).join('\t');
      if (got !== LEXICON_COLUMNS.join('\t'))
        throw new LexiconError(file, line, 1, null, `header must be "${LEXICON_COLUMNS.join('\\t')}"`);
      header = true;
      return;
    }
    // Column start offsets, so an error points at the cell (1-based character column).
    const starts: number[] = [];
    let at = 1;
    for (const c of cells) {
      starts.push(at);
      at += Array.from(c).length + 1;
    }
    if (cells.length < 3 || cells.length > 4) {
      throw new LexiconError(
        file,
        line,
        1,
        null,
        `expected ${LEXICON_COLUMNS.length} tab-separated columns (en may be empty), found ${cells.length}`,
      );
    }
    const record = Object.fromEntries(LEXICON_COLUMNS.map((k, j) => [k, cells[j] ?? '']));
    const parsed = LexiconRowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const col = issue.path[0] as Column;
      const j = LEXICON_COLUMNS.indexOf(col);
      let column = starts[j] ?? at;
      // Point at the bad term inside a | list.
      const k = issue.path[1];
      if (typeof k === 'number' && cells[j] !== undefined) {
        const parts = cells[j].split('|');
        column += parts.slice(0, k).reduce((s, p) => s + Array.from(p).length + 1, 0);
      }
      throw new LexiconError(file, line, column, col, issue.message);
    }
    rows.push({ ...parsed.data, line });
  });
  if (!header) throw new LexiconError(file, lines.length, 1, null, 'no header line');

  const byTerm = new Map<string, Set<string>>();
  const byEn = new Map<string, Set<string>>();
  let pairCount = 0;
  for (const r of rows) {
    for (const c of r.colloquial) {
      const set = byTerm.get(c) ?? new Set<string>();
      for (const o of r.official) if (o !== c) set.add(o);
      byTerm.set(c, set);
      pairCount += r.official.length;
    }
    for (const e of r.en) {
      const key = e.replace(/\s+/g, ' ');
      const set = byEn.get(key) ?? new Set<string>();
      for (const o of r.official) set.add(o);
      byEn.set(key, set);
    }
  }
  const toPairs = (m: Map<string, Set<string>>) =>
    [...m].filter(([, s]) => s.size).map(([t, s]) => ({ term: t, official: [...s] }));
  return {
    formatVersion: LEXICON_FORMAT_VERSION,
    hash: fnv1a(
      rows.map((r) => [r.domain, r.official.join('|'), r.colloquial.join('|'), r.en.join('|')].join('\t')),
    ),
    rows,
    pairs: toPairs(byTerm),
    en: toPairs(byEn),
    pairCount,
  };
}
