// One IndexedDB database per bundle version (kiosk-bundle-v7): written beside the live one, never modified
// after it is complete, deleted once another bundle is live.
import Dexie, { type Table } from 'dexie';
import type {
  BundleData,
  CalendarYear,
  CatalogueItem,
  Department,
  Disclosure,
  Guide,
  Interpretation,
  Manifest,
  Notice,
  Synonym,
  Tier,
} from '../../core/bundle/schema.ts';
import type { GuideHead, InterpretationHead, ItemHead, SearchSource } from '../../core/search/docs.ts';

export const BUNDLE_DB_PREFIX = 'kiosk-bundle-v';
export const bundleDbName = (version: number): string => `${BUNDLE_DB_PREFIX}${version}`;
export const isBundleDbName = (name: string): boolean => /^kiosk-bundle-v\d+$/.test(name);

export interface StoredFile {
  /** The bundle path, e.g. attachments/<sha256>.pdf. */
  path: string;
  bytes: Uint8Array;
}

export interface RecentEntry {
  type: 'guide' | 'interpretation';
  id: string;
  title: string;
  date: string;
}

export interface DomainSummary {
  name: string;
  count: number;
  docs?: number;
  /** Items by 公开层级 and by 公开方式 (an item may count under both of a pair): the domain list's filters. */
  facets?: Partial<Record<Tier | Disclosure, number>>;
}

/** Precomputed at import so the home screen needs one read. */
export interface BundleSummary {
  siteName: string;
  version: number;
  /**
   * Domains in catalogue order, with their item count and (summaries written since issue 15) their guides and
   * interpretations; a domain with neither is not listed.
   */
  domains: DomainSummary[];
  /** Departments with items or guides of their own (none is offered as an empty page). */
  departments: { id: string; name: string; count: number; docs?: number }[];
  recent: RecentEntry[];
  counts: { items: number; guides: number; interpretations: number };
}

/** The bundle's own order of documents (IndexedDB returns rows by key; the search index numbers them in order). */
export interface DocOrder {
  catalogue: string[];
  guides: string[];
  interpretations: string[];
}

export interface BundleInfo {
  manifest: Manifest;
  order: DocOrder;
  summary: BundleSummary;
  searchIndex: unknown;
  /**
   * The documents' heads in the bundle's order: all the search engine reads of them (imports before this field
   * existed lack it, and those before its `items` lack that: the engine reads the whole tables then).
   */
  heads?: { items?: ItemHead[]; guides: GuideHead[]; interpretations: InterpretationHead[] };
  /** Written last: a bundle database without it is an interrupted import. */
  complete: { at: string };
}
type InfoKey = keyof BundleInfo;

export class BundleDb extends Dexie {
  items!: Table<CatalogueItem, string>;
  guides!: Table<Guide, string>;
  interpretations!: Table<Interpretation, string>;
  departments!: Table<Department, string>;
  notices!: Table<Notice, string>;
  synonyms!: Table<Synonym, string>;
  calendar!: Table<CalendarYear, number>;
  files!: Table<StoredFile, string>;
  info!: Table<{ key: InfoKey; value: unknown }, InfoKey>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      items: 'id, domain, publisher',
      guides: 'id, domain, *itemIds',
      interpretations: 'id, domain, *itemIds',
      departments: 'id, name',
      notices: 'id',
      synonyms: 'term',
      calendar: 'year',
      files: 'path',
      info: 'key',
    });
  }

  async getInfo<K extends InfoKey>(key: K): Promise<BundleInfo[K] | undefined> {
    const row = await this.info.get(key);
    return row?.value as BundleInfo[K] | undefined;
  }

  async setInfo<K extends InfoKey>(key: K, value: BundleInfo[K]): Promise<void> {
    await this.info.put({ key, value });
  }
}

/**
 * The bundle's data as the search engine reads it: departments, synonyms, the search index and the documents'
 * heads (not the items' content and basis, nor the guides' sections and bodies: at 10k documents the whole rows made
 * an offline start a quarter slower). Imports made before the heads were written read the tables. With
 * `pageSize`, the document tables are read that many rows at a time, awaiting
 * `between()` before each further page: the page's own engine reads a 10k bundle without one long task of
 * deserialising (search/page-engine.ts).
 */
export async function readSearchSource(
  db: BundleDb,
  paging?: { pageSize: number; between: () => Promise<void> },
): Promise<SearchSource> {
  const [heads, order] = await Promise.all([db.getInfo('heads'), db.getInfo('order')]);
  const read = <T extends { id: string }>(table: Table<T, string>): Promise<T[]> =>
    paging ? readInPages(table, paging.pageSize, paging.between) : table.toArray();
  const guides = async () => heads?.guides ?? inOrder(await read(db.guides), order?.guides);
  const interpretations = async () =>
    heads?.interpretations ?? inOrder(await read(db.interpretations), order?.interpretations);
  const items = async () => heads?.items ?? inOrder(await read(db.items), order?.catalogue);
  // Paged reads one after another (each page waits for a quiet moment); whole tables at once.
  const [catalogue, guideRows, interpretationRows] = paging
    ? [await items(), await guides(), await interpretations()]
    : await Promise.all([items(), guides(), interpretations()]);
  const [departments, synonyms, searchIndex] = await Promise.all([
    db.departments.toArray(),
    db.synonyms.toArray(),
    db.getInfo('searchIndex'),
  ]);
  return {
    catalogue,
    guides: guideRows,
    interpretations: interpretationRows,
    departments,
    synonyms,
    searchIndex: searchIndex ?? null,
  };
}

/** Every row of a table keyed by `id`, `pageSize` rows per read in key order. */
async function readInPages<T extends { id: string }>(
  table: Table<T, string>,
  pageSize: number,
  between: () => Promise<void>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = await table.limit(pageSize).toArray(); ;) {
    rows.push(...page);
    if (page.length < pageSize) return rows;
    await between();
    page = await table
      .where(':id')
      .above(page[page.length - 1]!.id)
      .limit(pageSize)
      .toArray();
  }
}

function inOrder<T extends { id: string }>(rows: T[], ids: string[] | undefined): T[] {
  if (!ids) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function docOrderOf(data: BundleData): DocOrder {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  return {
    catalogue: ids(data.catalogue),
    guides: ids(data.guides),
    interpretations: ids(data.interpretations),
  };
}

/** Items whose 公开主体 is this department (by name or alias). */
export function departmentNames(dept: Department): string[] {
  return [dept.name, ...dept.aliases];
}

export function summarize(manifest: Manifest, data: BundleData): BundleSummary {
  const domains = new Map<
    string,
    { count: number; docs: number; facets: Partial<Record<Tier | Disclosure, number>> }
  >();
  const domainOf = (name: string) => {
    const d = domains.get(name) ?? { count: 0, docs: 0, facets: {} };
    domains.set(name, d);
    return d;
  };
  for (const item of data.catalogue) {
    const d = domainOf(item.domain);
    d.count++;
    for (const f of [...item.tier, ...item.disclosure]) d.facets[f] = (d.facets[f] ?? 0) + 1;
  }
  for (const doc of [...data.guides, ...data.interpretations]) domainOf(doc.domain).docs++;

  const publisherCounts = new Map<string, number>();
  for (const item of data.catalogue)
    publisherCounts.set(item.publisher, (publisherCounts.get(item.publisher) ?? 0) + 1);
  const guideCounts = new Map<string, number>();
  for (const g of data.guides) guideCounts.set(g.department, (guideCounts.get(g.department) ?? 0) + 1);
  const sum = (counts: Map<string, number>, d: Department) =>
    departmentNames(d).reduce((n, name) => n + (counts.get(name) ?? 0), 0);
  const departments = data.departments
    .map((d) => ({ id: d.id, name: d.name, count: sum(publisherCounts, d), docs: sum(guideCounts, d) }))
    .filter((d) => d.count + d.docs > 0);

  const recent: RecentEntry[] = [
    ...data.guides.flatMap((g) =>
      g.updated ? [{ type: 'guide' as const, id: g.id, title: g.title, date: g.updated }] : [],
    ),
    ...data.interpretations.flatMap((i) =>
      i.date ? [{ type: 'interpretation' as const, id: i.id, title: i.title, date: i.date }] : [],
    ),
  ]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, 6);

  return {
    siteName: manifest.siteName,
    version: manifest.version,
    domains: [...domains].map(([name, d]) => ({ name, ...d })),
    departments,
    recent,
    counts: {
      items: data.catalogue.length,
      guides: data.guides.length,
      interpretations: data.interpretations.length,
    },
  };
}
