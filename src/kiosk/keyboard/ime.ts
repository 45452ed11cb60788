// Pinyin input for the on-screen keyboard, pure logic (no DOM): typed letters → Chinese candidates.
// Candidates are words first: the bundle's own phrases (低保, 民政局: computed at run time from the loaded bundle)
// ahead of the general words of the build-time word list (words.ts: 怎么, 户口, frequency-ordered), words that
// are exactly the typed syllables before longer ones; then single characters from the build-time syllable table
// (syllables.ts), most frequent first. Nothing typed or picked changes the order.
import { SYLLABLES } from './syllables.ts';
import { WORDS } from './words.ts';

/** A phrase the keyboard offers, with its toneless syllables (ü as v). */
export interface Phrase {
  text: string;
  syllables: string[];
  /** Higher comes first among phrases that match equally well. */
  weight: number;
}

export interface Candidate {
  text: string;
  /** How many typed letters it replaces (from the start of the composition). */
  consumes: number;
}

const SYLLABLE_SET = new Set(Object.keys(SYLLABLES));
const PREFIXES = new Set<string>();
for (const s of SYLLABLE_SET) for (let i = 1; i <= s.length; i++) PREFIXES.add(s.slice(0, i));
const MAX_SYLLABLE = Math.max(...[...SYLLABLE_SET].map((s) => s.length));

/**
 * Splits letters into syllables, fewest pieces; the last piece may be an unfinished prefix (dibaos → di bao s).
 * Null when the letters cannot be pinyin.
 */
export function splitPinyin(letters: string): string[] | null {
  const n = letters.length;
  if (!n) return [];
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const cur = best[i];
    if (!cur) continue;
    for (let len = Math.min(MAX_SYLLABLE, n - i); len >= 1; len--) {
      const piece = letters.slice(i, i + len);
      const end = i + len;
      const ok = SYLLABLE_SET.has(piece) || (end === n && PREFIXES.has(piece));
      if (!ok) continue;
      const next = [...cur, piece];
      const prev = best[end];
      if (!prev || next.length < prev.length) best[end] = next;
    }
  }
  return best[n] ?? null;
}

/** Characters of every syllable starting with this prefix (the prefix itself first). */
function charsForPrefix(prefix: string, limit: number): string[] {
  const exact = SYLLABLES[prefix] ?? '';
  const out: string[] = [...exact];
  if (out.length >= limit) return out.slice(0, limit);
  const seen = new Set(out);
  for (const syl of SYLLABLE_SET) {
    if (syl === prefix || !syl.startsWith(prefix)) continue;
    for (const ch of (SYLLABLES[syl] ?? '').slice(0, 8)) {
      if (!seen.has(ch)) {
        seen.add(ch);
        out.push(ch);
      }
    }
  }
  return out.slice(0, limit);
}

/** General words weigh below every bundle phrase (those weigh 1000 and more): 0–999 by frequency rank. */
const GENERAL_WEIGHT = 1000;

/**
 * The build-time word list (words.ts) as phrases: a line is the word, and after | its syllables when a character
 * has several readings; otherwise each character's only reading in the syllable table.
 */
export function parseWords(text: string = WORDS): Phrase[] {
  const reading = new Map<string, string>();
  for (const [syl, chars] of Object.entries(SYLLABLES)) for (const ch of chars) reading.set(ch, syl);
  const lines = text.split('\n').filter(Boolean);
  return lines.map((line, rank) => {
    const [word = '', py] = line.split('|');
    const syllables = py ? py.split(' ') : [...word].map((ch) => reading.get(ch) ?? '');
    return {
      text: word,
      syllables,
      weight: GENERAL_WEIGHT - 1 - Math.floor((rank * GENERAL_WEIGHT) / lines.length),
    };
  });
}

export class PinyinIme {
  private phrases: Phrase[] = [];
  /** Phrases by their first syllable, for quick look-up. */
  private byFirst = new Map<string, Phrase[]>();
  private readonly general: readonly Phrase[];

  /** general: the words offered whatever the bundle (the build-time word list in the kiosk). */
  constructor(phrases: Phrase[] = [], general: readonly Phrase[] = []) {
    this.general = general;
    this.setPhrases(phrases);
  }

  /** The bundle's phrases (replacing the previous bundle's), on top of the general words. */
  setPhrases(phrases: Phrase[]): void {
    // One entry per word: the bundle's weight when the bundle has it too.
    const byText = new Map<string, Phrase>();
    for (const p of [...this.general, ...phrases]) {
      const had = byText.get(p.text);
      if (!had || had.weight < p.weight) byText.set(p.text, p);
    }
    this.phrases = [...byText.values()]
      .filter((p) => p.syllables.length >= 2 && p.syllables.length === [...p.text].length)
      .sort((a, b) => b.weight - a.weight || a.text.length - b.text.length);
    this.byFirst = new Map();
    for (const p of this.phrases) {
      const k = p.syllables[0]!;
      const list = this.byFirst.get(k);
      if (list) list.push(p);
      else this.byFirst.set(k, [p]);
    }
  }

  get phraseCount(): number {
    return this.phrases.length;
  }

  /** Candidates for typed letters: matching phrases, then characters for the first syllable. */
  candidates(letters: string, limit = 30): Candidate[] {
    const typed = letters.toLowerCase().replace(/[^a-z]/g, '');
    const split = splitPinyin(typed);
    if (!split || !split.length) return [];
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const push = (text: string, consumes: number) => {
      if (seen.has(text) || out.length >= limit) return;
      seen.add(text);
      out.push({ text, consumes });
    };

    // Phrases whose readings the typed syllables begin (all of them typed: exact first, then longer ones).
    if (split.length >= 2) {
      const first = split[0]!;
      const pool = SYLLABLE_SET.has(first) ? (this.byFirst.get(first) ?? []) : [];
      const exact: Phrase[] = [];
      const longer: Phrase[] = [];
      for (const p of pool) {
        if (p.syllables.length < split.length) continue;
        let ok = true;
        for (let i = 0; i < split.length && ok; i++) {
          const s = p.syllables[i]!;
          ok = i === split.length - 1 ? s.startsWith(split[i]!) : s === split[i];
        }
        if (!ok) continue;
        (p.syllables.length === split.length ? exact : longer).push(p);
      }
      for (const p of [...exact, ...longer]) push(p.text, typed.length);
    }

    // Two-character words from the first two syllables' characters are not guessed: only single characters.
    const first = split[0]!;
    const consumes = split.length === 1 ? typed.length : first.length;
    for (const ch of charsForPrefix(first, limit)) push(ch, consumes);
    return out;
  }
}

/** Vocabulary kinds of the search index (src/core/search/format.ts VOCAB_KINDS order) → phrase weight. */
const KIND_WEIGHT: Record<string, number> = {
  synonym: 6,
  department: 5,
  name: 4,
  official: 3,
  domain: 3,
  guide: 2,
};

/**
 * Phrases from the search index's vocabulary (text, toneless syllables, kind, document count): the bundle's item,
 * department and synonym terms, so the visitor's likely words come first. Long names (over 8 characters) are
 * left out: one types those as shorter words.
 */
export function phrasesFromVocab(
  vocab: { text: string[]; py: string[]; kind: number[]; n: number[] },
  kinds: readonly string[],
): Phrase[] {
  const out: Phrase[] = [];
  const seen = new Set<string>();
  vocab.text.forEach((text, i) => {
    const chars = [...text];
    if (chars.length < 2 || chars.length > 8 || seen.has(text)) return;
    if (!/^[\u3400-\u9fff]+$/.test(text)) return;
    const syllables = (vocab.py[i] ?? '').split(' ').filter(Boolean);
    if (syllables.length !== chars.length) return;
    seen.add(text);
    const kind = kinds[vocab.kind[i] ?? -1] ?? '';
    const weight = (KIND_WEIGHT[kind] ?? 1) * 1000 + Math.min(vocab.n[i] ?? 0, 999);
    out.push({ text, syllables, weight });
  });
  return out;
}
