// Relevance yardstick (issue 11): for every catalogue of tests/relevance/catalogues.ts (the sample district, the
// search unit tests' fixture catalogue and districts B to Z and AA to AM: day-one catalogues without synonyms, guides or
// interpretations, listed in tests/relevance/README.md; `unseen` pools every catalogue but the sample), on the
// dev and the holdout query sets separately: hit@1, hit@5, MRR, the share of in-domain queries with no result,
// and the share of nonsense queries that got any result; overall and per query class. The engine runs as the kiosk runs it: bundle data as a build
// writes it, createSearchEngine, warm(), search with the kiosk's limit. Baseline in the same run: plain fuse.js over
// the same documents. Figures are printed, never asserted.
//
// RELEVANCE_MISSES=1 lists the dev queries not answered first (on stderr). Holdout queries are never listed: their
// figures are the ones that count because nobody tuned to them.
import Fuse from 'fuse.js';
import type { BundleData } from '../../src/core/bundle/schema.ts';
import { createSearchEngine } from '../../src/core/search/engine.ts';
import { CATALOGUES, loadBundleData, type CatalogueName } from '../relevance/catalogues.ts';
import { QUERY_CLASSES, readQueries, type QuerySet } from '../relevance/queries.ts';
import { sampleQueries } from '../relevance/sample-cases.ts';
import {
  figures,
  run,
  scoredQueries,
  type Figures,
  type Outcome,
  type ScoredQuery,
} from '../relevance/score.ts';
import type { Emit } from './run.ts';

/** What the kiosk asks the search worker for (src/kiosk/search/bridge.ts). */
const KIOSK_LIMIT = 60;
const round = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);

function fuseBaseline(data: BundleData) {
  const records = [
    ...data.catalogue.map((it) => ({
      id: it.id,
      title: [it.level1, it.level2, it.level3].filter(Boolean).join(' '),
      content: it.content,
      publisher: it.publisher,
      domain: it.domain,
    })),
    ...data.guides.map((g) => ({
      id: g.id,
      title: g.title,
      content: g.body,
      publisher: g.department,
      domain: g.domain,
    })),
    ...data.interpretations.map((p) => ({
      id: p.id,
      title: p.title,
      content: p.summary,
      publisher: p.department,
      domain: p.domain,
    })),
  ];
  const fuse = new Fuse(records, {
    keys: ['title', 'content', 'publisher', 'domain'],
    threshold: 0.4,
    ignoreLocation: true,
  });
  return (q: string) => fuse.search(q, { limit: KIOSK_LIMIT }).map((r) => r.item.id);
}

function emitGroup(
  emit: Emit,
  label: string,
  tags: Record<string, string>,
  mine: Figures,
  base: Figures,
): void {
  const common = { ...tags, n: mine.n };
  if (mine.n) {
    emit({
      name: `${label} hit@1`,
      value: round(mine.hit1)!,
      unit: 'ratio',
      baseline: round(base.hit1),
      ...common,
    });
    emit({
      name: `${label} hit@5`,
      value: round(mine.hit5)!,
      unit: 'ratio',
      baseline: round(base.hit5),
      ...common,
    });
    emit({
      name: `${label} MRR`,
      value: round(mine.mrr)!,
      unit: 'ratio',
      baseline: round(base.mrr),
      ...common,
    });
    emit({
      name: `${label} in-domain no result`,
      value: round(mine.noResult)!,
      unit: 'ratio',
      baseline: round(base.noResult),
      ...common,
    });
  }
  if (mine.nonsense) {
    emit({
      name: `${label} nonsense answered`,
      value: round(mine.nonsenseAnswered)!,
      unit: 'ratio',
      baseline: round(base.nonsenseAnswered),
      ...tags,
      n: mine.nonsense,
    });
  }
}

function querySets(name: CatalogueName, data: BundleData): Partial<Record<QuerySet, ScoredQuery[]>> {
  if (name === 'sample') return { dev: sampleQueries(data) };
  return {
    dev: scoredQueries(readQueries(name, 'dev'), data),
    holdout: scoredQueries(readQueries(name, 'holdout'), data),
  };
}

function listMisses(name: string, outcomes: Outcome[]): void {
  for (const o of outcomes.filter((x) => (x.cls === 'nonsense' ? x.count > 0 : x.rank !== 1)))
    console.error(`  ${name} dev [${o.cls}] ${o.q} → rank ${o.rank ?? '-'} of ${o.count}`);
}

function emitSet(
  emit: Emit,
  label: string,
  tags: Record<string, string>,
  mine: Outcome[],
  base: Outcome[],
): void {
  emitGroup(emit, label, { ...tags, class: 'all' }, figures(mine), figures(base));
  for (const cls of QUERY_CLASSES) {
    const m = mine.filter((o) => o.cls === cls);
    if (!m.length) continue;
    const b = base.filter((o) => o.cls === cls);
    emitGroup(emit, `${label} [${cls}]`, { ...tags, class: cls }, figures(m), figures(b));
  }
}

export default async function bench(emit: Emit): Promise<void> {
  /** The queries written for catalogues the engine was not tuned on (all but the sample), pooled per set. */
  const unseen: Record<QuerySet, { mine: Outcome[]; base: Outcome[] }> = {
    dev: { mine: [], base: [] },
    holdout: { mine: [], base: [] },
  };
  // RELEVANCE_CATALOGUES=a,b measures only those (the unseen pool then holds only them): for a quick look.
  const only = process.env.RELEVANCE_CATALOGUES?.split(',').map((x) => x.trim());
  for (const name of CATALOGUES.filter((c) => !only || only.includes(c))) {
    const data = await loadBundleData(name);
    const engine = createSearchEngine(data);
    engine.warm();
    const search = (q: string) => engine.search(q, { limit: KIOSK_LIMIT }).results.map((r) => r.id);
    const baseline = fuseBaseline(data);
    for (const [set, queries] of Object.entries(querySets(name, data)) as [QuerySet, ScoredQuery[]][]) {
      const outcomes = run(queries, data, search);
      const baseOutcomes = run(queries, data, baseline);
      emitSet(emit, `${name} ${set}`, { catalogue: name, set }, outcomes, baseOutcomes);
      if (name !== 'sample') {
        unseen[set].mine.push(...outcomes);
        unseen[set].base.push(...baseOutcomes);
      }
      if (set === 'dev' && process.env.RELEVANCE_MISSES === '1') listMisses(name, outcomes);
    }
  }
  for (const set of ['dev', 'holdout'] as const)
    emitSet(emit, `unseen ${set}`, { catalogue: 'unseen', set }, unseen[set].mine, unseen[set].base);
}
