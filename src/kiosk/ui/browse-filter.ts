// Browse filters (issue 15): 公开层级, 公开方式 and 公开主体 narrow a domain's items. Kept in the address (?tier=&how=
// &dept=) so 返回 and the folder links keep them.
import {
  DISCLOSURES,
  TIERS,
  type CatalogueItem,
  type Disclosure,
  type Tier,
} from '../../core/bundle/schema.ts';

export interface BrowseFilter {
  tier?: Tier | undefined;
  how?: Disclosure | undefined;
  /** One 公开主体 as the catalogue names it. */
  dept?: string | undefined;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.find((x) => x === v);

export function filterFromParams(params: URLSearchParams): BrowseFilter {
  return {
    tier: oneOf(TIERS, params.get('tier')),
    how: oneOf(DISCLOSURES, params.get('how')),
    dept: params.get('dept')?.trim() || undefined,
  };
}

/** The address parameters of a filter (empty values are left out by href). */
export function filterParams(f: BrowseFilter): Record<string, string> {
  return { tier: f.tier ?? '', how: f.how ?? '', dept: f.dept ?? '' };
}

export const isFiltered = (f: BrowseFilter): boolean => !!(f.tier || f.how || f.dept);

/** A 公开主体 cell may name several bodies: 各街道办事处、各镇人民政府. */
export function publishersOf(item: CatalogueItem): string[] {
  return item.publisher
    .split(/[、，,；;]/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The items that match every filter given. An item whose catalogue does not list a 公开层级 (template A) does not
 * match a 层级 filter: the catalogue does not say it is published at that level.
 */
export function applyFilter(items: readonly CatalogueItem[], f: BrowseFilter): CatalogueItem[] {
  return items.filter(
    (i) =>
      (!f.tier || i.tier.includes(f.tier)) &&
      (!f.how || i.disclosure.includes(f.how)) &&
      (!f.dept || publishersOf(i).includes(f.dept)),
  );
}

export interface FilterOptions {
  tier: Tier[];
  how: Disclosure[];
  dept: string[];
}

/** The values the items actually have, in schema order (departments in catalogue order). */
export function filterOptions(items: readonly CatalogueItem[]): FilterOptions {
  const tiers = new Set(items.flatMap((i) => i.tier));
  const hows = new Set(items.flatMap((i) => i.disclosure));
  const depts = new Set(items.flatMap(publishersOf));
  return {
    tier: TIERS.filter((x) => tiers.has(x)),
    how: DISCLOSURES.filter((x) => hows.has(x)),
    dept: [...depts],
  };
}
