import { describe, expect, it } from 'vitest';
import { PinyinIme, phrasesFromVocab, splitPinyin } from '../../../src/kiosk/keyboard/ime.ts';
import { SYLLABLES } from '../../../src/kiosk/keyboard/syllables.ts';
import { USCC_CHARSET, validateUscc } from '../../../src/core/application/validators.ts';
import { upperCode } from '../../../src/kiosk/apply/draft.ts';
import {
  DIGIT_ROW,
  digitRows,
  layoutFor,
  LETTER_ROWS,
  USCC_ROWS,
} from '../../../src/kiosk/keyboard/layouts.ts';

const KINDS = ['name', 'guide', 'department', 'synonym', 'official', 'domain'] as const;
const vocab = {
  text: ['最低生活保障', '区民政局', '民政局', '低保', '户口迁移', '地表'],
  py: [
    'zui di sheng huo bao zhang',
    'qu min zheng ju',
    'min zheng ju',
    'di bao',
    'hu kou qian yi',
    'di biao',
  ],
  kind: [0, 2, 2, 3, 0, 5],
  n: [3, 1, 1, 1, 2, 1],
};

describe('syllable table (generated at build time from pinyin-pro)', () => {
  it('is small and covers the common characters with frequent ones first', () => {
    const chars = new Set(Object.values(SYLLABLES).join(''));
    expect(chars.size).toBeGreaterThan(3500);
    expect(chars.size).toBeLessThan(4000);
    expect(Object.keys(SYLLABLES).length).toBeGreaterThan(380);
    expect(SYLLABLES.min?.[0]).toBe('民');
    expect(SYLLABLES.zheng?.[0]).toBe('政');
    expect(SYLLABLES.de).toContain('的');
    expect(SYLLABLES.lv).toContain('绿');
    // Polyphonic characters are under every reading.
    expect(SYLLABLES.xing).toContain('行');
    expect(SYLLABLES.hang).toContain('行');
  });
});

describe('splitPinyin', () => {
  it('splits into fewest syllables, the last one possibly unfinished', () => {
    expect(splitPinyin('dibao')).toEqual(['di', 'bao']);
    expect(splitPinyin('minzhengju')).toEqual(['min', 'zheng', 'ju']);
    expect(splitPinyin('hukouq')).toEqual(['hu', 'kou', 'q']);
    expect(splitPinyin('xian')).toEqual(['xian']);
    expect(splitPinyin('')).toEqual([]);
    expect(splitPinyin('vvv')).toBeNull();
  });
});

describe('PinyinIme', () => {
  const ime = new PinyinIme(phrasesFromVocab(vocab, KINDS));

  it('puts the bundle phrases first: dibao → 低保, minzhengju → 民政局', () => {
    expect(ime.candidates('dibao')[0]).toEqual({ text: '低保', consumes: 5 });
    expect(ime.candidates('minzhengju')[0]?.text).toBe('民政局');
    expect(ime.candidates('minzhengj')[0]?.text).toBe('民政局');
    // Then single characters for the first syllable, consuming only it.
    const di = ime.candidates('dibao').find((c) => c.text === '低' || c.text === '地');
    expect(di?.consumes).toBe(2);
  });

  it('offers phrases the typed syllables begin, and characters for one syllable', () => {
    expect(
      ime
        .candidates('dib')
        .map((c) => c.text)
        .slice(0, 2),
    ).toEqual(['低保', '地表']);
    const min = ime.candidates('min');
    expect(min[0]).toEqual({ text: '民', consumes: 3 });
    expect(ime.candidates('zh').length).toBeGreaterThan(5);
  });

  it('gives nothing for letters that are not pinyin', () => {
    expect(ime.candidates('vvv')).toEqual([]);
    expect(ime.candidates('')).toEqual([]);
  });

  it('learns nothing: the same letters give the same candidates after a pick', () => {
    const before = ime.candidates('di').map((c) => c.text);
    ime.candidates('dibao');
    expect(ime.candidates('di').map((c) => c.text)).toEqual(before);
  });

  it('leaves out long names and non-Chinese terms from the phrases', () => {
    const phrases = phrasesFromVocab(
      {
        text: ['很长很长很长很长的名字', 'ABC', '低保'],
        py: ['', 'a b c', 'di bao'],
        kind: [0, 0, 3],
        n: [1, 1, 1],
      },
      KINDS,
    );
    expect(phrases.map((p) => p.text)).toEqual(['低保']);
  });
});

describe('layouts', () => {
  it('has the digits pad with X for ID numbers and - for phones', () => {
    expect(digitRows('id').flat()).toContain('X');
    expect(digitRows('phone').flat()).toContain('-');
    expect(digitRows('digits').flat()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(LETTER_ROWS.flat()).toHaveLength(26);
  });
});

describe('the credit code (USCC) keyboard', () => {
  const keys = [...DIGIT_ROW, ...USCC_ROWS.flat()];

  it('has exactly the characters of GB 32100, letters upper-case, no I O Z S V', () => {
    expect([...keys].sort()).toEqual([...USCC_CHARSET].sort());
    for (const ch of 'IOZSV') expect(keys).not.toContain(ch);
    for (const row of USCC_ROWS) for (const k of row) expect(k).toMatch(/^[A-Z]$/);
  });

  it('types a valid code key by key', () => {
    const code = '91350100M000100Y43';
    let typed = '';
    for (const ch of code) {
      expect(keys, ch).toContain(ch);
      typed += ch;
    }
    expect(validateUscc(typed)).toEqual({ ok: true, value: code });
  });

  it('is the layout of a field that asks for it, by data-keyboard or by name', () => {
    const field = (dataset: Record<string, string>, name = '', id = '') =>
      ({ dataset, name, id, getAttribute: () => null }) as unknown as HTMLInputElement;
    expect(layoutFor(field({ keyboard: 'uscc' }))).toBe('uscc');
    const saved = (globalThis as { HTMLInputElement?: unknown }).HTMLInputElement;
    (globalThis as { HTMLInputElement?: unknown }).HTMLInputElement = class {};
    try {
      expect(layoutFor(field({}, 'applicant.uscc', 'f-applicant-uscc'))).toBe('uscc');
      expect(layoutFor(field({}, 'applicant.name', 'f-applicant-name'))).toBe('pinyin');
    } finally {
      (globalThis as { HTMLInputElement?: unknown }).HTMLInputElement = saved;
    }
  });

  it('upper-cases what is pasted or typed on a physical keyboard, full-width too', () => {
    expect(upperCode('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(upperCode('９１３５０１００ｍ０００１００ｙ４３')).toBe('91350100M000100Y43');
    expect(upperCode('9135 0100')).toBe('9135 0100');
  });
});
