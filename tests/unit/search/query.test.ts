import { describe, expect, it } from 'vitest';
import {
  closeVerbObjectGaps,
  detectIntent,
  editDistance,
  splitPieces,
  stripQuestionWords,
} from '../../../src/core/search/query.ts';
import { codePoints, normalizeText, splitRuns, tokenize } from '../../../src/core/search/text.ts';
import { decodeInts, encodeInts } from '../../../src/core/search/varint.ts';
import { PinyinTable, VocabPinyin } from '../../../src/core/search/pinyin.ts';

describe('text', () => {
  it('folds full-width forms and case, writes ü as v', () => {
    expect(normalizeText('ＤＩＢＡＯ１２３')).toBe('dibao123');
    expect(normalizeText('lü')).toBe('lv');
  });

  it('cuts Han and ASCII runs at punctuation', () => {
    const runs = splitRuns(normalizeText('最低生活保障（低保）12345热线'));
    expect(runs.map((r) => [r.kind, r.chars.join('')])).toEqual([
      ['han', '最低生活保障'],
      ['han', '低保'],
      ['ascii', '12345'],
      ['han', '热线'],
    ]);
  });

  it('tokenises into bigrams, lone characters and ASCII words, outside the BMP too', () => {
    expect([...tokenize('户口迁移')]).toEqual(['户口', '口迁', '迁移']);
    expect([...tokenize('税')]).toEqual(['税']);
    expect([...tokenize('𠮷野家')]).toEqual(['𠮷野', '野家']);
    expect([...tokenize('A级 IC卡')]).toEqual(['级', 'ic', '卡']);
  });
});

describe('varint', () => {
  it('round-trips small and large integers', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 99_999, 2 ** 31, 5];
    expect(decodeInts(encodeInts(values))).toEqual(values);
    expect(encodeInts([3, 7]).length).toBe(2);
  });

  it('refuses negative numbers and corrupt text', () => {
    expect(() => encodeInts([-1])).toThrow();
    expect(() => decodeInts('a*')).toThrow();
    expect(() => decodeInts(encodeInts([99_999]).slice(0, 2))).toThrow(/truncated/);
  });
});

describe('question words', () => {
  it('strips question phrases and edge characters, keeping what is asked about', () => {
    expect(stripQuestionWords('低保怎么申请')).toEqual(['低保', '申请']);
    expect(stripQuestionWords('孩子上学要什么材料')).toEqual(['孩子上学', '材料']);
    expect(stripQuestionWords('在哪里办理出生登记')).toEqual(['办理出生登记']);
    expect(stripQuestionWords('我想申请特困供养')).toEqual(['申请特困供养']);
    // "When" is asked as a whole: 时候 does not stay to be read as part of the verb after it (时候拆).
    expect(stripQuestionWords('北关那片到底什么时候拆').join('|')).not.toContain('时候');
  });

  it('reads 怎么办理 as 怎么 + 办理, not 怎么办 + a stray 理 (which lifted every 管理 row)', () => {
    expect(stripQuestionWords('居住证怎么办理')).toEqual(['居住证', '办理']);
    expect(stripQuestionWords('养狗怎么办证')).toEqual(['养狗', '办证']);
    // Where nothing follows, 怎么办 is the question as a whole.
    expect(stripQuestionWords('工资被拖欠了怎么办')).toEqual(['工资被拖欠']);
  });

  it('keeps an edge character that makes a word of the catalogue with its neighbour (吧 of 网吧)', () => {
    expect(stripQuestionWords('网吧', undefined, (pair) => pair === '网吧')).toEqual(['网吧']);
    expect(stripQuestionWords('开网吧', undefined, (pair) => pair === '网吧')).toEqual(['开网吧']);
    // Elsewhere 吧 is a particle.
    expect(stripQuestionWords('低保吧')).toEqual(['低保']);
  });

  it('drops a two-character function word at an edge whole, never leaving half of it (们 of 我们)', () => {
    expect(stripQuestionWords('我们小区停水了')).toEqual(['小区停水']);
    expect(stripQuestionWords('你们这里能办社保卡吗')).toEqual(['社保卡']);
    expect(stripQuestionWords('就是我们村发大水了')).toEqual(['村发大水']);
  });

  it('keeps a query that is only question words, and protected terms', () => {
    expect(stripQuestionWords('咨询')).toEqual(['咨询']);
    expect(stripQuestionWords('社保查询', (s) => s === '社保查询')).toEqual(['社保查询']);
  });

  it('detects what kind of document is wanted', () => {
    expect(detectIntent('低保怎么申请')).toBe('guide');
    expect(detectIntent('户口迁移要什么材料')).toBe('guide');
    expect(detectIntent('低保政策解读')).toBe('interpretation');
    expect(detectIntent('最低生活保障')).toBeNull();
  });
});

describe('pieces', () => {
  const synonyms = new Map([
    ['低保', ['最低生活保障']],
    ['居住证', ['居住证办理']],
  ]);
  const names = new Set(['居住证办理', '审核信息']);

  it('finds synonym terms and splits weak words off the edges', () => {
    expect(splitPieces('低保申请', synonyms, 3)).toEqual([
      { text: '低保', official: ['最低生活保障'] },
      { text: '申请', weak: true },
    ]);
    expect(splitPieces('户口迁移申请', synonyms, 3)).toEqual([
      { text: '户口迁移' },
      { text: '申请', weak: true },
    ]);
  });

  it('keeps a catalogue name whole even when a synonym term or weak word is inside it', () => {
    expect(splitPieces('居住证办理', synonyms, 3, (s) => names.has(s))).toEqual([{ text: '居住证办理' }]);
    expect(splitPieces('审核信息', synonyms, 3, (s) => names.has(s))).toEqual([{ text: '审核信息' }]);
  });

  it('starts no synonym term inside a word the bundle holds (包地 of 自家/承包/地)', () => {
    const own = new Map([['包地', ['土地经营权流转']]]);
    const corpus = new Set(['承包', '自家']);
    const texts = (inCorpus?: (s: string) => boolean) =>
      splitPieces('自家承包地', own, 3, () => false, inCorpus).map((p) => p.text);
    expect(texts()).toEqual(['自家承', '包地']);
    expect(texts((s) => corpus.has(s))).toEqual(['自家承包地']);
    // The segmenter's guesses at text the bundle does not hold (天公/交还 of 大雪天公交) block nothing.
    expect(
      splitPieces(
        '大雪天公交',
        new Map([['公交', ['城市公交']]]),
        3,
        () => false,
        (s) => s === '大雪',
      ),
    ).toEqual(expect.arrayContaining([{ text: '公交', official: ['城市公交'] }]));
  });

  it('makes a lone leftover character weak', () => {
    expect(splitPieces('居住证办理证', synonyms, 3, (s) => names.has(s))).toEqual([
      { text: '居住证办理' },
      { text: '证', weak: true },
    ]);
  });

  it('measures edit distance by code point', () => {
    expect(editDistance(codePoints('户口迁多'), codePoints('户口迁移'), 2)).toBe(1);
    expect(editDistance(codePoints('居往证'), codePoints('居住证'), 2)).toBe(1);
    expect(editDistance(codePoints('abc'), codePoints('xyz'), 1)).toBe(2);
  });
});

describe('pinyin tables', () => {
  const table = new PinyinTable({
    hu: '户护',
    kou: '口',
    qian: '迁签前',
    yi: '移一',
    di: '低地',
    bao: '保宝',
    xing: '行',
    hang: '行',
  });

  it('splits letters into syllables, the last one possibly unfinished', () => {
    expect(table.split('hukouqianyi')).toEqual(['hu', 'kou', 'qian', 'yi']);
    expect(table.split('hukouq')).toEqual(['hu', 'kou', 'q']);
    expect(table.split('dbsq')).toBeNull();
  });

  it('lists every reading of letters as the fewest whole syllables (jine: ji ne, jin e)', () => {
    const t = new PinyinTable({ ji: '技', ne: '呢', jin: '金', e: '额', xi: '西', an: '安', xian: '县' });
    expect(t.splits('jine')).toEqual(
      expect.arrayContaining([
        ['ji', 'ne'],
        ['jin', 'e'],
      ]),
    );
    expect(t.splits('xian')).toEqual([['xian']]);
    // An unfinished last syllable is no word yet.
    expect(table.splits('hukouq')).toEqual([]);
  });

  it('lists reading variants of polyphonic characters', () => {
    expect(table.variants(['行'])).toEqual([['xing'], ['hang']]);
    expect(table.variants(['户', '口'])).toEqual([['hu', 'kou']]);
    expect(table.variants(['龘'])).toEqual([]);
  });

  it('lists the usual reading first when the index carries it', () => {
    const chars = { hang: '行', xing: '行', he: '和', hu: '和户' };
    expect(new PinyinTable(chars).knowsUsual).toBe(false);
    const usual = new PinyinTable(chars, { xing: '行', he: '和' });
    expect(usual.knowsUsual).toBe(true);
    expect(usual.readings('行')).toEqual(['xing', 'hang']);
    expect(usual.readings('和')).toEqual(['he', 'hu']);
    expect(usual.readings('户')).toEqual(['hu']);
  });

  it('matches vocabulary by full pinyin, prefix and initials', () => {
    const vp = VocabPinyin.of([
      ['hu', 'kou', 'qian', 'yi'],
      ['di', 'bao'],
      ['zui', 'di', 'bao', 'zhang'],
    ]);
    expect(vp.fullKey.get('hukouqianyi')).toEqual([0]);
    expect(vp.initKey.get('db')).toEqual([1]);
    const exact = vp.searchFull('dibao', true);
    expect(exact.find((h) => h.id === 1)?.quality).toBe(1);
    expect(exact.find((h) => h.id === 2)?.quality).toBeLessThan(1); // inside 最低保障 at syllable boundaries
    expect(vp.searchFull('hukouq', true)[0]).toMatchObject({ id: 0, quality: 0.8 });
    expect(vp.searchFull('ukou', true)).toEqual([]); // not at a syllable start
    expect(vp.searchInitials('hkqy')[0]).toMatchObject({ id: 0, quality: 1 });
  });

  it('finds a term late in a large vocabulary whose other syllables hold the same letters inside them', () => {
    // 5,000 terms of 电 and 天 (dian, tian: "an" inside each syllable), then 安置 (an zhi): the places looked at are
    // syllable starts, so the letters inside other syllables use up no part of the scan's limit.
    const terms = [
      ...Array.from({ length: 5000 }, (_, i) => (i % 2 ? ['dian', 'li'] : ['tian', 'qi'])),
      ['an', 'zhi'],
    ];
    const vp = VocabPinyin.of(terms);
    expect(vp.searchFull('an', true).map((h) => h.id)).toEqual([5000]);
    expect(vp.searchFull('anzhi', false)).toEqual([{ id: 5000, quality: 1, cover: 1, from: 0, to: 2 }]);
    expect(vp.searchInitials('az').map((h) => h.id)).toEqual([5000]);
  });
});

describe('closeVerbObjectGaps', () => {
  const known = (s: string) => ['开饭店', '交社保', '办居住证'].includes(s);

  it('reads a known verb–object phrase through a measure word, 一, 了 or 小 inside it', () => {
    expect(closeVerbObjectGaps('我想开个小饭店要办什么证', known)).toBe('我想开饭店要办什么证');
    expect(closeVerbObjectGaps('厂里交了社保没有', known)).toBe('厂里交社保没有');
    expect(closeVerbObjectGaps('办一张居住证', known)).toBe('办居住证');
  });

  it('leaves other words between a verb and a noun, and phrases it does not know', () => {
    expect(closeVerbObjectGaps('被公司无故辞退', known)).toBe('被公司无故辞退');
    expect(closeVerbObjectGaps('开个小卖部', known)).toBe('开个小卖部');
    expect(closeVerbObjectGaps('一个人在家', known)).toBe('一个人在家');
  });

  it('tells which phrases it closed, and question words keep such a phrase whole (找个活干: 找 starts it)', () => {
    const closed = new Set<string>();
    const text = closeVerbObjectGaps('我想找个活干', (s) => s === '找活干', 6, closed);
    expect(text).toBe('我想找活干');
    expect([...closed]).toEqual(['找活干']);
    expect(stripQuestionWords(text)).toEqual(['活干']);
    expect(stripQuestionWords(text, undefined, undefined, (p) => closed.has(p))).toEqual(['找活干']);
  });
});
