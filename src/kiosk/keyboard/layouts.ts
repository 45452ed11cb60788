// Key layouts of the on-screen keyboard. A field picks one with data-keyboard="text|id|digits|phone|email"
// (type="email" and type="tel" are recognised too); text fields get pinyin.

export type LayoutName = 'pinyin' | 'letters' | 'id' | 'digits' | 'phone' | 'email';

export const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map((r) => [...r]);
export const DIGIT_ROW = [...'1234567890'];

/** The digits pad: 3 × 4, the bottom-left key depends on the field (X for resident ID numbers, - for phones). */
export function digitRows(layout: 'id' | 'digits' | 'phone'): string[][] {
  const extra = layout === 'id' ? 'X' : layout === 'phone' ? '-' : '';
  return [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], extra ? [extra, '0'] : ['0']];
}

export const EMAIL_EXTRA = ['@', '.', '_', '-', '.com'];

/** The layout a field asks for. */
export function layoutFor(el: HTMLInputElement | HTMLTextAreaElement): LayoutName {
  const declared = el.dataset.keyboard;
  if (declared === 'id' || declared === 'digits' || declared === 'phone' || declared === 'email')
    return declared;
  if (declared === 'letters') return 'letters';
  if (el instanceof HTMLInputElement) {
    if (el.type === 'email') return 'email';
    if (el.type === 'tel') return 'phone';
    if (el.type === 'number') return 'digits';
  }
  return 'pinyin';
}
