// A compact text encoding for integer lists inside a JSON file: base-64 digits, 5 payload bits each, the high bit
// of the digit marking "more digits follow". Small numbers (delta-coded doc ids, field masks) take one character,
// and the kiosk decodes only the posting lists a query touches instead of parsing every number up front.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** Appends non-negative integers to a string. */
export function encodeInts(values: readonly number[]): string {
  let out = '';
  const groups: number[] = [];
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`encodeInts: ${value} is not a non-negative integer`);
    let v = value;
    groups.length = 0;
    do {
      groups.push(v % 32);
      v = Math.floor(v / 32);
    } while (v > 0);
    for (let i = groups.length - 1; i > 0; i--) out += ALPHABET[32 + groups[i]!];
    out += ALPHABET[groups[0]!];
  }
  return out;
}

/** Decodes what encodeInts wrote; throws on a character outside the alphabet or a truncated number. */
export function decodeInts(text: string): number[] {
  const out: number[] = [];
  let acc = 0;
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = code < 128 ? DIGIT[code]! : -1;
    if (d < 0) throw new Error(`decodeInts: bad character at ${i}`);
    if (d >= 32) {
      acc = acc * 32 + (d - 32);
      open = true;
    } else {
      out.push(acc * 32 + d);
      acc = 0;
      open = false;
    }
  }
  if (open) throw new Error('decodeInts: truncated number');
  return out;
}
