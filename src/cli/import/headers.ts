// Catalogue headers: the wording districts actually use, mapped to fields, and finding the header row(s)
// by what they say rather than where they are.
import { cellAt, columnName, type RawSheet } from './grid.ts';

export type Field =
  | 'seq'
  | 'domain'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'stages'
  | 'content'
  | 'basis'
  | 'timeLimit'
  | 'publisher'
  | 'channels'
  | 'audiencePublic'
  | 'audienceSpecific'
  | 'proactive'
  | 'onRequest'
  | 'district'
  | 'township'
  | 'url'
  | 'notes'
  // A group header standing alone over one column: the cell holds the options as text (全社会、特定群体).
  | 'audience'
  | 'disclosure'
  | 'tier';

/** Group headers of the two-row templates: 公开事项 over 一级/二级/三级, 公开对象 over 全社会/特定群体, … */
export type Group = 'items' | 'audience' | 'disclosure' | 'tier';

/** Every accepted header wording. Keys are normalised with normaliseHeader(). */
const HEADER_VARIANTS: Record<string, Field | Group> = {};
const add = (field: Field | Group, ...labels: string[]) => {
  for (const l of labels) HEADER_VARIANTS[normaliseHeader(l)] = field;
};
add('seq', '序号', '编号', '序');
add('domain', '领域', '所属领域', '公开领域', '事项领域');
add('items', '公开事项', '公开事项名称', '事项名称');
add('level1', '一级事项', '一级', '一级事项名称', '一级公开事项');
add('level2', '二级事项', '二级', '二级事项名称', '二级公开事项');
add('level3', '三级事项', '三级', '三级事项名称', '三级公开事项');
add('stages', '“五公开”阶段', '五公开阶段', '五公开', '公开阶段', '“五公开”');
add('content', '公开内容（要素）', '公开内容(要素)', '公开内容', '事项内容', '公开要素', '内容');
add('basis', '公开依据', '依据', '政策依据', '法律依据');
add('timeLimit', '公开时限', '时限');
add('publisher', '公开主体', '责任主体', '公开责任主体', '责任单位', '公开单位');
add('channels', '公开渠道和载体', '公开渠道', '公开载体', '公开渠道及载体', '公开渠道与载体', '渠道和载体');
add('audience', '公开对象');
add('audiencePublic', '全社会');
add('audienceSpecific', '特定群体');
add('disclosure', '公开方式');
add('proactive', '主动', '主动公开');
add('onRequest', '依申请', '依申请公开');
add('tier', '公开层级');
add('district', '区级', '县级', '区（县）级', '县（区）级', '县（市、区）级');
add('township', '乡级', '镇级', '乡镇级', '乡（镇）级', '乡镇（街道）级', '镇（街道）级', '乡（镇、街道）级');
add('url', '网址', '链接', '公开网址', '网址链接', '链接地址', 'url', '网页链接');
add('notes', '备注', '说明');

const GROUPS = new Set<string>(['items', 'audience', 'disclosure', 'tier']);
/** A group header alone over one column becomes this field. */
const GROUP_AS_FIELD: Record<Group, Field> = {
  items: 'level1',
  audience: 'audience',
  disclosure: 'disclosure',
  tier: 'tier',
};
/** The leaves each group may stand over. */
const GROUP_LEAVES: Record<Group, ReadonlySet<Field>> = {
  items: new Set(['level1', 'level2', 'level3']),
  audience: new Set(['audiencePublic', 'audienceSpecific']),
  disclosure: new Set(['proactive', 'onRequest']),
  tier: new Set(['district', 'township']),
};
/** Field that mark a row as catalogue-like when looking for the header. */
const ITEM_FIELDS = new Set<string>(['items', 'level1']);

/** Folds the cosmetic differences: spaces and line breaks used for alignment, full-width brackets, quotes. */
export function normaliseHeader(label: string): string {
  return label
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/["“”'‘’「」]/g, '')
    .toLowerCase();
}

export function lookupHeader(label: string): Field | Group | undefined {
  return HEADER_VARIANTS[normaliseHeader(label)];
}

/** Separators an export puts between a group and its leaf when it flattens two header rows into one. */
const FLAT_JOINED = /^(.+?)\s*[-_—–－＿/／\\·・:：|｜.．>＞→]+\s*(.+)$/u;
const FLAT_BRACKETED = /^(.+?)\s*[(（[【〔](.+)[)）\]】〕]$/u;

/**
 * A header cell as one row of a two-row header would read it: 公开对象-全社会, 公开对象（全社会）and
 * 公开对象_全社会 are the leaf 全社会 under the group 公开对象; 序号-序号 (a vertical merge flattened) is 序号.
 * Plain labels come first, so 公开内容（要素）stays one header.
 */
export function readHeaderLabel(label: string): { kind: Field | Group; group?: string } | undefined {
  const plain = lookupHeader(label);
  if (plain) return { kind: plain };
  for (const re of [FLAT_JOINED, FLAT_BRACKETED]) {
    const m = re.exec(label.trim());
    if (!m) continue;
    const [, groupLabel = '', leafLabel = ''] = m;
    const group = lookupHeader(groupLabel);
    const leaf = lookupHeader(leafLabel);
    if (!group || !leaf) continue;
    if (normaliseHeader(groupLabel) === normaliseHeader(leafLabel)) return { kind: leaf };
    // Only a real group over one of its own leaves: 公开对象-主动公开 is a mistake, not a header.
    if (GROUPS.has(group) && !GROUPS.has(leaf) && GROUP_LEAVES[group as Group].has(leaf as Field)) {
      return { kind: leaf, group: groupLabel.trim() };
    }
  }
  return undefined;
}

export interface Column {
  col: number;
  letter: string;
  /** The header as written (leaf if two rows), for messages: `F (公开主体)`. */
  label: string;
  field: Field;
  /** The group header above it, if any (公开对象 over 全社会). */
  group?: string;
}

export interface Header {
  /** First and last header row (1-based). */
  top: number;
  bottom: number;
  columns: Column[];
  /** Headers we do not recognise: errors naming the column. */
  unknown: { col: number; letter: string; label: string; row: number }[];
  /** Widest column count of the header, to spot data under no header. */
  width: number;
}

const HEADER_SCAN_ROWS = 30;

/** Finds the catalogue header, or null when the sheet has none. */
export function findHeader(sheet: RawSheet): Header | null {
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const cells = sheet.rows[r - 1] ?? [];
    const kinds = cells.map((c) => (c ? readHeaderLabel(c)?.kind : undefined)).filter((k) => k !== undefined);
    if (kinds.length >= 3 && kinds.some((k) => ITEM_FIELDS.has(k))) return readHeader(sheet, r);
  }
  return null;
}

/**
 * Columns a group header spans: itself plus the blank top cells to its right. Merge slaves are blank in
 * the sheet, as in a CSV export, so workbooks and their CSV exports read alike. Some exports repeat the
 * group's name over each of its columns instead (公开对象,公开对象 over 全社会,特定群体): the same.
 */
function groupSpan(sheet: RawSheet, row: number, col: number, width: number): number[] {
  const label = normaliseHeader(cellAt(sheet, row, col));
  const span = [col];
  for (let c = col + 1; c <= width; c++) {
    const text = cellAt(sheet, row, c);
    if (text !== '' && normaliseHeader(text) !== label) break;
    span.push(c);
  }
  return span;
}

function readHeader(sheet: RawSheet, top: number): Header {
  const topCells = sheet.rows[top - 1] ?? [];
  const subCells = sheet.rows[top] ?? [];
  const width = Math.max(topCells.length, subCells.length);

  // The group (and its span) each column sits under.
  const groupOf = new Map<number, string>();
  let twoRows = false;
  for (let c = 1; c <= width; c++) {
    const label = cellAt(sheet, top, c);
    const kind = label && !groupOf.has(c) ? lookupHeader(label) : undefined;
    if (!kind || !GROUPS.has(kind)) continue;
    const span = groupSpan(sheet, top, c, width);
    for (const s of span) groupOf.set(s, label);
    // A second header row exists when a group spans several columns and names a leaf under them.
    if (
      span.length > 1 &&
      span.some((s) => cellAt(sheet, top + 1, s) && lookupHeader(cellAt(sheet, top + 1, s)))
    ) {
      twoRows = true;
    }
  }

  const columns: Column[] = [];
  const unknown: Header['unknown'] = [];
  for (let c = 1; c <= width; c++) {
    // Under a group the leaf names the column; elsewhere the top cell does (the cell below is a merge slave).
    const topLabel = cellAt(sheet, top, c);
    const sub = twoRows && (groupOf.has(c) || !topLabel) ? cellAt(sheet, top + 1, c) : '';
    const label = sub || topLabel;
    if (!label) continue;
    const row = sub ? top + 1 : top;
    const read = readHeaderLabel(label);
    const letter = columnName(sheet, c);
    if (!read) {
      unknown.push({ col: c, letter, label, row });
      continue;
    }
    const { kind } = read;
    const field = GROUPS.has(kind) ? GROUP_AS_FIELD[kind as Group] : (kind as Field);
    // A flattened header (公开对象-全社会) names its group itself.
    const group = (sub ? groupOf.get(c) : undefined) ?? read.group;
    columns.push({ col: c, letter, label, field, ...(group ? { group } : {}) });
  }
  return { top, bottom: twoRows ? top + 1 : top, columns, unknown, width };
}
