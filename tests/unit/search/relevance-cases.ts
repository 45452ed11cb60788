// Relevance queries over the sample district (content/). Each case says what a visitor types and which documents
// answer it. Matchers are by name, not by generated id, so the set survives edits to the sample spreadsheets:
//   name:X   an item with a level named X, or a guide/interpretation titled X
//   l1:X     an item whose 一级事项 is X
//   leaf:X   an item whose most specific level is X
//   has:X    any result whose title contains X
//   g:ID     the guide with id ID
//   topic:X  an item whose 一级事项 is X, or a guide or interpretation whose title contains X (either answers)
//   domain:X an item of domain X
//   dept:X   a document published by department X (its name or any alias, from departments.csv)
export type QueryKind =
  'exact' | 'pinyin' | 'initials' | 'mixed' | 'homophone' | 'typo' | 'synonym' | 'question' | 'department';

export interface RelevanceCase {
  kind: QueryKind;
  q: string;
  want: string[];
}

const c = (kind: QueryKind, q: string, ...want: string[]): RelevanceCase => ({ kind, q, want });

export const CASES: RelevanceCase[] = [
  // Exact names: must be first.
  c('exact', '最低生活保障', 'name:最低生活保障'),
  c('exact', '特困人员救助供养', 'name:特困人员救助供养'),
  c('exact', '临时救助', 'name:临时救助'),
  c('exact', '高龄津贴', 'name:高龄津贴'),
  c('exact', '户口迁移', 'name:户口迁移'),
  c('exact', '居住证办理', 'name:居住证办理'),
  c('exact', '法律援助', 'name:法律援助'),
  c('exact', '政府采购', 'name:政府采购'),
  c('exact', '公共租赁住房', 'name:公共租赁住房'),
  c('exact', '排污许可', 'name:排污许可'),
  c('exact', '失业保险金申领', 'name:失业保险金申领'),
  c('exact', '城乡居民基本养老保险', 'name:城乡居民基本养老保险'),
  c('exact', '义务教育招生入学', 'name:义务教育招生入学'),
  c('exact', '耕地地力保护补贴', 'name:耕地地力保护补贴'),
  c('exact', '最低生活保障申请办事指南', 'g:dibao-shenqing'),
  c('exact', '老年人优待证办理指南', 'g:laonianren-youdaizheng'),
  c('exact', '养老金申领', 'name:养老金申领'),
  c('exact', '计划停水通知', 'name:计划停水通知'),
  c('exact', '路灯报修', 'name:路灯报修'),
  c('exact', '欠税公告', 'name:欠税公告'),
  c('exact', '家庭医生签约', 'name:家庭医生签约'),
  c('exact', '农村危房改造', 'name:农村危房改造'),
  c('exact', '防止返贫动态监测', 'name:防止返贫动态监测'),

  // Full pinyin.
  c('pinyin', 'hukouqianyi', 'topic:户口迁移'),
  c('pinyin', 'zuidishenghuobaozhang', 'topic:最低生活保障'),
  c('pinyin', 'linshijiuzhu', 'topic:临时救助'),
  c('pinyin', 'gaolingjintie', 'topic:高龄津贴'),
  c('pinyin', 'falvyuanzhu', 'topic:法律援助'),
  c('pinyin', 'juzhuzheng', 'has:居住证办理'),
  c('pinyin', 'shiyebaoxianjin', 'has:失业保险金', 'g:shiye-baoxianjin'),
  c('pinyin', 'gonggongzulinzhufang', 'topic:公共租赁住房'),
  c('pinyin', 'minzhengju', 'dept:区民政局'),
  c('pinyin', 'chushengdengji', 'topic:出生登记'),
  c('pinyin', 'tekunrenyuan', 'has:特困人员'),
  c('pinyin', 'yiliaojiuzhu', 'topic:医疗救助'),
  c('pinyin', 'zhengfucaigou', 'topic:政府采购'),
  c('pinyin', 'paiwuxuke', 'topic:排污许可'),
  c('pinyin', 'gongshangrending', 'has:工伤认定'),
  c('pinyin', 'hukou qianyi', 'topic:户口迁移'),
  c('pinyin', 'gaoling jintie', 'topic:高龄津贴'),

  // Initials.
  c('initials', 'zdshbz', 'topic:最低生活保障'),
  c('initials', 'hkqy', 'topic:户口迁移'),
  c('initials', 'lsjz', 'topic:临时救助'),
  c('initials', 'gljt', 'topic:高龄津贴'),
  c('initials', 'flyz', 'topic:法律援助'),
  c('initials', 'sybxj', 'has:失业保险金'),
  c('initials', 'yljz', 'topic:医疗救助'),
  c('initials', 'csdj', 'topic:出生登记'),
  c('initials', 'zfcg', 'topic:政府采购'),
  c('initials', 'gddlbhbt', 'topic:耕地地力保护补贴'),
  c('initials', 'tkry', 'has:特困人员'),
  c('initials', 'pwxk', 'topic:排污许可'),

  // Mixed script.
  c('mixed', 'hukou迁移', 'topic:户口迁移'),
  c('mixed', '最低shenghuo保障', 'topic:最低生活保障'),
  c('mixed', 'linshi救助', 'topic:临时救助'),
  c('mixed', '高龄jintie', 'topic:高龄津贴'),
  c('mixed', '法律yuanzhu', 'topic:法律援助'),
  c('mixed', '失业baoxian金', 'has:失业保险金'),
  c('mixed', 'gongshang认定', 'has:工伤认定'),
  c('mixed', '特困renyuan', 'has:特困人员'),
  c('mixed', 'chusheng登记', 'topic:出生登记'),
  c('mixed', '排污xuke', 'topic:排污许可'),

  // Homophone typos.
  c('homophone', '户口签移', 'topic:户口迁移'),
  c('homophone', '最低生活保帐', 'topic:最低生活保障'),
  c('homophone', '临时就助', 'topic:临时救助'),
  c('homophone', '高龄金贴', 'topic:高龄津贴'),
  c('homophone', '法律原助', 'topic:法律援助'),
  c('homophone', '居主证', 'has:居住证办理'),
  c('homophone', '特困人员救助共养', 'topic:特困人员救助供养'),
  c('homophone', '失业保险金申令', 'has:失业保险金'),
  c('homophone', '公共租临住房', 'topic:公共租赁住房'),
  c('homophone', '出生登纪', 'topic:出生登记'),
  c('homophone', '医疗就助', 'topic:医疗救助'),
  c('homophone', '排污许课', 'topic:排污许可'),
  c('homophone', '耕地地力保护补帖', 'topic:耕地地力保护补贴'),
  c('homophone', '工伤认订', 'has:工伤认定'),
  c('homophone', '养老机构被案', 'topic:养老机构备案'),

  // One wrong character, not a homophone.
  c('typo', '最低生话保障', 'topic:最低生活保障'),
  c('typo', '户口迁多', 'topic:户口迁移'),
  c('typo', '高龄律贴', 'topic:高龄津贴'),
  c('typo', '法律援肋', 'topic:法律援助'),
  c('typo', '居往证', 'has:居住证办理'),
  c('typo', '失业保验金', 'has:失业保险金'),
  c('typo', '排污许司', 'topic:排污许可'),
  c('typo', '耕地地方保护补贴', 'topic:耕地地力保护补贴'),
  c(
    'typo',
    '城乡居民基本养老保剑',
    'l1:城乡居民基本养老保险',
    'g:cxjm-yanglao-canbao',
    'g:cxjm-yanglao-daiyu',
  ),
  c('typo', '特团人员救助供养', 'topic:特困人员救助供养'),
  c('typo', '政府来购', 'topic:政府采购'),
  c('typo', '义务教育招生人学', 'topic:义务教育招生入学'),

  // Colloquial terms through the synonym table (content/synonyms.csv).
  c('synonym', '低保', 'topic:最低生活保障'),
  c('synonym', '五保户', 'topic:特困人员救助供养'),
  c('synonym', '廉租房', 'topic:公共租赁住房'),
  c('synonym', '公租房', 'topic:公共租赁住房'),
  c('synonym', '养老金', 'topic:城乡居民基本养老保险', 'topic:企业职工基本养老保险'),
  c('synonym', '退休金', 'topic:企业职工基本养老保险'),
  c('synonym', '失业金', 'has:失业保险金'),
  c('synonym', '医保', 'topic:城乡居民基本医疗保险'),
  c('synonym', '上户口', 'topic:出生登记'),
  c('synonym', '暂住证', 'has:居住证'),
  c('synonym', '身份证丢了', 'topic:居民身份证', 'has:身份证'),
  c('synonym', '上学', 'topic:义务教育招生入学'),
  c('synonym', '拆迁', 'domain:国有土地上房屋征收与补偿'),
  c('synonym', '违建', 'topic:违法建设治理'),
  c('synonym', '开饭店', 'topic:食品经营许可'),
  c('synonym', '长寿金', 'topic:高龄津贴'),
  c('synonym', '老年证', 'topic:老年人优待'),
  c('synonym', '劳动仲裁', 'topic:劳动关系', 'has:劳动人事争议仲裁'),

  // Natural questions.
  c('question', '低保怎么申请', 'topic:最低生活保障'),
  c('question', '户口迁移需要什么材料', 'topic:户口迁移'),
  c('question', '怎么办理居住证', 'has:居住证办理'),
  c('question', '高龄津贴怎么申请', 'topic:高龄津贴'),
  c('question', '如何申请法律援助', 'topic:法律援助'),
  c('question', '在哪里办理出生登记', 'topic:出生登记'),
  c('question', '临时救助需要什么条件', 'topic:临时救助'),
  c('question', '养老机构备案要什么材料', 'topic:养老机构备案'),
  c('question', '工伤认定怎么申请', 'has:工伤认定'),
  c('question', '医疗救助怎么办理', 'topic:医疗救助'),
  c('question', '哪里可以查低保名单', 'topic:最低生活保障'),
  c('question', '孩子上学要什么材料', 'topic:义务教育招生入学'),
  c('question', '失业了怎么领失业金', 'has:失业保险金'),
  c('question', '公租房怎么申请', 'topic:公共租赁住房'),
  c('question', '创业贷款怎么申请', 'has:创业担保贷款'),
  c('question', '失业保险金在哪里领', 'has:失业保险金'),
  c('question', '我想申请特困供养', 'topic:特困人员救助供养'),

  // Departments.
  c('department', '民政局', 'dept:区民政局'),
  c('department', '区民政局', 'dept:区民政局'),
  c('department', '人社局', 'dept:区人力资源和社会保障局'),
  c('department', '社保中心', 'dept:区社会保险中心'),
  c('department', '医保局', 'dept:区医疗保障局'),
  c('department', '税务局', 'dept:国家税务总局某某市某某区税务局'),
  c('department', '教育局', 'dept:区教育局'),
  c('department', '住建局', 'dept:区住房和城乡建设局'),
  c('department', '市场监管局', 'dept:区市场监督管理局'),
  c('department', '城管局', 'dept:区城市管理局'),
  c('department', '司法局', 'dept:区司法局'),
  c('department', '卫健局', 'dept:区卫生健康局'),
];
