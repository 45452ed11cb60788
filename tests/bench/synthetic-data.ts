// A deterministic, in-memory synthetic bundle for search benchmarks: catalogue items, guides and interpretations
// across the 26 pilot domains with the vocabulary real catalogues use, at any size (10k documents by default).
// Same seed, same data: figures from two runs compare.
import type {
  BundleData,
  CatalogueItem,
  Department,
  Guide,
  Interpretation,
  Synonym,
} from '../../src/core/bundle/schema.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Domain → [lead department, topics]. Topics are the 一级事项 stems real catalogues use. */
const DOMAINS: Array<[string, string, string[]]> = [
  [
    '社会救助',
    '区民政局',
    [
      '最低生活保障',
      '特困人员救助供养',
      '临时救助',
      '医疗救助',
      '教育救助',
      '住房救助',
      '就业救助',
      '残疾人两项补贴',
      '流浪乞讨人员救助',
      '低收入人口认定',
    ],
  ],
  [
    '养老服务',
    '区民政局',
    [
      '高龄津贴',
      '养老机构备案',
      '养老服务补贴',
      '居家养老服务',
      '老年人优待证',
      '养老机构监管',
      '家庭养老床位',
      '老年助餐',
    ],
  ],
  [
    '户籍管理',
    '区公安分局',
    ['户口迁移', '出生登记', '居住证办理', '居民身份证', '户口注销', '户籍证明', '户口簿补领', '落户政策'],
  ],
  [
    '就业',
    '区人社局',
    [
      '失业登记',
      '就业困难人员认定',
      '创业担保贷款',
      '一次性创业补贴',
      '职业技能培训补贴',
      '公益性岗位',
      '招聘会信息',
      '劳动人事争议仲裁',
    ],
  ],
  [
    '社会保险',
    '区社保中心',
    [
      '城乡居民基本养老保险',
      '企业职工基本养老保险',
      '失业保险金申领',
      '工伤认定',
      '城乡居民基本医疗保险',
      '养老保险关系转移',
      '社会保险登记',
      '医疗费用报销',
    ],
  ],
  [
    '义务教育',
    '区教育局',
    ['义务教育招生入学', '转学', '学生资助', '学区划分', '课后服务', '教育收费', '校车安全', '民办学校'],
  ],
  [
    '卫生健康',
    '区卫健局',
    [
      '家庭医生签约',
      '预防接种',
      '出生医学证明',
      '生育登记',
      '医疗机构执业登记',
      '传染病疫情',
      '育儿补贴',
      '医疗服务价格',
    ],
  ],
  [
    '保障性住房',
    '区住建局',
    ['公共租赁住房', '住房租赁补贴', '保障性租赁住房', '老旧小区改造', '人才住房', '共有产权住房'],
  ],
  ['农村危房改造', '区住建局', ['农村危房改造', '农房安全鉴定', '危房改造补助资金', '农户档案']],
  [
    '财政预决算',
    '区财政局',
    ['政府预算', '部门预算', '政府决算', '部门决算', '政府债务', '三公经费', '财政专项资金', '政府采购'],
  ],
  [
    '税收管理',
    '区税务局',
    ['税收优惠', '发票领用', '纳税信用', '欠税公告', '个体工商户定额', '办税服务厅', '税收违法案件'],
  ],
  [
    '重大建设项目',
    '区发改局',
    ['项目审批', '项目核准', '项目备案', '招标投标', '施工许可', '竣工验收', '征收土地', '设计变更'],
  ],
  [
    '公共资源交易',
    '区交易中心',
    ['工程建设招标', '政府采购公告', '国有土地使用权出让', '国有产权交易', '中标结果', '交易服务指南'],
  ],
  [
    '安全生产',
    '区应急局',
    [
      '危险化学品经营许可',
      '烟花爆竹经营许可',
      '安全生产检查',
      '事故调查报告',
      '隐患排查治理',
      '安全生产举报',
    ],
  ],
  [
    '生态环境',
    '区生态环境局',
    [
      '环境影响评价',
      '排污许可',
      '环境空气质量',
      '饮用水水源',
      '环境行政处罚',
      '重点排污单位',
      '突发环境事件',
    ],
  ],
  [
    '食品药品监管',
    '区市场监管局',
    ['食品经营许可', '小作坊登记', '食品安全抽检', '药品零售许可', '餐饮服务等级', '食品安全投诉'],
  ],
  [
    '城市综合执法',
    '区城管局',
    ['户外广告设置', '临时占道', '建筑垃圾处置', '违法建设查处', '生活垃圾分类', '城管投诉'],
  ],
  [
    '国有土地上房屋征收与补偿',
    '区征收中心',
    ['房屋征收决定', '征收补偿方案', '房屋调查登记', '分户补偿', '房地产价格评估'],
  ],
  [
    '农村集体土地征收',
    '区自然资源局',
    ['土地征收预公告', '征地补偿安置', '被征地农民社会保障', '土地现状调查', '征地补偿费用'],
  ],
  [
    '公共文化服务',
    '区文旅局',
    ['图书馆免费开放', '文化馆', '非物质文化遗产', '文物保护单位', '送戏下乡', '全民健身'],
  ],
  ['公共法律服务', '区司法局', ['法律援助', '人民调解', '公证服务', '律师事务所', '司法鉴定', '法律顾问']],
  ['扶贫', '区农业农村局', ['衔接资金', '防止返贫监测', '小额信贷', '雨露计划', '消费帮扶', '扶贫项目库']],
  ['救灾', '区应急局', ['自然灾害救助', '应急避难场所', '救灾物资', '受灾人员救助', '救灾捐赠', '灾害预警']],
  [
    '涉农补贴',
    '区农业农村局',
    ['耕地地力保护补贴', '农机购置补贴', '种粮补贴', '农业保险保费补贴', '高标准农田', '家庭农场'],
  ],
  [
    '市政服务',
    '区城管局',
    ['供水服务', '燃气报装', '停水通知', '路灯报修', '公交线路', '园林绿化', '公共厕所'],
  ],
  [
    '国土空间规划',
    '区自然资源局',
    [
      '国土空间总体规划',
      '控制性详细规划',
      '村庄规划',
      '建设用地规划许可',
      '建设工程规划许可',
      '乡村建设规划许可',
    ],
  ],
];

const QUALIFIERS = [
  '',
  '城乡',
  '农村',
  '城镇',
  '困难群众',
  '老年人',
  '残疾人',
  '企业',
  '个人',
  '年度',
  '专项',
  '街道',
  '镇级',
  '区级',
  '跨省',
  '新增',
  '特殊群体',
  '低收入家庭',
];
const LEVEL2 = [
  '政策文件',
  '办事指南',
  '审核信息',
  '办理结果',
  '名单公示',
  '资金使用',
  '监督检查',
  '投诉举报',
  '标准和程序',
  '申请条件',
  '办理流程',
  '收费标准',
  '统计数据',
  '政策解读',
  '许可结果',
  '备案信息',
];
const LEVEL3 = [
  '初审结果',
  '复审结果',
  '公示名单',
  '年度报告',
  '季度报告',
  '发放明细',
  '变更信息',
  '注销信息',
  '补贴标准',
  '服务网点',
  '联系方式',
  '办理时限',
];
const CONTENT = [
  '办理事项',
  '办理条件',
  '申请材料',
  '办理流程',
  '办理时间和地点',
  '联系方式',
  '对象名单',
  '资金发放情况',
  '审核结果',
  '监督电话',
  '政策依据',
  '补贴标准',
  '救助标准',
  '服务对象',
  '服务内容',
];
const LAWS = [
  '《社会救助暂行办法》',
  '《中华人民共和国政府信息公开条例》',
  '《国务院关于加强和改进最低生活保障工作的意见》',
  '《中华人民共和国社会保险法》',
  '《中华人民共和国义务教育法》',
  '《中华人民共和国户口登记条例》',
  '《居住证暂行条例》',
  '《中华人民共和国预算法》',
  '《中华人民共和国环境保护法》',
  '《中华人民共和国食品安全法》',
  '《法律援助法》',
  '《中华人民共和国安全生产法》',
];
const TIME = [
  '信息形成或变更之日起20个工作日内',
  '信息形成之日起10个工作日内',
  '作出决定之日起7个工作日内',
  '实时公开',
];
const CHANNELS = [
  '政府网站',
  '两微一端',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '社区/企事业单位/村公示栏（电子屏）',
];
const SENTENCES = [
  '申请人应当如实提供家庭收入、财产和人口状况等信息，并书面授权核对家庭经济状况。',
  '符合条件的，由乡镇人民政府（街道办事处）提出初审意见，在申请人所在村（社区）公示7天。',
  '办理地点为区政务服务中心一楼综合窗口，工作日上午9:00至12:00，下午13:30至17:00。',
  '不收取任何费用。对办理结果有异议的，可以向区人民政府申请行政复议或者向人民法院提起行政诉讼。',
  '申请材料包括居民身份证、户口簿、申请表以及相关证明材料的原件和复印件。',
  '对符合条件的申请人，自受理之日起20个工作日内作出审批决定，并书面告知申请人。',
  '咨询电话可在工作时间拨打，也可通过12345政务服务便民热线反映诉求。',
  '可以通过政府网站、政务服务网、自助终端或者现场窗口提交申请，实行一次告知、限时办结。',
  '监督投诉可向区纪委监委派驻纪检监察组或者区政务服务管理部门反映。',
  '办理流程包括申请、受理、审核、审批、公示和发放六个环节，全程留痕可追溯。',
];
const SYNONYMS: Array<[string, string[]]> = [
  ['低保', ['最低生活保障']],
  ['五保', ['特困人员救助供养']],
  ['廉租房', ['公共租赁住房']],
  ['公租房', ['公共租赁住房']],
  ['养老金', ['城乡居民基本养老保险', '企业职工基本养老保险']],
  ['社保', ['社会保险']],
  ['医保', ['城乡居民基本医疗保险']],
  ['失业金', ['失业保险金申领']],
  ['上学', ['义务教育招生入学']],
  ['落户', ['户口迁移', '落户政策']],
  ['身份证', ['居民身份证']],
  ['老年证', ['老年人优待证']],
  ['拆迁', ['房屋征收决定', '征收补偿方案']],
  ['危房', ['农村危房改造']],
  ['残疾人补贴', ['残疾人两项补贴']],
];

export interface SyntheticOptions {
  /** Total documents (items + guides + interpretations). */
  docs?: number;
  seed?: number;
}

/** Builds a bundle-shaped data set (without its search index) of about `docs` documents. */
export function syntheticBundle(opts: SyntheticOptions = {}): Omit<BundleData, 'searchIndex'> {
  const total = opts.docs ?? 10_000;
  const rand = mulberry32(opts.seed ?? 20260401);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(list));
  const nGuides = Math.round(total * 0.12);
  const nInterp = Math.round(total * 0.03);
  const nItems = total - nGuides - nInterp;

  const deptNames = [...new Set(DOMAINS.map((d) => d[1]))];
  const departments: Department[] = deptNames.map((name, i) => ({
    id: `dept-${i}`,
    name,
    aliases: [name.replace(/^区/, '')],
    address: `某某区人民路${i + 1}号`,
    hours: '工作日 9:00-17:00',
    phone: `0591-8800${String(1000 + i)}`,
    window: `${i + 1}号窗口`,
  }));

  const catalogue: CatalogueItem[] = [];
  const level1Seen = new Map<string, number>();
  for (let i = 0; i < nItems; i++) {
    const [domain, dept, topics] = DOMAINS[i % DOMAINS.length]!;
    const topic = pick(topics);
    // Most items reuse a domain's topics with a qualifier, so names repeat the way real catalogues do.
    const q = rand() < 0.5 ? '' : pick(QUALIFIERS);
    const level1 = q + topic;
    const k = (level1Seen.get(level1) ?? 0) + 1;
    level1Seen.set(level1, k);
    const level2 = k === 1 && rand() < 0.2 ? null : pick(LEVEL2);
    const level3 = level2 && rand() < 0.35 ? pick(LEVEL3) : null;
    catalogue.push({
      id: `s${i.toString(36)}`,
      domain,
      level1,
      level2,
      level3,
      stages: ['service'],
      content: some(CONTENT, 3 + Math.floor(rand() * 4)).join('、'),
      basis: some(LAWS, 1 + Math.floor(rand() * 2)).join('、'),
      timeLimit: pick(TIME),
      publisher: rand() < 0.8 ? dept : `${dept}、各街道办事处`,
      channels: some(CHANNELS, 2),
      audience: ['public'],
      disclosure: ['proactive'],
      tier: ['district'],
      url: null,
      guideIds: [],
      interpretationIds: [],
    });
  }
  const paragraph = (n: number) => some(SENTENCES, n).join('');
  const guides: Guide[] = [];
  for (let i = 0; i < nGuides; i++) {
    const item = catalogue[Math.floor(rand() * catalogue.length)]!;
    const [, dept] = DOMAINS.find((d) => d[0] === item.domain)!;
    const id = `sg${i.toString(36)}`;
    item.guideIds.push(id);
    guides.push({
      id,
      title: `${item.level1}${pick(['申请', '办理', '申领', ''])}办事指南`,
      domain: item.domain,
      department: dept,
      sections: {
        conditions: paragraph(2),
        materials: paragraph(2),
        process: paragraph(3),
        timeLimit: paragraph(1),
        fees: paragraph(1),
        location: paragraph(1),
        phone: paragraph(1),
        supervision: paragraph(1),
      },
      body: `${item.level1}是${item.domain}领域的重要事项。${paragraph(3)}\n\n## 常见问题\n\n${paragraph(2)}`,
      attachments: [],
      itemIds: [item.id],
      updated: '2026-03-01',
    });
  }
  const interpretations: Interpretation[] = [];
  for (let i = 0; i < nInterp; i++) {
    const item = catalogue[Math.floor(rand() * catalogue.length)]!;
    const [, dept] = DOMAINS.find((d) => d[0] === item.domain)!;
    const id = `sp${i.toString(36)}`;
    item.interpretationIds.push(id);
    interpretations.push({
      id,
      title: `《某某区${item.level1}实施办法》政策解读`,
      domain: item.domain,
      department: dept,
      policy: `《某某区${item.level1}实施办法》（某府规〔2026〕${i + 1}号）`,
      date: '2026-04-10',
      summary: paragraph(2),
      qa: [
        { question: `哪些人可以申请${item.level1}？`, answer: paragraph(2) },
        { question: `${item.level1}的标准是多少？`, answer: paragraph(2) },
      ],
      itemIds: [item.id],
    });
  }
  const synonyms: Synonym[] = SYNONYMS.map(([term, official]) => ({ term, official }));
  return { catalogue, guides, interpretations, departments, notices: [], synonyms, calendar: [] };
}
