// The application store: idempotent intake, status look-up and updates, export, heartbeats.
// Plain SQL in the PostgreSQL dialect, the same for PGlite and PostgreSQL.
import { createHash } from 'node:crypto';
import type { Application } from '../core/application/schema.ts';
import type { ApplicationStatus } from '../core/application/status.ts';
import type { ReceiptRule } from '../core/application/receipt.ts';
import type { Database, Queryable } from './db/database.ts';
import type { PersonalDataCipher } from './personal-data.ts';

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
  /** The filing time on this server's clock (filing-time.ts); the kiosk's createdAt stays in the content. */
  filedAt: Date;
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
  /** Decrypted for staff; null once the retention period deleted it (personalDeletedAt). */
  application: Application | null;
  /** What stays for the statistics when the personal data is gone. */
  applicantType: Application['applicant']['type'];
  agencyId: string;
  personalDeletedAt: string | null;
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

/** One month of the retention schedule (retentionSchedule). */
export interface RetentionMonth {
  /** YYYY-MM in the site's time zone, or `due`: past its period, deleted at the next run. */
  month: string;
  count: number;
  /** The first receipt codes to go, in order: when exactly (ISO) and on which local day. */
  first: Array<{ receiptCode: string; removalAt: string; removalOn: string }>;
}

/** The applications retention may strip of personal data once their period has run (a reply status, not yet done). */
const RETENTION_CANDIDATES = 'personal_deleted_at IS NULL AND status = ANY($1::text[])';

/** How many applications go into one INSERT at most. */
const MAX_BATCH = 64;

interface PendingInsert {
  item: NewApplication;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

/** Everything of the answer but the server's number, which the insert assigns. */
function responseRest(a: NewApplication): Omit<IntakeResponse, 'number'> {
  const app = a.application;
  return {
    clientId: app.clientId,
    receiptCode: app.receiptCode,
    status: a.status,
    deliveredAt: a.deliveredAt.toISOString(),
    receivedOn: a.receivedOn,
    dueOn: a.dueOn,
  };
}

export class ApplicationStore {
  private readonly pending: PendingInsert[] = [];
  private inserting = false;

  /** `cipher` encrypts each application's content at rest (personal-data.ts); only staff reads decrypt it. */
  constructor(
    readonly db: Database,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Decrypts one row's stored content for a staff read (the desk); null once retention deleted it. */
  openPersonal(clientId: string, personal: string | null): Application | null {
    return personal ? (this.cipher.open(clientId, personal) as Application) : null;
  }

  /**
   * Stores an application exactly once per client id. A second call with the same client id and the same content
   * returns the first response; with other content, a conflict. Safe under concurrent calls: the unique index
   * decides, and the loser reads the winner's row.
   *
   * Concurrent calls are grouped: while one INSERT runs, the next ones queue and go in together as one statement.
   * Each statement costs PGlite about a millisecond of the server's only thread whatever its size, so under load
   * a batch of n costs little more than one (issue 4's intake budget). A batch starts once the requests already
   * read in this turn of the event loop have joined it (setImmediate: no timer, so an idle server inserts at once).
   */
  insert(a: NewApplication): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item: a, resolve, reject });
      if (this.inserting) return;
      this.inserting = true;
      // Starts after the requests already read in this turn of the event loop have joined the batch.
      setImmediate(() => void this.drainPending());
    });
  }

  /** Runs with `inserting` set by insert(); clears it when the queue is empty. */
  private async drainPending(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_BATCH);
        let outcomes: InsertOutcome[];
        try {
          outcomes = await this.insertBatch(batch.map((p) => p.item));
        } catch {
          // One bad row must not fail the others: each goes alone, and only its own error is reported.
          for (const p of batch) await this.insertBatch([p.item]).then((o) => p.resolve(o[0]!), p.reject);
          continue;
        }
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      }
    } finally {
      this.inserting = false;
    }
  }

  /** One statement for the whole batch (atomic): the rows and their first history entries. */
  private async insertBatch(items: NewApplication[]): Promise<InsertOutcome[]> {
    // A client id twice in one batch (a retry overtaking its first attempt) goes in once; the later copies are
    // answered from the stored row below, as any replay is.
    const seen = new Set<string>();
    const first = items.map((a) => {
      const id = a.application.clientId;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const rests = items.map(responseRest);
    const rows = items
      .filter((_, i) => first[i])
      .map((a) => {
        const app = a.application;
        return {
          client_id: app.clientId,
          receipt_code: app.receiptCode,
          content_hash: a.contentHash,
          lookup_hash: a.lookupHash,
          personal: this.cipher.seal(app.clientId, app),
          applicant_type: app.applicant.type,
          // The annual report's column: 自然人, or the kind the organisation chose (其他 when sealed before it was asked).
          applicant_kind: app.applicant.type === 'citizen' ? '自然人' : app.applicant.kind,
          agency_id: app.request.agencyId,
          staff_assisted: app.staffAssisted,
          receipt_rule: a.receiptRule,
          meta: a.meta,
          created_at: a.filedAt.toISOString(),
          delivered_at: a.deliveredAt.toISOString(),
          received_on: a.receivedOn,
          due_on: a.dueOn,
          status: a.status,
          // The answer is always { number, ...rest } in this order, so a replay is the first answer byte for byte.
          response: JSON.stringify(responseRest(a)),
        };
      });
    const inserted = await this.db.query<{ id: number; client_id: string }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(client_id uuid, receipt_code text, content_hash text,
           lookup_hash text, personal text, applicant_type text, applicant_kind text, agency_id text, staff_assisted boolean,
           receipt_rule text, meta jsonb, created_at timestamptz, delivered_at timestamptz, received_on date,
           due_on date, status text, response text)
       ), ins AS (
         INSERT INTO applications (client_id, receipt_code, content_hash, lookup_hash, personal, applicant_type, applicant_kind,
           agency_id, staff_assisted, receipt_rule, meta, created_at, delivered_at, received_on, due_on, status,
           status_updated_at, response)
         SELECT client_id, receipt_code, content_hash, lookup_hash, personal, applicant_type, applicant_kind, agency_id,
           staff_assisted, receipt_rule, meta, created_at, delivered_at, received_on, due_on, status, delivered_at,
           response
         FROM input
         ON CONFLICT DO NOTHING
         RETURNING id, client_id, status, received_on, status_updated_at
       ), history AS (
         INSERT INTO status_history (application_id, status, received_on, changed_at)
         SELECT id, status, received_on, status_updated_at FROM ins
       )
       SELECT id, client_id::text AS client_id FROM ins`,
      [JSON.stringify(rows)],
    );
    const created = new Map(inserted.map((r) => [r.client_id, Number(r.id)]));
    const outcomes: InsertOutcome[] = [];
    for (const [i, a] of items.entries()) {
      const id = created.get(a.application.clientId);
      if (first[i] && id !== undefined)
        outcomes.push({ kind: 'created', response: { number: id, ...rests[i]! } });
      else outcomes.push(await this.existingOutcome(a));
    }
    return outcomes;
  }

  /** Why an application was not inserted: its client id is stored already (replay or conflict), or its code is. */
  private async existingOutcome(a: NewApplication): Promise<InsertOutcome> {
    const existing = await this.db.query<{ id: number; content_hash: string; response: unknown }>(
      'SELECT id, content_hash, response FROM applications WHERE client_id = $1',
      [a.application.clientId],
    );
    const row = existing[0];
    if (!row) return { kind: 'receipt-code-taken' };
    if (row.content_hash !== a.contentHash) return { kind: 'conflict' };
    const firstAnswer = json(row.response) as Omit<IntakeResponse, 'number'>;
    return { kind: 'replay', response: { number: Number(row.id), ...firstAnswer } };
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
        personal: string | null;
        applicant_type: Application['applicant']['type'];
        agency_id: string;
        personal_deleted_at: Date | string | null;
      }
    >(
      `SELECT ${STATUS_COLUMNS}, client_id::text AS client_id, status_note, staff_assisted, meta, application,
         personal, applicant_type, agency_id, personal_deleted_at
       FROM applications ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      ...toStatusView(r),
      clientId: r.client_id,
      statusNote: r.status_note,
      staffAssisted: r.staff_assisted,
      meta: json(r.meta) as Record<string, unknown>,
      application: r.personal
        ? (this.cipher.open(r.client_id, r.personal) as Application)
        : r.application
          ? (json(r.application) as Application)
          : null,
      applicantType: r.applicant_type,
      agencyId: r.agency_id,
      personalDeletedAt: r.personal_deleted_at === null ? null : iso(r.personal_deleted_at),
    }));
  }

  /**
   * Rows stored before encryption at rest (migration 005) still hold the application in clear: encrypts them and
   * clears the plain column. Runs at every start; a no-op once done. Returns how many rows it encrypted.
   */
  async encryptPlainRows(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.db.query<{ id: number; client_id: string; application: unknown }>(
        `SELECT id, client_id::text AS client_id, application FROM applications
         WHERE application IS NOT NULL ORDER BY id LIMIT $1`,
        [batch],
      );
      if (!rows.length) return total;
      const sealed = rows.map((r) => ({
        id: Number(r.id),
        personal: this.cipher.seal(r.client_id, json(r.application)),
      }));
      await this.db.query(
        `UPDATE applications a SET personal = s.personal, application = NULL
         FROM jsonb_to_recordset($1::jsonb) AS s(id integer, personal text) WHERE a.id = s.id`,
        [JSON.stringify(sealed)],
      );
      total += rows.length;
    }
  }

  /**
   * Retention: closed applications (a reply status) whose status last changed before `closedBefore` lose their
   * personal data: the ciphertext, the status look-up's phone hash and the staff notes (which may quote the
   * applicant). Number, receipt code, agency, applicant kind, dates and status stay for the annual statistics.
   */
  async deletePersonalData(closedBefore: Date, replyStatuses: readonly string[], now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: number }>(
        `UPDATE applications SET personal = NULL, application = NULL, lookup_hash = '', status_note = '',
           personal_deleted_at = $3
         WHERE ${RETENTION_CANDIDATES} AND status_updated_at < $2
         RETURNING id`,
        [replyStatuses, closedBefore.toISOString(), now.toISOString()],
      );
      if (rows.length) {
        await tx.query(`UPDATE status_history SET note = '' WHERE application_id = ANY($1::int[])`, [
          rows.map((r) => Number(r.id)),
        ]);
      }
      return rows.length;
    });
  }

  /**
   * What deletePersonalData will remove, and when: the same candidates, each due `retentionDays` after its status
   * last changed (the first run after that deletes it). Grouped by the month of removal in `timeZone`, with how many
   * and the first `codesPerMonth` receipt codes in order of removal; those already due form the group `due`.
   * Receipt codes and dates only: nothing personal is read.
   */
  async retentionSchedule(opts: {
    replyStatuses: readonly string[];
    retentionDays: number;
    now: Date;
    timeZone: string;
    agencies: string[] | null;
    codesPerMonth: number;
  }): Promise<RetentionMonth[]> {
    const params: unknown[] = [
      opts.replyStatuses,
      opts.retentionDays,
      opts.now.toISOString(),
      opts.timeZone,
      opts.codesPerMonth,
    ];
    let scope = '';
    if (opts.agencies) {
      params.push(opts.agencies);
      scope = ` AND agency_id = ANY($${params.length}::text[])`;
    }
    const rows = await this.db.query<{
      month: string;
      n: number | string;
      receipt_code: string;
      removal_at: Date | string;
      removal_on: string;
    }>(
      // Whole days of 86,400 s, as runRetention counts them (an interval of days would follow the session's DST).
      `WITH c AS (
         SELECT id, receipt_code, status_updated_at + make_interval(secs => $2::int * 86400) AS removal_at
         FROM applications WHERE ${RETENTION_CANDIDATES}${scope}
       ), m AS (
         SELECT id, receipt_code, removal_at,
           CASE WHEN removal_at < $3::timestamptz THEN 'due'
                ELSE to_char(removal_at AT TIME ZONE $4::text, 'YYYY-MM') END AS month
         FROM c
       ), r AS (
         SELECT month, receipt_code, removal_at,
           row_number() OVER (PARTITION BY month ORDER BY removal_at, id) AS rn,
           count(*) OVER (PARTITION BY month) AS n
         FROM m
       )
       SELECT month, n, receipt_code, removal_at, to_char(removal_at AT TIME ZONE $4::text, 'YYYY-MM-DD') AS removal_on
       FROM r WHERE rn <= GREATEST($5::int, 1)
       ORDER BY (month <> 'due'), month, rn`,
      params,
    );
    const out: RetentionMonth[] = [];
    for (const r of rows) {
      let group = out[out.length - 1];
      if (!group || group.month !== r.month) {
        group = { month: r.month, count: Number(r.n), first: [] };
        out.push(group);
      }
      if (group.first.length < opts.codesPerMonth)
        group.first.push({
          receiptCode: r.receipt_code,
          removalAt: iso(r.removal_at),
          removalOn: r.removal_on,
        });
    }
    return out;
  }

  /** The write probe of /api/v1/health: throws when the database cannot commit a write. */
  async probeWrite(now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO health_probe (id, probed_at) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET probed_at = EXCLUDED.probed_at`,
      [now.toISOString()],
    );
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
