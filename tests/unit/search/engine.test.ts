import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine, type SearchEngine } from '../../../src/core/search/engine.ts';
import { SearchIndexFileSchema } from '../../../src/core/search/format.ts';
import { fixtureData, item } from './fixture.ts';

describe('search engine over a small fixture', () => {
  const data = fixtureData();
  let engine: SearchEngine;
  const top = (q: string, n = 1) =>
    engine
      .search(q, { limit: 10 })
      .results.slice(0, n)
      .map((r) => r.id);

  beforeAll(() => {
    const index = JSON.parse(JSON.stringify(buildSearchIndex(data))) as unknown;
    engine = createSearchEngine({ ...data, searchIndex: index });
    engine.warm();
  });

  it('answers nothing when the topic is unknown and only a where/when/how-much word matches', () => {
    // The lottery is the topic and the catalogue has none: nothing, rather than the departments' phone numbers.
    expect(engine.search('彩票中奖号码').results).toEqual([]);
    expect(engine.search('汽车保养费用').results).toEqual([]);
    // A topic with the same words is answered as before.
    expect(top('民政局电话', 3).length).toBeGreaterThan(0);
    expect(top('低保费用', 3).length).toBeGreaterThan(0);
  });

  it('writes a versioned, schema-valid index with a char table beyond the bundle', () => {
    const index = buildSearchIndex(data);
    expect(SearchIndexFileSchema.safeParse(index).success).toBe(true);
    expect(index.v).toBe(1);
    expect(index.docs).toMatchObject({ items: data.catalogue.length, guides: 3, interpretations: 1 });
    const chars = Object.values(index.chars).join('');
    expect(chars).toContain('签'); // a common character no document uses: homophone typos need it
    expect(index.chars['qian']).toContain('迁');
    expect(index.vocab.text).toContain('低保');
  });

  it('puts an exact name first and reports items with their levels', () => {
    const r = engine.search('最低生活保障', { limit: 5 });
    expect(r.results[0]).toMatchObject({ type: 'item', level1: '最低生活保障', domain: '社会救助' });
    expect(r.results[0]!.title.startsWith('最低生活保障 ')).toBe(true);
    expect(top('养老金申领')).toEqual(['sb1']);
    expect(top('最低生活保障申请办事指南')).toEqual(['dibao-shenqing']);
    expect(engine.search('审核信息').results[0]!.title).toBe('最低生活保障 审核信息');
  });

  it('highlights the matched part of the title', () => {
    const r = engine.search('户口迁移').results[0]!;
    expect(r.title.slice(r.highlights[0]![0], r.highlights[0]![1])).toBe('户口迁移');
  });

  it('understands pinyin, initials and mixed script', () => {
    expect(engine.search('dibao').results[0]!.level1).toBe('最低生活保障');
    expect(engine.search('hukouqianyi').results[0]!.level1).toBe('户口迁移');
    expect(engine.search('hkqy').results[0]!.level1).toBe('户口迁移');
    expect(engine.search('hukou迁移').results[0]!.level1).toBe('户口迁移');
    expect(engine.search('ＤＩＢＡＯ').results[0]!.level1).toBe('最低生活保障');
  });

  it('corrects homophone and one-character typos and says so', () => {
    const r = engine.search('户口签移');
    expect(r.results[0]!.level1).toBe('户口迁移');
    expect(r.didYouMean).toContain('户口迁移');
    expect(engine.search('最低生活保帐').results[0]!.level1).toBe('最低生活保障');
    expect(engine.search('户口迁多').results[0]!.level1).toBe('户口迁移');
  });

  it('expands colloquial terms through the synonym table', () => {
    expect(engine.search('低保').results[0]!.level1).toBe('最低生活保障');
    expect(engine.search('廉租房').results[0]!.level1).toBe('公共租赁住房');
    const levels = engine.search('养老金', { limit: 3 }).results.map((r) => r.level1);
    expect(levels.some((l) => l?.includes('养老保险'))).toBe(true);
  });

  it('answers natural questions, preferring a guide when asked how', () => {
    const r = engine.search('低保怎么申请', { limit: 3 });
    expect(r.rewritten).toEqual(['低保|最低生活保障', '~申请']);
    expect(r.results.slice(0, 3).some((x) => x.id === 'dibao-shenqing')).toBe(true);
    expect(engine.search('孩子上学要什么材料').results[0]!.title).toContain('义务教育招生入学');
  });

  it('surfaces a department’s documents', () => {
    const ids = engine.search('民政局', { limit: 5 }).results.map((r) => r.id);
    const byId = new Map(data.catalogue.map((it) => [it.id, it]));
    expect(ids.length).toBe(5);
    for (const id of ids) expect(byId.get(id)?.publisher ?? '区民政局').toContain('民政局');
  });

  it('returns types for guides and interpretations with null levels', () => {
    const r = engine.search('政策解读', { limit: 3 }).results.find((x) => x.type === 'interpretation');
    expect(r).toMatchObject({ id: 'dibao-jiedu', level1: null, level2: null, level3: null });
  });

  it('searches guide bodies when the short fields answer poorly', () => {
    expect(top('预防接种证', 3)).toContain('ruxue');
  });

  it('handles empty, punctuation-only and unknown queries, with suggestions', () => {
    expect(engine.search('').results).toEqual([]);
    expect(engine.search('？！').results).toEqual([]);
    const none = engine.search('量子计算机');
    expect(none.results).toEqual([]);
    expect(Array.isArray(none.didYouMean)).toBe(true);
    expect(engine.search('最低生活').didYouMean).toEqual([]);
  });

  it('offers the word a mistyped pinyin spells, though it reads no word of it', () => {
    // hukouqainyi: two letters swapped; no piece of it is pinyin of a vocabulary term, so nothing is found.
    const slip = engine.search('hukouqainyi');
    expect(slip.results).toEqual([]);
    expect(slip.didYouMean[0]).toMatch(/^户口/);
    // While typing, that pass waits for the pause (the kiosk asks again): the response says so.
    const typing = engine.search('hukouqainyi', { typing: true });
    expect(typing.didYouMean).toEqual([]);
    expect(typing.suggestionsLater).toBe(true);
  });

  it('respects the limit', () => {
    expect(engine.search('办事指南', { limit: 2 }).results).toHaveLength(2);
  });

  it('refuses a missing, newer or stale index', () => {
    expect(() => createSearchEngine({ ...data, searchIndex: null })).toThrow(/missing or malformed/);
    expect(() => createSearchEngine({ ...data, searchIndex: { v: 2 } })).toThrow(/version 2/);
    const index = buildSearchIndex(data);
    expect(() =>
      createSearchEngine({ ...data, catalogue: data.catalogue.slice(1), searchIndex: index }),
    ).toThrow(/different documents/);
  });
});

/** The first five results' ids over the fixture plus these rows, without the built-in lexicon. */
function idsOver(...rows: ReturnType<typeof item>[]): (q: string) => string[] {
  const data = fixtureData();
  data.catalogue.push(...rows);
  const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data, { lexicon: null }) });
  return (q) => engine.search(q, { limit: 5 }).results.map((r) => r.id);
}

/** The ids the engine finds (best 5) over these rows alone, with the built-in lexicon: a district it was not written for. */
function idsOverOnly(rows: ReturnType<typeof item>[]): (q: string) => string[] {
  const data = { ...fixtureData(), catalogue: rows, guides: [], interpretations: [] };
  const engine = createSearchEngine({ ...data, searchIndex: buildSearchIndex(data) });
  return (q) => engine.search(q, { limit: 5 }).results.map((r) => r.id);
}

describe('the domain as the catalogue’s top level', () => {
  it('weighs the domain as a parent level: rows under 农村危房改造 answer 危房改造 with their own names', () => {
    // Rows seldom repeat their domain's name; the one that does (…政策文件) must not be the only answer.
    const ids = idsOver(
      item('wf1', '农村危房改造', '政策文件', '农村危房改造政策文件', null, '区住房和城乡建设局'),
      item('wf2', '农村危房改造', '补助标准', '补助资金标准', null, '区住房和城乡建设局'),
      item('wf3', '农村危房改造', '申请审批', '审批结果公告', null, '区住房和城乡建设局'),
      item('wf4', '农村危房改造', '申请审批', '村级评议结果公示', null, '区住房和城乡建设局'),
    );
    // 名单 is in no name: the published results (结果公告, 评议结果公示) are found by their domain and intent.
    expect(ids('危房改造名单')).toEqual(expect.arrayContaining(['wf3', 'wf4']));
    expect(ids('危房改造补助')[0]).toBe('wf2');
    expect(ids('危房改造政策')[0]).toBe('wf1');
  });
});

describe('words that say who, not what about', () => {
  it('reads 政府 in a question as the one asked, not the topic: 政府有奖补吗 finds the 奖补 row', () => {
    const ids = idsOver(
      item('zc1', '财政预决算', '政府采购', '政府采购意向', null, '区财政局'),
      item('cy1', '扶贫', '产业帮扶', '产业发展奖补', null, '区农业农村局'),
    );
    // Rows about the government's own business (政府采购, 政府预算) are no answer to it.
    expect(ids('政府有奖补吗')).toEqual(['cy1']);
    // A name that holds it is still found by it.
    expect(ids('政府采购')[0]).toBe('zc1');
  });
});

describe('a long question whose words meet different rows', () => {
  it('keeps the rows of the service the visitor names among the results, though a side word matches others', () => {
    // 困难 is in every 困难残疾人 row; the 低保 rows hold only the service asked for. Both kinds are results.
    const ids = idsOverOnly([
      item('cj1', '社会救助', '困难残疾人生活补贴', '补贴申请', '困难残疾人生活补贴申请办事指南', '区残联'),
      item('cj2', '社会救助', '困难残疾人生活补贴', '补贴标准', null, '区残联'),
      item('cj3', '社会救助', '困难残疾人生活补贴', '补贴发放', '发放名单', '区残联'),
      item('yl1', '社会保险', '医疗救助', '资助参保', '困难群众参保资助', '区医疗保障局'),
      item('db1', '社会救助', '最低生活保障', '办事指南', null, '区民政局'),
      item('db2', '社会救助', '最低生活保障', '保障标准', null, '区民政局'),
      item('db3', '社会救助', '最低生活保障', '审核确认结果', null, '区民政局'),
      item('wz1', '社会救助', '无障碍环境建设', '困难重度残疾人家庭无障碍改造', '改造项目', '区残联'),
      item('gz1', '保障性住房', '公共租赁住房', '申请受理', '办事指南', '区住房和城乡建设局'),
      item('yf1', '退役军人服务', '优抚对象抚恤补助', '义务兵家庭优待金', null, '区退役军人事务局'),
    ]);
    expect(ids('家里困难能申请低保吗').filter((id) => id.startsWith('db')).length).toBeGreaterThan(0);
  });
});

describe('the built-in lexicon in a district it was not written for', () => {
  it('reads 户口 as household registration in general, not as the one service 户口登记', () => {
    // A county that files its hukou services under 户口登记 and 户口迁移 side by side: a question about moving
    // the hukou is answered by the 户口迁移 rows, not by every 户口登记 row first.
    const rows = [
      item('hk1', '户籍管理', '户口登记', '恢复户口', null, '县公安局'),
      item('hk2', '户籍管理', '户口登记', '死亡注销户口', null, '县公安局'),
      item('hk3', '户籍管理', '户口登记', '分户和户口簿换领补领', null, '县公安局'),
      item('hk4', '户籍管理', '户口迁移', '投靠亲属迁入', null, '县公安局'),
      item('hk5', '户籍管理', '户口迁移', '大中专院校学生户口迁出和回迁', null, '县公安局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('户口能迁吗').slice(0, 2).sort()).toEqual(['hk4', 'hk5']);
    // Every hukou row still answers the word alone.
    expect(ids('户口').sort()).toEqual(['hk1', 'hk2', 'hk3', 'hk4', 'hk5']);
  });

  it('knows how visitors speak of floods: 发大水 and 被水淹 ask for disaster relief', () => {
    const rows = [
      item('zh1', '救灾', '受灾人员救助', '倒损住房恢复重建', null, '区应急管理局'),
      item('zh2', '救灾', '受灾人员救助', '过渡期生活救助', null, '区应急管理局'),
      item('sh1', '市政服务', '供水服务', '停水通知', null, '区水务局'),
      item('ls1', '社会救助', '临时救助', '临时救助审批', null, '区民政局'),
      item('ls2', '社会救助', '医疗救助', '住院救助', null, '区医疗保障局'),
      item('wf1', '农村危房改造', '补助标准', '危房改造补助资金标准', null, '区住房和城乡建设局'),
      item('wf2', '农村危房改造', '申请审批', '房屋危险等级鉴定', null, '区住房和城乡建设局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('房子被水淹了有救助吗')[0]).toMatch(/^zh/);
    expect(ids('发大水把房子冲倒了政府有补助吗')[0]).toBe('zh1');
  });

  it('reads 交 … 多少钱 as the contribution a visitor pays, not a service fee', () => {
    const rows = [
      item('jf1', '社会保险', '城乡居民医保', '参保缴费', '年度集中参保缴费', '县医疗保障局'),
      item('jf2', '社会保险', '城乡居民医保', '大病保险', '大病保险待遇', '县医疗保障局'),
      item('jf3', '社会保险', '城乡居民医保', '住院报销', '起付线和报销比例', '县医疗保障局'),
      item('sf1', '养老服务', '养老机构', '收费管理', '公办养老机构收费标准', '县民政局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('城乡居民医保今年交多少钱')[0]).toBe('jf1');
  });

  it('knows the gig jobs that make a visitor a flexible worker (送外卖, 跑滴滴, 没有单位)', () => {
    const rows = [
      item('gj1', '住房公积金', '住房公积金归集', '灵活就业人员缴存', null, '住房公积金管理中心'),
      item('gj2', '住房公积金', '住房公积金归集', '单位缴存', '单位缴存登记和账户设立', '住房公积金管理中心'),
      item('gj3', '住房公积金', '住房公积金提取', '租赁住房提取', null, '住房公积金管理中心'),
      item('gj4', '住房公积金', '住房公积金政策法规', '住房公积金管理办法', null, '住房公积金管理中心'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('我是送外卖的能自己交公积金吗')[0]).toBe('gj1');
  });

  it('knows the northern words for wages and firecrackers: 工钱 is 工资, 炮仗 is 鞭炮', () => {
    const rows = [
      item('ld1', '就业', '劳动保障监察', '拖欠农民工工资投诉举报', null, '县人力资源和社会保障局'),
      item('ld2', '就业', '就业服务', '零工市场', null, '县人力资源和社会保障局'),
      item('yh1', '安全生产', '行政许可', '烟花爆竹零售经营许可', null, '县应急管理局'),
      item('yh2', '安全生产', '监管执法', '烟花爆竹禁放区域和时段', null, '县应急管理局'),
      item('jz1', '城乡规划', '建设工程', '施工许可', null, '县住房和城乡建设局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('包工头欠工钱不给')[0]).toBe('ld1');
    expect(ids('过年能放炮仗不')[0]).toMatch(/^yh/);
    expect(ids('哪里卖炮仗')[0]).toMatch(/^yh/);
  });

  it('knows the country words for potatoes, dead livestock, coal-to-electric heating and village roads', () => {
    const rows = [
      item('ml1', '涉农补贴', '种植业补贴', '脱毒马铃薯种薯补贴', null, '县农业农村局'),
      item('ml2', '涉农补贴', '种植业补贴', '玉米良种补贴', null, '县农业农村局'),
      item('bs1', '涉农补贴', '动物防疫', '病死畜禽无害化处理', null, '县农业农村局'),
      item('bs2', '涉农补贴', '动物防疫', '牛羊强制免疫', null, '县农业农村局'),
      item('qn1', '市政服务', '供热', '农村清洁取暖改造补贴', null, '县住房和城乡建设局'),
      item('qn2', '市政服务', '供热', '城区集中供热收费标准', null, '县住房和城乡建设局'),
      item('gl1', '市政服务', '交通', '农村公路养护', null, '县交通运输局'),
      item('gl2', '市政服务', '交通', '城区公交线路', null, '县交通运输局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('土豆种子有补贴吗')[0]).toBe('ml1');
    expect(ids('洋芋种薯')[0]).toBe('ml1');
    expect(ids('病死羊怎么处理')[0]).toBe('bs1');
    expect(ids('煤改气补贴')[0]).toBe('qn1');
    expect(ids('村道坏了找谁修')[0]).toBe('gl1');
  });

  it('knows the words of the border, the plain and the delta for their services', () => {
    const rows = [
      item('yx1', '生态环境', '野生动物', '亚洲象等野生动物肇事补偿', null, '县林业和草原局'),
      item('yx2', '生态环境', '野生动物', '陆生野生动物收容救护', null, '县林业和草原局'),
      item('nj1', '卫生健康', '疾病预防控制', '疟疾防治和输入性病例报告', null, '县疾病预防控制中心'),
      item('nj2', '卫生健康', '疾病预防控制', '艾滋病自愿咨询检测', null, '县疾病预防控制中心'),
      item('jd1', '公共法律服务', '社会治安', '禁毒举报奖励', null, '县公安局'),
      item('jd2', '公共法律服务', '社会治安', '反电诈宣传', null, '县公安局'),
      item('st1', '义务教育', '教育服务', '中小学暑期托管服务', null, '区教育局'),
      item('st2', '义务教育', '教育服务', '课后服务收费', null, '区教育局'),
      item('dq1', '国有土地上房屋征收与补偿', '补偿', '房屋征收补偿标准', null, '区房屋征收事务所'),
      item('dq2', '国有土地上房屋征收与补偿', '评估', '房地产价格评估机构选定', null, '区房屋征收事务所'),
      item('xj1', '公共法律服务', '基层民主', '村民委员会换届选举', null, '县民政局'),
      item('xj2', '公共法律服务', '基层民主', '村规民约', null, '县民政局'),
      item('fn1', '义务教育', '安全', '中小学生防溺水安全教育', null, '县教育局'),
      item('fn2', '义务教育', '安全', '校车安全管理', null, '县教育局'),
      item('fg1', '就业', '务工服务', '春节后返岗专车', null, '区人力资源和社会保障局'),
      item('fg2', '就业', '务工服务', '职业技能培训补贴', null, '区人力资源和社会保障局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('野象赔偿')[0]).toBe('yx1');
    expect(ids('打摆子在哪检查')[0]).toBe('nj1');
    expect(ids('举报有人卖冰毒')[0]).toBe('jd1');
    expect(ids('暑托班报名')[0]).toBe('st1');
    expect(ids('动迁款怎么算')[0]).toBe('dq1');
    expect(ids('选村长')[0]).toBe('xj1');
    expect(ids('孩子暑假去河里玩水')[0]).toBe('fn1');
    expect(ids('过完年回厂的返工包车')[0]).toBe('fg1');
    const loess = idsOverOnly([
      item('gl1', '涉农补贴', '杂粮', '谷子、高粱种植补贴', null, '县农业农村局'),
      item('gl2', '涉农补贴', '杂粮', '马铃薯良种补贴', null, '县农业农村局'),
      item('ys1', '市政服务', '供水', '农村饮水安全工程', null, '县水利局'),
      item('ys2', '市政服务', '供水', '城区供水水价', null, '县水利局'),
    ]);
    expect(loess('茭子补贴')[0]).toBe('gl1');
    expect(loess('吃水难')[0]).toBe('ys1');
    const school = idsOverOnly([
      item('zz1', '义务教育', '学生资助', '普通高中国家助学金', null, '县教育局'),
      item('zz2', '义务教育', '学生资助', '中等职业教育国家助学金和免学费', null, '县教育局'),
      item('dp1', '卫生健康', '妇幼健康', '孕前优生健康检查', null, '县卫生健康委员会'),
      item('dp2', '卫生健康', '妇幼健康', '地中海贫血免费筛查', null, '县卫生健康委员会'),
    ]);
    expect(school('孩子读中专有补助吗')[0]).toBe('zz2');
    expect(school('地贫检查免费吗')[0]).toBe('dp2');
  });

  it("knows the growers' words for rubber and cane, and everyday words for spouses, boarding and e-bikes", () => {
    const rows = [
      item('xj1', '涉农补贴', '特色产业', '天然橡胶价格保险保费补贴', null, '县农业农村局'),
      item('xj2', '涉农补贴', '特色产业', '茶叶初制所改造补助', null, '县农业农村局'),
      item('tz1', '涉农补贴', '糖业', '糖料蔗收购价格和兑付进度', null, '县糖业发展中心'),
      item('tz2', '涉农补贴', '糖业', '咖啡种植技术培训', null, '县糖业发展中心'),
      item('fq1', '户籍管理', '户口迁移', '夫妻投靠落户', null, '县公安局'),
      item('fq2', '户籍管理', '户口迁移', '新生儿出生入户', null, '县公安局'),
      item('js1', '义务教育', '学生资助', '寄宿制学校学生生活补助', null, '县教育体育局'),
      item('js2', '义务教育', '学生资助', '校车接送服务', null, '县教育体育局'),
      item('dd1', '市政服务', '交通管理', '电动自行车登记上牌', null, '县公安局交警大队'),
      item('dd2', '市政服务', '交通管理', '机动车驾驶证换证', null, '县公安局交警大队'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('今年胶价保险怎么赔')[0]).toBe('xj1');
    expect(ids('蔗款什么时候打')[0]).toBe('tz1');
    expect(ids('老婆户口能迁过来吗')[0]).toBe('fq1');
    expect(ids('孩子住校有补助吗')[0]).toBe('js1');
    expect(ids('电瓶车上牌')[0]).toBe('dd1');
  });

  it('reads the lone verb of a spoken question by its noun in catalogue names (拆 → 拆迁, 赔 → 补偿)', () => {
    const rows = [
      // The rows the verbs mean come last: a tie would put the others first.
      item('fw1', '保障性住房', '房屋', '房屋安全鉴定', null, '县住房和城乡建设局'),
      item('fw2', '保障性住房', '房屋', '房屋租赁登记', null, '县住房和城乡建设局'),
      item('zs1', '国有土地上房屋征收与补偿', '房屋', '房屋征收补偿标准', null, '县住房和城乡建设局'),
      item('cf2', '食品药品监管', '食品安全', '食品安全抽检结果', null, '县市场监督管理局'),
      item('cf1', '食品药品监管', '食品安全', '食品安全行政处罚结果', null, '县市场监督管理局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('房屋要拆了怎么赔')[0]).toBe('zs1');
    expect(ids('食品安全被罚了没有')[0]).toBe('cf1');
    // Of a nuisance, the noun a complaint row names: 吵 is 噪声, 臭 is 异味 (a tie would put hj1 first).
    const nuisance = idsOverOnly([
      item('hj1', '生态环境', '企业', '企业夜间施工审批', null, '县生态环境局'),
      item('hj2', '生态环境', '企业', '企业噪声扰民投诉', null, '县生态环境局'),
      item('hj3', '生态环境', '企业', '企业异味污染投诉', null, '县生态环境局'),
    ]);
    expect(nuisance('这家企业太吵了')[0]).toBe('hj2');
    expect(nuisance('这家企业太臭了')[0]).toBe('hj3');
    // Though nothing else of the question is in the catalogue (酒吧, 睡不着), the nuisance is its topic.
    expect(nuisance('酒吧太吵了睡不着')[0]).toBe('hj2');
  });

  it('answers a report with the row that cleans up what is reported, beside the complaint channels', () => {
    const rows = [
      item('aq1', '安全生产', '投诉举报', '安全生产非法违法行为举报奖励', null, '县应急管理局'),
      item('aq2', '安全生产', '专项整治', '瓶装液化气非法经营整治', null, '县应急管理局'),
      item('aq3', '安全生产', '行政许可', '危险化学品经营许可', null, '县应急管理局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('举报有人偷偷卖瓶装液化气').slice(0, 2).sort()).toEqual(['aq1', 'aq2']);
    expect(ids('举报瓶装液化气非法经营')[0]).toBe('aq2');
  });

  it('shows the closest rows for a single short word that shares one character with them (打坝: 淤地坝)', () => {
    const rows = [
      item('tb1', '生态环境', '水土保持', '梯田修筑补助', null, '县水土保持站'),
      item('yd1', '生态环境', '水土保持', '淤地坝建设和管护', null, '县水土保持站'),
    ];
    expect(idsOverOnly(rows)('打坝')).toEqual(['yd1']);
    // A longer question keeps the rule of two clues: one shared character is no answer to it.
    expect(idsOverOnly(rows)('打坝的钱谁出到底给不给报')).toEqual([]);
  });

  it('answers a question of price with the row that names the price', () => {
    const rows = [
      item('gs1', '市政服务', '供水', '用水报装、过户和缴费', null, '县自来水公司'),
      item('gs2', '市政服务', '供水', '城区居民用水价格', null, '县自来水公司'),
      item('gs3', '市政服务', '供水', '计划停水通知', null, '县自来水公司'),
      item('gj1', '市政服务', '公交', '公交线路和首末班时间', null, '县公交公司'),
      item('gj2', '市政服务', '公交', '公交票价和优惠乘车', null, '县公交公司'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('自来水多少钱一吨')[0]).toBe('gs2');
    expect(ids('坐公交要多少钱')[0]).toBe('gj2');
  });

  it("knows 买断工龄 as the restructured state firms' workers and 盗采 as illegal mining", () => {
    const rows = [
      item('gz1', '社会保险', '养老保险', '改制企业职工养老保险接续', null, '区人力资源和社会保障局'),
      item('gz2', '社会保险', '养老保险', '养老金调整', null, '区人力资源和社会保障局'),
      item('ck1', '城乡规划', '监管执法', '非法采矿行为查处', null, '区自然资源局'),
      item('ck2', '城乡规划', '行政许可', '采石场规划许可', null, '区自然资源局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('买断工龄的人')[0]).toBe('gz1');
    expect(ids('山上有人盗采石头')[0]).toBe('ck1');
  });

  it('knows 增设电梯 as the official name some catalogues give 加装电梯', () => {
    const rows = [
      item('dt1', '城乡规划', '老旧小区改造', '既有住宅增设电梯', null, '区住房和城乡建设局'),
      item('dt2', '城乡规划', '老旧小区改造', '年度改造计划', null, '区住房和城乡建设局'),
      item('gd1', '市政服务', '供电', '用电报装和停电信息', null, '供电局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('加装电梯')[0]).toBe('dt1');
    expect(ids('老楼加装电梯补多少钱')[0]).toBe('dt1');
  });

  it("knows the river plain's words: 分洪 compensation, fishermen ashore, 电鱼 as illegal fishing, 田里养虾", () => {
    const rows = [
      item('xz1', '救灾', '蓄滞洪区', '蓄滞洪区运用补偿', null, '市水利和湖泊局'),
      item('xz2', '救灾', '防汛', '汛期值班和险情报告', null, '市防汛抗旱指挥部办公室'),
      item('tb1', '涉农补贴', '长江禁捕', '退捕渔民安置保障', null, '市农业农村局'),
      item('tb2', '涉农补贴', '渔业', '渔业养殖证核发', null, '市农业农村局'),
      item('bl1', '生态环境', '渔政执法', '非法捕捞行为查处', null, '市农业综合执法大队'),
      item('bl2', '生态环境', '湿地保护', '湿地保护名录', null, '市林业局'),
      item('dy1', '涉农补贴', '渔业补贴', '稻渔综合种养', null, '市农业农村局'),
      item('yz1', '涉农补贴', '渔业补贴', '池塘养殖尾水治理补贴', null, '市农业农村局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('分洪了淹的地赔偿多少')[0]).toBe('xz1');
    expect(ids('渔民上岸以后有什么保障')[0]).toBe('tb1');
    expect(ids('湖里有人电鱼')[0]).toBe('bl1');
    expect(ids('田里养虾有补贴吗')[0]).toBe('dy1');
  });

  it('reaches the name a catalogue uses through another name of the same service (廉租房 finds the 公租房 rows)', () => {
    const rows = [
      item('gz1', '保障性住房', '公租房', '申请审核', null, '市住房和城乡建设局'),
      item('gz2', '保障性住房', '公租房', '租金标准', null, '市住房和城乡建设局'),
      item('gz3', '保障性住房', '政策文件', '公共租赁住房管理办法', null, '市住房和城乡建设局'),
      item(
        'bz1',
        '保障性住房',
        '保障性租赁住房',
        '项目和申请',
        '保障性租赁住房项目和申请办法',
        '市住房和城乡建设局',
      ),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('廉租房')[0]).toMatch(/^gz/);
    expect(ids('廉租房怎么申请')[0]).toBe('gz1');
  });

  it('reads a question of known words as those words, not as a term two characters away (买房补贴 is not 危房补助)', () => {
    const rows = [
      item('wf1', '农村危房改造', '补助标准', '农村危房改造补助标准', null, '区住房和城乡建设局'),
      item('wf2', '农村危房改造', '申请审批', '危房改造申请', null, '区住房和城乡建设局'),
      item('rc1', '就业', '人才政策', '高校毕业生购房补贴', null, '区人力资源和社会保障局'),
      item('rc2', '就业', '人才政策', '高校毕业生生活补贴', null, '区人力资源和社会保障局'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('买房补贴多少钱')[0]).toBe('rc1');
    expect(ids('大学生在这买房补贴多少钱')[0]).toBe('rc1');
    // A typo of one character in a long name is still corrected.
    expect(ids('农村危房改造补助标谁')[0]).toBe('wf1');
  });

  it('answers a lost card with the row that replaces it', () => {
    const rows = [
      item('cj1', '残疾人服务', '残疾人证办理', '首次申领', '残疾评定和发证', '区残疾人联合会'),
      item('cj2', '残疾人服务', '残疾人证办理', '首次申领', '残疾评定机构和评定费用', '区残疾人联合会'),
      item('cj3', '残疾人服务', '残疾人证办理', '换领、补领、变更和注销', null, '区残疾人联合会'),
    ];
    const ids = idsOverOnly(rows);
    expect(ids('残疾证丢了')[0]).toBe('cj3');
    expect(ids('残疾证')[0]).not.toBe('cj3');
  });

  it('knows what veterans call their services: 退伍费 is the one-time subsidy, 军属 the family preferential treatment', () => {
    const ids = idsOverOnly([
      item('ty1', '退役军人服务', '退役士兵安置', '自主就业', '一次性经济补助发放', '区退役军人事务局'),
      item('ty2', '退役军人服务', '退役士兵安置', '安排工作', '安置计划', '区退役军人事务局'),
      item('ty3', '退役军人服务', '优待', '军人军属优待', '现役军人家属优待证', '区退役军人事务局'),
      item('ty4', '退役军人服务', '就业创业', '职业技能培训', null, '区退役军人事务局'),
    ]);
    expect(ids('退伍费')[0]).toBe('ty1');
    expect(ids('军嫂有什么优待')[0]).toBe('ty3');
  });

  it('reads a hotline number typed against pinyin as a number and a word: 12315tousu, tousu12315', () => {
    const ids = idsOverOnly([
      item('ts1', '食品药品监管', '投诉举报', '12315投诉举报', null, '区市场监督管理局'),
      item('ts2', '城市综合执法', '投诉举报', '12319城管热线', null, '区城市管理局'),
      item('ts3', '食品药品监管', '食品经营许可', '许可结果', null, '区市场监督管理局'),
    ]);
    expect(ids('12315tousu')[0]).toBe('ts1');
    expect(ids('tousu12315')[0]).toBe('ts1');
  });

  it('knows the two choices of an expropriation: 要房子不要钱 is the property swap, 拿钱不要房 the money', () => {
    const ids = idsOverOnly([
      item('zs1', '国有土地上房屋征收与补偿', '征收补偿', '产权调换', '安置房源和选房', '区住房和城乡建设局'),
      item('zs2', '国有土地上房屋征收与补偿', '征收补偿', '货币补偿', '补偿标准', '区住房和城乡建设局'),
      item('zs3', '国有土地上房屋征收与补偿', '征收决定', '房屋征收决定公告', null, '区人民政府'),
    ]);
    expect(ids('拆迁能要房子不要钱吗')[0]).toBe('zs1');
    expect(ids('拆迁拿钱不要房')[0]).toBe('zs2');
  });

  it('joins letters to the characters they finish: 医保ka is 医保卡, shebao卡 is 社保卡, inside a longer question', () => {
    const ids = idsOverOnly([
      item('sb1', '社会保险', '社会保障卡', '社保卡申领、补换和挂失', null, '区人力资源和社会保障局'),
      item('sb2', '社会保险', '医疗保险', '城乡居民医疗保险参保缴费', null, '区医疗保障局'),
      item('ws1', '公共文化服务', '公共图书馆', '借书证办理', null, '区图书馆'),
      item('ws2', '卫生健康', '医疗机构管理', '医疗机构执业登记', null, '区卫生健康局'),
    ]);
    expect(ids('医保ka怎么激活')[0]).toBe('sb1');
    expect(ids('shebao卡丢了怎么办')[0]).toBe('sb1');
  });

  it('keeps among the results the row of the one service a long question names beside its small words', () => {
    // 里, 挖, 个 and 批 count in the question's weight too; 占耕地 is a fifth of it, and its row must stay a result.
    const ids = idsOverOnly([
      item('tj1', '人民调解', '矛盾纠纷', '土地承包、赡养和邻里纠纷调解', null, '县司法局'),
      item('gd1', '规划实施监督', '耕地保护', '耕地保护和农村乱占耕地建房整治', null, '县自然资源局'),
      item('gd2', '种粮和耕地', '耕地地力保护补贴', '耕地地力保护补贴', null, '县农业农村局'),
      item('cq1', '交易公告', '农村产权', '农村土地经营权流转和集体资产交易', null, '县公共资源交易中心'),
      item('yy1', '渔业', '水产养殖', '池塘养殖和鱼塘改造补助', null, '县农业农村局'),
      item('ks1', '矿产资源', '河道采砂', '河道挖砂采石许可', null, '县水利局'),
      item('gt1', '市场监管', '个体工商户', '个体工商户登记', null, '县市场监督管理局'),
      item('sp1', '行政许可', '审批结果', '行政许可批准结果公示', null, '县行政审批局'),
    ]);
    expect(ids('我想在承包地里挖个鱼塘，占耕地要不要批')).toContain('gd1');
  });

  it('answers an elderly person’s age with the programmes of their age group: 我爸八十五了 finds the 高龄 allowance', () => {
    const ids = idsOverOnly([
      item('yl1', '养老服务', '老年人补贴', '高龄老人津贴', null, '区民政局'),
      item('yl2', '养老服务', '养老机构', '养老机构名录', null, '区民政局'),
      item('nb1', '涉农补贴', '稻谷补贴', '稻谷种植补贴', null, '区农业农村局'),
      item('nb2', '涉农补贴', '耕地地力保护补贴', '补贴对象和标准', null, '区农业农村局'),
    ]);
    expect(ids('我爸八十五了每个月政府有没有什么补贴可以领')[0]).toBe('yl1');
  });

  it('answers the same while its tables are still warming, a step at a time, as after', () => {
    // The kiosk's worker answers its first query before warming and warms between answers: a pinyin, initials,
    // typo or one-character query between two steps builds what it needs itself and is answered as a warm engine
    // answers it.
    const queries = ['dibao', 'zdshbz', '最低生活保帐', '低', 'hukou迁移', '民政局电话'];
    const data = fixtureData();
    const index = () => JSON.parse(JSON.stringify(buildSearchIndex(data))) as unknown;
    const warm = createSearchEngine({ ...data, searchIndex: index() });
    warm.warm();
    const warmed = queries.map((q) => warm.search(q, { limit: 10 }));
    // For every point of the warming, a fresh engine warmed that far, then asked every query.
    let points = 0;
    for (let taken = 0; ; taken++) {
      const cold = createSearchEngine({ ...data, searchIndex: index() });
      const steps = cold.warmSteps();
      let finished = false;
      for (let k = 0; k < taken && !finished; k++) finished = !!steps.next().done;
      if (finished) break;
      points++;
      expect(queries.map((q) => cold.search(q, { limit: 10 }))).toEqual(warmed);
      while (!steps.next().done);
      expect(queries.map((q) => cold.search(q, { limit: 10 }))).toEqual(warmed);
    }
    expect(points).toBeGreaterThan(1);
  });
});
