// Key layouts of the on-screen keyboard. A field picks one with
// data-keyboard="pinyin|letters|id|digits|phone|email|uscc|code" (type, the field's own inputmode and an ID-number
// or credit-code name are recognised too); text fields get pinyin. 'symbols' (digits and punctuation) and
// 'handwriting' (手写) are layers a text layout reaches with one key, not a field's own layout.

export type LayoutName =
  'pinyin' | 'letters' | 'id' | 'digits' | 'phone' | 'email' | 'uscc' | 'code' | 'symbols' | 'handwriting';

const FIELD_LAYOUTS: readonly LayoutName[] = [
  'pinyin',
  'letters',
  'id',
  'digits',
  'phone',
  'email',
  'uscc',
  'code',
];

export const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map((r) => [...r]);
export const DIGIT_ROW = [...'1234567890'];

/** The digits pad: 3 × 4, the bottom-left key depends on the field (X for resident ID numbers, - for phones). */
export function digitRows(layout: 'id' | 'digits' | 'phone'): string[][] {
  const extra = layout === 'id' ? 'X' : layout === 'phone' ? '-' : '';
  return [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], extra ? [extra, '0'] : ['0']];
}

export const EMAIL_EXTRA = ['@', '.', '_', '-', '.com'];

/**
 * 统一社会信用代码 (GB 32100): digits and the capital letters it uses, in QWERTY order without I, O, Z, S and V, so
 * every key types a character a valid code can have, already upper-case.
 */
export const USCC_ROWS = ['QWERTYUP', 'ADFGHJKL', 'XCBNM'].map((r) => [...r]);

/**
 * 查询码 (receipt codes): exactly the receipt alphabet (core/application/receipt.ts: no 0 1 I L O; written out here
 * so the first paint does not load the receipt module), digits first, then upper-case letters in QWERTY order.
 */
export const CODE_ROWS = ['23456789', 'QWERTYUP', 'ASDFGHJK', 'ZXCVBNM'].map((r) => [...r]);

/**
 * The 123/符号 layer: digits, then the Chinese punctuation of addresses and 文号 (〔2024〕3号, 《…》), then the ASCII
 * signs of e-mail addresses and house numbers (3-2-101, a_b@c.cn).
 */
export const SYMBOL_ROWS = [
  [...'1234567890'],
  ['，', '。', '、', '：', '；', '？', '！', '“', '”', '…'],
  ['〔', '〕', '《', '》', '（', '）', '【', '】', '—', '·'],
  ['-', '@', '.', '_', '/', '#', ',', ':', '(', ')'],
];

/** What a field's own attributes ask for (type, inputmode, name or id), without a data-keyboard. */
export function layoutFromAttributes(a: {
  type?: string | undefined;
  inputMode?: string | undefined;
  name?: string | undefined;
  id?: string | undefined;
}): LayoutName {
  if (a.type === 'email') return 'email';
  if (a.type === 'tel') return 'phone';
  if (a.type === 'number') return 'digits';
  const names = `${a.name ?? ''} ${a.id ?? ''}`;
  if (/idnumber|idno|id-number|id_number/i.test(names)) return 'id';
  if (/uscc|credit-?code/i.test(names)) return 'uscc';
  const mode = a.inputMode ?? '';
  if (mode === 'email') return 'email';
  if (mode === 'tel') return 'phone';
  if (mode === 'numeric' || mode === 'decimal') return 'digits';
  return 'pinyin';
}

/**
 * The layout a field asks for, read from the field itself each time (an element the page reuses for another
 * field on the next step asks anew): data-keyboard, else its type, its inputmode (the one the page set, kept in
 * data-osk-inputmode while the system keyboard is suppressed), or its name (ID numbers, credit codes).
 */
export function layoutFor(el: HTMLInputElement | HTMLTextAreaElement): LayoutName {
  const declared = el.dataset.keyboard as LayoutName | undefined;
  if (declared && FIELD_LAYOUTS.includes(declared)) return declared;
  const attr = el.getAttribute('inputmode');
  const mode = attr && attr !== 'none' ? attr : (el.dataset.oskInputmode ?? '');
  return layoutFromAttributes({
    type: (el as HTMLInputElement).type,
    inputMode: mode,
    name: el.name,
    id: el.id,
  });
}

export const isDigitLayout = (l: LayoutName): l is 'id' | 'digits' | 'phone' =>
  l === 'id' || l === 'digits' || l === 'phone';
