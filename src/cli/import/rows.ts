// Turns the rows under a catalogue header into items, checking each cell and naming the exact cell when
// something is wrong.
import { CatalogueItemSchema, formatIssuePath } from '../../core/bundle/schema.ts';
import type { Audience, CatalogueItem, Disclosure, Tier } from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';
import { parseChannels, parseOptions, parseStages, parseTick } from './cells.ts';
import { domainFromTitle, normaliseDomain } from './domain.ts';
import { cellAt, cellKey, columnLetter, isBlankRow, type RawSheet } from './grid.ts';
import { normaliseHeader, type Column, type Field, type Header } from './headers.ts';
import { checkUrl, MAX_LENGTH, textLength } from './limits.ts';

export type ImportedItem = Omit<CatalogueItem, 'id' | 'guideIds' | 'interpretationIds'>;

const ImportedItemSchema = CatalogueItemSchema.omit({ id: true, guideIds: true, interpretationIds: true });

export interface SheetContext {
  /** displayPath: what problems report as `file`. */
  file: string;
  /** The domain the file name gives, the last resort. */
  fileDomain: string | null;
}

/** A "注释：" / "注：" / "填表说明" block under the table ends it. */
const NOTES_START = /^(?:注释|注|说明|填表说明)\s*[:：]|^(?:注释|填表说明)\s*$/u;

const AUDIENCE_OPTIONS = [
  { value: 'public', words: ['全社会', '社会公众', '公众'] },
  { value: 'specific', words: ['特定群体', '特定对象'] },
] as const satisfies readonly { value: Audience; words: readonly string[] }[];
const DISCLOSURE_OPTIONS = [
  { value: 'proactive', words: ['主动', '主动公开'] },
  { value: 'onRequest', words: ['依申请', '依申请公开'] },
] as const satisfies readonly { value: Disclosure; words: readonly string[] }[];
const TIER_OPTIONS = [
  { value: 'district', words: ['区级', '县级', '区(县)级', '区（县）级'] },
  { value: 'township', words: ['乡级', '镇级', '乡镇级', '乡（镇）级', '镇（街道）级', '乡镇（街道）级'] },
] as const satisfies readonly { value: Tier; words: readonly string[] }[];

/** `F (公开主体)`; a pair of tick columns reads `H-I (公开对象)`. */
export function columnRef(cols: readonly Column[], groupLabel?: string): string {
  const [first] = cols;
  if (!first) return '';
  const last = cols[cols.length - 1] ?? first;
  if (cols.length === 1) return `${first.letter} (${first.label})`;
  return `${first.letter}-${last.letter} (${groupLabel ?? first.group ?? first.label})`;
}

interface Cell {
  text: string;
  /** The text comes from a vertical merge above (a workbook's way of saying "same as above"). */
  merged: boolean;
  /** Where the text really is (the merge master), for hyperlinks. */
  row: number;
  col: number;
}

export function importSheet(
  sheet: RawSheet,
  header: Header,
  ctx: SheetContext,
): { items: ImportedItem[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const items: ImportedItem[] = [];
  const where = { file: ctx.file, ...(sheet.name !== undefined ? { sheet: sheet.name } : {}) };
  const report = (
    severity: SourceProblem['severity'],
    row: number,
    column: string | undefined,
    field: string | undefined,
    message: string,
  ) =>
    problems.push({
      severity,
      ...where,
      row,
      ...(column ? { column } : {}),
      ...(field ? { field } : {}),
      message,
    });

  for (const u of header.unknown) {
    report(
      'error',
      u.row,
      `${u.letter} (${u.label})`,
      undefined,
      `无法识别的表头“${u.label}” (unknown header)`,
    );
  }

  const byField = new Map<Field, Column[]>();
  for (const c of header.columns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, cols] of byField) {
    // Channels are sometimes split over 公开渠道 and 公开载体: read both. Any other field twice is ambiguous.
    if (field === 'channels' || field === 'notes' || field === 'seq') continue;
    for (const dup of cols.slice(1)) {
      report(
        'error',
        header.top,
        `${dup.letter} (${dup.label})`,
        field,
        `表头重复：与 ${columnRef([cols[0]!])} 是同一项 (duplicate column)`,
      );
    }
  }
  const one = (f: Field) => byField.get(f)?.[0];
  const all = (...fs: Field[]) => fs.flatMap((f) => byField.get(f) ?? []);

  const level1Col = one('level1');
  const publisherCol = one('publisher');
  const audienceCols = all('audiencePublic', 'audienceSpecific', 'audience');
  const disclosureCols = all('proactive', 'onRequest', 'disclosure');
  const tierCols = all('district', 'township', 'tier');
  const channelCols = byField.get('channels') ?? [];
  const missing: string[] = [];
  if (!level1Col) missing.push('一级事项');
  if (!publisherCol) missing.push('公开主体');
  if (!audienceCols.length) missing.push('公开对象');
  if (!disclosureCols.length) missing.push('公开方式');
  if (missing.length) {
    report(
      'error',
      header.top,
      undefined,
      undefined,
      `表头缺少：${missing.join('、')} (missing columns: ${missing.join(', ')})`,
    );
    return { items, problems };
  }
  if (!channelCols.length)
    report('warning', header.top, undefined, 'channels', '表头没有“公开渠道和载体”列 (no channels column)');

  // Domain when no 领域 column says it: the title row above the header, else the file name.
  let sheetDomain: string | null = null;
  for (let r = 1; r < header.top && !sheetDomain; r++) {
    for (const text of sheet.rows[r - 1] ?? []) {
      sheetDomain = text ? domainFromTitle(text) : null;
      if (sheetDomain) break;
    }
  }
  sheetDomain ??= ctx.fileDomain;
  const domainCol = one('domain');
  if (!domainCol && !sheetDomain) {
    report(
      'error',
      header.top,
      undefined,
      'domain',
      '无法确定领域：请加“领域”列、标题行（……领域……目录）或以领域命名文件 (cannot tell the domain)',
    );
    return { items, problems };
  }

  const known = new Set([...header.columns.map((c) => c.col), ...header.unknown.map((u) => u.col)]);
  const unlabelledWarned = new Set<number>();
  const headerRows = [];
  for (let r = header.top; r <= header.bottom; r++)
    headerRows.push((sheet.rows[r - 1] ?? []).map(normaliseHeader));

  const cell = (row: number, col: Column | undefined): Cell => {
    if (!col) return { text: '', merged: false, row, col: 0 };
    const text = cellAt(sheet, row, col.col);
    const master = sheet.mergedFrom.get(cellKey(row, col.col));
    // Only a vertical merge from a data row carries a value down; a merge across columns belongs to its first.
    if (!text && master && master.col === col.col && master.row > header.bottom) {
      return { text: cellAt(sheet, master.row, master.col), merged: true, row: master.row, col: master.col };
    }
    return { text, merged: false, row, col: col.col };
  };

  let prevLevel1 = '';
  let prevLevel2: string | null = null;
  let prevDomain = '';
  for (let r = header.bottom + 1; r <= sheet.rows.length; r++) {
    const raw = sheet.rows[r - 1];
    if (isBlankRow(raw)) continue;
    const firstText = raw!.find((t) => t !== '') ?? '';
    if (NOTES_START.test(firstText)) break;
    // Numbered but empty template rows are not items.
    const seqCols = new Set((byField.get('seq') ?? []).map((c) => c.col));
    if (raw!.every((t, i) => t === '' || seqCols.has(i + 1))) continue;
    // A header repeated where a long table broke across printed pages.
    if (headerRows.some((h) => raw!.filter((t, i) => t !== '' && normaliseHeader(t) === h[i]).length >= 3))
      continue;

    raw!.forEach((t, i) => {
      if (t !== '' && !known.has(i + 1) && !unlabelledWarned.has(i + 1)) {
        unlabelledWarned.add(i + 1);
        report(
          'warning',
          r,
          columnLetter(i + 1),
          undefined,
          '此列没有表头，内容已忽略 (column without header ignored)',
        );
      }
    });

    const rowErrors = problems.length;
    const error = (
      cols: readonly Column[] | Column | undefined,
      field: string | undefined,
      message: string,
      groupLabel?: string,
    ) =>
      report(
        'error',
        r,
        cols ? columnRef(Array.isArray(cols) ? cols : [cols as Column], groupLabel) : undefined,
        field,
        message,
      );
    const warn = (
      cols: readonly Column[] | Column | undefined,
      field: string | undefined,
      message: string,
      groupLabel?: string,
    ) =>
      report(
        'warning',
        r,
        cols ? columnRef(Array.isArray(cols) ? cols : [cols as Column], groupLabel) : undefined,
        field,
        message,
      );
    const text = (col: Column | undefined, field: keyof typeof MAX_LENGTH): string => {
      const value = cell(r, col).text;
      const limit = MAX_LENGTH[field];
      if (textLength(value) > limit)
        error(
          col,
          field,
          `内容超过 ${limit} 字（现为 ${textLength(value)} 字） (cell over ${limit} characters)`,
        );
      return value;
    };

    // 一级/二级: a merged cell or, in a CSV export, a blank under a value means "same as above"; a new
    // 一级 starts a new group, so its blank 二级 means none.
    const l1 = cell(r, level1Col);
    const level1 = l1.text || prevLevel1;
    const newGroup = l1.text !== '' && !l1.merged;
    const l2 = cell(r, one('level2'));
    const level2: string | null = l2.text || (newGroup ? null : prevLevel2);
    prevLevel1 = level1;
    prevLevel2 = level2;
    if (!level1) error(level1Col, 'level1', '缺少一级事项 (no 一级事项)');
    for (const [value, field, col] of [
      [level1, 'level1', level1Col],
      [level2 ?? '', 'level2', one('level2')],
    ] as const) {
      if (textLength(value) > MAX_LENGTH[field])
        error(
          col,
          field,
          `内容超过 ${MAX_LENGTH[field]} 字（现为 ${textLength(value)} 字） (cell over ${MAX_LENGTH[field]} characters)`,
        );
    }
    const level3 = text(one('level3'), 'level3') || null;

    let domain = normaliseDomain(cell(r, domainCol).text) || prevDomain;
    prevDomain = domain;
    domain ||= sheetDomain ?? '';
    if (!domain) error(domainCol, 'domain', '缺少领域 (no domain)');
    else if (textLength(domain) > MAX_LENGTH.domain)
      error(
        domainCol,
        'domain',
        `领域超过 ${MAX_LENGTH.domain} 字 (domain over ${MAX_LENGTH.domain} characters)`,
      );

    const content = text(one('content'), 'content');
    if (!content && one('content')) warn(one('content'), 'content', '公开内容为空 (content is empty)');
    const basis = text(one('basis'), 'basis');
    const timeLimit = text(one('timeLimit'), 'timeLimit');
    const publisher = text(publisherCol, 'publisher');
    if (!publisher.trim()) error(publisherCol, 'publisher', '缺少公开主体 (no publisher)');

    const channels: string[] = [];
    for (const col of channelCols)
      for (const ch of parseChannels(cell(r, col).text)) if (!channels.includes(ch)) channels.push(ch);
    for (const ch of channels) {
      if (textLength(ch) > MAX_LENGTH.channel)
        error(
          channelCols,
          'channels',
          `渠道名称超过 ${MAX_LENGTH.channel} 字：“${ch.slice(0, 20)}…” (channel name too long)`,
        );
    }
    if (channelCols.length && !channels.length)
      warn(channelCols, 'channels', '未勾选公开渠道和载体 (no channel ticked)');

    let stages: ImportedItem['stages'] = [];
    const stageCol = one('stages');
    if (stageCol) {
      const parsed = parseStages(cell(r, stageCol).text);
      stages = parsed.stages;
      if (parsed.unknown.length)
        error(
          stageCol,
          'stages',
          `无法识别的“五公开”阶段：${parsed.unknown.join('、')} (unknown stage; use 决策/执行/管理/服务/结果)`,
        );
      else if (!stages.length) warn(stageCol, 'stages', '未勾选“五公开”阶段 (no stage ticked)');
    }

    const ticks = <T extends string>(
      cols: Column[],
      leaf: Partial<Record<Field, T>>,
      valueField: Field,
      options: readonly { value: T; words: readonly string[] }[],
      field: string,
    ): T[] => {
      const out = new Set<T>();
      for (const col of cols) {
        const t = cell(r, col).text;
        if (col.field === valueField) {
          const parsed = parseOptions(t, options);
          parsed.values.forEach((v) => out.add(v));
          if (parsed.unknown.length)
            error(col, field, `无法识别的内容：${parsed.unknown.join('、')} (unrecognised value)`);
          continue;
        }
        const ticked = parseTick(t);
        if (ticked === null) error(col, field, `无法识别的勾选标记“${t}”：请用 √ 或留空 (unrecognised tick)`);
        else if (ticked) out.add(leaf[col.field]!);
      }
      return options.map((o) => o.value).filter((v) => out.has(v));
    };
    const audienceErrors = problems.length;
    const audience = ticks(
      audienceCols,
      { audiencePublic: 'public', audienceSpecific: 'specific' },
      'audience',
      AUDIENCE_OPTIONS,
      'audience',
    );
    if (!audience.length && problems.length === audienceErrors) {
      error(
        audienceCols,
        'audience',
        '公开对象未勾选：全社会、特定群体至少勾选一项 (neither 全社会 nor 特定群体 ticked)',
        '公开对象',
      );
    }
    const disclosureErrors = problems.length;
    const disclosure = ticks(
      disclosureCols,
      { proactive: 'proactive', onRequest: 'onRequest' },
      'disclosure',
      DISCLOSURE_OPTIONS,
      'disclosure',
    );
    if (!disclosure.length && problems.length === disclosureErrors) {
      error(
        disclosureCols,
        'disclosure',
        '公开方式未勾选：主动公开、依申请公开至少勾选一项 (neither 主动 nor 依申请 ticked)',
        '公开方式',
      );
    }
    const tierErrors = problems.length;
    const tier = ticks(
      tierCols,
      { district: 'district', township: 'township' },
      'tier',
      TIER_OPTIONS,
      'tier',
    );
    if (tierCols.length && !tier.length && problems.length === tierErrors)
      warn(tierCols, 'tier', '未勾选公开层级 (no tier ticked)', '公开层级');

    let url: string | null = null;
    const urlCol = one('url');
    const urlCell = cell(r, urlCol);
    if (urlCell.text) {
      let check = checkUrl(urlCell.text);
      // A cell showing "点击查看" over a hyperlink: the link is the address.
      const link = sheet.links.get(cellKey(urlCell.row, urlCell.col));
      if (!check.ok && link) check = checkUrl(link);
      if (!check.ok)
        error(urlCol, 'url', `网址无效“${urlCell.text}”：应以 http:// 或 https:// 开头 (invalid URL)`);
      else {
        url = check.url;
        if (check.fixed) warn(urlCol, 'url', `网址缺少 http://，已补全为 ${check.url} (scheme added)`);
      }
    }

    if (problems.slice(rowErrors).some((p) => p.severity === 'error')) continue;
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
      audience,
      disclosure,
      tier,
      url,
      source: { ...where, row: r },
    };
    // The bundle validates again; catching here names the row instead of an array index.
    const checked = ImportedItemSchema.safeParse(item);
    if (!checked.success) {
      for (const issue of checked.error.issues)
        error(undefined, formatIssuePath(issue.path), `${issue.message} (invalid item)`);
      continue;
    }
    items.push(item);
  }
  return { items, problems };
}
