// Query understanding that needs no index: stripping question words from natural questions, splitting off the
// weak "what do I need" words, and finding synonym-table terms inside a Chinese segment.
import { FUNCTION_WORDS, words } from './segment.ts';
import { codePoints } from './text.ts';

/** Longest catalogue name looked for inside a query segment. */
const MAX_NAME_LENGTH = 16;

/** Question and filler phrases removed wherever they occur (longest first when applied). */
const STOP_PHRASES = [
  '请问',
  '我想',
  '我要',
  '想要',
  '想问',
  '怎么样',
  '怎么办',
  '怎么',
  '怎样',
  '如何',
  '哪里',
  '哪儿',
  '哪些',
  '哪个',
  '哪家',
  '在哪里',
  '去哪里',
  '什么地方',
  '哪个地方',
  '到哪里',
  '在哪',
  '去哪',
  '为什么',
  '什么时候',
  '什么',
  '能不能',
  '可不可以',
  '可以',
  '能否',
  '是否',
  '有没有',
  '需不需要',
  '要不要',
  '需要',
  '应该',
  '一下',
  '的话',
  '多少钱',
  '多少',
  '多久',
  '几天',
  '是不是',
  '咨询',
  '了解',
  '查询',
  '关于',
  '有关',
  '相关',
  '的',
].sort((a, b) => b.length - a.length);
const STOP_PHRASE_CHARS = STOP_PHRASES.map((p) => codePoints(p));

/** Single characters dropped only at the edge of a segment (inside a word they are meaningful: 要素, 在职, 办事). */
const EDGE_CHARS = new Set([...'了吗呢吧啊呀么要想找查我在去有能得办该给和与及哪谁几是都还也就再又']);

/**
 * Words that say what the visitor wants to know rather than what about (申请 in 低保怎么申请). They stay in the query
 * with a low weight: they help pick a guide over a list, but a document lacking them is not excluded, and 申请 in
 * 依申请公开 must not dominate.
 */
export const WEAK_WORDS = new Set([
  '申请',
  '办理',
  '材料',
  '资料',
  '条件',
  '流程',
  '手续',
  '程序',
  '时间',
  '地点',
  '地址',
  '电话',
  '费用',
  '收费',
  '期限',
  '时限',
  '要求',
  '办法',
  '指南',
  '步骤',
  '窗口',
  // What is to be done with the topic (装修垃圾怎么处理, 社保查询): every domain has its 投诉处理 and 查询 rows.
  '处理',
  '查询',
  '咨询',
  // 要办证吗 asks whether a permit is needed for what the visitor names, whatever the permit is called.
  '办证',
  // How much (低保标准): asks for the 标准 row but must not outweigh the programme's name.
  '标准',
  // Complaints (烧烤油烟举报): ask for the topic's complaint channel; every domain has a 投诉举报 row, and those
  // must not outrank the rows about the topic itself.
  '投诉',
  '举报',
  // Every row of a government catalogue is the government's: 政府 in 政府有补助吗 says who, not what about.
  '政府',
]);

/** Words and phrases that say the visitor wants a 办事指南 (how to do something). */
const GUIDE_INTENT =
  /怎么|如何|怎样|流程|材料|资料|手续|条件|办理|申请|需要|要什么|哪里|在哪|去哪|多久|多少钱|步骤|指南|窗口/;
/** ...or an explanation of a policy (政策解读). */
const INTERPRETATION_INTENT = /为什么|解读|政策|是什么意思|什么意思/;

export type Intent = 'guide' | 'interpretation' | null;

export function detectIntent(query: string): Intent {
  if (INTERPRETATION_INTENT.test(query)) return 'interpretation';
  if (GUIDE_INTENT.test(query)) return 'guide';
  return null;
}

/**
 * Removes question phrases from a Han run and returns what is left as separate segments
 * (孩子上学要什么材料 → 孩子上学, 材料). If nothing would be left, the run is kept whole: a visitor who types 咨询 means it.
 */
export function stripQuestionWords(
  run: string,
  isProtected: (s: string) => boolean = () => false,
  isWord: (pair: string) => boolean = () => false,
  keepsWhole: (part: string) => boolean = () => false,
): string[] {
  const chars = codePoints(run);
  // Spans covered by a synonym term or a name keep their question words: 社保查询 and 咨询投诉 mean something.
  const keep = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    for (let len = Math.min(MAX_NAME_LENGTH, chars.length - i); len >= 2; len--) {
      const s = chars.slice(i, i + len).join('');
      if (STOP_PHRASES.some((p) => s.includes(p)) && isProtected(s)) {
        keep.fill(1, i, i + len);
        break;
      }
    }
  }
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < chars.length;) {
    // A phrase whose last character starts a weak word with the next one gives way to a shorter phrase: 怎么办理
    // is 怎么 + 办理 (and 怎么办证 怎么 + 办证), not 怎么办 + a stray 理.
    const phrase = keep[i]
      ? undefined
      : STOP_PHRASE_CHARS.find(
          (p) =>
            p.every((ch, k) => chars[i + k] === ch && !keep[i + k]) &&
            !WEAK_WORDS.has(p[p.length - 1]! + (chars[i + p.length] ?? '')),
        );
    if (phrase) {
      parts.push(cur);
      cur = '';
      i += phrase.length;
    } else cur += chars[i++]!;
  }
  parts.push(cur);
  const keepsEdge = (pair: string) => WEAK_WORDS.has(pair) || (codePoints(pair).length === 2 && isWord(pair));
  const out: string[] = [];
  for (const part of parts) {
    // A phrase read whole through its measure word keeps its edges (找个活干 → 找活干: 找 starts it).
    if (part && keepsWhole(part)) {
      out.push(part);
      continue;
    }
    const chars = codePoints(part);
    let a = 0;
    let b = chars.length;
    // An edge character that starts or ends a weak word (办 of 办理) stays: the word is split off later; so does one
    // that makes a word of the catalogue with its neighbour (吧 of 网吧, a particle elsewhere). A
    // two-character function word at the edge goes whole: 我 of 我们村 is not an edge of its own (们村 is no word).
    for (;;) {
      if (b - a >= 3 && FUNCTION_WORDS.has(chars[a]! + chars[a + 1]!)) a += 2;
      else if (a < b && EDGE_CHARS.has(chars[a]!) && !keepsEdge(chars[a]! + (chars[a + 1] ?? ''))) a++;
      else break;
    }
    for (;;) {
      if (b - a >= 3 && FUNCTION_WORDS.has(chars[b - 2]! + chars[b - 1]!)) b -= 2;
      else if (b > a && EDGE_CHARS.has(chars[b - 1]!) && !keepsEdge((chars[b - 2] ?? '') + chars[b - 1]!))
        b--;
      else break;
    }
    if (b > a) out.push(chars.slice(a, b).join(''));
  }
  return out.length ? out : [run];
}

export interface Piece {
  text: string;
  /** The official terms when the piece is a synonym-table term. */
  official?: string[];
  weak?: boolean;
}

/**
 * What a visitor puts between a verb and its object (开个小饭店, 交了社保, 办一张居住证): measure words, 一,
 * 了/过 and 小. Only these: anything else between them (被公司辞退) is words of its own.
 */
const GAP_CHARS = new Set([...'个一了过小家间张本份套辆台点些']);
const MAX_GAP = 3;

/**
 * Closes the gap inside a verb–object phrase the lexicon or the bundle knows whole (开个小饭店 → 开饭店, when
 * 开饭店 is a known term): the phrase is then read as that term, not as a verb and an unknown 个小饭店.
 */
export function closeVerbObjectGaps(
  text: string,
  known: (s: string) => boolean,
  maxLength = 6,
  closed?: Set<string>,
): string {
  const ch = codePoints(text);
  const out: string[] = [];
  for (let i = 0; i < ch.length; i++) {
    out.push(ch[i]!);
    let gap = 0;
    while (gap < MAX_GAP && i + 1 + gap < ch.length && GAP_CHARS.has(ch[i + 1 + gap]!)) gap++;
    if (!gap) continue;
    // The longest object first; the phrase must be a term of three characters at least (开 + 饭店).
    for (let g = gap; g >= 1; g--) {
      const start = i + 1 + g;
      let found = 0;
      for (let len = Math.min(maxLength - 1, ch.length - start); len >= 2 && !found; len--)
        if (known(ch[i]! + ch.slice(start, start + len).join(''))) found = len;
      if (found) {
        closed?.add(ch[i]! + ch.slice(start, start + found).join(''));
        i += g; // the gap is dropped; the object follows in the next rounds
        break;
      }
    }
  }
  return out.join('');
}

/**
 * Finds synonym terms in a segment (longest match, left to right) and splits weak words off its edges:
 * 低保申请 → [低保 → 最低生活保障] [申请 (weak)].
 */
export function splitPieces(
  segment: string,
  synonyms: ReadonlyMap<string, string[]>,
  maxSynonymLength: number,
  isTerm: (s: string) => boolean = () => false,
  inCorpus: (s: string) => boolean = () => false,
): Piece[] {
  const chars = codePoints(segment);
  const pieces: Piece[] = [];
  let plain: string[] = [];
  const flush = () => {
    if (plain.length) pieces.push(...splitWeakEdges(plain.join(''), isTerm));
    plain = [];
  };
  const inside = insideWords(chars, inCorpus);
  for (let i = 0; i < chars.length;) {
    // A catalogue name starting here beats a shorter synonym term inside it: 居住证办理 stays one piece even
    // though 居住证 is a synonym term, because the visitor typed the official name.
    let name = 0;
    for (let len = Math.min(MAX_NAME_LENGTH, chars.length - i); len > 2; len--) {
      if (isTerm(chars.slice(i, i + len).join(''))) {
        name = len;
        break;
      }
    }
    let matched = 0;
    for (let len = Math.min(maxSynonymLength, chars.length - i); len >= 2; len--) {
      const s = chars.slice(i, i + len).join('');
      const official = synonyms.get(s);
      // Not a term starting inside a word of the text the bundle holds (包地 of 自家/承包/地: the visitor said
      // 承包地).
      if (official && len >= name && !inside[i]) {
        flush();
        // A weak word the synonym table expands (举报 → 投诉举报) is still weak.
        pieces.push(WEAK_WORDS.has(s) ? { text: s, official, weak: true } : { text: s, official });
        matched = len;
        break;
      }
    }
    if (!matched && name) {
      flush();
      pieces.push({ text: chars.slice(i, i + name).join('') });
      matched = name;
    }
    if (matched) i += matched;
    else plain.push(chars[i++]!);
  }
  flush();
  return pieces;
}

/**
 * For each character, whether it lies inside a word of the segmenter's, after its first character, where the bundle
 * holds that word (the segmenter's own guesses at unknown text, 天公/交还 of 大雪天公交, count for nothing).
 */
function insideWords(chars: readonly string[], inCorpus: (s: string) => boolean): boolean[] {
  const out = new Array<boolean>(chars.length).fill(false);
  let at = 0;
  for (const w of words(chars.join(''))) {
    const n = codePoints(w).length;
    if (n > 1 && inCorpus(w)) for (let k = 1; k < n; k++) out[at + k] = true;
    at += n;
  }
  return out;
}

function splitWeakEdges(text: string, isTerm: (s: string) => boolean): Piece[] {
  // A lone character left beside a name (食品经营许可证 → 证) says little; it must not outweigh the name.
  if (WEAK_WORDS.has(text) || codePoints(text).length === 1) return [{ text, weak: true }];
  // A known name stays whole even when it ends in a weak word (审核信息, 办理结果).
  if (isTerm(text)) return [{ text }];
  const chars = codePoints(text);
  const head: Piece[] = [];
  const tail: Piece[] = [];
  let a = 0;
  let b = chars.length;
  // Weak words are two characters; peel them while a meaningful core of two or more characters remains.
  while (b - a >= 4 && WEAK_WORDS.has(chars[a]! + chars[a + 1]!)) {
    head.push({ text: chars[a]! + chars[a + 1]!, weak: true });
    a += 2;
  }
  while (b - a >= 4 && WEAK_WORDS.has(chars[b - 2]! + chars[b - 1]!)) {
    tail.unshift({ text: chars[b - 2]! + chars[b - 1]!, weak: true });
    b -= 2;
  }
  return [...head, { text: chars.slice(a, b).join('') }, ...tail];
}

/** Levenshtein distance over code points, stopping early once it exceeds max. */
export function editDistance(a: readonly string[], b: readonly string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
