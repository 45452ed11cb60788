// Turns the rows under a catalogue header into items, checking each cell and naming the exact cell when
// something is wrong.
import { CatalogueItemSchema, formatIssuePath } from '../../core/bundle/schema.ts';
import type { CatalogueItem } from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';
import { parseChannels, parseStages } from './cells.ts';
import { AUDIENCE, choiceFields, DISCLOSURE, readChoice, TIER } from './choices.ts';
import { domainFromTitle, normaliseDomain } from './domain.ts';
import { cellAt, cellKey, columnName, isBlankRow, type RawSheet } from './grid.ts';
import { normaliseHeader, type Column, type Field, type Header } from './headers.ts';
import { checkUrl, MAX_LENGTH, textLength } from './limits.ts';

export type ImportedItem = Omit<CatalogueItem, 'id' | 'guideIds' | 'interpretationIds'>;

const ImportedItemSchema = CatalogueItemSchema.omit({ id: true, guideIds: true, interpretationIds: true });

export interface SheetContext {
  /** displayPath: what problems report as `file`. */
  file: string;
  /** The domain the file name gives, the last resort. */
  fileDomain: string | null;
  /** A Word table continuing the previous one: what fills down into its first rows, and its domain. */
  continues?: FillDown;
}

/** What blank cells mean "same as above" for, at the end of a table. */
export interface FillDown {
  level1: string;
  level2: string | null;
  domain: string;
  sheetDomain: string | null;
}

/** A "注释：" / "注：" / "填表说明" block under the table ends it. */
const NOTES_START = /^(?:注释|注|说明|填表说明)\s*[:：]|^(?:注释|填表说明)\s*$/u;

/** `F (公开主体)`; a group of tick columns reads `I-J (公开对象)`. */
export function columnRef(cols: readonly Column[], groupLabel?: string): string {
  const [first] = cols;
  if (!first) return '';
  if (cols.length === 1) return `${first.letter} (${first.label})`;
  const last = cols[cols.length - 1]!;
  const label = groupLabel ?? first.group ?? first.label;
  // Word-table columns: 第9-10列 rather than 第9列-第10列.
  const word = /^第(\d+)列$/;
  const [a, b] = [word.exec(first.letter)?.[1], word.exec(last.letter)?.[1]];
  if (a && b) return `第${a}-${b}列 (${label})`;
  return `${first.letter}-${last.letter} (${label})`;
}

type Report = (
  severity: SourceProblem['severity'],
  row: number,
  cols: Column | readonly Column[] | undefined,
  field: string | undefined,
  message: string,
  groupLabel?: string,
) => void;

/** Which column holds which field; null (with errors reported) when a required column is missing. */
function planColumns(header: Header, report: Report) {
  const byField = new Map<Field, Column[]>();
  for (const c of header.columns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, cols] of byField) {
    // Channels are sometimes split over 公开渠道 and 公开载体: read both. Any other field twice is ambiguous.
    if (field === 'channels' || field === 'notes' || field === 'seq') continue;
    for (const dup of cols.slice(1)) {
      report(
        'error',
        header.top,
        dup,
        field,
        `表头重复：与 ${columnRef([cols[0]!])} 是同一项 (duplicate column)`,
      );
    }
  }
  const one = (f: Field) => byField.get(f)?.[0];
  const all = (fs: Field[]) => fs.flatMap((f) => byField.get(f) ?? []);
  const plan = {
    domain: one('domain'),
    level1: one('level1'),
    level2: one('level2'),
    level3: one('level3'),
    stages: one('stages'),
    content: one('content'),
    basis: one('basis'),
    timeLimit: one('timeLimit'),
    publisher: one('publisher'),
    url: one('url'),
    seq: byField.get('seq') ?? [],
    channels: byField.get('channels') ?? [],
    audience: all(choiceFields(AUDIENCE)),
    disclosure: all(choiceFields(DISCLOSURE)),
    tier: all(choiceFields(TIER)),
  };
  const missing = [
    !plan.level1 && '一级事项',
    !plan.publisher && '公开主体',
    !plan.audience.length && '公开对象',
    !plan.disclosure.length && '公开方式',
  ].filter((x): x is string => !!x);
  if (missing.length) {
    const list = missing.join('、');
    report(
      'error',
      header.top,
      undefined,
      undefined,
      `表头缺少：${list} (missing columns: ${missing.join(', ')})`,
    );
    return null;
  }
  if (!plan.channels.length) {
    report('warning', header.top, undefined, 'channels', '表头没有“公开渠道和载体”列 (no channels column)');
  }
  return plan;
}

/**
 * The domain of rows without a 领域 cell: the title row above the header (or the title paragraph above a Word
 * table), else the file name.
 */
function sheetDomainOf(sheet: RawSheet, header: Header, fileDomain: string | null): string | null {
  // Nearest paragraph first: a document's later tables may each have their own title.
  for (const text of [...(sheet.titles ?? [])].reverse()) {
    const d = domainFromTitle(text);
    if (d) return d;
  }
  for (let r = 1; r < header.top; r++) {
    for (const text of sheet.rows[r - 1] ?? []) {
      const d = text ? domainFromTitle(text) : null;
      if (d) return d;
    }
  }
  return fileDomain;
}

interface Cell {
  text: string;
  /** The text comes from a vertical merge above: a workbook's way of saying "same as above". */
  merged: boolean;
  /** Where the text really is (the merge master), for hyperlinks. */
  row: number;
  col: number;
}

/** Reads a data cell; a slave of a vertical merge in the data area reads its master's text. */
function cellReader(sheet: RawSheet, header: Header) {
  return (row: number, col: Column | undefined): Cell => {
    if (!col) return { text: '', merged: false, row, col: 0 };
    const text = cellAt(sheet, row, col.col);
    const master = sheet.mergedFrom.get(cellKey(row, col.col));
    // A merge across columns belongs to its first column only.
    if (!text && master && master.col === col.col && master.row > header.bottom) {
      return { text: cellAt(sheet, master.row, master.col), merged: true, row: master.row, col: master.col };
    }
    return { text, merged: false, row, col: col.col };
  };
}

export function importSheet(
  sheet: RawSheet,
  header: Header,
  ctx: SheetContext,
): { items: ImportedItem[]; problems: SourceProblem[]; fillDown?: FillDown } {
  const problems: SourceProblem[] = [];
  const items: ImportedItem[] = [];
  const where = { file: ctx.file, ...(sheet.name !== undefined ? { sheet: sheet.name } : {}) };
  const report: Report = (severity, row, cols, field, message, groupLabel) => {
    const list: readonly Column[] = cols === undefined ? [] : Array.isArray(cols) ? cols : [cols as Column];
    const column = columnRef(list, groupLabel);
    problems.push({
      severity,
      ...where,
      row,
      ...(column ? { column } : {}),
      ...(field ? { field } : {}),
      message,
    });
  };

  for (const u of header.unknown) {
    problems.push({
      severity: 'error',
      ...where,
      row: u.row,
      column: `${u.letter} (${u.label})`,
      message: `无法识别的表头“${u.label}” (unknown header)`,
    });
  }
  // A continuation reuses a header already checked (and reported) with the table before it.
  const plan = planColumns(header, ctx.continues ? () => undefined : report);
  if (!plan) return { items, problems };
  const sheetDomain = ctx.continues
    ? ctx.continues.sheetDomain
    : sheetDomainOf(sheet, header, ctx.fileDomain);
  if (!plan.domain && !sheetDomain) {
    report(
      'error',
      header.top,
      undefined,
      'domain',
      '无法确定领域：请加“领域”列、标题行（……领域……目录）或以领域命名文件 (cannot tell the domain)',
    );
    return { items, problems };
  }

  const cell = cellReader(sheet, header);
  const labelled = new Set([...header.columns.map((c) => c.col), ...header.unknown.map((u) => u.col)]);
  const seqCols = new Set(plan.seq.map((c) => c.col));
  const headerRows: string[][] = [];
  for (let r = header.top; r <= header.bottom; r++)
    headerRows.push((sheet.rows[r - 1] ?? []).map(normaliseHeader));
  const warnedUnlabelled = new Set<number>();

  let prevLevel1 = ctx.continues?.level1 ?? '';
  let prevLevel2: string | null = ctx.continues?.level2 ?? null;
  let prevDomain = ctx.continues?.domain ?? '';
  for (let r = header.bottom + 1; r <= sheet.rows.length; r++) {
    const raw = sheet.rows[r - 1] ?? [];
    if (isBlankRow(raw)) continue;
    if (NOTES_START.test(raw.find((t) => t !== '') ?? '')) break;
    // Numbered but otherwise empty template rows are not items.
    if (raw.every((t, i) => t === '' || seqCols.has(i + 1))) continue;
    // A header repeated where a long table broke across printed pages.
    if (headerRows.some((h) => raw.filter((t, i) => t !== '' && normaliseHeader(t) === h[i]).length >= 3))
      continue;

    raw.forEach((t, i) => {
      if (t === '' || labelled.has(i + 1) || warnedUnlabelled.has(i + 1)) return;
      warnedUnlabelled.add(i + 1);
      problems.push({
        severity: 'warning',
        ...where,
        row: r,
        column: columnName(sheet, i + 1),
        message: '此列没有表头，内容已忽略 (column without header ignored)',
      });
    });

    const firstProblem = problems.length;
    const error = (
      cols: Column | readonly Column[] | undefined,
      field: string,
      message: string,
      group?: string,
    ) => report('error', r, cols, field, message, group);
    const warn = (
      cols: Column | readonly Column[] | undefined,
      field: string,
      message: string,
      group?: string,
    ) => report('warning', r, cols, field, message, group);
    const checkLength = (
      value: string,
      field: keyof typeof MAX_LENGTH,
      col: Column | readonly Column[] | undefined,
    ) => {
      const limit = MAX_LENGTH[field];
      const n = textLength(value);
      if (n > limit) {
        const reported = field === 'channel' ? 'channels' : field;
        error(col, reported, `内容超过 ${limit} 字（现为 ${n} 字） (cell over ${limit} characters)`);
      }
      return value;
    };
    const text = (col: Column | undefined, field: keyof typeof MAX_LENGTH) =>
      checkLength(cell(r, col).text, field, col);

    // 一级/二级: a merged cell or, in a CSV export, a blank under a value means "same as above"; a new
    // 一级 starts a new group, so its blank 二级 means none.
    const l1 = cell(r, plan.level1);
    const level1 = l1.text || prevLevel1;
    const newGroup = l1.text !== '' && !l1.merged;
    const level2: string | null = cell(r, plan.level2).text || (newGroup ? null : prevLevel2);
    prevLevel1 = level1;
    prevLevel2 = level2;
    if (!level1) error(plan.level1, 'level1', '缺少一级事项 (no 一级事项)');
    checkLength(level1, 'level1', plan.level1);
    checkLength(level2 ?? '', 'level2', plan.level2);
    const level3 = text(plan.level3, 'level3') || null;

    // 领域 fills down like 一级事项 (a merged 领域 exports as blanks); rows before any fall back to the sheet's.
    const domainCell = normaliseDomain(cell(r, plan.domain).text);
    prevDomain = domainCell || prevDomain;
    const domain = checkLength(prevDomain || sheetDomain || '', 'domain', plan.domain);
    if (!domain) error(plan.domain, 'domain', '缺少领域 (no domain)');

    const content = text(plan.content, 'content');
    if (!content && plan.content) warn(plan.content, 'content', '公开内容为空 (content is empty)');
    const basis = text(plan.basis, 'basis');
    const timeLimit = text(plan.timeLimit, 'timeLimit');
    const publisher = text(plan.publisher, 'publisher');
    if (!publisher) error(plan.publisher, 'publisher', '缺少公开主体 (no publisher)');

    const channels = [...new Set(plan.channels.flatMap((col) => parseChannels(cell(r, col).text)))];
    for (const ch of channels) checkLength(ch, 'channel', plan.channels);
    if (plan.channels.length && !channels.length) {
      warn(plan.channels, 'channels', '未勾选公开渠道和载体 (no channel ticked)');
    }

    let stages: ImportedItem['stages'] = [];
    if (plan.stages) {
      const parsed = parseStages(cell(r, plan.stages).text);
      stages = parsed.stages;
      if (parsed.unknown.length) {
        const list = parsed.unknown.join('、');
        error(
          plan.stages,
          'stages',
          `无法识别的“五公开”阶段：${list} (unknown stage; use 决策/执行/管理/服务/结果)`,
        );
      } else if (!stages.length) warn(plan.stages, 'stages', '未勾选“五公开”阶段 (no stage ticked)');
    }

    const cellsOf = (cols: Column[]) => cols.map((col) => ({ col, text: cell(r, col).text }));
    const audience = readChoice(AUDIENCE, cellsOf(plan.audience));
    const disclosure = readChoice(DISCLOSURE, cellsOf(plan.disclosure));
    const tier = readChoice(TIER, cellsOf(plan.tier));
    for (const [choice, field] of [
      [audience, 'audience'],
      [disclosure, 'disclosure'],
      [tier, 'tier'],
    ] as const) {
      for (const bad of choice.bad) error(bad.col, field, bad.message);
    }
    // An unreadable tick is reported as such, not also as "nothing ticked".
    if (!audience.values.length && !audience.bad.length) {
      const msg = '公开对象未勾选：全社会、特定群体至少勾选一项 (neither 全社会 nor 特定群体 ticked)';
      error(plan.audience, 'audience', msg, '公开对象');
    }
    if (!disclosure.values.length && !disclosure.bad.length) {
      const msg = '公开方式未勾选：主动公开、依申请公开至少勾选一项 (neither 主动 nor 依申请 ticked)';
      error(plan.disclosure, 'disclosure', msg, '公开方式');
    }
    if (plan.tier.length && !tier.values.length && !tier.bad.length) {
      warn(plan.tier, 'tier', '未勾选公开层级 (no tier ticked)', '公开层级');
    }

    let url: string | null = null;
    const urlCell = cell(r, plan.url);
    if (urlCell.text) {
      let check = checkUrl(urlCell.text);
      // A cell showing "点击查看" over a hyperlink: the link is the address.
      const link = sheet.links.get(cellKey(urlCell.row, urlCell.col));
      if (!check.ok && link) check = checkUrl(link);
      if (!check.ok)
        error(plan.url, 'url', `网址无效“${urlCell.text}”：应以 http:// 或 https:// 开头 (invalid URL)`);
      else {
        url = check.url;
        if (check.fixed) warn(plan.url, 'url', `网址缺少 http://，已补全为 ${check.url} (scheme added)`);
      }
    }

    if (problems.slice(firstProblem).some((p) => p.severity === 'error')) continue;
    const item: ImportedItem = {
      domain,
      level1,
      level2,
      level3,
      stages,
      content,
      basis,
      timeLimit,
      publisher,
      channels,
      audience: audience.values,
      disclosure: disclosure.values,
      tier: tier.values,
      url,
      source: { ...where, row: r },
    };
    // The bundle validates again; catching it here names the row instead of an array index.
    const checked = ImportedItemSchema.safeParse(item);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        error(undefined, formatIssuePath(issue.path), `${issue.message} (invalid item)`);
      }
      continue;
    }
    items.push(item);
  }
  return {
    items,
    problems,
    fillDown: { level1: prevLevel1, level2: prevLevel2, domain: prevDomain, sheetDomain },
  };
}
