// The domain (领域) of a catalogue sheet when no 领域 column says it: from the title row, else the file name.
import { basename, extname } from 'node:path';

/** The 26 pilot domains of the national guidelines; a title ending in one of them is read as that domain. */
const KNOWN_DOMAINS = [
  '国土空间规划',
  '征地补偿',
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '救灾',
  '国有土地上房屋征收',
  '保障性住房',
  '农村危房改造',
  '环境保护',
  '生态环境',
  '公共文化服务',
  '公共法律服务',
  '扶贫',
  '食品药品监管',
  '城市综合执法',
  '就业创业',
  '社会保险',
  '社会救助',
  '养老服务',
  '涉农补贴',
  '义务教育',
  '医疗卫生',
  '市政服务',
  '户籍管理',
  '税收管理',
  '卫生健康',
  '退役军人服务',
];

/**
 * "某某省某某市某某区" style prefixes: at least two characters, then an administrative suffix. 乡 of 城乡 or 乡村 is
 * none (城乡规划, 乡村振兴 are domain words, and no place name ends so).
 */
const AREA_PREFIX =
  /^.{2,}?(?:省|自治区|市|区|县|旗|镇|(?<!城)乡(?!村)|街道办事处|街道|管理处)(?:人民政府)?/u;
/**
 * A bureau named before the domain in its own list (某某市自然资源和规划局某某分局城乡规划, 某某区住房和城市更新局
 * 住房保障): everything up to its last 局, 委员会 or 办公室 is who compiled the list, not the domain.
 */
const BUREAU_PREFIX = /^.*(?:局|委员会|办公室)(?=.{2,}$)/u;
const AREA_SUFFIX = /(?:省|市|区|县|旗|镇|乡|街道|办事处|人民政府|政府)$/u;
const YEAR_PREFIX = /^(?:\d{4}\s*年(?:度)?)/u;

/** Drops the district (and year) in front of a domain name: 2024年某某区社会救助 → 社会救助. */
function stripArea(text: string): string {
  let s = text.replace(/\s+/g, '').replace(YEAR_PREFIX, '');
  const known = KNOWN_DOMAINS.find((d) => s.endsWith(d));
  if (known) return known;
  s = s.replace(BUREAU_PREFIX, '');
  for (;;) {
    const m = AREA_PREFIX.exec(s);
    // Keep names like 城市综合执法 or 市政服务 whole: strip only when a real name (2+ chars) remains.
    if (!m || s.length - m[0].length < 2) return s;
    s = s.slice(m[0].length);
  }
}

/** Domain from a title like 某某区社会救助领域基层政务公开事项标准目录 or 养老服务领域政务公开事项目录. */
export function domainFromTitle(title: string): string | null {
  const t = title.replace(/\s+/g, '');
  const withField = /^(.+?)领域/u.exec(t);
  if (withField?.[1]) {
    const d = stripArea(withField[1]);
    return d || null;
  }
  // Without 领域: 某某区社会救助政务公开事项标准目录 (but not 某某区政务公开事项标准目录).
  const noField = /^(.+?)(?:基层)?政务公开(?:事项)?(?:标准)?目录/u.exec(t);
  if (noField?.[1]) {
    const d = stripArea(noField[1].replace(/基层$/u, ''));
    if (d && !AREA_SUFFIX.test(d)) return d;
  }
  return null;
}

const AREA_END = /(?:省|自治区|市|区|县|旗|镇|乡|街道|街道办事处|管理处)$/u;

/**
 * The administrative area a catalogue title names before its domain: 某某区 in
 * 2026年某某区社会救助领域基层政务公开事项标准目录, or in 某某区政务公开事项标准目录. Null when the title names none.
 */
export function areaFromTitle(title: string): string | null {
  const t = title.replace(/\s+/g, '').replace(YEAR_PREFIX, '');
  if (!t.includes('目录')) return null;
  const domain = domainFromTitle(t);
  const end = domain ? t.indexOf(domain) : t.search(/(?:基层)?政务公开/u);
  if (end <= 0) return null;
  const area = t.slice(0, end).replace(/(?:人民政府|政府)$/u, '');
  return AREA_END.test(area) && area.length >= 2 ? area : null;
}

/** Domain from a file name: 社会救助.xlsx, 12-社会救助.csv, 社会救助目录.csv, or a whole title. */
export function domainFromFileName(path: string): string | null {
  const stem = basename(path, extname(path))
    .trim()
    .replace(/^\d+\s*[-_.、．）)\s]\s*/u, '');
  const fromTitle = domainFromTitle(stem);
  if (fromTitle) return fromTitle;
  const d = stem
    .replace(/(?:标准)?目录$/u, '')
    .replace(/领域$/u, '')
    .trim();
  return d || null;
}

/** A 领域 cell: "社会救助领域" and "社会救助" are the same domain. */
export const normaliseDomain = (cell: string) => cell.replace(/\s+/g, '').replace(/领域$/u, '');
