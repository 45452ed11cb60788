// Traditional characters typed by a visitor (from Hong Kong, Macau or Taiwan, or through a traditional input
// method or the handwriting pad) read as the simplified characters the mainland's catalogues are written in:
// 醫療保險怎麼報銷 → 医疗保险怎么报销. OpenCC's Traditional → Simplified phrase and character tables (opencc-js,
// those two tables only: 38 KB, loaded with the engine, never with the first paint).
//
// A common simplified character (GB 2312 level 1) is kept as typed even where OpenCC would change it: 著, 乾, 么
// are simplified characters too (显著, 乾坤), and a simplified query must reach the bundle's text unchanged. Level 2
// is not trusted for this: it holds traditional forms such as 後.
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { codePoints, commonChars } from './text.ts';

let convert: ((text: string) => string) | null = null;
let simplifiedSet: Set<string> | null = null;

/** Builds the tables now (the engine's warm-up), not on the first query with a traditional character. */
export function prepareTraditional(): void {
  convert ??= ConverterFactory([TSPhrases, TSCharacters]);
  simplifiedSet ??= new Set(commonChars());
}

const MAYBE_TRADITIONAL = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** The text with its traditional characters in simplified form; anything else as it was. */
export function toSimplified(text: string): string {
  if (!MAYBE_TRADITIONAL.test(text)) return text;
  prepareTraditional();
  const converted = convert!(text);
  if (converted === text) return text;
  const before = codePoints(text);
  const after = codePoints(converted);
  // A phrase may change length (rarely): then OpenCC's reading stands as a whole.
  if (before.length !== after.length) return converted;
  return before.map((ch, i) => (simplifiedSet!.has(ch) ? ch : after[i]!)).join('');
}
