// The annual report from the desk's grouped rows (CaseStore.reportRows groups applications without cases in SQL)
// equals the report from every application read one by one, on generated data spanning three years, every kind,
// result and reason, open and closed, and some with reconsiderations and lawsuits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annualReport,
  APPLICANT_KINDS,
  type ReportApplication,
} from '../../../src/core/procedure/annual-report.ts';
import { REPLY_REASONS, REPLY_RESULTS, type ReplyResult } from '../../../src/core/procedure/results.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { CaseStore } from '../../../src/server/desk/case-store.ts';
import { backends, openMigrated } from './helpers.ts';

const N = 3000;

describe.each(backends())('report rows on $name', (backend) => {
  let db: Database;
  let cases: CaseStore;

  beforeAll(async () => {
    db = await openMigrated(backend);
    cases = new CaseStore(
      db,
      () => new Date('2027-01-10T00:00:00Z'),
      () => null,
    );
    const rows = [];
    for (let i = 0; i < N; i++) {
      const received = new Date(Date.UTC(2024, 6, 1) + ((i * 7919) % 900) * 86_400_000);
      const open = i % 4 === 0;
      const result = REPLY_RESULTS[i % REPLY_RESULTS.length]! as ReplyResult;
      const reasons = REPLY_REASONS[result];
      const closed = new Date(received.getTime() + ((i * 31) % 60) * 86_400_000);
      rows.push({
        client_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        receipt_code: `R${i}`,
        applicant_kind: APPLICANT_KINDS[i % APPLICANT_KINDS.length],
        agency_id: i % 3 === 0 ? 'a' : 'b',
        received_on: i % 50 === 0 ? null : received.toISOString().slice(0, 10),
        closed_on: open ? null : closed.toISOString().slice(0, 10),
        status: open ? '已受理' : result,
        result_reason: !open && reasons.length ? reasons[i % reasons.length]!.name : null,
      });
    }
    await db.query(
      `INSERT INTO applications (client_id, receipt_code, content_hash, lookup_hash, applicant_type, applicant_kind,
         agency_id, staff_assisted, receipt_rule, meta, created_at, delivered_at, received_on, closed_on, status,
         status_updated_at, response, result_reason)
       SELECT client_id, receipt_code, 'h', 'h', 'citizen', applicant_kind, agency_id, false, 'in-person', '{}', now(),
         now(), received_on, closed_on, status, now(), '{}', result_reason
       FROM jsonb_to_recordset($1::jsonb) AS r(client_id uuid, receipt_code text, applicant_kind text, agency_id text,
         received_on date, closed_on date, status text, result_reason text)`,
      [JSON.stringify(rows)],
    );
    // Every 37th closed application goes to reconsideration or court, some concluded.
    await db.query(
      `INSERT INTO procedure_actions (application_id, action, state_after, username, at)
       SELECT id, jsonb_build_object('type', 'case-filed'),
         jsonb_build_object('cases', jsonb_build_array(jsonb_build_object(
           'kind', (ARRAY['reconsideration', 'litigation-direct', 'litigation-after-reconsideration'])[id % 3 + 1],
           'filedOn', (closed_on + 20)::text,
           'result', CASE WHEN id % 2 = 0 THEN (ARRAY['维持', '纠正', '其他'])[id % 3 + 1] END,
           'concludedOn', CASE WHEN id % 2 = 0 THEN (closed_on + 80)::text END))),
         'test', now()
       FROM applications WHERE closed_on IS NOT NULL AND id % 37 = 0`,
    );
  });
  afterAll(async () => {
    await backend.dispose(db);
  });

  /** Every application one by one (the query before grouping). */
  async function oneByOne(year: number, agency: string | null): Promise<ReportApplication[]> {
    const rows = await db.query<{
      applicant_kind: ReportApplication['applicantKind'];
      received_on: string | null;
      closed_on: string | null;
      status: string;
      result_reason: string | null;
      cases: unknown;
    }>(
      `SELECT applicant_kind, received_on::text AS received_on, closed_on::text AS closed_on, status, result_reason,
         (SELECT state_after->'cases' FROM procedure_actions pa WHERE pa.application_id = a.id ORDER BY pa.id DESC LIMIT 1) AS cases
       FROM applications a
       WHERE received_on IS NOT NULL AND received_on <= $2::date AND (closed_on IS NULL OR closed_on >= $3::date
         OR EXISTS (SELECT 1 FROM procedure_actions pa WHERE pa.application_id = a.id AND pa.action->>'type' = 'case-filed'))
         AND ($1::text IS NULL OR agency_id = $1)`,
      [agency, `${year}-12-31`, `${year}-01-01`],
    );
    return rows.map((r) => ({
      applicantKind: r.applicant_kind,
      receivedOn: r.received_on,
      closedOn: r.closed_on,
      result: r.closed_on ? (r.status as ReplyResult) : null,
      reason: r.result_reason,
      cases: (typeof r.cases === 'string'
        ? JSON.parse(r.cases)
        : (r.cases ?? [])) as ReportApplication['cases'],
    }));
  }

  it.each([2024, 2025, 2026])(
    'the report for %i is the same, for the site and for one agency',
    async (year) => {
      for (const agency of [null, 'a']) {
        const grouped = annualReport(await cases.reportRows(year, agency, null), year);
        const reference = annualReport(await oneByOne(year, agency), year);
        expect(grouped).toEqual(reference);
        expect(grouped.identityFailures).toEqual([]);
      }
      // Not a report of nothing: the year has new applications, replies and cases.
      const site = annualReport(await cases.reportRows(year, null, null), year);
      expect(site.part3[0]!.values.at(-1)).toBeGreaterThan(0);
      expect(site.part4.some((r) => r.values.at(-1)! > 0)).toBe(true);
      // A clerk's scope is an agency filter too.
      expect(annualReport(await cases.reportRows(year, null, ['a']), year)).toEqual(
        annualReport(await oneByOne(year, 'a'), year),
      );
    },
  );
});
