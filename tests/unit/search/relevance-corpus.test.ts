// The relevance yardstick's query files are well-formed: every answer names a document that exists in its
// catalogue, no query is there twice, classes come from the fixed list, and the dev/holdout split is the one the
// query text decides. Scores are the bench's business (`npm run bench -- relevance`), never asserted here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES as ALL_CATALOGUES, loadSourceData, type SourceData } from '../../relevance/catalogues.ts';
import {
  answerMatcher,
  docFacts,
  holdoutOf,
  parseQueries,
  readQueries,
  type QuerySet,
  type RelevanceQuery,
} from '../../relevance/queries.ts';

/** Every catalogue with query files: all but the sample, whose queries are the unit suite's relevance cases. */
const CATALOGUES = ALL_CATALOGUES.filter((c) => c !== 'sample');
const SETS: QuerySet[] = ['dev', 'holdout'];

describe('relevance query files', () => {
  const data = new Map<string, SourceData>();
  const queries = new Map<string, Record<QuerySet, RelevanceQuery[]>>();

  beforeAll(async () => {
    for (const c of CATALOGUES) {
      data.set(c, await loadSourceData(c));
      queries.set(c, { dev: readQueries(c, 'dev'), holdout: readQueries(c, 'holdout') });
    }
  });

  it('hold at least 150 new queries, about a third of them held out', () => {
    const all = CATALOGUES.flatMap((c) => SETS.flatMap((s) => queries.get(c)![s]));
    const held = CATALOGUES.flatMap((c) => queries.get(c)!.holdout);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(held.length / all.length).toBeGreaterThan(0.25);
    expect(held.length / all.length).toBeLessThan(0.42);
  });

  it.each(CATALOGUES)('%s: every answer names a document of the catalogue', (c) => {
    const docs = [...docFacts(data.get(c)!).values()];
    const problems: string[] = [];
    for (const x of SETS.flatMap((s) => queries.get(c)![s])) {
      if (x.cls === 'nonsense') {
        if (x.answers.join() !== 'none') problems.push(`${x.at}: a nonsense query answers none`);
        continue;
      }
      if (!x.answers.length) problems.push(`${x.at}: no answer`);
      for (const a of x.answers) {
        if (a === 'none') problems.push(`${x.at}: none is only for nonsense`);
        else if (!docs.some(answerMatcher(a, data.get(c)!))) problems.push(`${x.at}: ${a} matches nothing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(CATALOGUES)('%s: no query twice, each in the file its text assigns', (c) => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const set of SETS) {
      for (const x of queries.get(c)![set]) {
        const first = seen.get(x.q);
        if (first) problems.push(`${x.at}: ${x.q} already at ${first}`);
        seen.set(x.q, x.at);
        if ((holdoutOf(c, x.q) ? 'holdout' : 'dev') !== set)
          problems.push(`${x.at}: ${x.q} belongs in the other set`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses malformed lines and unknown classes or answers', () => {
    expect(() => parseQueries('exact\t低保', 'x.tsv')).toThrow(/x.tsv:1/);
    expect(() => parseQueries('# comment\nslang\t低保\titem:最低生活保障', 'x.tsv')).toThrow(
      /x.tsv:2: unknown class/,
    );
    expect(parseQueries('howto\t低保怎么办\titem:最低生活保障 | title:指南', 'x.tsv')[0]!.answers).toEqual([
      'item:最低生活保障',
      'title:指南',
    ]);
    expect(() => answerMatcher('id:i123', data.get('fixture')!)).toThrow(/unknown answer kind/);
  });

  it.each([
    ['district-b', 120, 6, 8],
    ['district-c', 100, 7, 7],
    ['district-d', 100, 6, 7],
    ['district-e', 110, 7, 7],
    ['district-f', 130, 7, 7],
    ['district-g', 120, 7, 7],
    ['district-h', 120, 7, 7],
    ['district-i', 260, 26, 26],
    ['district-j', 290, 26, 26],
    ['district-k', 290, 26, 26],
    ['district-l', 280, 26, 26],
    ['district-m', 280, 26, 26],
    ['district-n', 290, 26, 26],
    ['district-o', 290, 26, 26],
    ['district-p', 290, 26, 26],
    ['district-q', 290, 26, 26],
    ['district-r', 290, 26, 26],
    ['district-s', 290, 26, 26],
    ['district-t', 290, 26, 26],
    ['district-u', 290, 26, 26],
    ['district-v', 290, 26, 26],
    ['district-w', 290, 26, 26],
    ['district-x', 290, 26, 26],
    ['district-y', 290, 26, 26],
    ['district-z', 290, 26, 26],
    ['district-aa', 290, 26, 26],
    ['district-ab', 290, 26, 26],
    ['district-ac', 290, 26, 26],
    ['district-ad', 290, 26, 26],
    ['district-ae', 290, 26, 26],
    ['district-af', 290, 26, 26],
    ['district-ag', 290, 26, 26],
    ['district-ah', 290, 26, 26],
    ['district-ai', 290, 26, 26],
    ['district-aj', 290, 26, 26],
    ['district-ak', 290, 26, 26],
    ['district-al', 300, 26, 26],
    ['district-am', 300, 26, 26],
  ] as const)(
    '%s is a day-one source folder: at least %i rows in %i–%i domains, no synonyms, guides or interpretations',
    (c, rows, minDomains, maxDomains) => {
      const d = data.get(c)!;
      const dir = join(import.meta.dirname, '../../fixtures', c);
      expect(d.catalogue.length).toBeGreaterThanOrEqual(rows);
      const domains = new Set(d.catalogue.map((it) => it.domain)).size;
      expect(domains).toBeGreaterThanOrEqual(minDomains);
      expect(domains).toBeLessThanOrEqual(maxDomains);
      expect([d.synonyms.length, d.guides.length, d.interpretations.length]).toEqual([0, 0, 0]);
      for (const f of ['synonyms.csv', 'guides', 'interpretations'])
        expect(existsSync(join(dir, f)), f).toBe(false);
    },
  );

  it('district-c shares no domain with district-b', () => {
    const domainsOf = (c: string) => new Set(data.get(c)!.catalogue.map((it) => it.domain));
    const b = domainsOf('district-b');
    expect([...domainsOf('district-c')].filter((x) => b.has(x))).toEqual([]);
  });

  it('district-d shares no domain with district-b or district-c', () => {
    const domainsOf = (c: string) => new Set(data.get(c)!.catalogue.map((it) => it.domain));
    const earlier = new Set([...domainsOf('district-b'), ...domainsOf('district-c')]);
    expect([...domainsOf('district-d')].filter((x) => earlier.has(x))).toEqual([]);
  });

  it('district-e shares no domain with district-b, district-c or district-d', () => {
    const domainsOf = (c: string) => new Set(data.get(c)!.catalogue.map((it) => it.domain));
    const earlier = new Set([
      ...domainsOf('district-b'),
      ...domainsOf('district-c'),
      ...domainsOf('district-d'),
    ]);
    expect([...domainsOf('district-e')].filter((x) => earlier.has(x))).toEqual([]);
  });

  it('district-f covers exactly the seven domains visitors ask about most (shared with districts B and C)', () => {
    const domains = new Set(data.get('district-f')!.catalogue.map((it) => it.domain));
    expect([...domains].sort()).toEqual(
      ['社会救助', '社会保险', '户籍管理', '医疗保障', '义务教育', '就业创业', '养老服务'].sort(),
    );
  });

  it('district-g covers exactly its seven city-district domains (shared with districts B and C)', () => {
    const domains = new Set(data.get('district-g')!.catalogue.map((it) => it.domain));
    expect([...domains].sort()).toEqual(
      [
        '住房公积金',
        '保障性住房',
        '残疾人服务',
        '退役军人服务',
        '卫生健康',
        '城市综合执法',
        '市政服务',
      ].sort(),
    );
  });

  it('district-h covers exactly its seven township domains (shared with districts C, D, E and F)', () => {
    const domains = new Set(data.get('district-h')!.catalogue.map((it) => it.domain));
    expect([...domains].sort()).toEqual(
      ['涉农补贴', '农村危房改造', '扶贫', '社会救助', '养老服务', '公共文化服务', '救灾'].sort(),
    );
  });

  /** The 26 pilot domains as the seeds name them; districts title employment 就业 or 就业创业. */
  const PILOT_DOMAINS = [
    '城乡规划',
    '重大建设项目',
    '公共资源交易',
    '财政预决算',
    '安全生产',
    '税收管理',
    '农村集体土地征收',
    '国有土地上房屋征收与补偿',
    '保障性住房',
    '农村危房改造',
    '生态环境',
    '公共文化服务',
    '公共法律服务',
    '扶贫',
    '救灾',
    '食品药品监管',
    '城市综合执法',
    '就业',
    '社会保险',
    '社会救助',
    '养老服务',
    '户籍管理',
    '涉农补贴',
    '义务教育',
    '卫生健康',
    '市政服务',
  ];

  it.each([
    ['district-i', '就业创业'],
    ['district-j', '就业'],
    ['district-k', '就业'],
    ['district-l', '就业'],
    ['district-m', '就业'],
    ['district-n', '就业'],
    ['district-o', '就业'],
    ['district-p', '就业'],
    ['district-q', '就业'],
    ['district-r', '就业'],
    ['district-s', '就业'],
    ['district-t', '就业'],
    ['district-u', '就业'],
    ['district-v', '就业'],
    ['district-w', '就业'],
    ['district-x', '就业'],
    ['district-y', '就业'],
    ['district-z', '就业'],
    ['district-aa', '就业'],
    ['district-ab', '就业'],
    ['district-ac', '就业'],
    ['district-ad', '就业'],
    ['district-ae', '就业'],
    ['district-af', '就业'],
    ['district-ag', '就业'],
    ['district-ah', '就业'],
    ['district-ai', '就业'],
    ['district-aj', '就业'],
    ['district-ak', '就业'],
    ['district-al', '就业'],
    ['district-am', '就业'],
  ] as const)('%s covers all 26 pilot domains (employment titled %s), each with several rows', (c, jobs) => {
    const rows = new Map<string, number>();
    // A bureau may title its domain at length (扶贫（巩固拓展脱贫攻坚成果）, 重大建设项目批准和实施): the pilot
    // domain it starts with.
    // The domain 扶贫 has been titled by its successor programme since 2021 (巩固拓展脱贫攻坚成果, with 和对口帮扶
    // in a city district); a bureau may name its domain anew with the pilot name beside it
    // (房屋安全管理（原农村危房改造）), or by its other usual name (住房保障 for 保障性住房).
    const pilot = (d: string) =>
      d.startsWith('巩固拓展脱贫攻坚成果')
        ? '扶贫'
        : d === '住房保障'
          ? '保障性住房'
          : (PILOT_DOMAINS.find((p) => d !== p && d.startsWith(p) && p !== '就业') ??
            PILOT_DOMAINS.find((p) => d.includes(`原${p}`)) ??
            d);
    for (const it of data.get(c)!.catalogue) {
      const d = pilot(it.domain);
      rows.set(d, (rows.get(d) ?? 0) + 1);
    }
    expect([...rows.keys()].sort()).toEqual(PILOT_DOMAINS.map((d) => (d === '就业' ? jobs : d)).sort());
    for (const [domain, n] of rows) expect(n, domain).toBeGreaterThanOrEqual(8);
  });
});
