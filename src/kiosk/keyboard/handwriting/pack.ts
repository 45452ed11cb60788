// The packed stroke-median format shared by the build script (scripts/keyboard-table/handwriting.ts) and the
// recogniser: one character a line, the character then its strokes separated by spaces; a stroke is its points,
// each point two characters of PACK_ALPHABET (x then y on a PACK_GRID × PACK_GRID grid, y pointing down).

/** 64 characters that need no escaping in a template literal (no backtick, $ or backslash). */
export const PACK_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
export const PACK_GRID = 64;

export type Point = readonly [number, number];

export interface PackedCharacter {
  char: string;
  /** Strokes in writing order, points in grid units. */
  strokes: Point[][];
}

const VALUE = new Map([...PACK_ALPHABET].map((c, i) => [c, i]));

export function unpack(text: string): PackedCharacter[] {
  const out: PackedCharacter[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const char = String.fromCodePoint(line.codePointAt(0)!);
    const strokes = line
      .slice(char.length)
      .split(' ')
      .map((s) => {
        const pts: Point[] = [];
        for (let i = 0; i + 1 < s.length; i += 2)
          pts.push([VALUE.get(s[i]!) ?? 0, VALUE.get(s[i + 1]!) ?? 0]);
        return pts;
      });
    out.push({ char, strokes });
  }
  return out;
}
