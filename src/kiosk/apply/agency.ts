// The agency chosen for the visitor (issue 14): the likely agencies from what the description matches (the 公开主体
// of the catalogue items the search engine finds for it), then every agency grouped and ordered by name, with
// collective entries (各街道办事处, 各镇人民政府) replaced by the actual streets and towns their address lists.
import type { Department } from '../../core/bundle/schema.ts';

/** One choice of agency: the department it is filed to (agencyId) and the name the visitor chose (agencyName). */
export interface AgencyChoice {
  /** Radio value: the department id, or `id#name` for one member of a collective entry. */
  key: string;
  departmentId: string;
  name: string;
  /** A member's name as its collective entry's address gives it (东城街道, 青山镇), looked for in the text. */
  short?: string;
}

export type AgencyGroupId = 'government' | 'township' | 'institution';
export const AGENCY_GROUPS: readonly AgencyGroupId[] = ['government', 'township', 'institution'];

export interface AgencyGroup {
  id: AgencyGroupId;
  choices: AgencyChoice[];
}

const collator = new Intl.Collator('zh-CN');

/** 街道、镇 (and 乡); schools, hospitals and libraries; everything else is the district government's. */
export function groupOf(name: string): AgencyGroupId {
  if (/街道|镇|乡人民政府|乡政府/.test(name)) return 'township';
  if (/学校|中学|小学|幼儿园|医院|卫生院|图书馆|博物馆|文化馆/.test(name)) return 'institution';
  return 'government';
}

/**
 * The actual agencies of a collective entry (名称 starting with 各), read from its address: "东城街道：某某路1号；
 * 西城街道：…" gives 东城街道办事处 and 西城街道办事处. [] when the address names none (各义务教育学校).
 */
export function membersOf(dep: Department): { short: string; name: string }[] {
  if (!dep.name.startsWith('各')) return [];
  const tail = dep.name.slice(1); // 街道办事处, 镇人民政府
  const names = dep.address
    .split(/[；;\n]/)
    .map((part) => /^\s*([^：:]{2,30})[：:]/.exec(part)?.[1]?.trim() ?? '')
    .filter(Boolean);
  return [...new Set(names)].map((short) => ({ short, name: joinOverlap(short, tail) }));
}

/** 东城街道 + 街道办事处 → 东城街道办事处: the longest end of `a` that begins `b` is written once. */
function joinOverlap(a: string, b: string): string {
  for (let k = Math.min(a.length, b.length); k > 0; k--) {
    if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  }
  return a + b;
}

/** Every choice: one per department, or one per member of a collective entry. */
export function agencyChoices(departments: readonly Department[]): AgencyChoice[] {
  return departments.flatMap((dep) => {
    const members = membersOf(dep);
    if (members.length === 0) return [{ key: dep.id, departmentId: dep.id, name: dep.name }];
    return members.map((m) => ({
      key: `${dep.id}#${m.name}`,
      departmentId: dep.id,
      name: m.name,
      short: m.short,
    }));
  });
}

/** The choices in their groups (groups in a fixed order, choices by name), leaving out those in `except`. */
export function groupChoices(choices: readonly AgencyChoice[], except: ReadonlySet<string>): AgencyGroup[] {
  return AGENCY_GROUPS.map((id) => ({
    id,
    choices: choices
      .filter((c) => !except.has(c.key) && groupOf(c.name) === id)
      .sort((a, b) => collator.compare(a.name, b.name)),
  })).filter((g) => g.choices.length > 0);
}

/** A catalogue item the description matched, best first, with its 公开主体 (names separated by 、). */
export interface MatchedItem {
  publisher: string;
}

const MAX_SUGGESTED = 3;

/**
 * The likely agencies for a description: the 公开主体 of the matched items, weighted by rank (the first match counts
 * most); a collective entry stands for its members, or for the one member the description names (本街道 is no
 * help, 东城街道 is). Agencies far behind the first are left out.
 */
export function suggestAgencies(
  text: string,
  items: readonly MatchedItem[],
  departments: readonly Department[],
): AgencyChoice[] {
  const choices = agencyChoices(departments);
  const byName = new Map<string, Department>();
  for (const d of departments) for (const n of [d.name, ...d.aliases]) if (!byName.has(n)) byName.set(n, d);
  const score = new Map<string, number>();
  items.forEach((item, rank) => {
    const names = item.publisher.split(/[、,，;；]/).map((s) => s.trim());
    for (const n of names) {
      const dep = byName.get(n);
      if (!dep) continue;
      score.set(dep.id, (score.get(dep.id) ?? 0) + 1 / (rank + 1));
    }
  });
  // A member named in the text (东城街道, 青山镇) is suggested first, matched items or not.
  const named = choices.filter((c) => c.short && text.includes(c.short));
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  const out: AgencyChoice[] = [...named];
  let agencies = 0;
  for (const [id, s] of ranked) {
    if (s < best / 3 || agencies >= MAX_SUGGESTED) break;
    agencies++;
    // A collective entry stands for all its members, unless the text named one of them.
    if (named.some((c) => c.departmentId === id)) continue;
    for (const c of choices) if (c.departmentId === id && !out.includes(c)) out.push(c);
  }
  return out;
}
