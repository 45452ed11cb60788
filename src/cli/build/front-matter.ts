// Front-matter schemas for Markdown sources, and a helper that turns zod issues into source problems.
import { z } from 'zod';
import { formatIssuePath, POLICY_VALIDITY, POLICY_VALIDITY_LABELS } from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';

/** YAML turns 2026-03-01 into a Date; accept both and keep the calendar date. */
export const dateLike = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)));

const itemRefs = z.array(z.string().trim().min(1)).default([]);

export const GuideFrontMatterSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'lowercase letters, digits and -')
    .optional(),
  title: z.string().trim().min(1, '缺少标题 title'),
  domain: z.string().trim().min(1, '缺少领域 domain'),
  department: z.string().trim().default(''),
  items: itemRefs,
  updated: dateLike.optional(),
  attachments: z
    .array(z.object({ file: z.string().trim().min(1), name: z.string().trim().min(1).optional() }))
    .default([]),
});

export const InterpretationFrontMatterSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'lowercase letters, digits and -')
    .optional(),
  title: z.string().trim().min(1, '缺少标题 title'),
  domain: z.string().trim().min(1, '缺少领域 domain'),
  department: z.string().trim().default(''),
  policy: z.string().trim().default(''),
  /** 有效 / 已修改 / 已废止 (or the English words), as the policy document is marked. */
  validity: z
    .string()
    .trim()
    .default('有效')
    .transform((v, ctx) => {
      const found = POLICY_VALIDITY.find((k) => k === v || POLICY_VALIDITY_LABELS[k] === v);
      if (found) return found;
      ctx.addIssue({
        code: 'custom',
        message: `有效性应为 有效、已修改 或 已废止 (validity must be one of 有效, 已修改, 已废止), not "${v}"`,
      });
      return z.NEVER;
    }),
  validity_note: z.string().trim().max(500).default(''),
  date: dateLike.optional(),
  items: itemRefs,
});

export function zodProblems(error: z.ZodError, file: string, row?: number): SourceProblem[] {
  return error.issues.map((issue) => ({
    severity: 'error' as const,
    file,
    ...(row === undefined ? {} : { row }),
    field: formatIssuePath(issue.path),
    message: `${formatIssuePath(issue.path)}: ${issue.message}`,
  }));
}
