// Relevance over the sample district: recall@1, recall@5 and MRR overall and per query kind, printed on every run
// and held above thresholds that are raised as the engine improves (never lowered to let a change through).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSource } from '../../../src/cli/build/source.ts';
import type { BundleData } from '../../../src/core/bundle/schema.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine, type SearchEngine, type SearchResult } from '../../../src/core/search/engine.ts';
import { CASES, type QueryKind, type RelevanceCase } from './relevance-cases.ts';

/** Minimum figures; exact names must always be first. */
const THRESHOLDS = {
  overall: { r1: 0.95, r5: 0.98, mrr: 0.97 },
  /** Every kind on its own. */
  perKind: { r5: 0.9, mrr: 0.85 },
  exactR1: 1,
};

type Matcher = (r: SearchResult) => boolean;

export function matcherFor(spec: string, data: Omit<BundleData, 'searchIndex'>): Matcher {
  const i = spec.indexOf(':');
  const kind = spec.slice(0, i);
  const arg = spec.slice(i + 1);
  const items = new Map(data.catalogue.map((it) => [it.id, it]));
  const docDept = (r: SearchResult): string =>
    r.type === 'item'
      ? (items.get(r.id)?.publisher ?? '')
      : r.type === 'guide'
        ? (data.guides.find((g) => g.id === r.id)?.department ?? '')
        : (data.interpretations.find((p) => p.id === r.id)?.department ?? '');
  switch (kind) {
    case 'name':
      return (r) =>
        r.level1 === arg || r.level2 === arg || r.level3 === arg || (r.type !== 'item' && r.title === arg);
    case 'l1':
      return (r) => r.type === 'item' && r.level1 === arg;
    case 'leaf':
      return (r) => r.type === 'item' && (r.level3 ?? r.level2 ?? r.level1) === arg;
    case 'has':
      return (r) => r.title.includes(arg);
    case 'topic':
      return (r) => (r.type === 'item' ? r.level1 === arg : r.title.includes(arg));
    case 'domain':
      return (r) => r.type === 'item' && r.domain === arg;
    case 'g':
      return (r) => r.type === 'guide' && r.id === arg;
    case 'dept': {
      const dep = data.departments.find((d) => d.name === arg);
      if (!dep) throw new Error(`no department ${arg} in the sample district`);
      const names = [dep.name, ...dep.aliases].filter((n) => n.length >= 2);
      return (r) => names.some((n) => docDept(r).includes(n));
    }
    default:
      throw new Error(`unknown matcher ${spec}`);
  }
}

interface Outcome {
  c: RelevanceCase;
  rank: number | null;
  top: string[];
}

function figures(outcomes: Outcome[]) {
  const n = outcomes.length || 1;
  return {
    n: outcomes.length,
    r1: outcomes.filter((o) => o.rank === 1).length / n,
    r5: outcomes.filter((o) => o.rank !== null && o.rank <= 5).length / n,
    mrr: outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n,
  };
}

describe('search relevance over the sample district', () => {
  let engine: SearchEngine;
  let data: Omit<BundleData, 'searchIndex'>;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    ({ data } = await loadSource('content'));
    const searchIndex = JSON.parse(JSON.stringify(buildSearchIndex(data))) as unknown;
    engine = createSearchEngine({ ...data, searchIndex });
    for (const c of CASES) {
      const matchers = c.want.map((w) => matcherFor(w, data));
      const results = engine.search(c.q, { limit: 10 }).results;
      const at = results.findIndex((r) => matchers.some((m) => m(r)));
      outcomes.push({ c, rank: at < 0 ? null : at + 1, top: results.slice(0, 3).map((r) => r.title) });
    }
    const kinds = [...new Set(CASES.map((c) => c.kind))] as QueryKind[];
    const rows = [
      ...kinds.map((k) => ({ kind: k, ...figures(outcomes.filter((o) => o.c.kind === k)) })),
      { kind: 'overall', ...figures(outcomes) },
    ];
    const pct = (x: number) => x.toFixed(3);
    console.log(
      ['kind          n   recall@1  recall@5  MRR']
        .concat(
          rows.map(
            (r) =>
              `${r.kind.padEnd(12)} ${String(r.n).padStart(3)}   ${pct(r.r1)}     ${pct(r.r5)}     ${pct(r.mrr)}`,
          ),
        )
        .join('\n'),
    );
    const misses = outcomes.filter((o) => o.rank !== 1);
    if (misses.length) {
      console.log(
        'not first:\n' +
          misses
            .map((o) => `  [${o.c.kind}] ${o.c.q} → rank ${o.rank ?? '-'}; top: ${o.top.join(' / ')}`)
            .join('\n'),
      );
    }
  });

  it('has at least 110 queries covering every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(110);
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const k of [
      'exact',
      'pinyin',
      'initials',
      'mixed',
      'homophone',
      'typo',
      'synonym',
      'question',
      'department',
    ]) {
      expect(kinds.has(k as QueryKind), k).toBe(true);
    }
  });

  it('finds exact names first', () => {
    const exact = outcomes.filter((o) => o.c.kind === 'exact');
    expect(exact.filter((o) => o.rank !== 1).map((o) => o.c.q)).toEqual([]);
    expect(figures(exact).r1).toBeGreaterThanOrEqual(THRESHOLDS.exactR1);
  });

  it('meets the per-kind thresholds', () => {
    for (const kind of new Set(CASES.map((c) => c.kind))) {
      const f = figures(outcomes.filter((o) => o.c.kind === kind));
      expect(f.r5, `${kind} recall@5`).toBeGreaterThanOrEqual(THRESHOLDS.perKind.r5);
      expect(f.mrr, `${kind} MRR`).toBeGreaterThanOrEqual(THRESHOLDS.perKind.mrr);
    }
  });

  it('meets the overall thresholds', () => {
    const f = figures(outcomes);
    expect(f.r1).toBeGreaterThanOrEqual(THRESHOLDS.overall.r1);
    expect(f.r5).toBeGreaterThanOrEqual(THRESHOLDS.overall.r5);
    expect(f.mrr).toBeGreaterThanOrEqual(THRESHOLDS.overall.mrr);
  });
});
