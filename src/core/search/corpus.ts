// What the engine knows about one bundle: its documents, the inverted indexes, the vocabulary with its pinyin, the
// synonym table, department and domain names. Every stage (understanding, retrieval, ranking, suggestions) reads
// it; none changes it. Tables a session may never need are built on first use. The corpus can also be built in
// steps (steps.ts: `Corpus.inSteps`, the kiosk page's build a slice per idle moment).
import { collectDocs, docsHash, type SearchDoc, type SearchSource } from './docs.ts';
import { z } from 'zod';
import {
  SEARCH_INDEX_VERSION,
  SearchIndexFileSchema,
  SearchIndexHeadSchema,
  type SearchIndexFile,
} from './format.ts';
import { PinyinTable, push, VocabPinyin } from './pinyin.ts';
import { editDistance } from './query.ts';
import { forEachInSteps, runSteps, type Steps } from './steps.ts';
import { prepareTraditional } from './traditional.ts';
import { InvertedIndex } from './structures.ts';
import { SituationIndex } from './situations.ts';
import { codePoints, isHanCode, normalizeText } from './text.ts';

export interface VocabEntry {
  text: string;
  norm: string;
  syllables: string[];
  kind: number;
  n: number;
}

export const NAME_LEAF = 0;
export const NAME_TITLE = 1;
export const NAME_PARENT = 2;

/** Joins a gapped character pair (居_证) in the fuzzy vocabulary index; never occurs in text. */
const GAP = '\u0000';

/** Normalised and without whitespace: the form every lookup key takes. */
export function squash(s: string): string {
  return normalizeText(s).replace(/\s+/g, '');
}

/** What the corpus is made of, computed in steps (corpusParts) before the corpus exists. */
interface CorpusParts {
  docs: SearchDoc[];
  short: InvertedIndex;
  body: InvertedIndex;
  table: PinyinTable;
  vocab: VocabEntry[];
  vocabByNorm: Map<string, number>;
  synonyms: Map<string, string[]>;
  maxSynonym: number;
  english: Map<string, string[]>;
  hints: Map<string, LexiconHint>;
  situations: SituationIndex;
  deptNames: Map<string, string[]>;
  domains: Set<string>;
  names: Map<string, Array<[number, number]>>;
}

/** A lexicon term whose official naming the catalogue does not use: a clue within one domain (format.ts). */
export interface LexiconHint {
  domain: string;
  official: string[];
}

/** Documents, vocabulary entries or table rows handled between two yields of a stepwise build. */
const STEP = 400;

/** The index as the engine reads it, validated a slice at a time (one parse of a 10k index is a long task). */
function* validIndex(raw: unknown): Steps<SearchIndexFile> {
  const fail = (message: string | undefined): never => {
    const v = (raw as { v?: unknown } | null)?.v;
    throw new Error(
      v !== undefined && v !== SEARCH_INDEX_VERSION
        ? `search index: version ${String(v)} is not supported (expected ${SEARCH_INDEX_VERSION})`
        : `search index: missing or malformed (${message ?? 'unknown'})`,
    );
  };
  const head = SearchIndexHeadSchema.safeParse(raw);
  if (!head.success) return fail(head.error.issues[0]?.message);
  const index = raw as SearchIndexFile;
  const vocab = SearchIndexFileSchema.shape.vocab.shape;
  const lexicon = SearchIndexFileSchema.shape.lexicon.unwrap().shape;
  const slices: Array<[z.ZodType, readonly unknown[]]> = [
    [vocab.text, index.vocab.text],
    [vocab.py, index.vocab.py],
    [vocab.kind, index.vocab.kind],
    [vocab.n, index.vocab.n],
    [z.array(z.tuple([z.string(), z.string()])), Object.entries(index.chars)],
    ...(index.lexicon
      ? ([
          [lexicon.terms, index.lexicon.terms],
          [lexicon.en, index.lexicon.en],
          [lexicon.hints.unwrap(), index.lexicon.hints ?? []],
          [lexicon.situations.unwrap(), index.lexicon.situations ?? []],
        ] as Array<[z.ZodType, readonly unknown[]]>)
      : []),
  ];
  for (const [schema, list] of slices) {
    for (let at = 0; at < list.length; at += STEP * 2) {
      const part = schema.safeParse(list.slice(at, at + STEP * 2));
      if (!part.success) return fail(part.error.issues[0]?.message);
      yield;
    }
  }
  return index;
}

/** Everything the corpus holds, computed from a bundle's data in steps. */
function* corpusParts(data: SearchSource): Steps<CorpusParts> {
  const index = yield* validIndex(data.searchIndex);
  const docs = collectDocs(data);
  yield;
  const d = index.docs;
  if (
    d.items !== data.catalogue.length ||
    d.guides !== data.guides.length ||
    d.interpretations !== data.interpretations.length ||
    d.hash !== docsHash(docs)
  ) {
    throw new Error('search index: built for different documents than the bundle holds');
  }
  yield;
  const short = new InvertedIndex(index.short, true);
  yield;
  const body = new InvertedIndex(index.body, false);
  const table = new PinyinTable(index.chars, index.usual);
  yield;
  const vocab: VocabEntry[] = [];
  const vocabByNorm = new Map<string, number>();
  yield* forEachInSteps(index.vocab.text, STEP, (text, i) => {
    const v: VocabEntry = {
      text,
      norm: squash(text),
      syllables: (index.vocab.py[i] ?? '').split(' ').filter(Boolean),
      kind: index.vocab.kind[i] ?? 0,
      n: index.vocab.n[i] ?? 1,
    };
    vocab.push(v);
    if (!vocabByNorm.has(v.norm)) vocabByNorm.set(v.norm, i);
  });
  const synonyms = new Map<string, string[]>();
  let maxSynonym = 0;
  function* addSynonyms(rows: ReadonlyArray<{ term: string; official: readonly string[] }>): Steps<void> {
    // A later table replaces an earlier one's entry for the same term: the district overrides the lexicon.
    const seen = new Set<string>();
    yield* forEachInSteps(rows, STEP, (s) => {
      const term = squash(s.term);
      const official = s.official.map(squash).filter(Boolean);
      if (!term || !official.length) return;
      const prev = seen.has(term) ? (synonyms.get(term) ?? []) : [];
      seen.add(term);
      synonyms.set(term, [...new Set([...prev, ...official])]);
      maxSynonym = Math.max(maxSynonym, codePoints(term).length);
    });
  }
  const english = new Map<string, string[]>();
  const hints = new Map<string, LexiconHint>();
  const situations = new SituationIndex(index.lexicon?.situations ?? []);
  if (index.lexicon) {
    yield* addSynonyms(index.lexicon.terms);
    for (const e of index.lexicon.en) english.set(e.term, e.official.map(squash));
    for (const h of index.lexicon.hints ?? []) {
      const hint = { domain: normalizeText(h.domain), official: h.official.map(squash).filter(Boolean) };
      for (const t of h.terms) if (squash(t) && !hints.has(squash(t))) hints.set(squash(t), hint);
    }
  }
  yield* addSynonyms(data.synonyms);
  const deptNames = new Map<string, string[]>();
  for (const dep of data.departments) {
    const all = [dep.name, ...dep.aliases].map(squash).filter((n) => n.length >= 2);
    for (const n of all) deptNames.set(n, all);
  }
  const domains = new Set<string>();
  const names = new Map<string, Array<[number, number]>>();
  yield* forEachInSteps(docs, STEP, (doc, i) => {
    domains.add(normalizeText(doc.domain));
    const add = (s: string, kind: number) => push(names, squash(s), [i, kind] as [number, number]);
    add(doc.leaf, NAME_LEAF);
    if (doc.type === 'item' && doc.parents.length) add(doc.title, NAME_TITLE);
    for (const p of doc.parents) add(p, NAME_PARENT);
  });
  return {
    docs,
    short,
    body,
    table,
    vocab,
    vocabByNorm,
    synonyms,
    maxSynonym,
    english,
    hints,
    situations,
    deptNames,
    domains,
    names,
  };
}

export class Corpus {
  readonly docCount: number;
  readonly docs: SearchDoc[];
  readonly short: InvertedIndex;
  readonly body: InvertedIndex;
  readonly table: PinyinTable;
  readonly vocab: VocabEntry[];
  readonly vocabByNorm: Map<string, number>;
  /** Colloquial term → official terms: the built-in lexicon carried by the index, then the district's table. */
  readonly synonyms: Map<string, string[]>;
  readonly maxSynonym: number;
  /** English name (lower case, single spaces) → official terms, from the lexicon's `en` column. */
  readonly english: Map<string, string[]>;
  /** Lexicon term → the official terms this catalogue words otherwise, and the (normalised) domain they are in. */
  readonly hints: Map<string, LexiconHint>;
  /** What visitors say happened, and the services it points to. */
  readonly situations: SituationIndex;
  /** Normalised department name or alias → all normalised names of that department. */
  readonly deptNames: Map<string, string[]>;
  readonly domains: Set<string>;
  /** Normalised name → documents that carry it (leaf, title or parent). */
  readonly names: Map<string, Array<[number, number]>>;

  private vocabPinyinCache: VocabPinyin | null = null;
  private bigramLexCache: { full: Map<string, string[]>; init: Map<string, string[]> } | null = null;
  private vocabBigramsCache: Map<string, number[]> | null = null;
  private nameCharsCache: Map<string, number[]> | null = null;
  private docNormCache: Array<{ leaf: string; parents: string; dept: string; domain: string } | undefined> =
    [];
  private titleNormCache = new Map<number, { text: string; map: number[] }>();

  /** The corpus of a bundle's data; throws if the search index is missing, of another version or stale. */
  constructor(data: SearchSource | { parts: CorpusParts }) {
    const p = 'parts' in data ? data.parts : runSteps(corpusParts(data));
    this.docs = p.docs;
    this.docCount = p.docs.length;
    this.short = p.short;
    this.body = p.body;
    this.table = p.table;
    this.vocab = p.vocab;
    this.vocabByNorm = p.vocabByNorm;
    this.synonyms = p.synonyms;
    this.maxSynonym = p.maxSynonym;
    this.english = p.english;
    this.hints = p.hints;
    this.situations = p.situations;
    this.deptNames = p.deptNames;
    this.domains = p.domains;
    this.names = p.names;
  }

  /** The same corpus built in steps, then its lazy tables too (see steps.ts). */
  static *inSteps(data: SearchSource): Steps<Corpus> {
    const corpus = new Corpus({ parts: yield* corpusParts(data) });
    yield* corpus.warmSteps();
    return corpus;
  }

  warm(): void {
    runSteps(this.warmSteps());
  }

  /** Builds the tables otherwise built on first need, in steps. */
  *warmSteps(): Steps<void> {
    prepareTraditional(); // the query side's traditional → simplified tables (traditional.ts)
    yield;
    this.vocabPinyinCache ??= yield* VocabPinyin.inSteps(this.vocab.map((v) => v.syllables));
    this.bigramLexCache ??= yield* this.bigramLexSteps();
    this.vocabBigramsCache ??= yield* this.vocabBigramsSteps();
    this.nameCharsCache ??= yield* this.nameCharsSteps();
  }

  /**
   * Documents by each Han character of their names, as `d * 4 + where` (0 the leaf, 1 a parent level, 2 only the
   * department): a one-character query (领, 金) and the closest fallback look characters up here instead of
   * scanning every document's names (about 1 ms a character at 10k documents).
   */
  get nameChars(): Map<string, number[]> {
    return (this.nameCharsCache ??= runSteps(this.nameCharsSteps()));
  }

  private *nameCharsSteps(): Steps<Map<string, number[]>> {
    const map = new Map<string, number[]>();
    const where = new Map<string, number>();
    yield* forEachInSteps(this.docs, STEP, (_doc, d) => {
      const t = this.docNorm(d);
      where.clear();
      // The leaf wins over a parent level, a parent level over the department.
      for (const ch of codePoints(t.dept)) where.set(ch, 2);
      for (const ch of codePoints(t.parents)) where.set(ch, 1);
      for (const ch of codePoints(t.leaf)) where.set(ch, 0);
      for (const [ch, w] of where) if (isHanCode(ch.codePointAt(0)!)) push(map, ch, d * 4 + w);
    });
    return map;
  }

  get vocabPinyin(): VocabPinyin {
    return (this.vocabPinyinCache ??= VocabPinyin.of(this.vocab.map((v) => v.syllables)));
  }

  /** Corpus bigrams by their pinyin and initials: the fallback lexicon for pinyin and homophone correction. */
  get bigramLex(): { full: Map<string, string[]>; init: Map<string, string[]> } {
    return (this.bigramLexCache ??= runSteps(this.bigramLexSteps()));
  }

  private *bigramLexSteps(): Steps<{ full: Map<string, string[]>; init: Map<string, string[]> }> {
    const full = new Map<string, string[]>();
    const init = new Map<string, string[]>();
    yield* forEachInSteps(this.short.terms, STEP * 5, (term) => {
      const chars = codePoints(term);
      if (chars.length !== 2 || !isHanCode(term.codePointAt(0)!)) return;
      const seenInit = new Set<string>();
      for (const v of this.table.variants(chars, 6)) {
        push(full, v.join(''), term);
        const i = v[0]![0]! + v[1]![0]!;
        if (!seenInit.has(i)) {
          seenInit.add(i);
          push(init, i, term);
        }
      }
    });
    return { full, init };
  }

  private get vocabBigrams(): Map<string, number[]> {
    return (this.vocabBigramsCache ??= runSteps(this.vocabBigramsSteps()));
  }

  private *vocabBigramsSteps(): Steps<Map<string, number[]>> {
    const map = new Map<string, number[]>();
    yield* forEachInSteps(this.vocab, STEP, (v, id) => {
      const c = codePoints(v.norm);
      const seen = new Set<string>();
      for (let i = 0; i + 1 < c.length; i++) seen.add(c[i]! + c[i + 1]!);
      for (let i = 0; i + 2 < c.length; i++) seen.add(c[i]! + GAP + c[i + 2]!);
      for (const k of seen) push(map, k, id);
    });
    return map;
  }

  docNorm(d: number): { leaf: string; parents: string; dept: string; domain: string } {
    let v = this.docNormCache[d];
    if (!v) {
      const doc = this.docs[d]!;
      v = {
        leaf: normalizeText(doc.leaf),
        parents: normalizeText(doc.parents.join(' ')),
        dept: normalizeText(doc.dept),
        domain: normalizeText(doc.domain),
      };
      this.docNormCache[d] = v;
    }
    return v;
  }

  /** The title normalised character by character, with a map back to offsets in the original title. */
  titleNorm(d: number): { text: string; map: number[] } {
    let t = this.titleNormCache.get(d);
    if (!t) {
      const title = this.docs[d]!.title;
      let text = '';
      const map: number[] = [];
      let offset = 0;
      for (const ch of title) {
        const n = normalizeText(ch);
        for (let k = 0; k < n.length; k++) map.push(offset);
        text += n;
        offset += ch.length;
      }
      map.push(offset);
      t = { text, map };
      if (this.titleNormCache.size > 5000) this.titleNormCache.clear();
      this.titleNormCache.set(d, t);
    }
    return t;
  }

  exists(token: string): boolean {
    return this.short.has(token) || this.body.has(token);
  }

  /** Whether every bigram of a Han string occurs in the short fields. */
  inCorpus(s: string): boolean {
    const c = codePoints(s);
    if (c.length < 2) return false;
    for (let i = 0; i + 1 < c.length; i++) if (!this.short.has(c[i]! + c[i + 1]!)) return false;
    return true;
  }

  isTerm(s: string): boolean {
    return this.vocabByNorm.has(s) || this.names.has(s);
  }

  /**
   * Vocabulary terms (or a stretch of one) within one wrong character of the input: 居往证 → 居住证 (inside
   * 居住证办理), 户口迁多 → 户口迁移. Candidates come from shared bigrams and "gapped" pairs (居_证), which survive a
   * wrong middle character. Inputs of six characters or more may have two wrong, unless `oneEdit`.
   */
  nearTerms(chars: string[], oneEdit = false): string[] {
    const counts = new Map<number, number>();
    const keys = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!);
    const distinctBigrams = keys.size;
    for (let i = 0; i + 2 < chars.length; i++) keys.add(chars[i]! + GAP + chars[i + 2]!);
    for (const k of keys)
      for (const id of this.vocabBigrams.get(k) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const maxDist = chars.length >= 6 && !oneEdit ? 2 : 1;
    // The q-gram lemma: one edit breaks at most two bigrams, so a term (or a stretch of one) within maxDist edits
    // shares at least distinctBigrams − 2·maxDist of the input's bigrams. Terms sharing fewer (居民 alone of
    // 城乡居民基本养老保剑) cannot match and skip the edit distance: most of the cost on long inputs.
    const minShared = distinctBigrams - 2 * maxDist;
    const found = new Map<string, { d: number; n: number }>();
    const note = (t: string, d: number, n: number) => {
      const prev = found.get(t);
      if (!prev || d < prev.d || (d === prev.d && n > prev.n)) found.set(t, { d, n });
    };
    for (const [id, shared] of counts) {
      if (shared < minShared) continue;
      const v = this.vocab[id]!;
      const term = codePoints(v.norm);
      const d = editDistance(chars, term, maxDist);
      if (d <= maxDist) note(v.norm, d, v.n);
      // A stretch of a longer term with substituted characters only; never one across punctuation (艾滋病、 of
      // 艾滋病、梅毒和乙肝母婴传播 for 艾滋病走: a correction is a text to search for, and 、 is none).
      for (let s = 0; s + chars.length <= term.length && term.length > chars.length; s++) {
        let miss = 0;
        for (let k = 0; k < chars.length && miss <= maxDist; k++) if (term[s + k] !== chars[k]) miss++;
        if (miss < 1 || miss > maxDist || miss >= chars.length / 2) continue;
        const stretch = term.slice(s, s + chars.length);
        if (!stretch.every((ch) => isHanCode(ch.codePointAt(0)!))) continue;
        note(stretch.join(''), miss, v.n);
      }
    }
    return [...found.entries()]
      .sort((a, b) => a[1].d - b[1].d || b[1].n - a[1].n)
      .slice(0, 3)
      .map(([t]) => t);
  }
}
