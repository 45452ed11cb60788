import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleDomainOf } from '../../../src/core/search/lexicon/domains.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import { builtinLexicon } from '../../../src/core/search/lexicon/builtin.ts';
import { LexiconError, parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { ReachIndex, reachingPairs, standInPairs } from '../../../src/core/search/lexicon/reach.ts';
import { fixtureData } from './fixture.ts';

const HEADER = 'domain\tofficial\tcolloquial\ten';
const lex = (...rows: string[]) => parseLexicon(['# test lexicon', '', HEADER, ...rows].join('\n'));

function errorOf(text: string): LexiconError {
  try {
    parseLexicon(text);
  } catch (e) {
    if (e instanceof LexiconError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('lexicon file', () => {
  it('parses rows into colloquial and English pairs, skipping comments and blank lines', () => {
    const l = lex(
      '社会救助\t最低生活保障\t低保|吃低保\tsubsistence allowance|dibao',
      '',
      '# a comment',
      '社会救助\t特困人员救助供养|特困供养\t五保户\t',
    );
    expect(l.rows).toHaveLength(2);
    expect(l.rows[1]!.line).toBe(7);
    expect(l.pairs).toContainEqual({ term: '吃低保', official: ['最低生活保障'] });
    expect(l.pairs).toContainEqual({ term: '五保户', official: ['特困人员救助供养', '特困供养'] });
    expect(l.pairCount).toBe(4);
    expect(l.en).toContainEqual({ term: 'subsistence allowance', official: ['最低生活保障'] });
    expect(l.hash).not.toBe(lex('社会救助\t最低生活保障\t低保\t').hash);
  });

  it('keeps the candidate files (not loaded) in the lexicon format, none of their pairs already loaded', () => {
    const loaded = new Set(builtinLexicon().pairs.flatMap((p) => p.official.map((o) => `${p.term}→${o}`)));
    for (const name of ['south', 'reports', 'words']) {
      const url = new URL(`../../../src/core/search/lexicon/candidates/${name}.tsv`, import.meta.url);
      const candidate = parseLexicon(readFileSync(url, 'utf8'), `candidates/${name}.tsv`);
      expect(candidate.rows.length).toBeGreaterThan(200);
      const again = candidate.pairs
        .flatMap((p) => p.official.map((o) => `${p.term}→${o}`))
        .filter((x) => loaded.has(x));
      expect(again).toEqual([]);
    }
  });

  it('names the line and column of a bad row', () => {
    const bad = errorOf([HEADER, '社会救助\t最低生活保障\t低保||吃低保\t'].join('\n'));
    expect(bad).toMatchObject({ line: 2, columnName: 'colloquial', column: 16 });
    expect(bad.message).toMatch(/^lexicon\.tsv:2:16 \(colloquial\): empty term/);
    expect(errorOf([HEADER, '社会救助\t最低生活保障\t低保\tDibao'].join('\n'))).toMatchObject({
      line: 2,
      columnName: 'en',
      column: 16,
    });
    expect(errorOf([HEADER, 'social\t最低生活保障\t低保\t'].join('\n'))).toMatchObject({
      columnName: 'domain',
    });
    expect(errorOf([HEADER, '社会救助\t最低生活保障'].join('\n'))).toMatchObject({ line: 2, column: 1 });
    expect(errorOf('domain\tofficial\tcolloquial\n').message).toMatch(/:1:1: header/);
  });

  it('the built-in file is valid', () => {
    const l = builtinLexicon();
    expect(l.rows.length).toBeGreaterThanOrEqual(20);
    expect(l.pairs.every((p) => p.official.length > 0)).toBe(true);
  });

  it('keeps pairs whose official term a document holds, even abbreviated, and leaves district terms alone', () => {
    // Document 1 holds 特困人员供养, document 4 特困人员救助.
    const docs: Record<string, number[]> = {
      特困: [1, 4],
      困人: [1, 4],
      人员: [1, 2, 4],
      员供: [1],
      供养: [1],
      员救: [4],
      救助: [4],
      最低: [3],
    };
    const reach = new ReachIndex((t) => docs[t] ?? []);
    expect(reach.reaches('特困人员供养')).toBe(true);
    // Five of the seven bigrams of the longer official name are in document 4 (助供 and 供养 are not).
    expect(reach.reaches('特困人员救助供养')).toBe(true);
    expect(reach.reaches('最低生活保障')).toBe(false);
    const kept = reachingPairs(
      [
        { term: '五保户', official: ['特困人员救助供养', '最低生活保障'] },
        { term: '低保', official: ['最低生活保障'] },
        { term: '五保', official: ['特困人员供养'] },
      ],
      reach,
      new Set(['五保']),
    );
    expect(kept).toEqual([{ term: '五保户', official: ['特困人员救助供养'] }]);
  });

  it('lets the longest colloquial name a catalogue uses stand in for official terms it does not', () => {
    // The catalogue names 人才落户（高校毕业生） and 学区 somewhere; it never says 人才引进落户 or 学区划分.
    const names: Record<string, number[]> = { 人才: [7], 才落: [7], 落户: [7, 8], 学区: [9] };
    const inNames = new ReachIndex((t) => names[t] ?? [], 1);
    const reach = new ReachIndex((t) => names[t] ?? []);
    const rows = [
      { official: ['人才引进落户'], colloquial: ['人才落户', '本科落户', '大学生落户'] },
      // Two characters are too short a stand-in (片区, 学区 are parts of many names).
      { official: ['学区划分'], colloquial: ['学区', '划片', '对口学校'] },
    ];
    const pairs = standInPairs(rows, reach, inNames, new Set(['大学生落户']));
    expect(pairs).toEqual([
      { term: '人才引进落户', official: ['人才落户'] },
      { term: '本科落户', official: ['人才落户'] },
    ]);
    // A row whose official term the catalogue uses needs no stand-in.
    expect(standInPairs(rows, new ReachIndex(() => [1]), inNames, new Set())).toEqual([]);
  });
});

describe('lexicon in the engine', () => {
  const data = fixtureData();
  const lexicon = lex(
    '社会救助\t特困人员救助供养\t五保户|五保\tsupport for persons in extreme poverty|wubao',
    '社会救助\t最低生活保障\t低保|吃低保\tsubsistence allowance',
    '社会保险\t失业保险\t失业金\tunemployment benefit',
    '财政预决算\t国债发行\t国债\t',
  );
  const index = buildSearchIndex(data, { lexicon });
  const engine = createSearchEngine({ ...data, searchIndex: JSON.parse(JSON.stringify(index)) as unknown });
  const first = (q: string) => engine.search(q, { limit: 5 }).results[0];

  it('carries only the pairs that reach a document, with the lexicon version', () => {
    expect(index.lexicon?.v).toBe(1);
    expect(index.lexicon?.hash).toBe(lexicon.hash);
    const terms = index.lexicon!.terms.map((p) => p.term);
    expect(terms).toContain('五保户');
    expect(terms).not.toContain('国债'); // nothing in the fixture is about 国债发行
    // 低保 is the district's own synonym: its table decides.
    expect(terms).not.toContain('低保');
  });

  it('finds a service by a colloquial name the district never listed, typed or spelled', () => {
    expect(first('五保户')).toMatchObject({ level1: '特困人员救助供养' });
    expect(first('五保户怎么申请')).toMatchObject({ level1: '特困人员救助供养' });
    expect(first('wubaohu')).toMatchObject({ level1: '特困人员救助供养' });
    expect(first('失业金')).toMatchObject({ level1: '失业保险金申领' });
  });

  it('finds a service by its English name', () => {
    expect(first('subsistence allowance')).toMatchObject({ level1: '最低生活保障' });
    expect(first('Unemployment Benefit')).toMatchObject({ level1: '失业保险金申领' });
  });

  it("lets the district's synonyms.csv override a lexicon entry", () => {
    const own = { ...data, synonyms: [...data.synonyms, { term: '五保户', official: ['临时救助'] }] };
    const e = createSearchEngine({ ...own, searchIndex: buildSearchIndex(own, { lexicon }) });
    expect(e.search('五保户').results[0]).toMatchObject({ level1: '临时救助' });
  });

  it('carries a pair the catalogue words otherwise as a clue within its domain, if the bundle has the domain', () => {
    // The fixture's 税收管理 row is 税收违法 欠税公告: no document holds 涉税违法举报 as written.
    const hinted = lex(
      '税收\t涉税违法举报\t偷税漏税|偷税\ttax evasion report', // the lexicon's domain name inside the bundle's
      '救灾\t受灾人员冬春生活救助\t过冬棉被\t', // no 救灾 documents in the fixture
      '通用\t企业信用信息公示\t查企业\t', // a word of every domain names none
    );
    const built = buildSearchIndex(data, { lexicon: hinted });
    expect(built.lexicon!.terms.map((p) => p.term)).toEqual([]);
    expect(built.lexicon!.hints).toEqual([
      { domain: '税收管理', official: ['涉税违法举报'], terms: ['偷税漏税', '偷税'] },
    ]);
    const withHints = createSearchEngine({
      ...data,
      searchIndex: JSON.parse(JSON.stringify(built)) as unknown,
    });
    expect(withHints.search('偷税漏税').results[0]).toMatchObject({ id: 'ss1' });
    expect(withHints.search('举报偷税漏税').results[0]).toMatchObject({ id: 'ss1' });
    // Without the lexicon the words match nothing of the tax row.
    const plain = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data, { lexicon: null }) });
    expect(plain.search('偷税漏税').results[0]?.id).not.toBe('ss1');
  });

  it('takes a clue from a lexicon term that holds a word of the query when the query says the rest of the term', () => {
    // 偷税 is no term of its own here; 老板偷税 holds it, and a query that says 老板 too says the term.
    const hinted = lex('税收\t涉税违法举报\t老板偷税\ttax evasion report');
    const engine = createSearchEngine({
      ...data,
      searchIndex: JSON.parse(JSON.stringify(buildSearchIndex(data, { lexicon: hinted }))) as unknown,
    });
    expect(engine.search('那个老板一直在偷税').results[0]).toMatchObject({ id: 'ss1' });
    // Alone, 偷税 does not say 老板偷税: the term's other words are no clue the visitor gave.
    expect(engine.search('偷税').results.map((r) => r.id)).not.toContain('ss1');
  });

  it('matches a lexicon domain to the bundle’s by name, else by the department’s other name for it', () => {
    expect(bundleDomainOf('就业', ['财政预决算', '就业创业'])).toBe('就业创业');
    expect(bundleDomainOf('国有土地上房屋征收与补偿', ['国有土地上房屋征收'])).toBe('国有土地上房屋征收');
    expect(bundleDomainOf('城乡规划', ['生态环境', '自然资源'])).toBe('自然资源');
    // Its own name first: medical insurance rows (filed under 社会保险) go to 社会保险 where a bundle has both.
    expect(bundleDomainOf('社会保险', ['医疗保障', '社会保险'])).toBe('社会保险');
    expect(bundleDomainOf('社会保险', ['医疗保障'])).toBe('医疗保障');
    expect(bundleDomainOf('救灾', ['财政预决算', '税收管理'])).toBeUndefined();
  });

  it('builds without a lexicon', () => {
    expect(buildSearchIndex(data, { lexicon: null }).lexicon).toBeUndefined();
  });
});
