// The searchable documents of a bundle, in one fixed order (catalogue items, then guides, then interpretations), so
// the index built by the bundle tool and the engine loaded by the kiosk agree on integer document ids.
import {
  GUIDE_SECTION_LABELS,
  type BundleData,
  type CatalogueItem,
  type Department,
  type Guide,
  type Interpretation,
  type PolicyValidity,
  type Synonym,
} from '../bundle/schema.ts';
import { fnv1a, normalizeText } from './text.ts';

export type DocType = 'item' | 'guide' | 'interpretation';
export const DOC_TYPES: readonly DocType[] = ['item', 'guide', 'interpretation'];

/**
 * Short fields, in mask-bit order. A posting carries a bit mask of the fields a token occurs in; the engine
 * weighs a hit by the best field, so a word in a name counts more than the same word in 公开依据.
 */
export const FIELDS = ['name', 'parent', 'content', 'dept', 'basis', 'related', 'domain'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_BIT = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<FieldName, number>;
/**
 * Weight of a hit in each short field (same order as FIELDS). The domain is the catalogue's top level and weighs
 * as a parent level: 补助标准 under 农村危房改造 is 危房改造's 补助标准, though rows seldom repeat their domain's name.
 */
export const FIELD_WEIGHTS: readonly number[] = [1, 0.85, 0.4, 0.6, 0.25, 0.6, 0.85];
/** Mask bit used for hits that come from the separate body index. */
export const BODY_BIT = 7;
export const BODY_WEIGHT = 0.3;

export interface SearchDoc {
  type: DocType;
  id: string;
  /** Display title: an item's level names joined by a space, a guide's or interpretation's title. */
  title: string;
  domain: string;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  /** The document's own name: an item's most specific level, a guide's or interpretation's title. */
  leaf: string;
  /** An item's upper level names (一级, 二级), most general first. */
  parents: string[];
  /** Departments named by the document (publisher or department), for department queries. */
  dept: string;
  /** An interpretation of a policy no longer (fully) in force. */
  validity?: Exclude<PolicyValidity, 'in-force'>;
}

export interface DocText {
  /** Texts per short field, indexed like FIELDS. */
  fields: string[][];
  /** Long text (guide sections and body, interpretation summary and answers) for the body index. */
  body: string[];
}

type DocSource = Omit<BundleData, 'searchIndex'>;

/** What the engine reads of a catalogue item: its names, domain and publisher (the index holds its other words). */
export type ItemHead = Pick<CatalogueItem, 'id' | 'domain' | 'level1' | 'level2' | 'level3' | 'publisher'>;
/** What the engine reads of a guide: its heading fields, never its sections or body (the index holds their words). */
export type GuideHead = Pick<Guide, 'id' | 'title' | 'domain' | 'department'>;
/** What the engine reads of an interpretation, likewise. */
export type InterpretationHead = Pick<Interpretation, 'id' | 'title' | 'domain' | 'department' | 'validity'>;

/**
 * What the search engine is built from: a bundle's data with its documents by their heads only. A whole BundleData
 * is one; the kiosk reads the heads alone (a 10k bundle's guide bodies are most of its bytes, and its items' content,
 * basis and channels were as long to read as their names).
 */
export interface SearchSource {
  catalogue: readonly ItemHead[];
  guides: readonly GuideHead[];
  interpretations: readonly InterpretationHead[];
  departments: readonly Department[];
  synonyms: readonly Synonym[];
  searchIndex: unknown;
}

export function itemTitle(level1: string, level2: string | null, level3: string | null): string {
  return [level1, level2, level3].filter((s): s is string => !!s && s.trim() !== '').join(' ');
}

/** Builds the document list (cheap: strings are shared with the bundle data, nothing long is copied). */
export function collectDocs(data: Omit<SearchSource, 'searchIndex'>): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const it of data.catalogue) {
    const levels = [it.level1, it.level2, it.level3].filter((s): s is string => !!s && s.trim() !== '');
    docs.push({
      type: 'item',
      id: it.id,
      title: levels.join(' '),
      domain: it.domain,
      level1: it.level1,
      level2: it.level2 && it.level2.trim() ? it.level2 : null,
      level3: it.level3 && it.level3.trim() ? it.level3 : null,
      leaf: levels[levels.length - 1]!,
      parents: levels.slice(0, -1),
      dept: it.publisher,
    });
  }
  for (const g of data.guides) {
    docs.push({
      type: 'guide',
      id: g.id,
      title: g.title,
      domain: g.domain,
      level1: null,
      level2: null,
      level3: null,
      leaf: g.title,
      parents: [],
      dept: g.department,
    });
  }
  for (const p of data.interpretations) {
    docs.push({
      type: 'interpretation',
      id: p.id,
      title: p.title,
      domain: p.domain,
      level1: null,
      level2: null,
      level3: null,
      leaf: p.title,
      parents: [],
      dept: p.department,
      ...(p.validity && p.validity !== 'in-force' ? { validity: p.validity } : {}),
    });
  }
  return docs;
}

/** Identifies the document list an index was built for. */
export function docsHash(docs: readonly SearchDoc[]): string {
  return fnv1a(docs.map((d) => `${d.type[0]}:${d.id}`));
}

/**
 * Names and aliases of every department a publisher text mentions, so 社保局 finds items whose publisher is
 * written 区人力资源和社会保障局.
 */
export function departmentNames(text: string, departments: readonly Department[]): string[] {
  const t = normalizeText(text);
  const out: string[] = [];
  for (const d of departments) {
    const names = [d.name, ...d.aliases];
    if (names.some((n) => n.length >= 2 && t.includes(normalizeText(n)))) out.push(...names);
  }
  return out;
}

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/gm;

/** The texts of each document's fields for the index builder (Node side only; the kiosk never needs them). */
export function collectDocTexts(data: DocSource): DocText[] {
  const itemById = new Map(data.catalogue.map((it) => [it.id, it]));
  const out: DocText[] = [];
  const itemNames = (ids: readonly string[]): string[] =>
    ids.flatMap((id) => {
      const it = itemById.get(id);
      return it ? [itemTitle(it.level1, it.level2, it.level3)] : [];
    });
  // Guides and interpretations are linked from either side; index the link both ways.
  const guideItems = new Map<string, string[]>();
  const interpItems = new Map<string, string[]>();
  for (const it of data.catalogue) {
    for (const g of it.guideIds) guideItems.set(g, [...(guideItems.get(g) ?? []), it.id]);
    for (const p of it.interpretationIds) interpItems.set(p, [...(interpItems.get(p) ?? []), it.id]);
  }
  const empty = (): string[][] => FIELDS.map(() => []);

  for (const it of data.catalogue) {
    const f = empty();
    const levels = [it.level1, it.level2, it.level3].filter((s): s is string => !!s && s.trim() !== '');
    f[FIELD_BIT.name] = [levels[levels.length - 1]!];
    f[FIELD_BIT.parent] = levels.slice(0, -1);
    f[FIELD_BIT.content] = [it.content];
    f[FIELD_BIT.dept] = [it.publisher, ...departmentNames(it.publisher, data.departments)];
    f[FIELD_BIT.basis] = [it.basis];
    f[FIELD_BIT.domain] = [it.domain];
    out.push({ fields: f, body: [] });
  }
  for (const g of data.guides) {
    const f = empty();
    f[FIELD_BIT.name] = [g.title];
    const headings = [...g.body.matchAll(HEADING)].map((m) => m[1]!);
    // Section labels of filled sections: a visitor asking for 材料 or 流程 wants a guide that has them.
    const labels = Object.entries(g.sections)
      .filter(([, v]) => v.trim() !== '')
      .map(([k]) => SECTION_LABELS[k] ?? '');
    f[FIELD_BIT.content] = [...labels, ...headings];
    f[FIELD_BIT.dept] = [g.department, ...departmentNames(g.department, data.departments)];
    f[FIELD_BIT.related] = itemNames([...new Set([...g.itemIds, ...(guideItems.get(g.id) ?? [])])]);
    f[FIELD_BIT.domain] = [g.domain];
    out.push({ fields: f, body: [...Object.values(g.sections), g.body] });
  }
  for (const p of data.interpretations) {
    const f = empty();
    f[FIELD_BIT.name] = [p.title];
    f[FIELD_BIT.content] = p.qa.map((q) => q.question);
    f[FIELD_BIT.dept] = [p.department, ...departmentNames(p.department, data.departments)];
    f[FIELD_BIT.basis] = [p.policy];
    f[FIELD_BIT.related] = itemNames([...new Set([...p.itemIds, ...(interpItems.get(p.id) ?? [])])]);
    f[FIELD_BIT.domain] = [p.domain];
    out.push({ fields: f, body: [p.summary, ...p.qa.map((q) => q.answer)] });
  }
  return out;
}

// Widened to string keys: a section key the schema does not know yet simply has no label.
const SECTION_LABELS: Record<string, string> = GUIDE_SECTION_LABELS;
