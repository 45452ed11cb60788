// Storage of kiosk events (POST /api/v1/events): 呼叫工作人员 calls, and staff marking them handled.
// Plain SQL in the PostgreSQL dialect (migration 003_kiosk_events), the same for PGlite and PostgreSQL.
import type { KioskEvent, KioskEventKind } from '../core/events/schema.ts';
import type { Queryable } from './db/database.ts';

/** The same kiosk calling again within this time of its last, unhandled call makes no new call. */
export const REPEAT_WINDOW_MS = 10 * 60_000;
/** An unhandled call older than this is shown as expired (the visitor has most likely gone). */
export const CALL_EXPIRES_MS = 3 * 60 * 60_000;

export type CallState = 'open' | 'expired' | 'handled';

export interface StoredEvent {
  id: number;
  kind: KioskEventKind;
  site: string;
  kioskId: string | null;
  /** The kiosk's clock when it happened. */
  kioskAt: string;
  /** When this server first received it. */
  receivedAt: string;
  /** When this server last received it (a repeated call). */
  lastReceivedAt: string;
  /** How many times the kiosk called again while the call was open. */
  repeatCount: number;
  handledAt: string | null;
}

export interface RecordOutcome {
  id: number;
  repeated: boolean;
}

/** open, expired (unhandled and older than CALL_EXPIRES_MS, counted from the last call) or handled. */
export function callState(e: StoredEvent, now: Date, expiresMs = CALL_EXPIRES_MS): CallState {
  if (e.handledAt) return 'handled';
  return now.getTime() - Date.parse(e.lastReceivedAt) > expiresMs ? 'expired' : 'open';
}

interface EventRow {
  id: number;
  kind: KioskEventKind;
  site: string;
  kiosk_id: string | null;
  kiosk_at: Date | string;
  received_at: Date | string;
  last_received_at: Date | string;
  repeat_count: number;
  handled_at: Date | string | null;
}

const COLUMNS = 'id, kind, site, kiosk_id, kiosk_at, received_at, last_received_at, repeat_count, handled_at';
const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();

function toEvent(r: EventRow): StoredEvent {
  return {
    id: Number(r.id),
    kind: r.kind,
    site: r.site,
    kioskId: r.kiosk_id,
    kioskAt: iso(r.kiosk_at),
    receivedAt: iso(r.received_at),
    lastReceivedAt: iso(r.last_received_at),
    repeatCount: Number(r.repeat_count),
    handledAt: r.handled_at === null ? null : iso(r.handled_at),
  };
}

export class EventStore {
  constructor(readonly db: Queryable) {}

  /**
   * Stores an event. A call from a kiosk (same site and kiosk id) whose previous call is unhandled and at most
   * `repeatWindowMs` old is counted on that call instead (one statement: either the update or the insert).
   */
  async record(e: KioskEvent, receivedAt: Date, repeatWindowMs = REPEAT_WINDOW_MS): Promise<RecordOutcome> {
    const rows = await this.db.query<{ id: number; repeated: boolean }>(
      `WITH hit AS (
         UPDATE kiosk_events SET repeat_count = repeat_count + 1, last_received_at = $5::timestamptz
         WHERE id = (
           SELECT id FROM kiosk_events
           WHERE kind = $1::text AND site = $2::text AND kiosk_id IS NOT DISTINCT FROM $3::text
             AND handled_at IS NULL AND last_received_at > $6::timestamptz
           ORDER BY id DESC LIMIT 1)
         RETURNING id
       ), ins AS (
         INSERT INTO kiosk_events (kind, site, kiosk_id, kiosk_at, received_at, last_received_at)
         SELECT $1::text, $2::text, $3::text, $4::timestamptz, $5::timestamptz, $5::timestamptz
         WHERE NOT EXISTS (SELECT 1 FROM hit)
         RETURNING id
       )
       SELECT id, true AS repeated FROM hit UNION ALL SELECT id, false AS repeated FROM ins`,
      [
        e.kind,
        e.site,
        e.kioskId ?? null,
        e.at,
        receivedAt.toISOString(),
        new Date(receivedAt.getTime() - repeatWindowMs).toISOString(),
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('kiosk event not stored');
    return { id: Number(row.id), repeated: row.repeated === true };
  }

  async get(id: number): Promise<StoredEvent | null> {
    const rows = await this.db.query<EventRow>(`SELECT ${COLUMNS} FROM kiosk_events WHERE id = $1`, [id]);
    return rows[0] ? toEvent(rows[0]) : null;
  }

  /** Newest first. `unhandled`: only calls staff have not marked handled. */
  async list(
    filter: { unhandled?: boolean; kind?: KioskEventKind; limit?: number } = {},
  ): Promise<StoredEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.unhandled) where.push('handled_at IS NULL');
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    params.push(filter.limit ?? 100);
    const rows = await this.db.query<EventRow>(
      `SELECT ${COLUMNS} FROM kiosk_events ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY received_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toEvent);
  }

  /** Marks an event handled (the first time counts; again is a no-op). Null when there is no such event. */
  async ack(id: number, at: Date): Promise<StoredEvent | null> {
    const rows = await this.db.query<EventRow>(
      `UPDATE kiosk_events SET handled_at = COALESCE(handled_at, $2::timestamptz) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, at.toISOString()],
    );
    return rows[0] ? toEvent(rows[0]) : null;
  }

  async count(): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM kiosk_events');
    return Number(rows[0]?.n ?? 0);
  }
}
