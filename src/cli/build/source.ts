// Loads a whole bundle source folder into BundleData (minus the search index), collecting every problem
// rather than stopping at the first, so staff can fix a spreadsheet in one pass.
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { sha256Hex } from '../../core/bundle/encoding.ts';
import type {
  BundleData,
  CatalogueItem,
  Department,
  Guide,
  Interpretation,
} from '../../core/bundle/schema.ts';
import { importCatalogueFile, type ImportedItem } from '../import/catalogue.ts';
import type { SourceProblem } from '../problems.ts';
import { loadGuides } from './guides.ts';
import { loadInterpretations } from './interpretations.ts';
import { loadDepartments, loadSynonyms } from './tables.ts';
import { loadCalendar, loadNotices, loadSite, type SiteSettings } from './yaml-files.ts';

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

const CATALOGUE_EXTENSIONS = new Set(['.xlsx', '.csv']);

/** The id of a catalogue item: stable across builds as long as its domain and names stay the same. */
export async function itemId(domain: string, level1: string, level2: string | null, level3: string | null) {
  const key = [domain, level1, level2 ?? '', level3 ?? ''].join('\u0000');
  return `i${(await sha256Hex(new TextEncoder().encode(key))).slice(0, 12)}`;
}

export async function loadSource(sourceDir: string, opts: LoadOptions = {}): Promise<LoadedSource> {
  const problems: SourceProblem[] = [];
  const site = await loadSite(sourceDir, problems);
  const catalogue = await loadCatalogue(sourceDir, problems, opts);
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
    site,
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

async function loadCatalogue(
  sourceDir: string,
  problems: SourceProblem[],
  opts: LoadOptions,
): Promise<CatalogueItem[]> {
  const dir = join(sourceDir, 'catalogue');
  let names: string[];
  try {
    names = (await readdir(dir))
      .filter(
        (f) =>
          CATALOGUE_EXTENSIONS.has(extname(f).toLowerCase()) && !f.startsWith('~$') && !f.startsWith('.'),
      )
      .sort();
  } catch {
    names = [];
  }
  if (!names.length) {
    problems.push({
      severity: 'error',
      file: 'catalogue/',
      message: '目录中没有 .xlsx 或 .csv 文件 (no catalogue spreadsheets found)',
    });
    return [];
  }
  const items: CatalogueItem[] = [];
  const seen = new Map<string, ImportedItem>();
  let done = 0;
  for (const name of names) {
    const file = `catalogue/${name}`;
    const result = await importCatalogueFile(join(dir, name), file);
    problems.push(...result.problems);
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
  return items;
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
