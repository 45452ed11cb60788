// Builds the search index at bundle-build time (Node, in the bundle tool). Everything costly or needing the pinyin
// dictionary happens here, so the kiosk only parses JSON and decodes the posting lists a query touches.
import { pinyin } from 'pinyin-pro';
import type { BundleData } from '../bundle/schema.ts';
import { collectDocs, collectDocTexts, docsHash, FIELD_BIT, FIELDS } from './docs.ts';
import { SEARCH_INDEX_VERSION, VOCAB_KIND, type SearchIndexFile, type VocabKind } from './format.ts';
import { addRunTokens, commonChars, isHanCode, normalizeText, splitRuns } from './text.ts';
import { encodeInts } from './varint.ts';
import { builtinLexicon, builtinSituations } from './lexicon/builtin.ts';
import type { Lexicon } from './lexicon/parse.ts';
import type { SituationTable } from './lexicon/situations.ts';
import { lexiconHints } from './lexicon/domains.ts';
import { officialSiblings, ReachIndex, reachingPairs, standInPairs } from './lexicon/reach.ts';

type Source = Omit<BundleData, 'searchIndex'>;

/** Toneless readings of one character (ü as v), most common first. */
export function charReadings(ch: string): string[] {
  const r = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true });
  return [...new Set(r.filter((s) => /^[a-z]+$/.test(s)))];
}

/** Toneless pinyin syllables of a term, by word context (银行 → yin hang); ASCII words stay as one syllable. */
export function termSyllables(term: string): string[] {
  const out: string[] = [];
  for (const run of splitRuns(normalizeText(term))) {
    if (run.kind === 'ascii') {
      out.push(run.chars.join(''));
      continue;
    }
    const py = pinyin(run.chars.join(''), { toneType: 'none', type: 'array', v: true });
    // pinyin-pro returns one entry per Han character; fall back to per-character readings if it ever does not.
    if (py.length === run.chars.length && py.every((s) => /^[a-z]+$/.test(s))) out.push(...py);
    else for (const ch of run.chars) out.push(charReadings(ch)[0] ?? '');
  }
  return out.filter(Boolean);
}

function encodeIndex(map: Map<string, number[]>, pairs: boolean): { terms: string; postings: string } {
  const terms = [...map.keys()].sort();
  const postings = terms.map((t) => {
    const list = map.get(t)!;
    const out: number[] = [];
    let prev = 0;
    for (let i = 0; i < list.length; i += pairs ? 2 : 1) {
      out.push(list[i]! - prev);
      prev = list[i]!;
      if (pairs) out.push(list[i + 1]!);
    }
    return encodeInts(out);
  });
  return { terms: terms.join(' '), postings: postings.join(' ') };
}

export interface BuildIndexOptions {
  /** The lexicon to carry (default: the built-in one); null builds without any. */
  lexicon?: Lexicon | null;
  /** The situations table to carry with the lexicon (default: the built-in one with the built-in lexicon). */
  situations?: SituationTable | null;
}

export function buildSearchIndex(data: Source, opts: BuildIndexOptions = {}): SearchIndexFile {
  const docs = collectDocs(data);
  const texts = collectDocTexts(data);

  /** The mask bits of a document's own names: its leaf and its parent levels. */
  const NAME_FIELDS = (1 << FIELD_BIT.name) | (1 << FIELD_BIT.parent);

  // Short fields: token → [doc, mask, doc, mask, ...] with docs ascending (documents are visited in order).
  const short = new Map<string, number[]>();
  const body = new Map<string, number[]>();
  const allChars = new Set<string>();
  const tokens = new Set<string>();
  const noteChars = (s: string) => {
    for (const ch of s) if (isHanCode(ch.codePointAt(0)!)) allChars.add(ch);
  };

  texts.forEach((t, doc) => {
    t.fields.forEach((values, field) => {
      tokens.clear();
      for (const v of values) {
        noteChars(v);
        for (const run of splitRuns(normalizeText(v))) addRunTokens(run, tokens);
      }
      for (const tok of tokens) {
        let list = short.get(tok);
        if (!list) short.set(tok, (list = []));
        if (list.length && list[list.length - 2] === doc) list[list.length - 1]! |= 1 << field;
        else list.push(doc, 1 << field);
      }
    });
    tokens.clear();
    for (const v of t.body) {
      noteChars(v);
      for (const run of splitRuns(normalizeText(v))) addRunTokens(run, tokens);
    }
    for (const tok of tokens) {
      let list = body.get(tok);
      if (!list) body.set(tok, (list = []));
      list.push(doc);
    }
  });

  // Vocabulary: the short list that pinyin, initials and fuzzy matching run over.
  const vocab = new Map<string, { kind: number; n: number }>();
  const addVocab = (text: string | null | undefined, kind: VocabKind) => {
    const t = text?.trim();
    if (!t) return;
    noteChars(t);
    const k = VOCAB_KIND[kind];
    const cur = vocab.get(t);
    // A term keeps its most specific kind (a synonym key beats an item name) and counts its documents.
    if (!cur) vocab.set(t, { kind: k, n: 1 });
    else {
      cur.n++;
      if (k > cur.kind && kind !== 'domain') cur.kind = k;
    }
  };
  for (const it of data.catalogue) {
    addVocab(it.level1, 'name');
    addVocab(it.level2, 'name');
    addVocab(it.level3, 'name');
    addVocab(it.domain, 'domain');
  }
  for (const g of data.guides) addVocab(g.title, 'guide');
  for (const d of data.departments) for (const n of [d.name, ...d.aliases]) addVocab(n, 'department');
  for (const s of data.synonyms) {
    addVocab(s.term, 'synonym');
    for (const o of s.official) addVocab(o, 'official');
  }
  // Lexicon pairs that reach a document of this bundle; their colloquial terms join the vocabulary, so their
  // pinyin and initials (jingshifang, jsf) find the service too.
  const lexicon = opts.lexicon === undefined ? builtinLexicon() : opts.lexicon;
  let lexiconField: SearchIndexFile['lexicon'];
  if (lexicon) {
    // The documents holding a token in their short fields, or only in their names (title and levels).
    const holders = (tok: string, namesOnly: boolean): number[] => {
      const s = short.get(tok) ?? [];
      const out: number[] = [];
      for (let i = 0; i < s.length; i += 2) if (!namesOnly || s[i + 1]! & NAME_FIELDS) out.push(s[i]!);
      return out;
    };
    const reach = new ReachIndex((tok) => holders(tok, false).concat(body.get(tok) ?? []));
    const district = new Set(data.synonyms.map((s) => s.term));
    const reaching = reachingPairs(lexicon.pairs, reach, district);
    const taken = new Set([...district, ...reaching.map((p) => p.term)]);
    // A stand-in is named whole, every bigram, in one document's names.
    const inNames = new ReachIndex((tok) => holders(tok, true), 1);
    const terms = [...reaching, ...standInPairs(lexicon.rows, reach, inNames, taken)];
    const en = reachingPairs(lexicon.en, reach, new Set());
    for (const p of terms) if (!vocab.has(p.term)) addVocab(p.term, 'synonym');
    const domains = new Set(docs.map((d) => d.domain));
    const hints = lexiconHints(lexicon, domains, terms, district);
    // Situations whose services this catalogue holds, with those services only.
    const table =
      opts.situations === undefined
        ? opts.lexicon === undefined
          ? builtinSituations()
          : null
        : opts.situations;
    // A situation's service this catalogue names otherwise (野生动物肇事补偿, written 野生动物致害补偿 here) is
    // reached through the other official names of the lexicon rows that list it: a row is one service.
    const rowOfficials = officialSiblings(lexicon.rows);
    const situations = (table?.situations ?? []).flatMap((s) => {
      const official = [
        ...new Set(
          s.official.flatMap((o) =>
            reach.reaches(o) ? [o] : (rowOfficials.get(o) ?? []).filter((x) => reach.reaches(x)),
          ),
        ),
      ];
      return official.length ? [{ official, cues: s.cues }] : [];
    });
    lexiconField = {
      v: lexicon.formatVersion,
      hash: lexicon.hash,
      terms,
      en,
      hints,
      ...(situations.length ? { situations } : {}),
    };
  }
  const vocabTexts = [...vocab.keys()];

  // Homophone table: every character the bundle uses plus the common characters.
  for (const ch of commonChars()) allChars.add(ch);
  const bySyllable = new Map<string, string[]>();
  for (const ch of [...allChars].sort()) {
    for (const r of charReadings(ch)) {
      let list = bySyllable.get(r);
      if (!list) bySyllable.set(r, (list = []));
      list.push(ch);
    }
  }
  const chars: Record<string, string> = {};
  for (const syl of [...bySyllable.keys()].sort()) chars[syl] = bySyllable.get(syl)!.join('');
  // pinyin-pro lists a polyphonic character's readings most usual first (行: xing, hang).
  const usual: Record<string, string> = {};
  for (const ch of [...allChars].sort()) {
    const r = charReadings(ch);
    if (r.length > 1) usual[r[0]!] = (usual[r[0]!] ?? '') + ch;
  }

  return {
    v: SEARCH_INDEX_VERSION,
    docs: {
      items: data.catalogue.length,
      guides: data.guides.length,
      interpretations: data.interpretations.length,
      hash: docsHash(docs),
    },
    fields: [...FIELDS],
    short: encodeIndex(short, true),
    body: encodeIndex(body, false),
    vocab: {
      text: vocabTexts,
      py: vocabTexts.map((t) => termSyllables(t).join(' ')),
      kind: vocabTexts.map((t) => vocab.get(t)!.kind),
      n: vocabTexts.map((t) => vocab.get(t)!.n),
    },
    chars,
    usual,
    ...(lexiconField ? { lexicon: lexiconField } : {}),
  };
}
