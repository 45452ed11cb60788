// The search engine the kiosk (in a Web Worker) and the CLI share. It never imports pinyin-pro: every reading it
// needs comes precomputed in the bundle's search index, so the kiosk bundle stays small and cold start stays fast.
//
// A query is rewritten into "concepts" (what the visitor asks about), each with alternative Chinese strings
// (the typed text, synonym-table official terms, vocabulary terms its pinyin spells, a homophone correction).
// Documents are scored by weighted bigram coverage of each concept over short fields, combined as a soft AND,
// then the best candidates are re-ranked with exact-name, title and intent bonuses.
import Fuse from 'fuse.js';
import type { BundleData } from '../bundle/schema.ts';
import {
  BODY_BIT,
  BODY_WEIGHT,
  collectDocs,
  docsHash,
  FIELD_WEIGHTS,
  type DocType,
  type SearchDoc,
} from './docs.ts';
import { SearchIndexFileSchema, VOCAB_KIND, type SearchIndexFile } from './format.ts';
import { PinyinTable, push, VocabPinyin, type VocabHit } from './pinyin.ts';
import {
  detectIntent,
  editDistance,
  splitPieces,
  stripQuestionWords,
  WEAK_WORDS,
  type Intent,
} from './query.ts';
import { codePoints, isHanCode, normalizeText, splitRuns, type Run } from './text.ts';
import { decodeInts } from './varint.ts';

export interface SearchOptions {
  /** Maximum number of results (default 20). */
  limit?: number;
}

export interface SearchResult {
  type: DocType;
  id: string;
  /** For an item: its level names joined by a space (最低生活保障 审核信息); else the guide's or interpretation's title. */
  title: string;
  domain: string;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  score: number;
  /** An interpretation of a policy that was amended or repealed (the UI marks it). */
  validity?: SearchDoc['validity'];
  /** Matched parts of `title` as [start, end) UTF-16 offsets, sorted and disjoint, for the UI to mark. */
  highlights: Array<[number, number]>;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Number of matching documents before the limit. */
  total: number;
  /** Suggestions when results are few or none, and the corrected form when a typo was corrected. */
  didYouMean: string[];
  /** The query as the engine understood it, one entry per concept: `~` marks a weak word, `|` separates alternatives. */
  rewritten: string[];
}

export interface SearchEngine {
  search(query: string, opts?: SearchOptions): SearchResponse;
  /**
   * Builds the tables that are otherwise built on first need (pinyin blobs, corpus lexicon, fuzzy index), so the
   * first pinyin or typo query of a session is as fast as the rest. Call it when idle after loading.
   */
  warm(): void;
  readonly docCount: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Index access

interface Postings {
  docs: Int32Array;
  masks: Uint8Array;
}

/** Weight of a posting by its field mask: the best field it occurs in. */
const MASK_WEIGHT = new Float32Array(256);
for (let m = 1; m < 256; m++) {
  let w = 0;
  for (let b = 0; b < 8; b++) {
    if (!(m & (1 << b))) continue;
    w = Math.max(w, b === BODY_BIT ? BODY_WEIGHT : (FIELD_WEIGHTS[b] ?? 0));
  }
  MASK_WEIGHT[m] = w;
}

class InvertedIndex {
  private readonly ids = new Map<string, number>();
  private readonly raw: string[];
  private readonly cache: (Postings | undefined)[];
  readonly terms: string[];

  constructor(
    idx: { terms: string; postings: string },
    private readonly pairs: boolean,
  ) {
    this.terms = idx.terms ? idx.terms.split(' ') : [];
    this.raw = idx.postings ? idx.postings.split(' ') : [];
    if (this.raw.length !== this.terms.length)
      throw new Error('search index: terms and postings differ in length');
    this.terms.forEach((t, i) => this.ids.set(t, i));
    this.cache = new Array(this.terms.length);
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** Decoded on first use and kept: a kiosk session touches a small share of the index. */
  get(term: string): Postings | null {
    const i = this.ids.get(term);
    if (i === undefined) return null;
    let p = this.cache[i];
    if (!p) {
      const ints = decodeInts(this.raw[i]!);
      const step = this.pairs ? 2 : 1;
      const n = ints.length / step;
      p = { docs: new Int32Array(n), masks: new Uint8Array(n) };
      let doc = 0;
      for (let k = 0; k < n; k++) {
        doc += ints[k * step]!;
        p.docs[k] = doc;
        p.masks[k] = this.pairs ? ints[k * step + 1]! : 1 << BODY_BIT;
      }
      this.cache[i] = p;
    }
    return p;
  }

  df(term: string): number {
    return this.get(term)?.docs.length ?? 0;
  }
}

/** A sparse float accumulator over documents, reset in O(touched) by a generation stamp. */
class Acc {
  readonly vals: Float32Array;
  private readonly stamp: Int32Array;
  private gen = 1;
  readonly list: Int32Array;
  size = 0;

  constructor(n: number) {
    this.vals = new Float32Array(n);
    this.stamp = new Int32Array(n);
    this.list = new Int32Array(n);
  }

  reset(): void {
    this.gen++;
    this.size = 0;
  }

  private touch(d: number): void {
    if (this.stamp[d] !== this.gen) {
      this.stamp[d] = this.gen;
      this.vals[d] = 0;
      this.list[this.size++] = d;
    }
  }

  add(d: number, v: number): void {
    this.touch(d);
    this.vals[d] = this.vals[d]! + v;
  }

  max(d: number, v: number): void {
    this.touch(d);
    if (v > this.vals[d]!) this.vals[d] = v;
  }

  get(d: number): number {
    return this.stamp[d] === this.gen ? this.vals[d]! : 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Query plan

type Via = 'query' | 'synonym' | 'pinyin' | 'initials' | 'homophone' | 'fuzzy' | 'lexicon';

interface Alt {
  text: string;
  weight: number;
  via: Via;
}

interface Concept {
  source: string;
  alts: Alt[];
  weight: number;
  weak: boolean;
  /** Normalised names of departments the concept names (民政局), for the department bonus. */
  depts: string[];
  /** A domain the concept names exactly. */
  domain: string | null;
  active: boolean;
}

interface Plan {
  concepts: Concept[];
  intent: Intent;
  /** The normalised query without spaces, for whole-query exact-name matching. */
  whole: string;
  corrections: string[];
}

const WEAK_WEIGHT = 0.3;
const EXACT_LEAF = 60;
const EXACT_TITLE = 55;
const EXACT_PARENT = 30;
const EXACT_WHOLE = 70;
const TITLE_COVER = 12;
const INTENT_BONUS = 8;
const DEPT_BONUS = 20;
const DOMAIN_BONUS = 10;
/** Less than an exact name's bonus, more than what usually separates two documents on one topic. */
const REPEALED_PENALTY = 30;
const MAX_ALTS = 6;
/** Joins a gapped character pair (居_证) in the fuzzy vocabulary index; never occurs in text. */
const GAP = '\u0000';

const NAME_LEAF = 0;
const NAME_TITLE = 1;
const NAME_PARENT = 2;

interface VocabEntry {
  text: string;
  norm: string;
  syllables: string[];
  kind: number;
  n: number;
}

function isLatin(s: string): boolean {
  return /[a-z]/.test(s);
}

class Engine implements SearchEngine {
  readonly docCount: number;
  private readonly docs: SearchDoc[];
  private readonly short: InvertedIndex;
  private readonly body: InvertedIndex;
  private readonly table: PinyinTable;
  private readonly vocab: VocabEntry[];
  private readonly vocabByNorm = new Map<string, number>();
  private readonly synonyms = new Map<string, string[]>();
  private readonly maxSynonym: number;
  /** Normalised department name or alias → all normalised names of that department. */
  private readonly deptNames = new Map<string, string[]>();
  private readonly domains = new Set<string>();
  /** Normalised name → documents that carry it (leaf, title or parent). */
  private readonly names = new Map<string, Array<[number, number]>>();
  private readonly acc: Acc;
  private readonly altAcc: Acc;
  private readonly bodyAcc: Acc;
  private readonly conceptAcc: Acc;

  // Built on first need: a kiosk that never sees pinyin or a typo never pays for them.
  private vocabPinyinCache: VocabPinyin | null = null;
  private bigramLexCache: { full: Map<string, string[]>; init: Map<string, string[]> } | null = null;
  private vocabBigramsCache: Map<string, number[]> | null = null;
  private readonly fuseCache = new Map<string, Fuse<{ t: string; p: string }>>();
  private vocabCharsCache: Map<string, number[]> | null = null;
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
      norm: normalizeText(text).replace(/\s+/g, ''),
      syllables: (index.vocab.py[i] ?? '').split(' ').filter(Boolean),
      kind: index.vocab.kind[i] ?? 0,
      n: index.vocab.n[i] ?? 1,
    }));
    this.vocab.forEach((v, i) => {
      if (!this.vocabByNorm.has(v.norm)) this.vocabByNorm.set(v.norm, i);
    });
    let maxSyn = 0;
    for (const s of data.synonyms) {
      const term = normalizeText(s.term).replace(/\s+/g, '');
      const official = s.official.map((o) => normalizeText(o).replace(/\s+/g, ''));
      this.synonyms.set(term, [...new Set([...(this.synonyms.get(term) ?? []), ...official])]);
      maxSyn = Math.max(maxSyn, codePoints(term).length);
    }
    this.maxSynonym = maxSyn;
    for (const dep of data.departments) {
      const all = [dep.name, ...dep.aliases]
        .map((n) => normalizeText(n).replace(/\s+/g, ''))
        .filter((n) => n.length >= 2);
      for (const n of all) this.deptNames.set(n, all);
    }
    for (const doc of this.docs) this.domains.add(normalizeText(doc.domain));
    this.docs.forEach((doc, i) => {
      const add = (s: string, kind: number) =>
        push(this.names, normalizeText(s).replace(/\s+/g, ''), [i, kind] as [number, number]);
      add(doc.leaf, NAME_LEAF);
      if (doc.type === 'item' && doc.parents.length) add(doc.title, NAME_TITLE);
      for (const p of doc.parents) add(p, NAME_PARENT);
    });
    const n = this.docCount;
    this.acc = new Acc(n);
    this.altAcc = new Acc(n);
    this.bodyAcc = new Acc(n);
    this.conceptAcc = new Acc(n);
  }

  warm(): void {
    void this.vocabPinyin;
    void this.bigramLex;
    void this.vocabBigrams;
  }

  // --- lazily built helpers ------------------------------------------------------------------------------------

  private get vocabPinyin(): VocabPinyin {
    return (this.vocabPinyinCache ??= new VocabPinyin(this.vocab.map((v) => v.syllables)));
  }

  /** Corpus bigrams by their pinyin and initials: the fallback lexicon for pinyin and homophone correction. */
  private get bigramLex(): { full: Map<string, string[]>; init: Map<string, string[]> } {
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

  /**
   * fuse.js over the vocabulary for did-you-mean. For Chinese input it runs over the terms sharing a character with
   * the query (a few hundred at most), built per call: a full scan of every term costs milliseconds at 10k
   * documents. Pinyin input uses one instance over all terms' pinyin.
   */
  private fuzzyVocab(query: string): string[] {
    const entry = (v: VocabEntry) => ({ t: v.text, p: v.syllables.join('') });
    const usable = (v: VocabEntry) => v.kind !== VOCAB_KIND.official;
    if (isLatin(query)) {
      let f = this.fuseCache.get('p');
      if (!f) {
        f = new Fuse(this.vocab.filter(usable).map(entry), {
          keys: ['p'],
          threshold: 0.34,
          ignoreLocation: true,
        });
        this.fuseCache.set('p', f);
      }
      return f.search(query, { limit: 5 }).map((r) => r.item.t);
    }
    if (!this.vocabCharsCache) {
      const map = new Map<string, number[]>();
      this.vocab.forEach((v, id) => {
        if (usable(v)) for (const ch of new Set(codePoints(v.norm))) push(map, ch, id);
      });
      this.vocabCharsCache = map;
    }
    const ids = new Set<number>();
    for (const ch of new Set(codePoints(query)))
      for (const id of this.vocabCharsCache.get(ch) ?? []) ids.add(id);
    const list = [...ids]
      .sort((a, b) => this.vocab[b]!.n - this.vocab[a]!.n)
      .slice(0, 400)
      .map((id) => entry(this.vocab[id]!));
    const f = new Fuse(list, { keys: ['t'], threshold: 0.34, ignoreLocation: true });
    return f.search(query, { limit: 5 }).map((r) => r.item.t);
  }

  private docNorm(d: number): { leaf: string; parents: string; dept: string; domain: string } {
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
  private titleNorm(d: number): { text: string; map: number[] } {
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

  private exists(token: string): boolean {
    return this.short.has(token) || this.body.has(token);
  }

  /** Whether every bigram of a Han string occurs in the short fields. */
  private inCorpus(s: string): boolean {
    const c = codePoints(s);
    if (c.length < 2) return false;
    for (let i = 0; i + 1 < c.length; i++) if (!this.short.has(c[i]! + c[i + 1]!)) return false;
    return true;
  }

  private isTerm(s: string): boolean {
    return this.vocabByNorm.has(s) || this.names.has(s);
  }

  // --- query rewriting -------------------------------------------------------------------------------------------

  private newConcept(source: string, alts: Alt[], weak = false): Concept {
    const c: Concept = {
      source,
      alts: [],
      weight: weak ? WEAK_WEIGHT : 1,
      weak,
      depts: [],
      domain: null,
      active: false,
    };
    for (const a of alts) this.addAlt(c, a);
    return c;
  }

  /** Adds an alternative, expanding a synonym-table term into its official terms and noting departments. */
  private addAlt(c: Concept, alt: Alt): void {
    if (!alt.text || c.alts.length >= MAX_ALTS * 2) return;
    const prev = c.alts.find((a) => a.text === alt.text);
    if (prev) {
      prev.weight = Math.max(prev.weight, alt.weight);
      return;
    }
    c.alts.push(alt);
    const official = this.synonyms.get(alt.text);
    if (official) {
      // A synonym term that is itself a catalogue name (工伤认定 → 工伤保险) was typed for what it names; the
      // broader official term only widens the net. A colloquial term (低保) stands fully for its official terms.
      // A term the bundle itself uses (家庭医生) keeps its literal matches ahead of the expansion.
      const w = alt.weight * (this.names.has(alt.text) ? 0.6 : this.inCorpus(alt.text) ? 0.85 : 1);
      for (const o of official) this.addAlt(c, { text: o, weight: w, via: 'synonym' });
    }
    const dept = this.deptNames.get(alt.text);
    if (dept) c.depts.push(...dept);
    if (this.domains.has(alt.text)) c.domain = alt.text;
  }

  private plan(query: string): Plan {
    const norm = normalizeText(query).trim();
    const runs = splitRuns(norm);
    const plan: Plan = {
      concepts: [],
      intent: null,
      whole: runs.map((r) => r.chars.join('')).join(''),
      corrections: [],
    };
    if (!runs.length) return plan;
    // 居住证办理 names an item; its 办理 does not ask for a guide.
    if (!this.names.has(plan.whole)) plan.intent = detectIntent(norm);
    if (runs.some((r) => r.kind === 'ascii' && isLatin(r.chars.join('')))) {
      // Pinyin, initials or mixed script: first read the whole query as one vocabulary term (hukou迁移 → 户口迁移).
      const whole = this.wholePinyin(runs);
      if (whole) {
        plan.concepts.push(whole);
        return plan;
      }
    }
    for (const run of runs) {
      if (run.kind === 'han') this.hanConcepts(run.chars.join(''), plan);
      else this.latinConcepts(run.chars.join(''), plan);
    }
    // A query made only of weak words (申请材料) means them.
    if (plan.concepts.length && plan.concepts.every((c) => c.weak))
      for (const c of plan.concepts) c.weight = 1;
    return plan;
  }

  /** Reads a query with Latin letters as pinyin (or initials) of one vocabulary term. */
  private wholePinyin(runs: Run[]): Concept | null {
    const hasHan = runs.some((r) => r.kind === 'han');
    const chars = runs.flatMap((r) => r.chars);
    if (chars.length < 2) return null;
    const source = chars.join('');
    let hits: VocabHit[] = [];
    let via: Via = 'pinyin';
    if (hasHan) {
      for (const v of this.table.variants(chars, 4))
        hits.push(...this.vocabPinyin.searchFull(v.join(''), false));
    } else if (this.table.split(source)) {
      hits = this.vocabPinyin.searchFull(source, true);
    } else if (/^[a-z]+$/.test(source)) {
      hits = this.vocabPinyin.searchInitials(source);
      via = 'initials';
    }
    const chosen = this.chooseHits(hits, source.length);
    if (!chosen.length) return null;
    const c = this.newConcept(source, []);
    for (const h of chosen)
      this.addAlt(c, {
        text: this.vocab[h.id]!.norm,
        weight: h.quality * (via === 'initials' ? 0.95 : 1),
        via,
      });
    return c;
  }

  /** Keeps the best class of vocabulary hits; weak partial matches of short input are noise, not answers. */
  private chooseHits(hits: VocabHit[], queryLength: number): VocabHit[] {
    const useful = hits.filter(
      (h) => h.quality >= 0.8 || (h.quality >= 0.75 && (h.cover >= 0.5 || queryLength >= 6)),
    );
    if (!useful.length) return [];
    useful.sort(
      (a, b) =>
        b.quality - a.quality ||
        b.cover - a.cover ||
        this.vocab[b.id]!.n - this.vocab[a.id]!.n ||
        this.vocab[a.id]!.norm.length - this.vocab[b.id]!.norm.length,
    );
    const top = useful[0]!;
    return useful.filter((h) => h.quality === top.quality && h.cover >= top.cover - 0.25).slice(0, MAX_ALTS);
  }

  private latinConcepts(text: string, plan: Plan): void {
    if (!isLatin(text) || this.short.has(text)) {
      // Digits and known ASCII words (12345, ic) are searched as written.
      plan.concepts.push(this.newConcept(text, [{ text, weight: 1, via: 'query' }]));
      if (!isLatin(text)) return;
    }
    const whole = this.wholePinyin([{ kind: 'ascii', chars: codePoints(text), start: 0 }]);
    if (whole) {
      plan.concepts.push(whole);
      return;
    }
    plan.concepts.push(...this.segmentLatin(text));
  }

  /**
   * Segments letters into vocabulary terms and corpus words by pinyin or initials, fewest pieces first:
   * dibaoshenqing → 低保 + 申请, dbsq → 低保 + 申请.
   */
  private segmentLatin(letters: string): Concept[] {
    const n = letters.length;
    const vp = this.vocabPinyin;
    const lex = this.bigramLex;
    type Step = { cost: number; from: number; alts: Alt[] | null };
    const best: (Step | null)[] = new Array(n + 1).fill(null);
    best[0] = { cost: 0, from: -1, alts: null };
    for (let i = 0; i < n; i++) {
      const cur = best[i];
      if (!cur) continue;
      const relax = (j: number, cost: number, alts: Alt[] | null) => {
        const total = cur.cost + cost;
        const prev = best[j];
        if (!prev || total < prev.cost) best[j] = { cost: total, from: i, alts };
      };
      relax(i + 1, 3, null); // skip a letter that fits nothing
      for (let j = i + 2; j <= Math.min(n, i + 30); j++) {
        const s = letters.slice(i, j);
        const fv = vp.fullKey.get(s);
        if (fv) relax(j, 1, this.vocabAlts(fv, 'pinyin'));
        const iv = j - i <= 8 ? vp.initKey.get(s) : undefined;
        if (iv) relax(j, 1.3, this.vocabAlts(iv, 'initials'));
        const fb = j - i <= 12 ? lex.full.get(s) : undefined;
        if (fb) relax(j, 1.6, this.lexAlts(fb));
        const ib = j - i === 2 ? lex.init.get(s) : undefined;
        if (ib) relax(j, 2.2, this.lexAlts(ib));
      }
    }
    const pieces: Array<{ source: string; alts: Alt[] }> = [];
    for (let j = n; j > 0;) {
      const step = best[j]!;
      if (step.alts) pieces.unshift({ source: letters.slice(step.from, j), alts: step.alts });
      j = step.from;
    }
    return pieces.map((p) => {
      const weak = p.alts.length > 0 && WEAK_WORDS.has(p.alts[0]!.text);
      return this.newConcept(p.source, p.alts, weak);
    });
  }

  private vocabAlts(ids: number[], via: Via): Alt[] {
    return [...ids]
      .sort((a, b) => this.vocab[b]!.n - this.vocab[a]!.n)
      .slice(0, MAX_ALTS)
      .map((id) => ({ text: this.vocab[id]!.norm, weight: via === 'initials' ? 0.95 : 1, via }));
  }

  /** Corpus words for a pinyin piece, most frequent first (申请 before 申情). */
  private lexAlts(words: string[]): Alt[] {
    return words
      .map((w) => ({ w, df: this.short.df(w) }))
      .sort((a, b) => b.df - a.df)
      .slice(0, 4)
      .map((x, i) => ({ text: x.w, weight: Math.max(0.6, 0.9 - i * 0.1), via: 'lexicon' as const }));
  }

  private hanConcepts(run: string, plan: Plan): void {
    for (const segment of stripQuestionWords(run, (s) => this.synonyms.has(s) || this.isTerm(s))) {
      // A typo can break a name into a synonym term plus debris (工伤认订 → 工伤 + 认订): try to correct the
      // whole segment first, and split it into pieces only if that fails.
      if (!this.names.has(segment) && !this.synonyms.has(segment) && codePoints(segment).length >= 3) {
        const whole = this.newConcept(segment, [{ text: segment, weight: 1, via: 'query' }]);
        const corrections: string[] = [];
        if (this.correctTypos(whole, corrections, true)) {
          plan.corrections.push(...corrections);
          plan.concepts.push(whole);
          continue;
        }
      }
      const pieces = splitPieces(segment, this.synonyms, this.maxSynonym, (s) => this.isTerm(s));
      for (const piece of pieces) {
        const c = this.newConcept(piece.text, [{ text: piece.text, weight: 1, via: 'query' }], !!piece.weak);
        if (!piece.official && !piece.weak) this.correctTypos(c, plan.corrections, false);
        plan.concepts.push(c);
      }
    }
  }

  /**
   * Homophone and one-character typos, only for text with a bigram found nowhere in the bundle. With `strict`,
   * only a correction into a complete known term counts (used on a whole segment before splitting it).
   * Returns whether a correction was added.
   */
  private correctTypos(c: Concept, corrections: string[], strict: boolean): boolean {
    const text = c.source;
    const chars = codePoints(text);
    if (chars.length < 2 || !this.missingCount(chars)) return false;
    const before = c.alts.length;
    // 1. The text read aloud is a vocabulary term (低宝 → dibao → 低保; 户口签移 → 户口迁移).
    const vp = this.vocabPinyin;
    for (const v of this.table.variants(chars, 8)) {
      for (const id of vp.fullKey.get(v.join('')) ?? []) {
        const t = this.vocab[id]!.norm;
        if (t !== text) this.addAlt(c, { text: t, weight: 0.95, via: 'homophone' });
      }
    }
    // 2. Replace missing bigrams by corpus bigrams that sound the same (最低生活保帐 → 保障). A fix that leaves a
    // bigram still unknown is only a partial guess: an edit-distance match to a known term is preferred then.
    let partial: string | null = null;
    if (c.alts.length === before && chars.length >= 3) {
      const fixed = this.homophoneFix(chars);
      if (fixed && this.missingCount(codePoints(fixed)) === 0)
        this.addAlt(c, { text: fixed, weight: 0.9, via: 'homophone' });
      else partial = fixed;
    }
    // 3. One character wrong, not a homophone: the nearest vocabulary term by edit distance.
    if (c.alts.length === before && chars.length >= 3) {
      for (const t of this.nearTerms(chars)) this.addAlt(c, { text: t, weight: 0.8, via: 'fuzzy' });
    }
    if (c.alts.length === before && partial && !strict)
      this.addAlt(c, { text: partial, weight: 0.7, via: 'homophone' });
    for (const a of c.alts.slice(before)) if (a.via !== 'synonym') corrections.push(a.text);
    return c.alts.length > before;
  }

  private missingCount(chars: readonly string[]): number {
    let n = 0;
    for (let i = 0; i + 1 < chars.length; i++) if (!this.exists(chars[i]! + chars[i + 1]!)) n++;
    return n;
  }

  private homophoneFix(input: string[]): string | null {
    const out = [...input];
    const lex = this.bigramLex.full;
    let changed = false;
    for (let i = 0; i + 1 < out.length; i++) {
      if (this.exists(out[i]! + out[i + 1]!)) continue;
      let best: { c: string[]; score: number } | null = null;
      for (const v of this.table.variants([out[i]!, out[i + 1]!], 9)) {
        for (const cand of lex.get(v.join('')) ?? []) {
          const c = codePoints(cand);
          // Same sound must hold character by character, not just for the concatenated letters (fang an ≠ fan gan).
          if (!c.every((ch, k) => this.table.readings(ch).includes(v[k]!))) continue;
          const same = (c[0] === out[i] ? 1 : 0) + (c[1] === out[i + 1] ? 1 : 0);
          if (same === 0 && out.length <= 4) continue; // replacing both characters of a short word is a guess
          const left = i > 0 && this.exists(out[i - 1]! + c[0]!) ? 1 : 0;
          const right = i + 2 < out.length && this.exists(c[1]! + out[i + 2]!) ? 1 : 0;
          const score = same * 2 + (left + right) * 1.5 + Math.log(1 + this.short.df(cand)) / 10;
          if (!best || score > best.score) best = { c, score };
        }
      }
      if (best) {
        out[i] = best.c[0]!;
        out[i + 1] = best.c[1]!;
        changed = true;
      }
    }
    return changed ? out.join('') : null;
  }

  /**
   * Vocabulary terms (or a stretch of one) within one wrong character of the input: 居往证 → 居住证 (inside
   * 居住证办理), 户口迁多 → 户口迁移. Candidates come from shared bigrams and "gapped" pairs (居_证), which survive a
   * wrong middle character.
   */
  private nearTerms(chars: string[]): string[] {
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

  // --- scoring ---------------------------------------------------------------------------------------------------

  /** Tokens of an alternative with their idf; a missing token still counts against coverage. */
  private altTokens(text: string): Array<{ tok: string; idf: number }> {
    const seen = new Set<string>();
    const out: Array<{ tok: string; idf: number; df: number }> = [];
    const n = this.docCount;
    const add = (tok: string) => {
      if (seen.has(tok)) return;
      seen.add(tok);
      const df = this.short.df(tok) || this.body.df(tok);
      out.push({ tok, idf: Math.log(1 + n / (1 + df)), df });
    };
    for (const run of splitRuns(text)) {
      const c = run.chars;
      if (run.kind === 'han') {
        if (c.length === 1) add(c[0]!);
        for (let i = 0; i + 1 < c.length; i++) add(c[i]! + c[i + 1]!);
      } else add(c.join(''));
    }
    // A bigram found nowhere is usually a typo's doing, not the rarest word of the query: it counts against
    // coverage like an average token, so one wrong character cannot sink an otherwise perfect match.
    const present = out.filter((t) => t.df > 0);
    if (present.length && present.length < out.length) {
      const mean = present.reduce((s, t) => s + t.idf, 0) / present.length;
      for (const t of out) if (!t.df) t.idf = mean;
    }
    return out;
  }

  /** Scores one alternative into altAcc (coverage in 0..1); returns whether anything matched. */
  private scoreAlt(alt: Alt, useBody: boolean): boolean {
    const acc = this.altAcc;
    acc.reset();
    const chars = codePoints(alt.text);
    if (chars.length === 1 && isHanCode(alt.text.codePointAt(0)!)) {
      // One character: no bigram to look up, and a single character only means something in a name.
      const ch = alt.text;
      for (let d = 0; d < this.docCount; d++) {
        const t = this.docNorm(d);
        const w = t.leaf.includes(ch) ? 1 : t.parents.includes(ch) ? 0.85 : t.dept.includes(ch) ? 0.6 : 0;
        if (w) acc.add(d, w);
      }
      return acc.size > 0;
    }
    const tokens = this.altTokens(alt.text);
    let total = 0;
    for (const t of tokens) total += t.idf;
    if (!total) return false;
    for (const t of tokens) {
      const p = this.short.get(t.tok);
      if (!p) continue;
      const w = t.idf / total;
      for (let k = 0; k < p.docs.length; k++) acc.add(p.docs[k]!, w * MASK_WEIGHT[p.masks[k]!]!);
    }
    if (useBody) {
      const b = this.bodyAcc;
      b.reset();
      for (const t of tokens) {
        const p = this.body.get(t.tok);
        if (!p) continue;
        const w = (t.idf / total) * BODY_WEIGHT;
        for (let k = 0; k < p.docs.length; k++) b.add(p.docs[k]!, w);
      }
      for (let k = 0; k < b.size; k++) {
        const d = b.list[k]!;
        acc.max(d, b.vals[d]!);
      }
    }
    return acc.size > 0;
  }

  /** Soft AND over concepts: each contributes its best alternative's coverage times its weight. */
  private scorePlan(plan: Plan, useBody: boolean): number {
    const total = this.acc;
    total.reset();
    let activeWeight = 0;
    for (const c of plan.concepts) {
      const cacc = this.conceptAcc;
      cacc.reset();
      for (const alt of c.alts) {
        if (!this.scoreAlt(alt, useBody)) continue;
        const a = this.altAcc;
        for (let k = 0; k < a.size; k++) {
          const d = a.list[k]!;
          cacc.max(d, a.vals[d]! * alt.weight);
        }
      }
      // A concept the bundle knows nothing of (孩子) cannot tell documents apart: leave it out of the sum.
      c.active = cacc.size > 0;
      if (!c.active) continue;
      activeWeight += c.weight;
      for (let k = 0; k < cacc.size; k++) {
        const d = cacc.list[k]!;
        total.add(d, cacc.vals[d]! * c.weight);
      }
    }
    return activeWeight;
  }

  /** Marks the parts of a title that a query alternative matches. */
  /** The strings to mark in titles: every bigram (or lone character, or ASCII word) of an active alternative. */
  private needles(plan: Plan): string[] {
    const out = new Set<string>();
    for (const c of plan.concepts) {
      if (!c.active) continue;
      for (const alt of c.alts) {
        for (const run of splitRuns(alt.text)) {
          const ch = run.chars;
          if (run.kind === 'ascii' || ch.length === 1) out.add(ch.join(''));
          else for (let i = 0; i + 1 < ch.length; i++) out.add(ch[i]! + ch[i + 1]!);
        }
      }
    }
    return [...out];
  }

  /** Marks the parts of a title that a query alternative matches. */
  private highlight(d: number, needles: readonly string[]): Array<[number, number]> {
    const { text, map } = this.titleNorm(d);
    const mark = new Uint8Array(text.length);
    for (const needle of needles) {
      for (let p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1))
        mark.fill(1, p, p + needle.length);
    }
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < mark.length;) {
      if (!mark[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < mark.length && mark[j]) j++;
      ranges.push([map[i]!, map[j]!]);
      i = j;
    }
    return ranges;
  }

  search(query: string, opts: SearchOptions = {}): SearchResponse {
    const limit = Math.max(1, Math.min(opts.limit ?? 20, 500));
    const plan = this.plan(query);
    const response: SearchResponse = { query, results: [], total: 0, didYouMean: [], rewritten: [] };
    if (!plan.concepts.length) return response;

    let activeWeight = this.scorePlan(plan, false);
    const strongEnough = (w: number) => {
      let good = 0;
      for (let k = 0; k < this.acc.size && good < 5; k++)
        if (this.acc.vals[this.acc.list[k]!]! / w >= 0.6) good++;
      return good >= Math.min(limit, 5);
    };
    // Guide and interpretation bodies only when the short fields answer poorly: the common case never reads them.
    if (!activeWeight || !strongEnough(activeWeight)) {
      const w = this.scorePlan(plan, true);
      if (w) activeWeight = w;
    }
    response.rewritten = plan.concepts.map(
      (c) => (c.weak ? '~' : '') + c.alts.map((a) => a.text).join('|') + (c.active ? '' : ' (absent)'),
    );
    if (activeWeight) this.rank(plan, activeWeight, limit, response);
    this.suggest(plan, response);
    return response;
  }

  private rank(plan: Plan, activeWeight: number, limit: number, response: SearchResponse): void {
    const acc = this.acc;
    let best = 0;
    for (let k = 0; k < acc.size; k++) best = Math.max(best, acc.vals[acc.list[k]!]!);
    const minCoverage = Math.max(0.3, (0.4 * best) / activeWeight);
    const keep = Math.max(limit * 3, 60);
    // Bounded selection of the best candidates by coverage (a full sort of 10k hits costs more than the rest).
    const cand: number[] = [];
    let total = 0;
    for (let k = 0; k < acc.size; k++) {
      const d = acc.list[k]!;
      if (acc.vals[d]! / activeWeight >= minCoverage) {
        total++;
        cand.push(d);
      }
    }
    if (cand.length > keep) {
      // The keep-th best coverage by a native numeric sort, then one filtering pass (no comparator calls).
      const values = new Float32Array(cand.length);
      cand.forEach((d, k) => (values[k] = acc.vals[d]!));
      values.sort();
      const cut = values[values.length - keep]!;
      const above = cand.filter((d) => acc.vals[d]! > cut);
      for (const d of cand) if (above.length < keep && acc.vals[d]! === cut) above.push(d);
      cand.length = 0;
      cand.push(...above);
    }
    const inCand = new Set(cand);
    const exact = new Map<number, number>();
    for (const c of plan.concepts) {
      if (!c.active) continue;
      const share = c.weight / activeWeight;
      // Per concept a document takes its best exact match; concepts add up (最低生活保障 + 审核信息).
      const perDoc = new Map<number, number>();
      for (const a of c.alts) {
        for (const [d, kind] of this.names.get(a.text) ?? []) {
          const base = kind === NAME_LEAF ? EXACT_LEAF : kind === NAME_TITLE ? EXACT_TITLE : EXACT_PARENT;
          perDoc.set(d, Math.max(perDoc.get(d) ?? 0, base * share * a.weight));
        }
      }
      for (const [d, b] of perDoc) exact.set(d, (exact.get(d) ?? 0) + b);
    }
    const wholeExact = new Map<number, number>();
    for (const [d, kind] of this.names.get(plan.whole) ?? []) {
      if (kind !== NAME_PARENT) wholeExact.set(d, EXACT_WHOLE);
    }
    // Exact names always reach the re-ranking, however many documents tie on coverage (capped: a generic name
    // like 办事指南 can be shared by hundreds of items, and ties then keep catalogue order).
    let added = 0;
    for (const d of [...wholeExact.keys(), ...exact.keys()]) {
      if (added >= keep) break;
      if (!inCand.has(d) && acc.get(d) > 0) {
        added++;
        inCand.add(d);
        cand.push(d);
        total++;
      }
    }
    const needles = this.needles(plan);
    const depts = plan.concepts.filter((c) => c.active && c.depts.length);
    const domains = plan.concepts.filter((c) => c.active && c.domain);
    const scored = cand.map((d) => {
      const doc = this.docs[d]!;
      const coverage = acc.get(d) / activeWeight;
      let score = coverage * 100 + Math.max(exact.get(d) ?? 0, wholeExact.get(d) ?? 0);
      const highlights = this.highlight(d, needles);
      let marked = 0;
      for (const [a, b] of highlights) marked += b - a;
      score += (TITLE_COVER * marked) / Math.max(1, doc.title.replace(/\s+/g, '').length);
      if (plan.intent && plan.intent === doc.type) score += INTENT_BONUS;
      for (const c of depts) {
        const dn = this.docNorm(d).dept;
        if (c.depts.some((n) => dn.includes(n))) score += (DEPT_BONUS * c.weight) / activeWeight;
      }
      for (const c of domains)
        if (this.docNorm(d).domain === c.domain) score += (DOMAIN_BONUS * c.weight) / activeWeight;
      // A repealed policy's interpretation stays findable (first for its exact title) but below what is in force.
      if (doc.validity === 'repealed') score -= REPEALED_PENALTY;
      return { d, score, highlights };
    });
    scored.sort((a, b) => b.score - a.score || a.d - b.d);
    response.total = total;
    response.results = scored.slice(0, limit).map(({ d, score, highlights }) => {
      const doc = this.docs[d]!;
      return {
        type: doc.type,
        id: doc.id,
        title: doc.title,
        domain: doc.domain,
        level1: doc.level1,
        level2: doc.level2,
        level3: doc.level3,
        score: Math.round(score * 100) / 100,
        ...(doc.validity ? { validity: doc.validity } : {}),
        highlights,
      };
    });
  }

  /** Did-you-mean: corrections the engine made, and near vocabulary terms when results are few. */
  private suggest(plan: Plan, response: SearchResponse): void {
    const out = new Set<string>(plan.corrections);
    const few = response.results.length < 3;
    const chars = codePoints(plan.whole);
    if (few && chars.length >= 3 && chars.every((ch) => isHanCode(ch.codePointAt(0)!))) {
      for (const t of this.nearTerms(chars)) out.add(t);
    }
    // fuse.js over the vocabulary (names, departments, synonym terms, with their pinyin) only when nothing was
    // found: it is the slow path, and a visitor looking at an empty screen is not typing.
    if (!response.results.length && chars.length >= 2) {
      for (const t of this.fuzzyVocab(plan.whole)) out.add(t);
    }
    out.delete(plan.whole);
    out.delete(response.query);
    response.didYouMean = [...out].slice(0, 5);
  }
}

/** Creates the engine over a bundle's data; throws if the search index is missing, of another version or stale. */
export function createSearchEngine(data: BundleData): SearchEngine {
  return new Engine(data);
}
