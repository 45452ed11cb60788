// Word segmentation of queries with the runtime's own dictionary segmenter (ICU through Intl.Segmenter, in both
// Chromium and Node), so the particles, pronouns and modal verbs of a spoken question (生孩子能报销吗) are words of
// their own that can be dropped, instead of glue that makes the whole question one unknown word.
import { codePoints } from './text.ts';

/**
 * Words that carry no topic: particles, pronouns, modal and auxiliary verbs, question words, prepositions and
 * adverbs of degree. Matched as whole words of the segmenter's output, so 能源 or 要素 are untouched.
 */
export const FUNCTION_WORDS = new Set([
  ...'了吗呢吧啊呀哦嘛么呗啦哈的得着过我你您他她它咱俺这那是就都也还又再才很太挺把被给让跟和与及或在从对向到去来有没不请谁哪几啥咋能会要想该可',
  '我们',
  '你们',
  '他们',
  '咱们',
  // Whose (我家房子, 咱家孩子): the topic is what follows.
  '我家',
  '咱家',
  '俺家',
  '我们家',
  '自己',
  '人家',
  '这个',
  '那个',
  '这些',
  '那些',
  '这里',
  '那里',
  '这样',
  '那样',
  '可以',
  '能够',
  '能否',
  '可否',
  '是否',
  '需要',
  '应该',
  '应当',
  '必须',
  '想要',
  '打算',
  '准备',
  '或者',
  '还是',
  '以及',
  '而且',
  '但是',
  '如果',
  '的话',
  '一下',
  '一个',
  '一些',
  '有些',
  '什么',
  '怎么',
  '怎样',
  '怎么样',
  '如何',
  '哪里',
  '哪儿',
  '哪个',
  '哪些',
  '为什么',
  '为啥',
  '多少',
  '多久',
  '请问',
  '知道',
  '麻烦',
  '没有',
  '有没有',
  '能不能',
  '可不可以',
  '是不是',
  '已经',
  '现在',
  '马上',
  '还有',
  '就是',
  '一般',
  '非常',
  '比较',
  // Frequency and time adverbials (每月发多少): they say when, never what about.
  '每月',
  '每个月',
  '每年',
  '每天',
  '平时',
  '以后',
  '之前',
]);

/** Every character of a function word: a stretch holding none of them has nothing to drop (most names). */
const FUNCTION_CHARS = new Set([...FUNCTION_WORDS].flatMap((w) => Array.from(w)));

let segmenter: Intl.Segmenter | null | undefined;
/** Recent segmentations: typing repeats the same stretches keystroke after keystroke. */
const memo = new Map<string, string[]>();

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    } catch {
      segmenter = null; // a runtime without ICU word data: every character is its own word
    }
  }
  return segmenter;
}

/** The words of a Han string, in order. */
export function words(text: string): string[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const s = getSegmenter();
  if (!s) return codePoints(text);
  const out: string[] = [];
  for (const w of s.segment(text)) out.push(w.segment);
  if (memo.size >= 256) memo.clear();
  memo.set(text, out);
  return out;
}

/**
 * Splits a Han string at its function words (dropped), keeping spans a caller protects (a synonym term or a
 * catalogue name: 有线电视, 我要办 in a title) whole. Returns the content stretches, never empty strings.
 */
export function splitAtFunctionWords(text: string, isProtected: (s: string) => boolean): string[] {
  if (!Array.from(text).some((ch) => FUNCTION_CHARS.has(ch))) return [text];
  const ws = joinFunctionWords(words(text));
  if (ws.length < 2) return [text];
  const inSpan = protectedSpans(codePoints(text), isProtected);
  const parts: string[] = [];
  let cur = '';
  let at = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const len = codePoints(w).length;
    // A function word inside a protected span stays (的 of 医保卡里的钱), as does one that starts or ends a
    // protected word with its neighbour (有线电视 must not lose its 有 when the segmenter cuts 有 + 线电视).
    const prev = ws[i - 1] ?? '';
    const next = ws[i + 1] ?? '';
    const shielded =
      inSpan.subarray(at, at + len).every(Boolean) || isProtected(w + next) || isProtected(prev + w);
    at += len;
    if (FUNCTION_WORDS.has(w) && !shielded) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += w;
  }
  if (cur) parts.push(cur);
  return parts.length ? parts : [text];
}

/**
 * Joins single characters the segmenter left apart into the function word they make (每/个/月 → 每个月 of
 * 残疾人每个月有补贴吗): left apart, 每 is glued to the word before and 个月 to nothing.
 */
function joinFunctionWords(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    let joined = 0;
    for (let n = 3; n >= 2 && !joined; n--) {
      const run = ws.slice(i, i + n);
      if (
        run.length === n &&
        run.every((w) => codePoints(w).length === 1) &&
        FUNCTION_WORDS.has(run.join(''))
      )
        joined = n;
    }
    if (joined) {
      out.push(ws.slice(i, i + joined).join(''));
      i += joined - 1;
    } else out.push(ws[i]!);
  }
  return out;
}

/** Longest protected stretch examined for a function word inside it (医保卡里的钱, 把户口迁过来). */
const MAX_PROTECTED = 12;

/**
 * Marks the characters covered by a protected stretch of three or more characters that holds a function character
 * (two-character words are the caller's neighbour check: a corpus bigram across two words, 前还 of 提前/还/贷, is none).
 */
function protectedSpans(chars: readonly string[], isProtected: (s: string) => boolean): Uint8Array {
  const mark = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++)
    for (let len = Math.min(MAX_PROTECTED, chars.length - i); len >= 3; len--) {
      const span = chars.slice(i, i + len);
      if (span.some((ch) => FUNCTION_CHARS.has(ch)) && isProtected(span.join(''))) {
        mark.fill(1, i, i + len);
        break;
      }
    }
  return mark;
}
