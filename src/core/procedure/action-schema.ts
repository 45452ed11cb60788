// The one schema of a procedure action, for the desk's forms and the staff API alike: shapes and dates here, the
// law's rules (what may follow what, deadlines) in procedure.ts.
import { z } from 'zod';
import { CASE_KINDS, CASE_RESULTS, DELIVERY_METHODS, type ProcedureAction } from './procedure.ts';
import { REPLY_RESULTS } from './results.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, '不是有效的日期');
const text = (max: number) => z.string().max(max, `不超过 ${max} 个字`);

export const ProcedureActionSchema: z.ZodType<ProcedureAction> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('confirm'), on: isoDate }),
  z.strictObject({ type: z.literal('request-correction'), on: isoDate, text: text(2000), answerBy: isoDate }),
  z.strictObject({ type: z.literal('correction-received'), on: isoDate }),
  z.strictObject({ type: z.literal('correction-lapsed'), on: isoDate }),
  z.strictObject({
    type: z.literal('extend'),
    on: isoDate,
    reason: text(1000),
    approver: text(100),
    newDueOn: isoDate,
  }),
  z.strictObject({
    type: z.literal('consultation-start'),
    on: isoDate,
    kind: z.enum(['third-party', 'other-agency']),
    party: text(200),
  }),
  z.strictObject({ type: z.literal('consultation-end'), on: isoDate }),
  z.strictObject({
    type: z.literal('reply'),
    on: isoDate,
    result: z.enum(REPLY_RESULTS),
    reason: text(100).nullable(),
    basis: text(1000),
    referTo: text(200).nullable(),
    documentId: z.string().uuid().nullable(),
  }),
  z.strictObject({ type: z.literal('deliver'), on: isoDate, method: z.enum(DELIVERY_METHODS) }),
  z.strictObject({
    type: z.literal('case-filed'),
    on: isoDate,
    kind: z.enum(CASE_KINDS as [string, ...string[]]),
  }),
  z.strictObject({
    type: z.literal('case-concluded'),
    on: isoDate,
    caseIndex: z.number().int().min(0).max(99),
    result: z.enum(CASE_RESULTS as [string, ...string[]]),
  }),
]) as z.ZodType<ProcedureAction>;
