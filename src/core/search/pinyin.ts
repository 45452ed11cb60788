// Query-time pinyin, with no pinyin dictionary in the kiosk: the bundle tool ships a char → reading table and
// the vocabulary's readings (format.ts); this module matches typed pinyin, initials and homophones against them.
import { forEachInSteps, runSteps, type Steps } from './steps.ts';

export class PinyinTable {
  private readonly byChar = new Map<string, string[]>();
  readonly syllables = new Set<string>();
  private readonly prefixes = new Set<string>();
  private maxSyllable = 0;

  /** Whether readings() lists a polyphonic character's usual reading first (bundles that carry it). */
  readonly knowsUsual: boolean;

  constructor(chars: Record<string, string>, usual?: Record<string, string>) {
    for (const [syl, list] of Object.entries(chars)) {
      this.syllables.add(syl);
      this.maxSyllable = Math.max(this.maxSyllable, syl.length);
      for (let i = 1; i <= syl.length; i++) this.prefixes.add(syl.slice(0, i));
      for (const ch of list) {
        const r = this.byChar.get(ch);
        if (r) r.push(syl);
        else this.byChar.set(ch, [syl]);
      }
    }
    this.knowsUsual = !!usual;
    for (const [syl, list] of Object.entries(usual ?? {}))
      for (const ch of list) {
        const r = this.byChar.get(ch);
        const at = r ? r.indexOf(syl) : -1;
        if (r && at > 0) r.unshift(...r.splice(at, 1));
      }
  }

  /** Toneless readings of a character ([] for one the table does not know), the usual one first when known. */
  readings(ch: string): readonly string[] {
    return this.byChar.get(ch) ?? [];
  }

  /**
   * Reading sequences of a string, one syllable per character (ASCII characters stand for themselves), at most
   * `max` combinations, so a polyphonic character (行: xing/hang) yields both without exploding on long input.
   */
  variants(chars: readonly string[], max = 8): string[][] {
    let out: string[][] = [[]];
    for (const ch of chars) {
      const r = this.byChar.get(ch);
      const options = r && r.length ? r : /^[a-z0-9]$/.test(ch) ? [ch] : null;
      if (!options) return [];
      const next: string[][] = [];
      for (const prefix of out) {
        for (const o of options) {
          if (next.length >= max) break;
          next.push([...prefix, o]);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * Splits letters into pinyin syllables (fewest syllables; the last may be an unfinished prefix while the visitor
   * is typing: hukouq → hu kou q). Null when the text cannot be pinyin (dbsq, ic).
   */
  split(letters: string): string[] | null {
    const n = letters.length;
    if (!n) return null;
    const best: (string[] | null)[] = new Array(n + 1).fill(null);
    best[0] = [];
    for (let i = 0; i < n; i++) {
      const cur = best[i];
      if (!cur) continue;
      for (let j = i + 1; j <= Math.min(n, i + this.maxSyllable); j++) {
        const s = letters.slice(i, j);
        const ok = this.syllables.has(s) || (j === n && this.prefixes.has(s));
        if (!ok) continue;
        const cand = [...cur, s];
        const prev = best[j];
        if (!prev || cand.length < prev.length) best[j] = cand;
      }
    }
    return best[n] ?? null;
  }

  /**
   * Every way to read letters as the fewest whole syllables, at most `max` (jine: ji ne, jin e; xian: xian, and
   * xi an only when it is as short). Empty when the letters are no whole syllables.
   */
  splits(letters: string, max = 4): string[][] {
    const fewest = this.split(letters);
    if (!fewest || !this.syllables.has(fewest[fewest.length - 1]!)) return [];
    const out: string[][] = [];
    const walk = (from: number, acc: string[]) => {
      if (out.length >= max || acc.length > fewest.length) return;
      if (from === letters.length) {
        if (acc.length === fewest.length) out.push(acc);
        return;
      }
      for (let j = Math.min(letters.length, from + this.maxSyllable); j > from; j--) {
        const s = letters.slice(from, j);
        if (this.syllables.has(s)) walk(j, [...acc, s]);
      }
    };
    walk(0, []);
    return out;
  }
}

export interface VocabHit {
  id: number;
  /** 1 exact term, 0.9 the term starts with it, lower for partial syllables or a match inside the term. */
  quality: number;
  /** Share of the term's pinyin the match covers. */
  cover: number;
  /** The matched syllables of the term: [from, to) syllable indexes (a partial last syllable counts). */
  from: number;
  to: number;
}

const BAR = '|'.charCodeAt(0);
/** Keys of one character (0–127) and of two (128 onwards); a character beyond ASCII counts as 127. */
function keyOf(text: string, at: number, length: 1 | 2): number {
  const a = Math.min(text.charCodeAt(at), 127);
  if (length === 1) return a;
  return 128 + a * 128 + Math.min(text.charCodeAt(at + 1), 127);
}

/**
 * One blob of all terms' readings ('|' separated) with syllable boundaries. A match starts at a syllable, so the
 * blob lists the positions of its syllable starts, by their first one and two letters once asked: a query visits
 * only the starts it could match, not every place its letters occur inside other syllables (di in 地di, 低di, 迪di
 * but also in shudian: at 10k documents an indexOf scan over the whole blob was a fifth of a keystroke's time).
 */
class Blob {
  readonly text: string;
  readonly boundary: Uint8Array;
  readonly starts: number[];
  readonly ends: number[];
  /** Every place a syllable starts, in blob order. */
  private readonly syllableStarts: Int32Array;
  /**
   * The syllable starts by their first one or two characters (keyOf), listed on a key's first use: a session uses
   * few keys, and listing them all made the blob's build a long task on the kiosk's page.
   */
  private readonly startsByKey = new Map<number, Int32Array>();

  private constructor(text: string, marks: readonly number[], starts: number[], ends: number[]) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.boundary = new Uint8Array(text.length + 1);
    for (const m of marks) this.boundary[m] = 1;
    // A term's end is the next term's '|', never a match's start; an empty syllable marks its place twice.
    this.syllableStarts = Int32Array.from(
      marks.filter((m, i) => m !== marks[i - 1] && m < text.length - 1 && text.charCodeAt(m) !== BAR),
    );
  }

  /** The blob of `terms`, built a slice of terms at a time (one step was a long task on the kiosk's page at 10k). */
  static *inSteps(terms: readonly string[][]): Steps<Blob> {
    const parts: string[] = [];
    const marks: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let pos = 0;
    yield* forEachInSteps(terms, 1000, (syllables) => {
      starts.push(pos);
      for (const s of syllables) {
        marks.push(pos);
        parts.push(s);
        pos += s.length;
      }
      marks.push(pos);
      ends.push(pos);
      parts.push('|');
      pos += 1;
    });
    return new Blob(parts.join(''), marks, starts, ends);
  }

  /** The syllable starts whose first one or two characters are those of `q`. */
  private startsFor(q: string): Int32Array {
    const length = q.length === 1 ? 1 : 2;
    const key = keyOf(q, 0, length);
    let list = this.startsByKey.get(key);
    if (!list) {
      const found: number[] = [];
      for (const m of this.syllableStarts) if (keyOf(this.text, m, length) === key) found.push(m);
      this.startsByKey.set(key, (list = Int32Array.from(found)));
    }
    return list;
  }

  private termAt(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Terms holding `q` from a syllable start, at most `maxScan` such places looked at. */
  search(q: string, allowPartialEnd: boolean, maxScan = 3000): VocabHit[] {
    const best = new Map<number, VocabHit>();
    if (!q || q.includes('|')) return [];
    const places = this.startsFor(q);
    const limit = Math.min(places.length, maxScan);
    for (let i = 0; i < limit; i++) {
      const p = places[i]!;
      if (!this.text.startsWith(q, p)) continue;
      const end = p + q.length;
      const endBoundary = this.boundary[end] === 1;
      if (!endBoundary && !allowPartialEnd) continue;
      const id = this.termAt(p);
      const start = this.starts[id]!;
      const termEnd = this.ends[id]!;
      let quality: number;
      if (p === start && end === termEnd) quality = 1;
      else if (p === start) quality = endBoundary ? 0.9 : 0.8;
      else quality = endBoundary ? 0.75 : 0.6;
      const cover = q.length / Math.max(1, termEnd - start);
      const prev = best.get(id);
      if (!prev || prev.quality < quality) {
        let from = 0;
        for (let k = start + 1; k <= p; k++) if (this.boundary[k]) from++;
        let to = from;
        for (let k = p + 1; k <= end; k++) if (this.boundary[k]) to++;
        if (!endBoundary) to++;
        best.set(id, { id, quality, cover, from, to });
      }
    }
    return [...best.values()];
  }
}

/** Pinyin and initials of the vocabulary: exact keys in maps, prefix and infix matches through the blobs. */
export class VocabPinyin {
  readonly fullKey = new Map<string, number[]>();
  readonly initKey = new Map<string, number[]>();

  private constructor(
    private readonly full: Blob,
    private readonly init: Blob,
  ) {}

  static of(syllables: readonly string[][]): VocabPinyin {
    return runSteps(VocabPinyin.inSteps(syllables));
  }

  /** Built in steps (steps.ts): the two blobs, then the keys a slice of terms at a time. */
  static *inSteps(syllables: readonly string[][]): Steps<VocabPinyin> {
    const full = yield* Blob.inSteps(syllables);
    yield;
    const init = yield* Blob.inSteps(syllables.map((s) => s.map((x) => x[0]!)));
    yield;
    const out = new VocabPinyin(full, init);
    yield* forEachInSteps(syllables, 1000, (s, id) => {
      if (!s.length) return;
      push(out.fullKey, s.join(''), id);
      if (s.length >= 2) push(out.initKey, s.map((x) => x[0]).join(''), id);
    });
    return out;
  }

  searchFull(q: string, allowPartialEnd: boolean): VocabHit[] {
    return this.full.search(q, allowPartialEnd);
  }

  searchInitials(q: string): VocabHit[] {
    return this.init.search(q, false);
  }
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
