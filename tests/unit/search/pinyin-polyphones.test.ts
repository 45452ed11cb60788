// Full pinyin and initials of a government polyphone find every document whose title holds the word: the item whose
// name starts with it, and the guide and interpretation holding it inside their titles (issue 11 item 5).
import { describe, expect, it } from 'vitest';
import type { BundleData } from '../../../src/core/bundle/schema.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import { parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { fixtureData, guide, item } from './fixture.ts';

/** Word, its reading in this word (toneless), and the initials. */
const WORDS: Array<[string, string]> = [
  ['银行', 'yinhang'],
  ['行政', 'xingzheng'],
  ['重庆', 'chongqing'],
  ['单位', 'danwei'],
  ['还款', 'huankuan'],
  ['调休', 'tiaoxiu'],
  ['长春', 'changchun'],
  ['朝阳', 'chaoyang'],
  ['厦门', 'xiamen'],
  ['了解', 'liaojie'],
  ['校长', 'xiaozhang'],
  ['处罚', 'chufa'],
];

function bundle(): Omit<BundleData, 'searchIndex'> {
  const base = fixtureData();
  WORDS.forEach(([w], i) => {
    base.catalogue.push(item(`pw${i}`, '社会保险', `${w}业务事项`, '办理信息', null, '区社会保险中心'));
    base.guides.push(guide(`pg${i}`, `某某区涉及${w}业务的办理指南`, '社会保险', '区社会保险中心', []));
    base.interpretations.push({
      id: `pi${i}`,
      title: `《某某区${w}管理规定》政策解读`,
      domain: '社会保险',
      department: '区社会保险中心',
      policy: `《某某区${w}管理规定》`,
      date: '2026-04-10',
      summary: '明确有关事项。',
      qa: [],
      itemIds: [],
    });
  });
  return base;
}

describe('pinyin of polyphonic words', () => {
  const data = bundle();
  const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data, { lexicon: null }) });
  const top10 = (q: string) => engine.search(q, { limit: 10 }).results.map((r) => `${r.type}:${r.id}`);

  WORDS.forEach(([w, py], i) => {
    it(`${py} finds the item, the guide and the interpretation holding ${w}`, () => {
      expect(top10(py)).toEqual(
        expect.arrayContaining([`item:pw${i}`, `guide:pg${i}`, `interpretation:pi${i}`]),
      );
      const initials = py
        .match(/(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]+n?g?r?/g)!
        .map((s) => s[0])
        .join('');
      // Two letters stand for many words; the item named with the word must still be among the first ten.
      expect(top10(initials)).toContain(`item:pw${i}`);
    });
  });
});

describe('pinyin of a word that only starts the vocabulary’s terms', () => {
  it('finds the documents holding the word before those named after the term it starts', () => {
    // fuli spells 福利, which no name is; the lexicon's 福利院 (→ 养老机构, its department 区民政局) starts with
    // it. Typed fuli, the visitor asked for 福利: 养老机构's rows come after, not first by their exact name.
    const data = fixtureData();
    data.catalogue.push(
      item('fl1', '养老服务', '老年人福利补贴', '高龄津贴', null, '区民政局'),
      item('fl2', '养老服务', '老年人福利补贴', '经济困难老年人补贴', null, '区民政局'),
      item('yl1', '养老服务', '养老机构', '养老机构备案', null, '区民政局'),
      item('yl2', '养老服务', '养老机构', null, null, '区民政局'),
    );
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '养老服务\t养老机构\t福利院|敬老院\tcare homes'].join('\n'),
    );
    const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data, { lexicon }) });
    const ids = (q: string) => engine.search(q, { limit: 10 }).results.map((r) => r.id);
    expect(ids('fuli').slice(0, 2).sort()).toEqual(['fl1', 'fl2']);
    // The guess still finds what it stands for, and the term typed in full leads to it.
    expect(ids('fuli')).toEqual(expect.arrayContaining(['yl1', 'yl2']));
    expect(ids('fuliyuan').slice(0, 2).sort()).toEqual(['yl1', 'yl2']);
  });

  it('finds the titles holding the word spelled before those holding only its synonym (hukou: 户口, then 户籍)', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('hk1', '户籍管理', '户口迁移', '投靠亲属迁入', null, '区公安分局'),
      item('hk2', '户籍管理', '户口登记', '出生登记', null, '区公安分局'),
      ...Array.from({ length: 10 }, (_, i) =>
        item(`hj${i}`, '户籍管理', `户籍事项${i + 1}`, `户籍证明开具${i + 1}`, null, '区公安分局'),
      ),
    );
    const lexicon = parseLexicon(['domain\tofficial\tcolloquial\ten', '户籍管理\t户籍\t户口\t'].join('\n'));
    const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data, { lexicon }) });
    const holders = [
      ...data.catalogue.filter((it) => [it.level1, it.level2, it.level3].some((l) => l?.includes('户口'))),
      ...data.guides.filter((g) => g.title.includes('户口')),
      ...data.interpretations.filter((x) => x.title.includes('户口')),
    ].map((d) => d.id);
    expect(holders.length).toBeLessThanOrEqual(10);
    const ids = engine.search('hukou', { limit: 10 }).results.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(holders));
    // The synonym's rows follow.
    expect(engine.search('hukou', { limit: 30 }).results.map((r) => r.id)).toContain('hj0');
  });

  it('lets no guess mark a title: only the word spelled is marked, and earns title cover', () => {
    // shehui spells 社会, and starts 社会保险, a domain. Rows of that domain hold 保险 in their names: marked as
    // if typed, it lifted them over rows whose titles hold 社会.
    const data = fixtureData();
    data.catalogue.push(
      item('sh1', '就业', '就业补贴', '社会保险补贴', '灵活就业人员和就业困难人员社保补贴', '区人社局'),
      item('sh-sb1', '社会保险', '失业保险', '失业保险金申领', null, '区社保中心'),
    );
    const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data) });
    const results = engine.search('shehui', { limit: 60 }).results;
    const marked = (id: string) => {
      const r = results.find((x) => x.id === id)!;
      return r.highlights.map(([a, b]) => r.title.slice(a, b));
    };
    expect(marked('sh1')).toEqual(['社会']);
    expect(marked('sh-sb1')).toEqual([]);
  });
});
