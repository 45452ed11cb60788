import { describe, expect, it } from 'vitest';
import { parseWords, PinyinIme, phrasesFromVocab, splitPinyin } from '../../../src/kiosk/keyboard/ime.ts';
import { suppressSystemKeyboard, type Field } from '../../../src/kiosk/keyboard/controller.ts';
import { generateReceiptCode, RECEIPT_ALPHABET } from '../../../src/core/application/receipt.ts';
import { SYLLABLES } from '../../../src/kiosk/keyboard/syllables.ts';
import { USCC_CHARSET, validateUscc } from '../../../src/core/application/validators.ts';
import { upperCode } from '../../../src/kiosk/apply/draft.ts';
import {
  CODE_ROWS,
  DIGIT_ROW,
  digitRows,
  layoutFor,
  layoutFromAttributes,
  LETTER_ROWS,
  SYMBOL_ROWS,
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

describe('the general word list (built from jieba and the form and catalogue)', () => {
  const general = parseWords();
  const ime = new PinyinIme(phrasesFromVocab(vocab, KINDS), general);
  const texts = (letters: string) => ime.candidates(letters).map((c) => c.text);

  it('makes common words of the form words: 怎么, 单元, 小区, 邮政编码, 通信地址', () => {
    expect(texts('zenme')[0]).toBe('怎么');
    expect(texts('zenm')[0]).toBe('怎么');
    expect(texts('danyuan')[0]).toBe('单元');
    expect(texts('xiaoqu')[0]).toBe('小区');
    expect(texts('youzhengbianma')[0]).toBe('邮政编码');
    expect(texts('tongxindizhi')[0]).toBe('通信地址');
  });

  it('offers the word typed before longer ones from the bundle: hukou → 户口, then 户口迁移', () => {
    const hukou = texts('hukou');
    expect(hukou[0]).toBe('户口');
    expect(hukou).toContain('户口迁移');
    expect(hukou.indexOf('户口')).toBeLessThan(hukou.indexOf('户口迁移'));
  });

  it("orders homophones by frequency, the bundle's own words first", () => {
    expect(texts('shenme')[0]).toBe('什么');
    expect(texts('gongzuo')[0]).toBe('工作');
    // 低保 (a synonym in the bundle) before any general word read di bao.
    expect(texts('dibao')[0]).toBe('低保');
    // Without the bundle, the general list alone still has the common words.
    expect(new PinyinIme([], general).candidates('hukou')[0]?.text).toBe('户口');
  });

  it('reads polyphonic words as the word is read: 银行 yin hang, 行政 xing zheng', () => {
    const byText = new Map(general.map((p) => [p.text, p.syllables.join(' ')]));
    expect(byText.get('银行')).toBe('yin hang');
    expect(byText.get('行政')).toBe('xing zheng');
    expect(general.length).toBeGreaterThan(10000);
    for (const p of general.slice(0, 2000)) expect(p.syllables.every(Boolean), p.text).toBe(true);
  });

  it('learns nothing between visitors: picking changes no order, and the general words survive a new bundle', () => {
    const before = texts('hukou');
    ime.candidates('hukouqianyi');
    expect(texts('hukou')).toEqual(before);
    ime.setPhrases([]);
    expect(texts('zenme')[0]).toBe('怎么');
    ime.setPhrases(phrasesFromVocab(vocab, KINDS));
    expect(texts('hukou')).toEqual(before);
  });
});

describe('the 123/符号 layer and the receipt-code layout', () => {
  const symbols = SYMBOL_ROWS.flat();

  it('has the digits and the punctuation of addresses, 文号 and e-mail', () => {
    for (const ch of '1234567890〔〕《》（）、，。：；-@._/#') expect(symbols, ch).toContain(ch);
    expect(new Set(symbols).size).toBe(symbols.length);
    // Every character of 〔2024〕3号 but 号 (typed in pinyin) is on it, and 3-2-101 and a_b@c.cn too.
    for (const ch of '〔2024〕3' + '3-2-101' + 'a_b@c.cn'.replace(/[a-z]/g, ''))
      expect(symbols).toContain(ch);
    // Rows short enough for 60 px keys with 8 px gaps on a 1080 px wide portrait screen.
    for (const row of SYMBOL_ROWS) expect((row.length + 2) * 68).toBeLessThanOrEqual(1080);
  });

  it('types any receipt code, and only the receipt alphabet', () => {
    const keys = CODE_ROWS.flat();
    expect([...keys].sort()).toEqual([...RECEIPT_ALPHABET].sort());
    for (let i = 0; i < 20; i++) for (const ch of generateReceiptCode()) expect(keys).toContain(ch);
  });
});

describe('every field gets its own layout, each time it gains focus', () => {
  /** A stand-in for an <input>: attributes, dataset, inputMode (what layoutFor and the suppression read). */
  class FakeInput {
    dataset: Record<string, string> = {};
    attrs = new Map<string, string>();
    constructor(
      public name: string,
      public type = 'text',
      public id = '',
    ) {}
    getAttribute(k: string) {
      return this.attrs.get(k) ?? null;
    }
    set inputMode(v: string) {
      this.attrs.set('inputmode', v);
    }
  }

  it('decides from the field: postcode digits, phone, e-mail, ID number, text pinyin', () => {
    expect(layoutFromAttributes({ inputMode: 'numeric', name: 'contact.postCode' })).toBe('digits');
    expect(layoutFromAttributes({ type: 'tel', inputMode: 'tel', name: 'contact.phone' })).toBe('phone');
    expect(layoutFromAttributes({ type: 'email', name: 'contact.email' })).toBe('email');
    expect(layoutFromAttributes({ inputMode: 'text', name: 'applicant.idNumber' })).toBe('id');
    expect(layoutFromAttributes({ inputMode: 'text', name: 'contact.address' })).toBe('pinyin');
  });

  it("an element reused for the next step's field (联系人 → 邮政编码) asks anew", () => {
    const el = new FakeInput('applicant.contactPerson');
    el.attrs.set('inputmode', 'text');
    el.dataset.keyboard = 'pinyin';
    suppressSystemKeyboard(el as unknown as Field);
    expect(el.getAttribute('inputmode')).toBe('none');
    expect(layoutFor(el as unknown as HTMLInputElement)).toBe('pinyin');
    // The page renders 邮政编码 into the same element: new name, inputmode and data-keyboard.
    el.name = 'contact.postCode';
    el.attrs.set('inputmode', 'numeric');
    el.dataset.keyboard = 'digits';
    suppressSystemKeyboard(el as unknown as Field);
    expect(el.dataset.oskInputmode).toBe('numeric');
    expect(layoutFor(el as unknown as HTMLInputElement)).toBe('digits');
    // Without data-keyboard, the inputmode the page set since is read, not the one recorded first.
    delete el.dataset.keyboard;
    expect(layoutFor(el as unknown as HTMLInputElement)).toBe('digits');
    el.attrs.set('inputmode', 'tel');
    suppressSystemKeyboard(el as unknown as Field);
    expect(layoutFor(el as unknown as HTMLInputElement)).toBe('phone');
  });
});
