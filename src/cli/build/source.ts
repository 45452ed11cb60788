// Loads a whole bundle source folder into BundleData (minus the search index), collecting every problem
// rather than stopping at the first, so staff can fix a spreadsheet in one pass.
import { access, readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { sha256Hex } from '../../core/bundle/encoding.ts';
import type {
  BundleData,
  CatalogueItem,
  Department,
  Guide,
  Interpretation,
} from '../../core/bundle/schema.ts';
import {
  CATALOGUE_EXTENSIONS,
  importCatalogueFile,
  UNREADABLE_CATALOGUE_TYPES,
  type ImportedItem,
} from '../import/catalogue.ts';
import type { SourceProblem } from '../problems.ts';
import { loadGuides } from './guides.ts';
import { loadInterpretations } from './interpretations.ts';
import { loadDepartments, loadSynonyms } from './tables.ts';
import { loadCalendar, loadNotices, loadSite, SiteSchema, type SiteSettings } from './yaml-files.ts';

export type SourceData = Omit<BundleData, 'searchIndex'>;

export interface LoadedSource {
  data: SourceData;
  site: SiteSettings | null;
  /** Content-addressed attachments: bundle path → bytes. */
  attachments: Map<string, Uint8Array>;
  problems: SourceProblem[];
}

export interface LoadOptions {
  /** Called after each catalogue file, for the progress bar. */
  onCatalogueFile?: (done: number, total: number, file: string) => void;
}

/** The id of a catalogue item: stable across builds as long as its domain and names stay the same. */
export async function itemId(domain: string, level1: string, level2: string | null, level3: string | null) {
  const key = [domain, level1, level2 ?? '', level3 ?? ''].join('\u0000');
  return `i${(await sha256Hex(new TextEncoder().encode(key))).slice(0, 12)}`;
}

export async function loadSource(sourceDir: string, opts: LoadOptions = {}): Promise<LoadedSource> {
  const problems: SourceProblem[] = [];
  const hasSiteFile = await access(join(sourceDir, 'site.yaml')).then(
    () => true,
    () => false,
  );
  const site = hasSiteFile ? await loadSite(sourceDir, problems) : null;
  const { items: catalogue, areas } = await loadCatalogue(sourceDir, problems, opts);
  const departments = await loadDepartments(sourceDir, problems);
  const attachments = new Map<string, Uint8Array>();
  const guideDrafts = await loadGuides(sourceDir, attachments, problems);
  const interpretationDrafts = await loadInterpretations(sourceDir, problems);

  const resolveDepartment = departmentResolver(departments);
  const linkItems = itemLinker(catalogue);
  const guides: Guide[] = guideDrafts.map(({ itemRefs, file, ...g }) => ({
    ...g,
    department: canonicalDepartment(g.department, file, resolveDepartment, problems),
    itemIds: linkItems(itemRefs, file, problems),
    source: { file },
  }));
  const interpretations: Interpretation[] = interpretationDrafts.map(({ itemRefs, file, ...p }) => ({
    ...p,
    department: canonicalDepartment(p.department, file, resolveDepartment, problems),
    itemIds: linkItems(itemRefs, file, problems),
    source: { file },
  }));
  checkUnique('guides', guides, problems);
  checkUnique('interpretations', interpretations, problems);

  // Back-links so an item page lists its guides and interpretations without scanning them.
  const byId = new Map(catalogue.map((item) => [item.id, item]));
  for (const g of guides) for (const id of g.itemIds) byId.get(id)?.guideIds.push(g.id);
  for (const p of interpretations) for (const id of p.itemIds) byId.get(id)?.interpretationIds.push(p.id);

  return {
    site: hasSiteFile ? site : defaultSite(sourceDir, areas, problems),
    attachments,
    problems,
    data: {
      catalogue,
      guides,
      interpretations,
      departments,
      notices: await loadNotices(sourceDir, problems),
      synonyms: await loadSynonyms(sourceDir, problems),
      calendar: await loadCalendar(sourceDir, problems),
    },
  };
}

/**
 * Site settings for a folder without site.yaml, so a clerk's first build works: the area the catalogue
 * titles name (某某区 → site moumouqu, 某某区政务公开专区), else the folder name; a warning says what was used.
 */
function defaultSite(sourceDir: string, areas: string[], problems: SourceProblem[]): SiteSettings {
  const counts = new Map<string, number>();
  for (const a of areas) counts.set(a, (counts.get(a) ?? 0) + 1);
  const area = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const folder = basename(resolve(sourceDir));
  const slug = (text: string) =>
    pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '');
  const site = SiteSchema.parse({
    site: slug(area ?? folder) || 'zone',
    siteName: area ? `${area}政务公开专区` : '政务公开专区',
  });
  problems.push({
    severity: 'warning',
    file: 'site.yaml',
    message:
      `缺少 site.yaml：已按${area ? '目录标题' : '文件夹名'}使用 site: ${site.site}、siteName: ${site.siteName}、` +
      `有效期 ${site.validDays} 天；终端配置了其他站点编号时请添加 site.yaml ` +
      `(site.yaml missing: defaults used, add site.yaml to choose them)`,
  });
  return site;
}

async function loadCatalogue(
  sourceDir: string,
  problems: SourceProblem[],
  opts: LoadOptions,
): Promise<{ items: CatalogueItem[]; areas: string[] }> {
  const dir = join(sourceDir, 'catalogue');
  let names: string[];
  try {
    const visible = (await readdir(dir)).filter((f) => !f.startsWith('~$') && !f.startsWith('.')).sort();
    names = visible.filter((f) => CATALOGUE_EXTENSIONS.has(extname(f).toLowerCase()));
    // A catalogue saved as .doc or .pdf would otherwise vanish from the kiosk without a word.
    for (const f of visible) {
      const advice = UNREADABLE_CATALOGUE_TYPES[extname(f).toLowerCase()];
      if (advice)
        problems.push({ severity: 'warning', file: `catalogue/${f}`, message: `未导入：${advice}` });
    }
  } catch {
    names = [];
  }
  if (!names.length) {
    problems.push({
      severity: 'error',
      file: 'catalogue/',
      message: '目录中没有 .xlsx、.xls、.et、.docx 或 .csv 文件 (no catalogue files found)',
    });
    return { items: [], areas: [] };
  }
  const areas: string[] = [];
  const items: CatalogueItem[] = [];
  const seen = new Map<string, ImportedItem>();
  let done = 0;
  for (const name of names) {
    const file = `catalogue/${name}`;
    const result = await importCatalogueFile(join(dir, name), file);
    problems.push(...result.problems);
    areas.push(...result.areas);
    for (const imported of result.items) {
      const id = await itemId(imported.domain, imported.level1, imported.level2, imported.level3);
      const first = seen.get(id);
      if (first) {
        const where = first.source ? `${first.source.file} 第${first.source.row}行` : 'elsewhere';
        problems.push({
          severity: 'error',
          file: imported.source?.file ?? file,
          ...(imported.source?.sheet ? { sheet: imported.source.sheet } : {}),
          ...(imported.source?.row ? { row: imported.source.row } : {}),
          message: `事项重复 (duplicate item) “${[imported.level1, imported.level2, imported.level3].filter(Boolean).join(' / ')}”，已见于 ${where}`,
        });
        continue;
      }
      seen.set(id, imported);
      items.push({ ...imported, id, guideIds: [], interpretationIds: [] });
    }
    opts.onCatalogueFile?.(++done, names.length, file);
  }
  return { items, areas };
}

function departmentResolver(departments: Department[]) {
  const byName = new Map<string, Department>();
  for (const d of departments) for (const n of [d.name, ...d.aliases]) byName.set(n, d);
  return (name: string) => byName.get(name);
}

function canonicalDepartment(
  name: string,
  file: string,
  resolve: (name: string) => Department | undefined,
  problems: SourceProblem[],
): string {
  if (!name) return '';
  const dept = resolve(name);
  if (!dept) {
    problems.push({
      severity: 'warning',
      file,
      field: 'department',
      message: `部门“${name}”不在 departments.csv 中 (unknown department)`,
    });
    return name;
  }
  return dept.name;
}

/** Resolves `一级`, `一级/二级` or `一级/二级/三级` references to item ids. */
function itemLinker(catalogue: CatalogueItem[]) {
  const byLevel1 = new Map<string, CatalogueItem[]>();
  for (const it of catalogue)
    (byLevel1.get(it.level1) ?? byLevel1.set(it.level1, []).get(it.level1)!).push(it);
  return (refs: string[], file: string, problems: SourceProblem[]): string[] => {
    const ids = new Set<string>();
    for (const ref of refs) {
      const [l1, l2, l3] = ref.split('/').map((s) => s.trim());
      const matches = (byLevel1.get(l1 ?? '') ?? []).filter(
        (it) =>
          it.level1 === l1 &&
          (l2 === undefined || it.level2 === l2) &&
          (l3 === undefined || it.level3 === l3),
      );
      if (!matches.length) {
        problems.push({
          severity: 'warning',
          file,
          field: 'items',
          message: `“${ref}” 与目录中的事项都不匹配 (matches no catalogue item)`,
        });
      }
      for (const m of matches) ids.add(m.id);
    }
    return [...ids];
  };
}

function checkUnique(
  kind: string,
  records: { id: string; source?: { file: string } }[],
  problems: SourceProblem[],
) {
  const seen = new Map<string, string>();
  for (const r of records) {
    const file = r.source?.file ?? kind;
    const prior = seen.get(r.id);
    if (prior)
      problems.push({
        severity: 'error',
        file,
        field: 'id',
        message: `编号“${r.id}”与 ${prior} 重复 (duplicate id)`,
      });
    else seen.set(r.id, file);
  }
}
