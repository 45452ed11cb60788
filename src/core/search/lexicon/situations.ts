// The situations table's file format (situations.tsv): what visitors say happened to them (老伴走了,
// 爸妈出去打工了孩子没人管) and the services it points to. None of the words names the service alone; together
// they do. Parsed and validated with zod, every problem named by line and column. Runs anywhere (no Node APIs).
import { z } from 'zod';
import { fnv1a } from '../text.ts';
import { LexiconError } from './parse.ts';

export const SITUATION_COLUMNS = ['domain', 'official', 'cues', 'en'] as const;
type Column = (typeof SITUATION_COLUMNS)[number];

/** At least two groups (one would be a colloquial name: the lexicon's business), at most four. */
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 4;

const cueWord = z
  .string()
  .min(1, 'empty cue word (two | in a row, or one at an edge of a group)')
  .max(20, 'cue word over 20 characters')
  .regex(
    /^[\p{Script=Han}0-9]+$/u,
    'a cue word is Chinese characters or digits only (no space, punctuation or letters)',
  );

const SituationRowSchema = z.object({
  domain: z
    .string()
    .trim()
    .regex(/^\p{Script=Han}{2,12}$/u, 'a domain name in Chinese (2-12 characters), or 通用'),
  official: z
    .string()
    .transform((s) => s.split('|').map((t) => t.trim()))
    .pipe(
      z.array(z.string().min(1, 'empty official term').max(100)).min(1).max(4, 'at most 4 official terms'),
    ),
  cues: z
    .array(z.array(cueWord).min(1))
    .min(MIN_GROUPS, `at least ${MIN_GROUPS} cue groups separated by +`)
    .max(MAX_GROUPS, `at most ${MAX_GROUPS} cue groups`),
  en: z.string().trim(),
});

export interface Situation {
  domain: string;
  official: string[];
  /** Groups of alternatives (classes expanded): every group must be said for the situation to hold. */
  cues: string[][];
  en: string;
  line: number;
}

export interface SituationTable {
  hash: string;
  situations: Situation[];
  /** Word classes by name (without @), expanded. */
  classes: Map<string, string[]>;
}

/**
 * Parses situations.tsv. `@name<TAB>a|b|@other` lines define word classes (before use); the header is
 * `domain<TAB>official<TAB>cues<TAB>en`; a row's cues are groups separated by `+`, alternatives by `|`, and a group
 * may name a class (`@父母`). Throws a LexiconError naming the first bad line and column (1-based).
 */
export function parseSituations(text: string, file = 'situations.tsv'): SituationTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const classes = new Map<string, string[]>();
  const situations: Situation[] = [];
  let header = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t');
    const fail = (column: number, col: Column | null, detail: string): never => {
      throw new LexiconError(file, line, column, col, detail);
    };
    // Expands one group's alternatives (`a|@cls|b`), naming the column of a bad one.
    const expand = (group: string, column: number, col: Column | null): string[] => {
      const out: string[] = [];
      let at = column;
      for (const alt of group.split('|')) {
        const t = alt.trim();
        if (t.startsWith('@')) {
          const members = classes.get(t.slice(1));
          if (!members) fail(at, col, `class ${t} is not defined above this line`);
          else out.push(...members);
        } else {
          const ok = cueWord.safeParse(t);
          if (!ok.success) fail(at, col, `${ok.error.issues[0]!.message}: "${t}"`);
          out.push(t);
        }
        at += Array.from(alt).length + 1;
      }
      return [...new Set(out)];
    };
    if (raw.startsWith('@')) {
      if (cells.length !== 2)
        fail(1, null, `a class line is "@name<TAB>members", found ${cells.length} fields`);
      const name = cells[0]!.slice(1).trim();
      if (!/^\p{Script=Han}[\p{Script=Han}0-9]*$/u.test(name))
        fail(2, null, 'a class name is Chinese characters');
      if (classes.has(name)) fail(1, null, `class @${name} is defined twice`);
      classes.set(name, expand(cells[1]!, Array.from(cells[0]!).length + 2, null));
      return;
    }
    if (!header) {
      if (cells.map((c) => c.trim()).join('\t') !== SITUATION_COLUMNS.join('\t'))
        fail(1, null, `header must be "${SITUATION_COLUMNS.join('\\t')}"`);
      header = true;
      return;
    }
    if (cells.length !== 4) fail(1, null, `expected 4 tab-separated columns, found ${cells.length}`);
    const starts: number[] = [];
    let at = 1;
    for (const c of cells) {
      starts.push(at);
      at += Array.from(c).length + 1;
    }
    let col = starts[2]!;
    const groups = cells[2]!.split('+').map((g) => {
      const out = expand(g, col, 'cues');
      col += Array.from(g).length + 1;
      return out;
    });
    const parsed = SituationRowSchema.safeParse({
      domain: cells[0],
      official: cells[1],
      cues: groups,
      en: cells[3],
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const c = issue.path[0] as Column;
      fail(starts[SITUATION_COLUMNS.indexOf(c)] ?? 1, c, issue.message);
    } else situations.push({ ...parsed.data, line });
  });
  if (!header) throw new LexiconError(file, lines.length, 1, null, 'no header line');
  return {
    hash: fnv1a(
      situations.map((s) =>
        [s.domain, s.official.join('|'), s.cues.map((g) => g.join('|')).join('+')].join('\t'),
      ),
    ),
    situations,
    classes,
  };
}
