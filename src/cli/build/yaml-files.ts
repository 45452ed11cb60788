// site.yaml, calendar.yaml and notices.yaml: parsed with `yaml`, checked with the bundle schemas.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  CalendarYearSchema,
  NoticeSchema,
  type CalendarYear,
  type Notice,
} from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';
import { dateLike, zodProblems } from './front-matter.ts';
import { decodeText } from './text-file.ts';

export const SiteSchema = z.object({
  site: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a slug of lowercase letters, digits and -'),
  siteName: z.string().trim().min(1),
  validDays: z.number().int().min(1).max(3650).default(180),
  minAppVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('0.1.0'),
});
export type SiteSettings = z.infer<typeof SiteSchema>;

async function readYaml(sourceDir: string, name: string, problems: SourceProblem[]): Promise<unknown> {
  let text: string;
  try {
    text = decodeText(await readFile(join(sourceDir, name)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return parse(text);
  } catch (e) {
    const err = e as Error & { linePos?: { line: number }[] };
    const row = err.linePos?.[0]?.line;
    problems.push({
      severity: 'error',
      file: name,
      ...(row ? { row } : {}),
      message: `YAML 格式错误 (malformed YAML): ${err.message.split('\n')[0]}`,
    });
    return undefined;
  }
}

export async function loadSite(sourceDir: string, problems: SourceProblem[]): Promise<SiteSettings | null> {
  const raw = await readYaml(sourceDir, 'site.yaml', problems);
  if (raw === undefined) {
    problems.push({
      severity: 'error',
      file: 'site.yaml',
      message: '缺少 site.yaml (site.yaml is required: site, siteName)',
    });
    return null;
  }
  const parsed = SiteSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, 'site.yaml'));
    return null;
  }
  return parsed.data;
}

const CalendarSourceSchema = z.array(
  CalendarYearSchema.extend({
    source: z.string().default(''),
    holidays: z
      .array(z.object({ name: z.string().trim().min(1), start: dateLike, end: dateLike }))
      .default([]),
    workdays: z.array(dateLike).default([]),
  }),
);

export async function loadCalendar(sourceDir: string, problems: SourceProblem[]): Promise<CalendarYear[]> {
  const raw = await readYaml(sourceDir, 'calendar.yaml', problems);
  if (raw === undefined) return [];
  const parsed = CalendarSourceSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, 'calendar.yaml'));
    return [];
  }
  const years = new Set<number>();
  for (const y of parsed.data) {
    if (years.has(y.year))
      problems.push({
        severity: 'error',
        file: 'calendar.yaml',
        message: `${y.year} 年重复 (year listed twice)`,
      });
    years.add(y.year);
    const inYear = (d: string) =>
      d.startsWith(`${y.year}-`) || d.startsWith(`${y.year + 1}-01`) || d.startsWith(`${y.year - 1}-12`);
    for (const h of y.holidays) {
      if (h.end < h.start)
        problems.push({
          severity: 'error',
          file: 'calendar.yaml',
          field: `${y.year}.${h.name}`,
          message: `${h.name}: 结束日期早于开始日期 (end before start)`,
        });
      if (!inYear(h.start))
        problems.push({
          severity: 'error',
          file: 'calendar.yaml',
          field: `${y.year}.${h.name}`,
          message: `${h.name}: ${h.start} 不在 ${y.year} 年 (date outside the year)`,
        });
    }
    for (const d of y.workdays) {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (day !== 0 && day !== 6)
        problems.push({
          severity: 'error',
          file: 'calendar.yaml',
          field: `${y.year}.workdays`,
          message: `${d} 不是周末，无需调休上班 (make-up workday must be a weekend day)`,
        });
    }
  }
  return parsed.data;
}

const NoticesSourceSchema = z.array(
  NoticeSchema.extend({
    from: dateLike.nullable().default(null),
    until: dateLike.nullable().default(null),
    body: z.string().default(''),
  }),
);

export async function loadNotices(sourceDir: string, problems: SourceProblem[]): Promise<Notice[]> {
  const raw = await readYaml(sourceDir, 'notices.yaml', problems);
  if (raw === undefined || raw === null) return [];
  const parsed = NoticesSourceSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, 'notices.yaml'));
    return [];
  }
  return parsed.data;
}
