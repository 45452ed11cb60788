// Relevance queries over the sample district (content/). Each case says what a visitor types and which documents
// answer it. Matchers are by name, not by generated id, so the set survives edits to the sample spreadsheets:
//   name:X   an item with a level named X, or a guide/interpretation titled X
//   l1:X     an item whose 一级事项 is X
//   leaf:X   an item whose most specific level is X
//   has:X    any result whose title contains X
//   g:ID     the guide with id ID
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
  c('pinyin', 'hukouqianyi', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('pinyin', 'zuidishenghuobaozhang', 'l1:最低生活保障', 'g:dibao-shenqing'),
  c('pinyin', 'linshijiuzhu', 'l1:临时救助', 'g:linshi-jiuzhu'),
  c('pinyin', 'gaolingjintie', 'l1:高龄津贴', 'g:gaoling-jintie'),
  c('pinyin', 'falvyuanzhu', 'l1:法律援助'),
  c('pinyin', 'juzhuzheng', 'has:居住证办理'),
  c('pinyin', 'shiyebaoxianjin', 'has:失业保险金', 'g:shiye-baoxianjin'),
  c('pinyin', 'gonggongzulinzhufang', 'l1:公共租赁住房'),
  c('pinyin', 'minzhengju', 'dept:区民政局'),
  c('pinyin', 'chushengdengji', 'l1:出生登记', 'g:chusheng-dengji'),
  c('pinyin', 'tekunrenyuan', 'has:特困人员'),
  c('pinyin', 'yiliaojiuzhu', 'l1:医疗救助', 'g:yiliao-jiuzhu'),
  c('pinyin', 'zhengfucaigou', 'l1:政府采购'),
  c('pinyin', 'paiwuxuke', 'l1:排污许可'),
  c('pinyin', 'gongshangrending', 'has:工伤认定'),
  c('pinyin', 'hukou qianyi', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('pinyin', 'gaoling jintie', 'l1:高龄津贴', 'g:gaoling-jintie'),

  // Initials.
  c('initials', 'zdshbz', 'l1:最低生活保障', 'g:dibao-shenqing'),
  c('initials', 'hkqy', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('initials', 'lsjz', 'l1:临时救助', 'g:linshi-jiuzhu'),
  c('initials', 'gljt', 'l1:高龄津贴', 'g:gaoling-jintie'),
  c('initials', 'flyz', 'l1:法律援助'),
  c('initials', 'sybxj', 'has:失业保险金'),
  c('initials', 'yljz', 'l1:医疗救助', 'g:yiliao-jiuzhu'),
  c('initials', 'csdj', 'l1:出生登记', 'g:chusheng-dengji'),
  c('initials', 'zfcg', 'l1:政府采购'),
  c('initials', 'gdllbhbt', 'l1:耕地地力保护补贴'),
  c('initials', 'tkry', 'has:特困人员'),
  c('initials', 'pwxk', 'l1:排污许可'),

  // Mixed script.
  c('mixed', 'hukou迁移', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('mixed', '最低shenghuo保障', 'l1:最低生活保障', 'g:dibao-shenqing'),
  c('mixed', 'linshi救助', 'l1:临时救助', 'g:linshi-jiuzhu'),
  c('mixed', '高龄jintie', 'l1:高龄津贴', 'g:gaoling-jintie'),
  c('mixed', '法律yuanzhu', 'l1:法律援助'),
  c('mixed', '失业baoxian金', 'has:失业保险金'),
  c('mixed', 'gongshang认定', 'has:工伤认定'),
  c('mixed', '特困renyuan', 'has:特困人员'),
  c('mixed', 'chusheng登记', 'l1:出生登记', 'g:chusheng-dengji'),
  c('mixed', '排污xuke', 'l1:排污许可'),

  // Homophone typos.
  c('homophone', '户口签移', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('homophone', '最低生活保帐', 'l1:最低生活保障', 'g:dibao-shenqing'),
  c('homophone', '临时就助', 'l1:临时救助', 'g:linshi-jiuzhu'),
  c('homophone', '高龄金贴', 'l1:高龄津贴', 'g:gaoling-jintie'),
  c('homophone', '法律原助', 'l1:法律援助'),
  c('homophone', '居主证', 'has:居住证办理'),
  c('homophone', '特困人员救助共养', 'l1:特困人员救助供养', 'g:tekun-gongyang'),
  c('homophone', '失业保险金申令', 'has:失业保险金'),
  c('homophone', '公共租临住房', 'l1:公共租赁住房'),
  c('homophone', '出生登纪', 'l1:出生登记', 'g:chusheng-dengji'),
  c('homophone', '医疗就助', 'l1:医疗救助', 'g:yiliao-jiuzhu'),
  c('homophone', '排污许课', 'l1:排污许可'),
  c('homophone', '耕地地力保护补帖', 'l1:耕地地力保护补贴'),
  c('homophone', '工伤认订', 'has:工伤认定'),
  c('homophone', '养老机构被案', 'l1:养老机构备案', 'g:yanglao-jigou-beian'),

  // One wrong character, not a homophone.
  c('typo', '最低生话保障', 'l1:最低生活保障', 'g:dibao-shenqing'),
  c('typo', '户口迁多', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('typo', '高龄律贴', 'l1:高龄津贴', 'g:gaoling-jintie'),
  c('typo', '法律援肋', 'l1:法律援助'),
  c('typo', '居往证', 'has:居住证办理'),
  c('typo', '失业保验金', 'has:失业保险金'),
  c('typo', '排污许司', 'l1:排污许可'),
  c('typo', '耕地地方保护补贴', 'l1:耕地地力保护补贴'),
  c(
    'typo',
    '城乡居民基本养老保剑',
    'l1:城乡居民基本养老保险',
    'g:cxjm-yanglao-canbao',
    'g:cxjm-yanglao-daiyu',
  ),
  c('typo', '特团人员救助供养', 'l1:特困人员救助供养', 'g:tekun-gongyang'),
  c('typo', '政府来购', 'l1:政府采购'),
  c('typo', '义务教育招生人学', 'l1:义务教育招生入学'),

  // Natural questions.
  c('question', '低保怎么申请', 'l1:最低生活保障', 'g:dibao-shenqing'),
  c('question', '户口迁移需要什么材料', 'l1:户口迁移', 'g:hukou-qianyi'),
  c('question', '怎么办理居住证', 'has:居住证办理'),
  c('question', '高龄津贴怎么申请', 'l1:高龄津贴', 'g:gaoling-jintie'),
  c('question', '如何申请法律援助', 'l1:法律援助'),
  c('question', '在哪里办理出生登记', 'l1:出生登记', 'g:chusheng-dengji'),
  c('question', '临时救助需要什么条件', 'l1:临时救助', 'g:linshi-jiuzhu'),
  c('question', '养老机构备案要什么材料', 'l1:养老机构备案', 'g:yanglao-jigou-beian'),
  c('question', '工伤认定怎么申请', 'has:工伤认定'),
  c('question', '医疗救助怎么办理', 'l1:医疗救助', 'g:yiliao-jiuzhu'),
  c('question', '哪里可以查低保名单', 'l1:最低生活保障'),
  c('question', '创业贷款怎么申请', 'has:创业担保贷款'),
  c('question', '失业保险金在哪里领', 'has:失业保险金'),
  c('question', '我想申请特困供养', 'l1:特困人员救助供养', 'g:tekun-gongyang'),

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
