// Pinyin yardstick (issue 11, item 5 and its budget): the full pinyin of a word finds every document whose title
// holds the word, in the first 10 results. Nobody picks the words: every word of two to four characters that the
// runtime's segmenter finds in a catalogue's titles and that the titles of one to ten documents hold, read by
// pinyin-pro without tones (ü as v), as a visitor types it (homophones pooled under one reading). Per catalogue
// (and pooled over all but the sample): the share of readings whose documents all come in the first 10, and the
// share of those documents found there. Figures are printed, never asserted; the readings that miss are listed on
// stderr with RELEVANCE_MISSES=1.
import { pinyin } from 'pinyin-pro';
import { createSearchEngine } from '../../src/core/search/engine.ts';
import { CATALOGUES, loadBundleData } from '../relevance/catalogues.ts';
import { docFacts, type DocFacts } from '../relevance/queries.ts';
import type { Emit } from './run.ts';

const TOP = 10;
const MAX_HOLDERS = 10;
const round = (x: number) => Math.round(x * 1000) / 1000;
const HAN = /^\p{Script=Han}{2,4}$/u;

/** Where a document's title words are: an item's level names one by one, a guide's or interpretation's title. */
const titleParts = (d: DocFacts) => (d.type === 'item' ? d.levels : [d.title]);

/**
 * Readings of the titles' words, each with the words read so and the documents whose titles hold one of them
 * (homophones such as 检查 and 监察 share a reading: a visitor typing jiancha may mean either). Only readings
 * held by one to MAX_HOLDERS documents: more cannot all come in the first ten.
 */
function titleReadings(docs: Map<string, DocFacts>): Map<string, { words: string[]; ids: string[] }> {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const byReading = new Map<string, Set<string>>();
  for (const d of docs.values())
    for (const part of titleParts(d))
      for (const s of segmenter.segment(part)) {
        if (!s.isWordLike || !HAN.test(s.segment)) continue;
        const typed = pinyin(s.segment, { toneType: 'none', type: 'array', v: true }).join('');
        const words = byReading.get(typed) ?? new Set<string>();
        byReading.set(typed, words.add(s.segment));
      }
  const out = new Map<string, { words: string[]; ids: string[] }>();
  for (const [typed, set] of [...byReading].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const words = [...set];
    const ids = [...docs.values()]
      .filter((d) => titleParts(d).some((p) => words.some((w) => p.includes(w))))
      .map((d) => d.id);
    if (ids.length >= 1 && ids.length <= MAX_HOLDERS) out.set(typed, { words, ids });
  }
  return out;
}

interface Tally {
  readings: number;
  /** Readings all of whose holders came in the first TOP. */
  whole: number;
  docs: number;
  docsFound: number;
}

export default async function bench(emit: Emit): Promise<void> {
  const only = process.env.RELEVANCE_CATALOGUES?.split(',').map((x) => x.trim());
  const pooled: Tally = { readings: 0, whole: 0, docs: 0, docsFound: 0 };
  for (const name of CATALOGUES.filter((c) => !only || only.includes(c))) {
    const data = await loadBundleData(name);
    const engine = createSearchEngine(data);
    engine.warm();
    const tally: Tally = { readings: 0, whole: 0, docs: 0, docsFound: 0 };
    for (const [typed, { words, ids }] of titleReadings(docFacts(data))) {
      const top = new Set(
        engine
          .search(typed, { limit: 60 })
          .results.slice(0, TOP)
          .map((r) => r.id),
      );
      const found = ids.filter((id) => top.has(id)).length;
      tally.readings++;
      tally.docs += ids.length;
      tally.docsFound += found;
      if (found === ids.length) tally.whole++;
      else if (process.env.RELEVANCE_MISSES === '1')
        console.error(
          `  ${name} pinyin ${typed} (${words.join('/')}) → ${found} of ${ids.length} in the first ${TOP}`,
        );
    }
    if (name !== 'sample') for (const k of Object.keys(pooled) as (keyof Tally)[]) pooled[k] += tally[k];
    emitTally(emit, name, tally);
  }
  emitTally(emit, 'unseen', pooled);
}

function emitTally(emit: Emit, catalogue: string, t: Tally): void {
  emit({
    name: `${catalogue} full pinyin of title words: every holder in the first ${TOP}`,
    value: round(t.whole / t.readings),
    unit: 'ratio',
    budget: '1.0',
    catalogue,
    readings: t.readings,
    holdersFound: round(t.docsFound / t.docs),
    holders: t.docs,
  });
}
