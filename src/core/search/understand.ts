// Stage 1, understanding: turns the typed text into a plan of "concepts" (what the visitor asks about), each with
// alternative Chinese strings: the typed text, synonym and lexicon official terms, the words its pinyin spells,
// a homophone or typo correction. Also decides the query's intent. Reads the corpus; scores nothing.
import type { Corpus, VocabEntry } from './corpus.ts';
import type { VocabHit } from './pinyin.ts';
import { detectIntents, isIntentWord, type IntentKind } from './intent.ts';
import {
  closeVerbObjectGaps,
  detectIntent,
  splitPieces,
  stripQuestionWords,
  WEAK_WORDS,
  type Intent,
} from './query.ts';
import { splitAtFunctionWords, words } from './segment.ts';
import { codePoints, normalizeText, splitRuns, type Run } from './text.ts';
import { fromDialect } from './dialect.ts';
import { toSimplified } from './traditional.ts';

/** Where an alternative comes from; 'guess' is a corpus word two initials might stand for (sq → 申请). */
export type Via = 'query' | 'synonym' | 'pinyin' | 'initials' | 'homophone' | 'fuzzy' | 'lexicon' | 'guess';

export interface Alt {
  text: string;
  weight: number;
  via: Via;
  /**
   * A guess at a longer term than what was typed (a vocabulary term the pinyin only starts), or an official term
   * such a guess stands for: it matches documents, but does not earn them the bonus of an exact name.
   */
  guessed?: boolean;
}

export interface Concept {
  source: string;
  alts: Alt[];
  weight: number;
  weak: boolean;
  /** Normalised names of departments the concept names (民政局), for the department bonus. */
  depts: string[];
  /** A domain the concept names exactly. */
  domain: string | null;
  /** Set by retrieval: whether any document matched the concept. */
  active: boolean;
  /**
   * The services a situation the query tells of points to (老伴+去世 → 丧葬补助金): words the visitor did not type,
   * beside the concepts of the words they did.
   */
  situation?: boolean;
  /**
   * Set by retrieval: more documents match the concept strongly than match a rarer concept beside it (备案 of
   * 开诊所要备案吗). It then counts at `rarity` of its weight, as a common term does in any ranking by rarity.
   */
  common?: boolean;
  /** Set by retrieval with `common`: the concept's idf over the rarest concept's, at least COMMON_WEIGHT. */
  rarity?: number;
}

/** The least share of its weight a common concept keeps (see Concept.common). */
export const COMMON_WEIGHT = 0.6;

/** The weight a concept counts with in retrieval and ranking. */
export function weightOf(c: Concept): number {
  return c.common ? c.weight * (c.rarity ?? COMMON_WEIGHT) : c.weight;
}

export interface Plan {
  concepts: Concept[];
  /** The document type the query asks for (guide, interpretation), if any. */
  intent: Intent;
  /** What kind of answer the query asks for (intent.ts); ranking boosts documents that give it. */
  intents: IntentKind[];
  /** The normalised query without spaces, for whole-query exact-name matching. */
  whole: string;
  corrections: string[];
}

export const WEAK_WEIGHT = 0.3;
/** The weight of a partial typo fix: a homophone fix that leaves a bigram still unknown, only a guess. */
const PARTIAL_FIX_WEIGHT = 0.7;
export const MAX_ALTS = 6;
/**
 * A synonym of a word full pinyin spells, where the bundle holds the word itself (hukou: 户籍 of 户口), counts at
 * this share: below the word in a parent level of a name (0.85), so every title holding the word comes first.
 */
const SPELLED_WORD_WIDENING = 0.8;
/** Another name of the same lexicon row, as the catalogue writes it, counts at this share of the typed one. */
const SIBLING_WEIGHT = 0.8;

/**
 * What a one-character verb of a spoken question stands for in catalogue names (老街要拆了我家房子怎么赔: 拆 is
 * 拆迁 or 征收, 赔 is 赔偿 or 补偿). Only verbs whose noun is unambiguous in public services.
 */
const VERB_SENSES: Readonly<Record<string, readonly string[]>> = {
  赔: ['赔偿', '补偿'],
  拆: ['拆迁', '征收', '拆除'],
  罚: ['处罚', '罚款'],
  租: ['租赁', '出租'],
  修: ['维修', '修缮'],
  告: ['投诉', '起诉', '仲裁'],
  退: ['退还', '退费'],
  盖: ['建房', '建设'],
  砍: ['砍伐'],
  烧: ['焚烧'],
  偷: ['盗窃', '偷盗'],
  骗: ['诈骗'],
  欠: ['拖欠', '欠薪'],
  丢: ['遗失', '挂失', '补办', '补领'],
  坏: ['损坏', '维修', '故障'],
  买: ['购买', '购置'],
  卖: ['销售', '出售'],
  埋: ['安葬', '殡葬', '墓地'],
  扔: ['倾倒', '丢弃'],
  熏: ['油烟'],
  撤: ['撤离', '转移'],
  躲: ['避险', '避难'],
  考: ['考试'],
};
/**
 * What a complaint says of a nuisance or damage (吵得睡不着, 臭得很, 墙裂了): the catalogue's noun for it. Such a
 * word names the topic of a complaint (酒吧太吵 is about noise), where a lone verb (买, 考) does not.
 */
const NUISANCE_SENSES: Readonly<Record<string, readonly string[]>> = {
  吵: ['噪声', '噪音', '扰民'],
  臭: ['异味', '恶臭', '污染'],
  淹: ['内涝', '积水', '洪涝'],
  漏: ['渗漏', '漏水'],
  裂: ['裂缝', '危房'],
  塌: ['倒塌', '坍塌', '危房'],
  堵: ['堵塞', '拥堵'],
};

/** Whether a one-character word is a verb or nuisance the catalogue names by a noun (赔 → 赔偿). */
function hasSenses(w: string): boolean {
  return VERB_SENSES[w] !== undefined || NUISANCE_SENSES[w] !== undefined;
}

/** Whether a concept is a nuisance word the bundle knows by its noun: a topic, though weak. */
export function namesNuisance(c: Concept): boolean {
  return c.active && NUISANCE_SENSES[c.source] !== undefined;
}
/** A situation's services are inferred, not typed: they count a little less than the words typed. */
const SITUATION_WEIGHT = 0.8;
/** A verb's noun counts a little less than the verb typed in a name. */
const VERB_SENSE_WEIGHT = 0.8;
/** How surely a two-character string of the names is a word (wordness). */
const EDGES_OF_WORDS = 0;
/** Two characters inside a longer word of the names (积金 of 公积金): part of a word, not one. */
const INSIDE_A_WORD = 0.5;
const NOT_IN_NAMES = 1;
const WORD_IN_NAMES = 2;
/** A longer term guessed from pinyin that spells a word of its own counts below that word. */
const GUESS_WEIGHT = 0.8;
/** A stretch this long with unknown words in it is speech run together, read word by word, never as a typo. */
const RUN_ON_LENGTH = 6;

export function isLatin(s: string): boolean {
  return /[a-z]/.test(s);
}

const CN_DIGITS = '零一二三四五六七八九';

/** 二十 … 九十九 and 一百 … 一百二十 in Chinese numerals, or digits. */
function yearsOf(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  if (numeral.startsWith('一百')) {
    const rest = numeral.slice(2).replace(/^零/, '');
    return 100 + (rest ? yearsOf(rest) : 0);
  }
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(numeral);
  if (m) return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_DIGITS.indexOf(m[2]) : 0);
  return CN_DIGITS.indexOf(numeral);
}

/** An age of 60 or more said in the query (八十五了, 七十多岁, 80岁, 九十岁的老人), with the text that says it. */
export function ageOf(text: string): { text: string; years: number } | null {
  const m =
    /(\d{2,3}|一百[零一二三四五六七八九十]{0,3}|[二三四五六七八九]?十[一二三四五六七八九]?)(多)?(周岁|岁|了)/.exec(
      text,
    );
  if (!m) return null;
  const years = yearsOf(m[1]!);
  if (!(years >= 60 && years <= 120)) return null;
  return { text: m[0], years };
}

export class Understanding {
  /** Two-character strings of the names and how surely they are words there (wordness). */
  private readonly nameWords = new Map<string, number>();

  constructor(private readonly corpus: Corpus) {}

  /** Whether the bundle holds a word as its own: a character anywhere in the short fields, a word bigram by bigram. */
  private readonly holdsWord = (word: string): boolean =>
    codePoints(word).length === 1 ? this.corpus.exists(word) : this.corpus.inCorpus(word);

  private newConcept(source: string, alts: Alt[], weak = false): Concept {
    // A lone verb of a spoken question (怎么赔, 要拆了) says what is done; the catalogue names it by a noun.
    const senses = weak ? (VERB_SENSES[source] ?? NUISANCE_SENSES[source]) : undefined;
    if (senses)
      alts = [
        ...alts,
        ...senses.map((text) => ({ text, weight: VERB_SENSE_WEIGHT, via: 'lexicon' as const })),
      ];
    const c: Concept = {
      source,
      alts: [],
      weight: weak ? WEAK_WEIGHT : 1,
      weak,
      depts: [],
      domain: null,
      active: false,
    };
    for (const a of alts) this.addAlt(c, a);
    return c;
  }

  /** Adds an alternative, expanding a synonym-table term into its official terms and noting departments. */
  private addAlt(c: Concept, alt: Alt): void {
    if (!alt.text || c.alts.length >= MAX_ALTS * 2) return;
    const prev = c.alts.find((a) => a.text === alt.text);
    if (prev) {
      prev.weight = Math.max(prev.weight, alt.weight);
      return;
    }
    c.alts.push(alt);
    const official = this.corpus.synonyms.get(alt.text);
    if (official) {
      // A synonym term that is itself a catalogue name (工伤认定 → 工伤保险) was typed for what it names; the
      // broader official term only widens the net. A colloquial term (低保) stands fully for its official terms.
      // A term the bundle itself uses (家庭医生) keeps its literal matches ahead of the expansion.
      const w =
        alt.weight *
        (this.corpus.names.has(alt.text)
          ? 0.6
          : this.corpus.inCorpus(alt.text)
            ? alt.via === 'pinyin'
              ? SPELLED_WORD_WIDENING
              : 0.85
            : 1);
      for (const o of official)
        this.addAlt(c, { text: o, weight: w, via: 'synonym', ...(alt.guessed ? { guessed: true } : {}) });
      // A row of the lexicon is one service under several names. The catalogue may use another of its colloquial
      // names (公租房) rather than the official one (公共租赁住房): a typed name it does not hold (廉租房) reaches
      // that one too. A name the catalogue holds is the visitor's answer as it stands.
      if (alt.via === 'query' && !this.corpus.inCorpus(alt.text))
        for (const o of official)
          for (const sibling of this.namesFor(o))
            if (sibling !== alt.text && this.corpus.names.has(sibling))
              this.addAlt(c, { text: sibling, weight: w * SIBLING_WEIGHT, via: 'synonym' });
    }
    // A guess names no department or domain the visitor asked for.
    if (alt.guessed) return;
    const dept = this.corpus.deptNames.get(alt.text);
    if (dept) c.depts.push(...dept);
    if (this.corpus.domains.has(alt.text)) c.domain = alt.text;
  }

  /** Every term the synonym table expands to an official term, by that term (built at first use). */
  private byOfficial: Map<string, string[]> | null = null;

  private namesFor(official: string): readonly string[] {
    if (!this.byOfficial) {
      this.byOfficial = new Map();
      for (const [term, officials] of this.corpus.synonyms)
        for (const o of officials) {
          const list = this.byOfficial.get(o);
          if (list) list.push(term);
          else this.byOfficial.set(o, [term]);
        }
    }
    return this.byOfficial.get(official) ?? [];
  }

  plan(query: string): Plan {
    // Traditional characters (醫療 → 医疗) are read as the simplified ones the catalogue is written in.
    // Regional words (點樣, 咭, 咋个, 好多钱, 哪能) as the Mandarin words the catalogue uses.
    const norm = fromDialect(toSimplified(normalizeText(query)).trim(), this.holdsWord);
    const age = ageOf(norm);
    const runs = splitRuns(age ? norm.replace(age.text, ' ') : norm);
    const plan: Plan = {
      concepts: [],
      intent: null,
      intents: [],
      whole: runs.map((r) => r.chars.join('')).join(''),
      corrections: [],
    };
    if (!runs.length) return plan;
    // 居住证办理 names an item; its 办理 does not ask for a guide.
    if (!this.corpus.names.has(plan.whole)) {
      plan.intent = detectIntent(norm);
      plan.intents = detectIntents(norm);
    }
    if (runs.every((r) => r.kind === 'ascii')) {
      if (this.englishConcepts(norm, plan)) return plan;
      // Words too long to be initials that do not split into pinyin (housing provident fund): English or noise,
      // searched only as the ASCII words the bundle holds, never guessed as pinyin pieces.
      const foreign = runs.some((r) => r.chars.length >= 7 && !this.corpus.table.split(r.chars.join('')));
      if (foreign && runs.length > 1) {
        for (const r of runs) {
          const w = r.chars.join('');
          if (this.corpus.short.has(w))
            plan.concepts.push(this.newConcept(w, [{ text: w, weight: 1, via: 'query' }]));
        }
        return plan;
      }
    }
    if (runs.some((r) => r.kind === 'ascii' && isLatin(r.chars.join('')))) {
      // Pinyin, initials or mixed script: first read the whole query as one vocabulary term (hukou迁移 → 户口迁移).
      const whole = this.wholePinyin(runs);
      if (whole) {
        plan.concepts.push(whole);
        this.addSpelledIntents(plan);
        return plan;
      }
    }
    const mixed = runs.some((r) => r.kind === 'han');
    for (const part of this.joinSpelledWords(runs)) {
      if ('concept' in part) plan.concepts.push(part.concept);
      else if (part.kind === 'han') this.hanConcepts(part.chars.join(''), plan);
      // One syllable typed among Chinese (暖气bu热) is one character the visitor could not find, and which one is
      // unknown (不, 补, 部…): read as the start of every term it begins (补贴, 不服处罚), it only brings noise.
      // Joined to the characters beside it into a word of the bundle, it was read above; letters the bundle holds
      // as a word (CA) stay that word.
      else if (!(mixed && this.lonelySyllable(part.chars.join(''))))
        this.latinConcepts(part.chars.join(''), plan);
    }
    if (age) plan.concepts.push(this.ageConcept(age));
    const situation = this.situationConcept(norm, plan.concepts);
    if (situation) plan.concepts.push(situation);
    // A word that only asks where, when or how much (号码, 几点, 费用) says what kind of answer is wanted, like a
    // weak word: it is no topic of its own (彩票中奖号码 is not about the departments' phone numbers).
    for (const c of plan.concepts)
      if (!c.weak && isIntentWord(c.source)) {
        c.weak = true;
        c.weight = WEAK_WEIGHT;
      }
    // A query made only of weak words (申请材料) means them.
    if (plan.concepts.length && plan.concepts.every((c) => c.weak))
      for (const c of plan.concepts) c.weight = 1;
    this.addSpelledIntents(plan);
    return plan;
  }

  /**
   * The services of the situations the query tells of (爸妈都出去打工了孩子没人管: 父母 + 打工 + 孩子 → 农村留守儿童关爱
   * 保护), as one concept: several situations told at once are alternatives of one need, not needs each document
   * must meet.
   */
  private situationConcept(norm: string, concepts: readonly Concept[]): Concept | null {
    // Services the words typed already name (土地出让 → 土地使用权出让) are no news.
    const named = new Set(concepts.flatMap((c) => c.alts.map((a) => a.text)));
    const said = this.corpus.situations
      .match(norm.replace(/\s+/g, ''))
      .map((s) => ({ ...s, official: s.official.filter((o) => !named.has(o)) }))
      .filter((s) => s.official.length);
    if (!said.length) return null;
    const words = new Set(said.flatMap((s) => s.said));
    const c = this.newConcept(
      [...words].join(' '),
      said.flatMap((s) => s.official.map((text) => ({ text, weight: 1, via: 'lexicon' as const }))),
    );
    c.situation = true;
    c.weight = SITUATION_WEIGHT;
    return c;
  }

  /**
   * An elderly person's age (我爸八十五了, 老人80岁) names the programmes for their age group: 80 and over 高龄
   * (the old-age allowance's threshold), 60 to 79 老年人, as a weak clue (六十岁 may also be a pension age).
   */
  private ageConcept(age: { text: string; years: number }): Concept {
    if (age.years >= 80)
      return this.newConcept(age.text, [
        { text: '高龄', weight: 1, via: 'lexicon' },
        { text: '老年人', weight: 0.6, via: 'lexicon' },
      ]);
    return this.newConcept(
      age.text,
      [
        { text: '老年人', weight: 1, via: 'lexicon' },
        { text: '老人', weight: 1, via: 'lexicon' },
      ],
      true,
    );
  }

  private lonelySyllable(letters: string): boolean {
    return !this.corpus.short.has(letters) && this.corpus.table.split(letters)?.length === 1;
  }

  /**
   * Letters typed against Chinese may finish (or start) the word the characters beside them begin: 医保ka is
   * 医保卡, even when the rest of the query (怎么激活) keeps the whole from being one term. The characters next to
   * the letters (up to four) and the letters, read as one vocabulary term, become one concept.
   */
  private joinSpelledWords(runs: Run[]): Array<Run | { concept: Concept }> {
    const out: Array<Run | { concept: Concept }> = runs.map((r) => ({ ...r, chars: [...r.chars] }));
    for (let i = 0; i < out.length; i++) {
      const run = out[i]!;
      if ('concept' in run || run.kind !== 'ascii' || !isLatin(run.chars.join(''))) continue;
      // Letters the bundle holds as a word (CA) stay that word.
      if (this.corpus.short.has(run.chars.join(''))) continue;
      const prev = out[i - 1];
      const next = out[i + 1];
      const beside = (r: (typeof out)[number] | undefined) => !!r && !('concept' in r) && r.kind === 'han';
      if (!beside(prev) && !beside(next)) continue;
      // Two whole words side by side (网吧 + xuke) are searched as two words: a join needs one side to be a
      // fragment, the letters spelling nothing alone (ka) or a single character (卡 of shebao卡).
      const lettersAlone = this.wholePinyin([run]) !== null;
      const widest = (han: Run) => (lettersAlone ? 1 : Math.min(4, han.chars.length));
      let joined: Concept | null = null;
      if (prev && !('concept' in prev) && prev.kind === 'han')
        for (let k = widest(prev); k >= 1 && !joined; k--) {
          joined = this.wholePinyin([{ ...prev, chars: prev.chars.slice(-k) }, run]);
          if (joined) prev.chars.length -= k;
        }
      if (!joined && next && !('concept' in next) && next.kind === 'han')
        for (let k = widest(next); k >= 1 && !joined; k--) {
          joined = this.wholePinyin([run, { ...next, chars: next.chars.slice(0, k) }]);
          if (joined) next.chars.splice(0, k);
        }
      // Only a word the bundle itself holds is worth the join (社保卡 → 社会保障卡); a colloquial name it lacks
      // (网吧许可 of 网吧xuke) finds less than the two words searched side by side.
      if (joined && !joined.alts.some((a) => this.corpus.inCorpus(a.text))) {
        if (prev && !('concept' in prev)) prev.chars = runs[i - 1]!.chars.slice();
        if (next && !('concept' in next)) next.chars = runs[i + 1]!.chars.slice();
        joined = null;
      }
      if (joined) out[i] = { concept: joined };
    }
    return out.filter((r) => 'concept' in r || r.chars.length > 0);
  }

  /**
   * Intents of words typed in pinyin (城管tousu asks for the complaint channel as 城管投诉 does), or with a slip of
   * the finger (低保申倩 asks how to apply as 低保申请 does): read from the Chinese the letters were taken to spell,
   * or the correction. Only adds; the typed text's own intents stay.
   */
  private addSpelledIntents(plan: Plan): void {
    // A correction, but not a partial guess (老家过来帮 → 老结果来帮): only one into words the bundle knows.
    const read = (a: Alt) =>
      a.via === 'pinyin' ||
      a.via === 'initials' ||
      ((a.via === 'fuzzy' || a.via === 'homophone') && a.weight > PARTIAL_FIX_WEIGHT);
    const spelled = plan.concepts
      .map((c) => c.alts.find(read)?.text)
      .filter((t): t is string => !!t)
      .join(' ');
    if (!spelled || this.corpus.names.has(plan.whole)) return;
    plan.intent ??= detectIntent(spelled);
    for (const kind of detectIntents(spelled)) if (!plan.intents.includes(kind)) plan.intents.push(kind);
  }

  /** Reads a query with Latin letters as pinyin (or initials) of one vocabulary term. */
  private wholePinyin(runs: Run[]): Concept | null {
    const hasHan = runs.some((r) => r.kind === 'han');
    const chars = runs.flatMap((r) => r.chars);
    if (chars.length < 2) return null;
    const source = chars.join('');
    let hits: VocabHit[] = [];
    let via: Via = 'pinyin';
    if (hasHan) {
      for (const v of this.corpus.table.variants(chars, 4))
        hits.push(...this.corpus.vocabPinyin.searchFull(v.join(''), false));
    } else if (this.corpus.table.split(source)) {
      hits = this.corpus.vocabPinyin.searchFull(source, true);
    } else if (/^[a-z]+$/.test(source)) {
      hits = this.corpus.vocabPinyin.searchInitials(source);
      via = 'initials';
    }
    const chosen = this.chooseHits(hits, source.length);
    // Whether the vocabulary's own readings (in context: 供给 gong ji, 毕业生和 sheng he) read a word as the letters.
    const readInTerms = (w: string) =>
      hits.some(
        (h) =>
          this.corpus.vocab[h.id]!.norm.includes(w) &&
          spelledPart(this.corpus.vocab[h.id]!, h.from, h.to) === w,
      );
    const spelled = !hasHan && via === 'pinyin' ? this.spelledWords(source, readInTerms) : [];
    if (!chosen.length && !spelled.length) return null;
    const c = this.newConcept(source, []);
    const viaWeight = via === 'initials' ? 0.95 : 1;
    const parts = chosen.map((h) => {
      const v = this.corpus.vocab[h.id]!;
      // The word the letters spell, not only the term it starts: yinhang finds every title holding 银行. Not the
      // edges of two words inside a longer term (房师 of 建房/师傅 for fangshi).
      const part = spelledPart(v, h.from, h.to);
      const word =
        part &&
        part !== v.norm &&
        (codePoints(part).length > 2 ||
          (this.wordness(part) > INSIDE_A_WORD &&
            // A word of the term itself, too: 济金 of 救济/金 is none.
            placeInWords(this.corpusWords(v.norm), v.norm.indexOf(part)) === WORD_IN_NAMES));
      return { h, v, part: word ? part : null };
    });
    // A term the letters only start (fuli of 福利院) is a guess at what the visitor goes on to type, beside the
    // word they did type.
    const spellsAWord = spelled.length > 0 || parts.some((p) => p.part);
    const guessOf = (h: VocabHit) => h.quality < 1 && spellsAWord;
    // Terms read in full first, then the words spelled, then the guesses: the alternatives are capped, and a
    // guess's expansions must not crowd out the word typed.
    for (const { h, v } of parts)
      if (!guessOf(h)) this.addAlt(c, { text: v.norm, weight: h.quality * viaWeight, via });
    for (const { part } of parts) if (part) this.addAlt(c, { text: part, weight: viaWeight, via });
    // Corpus words read that way, character by character: catches a polyphone the vocabulary's reading missed
    // (pinyin-pro reads 还款 as hai kuan; huankuan must still find it).
    for (const w of spelled) this.addAlt(c, { text: w, weight: 1, via });
    for (const { h, v } of parts)
      if (guessOf(h))
        this.addAlt(c, { text: v.norm, weight: h.quality * viaWeight * GUESS_WEIGHT, via, guessed: true });
    return c;
  }

  /**
   * The corpus words letters spell, under every reading of them as syllables: at most three, words first.
   * `readInTerms`: whether the vocabulary's own readings give a word the letters.
   */
  private spelledWords(letters: string, readInTerms: (w: string) => boolean): string[] {
    const { table } = this.corpus;
    const cands = new Map<string, boolean>();
    for (const syllables of table.splits(letters))
      for (const w of this.spelledAs(syllables))
        // Whether the word is read so where it stands, or every character in its usual reading (生活 for
        // shenghuo; 生和 of 毕业生和 reads sheng he there, and 和 reads huo only in 和面, 暖和).
        cands.set(w, cands.get(w) || codePoints(w).every((ch, i) => table.readings(ch)[0] === syllables[i]));
    const ranked = [...cands].map(([w, usual]) => ({
      w,
      usual: usual || !table.knowsUsual || readInTerms(w),
      df: this.corpus.short.df(codePoints(w).slice(0, 2).join('')),
      word: codePoints(w).length > 2 ? WORD_IN_NAMES : this.wordness(w),
    }));
    // A word of the names first (激活 before 记和 of 登记和, 移植 before 易指 of 交易指南), then the commonest.
    return (
      ranked
        .sort((a, b) => b.word - a.word || b.df - a.df)
        // Edges of two words, or part of a longer one (积金 of 公积金), only when the letters spell no word (校食
        // of 学校/食堂 is no reading of jiaoyi; jijin is 基金).
        .filter((x, _, all) => x.word > INSIDE_A_WORD || all[0]!.word <= INSIDE_A_WORD)
        // A rarer reading of a character only when no word as much a word is read so: 还款 for huankuan (还
        // usually reads hai, and the vocabulary read 还款 hai kuan), but not 生和 beside 生活.
        .filter((x, _, all) => x.usual || !all.some((y) => y.usual && y.word >= x.word))
        .slice(0, 3)
        .map((x) => x.w)
    );
  }

  /**
   * Han strings of the corpus whose characters read as the given syllables, one by one (every adjacent pair a
   * corpus bigram). Only for 2-6 complete syllables: longer input is several words.
   */
  private spelledAs(syllables: readonly string[]): string[] {
    const n = syllables.length;
    const { table, bigramLex } = this.corpus;
    if (n < 2 || n > 6 || !syllables.every((s) => table.syllables.has(s))) return [];
    const pairs = (i: number): string[][] =>
      (bigramLex.full.get(syllables[i]! + syllables[i + 1]!) ?? [])
        .map((b) => codePoints(b))
        .filter(
          (c) =>
            table.readings(c[0]!).includes(syllables[i]!) &&
            table.readings(c[1]!).includes(syllables[i + 1]!),
        );
    let cands = pairs(0);
    for (let i = 1; i + 1 < n && cands.length; i++) {
      const next: string[][] = [];
      for (const p of pairs(i))
        for (const c of cands) if (c[c.length - 1] === p[0] && next.length < 64) next.push([...c, p[1]!]);
      cands = next;
    }
    return cands.map((c) => c.join(''));
  }

  /**
   * Whether a two-character string is a word where the names hold it (WORD_IN_NAMES), the end of one word and
   * the start of the next there (EDGES_OF_WORDS: 记和 of 登记/和, 易指 of 交易/指南), part of a longer word
   * (INSIDE_A_WORD: 积金 of 公积金, where 保护 of 保护区 is a word), or in no name looked at (NOT_IN_NAMES: only in
   * departments or rows' content). Read from how the segmenter, with the corpus's own words (举/报 → 举报), cuts
   * the first few names holding it. Remembered: typing asks again keystroke after keystroke.
   */
  private wordness(w: string): number {
    const known = this.nameWords.get(w);
    if (known !== undefined) return known;
    if (this.nameWords.size >= 1024) this.nameWords.clear();
    const docs = this.corpus.short.get(w)?.docs ?? [];
    let rank = NOT_IN_NAMES;
    let seen = 0;
    for (let k = 0; k < Math.min(docs.length, 8) && seen < 3; k++) {
      const { leaf, parents } = this.corpus.docNorm(docs[k]!);
      const name = leaf.includes(w) ? leaf : parents.includes(w) ? parents : null;
      if (!name) continue;
      seen++;
      rank = placeInWords(this.corpusWords(name), name.indexOf(w));
      if (rank === WORD_IN_NAMES) break;
    }
    this.nameWords.set(w, rank);
    return rank;
  }

  /**
   * English names from the lexicon (subsistence allowance → 最低生活保障): the longest run of words that names a
   * service, left to right. Returns whether any did; the rest of the words then count only if the corpus has them.
   */
  private englishConcepts(norm: string, plan: Plan): boolean {
    const english = this.corpus.english;
    if (!english.size) return false;
    const ws = norm.split(/[^a-z0-9]+/).filter(Boolean);
    const found: Concept[] = [];
    const rest: string[] = [];
    for (let i = 0; i < ws.length;) {
      let hit = 0;
      for (let j = Math.min(ws.length, i + 8); j > i; j--) {
        // A word of whole pinyin syllables (dibao, chengguan: English glosses borrowed from pinyin) is read as
        // pinyin below, which finds the lexicon's term and also every other word spelled so (城关 of 城关镇).
        if (j === i + 1 && this.corpus.table.splits(ws[i]!).length) continue;
        const official = english.get(ws.slice(i, j).join(' '));
        if (official) {
          const c = this.newConcept(ws.slice(i, j).join(' '), []);
          for (const o of official) this.addAlt(c, { text: o, weight: 1, via: 'lexicon' });
          found.push(c);
          hit = j - i;
          break;
        }
      }
      if (hit) i += hit;
      else rest.push(ws[i++]!);
    }
    if (!found.length) return false;
    plan.concepts.push(...found);
    for (const w of rest) {
      if (this.corpus.short.has(w))
        plan.concepts.push(this.newConcept(w, [{ text: w, weight: 1, via: 'query' }]));
      // A word of two or more pinyin syllables beside an English name is pinyin (hukou qianyi: hukou is also the
      // English name of 户口登记, qianyi is 迁移), not an English word the bundle lacks.
      else if ((this.corpus.table.split(w)?.length ?? 0) >= 2) this.latinConcepts(w, plan);
    }
    return true;
  }

  /** Keeps the best class of vocabulary hits; weak partial matches of short input are noise, not answers. */
  private chooseHits(hits: VocabHit[], queryLength: number): VocabHit[] {
    const useful = hits.filter(
      (h) => h.quality >= 0.8 || (h.quality >= 0.75 && (h.cover >= 0.5 || queryLength >= 6)),
    );
    if (!useful.length) return [];
    useful.sort(
      (a, b) =>
        b.quality - a.quality ||
        b.cover - a.cover ||
        this.corpus.vocab[b.id]!.n - this.corpus.vocab[a.id]!.n ||
        this.corpus.vocab[a.id]!.norm.length - this.corpus.vocab[b.id]!.norm.length,
    );
    const top = useful[0]!;
    return useful.filter((h) => h.quality === top.quality && h.cover >= top.cover - 0.25).slice(0, MAX_ALTS);
  }

  private latinConcepts(text: string, plan: Plan): void {
    // Digits typed against letters (12315tousu, tousu12345) are a number and a word, unless the bundle holds the
    // whole (pm10): the letters alone would otherwise be read as pinyin with digits in it, which spells nothing.
    if (/\d/.test(text) && isLatin(text) && !this.corpus.short.has(text)) {
      for (const part of text.match(/\d+|[a-z]+/g)!) this.latinConcepts(part, plan);
      return;
    }
    if (!isLatin(text) || this.corpus.short.has(text)) {
      // Digits and known ASCII words (12345, ic) are searched as written.
      plan.concepts.push(this.newConcept(text, [{ text, weight: 1, via: 'query' }]));
      if (!isLatin(text)) return;
    }
    const whole = this.wholePinyin([{ kind: 'ascii', chars: codePoints(text), start: 0 }]);
    if (whole) {
      plan.concepts.push(whole);
      return;
    }
    // A long word that is not pinyin (housing, provident) is English or noise: guessing pinyin pieces in it only
    // brings up unrelated documents. Initials are short (dbsq), and pinyin splits.
    if (text.length >= 7 && !this.corpus.table.split(text)) return;
    plan.concepts.push(...this.segmentLatin(text));
  }

  /**
   * Segments letters into vocabulary terms and corpus words by pinyin or initials, fewest pieces first:
   * dibaoshenqing → 低保 + 申请, dbsq → 低保 + 申请.
   */
  private segmentLatin(letters: string): Concept[] {
    const n = letters.length;
    const vp = this.corpus.vocabPinyin;
    const lex = this.corpus.bigramLex;
    type Step = { cost: number; from: number; alts: Alt[] | null };
    const best: (Step | null)[] = new Array(n + 1).fill(null);
    best[0] = { cost: 0, from: -1, alts: null };
    for (let i = 0; i < n; i++) {
      const cur = best[i];
      if (!cur) continue;
      const relax = (j: number, cost: number, alts: Alt[] | null) => {
        const total = cur.cost + cost;
        const prev = best[j];
        if (!prev || total < prev.cost) best[j] = { cost: total, from: i, alts };
      };
      relax(i + 1, 3, null); // skip a letter that fits nothing
      for (let j = i + 2; j <= Math.min(n, i + 30); j++) {
        const s = letters.slice(i, j);
        const fv = vp.fullKey.get(s);
        if (fv) relax(j, 1, this.vocabAlts(fv, 'pinyin'));
        const iv = j - i <= 8 ? vp.initKey.get(s) : undefined;
        if (iv) relax(j, 1.3, this.vocabAlts(iv, 'initials'));
        const fb = j - i <= 12 ? lex.full.get(s) : undefined;
        if (fb) relax(j, 1.6, this.lexAlts(fb));
        const ib = j - i === 2 ? lex.init.get(s) : undefined;
        if (ib) relax(j, 2.2, this.lexAlts(ib, 'guess'));
      }
    }
    const pieces: Array<{ source: string; alts: Alt[] }> = [];
    for (let j = n; j > 0;) {
      const step = best[j]!;
      if (step.alts) pieces.unshift({ source: letters.slice(step.from, j), alts: step.alts });
      j = step.from;
    }
    // Letters that fit nothing beside pieces that are only guesses (two letters some corpus word's initials have)
    // are keyboard noise (asdfgh), not a visitor's initials: a real reading explains its letters by words.
    const skipped = n - pieces.reduce((sum, p) => sum + p.source.length, 0);
    if (skipped > 0 && pieces.every((p) => p.alts.every((a) => a.via === 'guess'))) return [];
    return pieces.map((p) => {
      const weak = p.alts.length > 0 && WEAK_WORDS.has(p.alts[0]!.text);
      return this.newConcept(p.source, p.alts, weak);
    });
  }

  private vocabAlts(ids: number[], via: Via): Alt[] {
    return [...ids]
      .sort((a, b) => this.corpus.vocab[b]!.n - this.corpus.vocab[a]!.n)
      .slice(0, MAX_ALTS)
      .map((id) => ({ text: this.corpus.vocab[id]!.norm, weight: via === 'initials' ? 0.95 : 1, via }));
  }

  /** Corpus words for a pinyin piece, most frequent first (申请 before 申情). */
  private lexAlts(words: string[], via: Via = 'lexicon'): Alt[] {
    return words
      .map((w) => ({ w, df: this.corpus.short.df(w) }))
      .sort((a, b) => b.df - a.df)
      .slice(0, 4)
      .map((x, i) => ({ text: x.w, weight: Math.max(0.6, 0.9 - i * 0.1), via }));
  }

  private hanConcepts(typed: string, plan: Plan): void {
    // 开个小饭店 is 开饭店 with a measure word and an adjective inside: read as the known phrase, or as a name the
    // lexicon knows though this catalogue words it otherwise (找个活干 → 找活干), kept whole from here on.
    const known = (s: string) => this.corpus.synonyms.has(s) || this.corpus.isTerm(s);
    const closed = new Set<string>();
    const run = closeVerbObjectGaps(typed, (s) => known(s) || this.corpus.hints.has(s), 6, closed);
    // Two single characters the segmenter left apart (还/款) are one word when the corpus has them together.
    const shielded = (s: string) => known(s) || (codePoints(s).length === 2 && this.corpus.short.has(s));
    // A stretch that reads aloud as a vocabulary term (医疗和作: yi liao he zuo → 医疗合作) is a homophone typo of
    // it, not words around a function word (和): kept whole for correction.
    const segments = stripQuestionWords(
      run,
      known,
      (pair) => this.corpus.short.has(pair),
      (part) => closed.has(part),
    ).flatMap((s) => (this.soundsLikeTerm(s) ? [s] : splitAtFunctionWords(s, shielded)));
    for (const segment of segments) {
      // A typo can break a name into a synonym term plus debris (工伤认订 → 工伤 + 认订): try to correct the
      // whole segment first, and split it into pieces only if that fails.
      // A stretch made of words the bundle knows (举报 + 食品 + 安全) is not a typo, however its junctions read.
      if (
        !this.corpus.names.has(segment) &&
        !this.corpus.synonyms.has(segment) &&
        codePoints(segment).length >= 3 &&
        !this.madeOfKnownWords(segment)
      ) {
        const whole = this.newConcept(segment, [{ text: segment, weight: 1, via: 'query' }]);
        const corrections: string[] = [];
        if (this.correctTypos(whole, corrections, true)) {
          plan.corrections.push(...corrections);
          plan.concepts.push(whole);
          continue;
        }
      }
      const pieces = splitPieces(
        segment,
        this.corpus.synonyms,
        this.corpus.maxSynonym,
        (s) => this.corpus.isTerm(s),
        (s) => this.corpus.inCorpus(s),
      );
      for (const piece of pieces) {
        const plain = !piece.official && !piece.weak;
        // Each word a concept of its own; a lone character is weak.
        const asWords = (parts: readonly string[]) => {
          for (const part of parts)
            plan.concepts.push(
              this.newConcept(part, [{ text: part, weight: 1, via: 'query' }], codePoints(part).length === 1),
            );
        };
        const parts = plain ? this.wordGroups(piece.text) : null;
        if (parts) {
          asWords(parts);
          continue;
        }
        const c = this.newConcept(piece.text, [{ text: piece.text, weight: 1, via: 'query' }], !!piece.weak);
        // No typo it could be (人管社区, 村老屋墙): words spoken together after all, read word by word.
        const loose =
          plain && !this.correctTypos(c, plan.corrections, false) ? this.wordGroups(piece.text, true) : null;
        if (loose) asWords(loose);
        else plan.concepts.push(c);
      }
    }
  }

  /**
   * The segmenter's words, with two lone characters joined when the bundle or the synonym table knows them as a
   * word: the runtime's dictionary lacks many words of public services (举报 and 低保 come out as 举/报, 低/保).
   */
  private corpusWords(text: string): string[] {
    const out: string[] = [];
    for (const w of words(text)) {
      const last = out[out.length - 1];
      if (last === undefined) {
        out.push(w);
        continue;
      }
      const joined = last + w;
      const loneLast = codePoints(last).length === 1;
      const loneNext = codePoints(w).length === 1;
      const joins =
        // Two lone characters the corpus or the synonym table holds together (低 + 保).
        (loneLast && loneNext && this.corpus.short.has(joined)) ||
        // A lone character that starts a name the synonym table knows with the next word (生 + 孩子).
        (loneLast && this.corpus.synonyms.has(joined)) ||
        // A word and the lone character after it that make a term of the bundle (许可 + 证).
        (loneNext && this.corpus.isTerm(joined));
      if (joins) out[out.length - 1] = joined;
      else out.push(w);
    }
    return out;
  }

  /** Whether the segmenter cuts the text into known words (corpus, vocabulary, synonyms), at most one lone character. */
  private madeOfKnownWords(text: string): boolean {
    const ws = this.corpusWords(text);
    if (ws.length < 2) return false;
    let singles = 0;
    for (const w of ws) {
      if (codePoints(w).length === 1) {
        if (++singles > 1) return false;
      } else if (!this.corpus.inCorpus(w) && !this.corpus.isTerm(w) && !this.corpus.synonyms.has(w))
        return false;
    }
    return true;
  }

  /**
   * A stretch the corpus does not hold as a whole (食品店开业) read as the words it is made of, each a concept of its
   * own (食品, 店, 开业), adjacent words kept together while the corpus holds them together. Null when the stretch
   * is not made of known words: then it is more likely a typo, left to correction. `loose`, once correction found
   * no typo: a stretch of four characters or more holding a word of the catalogue of two or more is words all the same.
   */
  private wordGroups(text: string, loose = false): string[] | null {
    const chars = codePoints(text);
    if (chars.length < 3 || this.corpus.isTerm(text) || this.corpus.inCorpus(text)) return null;
    const ws = this.corpusWords(text);
    if (ws.length < 2) return null;
    const groups: string[] = [];
    for (const w of ws) {
      const last = groups[groups.length - 1];
      if (last !== undefined && this.corpus.inCorpus(last + w)) groups[groups.length - 1] = last + w;
      else groups.push(w);
    }
    // Words the corpus knows, or dictionary words of the segmenter, with at most one lone character: two lone
    // characters side by side are the debris of a typo (户口签移 → 户口/签/移), left to correction.
    // A verb the catalogue names by a noun (赔 of 一棵赔: 赔偿) is a known word too.
    const known = groups.filter(
      (g) => this.corpus.inCorpus(g) || this.corpus.isTerm(g) || hasSenses(g),
    ).length;
    const singles = groups.filter((g) => codePoints(g).length === 1).length;
    // A long run-on stretch (老房子墙上裂开好大一条缝) is words spoken together, not one mistyped name.
    // So is one the bundle knows no word of: searched word by word, the words it lacks drop out on their own.
    const ok =
      (loose &&
        chars.length >= 4 &&
        groups.some((g) => codePoints(g).length >= 2 && this.corpus.inCorpus(g))) ||
      chars.length >= RUN_ON_LENGTH ||
      (known >= 1 && singles <= 1);
    return ok && groups.length >= 2 ? groups : null;
  }

  /**
   * Homophone and one-character typos, only for text with a bigram found nowhere in the bundle. With `strict`,
   * only a correction into a complete known term counts (used on a whole segment before splitting it).
   * Returns whether a correction was added.
   */
  private correctTypos(c: Concept, corrections: string[], strict: boolean): boolean {
    const text = c.source;
    const chars = codePoints(text);
    // Two characters the names hold only across two longer words (地保 of 耕地/保护) are no word of the bundle
    // either: 申请地保 is a homophone typo of 低保.
    const unknown =
      this.missingCount(chars) > 0 ||
      (chars.length === 2 && !this.corpus.isTerm(text) && this.wordness(text) === EDGES_OF_WORDS);
    if (chars.length < 2 || !unknown) return false;
    // Two characters the segmenter's dictionary holds as one word (老板, 几点) are that word, not a typo of a
    // name that sounds the same (老伴); a typo makes a non-word (地保, 身请).
    if (chars.length === 2 && words(text).length === 1) return false;
    // A name the lexicon knows (借书证) is a word, not a typo, though this catalogue words it otherwise: retrieval
    // reads it as a clue within its domain (the lexicon hint), not as a near name of something else.
    if (this.corpus.hints.has(text)) return false;
    const before = c.alts.length;
    // 1. The text read aloud is a vocabulary term (低宝 → dibao → 低保; 户口签移 → 户口迁移).
    const vp = this.corpus.vocabPinyin;
    for (const v of this.corpus.table.variants(chars, 8)) {
      for (const id of vp.fullKey.get(v.join('')) ?? []) {
        const t = this.corpus.vocab[id]!.norm;
        if (t !== text) this.addAlt(c, { text: t, weight: 0.95, via: 'homophone' });
      }
    }
    // 2. Replace missing bigrams by corpus bigrams that sound the same (最低生活保帐 → 保障). A fix that leaves a
    // bigram still unknown is only a partial guess: an edit-distance match to a known term is preferred then.
    let partial: string | null = null;
    if (c.alts.length === before && chars.length >= 3) {
      const fixed = this.homophoneFix(chars);
      if (fixed && this.missingCount(codePoints(fixed)) === 0)
        this.addAlt(c, { text: fixed, weight: 0.9, via: 'homophone' });
      else partial = fixed;
    }
    // 3. One character wrong, not a homophone: the nearest vocabulary term by edit distance. Two characters wrong
    // count in a piece of six or more, not in a whole segment tried before splitting (strict): a segment two
    // characters from a term is as likely other words (买房补贴多少钱 is not 危房补助多少钱).
    if (c.alts.length === before && chars.length >= 3) {
      for (const t of this.corpus.nearTerms(chars, strict))
        if (!this.dropsAWord(text, t) && !this.changesAWord(chars, codePoints(t)))
          this.addAlt(c, { text: t, weight: 0.8, via: 'fuzzy' });
    }
    if (c.alts.length === before && partial && !strict)
      this.addAlt(c, { text: partial, weight: PARTIAL_FIX_WEIGHT, via: 'homophone' });
    for (const a of c.alts.slice(before)) if (a.via !== 'synonym') corrections.push(a.text);
    return c.alts.length > before;
  }

  /** Whether a Han stretch the bundle does not know reads aloud as one of its vocabulary terms. */
  private soundsLikeTerm(text: string): boolean {
    const chars = codePoints(text);
    if (chars.length < 3 || chars.length > 8 || this.corpus.isTerm(text) || this.corpus.synonyms.has(text))
      return false;
    const vp = this.corpus.vocabPinyin;
    return this.corpus.table.variants(chars, 8).some((v) => vp.fullKey.has(v.join('')));
  }

  /**
   * Whether a correction only leaves out a word of its own (孩子上学划片 → 孩子上学 drops 划片, a name the synonym
   * table knows): that is two words typed together, not a typo, and each must be read.
   */
  /**
   * Whether a correction of the same length changes a character of a word the bundle holds as it was typed
   * (孩子转学 → 孩子上学 changes 转 of 转学): the typo is elsewhere, or there is none.
   */
  private changesAWord(typed: readonly string[], fixed: readonly string[]): boolean {
    if (typed.length !== fixed.length) return false;
    for (let i = 0; i < typed.length; i++) {
      if (typed[i] === fixed[i]) continue;
      const before = i > 0 ? typed[i - 1]! + typed[i]! : '';
      const after = i + 1 < typed.length ? typed[i]! + typed[i + 1]! : '';
      if ((before && this.corpus.inCorpus(before)) || (after && this.corpus.inCorpus(after))) return true;
    }
    return false;
  }

  private dropsAWord(typed: string, fixed: string): boolean {
    const at = typed.indexOf(fixed);
    if (at < 0) return false;
    const known = (s: string) =>
      codePoints(s).length >= 2 &&
      (this.corpus.synonyms.has(s) || this.corpus.isTerm(s) || this.corpus.inCorpus(s));
    return known(typed.slice(0, at)) || known(typed.slice(at + fixed.length));
  }

  private missingCount(chars: readonly string[]): number {
    let n = 0;
    for (let i = 0; i + 1 < chars.length; i++) if (!this.corpus.exists(chars[i]! + chars[i + 1]!)) n++;
    return n;
  }

  private homophoneFix(input: string[]): string | null {
    const out = [...input];
    const lex = this.corpus.bigramLex.full;
    const table = this.corpus.table;
    let changed = false;
    for (let i = 0; i + 1 < out.length; i++) {
      if (this.corpus.exists(out[i]! + out[i + 1]!)) continue;
      const typed = [out[i]!, out[i + 1]!];
      let best: { c: string[]; score: number } | null = null;
      for (const v of this.corpus.table.variants([out[i]!, out[i + 1]!], 9)) {
        for (const cand of lex.get(v.join('')) ?? []) {
          const c = codePoints(cand);
          // Same sound must hold character by character, not just for the concatenated letters (fang an ≠ fan gan).
          if (!c.every((ch, k) => this.corpus.table.readings(ch).includes(v[k]!))) continue;
          // A character put in by mistake is one an input method offers for the syllable typed: under its usual
          // reading, not a rare one (和 is read hú only in mahjong; 户口 is never 和口).
          if (table.knowsUsual && !c.every((ch, k) => ch === typed[k] || table.readings(ch)[0] === v[k]))
            continue;
          const same = (c[0] === out[i] ? 1 : 0) + (c[1] === out[i + 1] ? 1 : 0);
          if (same === 0 && out.length <= 4) continue; // replacing both characters of a short word is a guess
          const left = i > 0 && this.corpus.exists(out[i - 1]! + c[0]!) ? 1 : 0;
          const right = i + 2 < out.length && this.corpus.exists(c[1]! + out[i + 2]!) ? 1 : 0;
          const score = same * 2 + (left + right) * 1.5 + Math.log(1 + this.corpus.short.df(cand)) / 10;
          if (!best || score > best.score) best = { c, score };
        }
      }
      if (best) {
        out[i] = best.c[0]!;
        out[i + 1] = best.c[1]!;
        changed = true;
      }
    }
    return changed ? out.join('') : null;
  }
}

/** The characters of a vocabulary term that syllables [from, to) read, when its syllables map one to one. */
function spelledPart(v: VocabEntry, from: number, to: number): string | null {
  const chars = codePoints(v.norm);
  if (chars.length !== v.syllables.length || to - from < 2) return null;
  return chars.slice(from, Math.min(to, chars.length)).join('');
}

/**
 * Where the two characters at code-unit offset `at` of the segmented text lie: across a word boundary with a
 * longer word on either side (登记/和, 交易/指南: EDGES_OF_WORDS), inside a longer word (积金 of 公积金:
 * INSIDE_A_WORD), or as a word (WORD_IN_NAMES); two one-character words side by side (低/保) may still be a word
 * the segmenter's dictionary lacks.
 */
function placeInWords(ws: readonly string[], at: number): number {
  let pos = 0;
  for (let i = 0; i < ws.length; i++) {
    const end = pos + ws[i]!.length;
    if (end === at + 1)
      return ws[i]!.length > 1 || (ws[i + 1]?.length ?? 0) > 1 ? EDGES_OF_WORDS : WORD_IN_NAMES;
    if (end > at + 1) {
      if (end === at + 2 && pos === at) return WORD_IN_NAMES;
      // A word of the segmenter's own dictionary inside a longer one (保护 of 保护区) is a word all the same.
      return words(ws[i]!.slice(at - pos, at - pos + 2)).length === 1 ? WORD_IN_NAMES : INSIDE_A_WORD;
    }
    pos = end;
  }
  return WORD_IN_NAMES;
}
