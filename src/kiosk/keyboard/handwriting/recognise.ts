// Offline handwriting recognition, pure logic (no DOM): the strokes drawn so far → the likeliest characters.
//
// Each stroke is resampled to POINTS points evenly spaced along its length, the whole drawing is normalised (its
// box centred, scaled by its longer side, never by less than MIN_SIDE of the writing box so a dot stays a dot),
// and compared with every template of a close stroke count by aligning the strokes in writing order (dynamic
// programming: a stroke matched costs the mean distance of its points, a stroke left out on either side costs
// SKIP, so a missing or an extra stroke is tolerated). Templates: the Make Me a Hanzi stroke medians (pack.ts).
import { PACK_GRID, type PackedCharacter, type Point } from './pack.ts';

const POINTS = 10;
const MIN_SIDE = 0.3;
const SKIP = 0.28;
/** Templates whose stroke count differs by more than this are not compared (the prefilter). */
const COUNT_TOLERANCE = 2;
/** A tie between characters goes to the more frequent (templates come most frequent first). */
const FREQUENCY_PRIOR = 0.01;

interface Template {
  char: string;
  /** POINTS × 2 numbers a stroke, normalised. */
  strokes: Float32Array[];
  prior: number;
}

/** Strokes resampled and normalised: each POINTS × 2 numbers in a unit box. */
function normalise(strokes: readonly (readonly Point[])[], box: number): Float32Array[] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of strokes)
    for (const [x, y] of s) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  const side = Math.max(maxX - minX, maxY - minY, MIN_SIDE * box);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return strokes.map((s) => {
    const out = resample(s);
    for (let i = 0; i < POINTS; i++) {
      out[2 * i] = (out[2 * i]! - cx) / side;
      out[2 * i + 1] = (out[2 * i + 1]! - cy) / side;
    }
    return out;
  });
}

/** POINTS points evenly spaced along the stroke (a tap is POINTS times the same point). */
function resample(s: readonly Point[]): Float32Array {
  const out = new Float32Array(POINTS * 2);
  if (!s.length) return out;
  const cum = [0];
  for (let i = 1; i < s.length; i++)
    cum.push(cum[i - 1]! + Math.hypot(s[i]![0] - s[i - 1]![0], s[i]![1] - s[i - 1]![1]));
  const total = cum[cum.length - 1]!;
  let j = 0;
  for (let k = 0; k < POINTS; k++) {
    const at = total ? (total * k) / (POINTS - 1) : 0;
    while (j < s.length - 2 && cum[j + 1]! < at) j++;
    const a = s[j]!;
    const b = s[Math.min(j + 1, s.length - 1)]!;
    const span = cum[Math.min(j + 1, s.length - 1)]! - cum[j]!;
    const t = span > 0 ? Math.min(1, Math.max(0, (at - cum[j]!) / span)) : 0;
    out[2 * k] = a[0] + (b[0] - a[0]) * t;
    out[2 * k + 1] = a[1] + (b[1] - a[1]) * t;
  }
  return out;
}

function strokeDistance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < POINTS * 2; i += 2) {
    const dx = a[i]! - b[i]!;
    const dy = a[i + 1]! - b[i + 1]!;
    sum += Math.sqrt(dx * dx + dy * dy);
  }
  return sum / POINTS;
}

/**
 * Cost of aligning drawn strokes with a template's, in order, strokes left out on either side costing SKIP.
 * Gives up (Infinity) as soon as every partial alignment already costs more than `bound`.
 */
function alignmentCost(
  drawn: Float32Array[],
  tmpl: Float32Array[],
  row: Float64Array,
  prev: Float64Array,
  bound: number,
): number {
  const n = drawn.length;
  const m = tmpl.length;
  const scale = Math.max(n, m);
  for (let j = 0; j <= m; j++) prev[j] = j * SKIP;
  for (let i = 1; i <= n; i++) {
    row[0] = i * SKIP;
    let least = row[0];
    const d = drawn[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const match = prev[j - 1]! + strokeDistance(d, tmpl[j - 1]!);
      const v = Math.min(match, prev[j]! + SKIP, row[j - 1]! + SKIP);
      row[j] = v;
      if (v < least) least = v;
    }
    if (least / scale > bound) return Infinity;
    prev.set(row.subarray(0, m + 1));
  }
  return prev[m]! / scale;
}

export interface Recognised {
  char: string;
  score: number;
}

export class HandwritingRecogniser {
  private readonly byCount = new Map<number, Template[]>();
  private readonly maxStrokes: number;

  constructor(characters: readonly PackedCharacter[]) {
    let max = 0;
    characters.forEach((c, rank) => {
      const t: Template = {
        char: c.char,
        strokes: normalise(c.strokes, PACK_GRID),
        prior: (FREQUENCY_PRIOR * rank) / characters.length,
      };
      const list = this.byCount.get(t.strokes.length) ?? [];
      list.push(t);
      this.byCount.set(t.strokes.length, list);
      max = Math.max(max, t.strokes.length);
    });
    this.maxStrokes = max;
  }

  get size(): number {
    let n = 0;
    for (const l of this.byCount.values()) n += l.length;
    return n;
  }

  /**
   * The likeliest characters for the strokes drawn so far (points in any unit; `box` is the side of the writing
   * area in the same unit). `countTolerance`: how far a template's stroke count may be from the strokes drawn.
   */
  recognise(
    strokes: readonly (readonly Point[])[],
    box: number,
    limit = 10,
    countTolerance = COUNT_TOLERANCE,
  ): Recognised[] {
    const drawn = normalise(
      strokes.filter((s) => s.length),
      box,
    );
    const n = drawn.length;
    if (!n) return [];
    const row = new Float64Array(this.maxStrokes + 1);
    const prev = new Float64Array(this.maxStrokes + 1);
    const best: Recognised[] = [];
    let worst = Infinity;
    // The drawn stroke count first: its good matches set the bound that cuts the other counts short.
    const counts = [n];
    for (let k = 1; k <= Math.min(countTolerance, this.maxStrokes); k++) counts.push(n - k, n + k);
    for (const m of counts) {
      for (const t of this.byCount.get(m) ?? []) {
        const score = alignmentCost(drawn, t.strokes, row, prev, worst - t.prior) + t.prior;
        if (best.length >= limit && score >= worst) continue;
        best.push({ char: t.char, score });
        best.sort((a, b) => a.score - b.score);
        if (best.length > limit) best.pop();
        worst = best[best.length - 1]!.score;
      }
    }
    return best;
  }
}
