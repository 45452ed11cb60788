// The lexicon's pairs that do not reach a bundle but are of a domain the bundle has: hints within that domain (the
// district words the service otherwise). A term of a domain the bundle lacks is not a sign that the bundle cannot
// answer it: districts file services under other domains than the lexicon does (摆摊 is 城市综合执法 to the lexicon,
// 食品摊贩登记 under 食品药品监管 to a district).
import type { LexiconHintEntry } from '../format.ts';
import { codePoints } from '../text.ts';
import type { Lexicon, LexiconPair } from './parse.ts';

/**
 * Other names under which district catalogues file a pilot domain's services: the department that handles them
 * (自然资源和规划局 for 城乡规划 and rural land; 医保局 for medical insurance, which the lexicon files under 社会保险).
 */
const DOMAIN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  城乡规划: ['自然资源'],
  农村集体土地征收: ['自然资源'],
  社会保险: ['医疗保障'],
  社会救助: ['残疾人服务'],
  就业: ['人力资源'],
  扶贫: ['乡村振兴'],
};

/** The bundle's domain a lexicon row's domain is: by name (one holding the other), else by an alias; if any. */
export function bundleDomainOf(rowDomain: string, bundleDomains: readonly string[]): string | undefined {
  const byName = (n: string) => bundleDomains.find((d) => d.includes(n) || n.includes(d));
  return byName(rowDomain) ?? (DOMAIN_ALIASES[rowDomain] ?? []).map(byName).find(Boolean);
}

/**
 * The lexicon's colloquial terms none of whose pairs reach a document, filed under a domain this bundle has: the
 * district words that service otherwise (税收违法行为检举 for 涉税违法举报), and the term is still a clue within the
 * domain. Words of 通用 rows name no domain.
 */
export function lexiconHints(
  lexicon: Lexicon,
  bundleDomains: ReadonlySet<string>,
  reached: readonly LexiconPair[],
  district: ReadonlySet<string>,
): LexiconHintEntry[] {
  const known = new Set([...reached.map((p) => p.term), ...district]);
  const domains = [...bundleDomains].filter(Boolean);
  const hints: LexiconHintEntry[] = [];
  for (const row of lexicon.rows) {
    if (row.domain === '通用') continue;
    const domain = bundleDomainOf(row.domain, domains);
    if (!domain) continue;
    const terms = row.colloquial.filter((t) => !known.has(t) && codePoints(t).length >= 2);
    for (const t of terms) known.add(t);
    if (terms.length) hints.push({ domain, official: row.official, terms });
  }
  return hints;
}
