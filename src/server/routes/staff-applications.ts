// The office's routes over applications (behind the staff middleware): POST
// /api/v1/staff/applications/:code/status and the register's export as JSON and CSV.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  EXTENSION_WORKING_DAYS,
  parseReceiptCode,
  REPLY_WORKING_DAYS,
} from '../../core/application/receipt.ts';
import {
  APPLICATION_STATUSES,
  isReplyStatus,
  PENDING_STATUS,
  type ApplicationStatus,
} from '../../core/application/status.ts';
import { chinaDate } from '../../core/application/validators.ts';
import { CalendarYearMissingError } from '../../core/calendar/working-days.ts';
import { toCsv } from '../csv.ts';
import { errorBody, readJson, tooLarge, zodError, unreadableBody } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import type { ApplicationStore } from '../store.ts';
import type { WorkingCalendarSource } from '../working-calendar.ts';
import { CSV_HEADER, csvRow } from './export-csv.ts';

export interface StaffApplicationRoutesDeps {
  store: ApplicationStore;
  logger: Logger;
  /** Staff request body limit, bytes. */
  staffBytes: number;
  workingCalendar: WorkingCalendarSource;
  now: () => Date;
}

const StatusUpdateSchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES),
  note: z.string().max(1000).default(''),
  /** The legal date of receipt, e.g. the day the office confirmed, or received a correction (Art. 30). */
  receivedOn: z.iso.date().optional(),
});

export function staffApplicationRoutes(deps: StaffApplicationRoutesDeps): Hono {
  const { store, logger } = deps;
  const limits = { staffBytes: deps.staffBytes };
  const app = new Hono();

  app.post(
    '/api/v1/staff/applications/:code/status',
    bodyLimit({ maxSize: limits.staffBytes, onError: tooLarge(limits.staffBytes) }),
    async (c) => {
      const code = parseReceiptCode(c.req.param('code'));
      if (!code) return c.json(errorBody('invalid_code', '查询码不对', 'code'), 400);
      const raw = await readJson(c);
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
      const body = StatusUpdateSchema.safeParse(raw.value);
      if (!body.success) return c.json(zodError(body.error, 'invalid_body'), 400);
      const { status, note, receivedOn: givenReceivedOn } = body.data;
      const now = deps.now();
      const cal = await deps.workingCalendar();
      let dateProblem: string | null = null;
      const updated = await store.setStatus(
        code,
        status,
        note,
        (cur) => {
          let receivedOn = givenReceivedOn ?? cur.receivedOn;
          // Confirming an electronic filing: the day of confirmation is the day of receipt (Art. 31(3)).
          if (!receivedOn && status !== PENDING_STATUS) receivedOn = chinaDate(now);
          let dueOn = cur.dueOn;
          if (receivedOn && !isReplyStatus(status)) {
            const days = status === '延期' ? REPLY_WORKING_DAYS + EXTENSION_WORKING_DAYS : REPLY_WORKING_DAYS;
            try {
              dueOn = cal ? cal.addWorkingDays(receivedOn, days) : null;
              if (!cal) dateProblem = 'calendar_unavailable';
            } catch (e) {
              if (!(e instanceof CalendarYearMissingError)) throw e;
              dueOn = null;
              dateProblem = e.message;
            }
          }
          return { receivedOn, dueOn };
        },
        now,
      );
      if (!updated) return c.json(errorBody('not_found', '没有这个查询码的申请', 'code'), 404);
      logger.info('status_set', { number: updated.number, status });
      return c.json({ ...updated, ...(dateProblem ? { dueOnProblem: dateProblem } : {}) });
    },
  );

  const exportFilter = (c: Context) => {
    const status = c.req.query('status');
    const since = c.req.query('since');
    return {
      ...(status && (APPLICATION_STATUSES as readonly string[]).includes(status)
        ? { status: status as ApplicationStatus }
        : {}),
      ...(since && !Number.isNaN(Date.parse(since)) ? { since: new Date(since).toISOString() } : {}),
    };
  };

  app.get('/api/v1/staff/export.json', async (c) => {
    const rows = await store.list(exportFilter(c));
    logger.info('staff_export', { format: 'json', count: rows.length });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="applications-${chinaDate(deps.now())}.json"`);
    return c.json({ exportedAt: deps.now().toISOString(), count: rows.length, applications: rows });
  });

  app.get('/api/v1/staff/export.csv', async (c) => {
    const rows = await store.list(exportFilter(c));
    logger.info('staff_export', { format: 'csv', count: rows.length });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="applications-${chinaDate(deps.now())}.csv"`);
    return c.body(toCsv(CSV_HEADER, rows.map(csvRow)));
  });

  return app;
}
