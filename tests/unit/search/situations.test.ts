import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import { builtinSituations } from '../../../src/core/search/lexicon/builtin.ts';
import { LexiconError, parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { parseSituations, type SituationTable } from '../../../src/core/search/lexicon/situations.ts';
import { Corpus } from '../../../src/core/search/corpus.ts';
import { Understanding } from '../../../src/core/search/understand.ts';
import { SituationIndex } from '../../../src/core/search/situations.ts';
import { fixtureData, item } from './fixture.ts';
import { TEST_LEXICON } from './stages.ts';

const HEADER = 'domain\tofficial\tcues\ten';

function errorOf(text: string): LexiconError {
  try {
    parseSituations(text);
  } catch (e) {
    if (e instanceof LexiconError) return e;
    throw e;
  }
  throw new Error('no error');
}

const TABLE = parseSituations(
  [
    '# test situations',
    '@父母\t爸妈|父母|爹妈',
    '@孩子\t孩子|小孩|娃',
    '@去世\t去世|走了|过世|没了',
    HEADER,
    '社会救助\t农村留守儿童关爱保护\t@父母+打工|外出|在外地+@孩子\tparents away, child at home',
    '社会保险\t丧葬补助金|遗属抚恤金\t老伴|老公|老婆+@去世\tspouse died',
  ].join('\n'),
);

describe('situations file', () => {
  it('expands classes into cue groups and keeps each row’s line', () => {
    expect(TABLE.situations).toHaveLength(2);
    expect(TABLE.situations[0]).toMatchObject({
      domain: '社会救助',
      official: ['农村留守儿童关爱保护'],
      cues: [
        ['爸妈', '父母', '爹妈'],
        ['打工', '外出', '在外地'],
        ['孩子', '小孩', '娃'],
      ],
      line: 6,
    });
    expect(TABLE.classes.get('去世')).toEqual(['去世', '走了', '过世', '没了']);
  });

  it('names the line and column of a bad row', () => {
    const undefinedClass = errorOf([HEADER, '社会救助\t农村留守儿童关爱保护\t打工+@孩子\t'].join('\n'));
    expect(undefinedClass).toMatchObject({ line: 2, column: 20, columnName: 'cues' });
    expect(undefinedClass.message).toMatch(/class @孩子 is not defined/);
    expect(errorOf([HEADER, '社会救助\t农村留守儿童关爱保护\t打工|外出\t'].join('\n')).message).toMatch(
      /at least 2 cue groups/,
    );
    expect(errorOf([HEADER, '社会救助\t农村留守儿童关爱保护\t打工+孩子,小孩\t'].join('\n'))).toMatchObject({
      line: 2,
      column: 20,
    });
    expect(errorOf([HEADER, 'social\t农村留守儿童关爱保护\t打工+孩子\t'].join('\n'))).toMatchObject({
      columnName: 'domain',
    });
    expect(errorOf('domain\tofficial\tcolloquial\ten\n').message).toMatch(/:1:1: header/);
  });

  it('the built-in table is valid, covers every pilot domain and names services, not single words', () => {
    const t = builtinSituations();
    expect(t.situations.length).toBeGreaterThanOrEqual(200);
    const domains = new Set(t.situations.map((s) => s.domain));
    expect(domains.size).toBeGreaterThanOrEqual(26);
    // A lone common character as a whole cue group would fire on almost any question.
    for (const s of t.situations)
      for (const g of s.cues) expect(g.some((w) => w === '地' || w === '的')).toBe(false);
  });
});

describe('situations index', () => {
  const index = new SituationIndex(TABLE.situations);

  it('holds a situation only when every cue group is said, in any order', () => {
    expect(index.match('爸妈都出去打工了孩子在家没人管').map((s) => s.official)).toEqual([
      ['农村留守儿童关爱保护'],
    ]);
    expect(index.match('孩子在家，爹妈在外地').map((s) => s.said)).toEqual([['爹妈', '在外地', '孩子']]);
    expect(index.match('爸妈出去打工了')).toEqual([]);
    expect(index.match('老伴去世了有什么补助')[0]!.official).toEqual(['丧葬补助金', '遗属抚恤金']);
    expect(index.match('老伴身体不好')).toEqual([]);
  });
});

describe('situations in search', () => {
  const data = fixtureData();
  data.catalogue.push(
    item('left-behind', '社会救助', '农村留守儿童关爱保护', '关爱服务对象', null, '县民政局'),
    item('migrant', '就业', '农村劳动力转移就业', '外出务工人员服务', null, '县人社局'),
    item('migrant-kids', '义务教育', '外出务工人员子女入学', '招生政策', null, '县教育局'),
  );
  const indexWith = (situations: SituationTable | null) =>
    buildSearchIndex(data, { lexicon: TEST_LEXICON, situations });
  const engineWith = (situations: SituationTable | null) =>
    createSearchEngine({ ...data, searchIndex: indexWith(situations) });
  const ids = (e: ReturnType<typeof engineWith>, q: string) => e.search(q).results.map((r) => r.id);
  const without = engineWith(null);
  const withTable = engineWith(TABLE);

  it('a told situation brings the service it points to first', () => {
    const q = '爸妈都出去打工了孩子在家谁管';
    expect(ids(without, q)[0]).not.toBe('left-behind');
    expect(ids(withTable, q)[0]).toBe('left-behind');
  });

  it('never hides what the words typed found, in a match in full or among the closest documents', () => {
    for (const q of ['外出务工 爸妈打工孩子', '爸妈都出去打工了孩子在家谁管']) {
      const found = ids(without, q);
      expect(found.length).toBeGreaterThan(0);
      expect(ids(withTable, q)).toEqual(expect.arrayContaining([...found, 'left-behind']));
    }
  });

  it('among the closest documents, a row holding its service in a longer name joins them too', () => {
    const own = fixtureData();
    own.catalogue.push(
      item('care', '社会救助', '关爱服务', '农村留守儿童关爱保护工作名册', null, '县民政局'),
      item('migrant-kids', '义务教育', '外出务工人员子女入学', '招生政策', null, '县教育局'),
    );
    const r = createSearchEngine({
      ...own,
      searchIndex: buildSearchIndex(own, { lexicon: TEST_LEXICON, situations: TABLE }),
    }).search('爸妈都出去打工了孩子在家谁管');
    expect(r.closest).toBe(true);
    expect(r.results.map((x) => x.id)).toEqual(expect.arrayContaining(['care', 'migrant-kids']));
  });

  it('alone, a situation still gives the closest documents: its services', () => {
    expect(without.search('爸妈打工孩子').results).toEqual([]);
    const r = withTable.search('爸妈打工孩子');
    expect(r.closest).toBe(true);
    expect(r.results[0]?.id).toBe('left-behind');
  });

  it('names the services it points to, for the kiosk to offer', () => {
    expect(withTable.search('外出务工 爸妈打工孩子').implied).toEqual(['农村留守儿童关爱保护']);
    expect(without.search('外出务工 爸妈打工孩子').implied).toBeUndefined();
    expect(withTable.search('农村留守儿童关爱保护').implied).toBeUndefined();
  });

  it('adds nothing for services the words typed already name', () => {
    const understanding = new Understanding(new Corpus({ ...data, searchIndex: indexWith(TABLE) }));
    const situationOf = (q: string) => understanding.plan(q).concepts.find((c) => c.situation);
    expect(situationOf('爸妈打工孩子')?.alts.map((a) => a.text)).toEqual(['农村留守儿童关爱保护']);
    expect(situationOf('农村留守儿童关爱保护 爸妈打工孩子')).toBeUndefined();
  });

  it('only the situations whose services the catalogue holds travel in the bundle', () => {
    expect(indexWith(TABLE).lexicon?.situations?.map((s) => s.official)).toEqual([['农村留守儿童关爱保护']]);
  });

  it('a service the catalogue names by another of its lexicon row’s official names is reached by that name', () => {
    const own = fixtureData();
    own.catalogue.push(item('wolves', '生态环境', '野生动物', '野生动物致害补偿', null, '县林草局'));
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '生态环境\t野生动物肇事补偿|野生动物致害补偿\t狼吃羊\t'].join(
        '\n',
      ),
    );
    const table = parseSituations([HEADER, '生态环境\t野生动物肇事补偿\t狼|熊+吃了|咬死\t'].join('\n'));
    const index = buildSearchIndex(own, { lexicon, situations: table });
    expect(index.lexicon?.situations?.map((s) => s.official)).toEqual([['野生动物致害补偿']]);
    const r = createSearchEngine({ ...own, searchIndex: index }).search('狼把我家的羊吃了政府能赔吗');
    expect(r.results[0]?.id).toBe('wolves');
  });
});
