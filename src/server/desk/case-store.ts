// The desk's reads and writes over applications: the queue (filtered, paged), one application with its history,
// procedure actions applied in a transaction through the core state machine, reply documents, and the rows the
// annual report counts. Personal data is read only for the one application a clerk opens or the page they list.
import { randomUUID } from 'node:crypto';
import type { Application } from '../../core/application/schema.ts';
import type { ApplicationStatus } from '../../core/application/status.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { ApplicantKind, ReportApplication } from '../../core/procedure/annual-report.ts';
import {
  applyAction,
  initialState,
  visitorView,
  type ProcedureAction,
  type ProcedureState,
} from '../../core/procedure/procedure.ts';
import type { ReplyResult } from '../../core/procedure/results.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { StaffUser } from './accounts.ts';

export interface QueueFilter {
  /** Only these agencies (a clerk's); null = all. */
  agencies: string[] | null;
  agency?: string;
  status?: ApplicationStatus;
  staffAssisted?: boolean;
  /** Open applications due on or before this date. */
  dueOnOrBefore?: string;
  /** Open applications whose due date is before this date. */
  overdueOn?: string;
  /** A receipt code or (part of) the applicant's name. */
  q?: string;
  page?: number;
}

export interface QueueRow {
  id: number;
  receiptCode: string;
  agencyId: string;
  agencyName: string;
  applicantName: string;
  status: ApplicationStatus;
  receivedOn: string | null;
  dueOn: string | null;
  clockPaused: boolean;
  staffAssisted: boolean;
  filedAt: string;
}

export const QUEUE_PAGE_SIZE = 50;
/**
 * The queue counts its matches up to this many (past it the caption says "超过 1000 份" and asks for a filter):
 * counting 10,000 staff-assisted rows of 100,000 alone took 150 ms; no one pages through a thousand.
 */
export const QUEUE_COUNT_CAP = 1000;

export interface CaseRecord {
  id: number;
  receiptCode: string;
  agencyId: string;
  status: ApplicationStatus;
  receiptRule: 'in-person' | 'electronic';
  filedAt: string;
  deliveredAt: string;
  staffAssisted: boolean;
  applicantKind: ApplicantKind;
  /** Null once the retention period deleted the personal data. */
  application: Application | null;
  meta: Record<string, unknown>;
  state: ProcedureState;
}

export interface HistoryEntry {
  at: string;
  who: string;
  what: string;
  action: ProcedureAction | null;
}

export class CaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => new Date(v as string).toISOString();

interface QueueDbRow {
  id: number;
  client_id: string;
  personal: string | null;
  receipt_code: string;
  agency_id: string;
  status: ApplicationStatus;
  received_on: string | null;
  due_on: string | null;
  clock_paused: boolean;
  staff_assisted: boolean;
  created_at: Date | string;
}

interface CaseRow {
  id: number;
  receipt_code: string;
  agency_id: string;
  status: ApplicationStatus;
  receipt_rule: 'in-person' | 'electronic';
  created_at: Date | string;
  delivered_at: Date | string;
  staff_assisted: boolean;
  applicant_kind: ApplicantKind;
  received_on: string | null;
  client_id: string;
  personal: string | null;
  meta: unknown;
  state_after: unknown;
}

/** Opens a row's encrypted content (ApplicationStore.openPersonal); null once retention deleted it. */
export type OpenPersonal = (clientId: string, personal: string | null) => Application | null;

/**
 * Name search decrypts the filtered rows (names are encrypted at rest): past this many it asks for a narrower filter
 * instead. 1,000 openings cost about 120 ms here, which keeps a search inside the queue's 200 ms budget.
 */
export const NAME_SEARCH_MAX_ROWS = 1000;

export class CaseStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly openPersonal: OpenPersonal,
  ) {}

  async queue(
    f: QueueFilter,
  ): Promise<{ rows: QueueRow[]; total: number; totalCapped: boolean; tooBroad?: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.agencies) where.push(`a.agency_id = ANY(${p(f.agencies)}::text[])`);
    if (f.agency) where.push(`a.agency_id = ${p(f.agency)}`);
    if (f.status) where.push(`a.status = ${p(f.status)}`);
    if (f.staffAssisted !== undefined) where.push(`a.staff_assisted = ${p(f.staffAssisted)}`);
    if (f.dueOnOrBefore) where.push(`a.closed_on IS NULL AND a.due_on <= ${p(f.dueOnOrBefore)}::date`);
    if (f.overdueOn) where.push(`a.closed_on IS NULL AND a.due_on < ${p(f.overdueOn)}::date`);
    const q = f.q?.trim() ?? '';
    const code = q.toUpperCase().replace(/[\s-]/g, '');
    const byCode = /^[0-9A-Z]{6,12}$/.test(code);
    if (byCode) where.push(`a.receipt_code = ${p(code)}`);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const columns = `a.id, a.client_id::text AS client_id, a.personal, a.receipt_code, a.agency_id, a.status,
      a.received_on::text AS received_on, a.due_on::text AS due_on, a.clock_paused, a.staff_assisted, a.created_at`;
    // The queue's order exactly as migration 009 indexes it (qualified: the text aliases must not be sorted on).
    const order = 'ORDER BY (a.closed_on IS NULL) DESC, a.due_on ASC NULLS FIRST, a.id ASC';
    const page = Math.max(0, (f.page ?? 1) - 1);
    let rows: QueueDbRow[];
    let total: number;
    let totalCapped = false;
    if (q && !byCode) {
      // Names are encrypted at rest: the filtered rows are opened here, so a name search needs a narrow filter.
      const n = await this.countUpTo(cond, params, NAME_SEARCH_MAX_ROWS + 1);
      if (n > NAME_SEARCH_MAX_ROWS) return { rows: [], total: 0, totalCapped: false, tooBroad: true };
      const all = (
        await this.db.query<QueueDbRow>(`SELECT ${columns} FROM applications a ${cond} ${order}`, params)
      ).filter((r) => this.openPersonal(r.client_id, r.personal)?.applicant.name.includes(q));
      total = all.length;
      rows = all.slice(page * QUEUE_PAGE_SIZE, (page + 1) * QUEUE_PAGE_SIZE);
    } else {
      // The page is an index range scan with LIMIT; the count stops at QUEUE_COUNT_CAP (counting every one of
      // 100,000 rows costs more than the page itself, and no one pages that far: they filter).
      const [r, n] = await Promise.all([
        this.db.query<QueueDbRow>(
          `SELECT ${columns} FROM applications a ${cond} ${order} LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${page * QUEUE_PAGE_SIZE}`,
          params,
        ),
        this.countUpTo(cond, params, QUEUE_COUNT_CAP + 1),
      ]);
      rows = r;
      totalCapped = n > QUEUE_COUNT_CAP;
      total = Math.min(n, QUEUE_COUNT_CAP);
    }
    return {
      total,
      totalCapped,
      rows: rows.map((r) => {
        const app = this.openPersonal(r.client_id, r.personal);
        return {
          id: Number(r.id),
          receiptCode: r.receipt_code,
          agencyId: r.agency_id,
          agencyName: app?.request.agencyName || r.agency_id,
          applicantName: app ? app.applicant.name : '（已按保存期限删除）',
          status: r.status,
          receivedOn: r.received_on,
          dueOn: r.due_on,
          clockPaused: r.clock_paused,
          staffAssisted: r.staff_assisted,
          filedAt: iso(r.created_at),
        };
      }),
    };
  }

  /** How many rows match, counting no further than `cap`. */
  private async countUpTo(cond: string, params: unknown[], cap: number): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM applications a ${cond} LIMIT ${cap}) c`,
      params,
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async load(
    q: Queryable,
    receiptCode: string,
    calendar: WorkingCalendar,
    lock: boolean,
  ): Promise<CaseRecord | null> {
    const rows = await q.query<CaseRow>(
      `SELECT a.id, a.receipt_code, a.agency_id, a.status, a.receipt_rule, a.created_at, a.delivered_at,
         a.staff_assisted, a.applicant_kind, a.received_on::text AS received_on, a.client_id::text AS client_id,
         a.personal, a.meta,
         (SELECT state_after FROM procedure_actions pa WHERE pa.application_id = a.id ORDER BY pa.id DESC LIMIT 1)
           AS state_after
       FROM applications a WHERE a.receipt_code = $1${lock ? ' FOR UPDATE' : ''}`,
      [receiptCode],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: Number(r.id),
      receiptCode: r.receipt_code,
      agencyId: r.agency_id,
      status: r.status,
      receiptRule: r.receipt_rule,
      filedAt: iso(r.created_at),
      deliveredAt: iso(r.delivered_at),
      staffAssisted: r.staff_assisted,
      applicantKind: r.applicant_kind,
      application: this.openPersonal(r.client_id, r.personal),
      meta: json<Record<string, unknown>>(r.meta),
      state: r.state_after
        ? json<ProcedureState>(r.state_after)
        : initialState(
            { receivedOn: r.receipt_rule === 'in-person' ? r.received_on : r.received_on },
            calendar,
          ),
    };
  }

  /** One application, or null; `agencies` (a clerk's) limits which ones may be seen. */
  async get(
    receiptCode: string,
    calendar: WorkingCalendar,
    agencies: string[] | null,
  ): Promise<CaseRecord | null> {
    const c = await this.load(this.db, receiptCode, calendar, false);
    if (!c || (agencies && !agencies.includes(c.agencyId))) return null;
    return c;
  }

  async history(applicationId: number, filedAt: string): Promise<HistoryEntry[]> {
    const rows = await this.db.query<{ action: unknown; username: string; at: Date | string }>(
      'SELECT action, username, at FROM procedure_actions WHERE application_id = $1 ORDER BY id',
      [applicationId],
    );
    return [
      { at: filedAt, who: '申请人（终端）', what: '提交申请', action: null },
      ...rows.map((r) => {
        const action = json<ProcedureAction>(r.action);
        return { at: iso(r.at), who: r.username, what: action.type, action };
      }),
    ];
  }

  /** Applies one action under a row lock; throws ProcedureError (refused by the law) or CaseError. */
  async perform(
    receiptCode: string,
    action: ProcedureAction,
    user: Pick<StaffUser, 'username'> & { id: number | null },
    calendar: WorkingCalendar,
    agencies: string[] | null,
  ): Promise<CaseRecord> {
    return this.db.transaction(async (tx) => {
      const c = await this.load(tx, receiptCode, calendar, true);
      if (!c || (agencies && !agencies.includes(c.agencyId)))
        throw new CaseError('not_found', '没有这份申请', 404);
      const next = applyAction(c.state, action, calendar);
      const view = visitorView(next);
      const at = this.now().toISOString();
      await tx.query(
        `INSERT INTO procedure_actions (application_id, action, state_after, user_id, username, at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.id, JSON.stringify(action), JSON.stringify(next), user.id, user.username, at],
      );
      await tx.query(
        `UPDATE applications SET status = $2, status_note = $3, status_updated_at = $4, received_on = $5::date,
           due_on = $6::date, closed_on = $7::date, result_reason = $8, clock_paused = $9 WHERE id = $1`,
        [
          c.id,
          view.status,
          next.correction && next.phase === 'awaiting-correction' ? next.correction.text : '',
          at,
          next.receivedOn,
          next.dueOn,
          next.phase === 'closed' ? next.reply!.on : null,
          next.reply?.reason ?? null,
          !!next.consultation,
        ],
      );
      await tx.query(
        'INSERT INTO status_history (application_id, status, note, received_on, changed_at) VALUES ($1, $2, $3, $4::date, $5)',
        [c.id, view.status, `${action.type} by ${user.username}`, next.receivedOn, at],
      );
      return { ...c, status: view.status, state: next };
    });
  }

  /** Ids of the applications the office has taken an action on (their due dates are the desk's). */
  async withActions(): Promise<Set<number>> {
    const rows = await this.db.query<{ id: number }>(
      'SELECT DISTINCT application_id AS id FROM procedure_actions',
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** The procedure state the visitor's look-up shows (null when no action was taken yet). */
  async stateOf(applicationId: number): Promise<ProcedureState | null> {
    const rows = await this.db.query<{ state_after: unknown }>(
      'SELECT state_after FROM procedure_actions WHERE application_id = $1 ORDER BY id DESC LIMIT 1',
      [applicationId],
    );
    return rows[0] ? json<ProcedureState>(rows[0].state_after) : null;
  }

  async saveDocument(
    applicationId: number,
    filename: string,
    contentType: string,
    body: Uint8Array,
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      'INSERT INTO reply_documents (id, application_id, filename, content_type, body, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, applicationId, filename, contentType, body, this.now().toISOString()],
    );
    return id;
  }

  async document(
    id: string,
  ): Promise<{ applicationId: number; filename: string; contentType: string; body: Uint8Array } | null> {
    const rows = await this.db.query<{
      application_id: number;
      filename: string;
      content_type: string;
      body: Uint8Array;
    }>('SELECT application_id, filename, content_type, body FROM reply_documents WHERE id = $1', [id]);
    const r = rows[0];
    return r
      ? {
          applicationId: Number(r.application_id),
          filename: r.filename,
          contentType: r.content_type,
          body: r.body,
        }
      : null;
  }

  /**
   * The agencies applications were filed with (id and the name as filed), except those in `known` (the bundle's
   * departments, which name them already). Distinct ids by a walk of the agency index (one probe per agency, not a
   * sort of every row); a name is opened from one application only for an agency the bundle does not list.
   */
  async agencies(known: ReadonlySet<string> = new Set()): Promise<Array<{ id: string; name: string }>> {
    const ids = await this.db.query<{ agency_id: string }>(
      `WITH RECURSIVE t(agency_id) AS (
         (SELECT agency_id FROM applications ORDER BY agency_id LIMIT 1)
         UNION ALL
         SELECT (SELECT agency_id FROM applications WHERE agency_id > t.agency_id ORDER BY agency_id LIMIT 1)
         FROM t WHERE t.agency_id IS NOT NULL
       ) SELECT agency_id FROM t WHERE agency_id IS NOT NULL`,
    );
    const out: Array<{ id: string; name: string }> = [];
    for (const { agency_id: id } of ids) {
      if (known.has(id)) continue;
      const row = (
        await this.db.query<{ client_id: string; personal: string | null }>(
          `SELECT client_id::text AS client_id, personal FROM applications
           WHERE agency_id = $1 AND personal IS NOT NULL ORDER BY id DESC LIMIT 1`,
          [id],
        )
      )[0];
      out.push({
        id,
        name: (row && this.openPersonal(row.client_id, row.personal)?.request.agencyName) || id,
      });
    }
    return out;
  }

  /**
   * What the annual report counts for a year: applications received by its end and not closed before its start,
   * and any with a reconsideration or lawsuit (part 4). The report only compares dates with the year's bounds, so
   * applications without cases are grouped in SQL by kind, result and where their dates fall (the year's first or
   * last day standing for "in the year"), and come back as `n` references to one row each: 100,000 applications
   * are a few hundred rows to transfer. Applications with cases come one by one, with their dates and cases.
   */
  async reportRows(
    year: number,
    agency: string | null,
    agencies: string[] | null,
  ): Promise<ReportApplication[]> {
    const params: unknown[] = [`${year}-12-31`, `${year}-01-01`];
    let cond = '';
    if (agency) {
      params.push(agency);
      cond += ` AND a.agency_id = $${params.length}`;
    }
    if (agencies) {
      params.push(agencies);
      cond += ` AND a.agency_id = ANY($${params.length}::text[])`;
    }
    const rows = await this.db.query<{
      applicant_kind: ApplicantKind;
      received_on: string | null;
      closed_on: string | null;
      status: string;
      result_reason: string | null;
      n: number | string;
      cases: unknown;
    }>(
      `WITH cased AS (
         SELECT DISTINCT application_id AS id FROM procedure_actions WHERE action->>'type' = 'case-filed'
       )
       SELECT a.applicant_kind,
         CASE WHEN a.received_on >= $2::date THEN $2::text ELSE ($2::date - 1)::text END AS received_on,
         CASE WHEN a.closed_on IS NULL THEN NULL WHEN a.closed_on <= $1::date THEN $1::text
              ELSE ($1::date + 1)::text END AS closed_on,
         a.status, a.result_reason, count(*) AS n, NULL::jsonb AS cases
       FROM applications a
       WHERE a.received_on IS NOT NULL AND a.received_on <= $1::date AND (a.closed_on IS NULL OR a.closed_on >= $2::date)
         AND NOT EXISTS (SELECT 1 FROM cased WHERE cased.id = a.id)${cond}
       GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT a.applicant_kind, a.received_on::text, a.closed_on::text, a.status, a.result_reason, 1,
         (SELECT pa.state_after->'cases' FROM procedure_actions pa WHERE pa.application_id = a.id ORDER BY pa.id DESC LIMIT 1)
       FROM applications a JOIN cased ON cased.id = a.id
       WHERE a.received_on IS NOT NULL AND a.received_on <= $1::date${cond}`,
      params,
    );
    const out: ReportApplication[] = [];
    for (const r of rows) {
      const app: ReportApplication = {
        applicantKind: r.applicant_kind,
        receivedOn: r.received_on,
        closedOn: r.closed_on,
        result: r.closed_on ? (r.status as ReplyResult) : null,
        reason: r.result_reason,
        cases: r.cases ? json<ReportApplication['cases']>(r.cases) : [],
      };
      for (let k = Number(r.n); k > 0; k--) out.push(app);
    }
    return out;
  }
}
