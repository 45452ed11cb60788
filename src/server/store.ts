// The application store: idempotent intake, status look-up and updates, export, heartbeats.
// Plain SQL in the PostgreSQL dialect, the same for PGlite and PostgreSQL.
import { createHash } from 'node:crypto';
import type { Application } from '../core/application/schema.ts';
import type { ApplicationStatus } from '../core/application/status.ts';
import type { ReceiptRule } from '../core/application/receipt.ts';
import type { Database, Queryable } from './db/database.ts';

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The status look-up's second factor, stored as a hash so the table does not hold the digits twice. */
export function lookupHash(receiptCode: string, phone4: string): string {
  return sha256Hex(`${receiptCode}:${phone4}`);
}

/** What the intake answers (201), stored and replayed verbatim. */
export interface IntakeResponse {
  /** The server's number for the application. */
  number: number;
  clientId: string;
  receiptCode: string;
  status: ApplicationStatus;
  /** When this server received it. */
  deliveredAt: string;
  /** Legal date of receipt; null until the office confirms (electronic rule). */
  receivedOn: string | null;
  dueOn: string | null;
}

export interface NewApplication {
  application: Application;
  contentHash: string;
  lookupHash: string;
  receiptRule: ReceiptRule;
  meta: Record<string, unknown>;
  deliveredAt: Date;
  receivedOn: string | null;
  dueOn: string | null;
  status: ApplicationStatus;
}

export type InsertOutcome =
  | { kind: 'created'; response: IntakeResponse }
  | { kind: 'replay'; response: IntakeResponse }
  | { kind: 'conflict' }
  | { kind: 'receipt-code-taken' };

export interface StatusView {
  number: number;
  receiptCode: string;
  status: ApplicationStatus;
  statusUpdatedAt: string;
  filedAt: string;
  deliveredAt: string;
  receivedOn: string | null;
  dueOn: string | null;
  receiptRule: ReceiptRule;
}

export interface ExportRow extends StatusView {
  clientId: string;
  statusNote: string;
  staffAssisted: boolean;
  meta: Record<string, unknown>;
  application: Application;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const STATUS_COLUMNS = `id, receipt_code, status, status_updated_at, created_at, delivered_at,
  received_on::text AS received_on, due_on::text AS due_on, receipt_rule`;

interface StatusRow {
  id: number;
  receipt_code: string;
  status: ApplicationStatus;
  status_updated_at: Date | string;
  created_at: Date | string;
  delivered_at: Date | string;
  received_on: string | null;
  due_on: string | null;
  receipt_rule: ReceiptRule;
}

function toStatusView(r: StatusRow): StatusView {
  return {
    number: Number(r.id),
    receiptCode: r.receipt_code,
    status: r.status,
    statusUpdatedAt: iso(r.status_updated_at),
    filedAt: iso(r.created_at),
    deliveredAt: iso(r.delivered_at),
    receivedOn: r.received_on,
    dueOn: r.due_on,
    receiptRule: r.receipt_rule,
  };
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export class ApplicationStore {
  constructor(readonly db: Database) {}

  /**
   * Stores an application exactly once per client id. A second call with the same client id and the same content
   * returns the first response; with other content, a conflict. Safe under concurrent calls: the unique index
   * decides, and the loser reads the winner's row.
   */
  async insert(a: NewApplication): Promise<InsertOutcome> {
    const app = a.application;
    // Everything of the answer but the server's number, which the insert assigns. The answer is always
    // { number, ...rest } in this order, so a replay is the first answer byte for byte.
    const rest: Omit<IntakeResponse, 'number'> = {
      clientId: app.clientId,
      receiptCode: app.receiptCode,
      status: a.status,
      deliveredAt: a.deliveredAt.toISOString(),
      receivedOn: a.receivedOn,
      dueOn: a.dueOn,
    };
    const restText = JSON.stringify(rest);
    // One statement (atomic on its own): the row and its first history entry, or nothing on a conflict.
    const rows = await this.db.query<{ id: number }>(
      `WITH ins AS (
         INSERT INTO applications (client_id, receipt_code, content_hash, lookup_hash, application, applicant_type,
           agency_id, staff_assisted, receipt_rule, meta, created_at, delivered_at, received_on, due_on, status,
           status_updated_at, response)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10::jsonb, $11, $12, $13::date, $14::date, $15, $12, $16)
         ON CONFLICT DO NOTHING
         RETURNING id, status, received_on, status_updated_at
       )
       INSERT INTO status_history (application_id, status, received_on, changed_at)
       SELECT id, status, received_on, status_updated_at FROM ins
       RETURNING application_id AS id`,
      [
        app.clientId,
        app.receiptCode,
        a.contentHash,
        a.lookupHash,
        JSON.stringify(app),
        app.applicant.type,
        app.request.agencyId,
        app.staffAssisted,
        a.receiptRule,
        JSON.stringify(a.meta),
        app.createdAt,
        a.deliveredAt.toISOString(),
        a.receivedOn,
        a.dueOn,
        a.status,
        restText,
      ],
    );
    const id = rows[0]?.id;
    if (id !== undefined) return { kind: 'created', response: { number: Number(id), ...rest } };
    const existing = await this.db.query<{ id: number; content_hash: string; response: unknown }>(
      'SELECT id, content_hash, response FROM applications WHERE client_id = $1',
      [app.clientId],
    );
    const row = existing[0];
    if (!row) return { kind: 'receipt-code-taken' };
    if (row.content_hash !== a.contentHash) return { kind: 'conflict' };
    const first = json(row.response) as Omit<IntakeResponse, 'number'>;
    return { kind: 'replay', response: { number: Number(row.id), ...first } };
  }

  /** Looks up by receipt code and the second factor; null when either is wrong (the caller cannot tell which). */
  async findForStatus(receiptCode: string, lookup: string): Promise<StatusView | null> {
    const rows = await this.db.query<StatusRow>(
      `SELECT ${STATUS_COLUMNS} FROM applications WHERE receipt_code = $1 AND lookup_hash = $2`,
      [receiptCode, lookup],
    );
    return rows[0] ? toStatusView(rows[0]) : null;
  }

  async findByReceiptCode(receiptCode: string, q: Queryable = this.db): Promise<StatusView | null> {
    const rows = await q.query<StatusRow>(
      `SELECT ${STATUS_COLUMNS} FROM applications WHERE receipt_code = $1`,
      [receiptCode],
    );
    return rows[0] ? toStatusView(rows[0]) : null;
  }

  /**
   * Sets the status. `decide` sees the current record and returns the dates to store (the caller owns the rules
   * for receipt and due dates). Returns null when there is no such receipt code.
   */
  async setStatus(
    receiptCode: string,
    status: ApplicationStatus,
    note: string,
    decide: (current: StatusView) => { receivedOn: string | null; dueOn: string | null },
    now: Date,
  ): Promise<StatusView | null> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<StatusRow>(
        `SELECT ${STATUS_COLUMNS} FROM applications WHERE receipt_code = $1 FOR UPDATE`,
        [receiptCode],
      );
      if (!rows[0]) return null;
      const current = toStatusView(rows[0]);
      const dates = decide(current);
      await tx.query(
        `UPDATE applications SET status = $2, status_note = $3, status_updated_at = $4, received_on = $5::date,
           due_on = $6::date WHERE id = $1`,
        [current.number, status, note, now.toISOString(), dates.receivedOn, dates.dueOn],
      );
      await tx.query(
        'INSERT INTO status_history (application_id, status, note, received_on, changed_at) VALUES ($1, $2, $3, $4::date, $5)',
        [current.number, status, note, dates.receivedOn, now.toISOString()],
      );
      return (await this.findByReceiptCode(receiptCode, tx))!;
    });
  }

  /** Applications for the staff export, oldest first. */
  async list(
    filter: { status?: ApplicationStatus; since?: string; limit?: number } = {},
  ): Promise<ExportRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.since) {
      params.push(filter.since);
      where.push(`delivered_at >= $${params.length}`);
    }
    params.push(filter.limit ?? 100_000);
    const rows = await this.db.query<
      StatusRow & {
        client_id: string;
        status_note: string;
        staff_assisted: boolean;
        meta: unknown;
        application: unknown;
      }
    >(
      `SELECT ${STATUS_COLUMNS}, client_id::text AS client_id, status_note, staff_assisted, meta, application
       FROM applications ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      ...toStatusView(r),
      clientId: r.client_id,
      statusNote: r.status_note,
      staffAssisted: r.staff_assisted,
      meta: json(r.meta) as Record<string, unknown>,
      application: json(r.application) as Application,
    }));
  }

  async count(): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications');
    return Number(rows[0]?.n ?? 0);
  }

  async addHeartbeat(kioskId: string, body: unknown, at: Date): Promise<void> {
    await this.db.query('INSERT INTO heartbeats (kiosk_id, received_at, body) VALUES ($1, $2, $3::jsonb)', [
      kioskId,
      at.toISOString(),
      JSON.stringify(body),
    ]);
  }

  /** The latest heartbeat of each kiosk. */
  async latestHeartbeats(): Promise<{ kioskId: string; receivedAt: string; body: unknown }[]> {
    const rows = await this.db.query<{ kiosk_id: string; received_at: Date | string; body: unknown }>(
      `SELECT DISTINCT ON (kiosk_id) kiosk_id, received_at, body FROM heartbeats ORDER BY kiosk_id, received_at DESC`,
    );
    return rows.map((r) => ({ kioskId: r.kiosk_id, receivedAt: iso(r.received_at), body: json(r.body) }));
  }
}
