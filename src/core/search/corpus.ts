// What the engine knows about one bundle: its documents, the inverted indexes, the vocabulary with its pinyin, the
// synonym table, department and domain names. Every stage (understanding, retrieval, ranking, suggestions) reads
// it; none changes it. Tables a session may never need are built on first use.
import type { BundleData } from '../bundle/schema.ts';
import { collectDocs, docsHash, type SearchDoc } from './docs.ts';
import { SearchIndexFileSchema, type SearchIndexFile } from './format.ts';
import { PinyinTable, push, VocabPinyin } from './pinyin.ts';
import { editDistance } from './query.ts';
import { InvertedIndex } from './structures.ts';
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

export class Corpus {
  readonly docCount: number;
  readonly docs: SearchDoc[];
  readonly short: InvertedIndex;
  readonly body: InvertedIndex;
  readonly table: PinyinTable;
  readonly vocab: VocabEntry[];
  readonly vocabByNorm = new Map<string, number>();
  /** Colloquial term → official terms: the built-in lexicon carried by the index, then the district's table. */
  readonly synonyms = new Map<string, string[]>();
  readonly maxSynonym: number;
  /** English name (lower case, single spaces) → official terms, from the lexicon's `en` column. */
  readonly english = new Map<string, string[]>();
  /** Normalised department name or alias → all normalised names of that department. */
  readonly deptNames = new Map<string, string[]>();
  readonly domains = new Set<string>();
  /** Normalised name → documents that carry it (leaf, title or parent). */
  readonly names = new Map<string, Array<[number, number]>>();

  private vocabPinyinCache: VocabPinyin | null = null;
  private bigramLexCache: { full: Map<string, string[]>; init: Map<string, string[]> } | null = null;
  private vocabBigramsCache: Map<string, number[]> | null = null;
  private docNormCache: Array<{ leaf: string; parents: string; dept: string; domain: string } | undefined> =
    [];
  private titleNormCache = new Map<number, { text: string; map: number[] }>();

  constructor(data: BundleData) {
    const parsed = SearchIndexFileSchema.safeParse(data.searchIndex);
    if (!parsed.success) {
      const v = (data.searchIndex as { v?: unknown } | null)?.v;
      throw new Error(
        v !== undefined && v !== 1
          ? `search index: version ${String(v)} is not supported (expected 1)`
          : `search index: missing or malformed (${parsed.error.issues[0]?.message ?? 'unknown'})`,
      );
    }
    const index: SearchIndexFile = parsed.data;
    this.docs = collectDocs(data);
    this.docCount = this.docs.length;
    const d = index.docs;
    if (
      d.items !== data.catalogue.length ||
      d.guides !== data.guides.length ||
      d.interpretations !== data.interpretations.length ||
      d.hash !== docsHash(this.docs)
    ) {
      throw new Error('search index: built for different documents than the bundle holds');
    }
    this.short = new InvertedIndex(index.short, true);
    this.body = new InvertedIndex(index.body, false);
    this.table = new PinyinTable(index.chars);
    this.vocab = index.vocab.text.map((text, i) => ({
      text,
      norm: squash(text),
      syllables: (index.vocab.py[i] ?? '').split(' ').filter(Boolean),
      kind: index.vocab.kind[i] ?? 0,
      n: index.vocab.n[i] ?? 1,
    }));
    this.vocab.forEach((v, i) => {
      if (!this.vocabByNorm.has(v.norm)) this.vocabByNorm.set(v.norm, i);
    });
    let maxSyn = 0;
    const addSynonyms = (rows: ReadonlyArray<{ term: string; official: readonly string[] }>) => {
      // A later table replaces an earlier one's entry for the same term: the district overrides the lexicon.
      const seen = new Set<string>();
      for (const s of rows) {
        const term = squash(s.term);
        const official = s.official.map(squash).filter(Boolean);
        if (!term || !official.length) continue;
        const prev = seen.has(term) ? (this.synonyms.get(term) ?? []) : [];
        seen.add(term);
        this.synonyms.set(term, [...new Set([...prev, ...official])]);
        maxSyn = Math.max(maxSyn, codePoints(term).length);
      }
    };
    if (index.lexicon) {
      addSynonyms(index.lexicon.terms);
      for (const e of index.lexicon.en) this.english.set(e.term, e.official.map(squash));
    }
    addSynonyms(data.synonyms);
    this.maxSynonym = maxSyn;
    for (const dep of data.departments) {
      const all = [dep.name, ...dep.aliases].map(squash).filter((n) => n.length >= 2);
      for (const n of all) this.deptNames.set(n, all);
    }
    for (const doc of this.docs) this.domains.add(normalizeText(doc.domain));
    this.docs.forEach((doc, i) => {
      const add = (s: string, kind: number) => push(this.names, squash(s), [i, kind] as [number, number]);
      add(doc.leaf, NAME_LEAF);
      if (doc.type === 'item' && doc.parents.length) add(doc.title, NAME_TITLE);
      for (const p of doc.parents) add(p, NAME_PARENT);
    });
  }

  warm(): void {
    void this.vocabPinyin;
    void this.bigramLex;
    void this.vocabBigrams;
  }

  get vocabPinyin(): VocabPinyin {
    return (this.vocabPinyinCache ??= new VocabPinyin(this.vocab.map((v) => v.syllables)));
  }

  /** Corpus bigrams by their pinyin and initials: the fallback lexicon for pinyin and homophone correction. */
  get bigramLex(): { full: Map<string, string[]>; init: Map<string, string[]> } {
    if (this.bigramLexCache) return this.bigramLexCache;
    const full = new Map<string, string[]>();
    const init = new Map<string, string[]>();
    for (const term of this.short.terms) {
      const chars = codePoints(term);
      if (chars.length !== 2 || !isHanCode(term.codePointAt(0)!)) continue;
      const seenInit = new Set<string>();
      for (const v of this.table.variants(chars, 6)) {
        push(full, v.join(''), term);
        const i = v[0]![0]! + v[1]![0]!;
        if (!seenInit.has(i)) {
          seenInit.add(i);
          push(init, i, term);
        }
      }
    }
    return (this.bigramLexCache = { full, init });
  }

  private get vocabBigrams(): Map<string, number[]> {
    if (this.vocabBigramsCache) return this.vocabBigramsCache;
    const map = new Map<string, number[]>();
    this.vocab.forEach((v, id) => {
      const c = codePoints(v.norm);
      const seen = new Set<string>();
      for (let i = 0; i + 1 < c.length; i++) seen.add(c[i]! + c[i + 1]!);
      for (let i = 0; i + 2 < c.length; i++) seen.add(c[i]! + GAP + c[i + 2]!);
      for (const k of seen) push(map, k, id);
    });
    return (this.vocabBigramsCache = map);
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
   * wrong middle character.
   */
  nearTerms(chars: string[]): string[] {
    const counts = new Map<number, number>();
    const keys = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!);
    for (let i = 0; i + 2 < chars.length; i++) keys.add(chars[i]! + GAP + chars[i + 2]!);
    for (const k of keys)
      for (const id of this.vocabBigrams.get(k) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const maxDist = chars.length >= 6 ? 2 : 1;
    const found = new Map<string, { d: number; n: number }>();
    const note = (t: string, d: number, n: number) => {
      const prev = found.get(t);
      if (!prev || d < prev.d || (d === prev.d && n > prev.n)) found.set(t, { d, n });
    };
    for (const [id] of counts) {
      const v = this.vocab[id]!;
      const term = codePoints(v.norm);
      const d = editDistance(chars, term, maxDist);
      if (d <= maxDist) note(v.norm, d, v.n);
      // A stretch of a longer term with substituted characters only.
      for (let s = 0; s + chars.length <= term.length && term.length > chars.length; s++) {
        let miss = 0;
        for (let k = 0; k < chars.length && miss <= maxDist; k++) if (term[s + k] !== chars[k]) miss++;
        if (miss >= 1 && miss <= maxDist && miss < chars.length / 2)
          note(term.slice(s, s + chars.length).join(''), miss, v.n);
      }
    }
    return [...found.entries()]
      .sort((a, b) => a[1].d - b[1].d || b[1].n - a[1].n)
      .slice(0, 3)
      .map(([t]) => t);
  }
}
