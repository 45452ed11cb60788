// Regional words read as the Mandarin the catalogues are written in. A visitor types or dictates as they speak:
// written Cantonese from Hong Kong, Macau or Guangdong (長者咭點樣申請), south-western Mandarin (社保咋个交,
// 养老金好多钱, 噶有), Hubei and Hunan (么样办, 做屋), northern and north-eastern (咋整, 嘎哈, 中不中), Wu (哪能办, 啥物事) and
// Min (囝, 厝). Left as they are, these words are read as unknown topic words: 咋个交 became 个交, and
// 养老金好多钱 lost 养老金 to 金好多钱.
//
// Only words that mean this and nothing else in a mainland query, after traditional characters are simplified;
// 系 (关系) or 边 (旁边) alone are left alone, as is any word the bundle itself holds (a Fujian catalogue may name
// its 古厝).

interface DialectWord {
  /** The regional word as typed. */
  word: string;
  /** The Mandarin the catalogues use. */
  mandarin: string;
  /** Characters that must not follow: where the word would be part of a Mandarin word (阿拉伯, 没得到). */
  notBefore?: string;
  /** Characters that must not precede: where its first character ends a Mandarin word (在哪 + 能看到). */
  notAfter?: string;
  /** Only at the end of a question (能报好多, 一个月好多嘛): elsewhere the word is Mandarin too (好多人). */
  last?: boolean;
}

const w = (word: string, mandarin: string, notBefore?: string, notAfter?: string): DialectWord => ({
  word,
  mandarin,
  ...(notBefore ? { notBefore } : {}),
  ...(notAfter ? { notAfter } : {}),
});

/** Characters that make 额 part of a Mandarin word (金额, 名额, 限额, 税额…) when they precede it. */
const AMOUNT_BEFORE_E = '金限名定份超余总差税面配数全';

/** What may follow a word that must end the question: nothing, punctuation, a space or a final particle. */
const QUESTION_END = /^(?:$|[\s\p{P}]|[嘛呢哦啊呀噻哈])/u;

const WORDS: readonly DialectWord[] = [
  // Cantonese.
  w('点样', '怎样'),
  w('点做', '怎么做'),
  w('点办', '怎么办'),
  w('喺边度', '在哪里'),
  w('喺边', '在哪'),
  w('边度', '哪里'),
  w('边个', '哪个'),
  w('几多钱', '多少钱'),
  w('几多', '多少'),
  w('系咪', '是不是'),
  w('唔该', '请'),
  w('唔', '不'),
  w('咩', '什么'),
  w('嘅', '的'),
  w('咗', '了'),
  w('啲', '些'),
  w('冇得', '没有'),
  w('冇', '没有'),
  w('佢哋', '他们'),
  w('佢', '他'),
  w('攞', '拿'),
  w('细路', '孩子'),
  // The card (长者咭, 八达通咭): 咭 is the Cantonese loan for card.
  w('咭', '卡'),
  // South-western Mandarin (Sichuan, Chongqing, Guizhou, Yunnan) and Hunan/Hubei.
  w('咋个', '怎么'),
  w('啷个', '怎么'),
  w('哪门', '怎么'),
  w('啥子', '什么'),
  w('哪点', '哪里'),
  w('哪哈', '哪里'),
  w('好多钱', '多少钱'),
  { word: '好多', mandarin: '多少', last: true },
  w('好久', '多久'),
  w('没得', '没有', '到说'),
  w('莫得', '没有'),
  w('晓得', '知道'),
  w('屋头', '家里'),
  w('屋里头', '家里'),
  w('屋里厢', '家里'),
  w('屋里', '家里'),
  w('娃儿', '孩子'),
  w('娃娃', '孩子'),
  w('幺儿', '孩子'),
  w('细伢子', '孩子'),
  w('伢子', '孩子'),
  w('伢', '孩子'),
  w('堂客', '妻子'),
  // Yunnan and Guizhou: the question marker before a verb (噶有, 给是), 得不得 (can one), 几钱 (how much).
  w('给是', '是不是', '', '交送递发付'),
  w('噶', '是否'),
  w('得不得', '能不能', '了'),
  w('几钱', '多少钱'),
  w('婆娘', '妻子'),
  // Hubei and Hunan (么样办, 么时候, 做屋, the final 啵): not the 么 of 什么样, 怎么样 or 这么样.
  w('么样', '怎么样', '', '什怎这那多要'),
  w('么时候', '什么时候', '', '什怎这那多要'),
  w('做屋', '建房'),
  w('起屋', '建房'),
  { word: '啵', mandarin: '吗', last: true },
  // Northern and north-eastern Mandarin.
  w('咋整', '怎么办'),
  w('咋弄', '怎么办'),
  w('咋搞', '怎么办'),
  w('咋办', '怎么办'),
  w('咋样', '怎样'),
  w('咋', '怎么'),
  w('嘎哈', '干什么'),
  w('干哈', '干什么'),
  w('哪嘎达', '哪里'),
  w('哪旮旯', '哪里'),
  w('这嘎达', '这里'),
  w('啥时候', '什么时候'),
  w('啥地方', '哪里'),
  w('俺们', '我们'),
  // Beijing and Tianjin: 多会儿 and 嘛时候 ask when.
  w('多会儿', '什么时候'),
  w('嘛时候', '什么时候'),
  w('介个', '这个'),
  // The Loess Plateau (Shanxi, northern Shaanxi): coal is 炭, hail 冷子, a wife 婆姨.
  w('炭窑', '煤矿'),
  w('挖炭', '挖煤'),
  w('拉炭', '拉煤'),
  w('炭车', '煤车'),
  w('下冷子', '下冰雹'),
  w('婆姨', '妻子'),
  // Shaanxi and the north-west: 额 is I (额想, 额们), 寻 is to look for (寻个活, 寻工作): not the 额 of 金额 or 名额,
  // nor the 寻 of 寻找, 寻求 or 追寻.
  w('额想', '我想', '', AMOUNT_BEFORE_E),
  w('额们', '我们', '', AMOUNT_BEFORE_E),
  w('额家', '我家', '', AMOUNT_BEFORE_E),
  w('寻', '找', '找求衅常觅味访呼思', '追搜探找'),
  // Henan and Shandong: 中不中 (is it all right), the final 嘞.
  w('中不中', '可不可以'),
  w('嘞', '呢'),
  w('甭', '不用'),
  // Wu (Shanghai, Zhejiang, southern Jiangsu).
  w('啥物事', '什么'),
  w('啥事体', '什么事'),
  w('哪能', '怎么', '', '在去到从'),
  w('几钿', '多少钱'),
  w('钞票', '钱'),
  // The question particle that ends a Wu question (修伐, 好伐): not 采伐 or 砍伐.
  { word: '伐', mandarin: '吗', last: true, notAfter: '采砍讨征杀盗滥' },
  w('几化', '多少'),
  w('阿拉', '我们', '伯善丁斯'),
  w('侬', '你'),
  w('伊拉', '他们'),
  w('覅', '不要'),
  w('弗晓得', '不知道'),
  w('勿晓得', '不知道'),
  w('辰光', '时候'),
  w('今朝', '今天'),
  w('落雨', '下雨'),
  w('交关', '很'),
  w('寻啥人', '找谁'),
  w('啥人', '谁'),
  w('小囡', '孩子'),
  w('囡囡', '孩子'),
  // Min (Fujian, Chaoshan, Taiwan, Hainan) and Hakka: 风台 is a typhoon, 讨海 fishing at sea.
  w('风台', '台风'),
  w('讨海人', '渔民'),
  w('讨海', '出海'),
  w('囝仔', '孩子'),
  w('囝', '孩子'),
  w('厝', '房子'),
  w('呣知', '不知道'),
  w('汝', '你'),
  w('𠊎', '我'),
  // Hakka and Gan (the hills where Guangdong, Fujian and Jiangxi meet): 斫 is to cut (斫树), 屋下 is home, 细人仔 a
  // child, 崩山 a landslide, 木梓 the tea-oil tree, 落大雨 heavy rain.
  w('斫', '砍'),
  w('屋下', '家里'),
  w('细人仔', '孩子'),
  w('细人子', '孩子'),
  w('崩山', '山体滑坡'),
  w('木梓', '油茶'),
  w('落大雨', '下大雨'),
];

const BY_WORD = new Map(WORDS.map((d) => [d.word, d]));
// Longest first, so 屋里头 wins over 屋里 and 冇得 over 冇.
const PATTERN = new RegExp(
  [...WORDS]
    .sort((a, b) => b.word.length - a.word.length)
    .map((d) => d.word)
    .join('|'),
  'gu',
);

/**
 * Northern speech adds 儿 to words (那片儿, 房本儿, 老伴儿, 片儿警, 院儿) that the catalogues write without it. A 儿 is
 * part of the word itself after these characters (女儿, 孤儿, 婴儿, 幼儿, 新生儿, 育儿, 托儿所, 妇儿, 孩儿; 哪儿 and
 * 这儿 are question and place words read as they are) …
 */
const ER_WORD_AFTER = '女孤婴幼胎患孙侄生育养托弃男少小健宠混妻乳妇孩儿哪这那';
/** … and before these (儿子, 儿童, 儿科, 儿媳, 儿女, 儿孙, 儿歌, 儿时, 儿戏). */
const ER_WORD_BEFORE = '子童科媳女孙歌时戏';
const ERHUA = /(\p{Script=Han})儿/gu;

/** The text without the 儿 of northern speech, except where the 儿 is part of a word or the bundle holds it. */
function withoutErhua(text: string, holds: (word: string) => boolean): string {
  return text.replace(ERHUA, (pair, before: string, at: number) => {
    const next = text.slice(at + pair.length, at + pair.length + 1);
    if (ER_WORD_AFTER.includes(before) || (next && ER_WORD_BEFORE.includes(next))) return pair;
    return holds(pair) ? pair : before;
  });
}

/**
 * The text with its regional words in Mandarin; anything else as it was. `holds` says whether the bundle holds a
 * word: such a word is the bundle's own and stays.
 */
export function fromDialect(text: string, holds: (word: string) => boolean = () => false): string {
  const mandarin = text.replace(PATTERN, (word, at: number) => {
    const d = BY_WORD.get(word)!;
    const next = text.slice(at + word.length, at + word.length + 1);
    const prev = text.slice(Math.max(0, at - 1), at);
    if ((next && d.notBefore?.includes(next)) || (prev && d.notAfter?.includes(prev))) return word;
    if (d.last && !QUESTION_END.test(text.slice(at + word.length))) return word;
    return holds(word) ? word : d.mandarin;
  });
  return mandarin.includes('儿') ? withoutErhua(mandarin, holds) : mandarin;
}
