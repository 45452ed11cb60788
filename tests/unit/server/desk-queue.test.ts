// The desk's queue over many applications: its order (open first, by due date), the count that stops at
// QUEUE_COUNT_CAP, and name search, which opens (decrypts) no more than NAME_SEARCH_MAX_ROWS filtered rows and asks
// for a narrower filter past that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../src/core/application/schema.ts';
import type { Database } from '../../../src/server/db/database.ts';
import {
  CaseStore,
  NAME_SEARCH_MAX_ROWS,
  QUEUE_COUNT_CAP,
  QUEUE_PAGE_SIZE,
} from '../../../src/server/desk/case-store.ts';
import { backends, openMigrated } from './helpers.ts';

// More than either limit: the count's cap and the rows a name search may open.
const N = Math.max(QUEUE_COUNT_CAP, NAME_SEARCH_MAX_ROWS) + 200;

describe.each(backends())('desk queue on $name', (backend) => {
  let db: Database;
  let opened = 0;
  let cases: CaseStore;

  beforeAll(async () => {
    db = await openMigrated(backend);
    // "personal" holds the name in clear here: the test counts how many rows the queue opens, not the cipher.
    cases = new CaseStore(
      db,
      () => new Date('2026-06-01T00:00:00Z'),
      (_id, personal) => {
        opened++;
        return personal
          ? ({ applicant: { name: personal }, request: { agencyName: '' } } as unknown as Application)
          : null;
      },
    );
    const rows = Array.from({ length: N }, (_, i) => ({
      client_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      receipt_code: `Q${String(i).padStart(6, '0')}`,
      personal: i === 1189 ? '欧阳娜娜' : `申请人${i}`,
      agency_id: i % 2 === 0 ? 'even' : 'odd',
      status: i % 4 === 0 ? '部分公开' : '已受理',
      closed_on: i % 4 === 0 ? '2026-05-01' : null,
      due_on: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    }));
    await db.query(
      `INSERT INTO applications (client_id, receipt_code, content_hash, lookup_hash, personal, applicant_type, agency_id,
         staff_assisted, receipt_rule, meta, created_at, delivered_at, received_on, due_on, closed_on, status,
         status_updated_at, response)
       SELECT client_id, receipt_code, 'h', 'h', personal, 'citizen', agency_id, false, 'in-person', '{}', now(), now(),
         '2026-01-05', due_on, closed_on, status, now(), '{}'
       FROM jsonb_to_recordset($1::jsonb) AS r(client_id uuid, receipt_code text, personal text, agency_id text,
         status text, closed_on date, due_on date)`,
      [JSON.stringify(rows)],
    );
    await db.exec('ANALYZE applications');
  });
  afterAll(async () => {
    await backend.dispose(db);
  });

  it('lists open applications first, soonest due first; counts stop at the cap, and paging goes on past it', async () => {
    const first = await cases.queue({ agencies: null });
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.total).toBe(QUEUE_COUNT_CAP);
    expect(first.totalCapped).toBe(true);
    expect(first.rows.every((r) => r.status === '已受理' && r.dueOn === '2026-02-15')).toBe(true);
    const ids = first.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The last page: closed applications, after every open one.
    const last = await cases.queue({ agencies: null, page: Math.ceil(N / QUEUE_PAGE_SIZE) });
    expect(last.rows.length).toBeGreaterThan(0);
    expect(last.rows.every((r) => r.status === '部分公开')).toBe(true);
    // A narrower filter counts exactly.
    const odd = await cases.queue({ agencies: ['odd'], status: '已受理', dueOnOrBefore: '2026-02-28' });
    expect(odd.totalCapped).toBe(false);
    expect(odd.total).toBe(
      Array.from({ length: N }, (_, i) => i).filter((i) => i % 2 === 1 && i % 4 !== 0 && i % 12 < 2).length,
    );
  });

  it('searches names only in a narrowed set: too broad is refused without opening a row', async () => {
    opened = 0;
    const broad = await cases.queue({ agencies: null, q: '欧阳娜娜' });
    expect(broad.tooBroad).toBe(true);
    expect(opened).toBe(0);

    // Narrowed by agency, status and due month: under the limit, searched, found.
    opened = 0;
    const narrow = await cases.queue({
      agencies: null,
      agency: 'odd',
      status: '已受理',
      dueOnOrBefore: '2026-02-28',
      overdueOn: '2026-12-31',
      q: '欧阳娜娜',
    });
    expect(narrow.tooBroad).toBeUndefined();
    expect(narrow.rows.map((r) => r.receiptCode)).toEqual(['Q001189']);
    expect(opened).toBeLessThanOrEqual(NAME_SEARCH_MAX_ROWS + QUEUE_PAGE_SIZE);
    expect(opened).toBeGreaterThan(0);
  });
});
