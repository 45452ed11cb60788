// The in-memory structures retrieval runs on: posting lists decoded on first use, and a sparse score accumulator.
import { BODY_BIT, BODY_WEIGHT, FIELD_WEIGHTS } from './docs.ts';
import { decodeInts } from './varint.ts';

export interface Postings {
  docs: Int32Array;
  masks: Uint8Array;
}

/** Weight of a posting by its field mask: the best field it occurs in. */
export const MASK_WEIGHT = new Float32Array(256);
for (let m = 1; m < 256; m++) {
  let w = 0;
  for (let b = 0; b < 8; b++) {
    if (!(m & (1 << b))) continue;
    w = Math.max(w, b === BODY_BIT ? BODY_WEIGHT : (FIELD_WEIGHTS[b] ?? 0));
  }
  MASK_WEIGHT[m] = w;
}

export class InvertedIndex {
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
export class Acc {
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

/**
 * The k-th largest value (k from 1), by selection in place (the array is reordered): O(n), where a typed array's
 * sort took 0.4 ms for the 8,000 candidates of a common word at 10k documents, most of a keystroke's ranking.
 */
export function kthLargest(values: Float32Array, k: number): number {
  if (k < 1 || k > values.length) throw new RangeError(`kthLargest: k = ${k} of ${values.length}`);
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}
