import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MEDIANS } from '../../../src/kiosk/keyboard/handwriting/medians.ts';
import { unpack, type Point } from '../../../src/kiosk/keyboard/handwriting/pack.ts';
import { HandwritingRecogniser } from '../../../src/kiosk/keyboard/handwriting/recognise.ts';
import { SYLLABLES } from '../../../src/kiosk/keyboard/syllables.ts';

const require = createRequire(import.meta.url);
/** A character's medians from the raw package, on a 1024 box with y down (as a finger draws). */
function drawn(ch: string): Point[][] {
  const file = require.resolve(`hanzi-writer-data/${ch}.json`);
  const { medians } = JSON.parse(readFileSync(file, 'utf8')) as { medians: [number, number][][] };
  return medians.map((m) => m.map(([x, y]) => [x, 900 - y] as Point));
}

const characters = unpack(MEDIANS);
const recogniser = new HandwritingRecogniser(characters);
const top = (strokes: Point[][], box = 1024, n = 5) =>
  recogniser.recognise(strokes, box, n).map((r) => r.char);

describe('the packed stroke medians (built from hanzi-writer-data)', () => {
  it('has every common character of the keyboard, strokes in writing order', () => {
    const common = new Set(Object.values(SYLLABLES).join(''));
    expect(characters.length).toBe(common.size);
    for (const c of characters) expect(common.has(c.char), c.char).toBe(true);
    const byChar = new Map(characters.map((c) => [c.char, c]));
    expect(byChar.get('低')?.strokes).toHaveLength(7);
    expect(byChar.get('保')?.strokes).toHaveLength(9);
    // 一 is one stroke drawn left to right.
    const [yi] = byChar.get('一')!.strokes;
    expect(yi![0]![0]).toBeLessThan(yi![yi!.length - 1]![0]);
  });
});

describe('HandwritingRecogniser', () => {
  it('recognises 低 and 保 drawn from their medians, first', () => {
    expect(top(drawn('低'))[0]).toBe('低');
    expect(top(drawn('保'))[0]).toBe('保');
  });

  it('does not care where or how big the character is drawn', () => {
    const small = drawn('保').map((s) => s.map(([x, y]) => [40 + x * 0.2, 60 + y * 0.2] as Point));
    expect(top(small, 320)[0]).toBe('保');
  });

  it('tolerates a stroke too few or too many', () => {
    const di = drawn('低');
    expect(top(di.filter((_, i) => i !== 4))).toContain('低');
    expect(top([...di, [[500, 980] as Point, [520, 990] as Point]])).toContain('低');
  });

  it('gives candidates after each stroke, and nothing for nothing drawn', () => {
    const bao = drawn('保');
    for (let k = 1; k <= bao.length; k++) expect(top(bao.slice(0, k)).length).toBeGreaterThan(0);
    expect(top([])).toEqual([]);
    expect(top([[]])).toEqual([]);
  });

  it('tells apart characters of the same stroke count: 人 and 入, 土 and 王', () => {
    expect(top(drawn('人'), 1024, 1)).toEqual(['人']);
    expect(top(drawn('入'), 1024, 1)).toEqual(['入']);
    expect(top(drawn('王'), 1024, 1)).toEqual(['王']);
  });
});
