// Storage of the frequently requested shelf (migration 008): items opened at kiosks, repeated applications counted
// from the applications table, and what staff marked as now published. Plain SQL, the same for PGlite and PostgreSQL.
import { normaliseRequest, type MarkPublished, type PublishedOnRequest } from '../core/shelf/shelf.ts';
import type { OpenPersonal } from './desk/case-store.ts';
import type { Queryable } from './db/database.ts';

/** Applications asking one agency for the same information (after normaliseRequest). */
export interface RequestCandidate {
  agencyId: string;
  agencyName: string;
  requestKey: string;
  /** The wording most applicants used (staff edit it before publishing). */
  title: string;
  requests: number;
  lastAt: string;
}

export interface OpenedItem {
  itemId: string;
  opens: number;
}

interface ApplicationRequestRow {
  agency_id: string;
  agency_name: string | null;
  title: string | null;
  description: string | null;
  created_at: Date | string;
}

interface PublishedRow {
  id: number;
  agency_id: string;
  agency_name: string;
  request_key: string;
  title: string;
  item_id: string | null;
  url: string | null;
  requests: number;
  published_on: Date | string;
}

const COLUMNS =
  'id, agency_id, agency_name, request_key, title, item_id, url, requests, published_on::text AS published_on';
const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
const day = (v: Date | string): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export class ShelfStore {
  constructor(
    private readonly db: Queryable,
    /** Opens an application's encrypted content; the requests' text is only in there. */
    private readonly openPersonal: OpenPersonal,
  ) {}

  /** One more opening of an item at a site today (UTC day). */
  async recordOpen(site: string, itemId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO item_opens (site, item_id, day, opens) VALUES ($1, $2, $3, 1)
       ON CONFLICT (site, item_id, day) DO UPDATE SET opens = item_opens.opens + 1`,
      [site, itemId, at.toISOString().slice(0, 10)],
    );
  }

  /** The items opened most in the last `days` days, all sites together. */
  async mostOpened(now: Date, days = 90, limit = 20): Promise<OpenedItem[]> {
    const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.db.query<{ item_id: string; opens: number | string }>(
      `SELECT item_id, SUM(opens) AS opens FROM item_opens WHERE day >= $1
       GROUP BY item_id ORDER BY SUM(opens) DESC, item_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ itemId: r.item_id, opens: Number(r.opens) }));
  }

  /**
   * Requests asked at least `min` times of the same agency, most asked first, leaving out those already published.
   * Counted when staff look, from the applications as filed (a zone receives hundreds a year, not millions).
   */
  async candidates(min = 2): Promise<RequestCandidate[]> {
    const sealed = await this.db.query<{
      agency_id: string;
      client_id: string;
      personal: string | null;
      created_at: Date | string;
    }>(`SELECT agency_id, client_id::text AS client_id, personal, created_at FROM applications`);
    const rows: ApplicationRequestRow[] = sealed.map((r) => {
      const request = this.openPersonal(r.client_id, r.personal)?.request;
      return {
        agency_id: r.agency_id,
        agency_name: request?.agencyName ?? null,
        title: request?.title ?? null,
        description: request?.description ?? null,
        created_at: r.created_at,
      };
    });
    const published = new Set(
      (
        await this.db.query<{ agency_id: string; request_key: string }>(
          `SELECT agency_id, request_key FROM published_on_request WHERE request_key <> ''`,
        )
      ).map((r) => `${r.agency_id}\u0000${r.request_key}`),
    );
    const groups = new Map<string, RequestCandidate & { wordings: Map<string, number> }>();
    for (const r of rows) {
      const requestKey = normaliseRequest(r.title ?? '', r.description ?? '');
      if (!requestKey) continue;
      const key = `${r.agency_id}\u0000${requestKey}`;
      if (published.has(key)) continue;
      const g = groups.get(key) ?? {
        agencyId: r.agency_id,
        agencyName: r.agency_name ?? '',
        requestKey,
        title: '',
        requests: 0,
        lastAt: iso(r.created_at),
        wordings: new Map<string, number>(),
      };
      g.requests++;
      if (iso(r.created_at) > g.lastAt) g.lastAt = iso(r.created_at);
      const wording = (r.title ?? '').trim() || [...(r.description ?? '').trim()].slice(0, 60).join('');
      g.wordings.set(wording, (g.wordings.get(wording) ?? 0) + 1);
      groups.set(key, g);
    }
    return [...groups.values()]
      .filter((g) => g.requests >= min)
      .map(({ wordings, ...g }) => ({
        ...g,
        title: [...wordings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
      }))
      .sort((a, b) => b.requests - a.requests || b.lastAt.localeCompare(a.lastAt));
  }

  /**
   * Marks information as published. Marking the same candidate again updates where to find it. The request count
   * is taken from the applications at this moment.
   */
  async markPublished(m: MarkPublished, now: Date): Promise<PublishedOnRequest> {
    const requests = m.requestKey
      ? ((await this.candidates(1)).find((c) => c.agencyId === m.agencyId && c.requestKey === m.requestKey)
          ?.requests ?? 0)
      : 0;
    const publishedOn = m.publishedOn ?? now.toISOString().slice(0, 10);
    const values = [
      m.agencyId,
      m.agencyName,
      m.requestKey,
      m.title,
      m.itemId || null,
      m.url || null,
      requests,
      publishedOn,
      now.toISOString(),
    ];
    const [row] = m.requestKey
      ? await this.db.query<PublishedRow>(
          `INSERT INTO published_on_request
             (agency_id, agency_name, request_key, title, item_id, url, requests, published_on, marked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (agency_id, request_key) WHERE request_key <> '' DO UPDATE SET
             title = EXCLUDED.title, item_id = EXCLUDED.item_id, url = EXCLUDED.url,
             published_on = EXCLUDED.published_on, marked_at = EXCLUDED.marked_at
           RETURNING ${COLUMNS}`,
          values,
        )
      : await this.db.query<PublishedRow>(
          `INSERT INTO published_on_request
             (agency_id, agency_name, request_key, title, item_id, url, requests, published_on, marked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
          values,
        );
    return toEntry(row!);
  }

  /** The shelf, newest first. */
  async published(limit = 200): Promise<PublishedOnRequest[]> {
    const rows = await this.db.query<PublishedRow>(
      `SELECT ${COLUMNS} FROM published_on_request ORDER BY published_on DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toEntry);
  }
}

function toEntry(r: PublishedRow): PublishedOnRequest {
  return {
    id: String(r.id),
    title: r.title,
    agencyName: r.agency_name,
    itemId: r.item_id,
    url: r.url,
    publishedOn: day(r.published_on),
    requests: Number(r.requests),
  };
}
