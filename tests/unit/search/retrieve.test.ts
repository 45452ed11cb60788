import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { Corpus } from '../../../src/core/search/corpus.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';
import { parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { Retrieval } from '../../../src/core/search/retrieve.ts';
import { Understanding, type Plan } from '../../../src/core/search/understand.ts';
import { fixtureData, item } from './fixture.ts';
import { stages } from './stages.ts';

describe('retrieval (plan → coverage per document)', () => {
  const { corpus, understanding, retrieval } = stages();
  const covered = (q: string) => {
    const plan = understanding.plan(q);
    const w = retrieval.scorePlan(plan, false);
    const acc = retrieval.acc;
    const out: Array<[string, number]> = [];
    for (let k = 0; k < acc.size; k++) {
      const d = acc.list[k]!;
      out.push([corpus.docs[d]!.id, acc.vals[d]! / w]);
    }
    return new Map(out);
  };

  it('gives full coverage to documents holding every concept, partial to the rest', () => {
    const c = covered('户口迁移 办理结果');
    expect(c.get('hj2')).toBeGreaterThan(0.9);
    expect(c.get('hj1')!).toBeLessThan(c.get('hj2')!);
    expect(c.get('cz1') ?? 0).toBeLessThan(0.5);
  });

  it('counts a word many documents hold for less than a rarer word beside it', () => {
    // 备案 names a dozen rows of every domain; 诊所 two. Asked 诊所要备案吗, the clinic's row, which lacks 备案,
    // covers more of the question than a row with 备案 alone.
    const data = fixtureData();
    data.catalogue.push(
      item('zs1', '卫生健康', '医疗机构', '诊所执业登记', null, '区卫生健康局'),
      item('zs2', '卫生健康', '医疗机构', '诊所备案', null, '区卫生健康局'),
    );
    for (const [i, what] of [
      '养老机构',
      '民办学校',
      '托育机构',
      '物业服务',
      '建筑企业',
      '农民专业合作社',
      '宗教活动场所',
      '旅行社',
      '二手车经营',
      '再生资源回收',
      '典当行',
      '保安服务公司',
    ].entries())
      data.catalogue.push(item(`ba${i}`, '通用', `${what}备案`, null, null, '区政务服务局'));
    const own = stages(data);
    const plan = own.understanding.plan('诊所要备案吗');
    const w = own.retrieval.scorePlan(plan, false);
    const coverage = (id: string) => own.retrieval.acc.get(own.corpus.docs.findIndex((d) => d.id === id)) / w;
    expect(coverage('zs1')).toBeGreaterThan(coverage('ba0'));
    // It orders the results and hides none: the rows with 备案 alone are still results, after the clinic's.
    const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data) });
    const ids = engine.search('诊所要备案吗', { limit: 60 }).results.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(['zs2', 'zs1']);
    expect(ids).toEqual(expect.arrayContaining(['ba0', 'ba11']));
    // Alone, the common word is the topic: its rows are covered in full.
    const alone = own.understanding.plan('备案');
    const wa = own.retrieval.scorePlan(alone, false);
    expect(own.retrieval.acc.get(own.corpus.docs.findIndex((d) => d.id === 'ba0')) / wa).toBeGreaterThan(0.9);
  });

  it('grades a concept by rarity: one matching a few more rows than the word beside it counts a little less', () => {
    // 家里困难能申请低保吗: 困难 names six rows (困难残疾人…), 低保 three. Neither word is common in the catalogue,
    // but the rarer is the better clue to which row is meant, as idf says of any two terms.
    const data = fixtureData();
    data.catalogue.push(
      item('kn1', '残疾人服务', '困难残疾人生活补贴', '补贴申请', null, '区残联'),
      item('kn2', '残疾人服务', '困难残疾人生活补贴', '补贴标准', null, '区残联'),
      item('kn3', '残疾人服务', '困难残疾人生活补贴', '发放名单', null, '区残联'),
      item('kn4', '医疗保障', '困难群众参保资助', null, null, '区医保局'),
      item('kn5', '住房保障', '困难家庭住房救助', null, null, '区住建局'),
      item('kn6', '教育', '困难学生资助', null, null, '区教育局'),
    );
    for (let i = 0; i < 100; i++)
      data.catalogue.push(item(`x${i}`, '通用', `事项${i}号登记`, null, null, '区政务服务局'));
    const own = stages(data);
    const plan = own.understanding.plan('家里困难能申请低保吗');
    own.retrieval.scorePlan(plan, false);
    const hard = plan.concepts.find((c) => c.source === '困难')!;
    expect(hard.common).toBe(true);
    expect(hard.rarity).toBeGreaterThan(0.6);
    expect(hard.rarity).toBeLessThan(1);
    const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data) });
    const top = engine.search('困难 低保').results[0]!;
    expect(top.title).toContain('最低生活保障');
  });

  it('counts a typed word once: an expansion of one concept does not match through the word another typed', () => {
    // 开诊所 expands to 诊所备案 (the district's synonym); 备案 is typed beside it and names rows of every kind.
    // Through 备案, 养老机构备案 would cover both concepts and pass the clinic's licence, which answers the question.
    const data = fixtureData();
    data.catalogue.push(
      item('zs1', '卫生健康', '医疗机构', '医疗机构执业登记', null, '区卫生健康局'),
      item('ba1', '养老服务', '养老机构', '养老机构备案', null, '区民政局'),
    );
    for (const [i, what] of ['民办学校', '托育机构', '旅行社', '典当行'].entries())
      data.catalogue.push(item(`bb${i}`, '通用', `${what}备案`, null, null, '区政务服务局'));
    data.synonyms.push({ term: '开诊所', official: ['医疗机构执业许可', '诊所备案'] });
    const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data) });
    expect(engine.search('开诊所需要备案吗').results[0]!.id).toBe('zs1');
    // Alone, the expansion matches in full, 备案 and all.
    const own = stages(data);
    const plan = own.understanding.plan('开诊所');
    const w = own.retrieval.scorePlan(plan, false);
    expect(own.retrieval.acc.get(own.corpus.docs.findIndex((d) => d.id === 'ba1')) / w).toBeGreaterThan(0.2);
  });

  it('finds the closest documents by any shared word when nothing matches in full', () => {
    const plan = understanding.plan('户口本丢了补办迁移证明');
    expect(retrieval.scoreClosest(plan)).toBeGreaterThan(0);
    const acc = retrieval.acc;
    const ids = Array.from(acc.list.slice(0, acc.size), (d) => corpus.docs[d]!.id);
    expect(ids).toContain('hj1');
  });

  it('indexes every name character by where it is: the leaf, a parent level, else the department', () => {
    // What a scan of every document's names gives; the index replaced that scan (about 1 ms a character at 10k).
    const seen = new Set<string>();
    for (let d = 0; d < corpus.docCount; d++) {
      const t = corpus.docNorm(d);
      for (const ch of t.leaf + t.parents + t.dept) {
        if (!/\p{Script=Han}/u.test(ch)) continue;
        seen.add(ch);
        const where = t.leaf.includes(ch) ? 0 : t.parents.includes(ch) ? 1 : 2;
        expect(corpus.nameChars.get(ch), `${ch} in ${corpus.docs[d]!.id}`).toContain(d * 4 + where);
      }
    }
    expect([...corpus.nameChars.keys()].sort()).toEqual([...seen].sort());
  });

  it('weighs a one-character query by where the character is: 1 in the leaf, 0.85 a parent, 0.6 the department', () => {
    const one = (ch: string): Plan => ({
      concepts: [
        {
          source: ch,
          alts: [{ text: ch, weight: 1, via: 'query' }],
          weight: 1,
          weak: false,
          depts: [],
          domain: null,
          active: false,
        },
      ],
      intent: null,
      intents: [],
      whole: ch,
      corrections: [],
    });
    const weights = new Set<number>();
    for (const ch of ['户', '救', '局', '税']) {
      retrieval.scorePlan(one(ch), false);
      const acc = retrieval.acc;
      const got = new Map(Array.from(acc.list.slice(0, acc.size), (d) => [d, acc.vals[d]!]));
      const want = new Map<number, number>();
      for (let d = 0; d < corpus.docCount; d++) {
        const t = corpus.docNorm(d);
        const w = t.leaf.includes(ch) ? 1 : t.parents.includes(ch) ? 0.85 : t.dept.includes(ch) ? 0.6 : 0;
        if (w) want.set(d, Math.fround(w));
      }
      expect(got, ch).toEqual(want);
      for (const w of want.values()) weights.add(w);
    }
    expect(weights.size, 'the characters cover all three places').toBe(3);
  });

  it('takes the characters of one-character words as clues to the closest names', () => {
    // 树 and 砍 are single characters (weak for a match in full), 门口 is in no document.
    const data = fixtureData();
    data.catalogue.push(item('lh1', '市政服务', '园林绿化', '砍伐迁移城市树木审批', null, '区城市管理局'));
    const own = stages(data);
    expect(own.retrieval.scoreClosest(own.understanding.plan('门口的树能砍吗'))).toBeGreaterThan(0);
    const acc = own.retrieval.acc;
    expect(Array.from(acc.list.slice(0, acc.size), (d) => own.corpus.docs[d]!.id)).toEqual(['lh1']);
  });

  it('takes no lexicon neighbours of a weak word in the closest fallback: 申请 of 护照怎么申请 is no clue', () => {
    // 迁户口申请 is a name of 户口迁移 holding 申请; 护照 is in no document of the fixture.
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '户籍管理\t户口迁移\t迁户口申请\thousehold transfer'].join('\n'),
    );
    const own = stages(fixtureData(), lexicon);
    expect(own.retrieval.scoreClosest(own.understanding.plan('护照怎么申请'))).toBe(0);
  });

  it('counts a character of a longer word as its share of the word: 机 of 手机 and 贴 of 贴膜 are one clue', () => {
    const data = fixtureData();
    data.catalogue.push(item('nj1', '涉农补贴', '农机购置补贴', '补贴申请', null, '区农业农村局'));
    const own = stages(data);
    expect(own.retrieval.scoreClosest(own.understanding.plan('手机贴膜'))).toBe(0);
  });

  it('finds nothing for nonsense', () => {
    expect(retrieval.scoreClosest(understanding.plan('噼里啪啦咕噜'))).toBe(0);
    expect(retrieval.scoreClosest(understanding.plan('qwxzv'))).toBe(0);
  });

  it('reaches a name through the lexicon when the query’s words are only part of its colloquial names', () => {
    // 住院 is in no document of the fixture; the lexicon knows 住院救助 as a name of 医疗救助 (sj6).
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '社会救助\t医疗救助\t住院救助|看病救助\tmedical assistance'].join(
        '\n',
      ),
    );
    const data = fixtureData();
    const corpus = new Corpus({ ...data, searchIndex: buildSearchIndex(data, { lexicon }) });
    const understanding = new Understanding(corpus);
    const retrieval = new Retrieval(corpus);
    const closest = (q: string) => {
      if (!retrieval.scoreClosest(understanding.plan(q))) return [];
      const acc = retrieval.acc;
      return Array.from(acc.list.slice(0, acc.size), (d) => corpus.docs[d]!.id);
    };
    expect(closest('生病住院没钱怎么办')).toContain('sj6');
    // Without the lexicon pair the same question shares nothing with the bundle.
    const bare = new Corpus({ ...data, searchIndex: buildSearchIndex(data, { lexicon: null }) });
    expect(new Retrieval(bare).scoreClosest(new Understanding(bare).plan('生病住院没钱怎么办'))).toBe(0);
  });

  it('takes no clue from a weak word alone: 办理 says what kind of answer, not about what', () => {
    // Every topic word unknown to the bundle: nothing in common, whatever 办理 and 申请 match.
    expect(retrieval.scoreClosest(understanding.plan('火箭发射办理'))).toBe(0);
    expect(retrieval.scoreClosest(understanding.plan('潜水执照申请'))).toBe(0);
    // A query made of weak words only means them.
    expect(retrieval.scoreClosest(understanding.plan('办理申请'))).toBeGreaterThan(0);
  });

  it('lets a word the bundle lacks borrow the official names of the few colloquial names holding it', () => {
    // 放学 is in no document; the lexicon knows 放学后托管 as a name of 课后服务. 孩子 is in too many names to tell.
    const lexicon = parseLexicon(
      [
        'domain\tofficial\tcolloquial\ten',
        '义务教育\t课后服务\t放学后托管|课后托管\tafter-school services',
        '义务教育\t义务教育招生入学\t孩子上学\tschool enrollment',
        '义务教育\t特殊教育\t残疾孩子读书\tspecial education',
        '义务教育\t学生资助\t孩子读书补贴\tstudent aid',
        '义务教育\t教育收费\t孩子学费\tfees',
      ].join('\n'),
    );
    const data = fixtureData();
    data.catalogue.push(
      item('jy-kh', '义务教育', '课后服务', '服务内容', null, '区教育局'),
      item('jy-xx', '义务教育', '学校名录', null, null, '区教育局'),
      item('jy-tj', '义务教育', '特殊教育', null, null, '区教育局'),
      item('jy-zz', '义务教育', '学生资助', null, null, '区教育局'),
      item('jy-sf', '义务教育', '教育收费', null, null, '区教育局'),
    );
    const own = stages(data, lexicon);
    const coverage = (q: string) => {
      const plan = own.understanding.plan(q);
      const w = own.retrieval.scorePlan(plan, false);
      const acc = own.retrieval.acc;
      const byId = new Map<string, number>();
      for (let k = 0; k < acc.size; k++)
        byId.set(own.corpus.docs[acc.list[k]!]!.id, acc.vals[acc.list[k]!]! / w);
      return { byId, plan };
    };
    const { byId, plan } = coverage('放学以后还管吗');
    expect(byId.get('jy-kh') ?? 0).toBeGreaterThan(0.3);
    expect(byId.has('jy-xx')).toBe(false);
    expect(plan.concepts.find((c) => c.source.startsWith('放学'))!.active).toBe(true);
    // 孩子 names four programmes: it borrows none of them.
    expect(coverage('孩子').plan.concepts.every((c) => !c.active)).toBe(true);
  });

  it('lets a word in many colloquial names borrow from those whose other words the query says too', () => {
    // 孩子 is in no document and in five colloquial names: alone it is no clue, but beside 读书 and 补贴 (孩子读书补贴)
    // it names 学生资助. 孩子上户口 is not said by 户口 alone: the verb 上 must be said too.
    const lexicon = parseLexicon(
      [
        'domain\tofficial\tcolloquial\ten',
        '义务教育\t义务教育招生入学\t孩子上学\tschool enrollment',
        '义务教育\t特殊教育\t残疾孩子读书\tspecial education',
        '义务教育\t学生资助\t孩子读书补贴\tstudent aid',
        '义务教育\t教育收费\t孩子学费\tfees',
        '户籍管理\t出生登记\t孩子上户口\tbirth registration',
      ].join('\n'),
    );
    const data = fixtureData();
    data.catalogue.push(
      item('jy-rx', '义务教育', '义务教育招生入学', null, null, '区教育局'),
      item('jy-tj', '义务教育', '特殊教育', null, null, '区教育局'),
      item('jy-zz', '义务教育', '学生资助', '发放名单', null, '区教育局'),
      item('jy-sf', '义务教育', '教育收费', null, null, '区教育局'),
      item('hj-cs', '户籍管理', '出生登记', null, null, '某某市公安局某某分局'),
    );
    const own = stages(data, lexicon);
    const concept = (q: string, source: string) => {
      const plan = own.understanding.plan(q);
      own.retrieval.scorePlan(plan, false);
      return plan.concepts.find((c) => c.source === source)!;
    };
    const reach = (q: string, id: string) => {
      own.retrieval.scorePlan(own.understanding.plan(q), false);
      return own.retrieval.acc.get(own.corpus.docs.findIndex((x) => x.id === id));
    };
    expect(concept('孩子想读书有补贴吗', '孩子').active).toBe(true);
    // 学生资助 is borrowed; 教育收费 (孩子学费: 学费 is not said) and 特殊教育 (残疾 is not said) are not.
    const q = '孩子想读书有补贴吗';
    expect(reach(q, 'jy-zz')).toBeGreaterThan(2 * Math.max(reach(q, 'jy-sf'), reach(q, 'jy-tj')));
    // 户口 and 孩子 without 上: the birth registration is not borrowed, and 孩子 stays out.
    expect(concept('外地户口的孩子想读书', '孩子').active).toBe(false);
  });

  it('borrows from the names holding the whole unknown text before those holding one of its words', () => {
    // 外地孩子 is in no document; 孩子 is in four colloquial names, 外地孩子 in one (外地孩子上学 → 随迁子女入学).
    const lexicon = parseLexicon(
      [
        'domain\tofficial\tcolloquial\ten',
        '义务教育\t随迁子女入学\t外地孩子上学\tmigrant children',
        '义务教育\t义务教育招生入学\t孩子上学\tschool enrollment',
        '义务教育\t特殊教育\t残疾孩子读书\tspecial education',
        '义务教育\t学生资助\t孩子读书补贴\tstudent aid',
      ].join('\n'),
    );
    const data = fixtureData();
    data.catalogue.push(
      item('jy-sq', '义务教育', '随迁子女入学', null, null, '区教育局'),
      item('jy-tj', '义务教育', '特殊教育', null, null, '区教育局'),
      item('jy-zz', '义务教育', '学生资助', null, null, '区教育局'),
    );
    const own = stages(data, lexicon);
    const plan = own.understanding.plan('外地孩子');
    const w = own.retrieval.scorePlan(plan, false);
    const acc = own.retrieval.acc;
    expect(w).toBeGreaterThan(0);
    const best = Array.from(acc.list.slice(0, acc.size)).sort((a, b) => acc.vals[b]! - acc.vals[a]!)[0]!;
    expect(own.corpus.docs[best]!.id).toBe('jy-sq');
  });

  it('reads a word the runtime dictionary lacks (雾/霾 come out apart) as one word for the lexicon', () => {
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '生态环境\t环境空气质量\t雾霾天|空气质量指数\tair quality'].join(
        '\n',
      ),
    );
    const data = fixtureData();
    data.catalogue.push(item('hj-kq', '生态环境', '环境质量', '空气质量', null, '区生态环境局'));
    const own = stages(data, lexicon);
    const plan = own.understanding.plan('雾霾');
    own.retrieval.scorePlan(plan, false);
    const acc = own.retrieval.acc;
    expect(Array.from(acc.list.slice(0, acc.size), (d) => own.corpus.docs[d]!.id)).toContain('hj-kq');
  });
});
