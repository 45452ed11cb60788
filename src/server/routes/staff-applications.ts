// The office's routes over applications (behind the staff middleware): POST
// /api/v1/staff/applications/:code/actions (one procedure action) and the register's export as JSON and CSV.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseReceiptCode } from '../../core/application/receipt.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../core/application/status.ts';
import { ProcedureActionSchema } from '../../core/procedure/action-schema.ts';
import { ProcedureError } from '../../core/procedure/procedure.ts';
import { CaseError, CaseStore } from '../desk/case-store.ts';
import { chinaDate } from '../../core/application/validators.ts';
import { toCsv } from '../csv.ts';
import { currentDue } from '../due-dates.ts';
import { errorBody, readJson, tooLarge, zodError, unreadableBody } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import type { ApplicationStore, ExportRow } from '../store.ts';
import type { WorkingCalendarSource } from '../working-calendar.ts';
import { CSV_HEADER, csvRow, type DatedExportRow } from './export-csv.ts';

export interface StaffApplicationRoutesDeps {
  store: ApplicationStore;
  logger: Logger;
  /** Staff request body limit, bytes. */
  staffBytes: number;
  workingCalendar: WorkingCalendarSource;
  now: () => Date;
  /** The site's time zone for the CSV export (kiosk-config timeZone); Asia/Shanghai without it. */
  timeZone?: () => Promise<string>;
}

/** Actions taken through the API with the staff token, not a desk account. */
const API_ACTOR = { id: null, username: 'api' };

export function staffApplicationRoutes(deps: StaffApplicationRoutesDeps): Hono {
  const { store, logger } = deps;
  const limits = { staffBytes: deps.staffBytes };
  const app = new Hono();
  const cases = new CaseStore(store.db, deps.now, (id, sealed) => store.openPersonal(id, sealed));

  // One procedure action (src/core/procedure), as the desk's forms post it; refused (409) when the law does not
  // allow it in the application's current state. Recorded as done by the staff token ('api').
  app.post(
    '/api/v1/staff/applications/:code/actions',
    bodyLimit({ maxSize: limits.staffBytes, onError: tooLarge(limits.staffBytes) }),
    async (c) => {
      const code = parseReceiptCode(c.req.param('code'));
      if (!code) return c.json(errorBody('invalid_code', '查询码不对', 'code'), 400);
      const raw = await readJson(c);
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
      const body = ProcedureActionSchema.safeParse(raw.value);
      if (!body.success) return c.json(zodError(body.error, 'invalid_body'), 400);
      const cal = await deps.workingCalendar();
      if (!cal) return c.json(errorBody('calendar_unavailable', '没有节假日日历，无法计算期限'), 409);
      try {
        const done = await cases.perform(code, body.data, API_ACTOR, cal, null);
        logger.info('procedure_action', { number: done.id, type: body.data.type });
        return c.json({
          receiptCode: done.receiptCode,
          status: done.status,
          receivedOn: done.state.receivedOn,
          dueOn: done.state.dueOn,
          state: done.state,
        });
      } catch (e) {
        if (e instanceof CaseError) return c.json(errorBody(e.code, e.message, 'code'), e.status);
        if (e instanceof ProcedureError) return c.json(errorBody(e.code, e.message, e.field), 409);
        throw e;
      }
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

  /** The register's rows with their due dates counted on the live calendar (预计 where a notice is missing). */
  const datedRows = async (c: Context): Promise<DatedExportRow[]> => {
    const rows: ExportRow[] = await store.list(exportFilter(c));
    const cal = await deps.workingCalendar();
    const decided = await cases.withActions();
    return rows.map((r) => ({ ...r, ...currentDue(r, cal, decided.has(r.number)) }));
  };

  app.get('/api/v1/staff/export.json', async (c) => {
    const rows = await datedRows(c);
    logger.info('staff_export', { format: 'json', count: rows.length });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="applications-${chinaDate(deps.now())}.json"`);
    return c.json({ exportedAt: deps.now().toISOString(), count: rows.length, applications: rows });
  });

  app.get('/api/v1/staff/export.csv', async (c) => {
    const rows = await datedRows(c);
    logger.info('staff_export', { format: 'csv', count: rows.length });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="applications-${chinaDate(deps.now())}.csv"`);
    const timeZone = deps.timeZone ? await deps.timeZone() : undefined;
    return c.body(
      toCsv(
        CSV_HEADER,
        rows.map((r) => csvRow(r, timeZone)),
      ),
    );
  });

  return app;
}
