// Text normalisation and tokenisation shared by the index builder and the query engine. Both sides must cut text
// the same way or a query never meets its documents, so this is the only place that decides what a token is.

/** True for a code point in the CJK ideograph blocks (BMP and the supplementary planes, so 𠮷 counts). */
export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x3007 // 〇
  );
}

export function isHan(ch: string): boolean {
  return isHanCode(ch.codePointAt(0) ?? 0);
}

/**
 * NFKC folds full-width letters, digits and punctuation (ＡＢＣ１２３，) to their ASCII forms, which is how a
 * pinyin IME or a pasted text often delivers them; lower case so `ABC` and `abc` meet; ü is written v in pinyin input.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ü/g, 'v');
}

export type RunKind = 'han' | 'ascii';

export interface Run {
  kind: RunKind;
  /** The run's code points, one string each (a character outside the BMP is one entry). */
  chars: string[];
  /** UTF-16 offset of the run in the normalised text. */
  start: number;
}

function isAsciiWord(cp: number): boolean {
  return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
}

/**
 * Cuts normalised text into runs of Han characters and runs of ASCII letters/digits; anything else (spaces,
 * punctuation, symbols) separates runs, so a bigram never spans `最低生活保障（低保）`'s bracket.
 */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  let offset = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const kind: RunKind | null = isHanCode(cp) ? 'han' : isAsciiWord(cp) ? 'ascii' : null;
    if (kind === null) cur = null;
    else if (cur && cur.kind === kind) cur.chars.push(ch);
    else {
      cur = { kind, chars: [ch], start: offset };
      runs.push(cur);
    }
    offset += ch.length;
  }
  return runs;
}

/**
 * Index tokens of a text: Han bigrams (a lone Han character is kept as a unigram so a one-character field is
 * findable), ASCII words of two or more characters or any digits (`12345`, `ic`). Deduplicated per call.
 */
export function tokenize(text: string, out: Set<string> = new Set()): Set<string> {
  for (const run of splitRuns(normalizeText(text))) addRunTokens(run, out);
  return out;
}

export function addRunTokens(run: Run, out: Set<string>): void {
  const c = run.chars;
  if (run.kind === 'han') {
    if (c.length === 1) out.add(c[0]!);
    for (let i = 0; i + 1 < c.length; i++) out.add(c[i]! + c[i + 1]!);
  } else {
    const word = c.join('');
    if (word.length >= 2 || /\d/.test(word)) out.add(word);
  }
}

/** The Han bigrams of a string of Han characters, in order (duplicates kept: positions matter to callers). */
export function hanBigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Characters of a string by code point. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** A short FNV-1a hash (hex) used to check that an index was built for the documents it is loaded with. */
export function fnv1a(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f; // separator, so ['ab','c'] and ['a','bc'] differ
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The common characters the homophone table covers besides the bundle's own: GB 2312 level 1 (3,755 characters,
 * decoded from its byte range), a close superset of 通用规范汉字表 level 1 (3,500). A visitor's typo is usually a
 * common character even when the intended word is rare, so the table must know characters the bundle lacks.
 */
export function commonChars(): string[] {
  const out: string[] = [];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    return out; // a runtime without legacy encodings: the bundle's own characters still work
  }
  // One decode of the whole range (every pair of level 1 is assigned, so characters and pairs stay aligned).
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++)
    for (let lo = 0xa1; lo <= (hi === 0xd7 ? 0xf9 : 0xfe); lo++) bytes.push(hi, lo);
  for (const ch of decoder.decode(new Uint8Array(bytes))) if (isHanCode(ch.codePointAt(0)!)) out.push(ch);
  return out;
}
