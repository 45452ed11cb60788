// Key layouts of the on-screen keyboard. A field picks one with
// data-keyboard="pinyin|letters|id|digits|phone|email|uscc" (type, the field's own inputmode and an ID-number or
// credit-code name are recognised too); text fields get pinyin.

export type LayoutName = 'pinyin' | 'letters' | 'id' | 'digits' | 'phone' | 'email' | 'uscc';

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

/** The layout a field asks for: data-keyboard, else its type, its original inputmode, or its name (ID numbers). */
export function layoutFor(el: HTMLInputElement | HTMLTextAreaElement): LayoutName {
  const declared = el.dataset.keyboard;
  if (
    declared === 'id' ||
    declared === 'digits' ||
    declared === 'phone' ||
    declared === 'email' ||
    declared === 'letters' ||
    declared === 'pinyin' ||
    declared === 'uscc'
  )
    return declared;
  if (el instanceof HTMLInputElement) {
    if (el.type === 'email') return 'email';
    if (el.type === 'tel') return 'phone';
    if (el.type === 'number') return 'digits';
  }
  const mode = el.dataset.oskInputmode ?? el.getAttribute('inputmode') ?? '';
  if (/idnumber|idno|id-number|id_number/i.test(`${el.name} ${el.id}`)) return 'id';
  if (/uscc|credit-?code/i.test(`${el.name} ${el.id}`)) return 'uscc';
  if (mode === 'email') return 'email';
  if (mode === 'tel') return 'phone';
  if (mode === 'numeric' || mode === 'decimal') return 'digits';
  return 'pinyin';
}

export const isDigitLayout = (l: LayoutName): l is 'id' | 'digits' | 'phone' =>
  l === 'id' || l === 'digits' || l === 'phone';
