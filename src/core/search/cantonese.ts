// Written Cantonese (a visitor from Hong Kong, Macau or Guangdong types as they speak: 長者咭點樣申請) read as
// the Mandarin the catalogues are written in: 长者卡怎样申请. Only words that are Cantonese and nothing else in a
// mainland query, after the traditional characters are simplified; 系 (关系) or 边 (旁边) alone are left alone.
const WORDS: ReadonlyArray<readonly [string, string]> = [
  ['点样', '怎样'],
  ['点做', '怎么做'],
  ['点办', '怎么办'],
  ['喺边度', '在哪里'],
  ['喺边', '在哪'],
  ['边度', '哪里'],
  ['边个', '哪个'],
  ['几多钱', '多少钱'],
  ['几多', '多少'],
  ['系咪', '是不是'],
  ['唔该', '请'],
  ['唔', '不'],
  ['咩', '什么'],
  ['嘅', '的'],
  ['咗', '了'],
  ['啲', '些'],
  ['冇', '没有'],
  ['佢', '他'],
  ['攞', '拿'],
  // The card (长者咭, 八达通咭): 咭 is the Cantonese loan for card.
  ['咭', '卡'],
];

const PATTERN = new RegExp(WORDS.map(([c]) => c).join('|'), 'g');
const MANDARIN = new Map(WORDS);

/** The text with its written-Cantonese words in Mandarin; anything else as it was. */
export function fromCantonese(text: string): string {
  return text.replace(PATTERN, (w) => MANDARIN.get(w)!);
}
