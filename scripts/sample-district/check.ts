// Checks the sample district under content/: the spreadsheets read back (exceljs, CSV in both encodings) with the
// expected rows per domain, the required items are there, every guide has the eight 办事一本通 sections, every
// department named exists, synonyms point at real catalogue terms, calendar/notices/departments match the schema.
//   npx tsx scripts/sample-district/check.ts
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import matter from 'gray-matter';
import YAML from 'yaml';
import { FILES, type FileSpec } from './layout.ts';
import { departments } from './departments.ts';
import { CalendarYearSchema, NoticeSchema, DepartmentSchema } from '../../src/core/bundle/schema.ts';
import { CONTENT } from './paths.ts';

export const REQUIRED_DOMAINS = [
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '国有土地上房屋征收与补偿',
  '征地补偿',
  '国土空间规划',
  '保障性住房',
  '农村危房改造',
  '生态环境',
  '公共文化服务',
  '公共法律服务',
  '扶贫',
  '救灾',
  '食品药品监管',
  '城市综合执法',
  '就业创业',
  '社会保险',
  '社会救助',
  '养老服务',
  '涉农补贴',
  '义务教育',
  '卫生健康',
  '市政服务',
  '户籍管理',
];
export const REQUIRED_ITEMS = [
  '最低生活保障',
  '特困人员救助供养',
  '临时救助',
  '城乡居民基本养老保险',
  '失业保险金申领',
  '义务教育招生入学',
  '出生登记',
  '户口迁移',
  '居住证办理',
  '公共租赁住房',
  '农村危房改造',
  '食品经营许可',
  '行政处罚结果',
  '财政预算',
  '建设项目批准',
];
const SECTIONS: Record<string, string[]> = {
  办理条件: ['办理条件'],
  申请材料: ['申请材料'],
  办理流程: ['办理流程'],
  办理时限: ['办理时限'],
  收费标准: ['收费标准', '收费'],
  办理地点和时间: ['办理地点和时间', '地点与时间', '办理地点'],
  咨询电话: ['咨询电话', '咨询方式'],
  监督投诉: ['监督投诉', '监督投诉方式', '投诉举报'],
};

interface Row {
  domain: string;
  l1: string;
  l2: string;
  l3: string;
}

const errors: string[] = [];
const fail = (m: string) => errors.push(m);

/** Reads a sheet as text rows, a merged cell's value copied to every cell it spans. */
function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      const v = cell.isMerged ? cell.master.value : cell.value;
      cells.push(v == null ? '' : String(v));
    }
    out[r - 1] = cells;
  });
  return out;
}

/** Reads a CSV as Excel saved it; blank 领域/一级/二级 cells below a value repeat it (what a merge meant). */
function csvRows(buf: Buffer): string[][] {
  const utf8Bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const text = utf8Bom ? buf.subarray(3).toString('utf8') : new TextDecoder('gb18030').decode(buf);
  return parseCsv(text, { relax_column_count: true }) as string[][];
}

function itemsOf(rows: string[][], where: string, sheetDomain: string | null): Row[] {
  const h1 = rows[1] ?? [];
  const h2 = rows[2] ?? [];
  const col = (label: string) => {
    const i = h2.indexOf(label);
    return i >= 0 ? i : h1.indexOf(label);
  };
  const [cd, c1, c2, c3] = [col('领域'), col('一级事项'), col('二级事项'), col('三级事项')];
  if (c1 < 0 || c2 < 0) fail(`${where}: no 一级事项/二级事项 header`);
  const out: Row[] = [];
  let last: Row = { domain: '', l1: '', l2: '', l3: '' };
  for (const r of rows.slice(3)) {
    if (!r.some((v) => v.trim())) continue;
    const domain = (cd >= 0 ? r[cd] : sheetDomain) || last.domain;
    const l1 = r[c1] || (domain === last.domain ? last.l1 : '');
    const l2 = r[c2] || (l1 === last.l1 ? last.l2 : '');
    const row = { domain: domain ?? '', l1, l2, l3: c3 >= 0 ? (r[c3] ?? '') : '' };
    if (!row.domain || !row.l1) fail(`${where}: row without 领域 or 一级事项: ${r.join('|')}`);
    out.push(row);
    last = row;
  }
  return out;
}

function domainFromTitle(title: string): string | null {
  const m = /某某区(.+?)领域/.exec(title);
  return m ? m[1]! : null;
}

async function readFile(spec: FileSpec): Promise<Map<string, Row[]>> {
  const path = join(CONTENT, 'catalogue', spec.file);
  const bySheet = new Map<string, Row[]>();
  if (spec.format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    for (const ws of wb.worksheets) {
      const rows = sheetRows(ws);
      bySheet.set(ws.name, itemsOf(rows, `${spec.file}[${ws.name}]`, domainFromTitle(rows[0]?.[0] ?? '')));
    }
  } else {
    const buf = readFileSync(path);
    const wantBom = spec.format === 'csv-utf8-bom';
    if (wantBom !== (buf[0] === 0xef)) fail(`${spec.file}: BOM expected ${wantBom}`);
    if (!buf.includes(Buffer.from('\r\n'))) fail(`${spec.file}: expected CRLF line ends`);
    const rows = csvRows(buf);
    bySheet.set('csv', itemsOf(rows, spec.file, domainFromTitle(rows[0]?.[0] ?? '')));
  }
  return bySheet;
}

function deptNames(): Set<string> {
  const s = new Set<string>();
  for (const d of departments) [d.name, ...d.aliases].forEach((n) => s.add(n));
  return s;
}

export async function runChecks(): Promise<boolean> {
  // 1. Catalogue read back.
  const all: Row[] = [];
  const perDomain = new Map<string, number>();
  for (const spec of FILES) {
    const read = await readFile(spec);
    const got = [...read.values()].flat();
    const want = spec.sheets.flatMap((s) =>
      s.domains.flatMap((d) =>
        d.items.map((i) => ({ domain: d.name, l1: i.l1, l2: i.l2 ?? '', l3: i.l3 ?? '' })),
      ),
    );
    if (got.length !== want.length) fail(`${spec.file}: read ${got.length} rows, expected ${want.length}`);
    want.forEach((w, i) => {
      const g = got[i];
      if (!g || g.domain !== w.domain || g.l1 !== w.l1 || g.l2 !== w.l2 || g.l3 !== w.l3)
        fail(`${spec.file}: row ${i + 1} reads ${JSON.stringify(g)}, expected ${JSON.stringify(w)}`);
    });
    for (const r of got) perDomain.set(r.domain, (perDomain.get(r.domain) ?? 0) + 1);
    all.push(...got);
  }
  const templateOf = new Map<string, string>();
  for (const f of FILES)
    for (const s of f.sheets) for (const d of s.domains) templateOf.set(d.name, `${f.template} ${f.format}`);
  console.log('\nitems per domain:');
  for (const [d, n] of perDomain) console.log(`  ${String(n).padStart(3)}  ${d}  (${templateOf.get(d)})`);
  console.log(`  ${all.length} in total`);
  if (all.length < 420) fail(`only ${all.length} catalogue items, need 420`);
  for (const d of REQUIRED_DOMAINS) if (!perDomain.has(d)) fail(`domain missing: ${d}`);
  const l1s = new Set(all.map((r) => r.l1));
  for (const it of REQUIRED_ITEMS) if (!l1s.has(it)) fail(`required 一级事项 missing: ${it}`);
  const dibao = all.filter((r) => r.l1 === '最低生活保障').map((r) => r.l2);
  for (const l2 of ['办事指南', '审核信息', '救助对象名单'])
    if (!dibao.includes(l2)) fail(`最低生活保障 lacks 二级事项 ${l2}`);

  // 2. Departments.
  const names = deptNames();
  for (const d of departments) {
    const r = DepartmentSchema.safeParse({ ...d });
    if (!r.success) fail(`department ${d.id}: ${r.error.message}`);
  }
  const publishers = new Set<string>();
  for (const f of FILES)
    for (const s of f.sheets)
      for (const d of s.domains)
        for (const i of d.items) i.publisher.split('、').forEach((p) => publishers.add(p));
  for (const p of publishers) if (!names.has(p)) fail(`公开主体 not in departments.csv: ${p}`);
  const csvDepts = readFileSync(join(CONTENT, 'departments.csv'), 'utf8');
  const parsedDepts = parseCsv(csvDepts, { columns: true }) as Record<string, string>[];
  if (parsedDepts.length !== departments.length) fail('departments.csv out of date: run generate.ts');

  // 3. Guides.
  const itemKeys = new Set<string>();
  for (const r of all) {
    itemKeys.add(r.l1);
    if (r.l2) itemKeys.add(`${r.l1}/${r.l2}`);
    if (r.l3) itemKeys.add(`${r.l1}/${r.l2}/${r.l3}`);
  }
  const guideDir = join(CONTENT, 'guides');
  const guides = readdirSync(guideDir).filter((f) => f.endsWith('.md'));
  const covered = new Set<string>();
  for (const f of guides) {
    const g = matter(readFileSync(join(guideDir, f), 'utf8'));
    const fm = g.data as {
      title?: string;
      department?: string;
      items?: string[];
      attachments?: { file: string }[];
    };
    if (!fm.title) fail(`guides/${f}: no title`);
    if (!fm.department || !names.has(fm.department)) fail(`guides/${f}: unknown department ${fm.department}`);
    for (const it of fm.items ?? []) {
      if (!itemKeys.has(it)) fail(`guides/${f}: item not in catalogue: ${it}`);
      covered.add(it.split('/')[0]!);
    }
    for (const a of fm.attachments ?? [])
      if (!existsSync(join(CONTENT, 'attachments', a.file)))
        fail(`guides/${f}: attachment missing: ${a.file}`);
    const headings = [...g.content.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
    for (const [s, variants] of Object.entries(SECTIONS))
      if (!headings.some((h) => variants.includes(h))) fail(`guides/${f}: section missing: ${s}`);
    if (!g.content.trim().split('\n')[0]!.trim() || g.content.trim().startsWith('##'))
      fail(`guides/${f}: no overview paragraph`);
  }
  console.log(`\n${guides.length} guides`);
  if (guides.length < 42) fail(`only ${guides.length} guides, need 42`);
  for (const it of REQUIRED_ITEMS) if (!covered.has(it)) fail(`no guide for required item ${it}`);

  // 4. Interpretations.
  const intDir = join(CONTENT, 'interpretations');
  const ints = readdirSync(intDir).filter((f) => f.endsWith('.md'));
  for (const f of ints) {
    const g = matter(readFileSync(join(intDir, f), 'utf8'));
    const fm = g.data as { policy?: string; department?: string; items?: string[]; date?: unknown };
    const qs = [...g.content.matchAll(/^## (.+)$/gm)].length;
    if (qs < 4 || qs > 8) fail(`interpretations/${f}: ${qs} questions (want 4–8)`);
    if (!fm.policy || !/〔20\d\d〕\d+号|批准/.test(fm.policy))
      fail(`interpretations/${f}: policy without 文号`);
    if (!fm.department || !names.has(fm.department))
      fail(`interpretations/${f}: unknown department ${fm.department}`);
    for (const it of fm.items ?? [])
      if (!itemKeys.has(it)) fail(`interpretations/${f}: item not in catalogue: ${it}`);
  }
  console.log(`${ints.length} interpretations`);
  if (ints.length !== 11) fail(`expected 11 interpretations, found ${ints.length}`);

  // 5. Synonyms: every official term is a catalogue item name (any level), a domain or a guide title.
  const terms = new Set<string>([...all.flatMap((r) => [r.l1, r.l2, r.l3]), ...perDomain.keys()]);
  for (const f of guides) terms.add(f.replace(/\.md$/, ''));
  terms.add('政府信息公开申请');
  const syn = parseCsv(readFileSync(join(CONTENT, 'synonyms.csv'), 'utf8'), { columns: true }) as {
    口语词: string;
    规范词: string;
  }[];
  const seen = new Set<string>();
  for (const s of syn) {
    if (seen.has(s.口语词)) fail(`synonyms.csv: duplicate ${s.口语词}`);
    seen.add(s.口语词);
    for (const t of s.规范词.split(/[、；]/))
      if (!terms.has(t)) fail(`synonyms.csv: ${s.口语词} → ${t} is not a catalogue term`);
    if (s.规范词.split(/[、；]/).includes(s.口语词)) fail(`synonyms.csv: ${s.口语词} maps to itself`);
  }
  console.log(`${syn.length} synonyms`);
  if (syn.length < 160) fail('fewer than 160 synonyms');

  // 6. Calendar, notices, site.
  const cal = YAML.parse(readFileSync(join(CONTENT, 'calendar.yaml'), 'utf8')) as unknown[];
  for (const y of cal) {
    const r = CalendarYearSchema.safeParse(y);
    if (!r.success) fail(`calendar.yaml: ${r.error.message}`);
  }
  const y2026 = (
    cal as { year: number; workdays: string[]; holidays: { start: string; end: string }[] }[]
  ).find((y) => y.year === 2026);
  for (const w of y2026?.workdays ?? []) {
    const day = new Date(`${w}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) fail(`calendar.yaml: make-up day ${w} is not a weekend day`);
  }
  const notices = YAML.parse(readFileSync(join(CONTENT, 'notices.yaml'), 'utf8')) as unknown[];
  for (const n of notices) {
    const r = NoticeSchema.safeParse(n);
    if (!r.success) fail(`notices.yaml: ${r.error.message}`);
  }
  const site = YAML.parse(readFileSync(join(CONTENT, 'site.yaml'), 'utf8')) as Record<string, unknown>;
  if (site.site !== 'moumou-district' || site.validDays !== 180) fail('site.yaml: unexpected values');

  // 7. Attachments: size limit and a PDF whose xref offsets point at its objects.
  for (const f of readdirSync(join(CONTENT, 'attachments'))) {
    const buf = readFileSync(join(CONTENT, 'attachments', f));
    if (buf.length > 50 * 1024) fail(`attachments/${f}: over 50 KB`);
    if (f.endsWith('.pdf')) {
      const text = buf.toString('latin1');
      const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
      if (!text.startsWith('%PDF-') || text.slice(xref, xref + 4) !== 'xref')
        fail(`attachments/${f}: bad startxref`);
      const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      offsets.forEach((o, i) => {
        if (!text.slice(o).startsWith(`${i + 1} 0 obj`)) fail(`attachments/${f}: xref entry ${i + 1} is off`);
      });
    }
    if (f.endsWith('.png') && buf.readUInt32BE(0) !== 0x89504e47) fail(`attachments/${f}: not a PNG`);
  }

  if (errors.length) {
    console.error(`\n${errors.length} problem(s):`);
    for (const e of errors) console.error(`  - ${e}`);
    return false;
  }
  console.log('\nsample district OK');
  return true;
}

if (process.argv[1]?.endsWith('check.ts')) {
  process.exitCode = (await runChecks()) ? 0 : 1;
}
