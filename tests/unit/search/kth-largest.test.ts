import { describe, expect, it } from 'vitest';
import { kthLargest } from '../../../src/core/search/structures.ts';

describe('kthLargest (ranking keeps the best candidates of a common word)', () => {
  it('finds the k-th largest value as a full sort would, ties and all', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 0.999;
    for (const n of [1, 2, 3, 10, 181, 1000, 8000]) {
      // Coverage values tie often (rows of one template): draw from a few levels.
      const values = Float32Array.from({ length: n }, () => Math.round(random() * 20) / 20);
      const sorted = Float32Array.from(values).sort();
      for (const k of [1, Math.ceil(n / 2), Math.min(n, 180), n]) {
        expect(kthLargest(Float32Array.from(values), k)).toBe(sorted[n - k]);
      }
    }
  });

  it('refuses a k outside the array', () => {
    expect(() => kthLargest(new Float32Array(3), 0)).toThrow(RangeError);
    expect(() => kthLargest(new Float32Array(3), 4)).toThrow(/k = 4 of 3/);
  });
});
