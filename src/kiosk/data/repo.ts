// Read access to the live bundle for the screens. Loaded lazily (Dexie is not needed for first paint).
import type { CatalogueItem, Department, Guide, Interpretation } from '../../core/bundle/schema.ts';
import { BundleDb, departmentNames, type BundleSummary } from '../db/bundle-db.ts';

let open: BundleDb | null = null;

function liveDb(dbName: string): BundleDb {
  if (open?.name !== dbName) {
    open?.close();
    open = new BundleDb(dbName);
  }
  return open;
}

export async function getSummary(dbName: string): Promise<BundleSummary | null> {
  return (await liveDb(dbName).getInfo('summary')) ?? null;
}

export async function itemsOfDomain(dbName: string, domain: string): Promise<CatalogueItem[]> {
  return liveDb(dbName).items.where('domain').equals(domain).toArray();
}

/** Guides and interpretations filed under a domain (the domain page lists them beside its items). */
export async function documentsOfDomain(
  dbName: string,
  domain: string,
): Promise<{ guides: Guide[]; interpretations: Interpretation[] }> {
  const db = liveDb(dbName);
  const [guides, interpretations] = await Promise.all([
    db.guides.where('domain').equals(domain).toArray(),
    db.interpretations.where('domain').equals(domain).toArray(),
  ]);
  return { guides, interpretations };
}

export async function getItem(dbName: string, id: string): Promise<CatalogueItem | null> {
  return (await liveDb(dbName).items.get(id)) ?? null;
}

export async function getGuide(dbName: string, id: string): Promise<Guide | null> {
  return (await liveDb(dbName).guides.get(id)) ?? null;
}

export async function getInterpretation(dbName: string, id: string): Promise<Interpretation | null> {
  return (await liveDb(dbName).interpretations.get(id)) ?? null;
}

export async function getGuides(dbName: string, ids: string[]): Promise<Guide[]> {
  return (await liveDb(dbName).guides.bulkGet(ids)).filter((g): g is Guide => !!g);
}

export async function getInterpretations(dbName: string, ids: string[]): Promise<Interpretation[]> {
  return (await liveDb(dbName).interpretations.bulkGet(ids)).filter((g): g is Interpretation => !!g);
}

export async function getItems(dbName: string, ids: string[]): Promise<CatalogueItem[]> {
  return (await liveDb(dbName).items.bulkGet(ids)).filter((g): g is CatalogueItem => !!g);
}

/** Guides and interpretations that link to an item, besides those the item lists. */
export async function relatedOfItem(
  dbName: string,
  item: CatalogueItem,
): Promise<{ guides: Guide[]; interpretations: Interpretation[] }> {
  const db = liveDb(dbName);
  const [g1, g2, i1, i2] = await Promise.all([
    getGuides(dbName, item.guideIds),
    db.guides.where('itemIds').equals(item.id).toArray(),
    getInterpretations(dbName, item.interpretationIds),
    db.interpretations.where('itemIds').equals(item.id).toArray(),
  ]);
  const unique = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
  return { guides: unique([...g1, ...g2]), interpretations: unique([...i1, ...i2]) };
}

export async function getDepartments(dbName: string): Promise<Department[]> {
  return liveDb(dbName).departments.toArray();
}

export async function getDepartment(dbName: string, id: string): Promise<Department | null> {
  return (await liveDb(dbName).departments.get(id)) ?? null;
}

/** The department whose name or alias is this 公开主体 / guide department. */
export async function departmentByName(dbName: string, name: string): Promise<Department | null> {
  if (!name) return null;
  const all = await getDepartments(dbName);
  return all.find((d) => departmentNames(d).includes(name)) ?? null;
}

export async function itemsOfDepartment(dbName: string, dept: Department): Promise<CatalogueItem[]> {
  return liveDb(dbName).items.where('publisher').anyOf(departmentNames(dept)).toArray();
}

/** Guides whose department is this one (by name or alias). */
export async function guidesOfDepartment(dbName: string, dept: Department): Promise<Guide[]> {
  const names = departmentNames(dept);
  return (await liveDb(dbName).guides.toArray()).filter((g) => names.includes(g.department));
}

export async function getFile(dbName: string, path: string): Promise<Uint8Array | null> {
  return (await liveDb(dbName).files.get(path))?.bytes ?? null;
}
