// Every interface string of the kiosk, keyed by id, in zh-CN (shown) and English (for the later language switch).
// Published content (item names, guides...) is never translated; only the interface is.

export type Lang = 'zh-CN' | 'en';

const STRINGS = {
  'app.title': { 'zh-CN': '政务公开专区', en: 'Government Information Disclosure Zone' },
  'nav.back': { 'zh-CN': '返回', en: 'Back' },
  'nav.home': { 'zh-CN': '首页', en: 'Home' },
  'nav.main': { 'zh-CN': '页面导航', en: 'Page navigation' },
  'search.short': { 'zh-CN': '搜索', en: 'Search' },
  'search.label': {
    'zh-CN': '搜索政务公开事项、办事指南、政策解读',
    en: 'Search items, guides and interpretations',
  },
  'search.placeholder': {
    'zh-CN': '输入关键词或拼音，如：低保、dibao',
    en: 'Type words or pinyin, e.g. dibao',
  },
  'search.clear': { 'zh-CN': '清空搜索', en: 'Clear search' },
  'search.results': { 'zh-CN': '搜索结果', en: 'Search results' },
  'search.count': { 'zh-CN': '共找到 {n} 条', en: '{n} found' },
  'search.searching': { 'zh-CN': '正在搜索…', en: 'Searching…' },
  'search.group.item': { 'zh-CN': '事项', en: 'Items' },
  'search.group.guide': { 'zh-CN': '办事指南', en: 'Service guides' },
  'search.group.interpretation': { 'zh-CN': '政策解读', en: 'Policy interpretations' },
  'search.none.title': { 'zh-CN': '没有找到“{q}”的相关内容', en: 'Nothing found for “{q}”' },
  'search.none.didYouMean': { 'zh-CN': '您是不是要找：', en: 'Did you mean:' },
  'search.none.tips': {
    'zh-CN': '可以换个说法试试，比如用更短的词，或者按领域浏览。',
    en: 'Try other or shorter words, or browse by area.',
  },
  'search.none.browse': { 'zh-CN': '按领域浏览', en: 'Browse by area' },
  'search.none.desk': { 'zh-CN': '请到服务台咨询工作人员', en: 'Ask the staff at the service desk' },
  'search.none.deskAt': { 'zh-CN': '服务台位置：{where}', en: 'Service desk: {where}' },
  'search.none.apply': { 'zh-CN': '申请政府信息公开', en: 'Request government information' },
  'home.domains': { 'zh-CN': '按领域浏览', en: 'Browse by area' },
  'home.departments': { 'zh-CN': '按部门浏览', en: 'Browse by department' },
  'home.recent': { 'zh-CN': '最近更新', en: 'Recently updated' },
  'home.itemsCount': { 'zh-CN': '{n} 项', en: '{n} items' },
  'browse.title': { 'zh-CN': '按领域浏览', en: 'Browse by area' },
  'browse.departments': { 'zh-CN': '按部门浏览', en: 'Browse by department' },
  'browse.items': { 'zh-CN': '事项', en: 'Items' },
  'browse.empty': { 'zh-CN': '这里还没有内容', en: 'Nothing here yet' },
  'item.name': { 'zh-CN': '事项名称', en: 'Name' },
  'item.domain': { 'zh-CN': '所属领域', en: 'Area' },
  'item.content': { 'zh-CN': '公开内容', en: 'Content disclosed' },
  'item.basis': { 'zh-CN': '公开依据', en: 'Legal basis' },
  'item.timeLimit': { 'zh-CN': '公开时限', en: 'Time limit' },
  'item.publisher': { 'zh-CN': '公开主体', en: 'Publisher' },
  'item.disclosure': { 'zh-CN': '公开方式', en: 'Disclosure' },
  'item.channels': { 'zh-CN': '公开渠道和载体', en: 'Channels' },
  'item.audience': { 'zh-CN': '公开对象', en: 'Audience' },
  'item.tier': { 'zh-CN': '公开层级', en: 'Level' },
  'item.stages': { 'zh-CN': '“五公开”阶段', en: 'Disclosure stage' },
  'item.guides': { 'zh-CN': '相关办事指南', en: 'Related guides' },
  'item.interpretations': { 'zh-CN': '相关政策解读', en: 'Related interpretations' },
  'item.contact': { 'zh-CN': '联系部门', en: 'Contact' },
  'item.qr': { 'zh-CN': '用手机扫码查看网上公开页面', en: 'Scan to open the web page on your phone' },
  'item.qrAlt': { 'zh-CN': '{name}网上公开页面的二维码', en: 'QR code of the web page for {name}' },
  'item.none': { 'zh-CN': '无', en: 'None' },
  'dept.address': { 'zh-CN': '地址', en: 'Address' },
  'dept.hours': { 'zh-CN': '办公时间', en: 'Hours' },
  'dept.phone': { 'zh-CN': '电话', en: 'Phone' },
  'dept.window': { 'zh-CN': '窗口', en: 'Window' },
  'dept.items': { 'zh-CN': '本部门公开的事项', en: 'Items published by this department' },
  'guide.overview': { 'zh-CN': '概述', en: 'Overview' },
  'guide.attachments': { 'zh-CN': '附件', en: 'Attachments' },
  'guide.docQr': { 'zh-CN': '扫码下载：{name}', en: 'Scan to download: {name}' },
  'guide.updated': { 'zh-CN': '更新日期：{date}', en: 'Updated: {date}' },
  'guide.department': { 'zh-CN': '办理部门：{name}', en: 'Department: {name}' },
  'guide.items': { 'zh-CN': '相关事项', en: 'Related items' },
  'guide.emptySection': {
    'zh-CN': '暂无内容，请咨询办理部门。',
    en: 'Not provided; please ask the department.',
  },
  'interp.policy': { 'zh-CN': '解读文件：{policy}', en: 'Policy: {policy}' },
  'interp.date': { 'zh-CN': '发布日期：{date}', en: 'Published: {date}' },
  'interp.qa': { 'zh-CN': '问答', en: 'Questions and answers' },
  'interp.q': { 'zh-CN': '问', en: 'Q' },
  'interp.a': { 'zh-CN': '答', en: 'A' },
  'apply.title': { 'zh-CN': '申请政府信息公开', en: 'Request government information' },
  'apply.soon': {
    'zh-CN': '在线申请功能即将开放，请先到服务台办理。',
    en: 'Coming soon; please ask at the service desk.',
  },
  'state.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'state.importing': {
    'zh-CN': '正在准备内容（{done}/{total}）…',
    en: 'Preparing content ({done}/{total})…',
  },
  'state.noBundle': {
    'zh-CN': '本机暂时没有可用的公开内容，请联系工作人员。',
    en: 'No content is available on this terminal yet; please contact staff.',
  },
  'state.notFound': { 'zh-CN': '没有找到这个页面', en: 'Page not found' },
  'state.error': { 'zh-CN': '出现问题：{message}', en: 'Something went wrong: {message}' },
  'type.item': { 'zh-CN': '事项', en: 'Item' },
  'type.guide': { 'zh-CN': '办事指南', en: 'Guide' },
  'type.interpretation': { 'zh-CN': '政策解读', en: 'Interpretation' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringId = keyof typeof STRINGS;

let current: Lang = 'zh-CN';

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function getLang(): Lang {
  return current;
}

/** Looks up an interface string and fills `{name}` placeholders. */
export function t(id: StringId, vars?: Record<string, string | number>): string {
  const text: string = STRINGS[id][current];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** For tests: every id with both languages. */
export const ALL_STRINGS: Readonly<Record<StringId, Record<Lang, string>>> = STRINGS;
