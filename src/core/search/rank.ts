// Stage 3, ranking: takes retrieval's coverage per document and orders the best candidates, adding bonuses for
// exact names, how much of the title the query covers, the query's intent, a named department or domain, and
// marks the matched parts of each title for the UI.
import type { Corpus } from './corpus.ts';
import { answersIntent, signalsIntent } from './intent.ts';
import { NAME_LEAF, NAME_PARENT, NAME_TITLE } from './corpus.ts';
import type { SearchResponse } from './results.ts';
import { kthLargest, type Acc } from './structures.ts';
import { splitRuns } from './text.ts';
import { weightOf, type Alt, type Concept, type Plan } from './understand.ts';

const EXACT_LEAF = 60;
const EXACT_TITLE = 55;
const EXACT_PARENT = 30;
const EXACT_WHOLE = 70;
const TITLE_COVER = 12;
const INTENT_BONUS = 8;
/** Below an exact name, above what separates the rows of one programme (最低生活保障 保障标准 vs 审核信息). */
const INTENT_ROW_BONUS = 10;
const DEPT_BONUS = 20;
const DOMAIN_BONUS = 10;
/** How much of an implied service's name a document must hold to be a result on that ground alone. */
const IMPLIED_MATCH = 0.5;
/**
 * The share of the query's weight a document must cover to be a result at all. A long question's words often meet
 * different rows (家里困难能申请低保吗: 困难 the 困难残疾人 rows, 低保 the 低保 rows), and its small words (里, 挖, 个,
 * 批) count in the weight too: the row of the one service it names (占耕地 of 我想在承包地里挖个鱼塘，占耕地要不要批)
 * must stay a result. 0.3 → 0.25 → 0.2, each chosen on dev: 0.2 brought the answer of 24 dev queries (of 5,272)
 * into results that held none of it (hit@5 0.972 → 0.975) and moved 3 from first place (hit@1 0.909 → 0.908).
 */
const MIN_COVERAGE = 0.2;
/** The share of the query's weight the best document must cover for the query to have a match in full. */
const MATCH_IN_FULL = 0.25;
/** Less than an exact name's bonus, more than what usually separates two documents on one topic. */
const REPEALED_PENALTY = 30;
/** At most this many results keep their scored order when a one-word query's own holders are brought up. */
const KEPT_HEAD = 5;
/** The results a visitor sees without scrolling on the kiosk (and the pinyin yardstick's "first 10"). */
const FIRST_SCREEN = 10;

/** Whether a document's own names (its level names or title, not its domain) hold a typed or synonym word. */
const holdsName = (norm: { leaf: string; parents: string }, alt: Alt): boolean =>
  !alt.guessed && (norm.leaf.includes(alt.text) || norm.parents.includes(alt.text));

/** Names that are complaint channels in their own words, not by 监督 alone. */
const NAMED_CHANNEL = /投诉|举报|检举|控告|信访/;
/** A domain with complaint channels stands in for the topic's own when it covers the topic this nearly as well. */
const CHANNEL_DOMAIN_SHARE = 0.95;

export class Ranking {
  constructor(private readonly corpus: Corpus) {}

  /** Each title's length without spaces, by document (-1 until first asked: typing asks again every keystroke). */
  private titleLengths: Int32Array | null = null;

  private titleLength(d: number): number {
    const lengths = (this.titleLengths ??= new Int32Array(this.corpus.docCount).fill(-1));
    if (lengths[d]! < 0) lengths[d] = this.corpus.docs[d]!.title.replace(/\s+/g, '').length;
    return lengths[d]!;
  }

  /** The strings to mark in titles: every bigram (or lone character, or ASCII word) of an active alternative. */
  private needles(plan: Plan): string[] {
    const out = new Set<string>();
    for (const c of plan.concepts) {
      if (!c.active) continue;
      for (const alt of c.alts) {
        // A guess at what the visitor goes on to type marks nothing: a title earns its cover by the words typed.
        if (alt.guessed) continue;
        for (const run of splitRuns(alt.text)) {
          const ch = run.chars;
          if (run.kind === 'ascii' || ch.length === 1) out.add(ch.join(''));
          else for (let i = 0; i + 1 < ch.length; i++) out.add(ch[i]! + ch[i + 1]!);
        }
      }
    }
    return [...out];
  }

  /** Marks the parts of a title that a query alternative matches. */
  private highlight(d: number, needles: readonly string[]): Array<[number, number]> {
    const { text, map } = this.corpus.titleNorm(d);
    const mark = new Uint8Array(text.length);
    for (const needle of needles) {
      for (let p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1))
        mark.fill(1, p, p + needle.length);
    }
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < mark.length;) {
      if (!mark[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < mark.length && mark[j]) j++;
      ranges.push([map[i]!, map[j]!]);
      i = j;
    }
    return ranges;
  }

  /** Per domain, its complaint channels (投诉举报, 监督 rows): built at the first complaint query. */
  private channels: Map<string, number[]> | null = null;

  private channelsOf(domain: string): readonly number[] {
    if (!this.channels) {
      this.channels = new Map();
      this.corpus.docs.forEach((doc, d) => {
        if (!doc.domain || !answersIntent('complaint', doc.type, doc.leaf)) return;
        const list = this.channels!.get(doc.domain);
        if (list) list.push(d);
        else this.channels!.set(doc.domain, [d]);
      });
    }
    return this.channels.get(domain) ?? [];
  }

  /**
   * A complaint about a topic (烧烤摊油烟扰民举报, 举报冒领养老金) asks for the complaint channel of the topic's
   * domain, a row that seldom names the topic itself: the domain of the document that covers the topic best (not
   * itself a channel), and its channels; when that domain has none, a domain covering the topic as well that has
   * (招标 rows under 重大建设项目 and 公共资源交易 alike: the latter's 交易投诉). None when the query names no topic.
   * A channel competes for the topic without the credit of the complaint words it matches by its name: a channel
   * that names the topic too (环境污染举报 for 工厂偷排污水举报) marks its own domain.
   */
  private topicChannels(acc: Acc, cand: readonly number[], plan: Plan): number[] {
    if (!plan.intents.includes('complaint') || !plan.concepts.some((c) => c.active && !c.weak)) return [];
    let complaintWords = 0;
    for (const c of plan.concepts)
      if (c.active && signalsIntent('complaint', c.source)) complaintWords += weightOf(c);
    // A row that is a channel only by 监督 (执法全过程记录和监督) is lifted only when it matches a word of the query.
    const liftable = (domain: string) =>
      this.channelsOf(domain).filter((d) => acc.get(d) > 0 || NAMED_CHANNEL.test(this.corpus.docs[d]!.leaf));
    // Per domain, its document covering the topic best, in the order of the candidates for equal coverage.
    const byDomain = new Map<string, { score: number; at: number }>();
    cand.forEach((d, at) => {
      const doc = this.corpus.docs[d]!;
      const channel = answersIntent('complaint', doc.type, doc.leaf);
      const score = acc.get(d) - (channel ? complaintWords : 0);
      if (channel && score <= 0) return;
      const prev = byDomain.get(doc.domain);
      if (!prev || score > prev.score) byDomain.set(doc.domain, { score, at });
    });
    const ranked = [...byDomain]
      .map(([domain, { score, at }]) => ({ domain, score, at }))
      .sort((a, b) => b.score - a.score || a.at - b.at);
    if (!ranked.length) return [];
    // The topic's domain; if it has no channel (招标 rows filed under 重大建设项目), a domain that covers the topic
    // nearly as well and has one (公共资源交易's 交易投诉).
    for (const { domain, score } of ranked) {
      if (score < ranked[0]!.score * CHANNEL_DOMAIN_SHARE) break;
      const channels = liftable(domain);
      if (channels.length) return channels;
    }
    return [];
  }

  /**
   * Orders the documents of `acc` (coverage weighted as retrieval weighs each concept). Which of them are results
   * is decided on `chosenBy` when given: the coverage with every concept at its own weight, and `also`, documents
   * covered strongly by what the query implies beside its words (the services of a situation it tells of).
   */
  rank(
    acc: Acc,
    plan: Plan,
    activeWeight: number,
    limit: number,
    response: SearchResponse,
    chosenBy: { acc: Acc; weight: number; also?: Acc | null } = { acc, weight: activeWeight },
  ): void {
    let best = 0;
    const sel = chosenBy.acc;
    for (let k = 0; k < sel.size; k++) best = Math.max(best, sel.vals[sel.list[k]!]!);
    // A result covers a fifth of the query at least, or 0.4 of the best coverage when that is more; when no document
    // covers a quarter, nothing is a result in full and the closest documents answer (engine.ts).
    const floor = best / chosenBy.weight >= MATCH_IN_FULL ? MIN_COVERAGE : MATCH_IN_FULL;
    const minCoverage = Math.max(floor, (0.4 * best) / chosenBy.weight);
    const keep = Math.max(limit * 3, 60);
    // Bounded selection of the best candidates by coverage (a full sort of 10k hits costs more than the rest).
    const passing = new Int32Array(acc.size);
    let total = 0;
    for (let k = 0; k < acc.size; k++) {
      const d = acc.list[k]!;
      if (sel.get(d) / chosenBy.weight >= minCoverage) passing[total++] = d;
    }
    let cand: number[];
    if (total > keep) {
      // The keep-th best coverage by selection, then one filtering pass (no comparator calls).
      const values = new Float32Array(total);
      for (let k = 0; k < total; k++) values[k] = acc.vals[passing[k]!]!;
      const cut = kthLargest(values, keep);
      cand = [];
      for (let k = 0; k < total; k++) if (acc.vals[passing[k]!]! > cut) cand.push(passing[k]!);
      for (let k = 0; k < total && cand.length < keep; k++)
        if (acc.vals[passing[k]!]! === cut) cand.push(passing[k]!);
    } else cand = Array.from(passing.subarray(0, total));
    const inCand = new Set(cand);
    const exact = new Map<number, number>();
    /** Documents the query's words name, and those named by what it implies (a situation's services). */
    const named = new Set<number>();
    const implied = new Set<number>();
    for (const c of plan.concepts) {
      if (!c.active) continue;
      const share = weightOf(c) / activeWeight;
      // Per concept a document takes its best exact match; concepts add up (最低生活保障 + 审核信息).
      const perDoc = new Map<number, number>();
      for (const a of c.alts) {
        if (a.guessed) continue;
        const holders = this.corpus.names.get(a.text) ?? [];
        const generic = a.via === 'synonym' && genericHeading(holders, this.corpus.docs);
        for (const [d, kind] of holders) {
          // Still taken to the re-ranking, without the bonus.
          const base =
            generic && kind === NAME_PARENT
              ? 0
              : kind === NAME_LEAF
                ? EXACT_LEAF
                : kind === NAME_TITLE
                  ? EXACT_TITLE
                  : EXACT_PARENT;
          perDoc.set(d, Math.max(perDoc.get(d) ?? 0, base * share * a.weight));
        }
      }
      for (const [d, b] of perDoc) {
        exact.set(d, (exact.get(d) ?? 0) + b);
        (c.situation ? implied : named).add(d);
      }
    }
    const wholeExact = new Map<number, number>();
    for (const [d, kind] of this.corpus.names.get(plan.whole) ?? []) {
      if (kind !== NAME_PARENT) wholeExact.set(d, EXACT_WHOLE);
    }
    // Exact names always reach the re-ranking, however many documents tie on coverage (capped: a generic name
    // like 办事指南 can be shared by hundreds of items, and ties then keep catalogue order).
    let added = 0;
    for (const d of [...wholeExact.keys(), ...named]) {
      if (added >= keep) break;
      if (!inCand.has(d) && acc.get(d) > 0) {
        added++;
        inCand.add(d);
        cand.push(d);
        total++;
      }
    }
    // What the query implies adds its services' rows to what its words found: those it names, and those it covers
    // strongly. Alone it is no match in full; the closest documents, which count its services too, answer then.
    const also = chosenBy.also;
    if (total) {
      for (const d of implied)
        if (!inCand.has(d) && acc.get(d) > 0 && added++ < keep) {
          inCand.add(d);
          cand.push(d);
          total++;
        }
      for (let k = 0; also && k < also.size; k++) {
        const d = also.list[k]!;
        if (also.vals[d]! >= IMPLIED_MATCH && !inCand.has(d) && added++ < keep) {
          inCand.add(d);
          cand.push(d);
          total++;
        }
      }
    }
    const channels = this.topicChannels(acc, cand, plan);
    for (const d of channels) {
      if (inCand.has(d)) continue;
      inCand.add(d);
      cand.push(d);
      total++;
    }
    const needles = this.needles(plan);
    const depts = plan.concepts.filter((c) => c.active && c.depts.length);
    const domains = plan.concepts.filter((c) => c.active && c.domain);
    // The department and domain bonuses tell which bureau or domain a query is about. When the whole query is one
    // word, nothing asked of it, and the bureau or domain is named only by a widening of the word (卫生 → 卫生健康,
    // 财政 → 财政局), every row of theirs gets the bonus and it only lifts them above rows elsewhere. A row that
    // their name alone matched has been counted already (the dept and domain fields); counted twice, it would pass
    // the rows whose own names hold the word (卫生: every 卫生健康 row before 环境卫生). Beside other words, or in a
    // question, the bonuses stay; so do they for a bureau's name as typed (财政局, 城管), what the visitor asks for.
    const widenedAlone =
      plan.concepts.length === 1 &&
      !plan.intents.length &&
      !plan.concepts[0]!.alts.some(
        (a) => a.via !== 'synonym' && !a.guessed && this.corpus.deptNames.has(a.text),
      );
    const countedTwice = (c: Concept, norm: { leaf: string; parents: string }) =>
      widenedAlone && !c.alts.some((a) => holdsName(norm, a));
    const scored = cand.map((d) => {
      const doc = this.corpus.docs[d]!;
      const coverage = acc.get(d) / activeWeight;
      let score = coverage * 100 + Math.max(exact.get(d) ?? 0, wholeExact.get(d) ?? 0);
      const highlights = this.highlight(d, needles);
      let marked = 0;
      for (const [a, b] of highlights) marked += b - a;
      score += (TITLE_COVER * marked) / Math.max(1, this.titleLength(d));
      if (plan.intent && plan.intent === doc.type) score += INTENT_BONUS;
      // The kind of answer asked for (how, how much, where, complaints, lists) by the document's own name.
      for (const kind of plan.intents) if (answersIntent(kind, doc.type, doc.leaf)) score += INTENT_ROW_BONUS;
      // Read only when a concept names a department or domain: most queries need no document's normal form.
      const norm = depts.length || domains.length ? this.corpus.docNorm(d) : null;
      if (norm) {
        for (const c of depts)
          if (c.depts.some((n) => norm.dept.includes(n)) && !countedTwice(c, norm))
            score += (DEPT_BONUS * weightOf(c)) / activeWeight;
        for (const c of domains)
          if (norm.domain === c.domain && !countedTwice(c, norm))
            score += (DOMAIN_BONUS * weightOf(c)) / activeWeight;
      }
      // A repealed policy's interpretation stays findable (first for its exact title) but below what is in force.
      if (doc.validity === 'repealed') score -= REPEALED_PENALTY;
      return { d, score, highlights };
    });
    scored.sort((a, b) => b.score - a.score || a.d - b.d);
    if (channels.length) {
      // The topic's complaint channels first, in their own order; every other result keeps its place below them.
      const lift = scored[0]!.score;
      const isChannel = new Set(channels);
      for (const x of scored) if (isChannel.has(x.d)) x.score += lift;
      scored.sort((a, b) => b.score - a.score || a.d - b.d);
    }
    if (widenedAlone) this.ownHoldersFirst(scored, plan.concepts[0]!);
    response.total = total;
    if (plan.intents.includes('contact') && scored.length) {
      const dept = this.corpus.docs[scored[0]!.d]!.dept;
      if (dept) response.contactDept = dept;
    }
    response.results = scored.slice(0, limit).map(({ d, score, highlights }) => {
      const doc = this.corpus.docs[d]!;
      return {
        type: doc.type,
        id: doc.id,
        title: doc.title,
        domain: doc.domain,
        level1: doc.level1,
        level2: doc.level2,
        level3: doc.level3,
        score: Math.round(score * 100) / 100,
        ...(doc.validity ? { validity: doc.validity } : {}),
        highlights,
      };
    });
  }

  /**
   * A one-word query widened (工作 → 就业, 审批 → 行政许可) finds many rows by the widening alone, and they outscore
   * the rows that hold the word itself only in a parent level (征收前期工作/征收土地预公告): a visitor who typed the
   * word, or spelled it in pinyin, would not see the documents that name it. The first results keep their order (a
   * widening is often what is meant: 低保 → 最低生活保障), up to KEPT_HEAD of them and as many as leave room on the
   * first screen for the documents whose names hold the word as typed or spelled; those come next, then the rest,
   * each group in its scored order.
   */
  private ownHoldersFirst(scored: Array<{ d: number }>, concept: Concept): void {
    const own = concept.alts.filter((a) => (a.via === 'query' || a.via === 'pinyin') && !a.guessed);
    const widened = concept.alts.some((a) => a.via === 'synonym' || a.via === 'lexicon');
    if (!own.length || !widened || scored.length <= 1) return;
    const holdsOwn = (x: { d: number }) => own.some((a) => holdsName(this.corpus.docNorm(x.d), a));
    // Most often the first screen is the word's own holders already.
    if (scored.slice(0, FIRST_SCREEN).every(holdsOwn)) return;
    const holds = scored.map(holdsOwn);
    let head = Math.min(KEPT_HEAD, scored.length);
    const holdersAfter = (at: number) => holds.slice(at).filter(Boolean).length;
    while (head > 1 && head + holdersAfter(head) > FIRST_SCREEN) head--;
    const tail = scored.slice(head);
    const tailHolds = holds.slice(head);
    const holders = tail.filter((_, k) => tailHolds[k]);
    if (!holders.length || holders.length === tail.length) return;
    scored.splice(head, tail.length, ...holders, ...tail.filter((_, k) => !tailHolds[k]));
  }
}

/** A heading that groups rows of several domains (行政许可, 政策文件): a widening to it names no one service. */
function genericHeading(
  holders: ReadonlyArray<[number, number]>,
  docs: ReadonlyArray<{ domain: string }>,
): boolean {
  const domains = new Set<string>();
  for (const [d, kind] of holders) {
    if (kind !== NAME_PARENT) continue;
    domains.add(docs[d]!.domain);
    if (domains.size > 2) return true;
  }
  return false;
}
