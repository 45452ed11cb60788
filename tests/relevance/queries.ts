// The relevance query files (tests/relevance/<catalogue>.<dev|holdout>.tsv) and the answers they name.
//
// One query a line: `class<TAB>query<TAB>answers`, answers separated by ` | `; `#` starts a comment line. An answer
// names documents by what a person reads in the catalogue, never by generated ids:
//   item:一级[/二级[/三级]]  an item whose levels start with this path
//   domain:X                any item of domain X
//   title:X                 the guide or interpretation titled exactly X
//   has:X                   any document whose title contains X (an item's title is its levels joined by a space)
//   dept:X                  a document published by department X (its name or an alias from departments.csv)
//   none                    nonsense: nothing in the catalogue answers it (class `nonsense` only)
//
// Which file a query goes in is decided by its text, not chosen: holdout when holdoutOf() says so (a third of the
// queries). Engine engineers tune on the dev files and never open the holdout ones.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceData } from './catalogues.ts';

/** Query classes: how the visitor put it. */
export const QUERY_CLASSES = [
  'exact', // the catalogue's own name
  'colloquial', // what people call it (五保户, 公租房, 退休金)
  'question', // a sentence with particles and verbs around the topic (生孩子能报销吗)
  'howto', // 怎么办 / 如何申请 / 要什么材料
  'howmuch', // 多少钱 / 标准 / 能领多少
  'where', // 在哪 / 地址 / 电话 / 几点
  'complaint', // 投诉 / 举报
  'list', // 名单 / 公示 / 结果
  'typo', // a wrong character that is not a homophone
  'homophone', // a same-sounding wrong character
  'pinyin', // full pinyin, with or without spaces
  'initials', // pinyin initials
  'mixed', // Chinese and pinyin mixed
  'department', // a department's name or nickname
  'traditional', // in traditional characters (Hong Kong, Macau, Taiwan; a traditional input method or handwriting)
  'nonsense', // nothing in the catalogue answers it: the only class that should get no result
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export type QuerySet = 'dev' | 'holdout';

export interface RelevanceQuery {
  cls: QueryClass;
  q: string;
  answers: string[];
  /** file:line, for messages. */
  at: string;
}

const here = new URL('.', import.meta.url).pathname;

export function queryFile(catalogue: string, set: QuerySet): string {
  return join(here, `${catalogue}.${set}.tsv`);
}

/** Holdout when the first 32 bits of SHA-256 over "catalogue<TAB>query" are 0 mod 3. */
export function holdoutOf(catalogue: string, q: string): boolean {
  const h = createHash('sha256').update(`${catalogue}\t${q}`).digest();
  return h.readUInt32BE(0) % 3 === 0;
}

export function parseQueries(text: string, file: string): RelevanceQuery[] {
  const out: RelevanceQuery[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const at = `${file}:${i + 1}`;
    const cells = line.split('\t');
    if (cells.length !== 3) throw new Error(`${at}: expected class, query and answers separated by tabs`);
    const [cls, q, answers] = cells as [string, string, string];
    if (!(QUERY_CLASSES as readonly string[]).includes(cls)) throw new Error(`${at}: unknown class ${cls}`);
    out.push({
      cls: cls as QueryClass,
      q,
      answers: answers
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
      at,
    });
  });
  return out;
}

export function readQueries(catalogue: string, set: QuerySet): RelevanceQuery[] {
  const file = queryFile(catalogue, set);
  return parseQueries(readFileSync(file, 'utf8'), file);
}

/** What a document shows a reader, whichever side (catalogue or search result) it comes from. */
export interface DocFacts {
  id: string;
  type: 'item' | 'guide' | 'interpretation';
  title: string;
  domain: string;
  levels: string[];
  department: string;
}

/** Every document of a catalogue by id. */
export function docFacts(data: SourceData): Map<string, DocFacts> {
  const docs = new Map<string, DocFacts>();
  for (const it of data.catalogue) {
    const levels = [it.level1, it.level2, it.level3].filter((l): l is string => !!l);
    docs.set(it.id, {
      id: it.id,
      type: 'item',
      title: levels.join(' '),
      domain: it.domain,
      levels,
      department: it.publisher,
    });
  }
  for (const g of data.guides)
    docs.set(g.id, {
      id: g.id,
      type: 'guide',
      title: g.title,
      domain: g.domain,
      levels: [],
      department: g.department,
    });
  for (const p of data.interpretations)
    docs.set(p.id, {
      id: p.id,
      type: 'interpretation',
      title: p.title,
      domain: p.domain,
      levels: [],
      department: p.department,
    });
  return docs;
}

export type AnswerMatcher = (doc: DocFacts) => boolean;

/** The matcher of one answer; throws on a malformed answer. */
export function answerMatcher(answer: string, data: SourceData): AnswerMatcher {
  const i = answer.indexOf(':');
  const kind = i < 0 ? answer : answer.slice(0, i);
  const arg = i < 0 ? '' : answer.slice(i + 1);
  if (kind !== 'none' && !arg) throw new Error(`answer ${answer} names nothing`);
  switch (kind) {
    case 'item': {
      const path = arg.split('/');
      return (d) => d.type === 'item' && path.every((p, k) => d.levels[k] === p);
    }
    case 'domain':
      return (d) => d.type === 'item' && d.domain === arg;
    case 'title':
      return (d) => d.type !== 'item' && d.title === arg;
    case 'has':
      return (d) => d.title.includes(arg);
    case 'dept': {
      const dept = data.departments.find((x) => x.name === arg);
      const names = (dept ? [dept.name, ...dept.aliases] : [arg]).filter((n) => n.length >= 2);
      return (d) => names.some((n) => d.department.includes(n));
    }
    case 'none':
      return () => false;
    default:
      throw new Error(`unknown answer kind in ${answer}`);
  }
}
