// Stage 2, retrieval: scores every document a plan's concepts reach by weighted bigram coverage over the short
// fields (and the bodies of guides and interpretations when asked), combined over concepts as a soft AND. The
// result is a coverage per document in an accumulator; ranking decides the order.
import { BODY_WEIGHT } from './docs.ts';
import type { Corpus, LexiconHint } from './corpus.ts';
import { Acc, MASK_WEIGHT } from './structures.ts';
import { codePoints, isHanCode, splitRuns } from './text.ts';
import { FUNCTION_WORDS, words } from './segment.ts';
import { COMMON_WEIGHT, weightOf, type Alt, type Concept, type Plan } from './understand.ts';

/** A word the bundle lacks borrows the official names of at most this many colloquial names holding it… */
const MAX_NEIGHBOURS = 3;
/** …at this weight (their own pairs count 1). */
const NEIGHBOUR_WEIGHT = 0.5;
/** A one-character query's weight by where the character is: the leaf, a parent level, the department. */
const NAME_CHAR_WEIGHT = [1, 0.85, 0.6];
/** A lexicon hint's official terms count at this weight, within the hint's domain. */
const HINT_WEIGHT = 0.5;
const STRONG = 0.5;

/** The bigrams (or lone characters) the query's concepts other than `c` typed, or undefined when there are none. */
function typedTokens(concepts: readonly Concept[], c: Concept): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const o of concepts) {
    // A situation's words were typed by the concepts that read them.
    if (o === c || o.situation) continue;
    for (const run of splitRuns(o.source)) {
      if (run.kind !== 'han' || run.chars.length < 2) continue;
      out ??= new Set();
      for (let i = 0; i + 1 < run.chars.length; i++) out.add(run.chars[i]! + run.chars[i + 1]!);
    }
  }
  return out;
}

/** A colloquial name of the synonym table holding a word of the query, and its official terms. */
interface NameHolding {
  colloquial: string;
  word: string;
  officials: readonly string[];
}

/** What a query says besides one concept: the other concepts' words as typed, and their alternatives. */
interface Said {
  typed: string[];
  alts: string[];
}

function saidBesides(plan: Plan, c: Concept): Said {
  const said: Said = { typed: [], alts: [] };
  for (const o of plan.concepts) {
    if (o === c) continue;
    said.typed.push(o.source);
    for (const a of o.alts) if (!a.guessed) said.alts.push(a.text);
  }
  return said;
}

/**
 * Whether the query says the rest of a name that holds one of its words: every other word of the name, a lone verb
 * too (孩子上户口 is not said by 户口 and 孩子 in 外地户口的孩子读书), and a lone character only as typed, not inside
 * an alternative's long name (生 of 义务教育招生入学).
 */
function restSaid(name: string, word: string, said: Said): boolean {
  const rest = name
    .split(word)
    .flatMap((part) => words(part))
    .filter((w) => !FUNCTION_WORDS.has(w));
  const says = (w: string) =>
    said.typed.some((x) => x.includes(w)) ||
    (codePoints(w).length > 1 && said.alts.some((x) => x.includes(w)));
  return rest.length > 0 && rest.every(says);
}

/** Terms by each character they hold: the terms holding a word are among those of its first character. */
function byCharacter(terms: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const term of terms)
    for (const ch of new Set(codePoints(term))) {
      const list = map.get(ch);
      if (list) list.push(term);
      else map.set(ch, [term]);
    }
  return map;
}

/** Adds a text's bigrams (and ASCII words) to a token map, each keeping the best weight it is given. */
function addTokensTo(
  toks: Map<string, { c: Concept; w: number }>,
  text: string,
  c: Concept,
  w: number,
): void {
  for (const run of splitRuns(text))
    if (run.kind === 'han') {
      for (let i = 0; i + 1 < run.chars.length; i++) {
        const tok = run.chars[i]! + run.chars[i + 1]!;
        if ((toks.get(tok)?.w ?? 0) < w) toks.set(tok, { c, w });
      }
    } else if (run.chars.length >= 2 && !toks.has(run.chars.join(''))) toks.set(run.chars.join(''), { c, w });
}

export class Retrieval {
  /** Coverage per document, summed over concepts (each weighted): read by ranking after scorePlan. */
  readonly acc: Acc;
  /**
   * The same coverage with every concept at its own weight, common or not, and that weight's sum: which documents
   * are results is decided on it, so a common word's lower weight orders the results but hides none.
   */
  readonly plainAcc: Acc;
  plainWeight = 0;
  /**
   * The coverage of the services of the situations the query tells of (none: null). A document they cover strongly
   * is a result whatever the words typed cover; otherwise they only order the results.
   */
  situationAcc: Acc | null = null;
  /** One alternative's coverage; swapped with a concept's accumulator when it is the concept's whole coverage. */
  private altAcc: Acc;
  private readonly bodyAcc: Acc;
  /** One accumulator per concept of a plan, kept between queries (a plan seldom has more than a few). */
  private readonly conceptAccs: Acc[] = [];
  private readonly neighbours = new Map<string, readonly NameHolding[]>();
  private byChar: Map<string, string[]> | null = null;
  private hintTermsByChar: Map<string, string[]> | null = null;

  constructor(private readonly corpus: Corpus) {
    const n = corpus.docCount;
    this.acc = new Acc(n);
    this.plainAcc = new Acc(n);
    this.altAcc = new Acc(n);
    this.bodyAcc = new Acc(n);
  }

  /** Tokens of an alternative with their idf; a missing token still counts against coverage. */
  private altTokens(text: string, others?: ReadonlySet<string>): Array<{ tok: string; idf: number }> {
    const seen = new Set<string>(others);
    const out: Array<{ tok: string; idf: number; df: number }> = [];
    const n = this.corpus.docCount;
    const add = (tok: string) => {
      if (seen.has(tok)) return;
      seen.add(tok);
      const df = this.corpus.short.df(tok) || this.corpus.body.df(tok);
      out.push({ tok, idf: Math.log(1 + n / (1 + df)), df });
    };
    for (const run of splitRuns(text)) {
      const c = run.chars;
      if (run.kind === 'han') {
        if (c.length === 1) add(c[0]!);
        for (let i = 0; i + 1 < c.length; i++) add(c[i]! + c[i + 1]!);
      } else add(c.join(''));
    }
    // A bigram found nowhere is usually a typo's doing, not the rarest word of the query: it counts against
    // coverage like an average token, so one wrong character cannot sink an otherwise perfect match.
    const present = out.filter((t) => t.df > 0);
    if (present.length && present.length < out.length) {
      const mean = present.reduce((s, t) => s + t.idf, 0) / present.length;
      for (const t of out) if (!t.df) t.idf = mean;
    }
    return out;
  }

  /**
   * Scores one alternative into altAcc (coverage in 0..1); returns whether anything matched. `others`: the tokens
   * the query's other concepts typed, left out of an expansion (开诊所 → 诊所备案 beside a typed 备案): a word
   * the visitor typed once is counted once, by the concept that typed it.
   */
  private scoreAlt(alt: Alt, useBody: boolean, others?: ReadonlySet<string>): boolean {
    const acc = this.altAcc;
    acc.reset();
    const chars = codePoints(alt.text);
    if (chars.length === 1 && isHanCode(alt.text.codePointAt(0)!)) {
      // One character: no bigram to look up, and a single character only means something in a name.
      for (const e of this.corpus.nameChars.get(alt.text) ?? []) acc.add(e >> 2, NAME_CHAR_WEIGHT[e & 3]!);
      return acc.size > 0;
    }
    const tokens = this.altTokens(alt.text, alt.via === 'query' ? undefined : others);
    let total = 0;
    for (const t of tokens) total += t.idf;
    if (!total) return false;
    for (const t of tokens) {
      const p = this.corpus.short.get(t.tok);
      if (!p) continue;
      const w = t.idf / total;
      for (let k = 0; k < p.docs.length; k++) acc.add(p.docs[k]!, w * MASK_WEIGHT[p.masks[k]!]!);
    }
    if (useBody) {
      const b = this.bodyAcc;
      b.reset();
      for (const t of tokens) {
        const p = this.corpus.body.get(t.tok);
        if (!p) continue;
        const w = (t.idf / total) * BODY_WEIGHT;
        for (let k = 0; k < p.docs.length; k++) b.add(p.docs[k]!, w);
      }
      for (let k = 0; k < b.size; k++) {
        const d = b.list[k]!;
        acc.max(d, b.vals[d]!);
      }
    }
    return acc.size > 0;
  }

  /** Soft AND over concepts: each contributes its best alternative's coverage times its weight. */
  scorePlan(plan: Plan, useBody: boolean): number {
    const total = this.acc;
    total.reset();
    /** Per active concept: its accumulator and how many documents match it strongly. */
    const matched: Array<{ c: Concept; acc: Acc; strong: number }> = [];
    for (const [i, c] of plan.concepts.entries()) {
      let cacc = (this.conceptAccs[i] ??= new Acc(this.corpus.docCount));
      cacc.reset();
      const others = typedTokens(plan.concepts, c);
      for (const alt of c.alts) {
        if (!this.scoreAlt(alt, useBody, others)) continue;
        const a = this.altAcc;
        if (!cacc.size && alt.weight === 1) {
          // The first alternative at full weight is the concept's coverage as it stands: the two accumulators
          // change places instead of a copy over every document it reached (thousands for 指南 at 10k).
          this.altAcc = cacc;
          this.conceptAccs[i] = cacc = a;
          continue;
        }
        for (let k = 0; k < a.size; k++) {
          const d = a.list[k]!;
          cacc.max(d, a.vals[d]! * alt.weight);
        }
      }
      // A word the bundle lacks that is part of a few colloquial names the lexicon knows (放学 of 放学后托管 →
      // 课后服务) borrows their official names at half weight; a word in many (孩子) is no clue to any.
      if (!cacc.size) {
        let near = this.lexiconNeighbours(c.source);
        // In many names (孩子), the word is still a clue to those whose other words the query says too (爸妈都出去打工了，
        // 孩子在家 and 父母外出打工孩子 → 农村留守儿童关爱保护).
        if (near.size > MAX_NEIGHBOURS) near = this.neighboursInContext(c.source, saidBesides(plan, c));
        if (near.size <= MAX_NEIGHBOURS)
          for (const text of near) {
            if (!this.scoreAlt({ text, weight: NEIGHBOUR_WEIGHT, via: 'synonym' }, useBody)) continue;
            const a = this.altAcc;
            for (let k = 0; k < a.size; k++) cacc.max(a.list[k]!, a.vals[a.list[k]!]! * NEIGHBOUR_WEIGHT);
          }
      }
      // A lexicon term whose official naming this catalogue does not use (偷税漏税 → 涉税违法举报, where the row
      // says 税收违法行为检举) is still a clue within its domain: the official terms' words, in that domain only.
      // The domain's best partial match counts as a half match, the others in proportion.
      const hints = cacc.size ? [] : this.hintsOf(c, plan);
      if (hints.length) {
        for (const hint of hints)
          for (const text of hint.official) {
            if (!this.scoreAlt({ text, weight: HINT_WEIGHT, via: 'synonym' }, useBody)) continue;
            const a = this.altAcc;
            for (let k = 0; k < a.size; k++) {
              const d = a.list[k]!;
              if (this.corpus.docNorm(d).domain === hint.domain) cacc.max(d, a.vals[d]!);
            }
          }
        let best = 0;
        for (let k = 0; k < cacc.size; k++) best = Math.max(best, cacc.vals[cacc.list[k]!]!);
        for (let k = 0; k < cacc.size; k++) cacc.vals[cacc.list[k]!]! *= HINT_WEIGHT / best;
        const domains = new Set(hints.map((h) => h.domain));
        if (cacc.size && !c.domain && domains.size === 1) c.domain = hints[0]!.domain;
      }
      // A concept the bundle knows nothing of (孩子) cannot tell documents apart: leave it out of the sum.
      c.active = cacc.size > 0;
      if (!c.active) continue;
      let strong = 0;
      for (let k = 0; k < cacc.size; k++) if (cacc.vals[cacc.list[k]!]! >= STRONG) strong++;
      matched.push({ c, acc: cacc, strong });
    }
    // A word many documents hold (备案, 许可证, 补贴) tells less about which one is meant than a rarer word beside it
    // (诊所): it counts less, as a common term does in any ranking by rarity. Alone, it is the topic.
    const topics = matched.filter((m) => !m.c.weak);
    const rarest = Math.min(...topics.map((m) => m.strong));
    // Graded as idf grades terms: the ratio of its idf (over the documents it matches strongly) to the rarest's, not
    // below COMMON_WEIGHT. A concept naming a department or a domain (残联) is specific however many rows it names.
    const n = this.corpus.docCount;
    const idf = (strong: number) => Math.log(1 + n / (1 + strong));
    for (const m of topics) {
      m.c.common = m.strong > rarest && !m.c.depts.length && !m.c.domain;
      if (m.c.common) m.c.rarity = Math.max(COMMON_WEIGHT, idf(m.strong) / idf(rarest));
    }
    const plain = this.plainAcc;
    plain.reset();
    this.plainWeight = 0;
    this.situationAcc = null;
    let activeWeight = 0;
    for (const { c, acc } of matched) {
      const w = weightOf(c);
      activeWeight += w;
      // Which documents are results, the words typed decide, and a situation only for its services' own rows: a
      // row it names would otherwise raise the bar every other result must pass.
      const selects = !c.situation;
      if (selects) this.plainWeight += c.weight;
      else this.situationAcc = acc;
      for (let k = 0; k < acc.size; k++) {
        const d = acc.list[k]!;
        total.add(d, acc.vals[d]! * w);
        if (selects) plain.add(d, acc.vals[d]! * c.weight);
      }
    }
    return activeWeight;
  }

  /**
   * The closest documents when nothing matches in full: any word (bigram) of any concept counts on its own (an OR,
   * not the soft AND), weighted by its rarity and the field it is in; failing that, documents whose names hold two
   * or more of the query's characters. Documents of the domain most hits fall in gain a little, so a stray word
   * elsewhere does not come first. Returns the best score (0 when nothing is related: nonsense gets nothing).
   */
  scoreClosest(plan: Plan): number {
    const acc = this.acc;
    acc.reset();
    const toks = new Map<string, { c: Concept; w: number }>();
    const addTokens = (text: string, c: Concept, w: number) => addTokensTo(toks, text, c, w);
    // Weak words (办理 of 护照加急办理) say what kind of answer is wanted, not about what: alone they are no clue
    // to the closest documents, as they are no match in full (unless the query is made of nothing else).
    const allWeak = plan.concepts.every((c) => c.weak);
    const situation = plan.concepts.find((c) => c.situation);
    for (const c of plan.concepts) {
      if ((c.weak && !allWeak) || c === situation) continue;
      // Two initials are too weak a clue to show anything for when nothing else matches.
      for (const a of [{ text: c.source }, ...c.alts.filter((x) => x.via !== 'guess')])
        addTokens(a.text, c, 1);
    }
    this.scoreTokens(toks);
    if (!acc.size) {
      // Words of the query the bundle does not hold (住院, 大病) may still be part of names the lexicon knows
      // (住院救助 → 医疗救助): their official terms are weaker clues, asked only when nothing closer matched.
      for (const c of plan.concepts)
        if ((!c.weak || allWeak) && c !== situation)
          for (const official of this.lexiconNeighbours(c.source)) addTokens(official, c, NEIGHBOUR_WEIGHT);
      this.scoreTokens(toks);
    }
    if (!acc.size) this.charsInNames(plan);
    // Nothing the words typed found, but a situation they tell of (爸妈打工孩子): its services are the closest.
    const implied = new Map<string, { c: Concept; w: number }>();
    if (situation)
      for (const a of situation.alts) addTokensTo(implied, a.text, situation, weightOf(situation));
    if (!acc.size && situation) {
      this.scoreTokens(implied);
      implied.clear();
    }
    if (!acc.size) return 0;
    const byDomain = new Map<string, number>();
    let best = 0;
    for (let k = 0; k < acc.size; k++) {
      const d = acc.list[k]!;
      const dom = this.corpus.docs[d]!.domain;
      byDomain.set(dom, (byDomain.get(dom) ?? 0) + acc.vals[d]!);
      best = Math.max(best, acc.vals[d]!);
    }
    const topDomain = [...byDomain].sort((a, b) => b[1] - a[1])[0]![0];
    for (let k = 0; k < acc.size; k++) {
      const d = acc.list[k]!;
      if (this.corpus.docs[d]!.domain === topDomain) acc.add(d, best * 0.15);
    }
    // Which documents are the closest, the words typed decide; a situation the query tells of orders them, and its
    // services' own rows join them in ranking as in a match in full (situationAcc, kept from scorePlan).
    const plain = this.plainAcc;
    plain.reset();
    for (let k = 0; k < acc.size; k++) plain.add(acc.list[k]!, acc.vals[acc.list[k]!]!);
    this.plainWeight = best * 1.15;
    this.scoreTokens(implied);
    return best * 1.15;
  }

  private scoreTokens(toks: Map<string, { c: Concept; w: number }>): void {
    const acc = this.acc;
    const n = this.corpus.docCount;
    for (const [tok, { c, w }] of toks) {
      const short = this.corpus.short.get(tok);
      const body = this.corpus.body.get(tok);
      const df = Math.max(short?.docs.length ?? 0, body?.docs.length ?? 0);
      if (!df) continue;
      c.active = true;
      const idf = Math.log(1 + n / (1 + df)) * w;
      if (short)
        for (let k = 0; k < short.docs.length; k++)
          acc.add(short.docs[k]!, idf * MASK_WEIGHT[short.masks[k]!]!);
      if (body) for (let k = 0; k < body.docs.length; k++) acc.add(body.docs[k]!, idf * BODY_WEIGHT * 0.5);
    }
  }

  /**
   * The lexicon hints a concept's words hold: the hint its source or an alternative is, with the hints of the terms
   * that hold its source and whose other words the query says (水费 is 水费缴纳's term; 水费多少钱一吨 says the rest
   * of 水费多少钱, a term of 居民生活用水价格); else the hint of the longest word inside the source.
   */
  private hintsOf(c: Concept, plan: Plan): LexiconHint[] {
    const hints = this.corpus.hints;
    const out = new Set<LexiconHint>();
    for (const text of [c.source, ...c.alts.map((a) => a.text)]) {
      const h = hints.get(text);
      if (h) {
        out.add(h);
        break;
      }
    }
    const said = saidBesides(plan, c);
    for (const [term, h] of this.hintsHolding(c.source)) if (restSaid(term, c.source, said)) out.add(h);
    if (out.size) return [...out];
    const chars = codePoints(c.source);
    for (let len = chars.length - 1; len >= 2; len--)
      for (let i = 0; i + len <= chars.length; i++) {
        const h = hints.get(chars.slice(i, i + len).join(''));
        if (h) return [h];
      }
    return [];
  }

  /** The lexicon terms that hold `word` (of two characters or more) without being it, with their hints. */
  private hintsHolding(word: string): Map<string, LexiconHint> {
    const out = new Map<string, LexiconHint>();
    const chars = codePoints(word);
    if (chars.length < 2) return out;
    this.hintTermsByChar ??= byCharacter(this.corpus.hints.keys());
    for (const term of this.hintTermsByChar.get(chars[0]!) ?? [])
      if (term !== word && term.includes(word)) out.set(term, this.corpus.hints.get(term)!);
    return out;
  }

  /** The synonym table's terms by each character they hold, built at first use (scanning them all took ~0.1 ms). */
  private termsByChar(): Map<string, string[]> {
    return (this.byChar ??= byCharacter(this.corpus.synonyms.keys()));
  }

  /**
   * Official terms of the synonym table (district table and the lexicon pairs that reach this bundle) whose
   * colloquial names contain one of the text's words as a whole word of two or more characters.
   */
  private lexiconNeighbours(text: string): Set<string> {
    const out = new Set<string>();
    for (const { officials } of this.namesHolding(text)) for (const o of officials) out.add(o);
    return out;
  }

  /**
   * The official terms of the colloquial names holding one of the text's words whose other words the query says
   * as well, in its words or their alternatives (`said`).
   */
  private neighboursInContext(text: string, said: Said): Set<string> {
    const out = new Set<string>();
    for (const { colloquial, word, officials } of this.namesHolding(text))
      if (restSaid(colloquial, word, said)) for (const o of officials) out.add(o);
    return out;
  }

  /** The colloquial names holding the text, or else one of its words, with the word and their official terms. */
  private namesHolding(text: string): readonly NameHolding[] {
    // Remembered per text: typing asks for the same words keystroke after keystroke.
    const known = this.neighbours.get(text);
    if (known) return known;
    if (this.neighbours.size >= 256) this.neighbours.clear();
    const out: NameHolding[] = [];
    this.neighbours.set(text, out);
    const byChar = this.termsByChar();
    const holding = (w: string) => {
      for (const colloquial of byChar.get(codePoints(w)[0]!) ?? []) {
        if (colloquial === w || !colloquial.includes(w)) continue;
        out.push({ colloquial, word: w, officials: this.corpus.synonyms.get(colloquial)! });
      }
    };
    // The text as a whole first (外地孩子 of 外地孩子上学): names holding all of it are closer than names holding
    // one of its words (外地 is in many).
    if (codePoints(text).length >= 3) holding(text);
    if (out.length) return out;
    let ws = words(text).filter((w) => codePoints(w).length >= 2 && !FUNCTION_WORDS.has(w));
    // A word the runtime's dictionary lacks comes out as single characters (雾/霾): the text is the word.
    if (!ws.length && codePoints(text).length >= 2 && !FUNCTION_WORDS.has(text)) ws = [text];
    for (const w of ws) holding(w);
    return out;
  }

  private charsInNames(plan: Plan): void {
    const chars = new Map<string, Concept>();
    const allWeak = plan.concepts.every((c) => c.weak);
    // A word of one character (树, 砍 of 门口的树能砍吗) is weak for a match in full, not as a character of a name.
    // Each character counts as its share of the word it is in: 机 of 手机 and 贴 of 贴膜 make one clue, not two.
    const share = new Map<string, number>();
    for (const c of plan.concepts)
      if ((!c.weak || allWeak || codePoints(c.source).length === 1) && !c.situation)
        for (const w of words(c.source)) {
          const cs = codePoints(w).filter((ch) => isHanCode(ch.codePointAt(0)!) && !FUNCTION_WORDS.has(ch));
          for (const ch of cs) {
            chars.set(ch, c);
            share.set(ch, Math.max(share.get(ch) ?? 0, 1 / cs.length));
          }
        }
    if (chars.size < 2) return;
    const acc = this.acc;
    const hits = new Map<number, number>();
    for (const ch of chars.keys())
      for (const e of this.corpus.nameChars.get(ch) ?? [])
        if ((e & 3) < 2) hits.set(e >> 2, (hits.get(e >> 2) ?? 0) + share.get(ch)!);
    // Two whole clues (1.99: shares of a word of three add up to a little under one); one for a query that is a
    // single short word (打坝, 吃水难), whose characters are all there is to go on. In document order, as a scan
    // would add them: ties in ranking keep the catalogue's order.
    const short = plan.concepts.length === 1 && codePoints(plan.concepts[0]!.source).length <= 3;
    const needed = short ? 0.99 : 1.99;
    for (const d of [...hits.keys()].sort((a, b) => a - b))
      if (hits.get(d)! >= needed) acc.add(d, hits.get(d)!);
    if (acc.size) for (const c of chars.values()) c.active = true;
  }
}
