// departments.csv and synonyms.csv: small tables staff edit in a spreadsheet and save as CSV.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Department, Synonym } from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';
import { decodeText } from './text-file.ts';

const LIST_SEPARATORS = /[、；;，,\n]+/;
const splitList = (s: string | undefined) =>
  (s ?? '')
    .split(LIST_SEPARATORS)
    .map((x) => x.trim())
    .filter(Boolean);

interface Table {
  file: string;
  header: string[];
  /** Data rows with their 1-based line numbers. */
  rows: { line: number; cells: Record<string, string> }[];
}

async function readCsvTable(
  sourceDir: string,
  name: string,
  problems: SourceProblem[],
): Promise<Table | null> {
  let text: string;
  try {
    text = decodeText(await readFile(join(sourceDir, name)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    problems.push({
      severity: 'error',
      file: name,
      message: `CSV 格式错误 (malformed CSV): ${(e as Error).message}`,
    });
    return null;
  }
  const [head, ...body] = records;
  if (!head) return { file: name, header: [], rows: [] };
  const header = head.record.map((h) => h.trim());
  return {
    file: name,
    header,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(header.map((h, i) => [h, record[i]?.trim() ?? ''])),
    })),
  };
}

function requireColumns(table: Table, columns: string[], problems: SourceProblem[]): boolean {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length) {
    problems.push({
      severity: 'error',
      file: table.file,
      row: 1,
      message: `缺少列 (missing columns): ${missing.join('、')}`,
    });
  }
  return missing.length === 0;
}

export async function loadDepartments(sourceDir: string, problems: SourceProblem[]): Promise<Department[]> {
  const table = await readCsvTable(sourceDir, 'departments.csv', problems);
  if (!table || !requireColumns(table, ['编号', '名称'], problems)) return [];
  const seen = new Map<string, number>();
  const out: Department[] = [];
  for (const { line, cells } of table.rows) {
    const id = cells['编号'] ?? '';
    const name = cells['名称'] ?? '';
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) {
      problems.push({
        severity: 'error',
        file: table.file,
        row: line,
        column: '编号',
        message: `编号须为小写字母、数字和 - (id must be a slug): “${id}”`,
      });
      continue;
    }
    if (!name) {
      problems.push({
        severity: 'error',
        file: table.file,
        row: line,
        column: '名称',
        message: '缺少名称 (name is empty)',
      });
      continue;
    }
    if (seen.has(id)) {
      problems.push({
        severity: 'error',
        file: table.file,
        row: line,
        column: '编号',
        message: `编号重复，已见于第${seen.get(id)}行 (duplicate id)`,
      });
      continue;
    }
    seen.set(id, line);
    out.push({
      id,
      name,
      aliases: splitList(cells['简称']),
      address: cells['地址'] ?? '',
      hours: cells['办公时间'] ?? '',
      phone: cells['联系电话'] ?? cells['电话'] ?? '',
      window: cells['窗口'] ?? '',
    });
  }
  return out;
}

export async function loadSynonyms(sourceDir: string, problems: SourceProblem[]): Promise<Synonym[]> {
  const table = await readCsvTable(sourceDir, 'synonyms.csv', problems);
  if (!table || !requireColumns(table, ['口语词', '规范词'], problems)) return [];
  const byTerm = new Map<string, Synonym>();
  for (const { line, cells } of table.rows) {
    const term = cells['口语词'] ?? '';
    const official = splitList(cells['规范词']);
    if (!term || !official.length) {
      problems.push({
        severity: 'error',
        file: table.file,
        row: line,
        column: term ? '规范词' : '口语词',
        message: '口语词和规范词都不能为空 (both columns are required)',
      });
      continue;
    }
    if (term.length > 50) {
      problems.push({
        severity: 'error',
        file: table.file,
        row: line,
        column: '口语词',
        message: '口语词超过 50 字 (term over 50 characters)',
      });
      continue;
    }
    const existing = byTerm.get(term);
    // The same colloquial word on two rows merges: staff add meanings over time.
    if (existing) existing.official = [...new Set([...existing.official, ...official])];
    else byTerm.set(term, { term, official });
  }
  return [...byTerm.values()];
}
