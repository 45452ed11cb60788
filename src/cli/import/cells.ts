// Reading the marks staff put in cells: √ ticks, ■/□ boxes and plain lists.
import { STAGE_LABELS, STAGES, type Stage } from '../../core/bundle/schema.ts';

// 🗹 🗷 🞎 🞏 ❑ are how mammoth renders Word's Wingdings check boxes.
const YES = new Set(['√', '✓', '✔', '☑', '☒', '■', '●', '🗹', '🗷', '🗸', '是', 'y', 'yes', 'true', '有']);
const NO = new Set([
  '',
  '□',
  '☐',
  '🞎',
  '🞏',
  '❑',
  '否',
  'n',
  'no',
  'false',
  '×',
  '✗',
  '✘',
  '无',
  '-',
  '—',
  '/',
  '／',
]);

/** true / false for a tick cell, null when the mark is not one we know (the caller reports it). */
export function parseTick(text: string): boolean | null {
  const t = text.replace(/\s+/g, '').toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/**
 * Marks that start a box entry, ticked or not (☒ is Word's default "checked" box; 🗹 🗷 🞎 🞏 ❑ are Word's
 * Wingdings boxes as mammoth renders them).
 */
const TICKED_MARKS = '■☑☒√✓✔◼▣🗹🗷🗸';
const UNTICKED_MARKS = '□☐◻▢🞎🞏❑';
const BOX_RE = new RegExp(`([${TICKED_MARKS}${UNTICKED_MARKS}])([^${TICKED_MARKS}${UNTICKED_MARKS}]*)`, 'gu');
const LIST_SEPARATORS = /[、，,；;\n]+/;
const EDGE_PUNCTUATION = /^[\s、，,；;。.：:]+|[\s、，,；;。.]+$/g;

export const hasBoxes = (text: string) => new RegExp(`[${TICKED_MARKS}${UNTICKED_MARKS}]`, 'u').test(text);

/** Joins a label that the cell wrapped over lines: spaces next to CJK text are layout, not content. */
function tidyLabel(label: string): string {
  return label
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x20-\x7e])|(?<=[^\x20-\x7e]) /g, '')
    .replace(EDGE_PUNCTUATION, '');
}

/**
 * The entries a box or list cell selects: with boxes (■政府网站 □政府公报 ☑两微一端) only ticked entries,
 * without any box a list split on 、，,；; and line breaks.
 */
export function parseSelection(text: string): string[] {
  if (!hasBoxes(text)) return text.split(LIST_SEPARATORS).map(tidyLabel).filter(Boolean);
  const out: string[] = [];
  for (const m of text.matchAll(BOX_RE)) {
    if (!TICKED_MARKS.includes(m[1] ?? '')) continue;
    // A box's label may itself be a short list ("■政府网站、两微一端") only when no other box follows it;
    // keep it whole: staff wrote one entry per box.
    const label = tidyLabel(m[2] ?? '');
    if (label) out.push(label);
  }
  return out;
}

/** Channel names, minimally normalised: "其他_____" loses its blank, duplicates go, order stays. */
export function parseChannels(text: string): string[] {
  const names = parseSelection(text)
    .map((n) => n.replace(/[_＿\s]+$/u, '').replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean);
  return [...new Set(names)];
}

const STAGE_BY_LABEL = new Map<string, Stage>(STAGES.map((s) => [STAGE_LABELS[s], s]));

/** “五公开”阶段 labels → stages in the canonical order; unknown labels are returned for reporting. */
export function parseStages(text: string): { stages: Stage[]; unknown: string[] } {
  const found = new Set<Stage>();
  const unknown: string[] = [];
  for (const label of parseSelection(text)) {
    // "决策公开" and "决策" both occur.
    const stage = STAGE_BY_LABEL.get(label.replace(/公开$/, ''));
    if (stage) found.add(stage);
    else unknown.push(label);
  }
  return { stages: STAGES.filter((s) => found.has(s)), unknown };
}

/**
 * A one-column 公开对象 / 公开方式 / 公开层级 cell ("全社会、特定群体", "■主动公开 □依申请公开"):
 * which of the given options it selects, by keyword.
 */
export function parseOptions<T extends string>(
  text: string,
  options: readonly { value: T; words: readonly string[] }[],
): { values: T[]; unknown: string[] } {
  const values = new Set<T>();
  const unknown: string[] = [];
  for (const label of parseSelection(text)) {
    const hit = options.find((o) => o.words.includes(label.replace(/\s+/g, '')));
    if (hit) values.add(hit.value);
    else unknown.push(label);
  }
  return { values: options.map((o) => o.value).filter((v) => values.has(v)), unknown };
}
