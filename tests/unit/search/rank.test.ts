import { describe, expect, it } from 'vitest';
import { fixtureData, item } from './fixture.ts';
import { parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { emptyResponse, stages } from './stages.ts';

describe('ranking (coverage → ordered results)', () => {
  /** The ranked results of a query over the given stages (the fixture's, or the fixture plus a test's rows). */
  const rankedOver = (own: ReturnType<typeof stages>, q: string) => {
    const plan = own.understanding.plan(q);
    const w = own.retrieval.scorePlan(plan, true);
    const r = emptyResponse(q);
    own.ranking.rank(own.retrieval.acc, plan, w, 20, r);
    return r;
  };
  const fixture = stages();
  const ranked = (q: string) => rankedOver(fixture, q).results;
  /** Result ids over the fixture plus a test's own rows (and a lexicon of its own: rows of lexicon.tsv). */
  const idsWith = (data: ReturnType<typeof fixtureData>, lexiconRows?: string[]) => {
    const own = stages(
      data,
      lexiconRows && parseLexicon(['domain\tofficial\tcolloquial\ten', ...lexiconRows].join('\n')),
    );
    return (q: string) => rankedOver(own, q).results.map((x) => x.id);
  };
  /** Two rows of one domain under each of these first levels, published by `dept`. */
  const twoRowsEach = (prefix: string, domain: string, level1s: string[], dept: string) =>
    level1s.flatMap((level1, i) => [
      item(`${prefix}-${i}a`, domain, level1, '年度报告', null, dept),
      item(`${prefix}-${i}b`, domain, level1, '服务机构名单', null, dept),
    ]);

  it('puts the exact name first and marks the matched part of the title', () => {
    const r = ranked('户口迁移');
    expect(r[0]!.level1).toBe('户口迁移');
    expect(r[0]!.title.slice(...r[0]!.highlights[0]!)).toBe('户口迁移');
  });

  it('boosts the rows that answer the intent without hiding the others', () => {
    const plain = ranked('最低生活保障').map((r) => r.id);
    const how = ranked('最低生活保障怎么申请').map((r) => r.id);
    expect(how.slice(0, 2)).toEqual(expect.arrayContaining(['dibao-shenqing', 'sj3']));
    expect(how).toEqual(expect.arrayContaining(plain));
    // 录取结果 answers a question for a list: it gains on 报名和材料审核 when the visitor asks for one.
    const gap = (q: string) => {
      const r = ranked(q);
      return r.find((x) => x.id === 'jy2')!.score - r.find((x) => x.id === 'jy1')!.score;
    };
    expect(gap('义务教育招生入学名单')).toBeGreaterThan(gap('义务教育招生入学') + 5);
  });

  it('names the department to contact for a where or phone question, and only then', () => {
    const contact = (q: string) => rankedOver(fixture, q).contactDept;
    expect(contact('最低生活保障在哪里办')).toBe('区民政局');
    expect(contact('户口迁移电话')).toBe('某某市公安局某某分局');
    expect(contact('最低生活保障')).toBeUndefined();
  });

  it('answers a complaint about a topic with the complaint channel of its domain first, hiding nothing', () => {
    // Every domain has its complaint row, and none names the topic.
    const data = fixtureData();
    data.catalogue.push(
      item('jb-jiuzhu', '社会救助', '社会救助监督', '投诉举报', null, '区民政局', '投诉举报电话、受理范围'),
      item('jb-jiaoyu', '义务教育', '教育督导', '投诉举报', null, '区教育局', '投诉举报电话、受理范围'),
    );
    const rankedHere = idsWith(data);
    const about = rankedHere('最低生活保障');
    const complaint = rankedHere('最低生活保障不公平举报');
    expect(complaint[0]).toBe('jb-jiuzhu');
    expect(complaint.indexOf('jb-jiaoyu')).toBeLessThan(0 + complaint.length);
    expect(complaint).toEqual(expect.arrayContaining(about));
    // Without a complaint word the topic's own rows lead; the channel is not pulled up.
    expect(about.indexOf('jb-jiuzhu')).not.toBe(0);
    // The other domain's channel: the topic's rows stay above it.
    const firstTopic = complaint.indexOf(about[0]!);
    const otherChannel = complaint.indexOf('jb-jiaoyu');
    if (otherChannel >= 0) expect(firstTopic).toBeLessThan(otherChannel);
  });

  it('keeps on the first screen the rows that name a one-word query itself, below the first of its widening', () => {
    // 工作 widened to 就业: ten 就业 rows outscore the two rows that hold 工作 only in a parent level.
    const data = fixtureData();
    const jobs = [
      '就业登记',
      '就业见习',
      '就业援助',
      '就业补贴',
      '就业培训',
      '就业服务机构',
      '就业困难认定',
      '就业失业登记证',
      '就业创业政策',
      '就业岗位信息',
    ];
    jobs.forEach((name, i) => data.catalogue.push(item(`jy-${i}`, '就业创业', name, null, null, '区人社局')));
    data.catalogue.push(
      item('zs-1', '征地补偿', '征收前期工作', '征收土地预公告', null, '区自然资源局'),
      item('zs-2', '征地补偿', '征收前期工作', '土地现状调查结果', null, '区自然资源局'),
    );
    const rankedHere = idsWith(data, ['就业创业\t就业\t工作\tjobs']);
    // The widening's best keeps first place (they score 91 to the holders' 87 here).
    expect(rankedHere('工作')[0]).toMatch(/^jy-/);
    for (const q of ['工作', 'gongzuo']) {
      const top = rankedHere(q);
      expect(top.slice(0, 10)).toEqual(expect.arrayContaining(['zs-1', 'zs-2']));
      // Nothing is dropped: every widened row is still a result.
      expect(top.filter((id) => id.startsWith('jy-')).length).toBe(10);
    }
  });

  it('answers a complaint with the channel of a domain covering the topic as well, when the first has none', () => {
    // 招标 rows under two domains: 重大建设项目 lists the tenders and has no complaint row; 公共资源交易 has both.
    const data = fixtureData();
    data.catalogue.push(
      item('zb-xm', '重大建设项目', '招标投标信息', '项目招标公告和中标结果', null, '县发改局'),
      item('zb-jy', '公共资源交易', '工程建设项目招标投标', '招标公告和中标结果', null, '县公共资源交易中心'),
      item('zb-ts', '公共资源交易', '监督管理', '交易投诉和异议处理', null, '县公共资源交易中心'),
    );
    const rankedHere = idsWith(data);
    expect(rankedHere('招标有猫腻去哪投诉')[0]).toBe('zb-ts');
    expect(rankedHere('招标')[0]).not.toBe('zb-ts');
  });

  it('takes the topic from a channel that names it: 化工厂污染举报 goes to the pollution channel, not to another domain’s', () => {
    // The only row naming the topic is itself a channel; a weaker non-channel row (噪声污染) sits in another domain
    // whose own channel (执法监督) names nothing of the query.
    const data = fixtureData();
    data.catalogue.push(
      item(
        'hb-jb',
        '生态环境',
        '环境信访投诉',
        '化工企业环境污染举报',
        '污水偷排和废气举报热线',
        '区生态环境分局',
      ),
      item('zf-zs', '城市综合执法', '噪声污染', '夜间施工噪声', null, '区城市管理局'),
      item('zf-jd', '城市综合执法', '执法公示', '执法全过程记录和监督', null, '区城市管理局'),
    );
    const rankedHere = idsWith(data);
    expect(rankedHere('化工厂污染举报').slice(0, 2)).toEqual(['hb-jb', 'zf-zs']);
  });

  it('lifts a row that is a channel only by 监督 only when it matches the query', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('zf-wj', '城市综合执法', '违法建设治理', '违法建设查处', null, '区城市管理局'),
      item('zf-jd', '城市综合执法', '执法公示', '执法全过程记录和监督', null, '区城市管理局'),
      item('gh-jb', '城乡规划', '规划监督检查', '违法建设举报和查处结果', null, '区自然资源局'),
    );
    const rankedHere = idsWith(data);
    const ids = rankedHere('邻居违法建设举报');
    expect(ids.slice(0, 2)).toEqual(expect.arrayContaining(['zf-wj', 'gh-jb']));
    expect(ids.indexOf('zf-jd')).not.toBe(0);
  });

  it('finds the rows whose own names hold a word that names a domain, typed alone, before the domain’s other rows', () => {
    // Every row of 卫生健康 matches 卫生 by its domain's name; two rows elsewhere hold the word in their own names.
    const data = fixtureData();
    data.catalogue.push(
      ...twoRowsEach(
        'wj',
        '卫生健康',
        ['预防接种', '传染病防控', '医疗机构管理', '家庭医生签约', '出生医学证明', '计划生育'],
        '区卫生健康局',
      ),
      item('sz-wc', '市政服务', '环境卫生', '公共厕所分布', null, '区城市管理局'),
      item('sz-lj', '市政服务', '环境卫生', '生活垃圾清运', null, '区城市管理局'),
    );
    // As the built-in lexicon has it: 卫生 is a colloquial name of the domain 卫生健康.
    const rankedHere = idsWith(data, ['卫生健康\t卫生健康\t卫生|医疗卫生\thealth']);
    for (const q of ['卫生', 'weisheng'])
      expect(rankedHere(q).slice(0, 2).sort()).toEqual(['sz-lj', 'sz-wc']);
    // Asked about (a question, another word), the word still tells the domain: its rows come first.
    expect(rankedHere('卫生怎么办理')[0]).toMatch(/^wj-/);
  });

  it('finds the rows whose own names hold a word that names a department, typed alone, before the bureau’s other rows', () => {
    // 财政 names the bureau 区财政局 through the lexicon (财政 → 财政局); these rows of it hold neither word in
    // their names.
    const data = fixtureData();
    data.departments.push({
      id: 'cz',
      name: '区财政局',
      aliases: ['财政局'],
      address: '',
      hours: '',
      phone: '',
      window: '',
    });
    data.catalogue.push(
      ...twoRowsEach(
        'cz',
        '财政预决算',
        ['政府预算', '政府决算', '政府债务', '转移支付', '政府采购'],
        '区财政局',
      ),
      item('sj-1', '审计监督', '审计结果', '本级财政收支审计报告', null, '区审计局'),
      item('nw-1', '惠农补贴', '补贴资金', '惠农财政补贴发放', null, '区农业农村局'),
    );
    const rankedHere = idsWith(data, ['财政预决算\t财政局\t财政|财政所\tfinance bureau']);
    // The fixture's own 财政预算 row (cz1) holds the word too.
    for (const q of ['财政', 'caizheng'])
      expect(rankedHere(q).slice(0, 3).sort()).toEqual(['cz1', 'nw-1', 'sj-1']);
    // The bureau's name as typed is what the visitor asks for: its rows keep the bonus.
    expect(rankedHere('财政局')[0]).toMatch(/^cz/);
  });
  it('ranks the rows that hold the typed word before rows found only under a generic heading it widens to', () => {
    // 审批 widens to 行政许可, a first level many bureaus share (the seeds' generic 政策文件 / 行政许可 / 监管执法):
    // the heading's rows are found, but they do not take the exact-name bonus ahead of the rows that say 审批.
    const data = fixtureData();
    data.catalogue.push(
      item('xk-1', '食品药品监管', '行政许可', '食品经营许可', null, '区市场监管局'),
      item('xk-2', '城乡规划', '行政许可', '建设工程规划许可证核发', null, '区自然资源局'),
      item('xk-3', '安全生产', '行政许可', '烟花爆竹经营许可', null, '区应急管理局'),
      item('xk-4', '城市综合执法', '行政许可', '户外广告设置', null, '区城管局'),
      item('sp-1', '农村集体土地征收', '宅基地', '农村村民宅基地申请审批', null, '区自然资源局'),
      item('sp-2', '生态环境', '环评', '建设项目环境影响评价审批', null, '区生态环境局'),
    );
    const lexicon = ['通用\t行政许可\t审批|批准\tadministrative license'];
    for (const q of ['审批', 'shenpi']) {
      const ids = idsWith(data, lexicon)(q);
      expect(ids.slice(0, 2).sort()).toEqual(['sp-1', 'sp-2']);
      // Still found: the widening hides nothing.
      expect(ids).toEqual(expect.arrayContaining(['xk-1', 'xk-2', 'xk-3', 'xk-4']));
    }
    // A heading of one service keeps its bonus: 五保户 finds the 特困人员救助供养 rows first.
    expect(ranked('五保户')[0]!.level1).toBe('特困人员救助供养');
  });
});
