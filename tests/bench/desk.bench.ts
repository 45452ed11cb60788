// The office's desk with a year's worth of work and more (issue 13): 100,000 applications in a PGlite data folder on
// disk, personal data sealed per row as the intake stores it (the queue opens the rows of its page), a procedure
// action on most of them. Measured over HTTP with a logged-in clerk's cookie (every agency: the widest queue):
//   - GET /desk/ with default filters and with each filter, ≥ 50 requests each, p50/p95 (budget p95 ≤ 200 ms);
//   - GET /desk/report?year=… (budget ≤ 2 s);
//   - baselines in the same run: GET /api/v1/health and a bare `SELECT 1` round trip.
// Figures are printed, not asserted. BENCH_DESK_APPLICATIONS and BENCH_DESK_REQUESTS change the sizes.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReceiptCode } from '../../src/core/application/receipt.ts';
import type { Application } from '../../src/core/application/schema.ts';
import { REPLY_STATUSES } from '../../src/core/application/status.ts';
import { dataKeyFromBytes } from '../../src/server/data-key.ts';
import { openPglite } from '../../src/server/db/database.ts';
import { DeskAccounts } from '../../src/server/desk/accounts.ts';
import { personalDataCipher } from '../../src/server/personal-data.ts';
import { startServer } from '../../src/server/server.ts';
import type { Emit } from './run.ts';

const APPLICATIONS = Number(process.env.BENCH_DESK_APPLICATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_DESK_REQUESTS ?? 60);
const YEAR = 2026;
const AGENCIES = Array.from({ length: 30 }, (_, i) => `agency-${String(i).padStart(2, '0')}`);
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';
const OPEN_STATUSES = ['已受理', '需补正', '延期'] as const;

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
function stats(ms: number[]): { p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: round(quantile(s, 0.5)), p95: round(quantile(s, 0.95)), max: round(s[s.length - 1]!) };
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

function personal(i: number, clientId: string, receiptCode: string, agencyId: string): Application {
  return {
    schemaVersion: 1,
    clientId,
    receiptCode,
    createdAt: '2026-03-02T10:15:00+08:00',
    staffAssisted: i % 10 === 0,
    applicant: {
      type: 'citizen',
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`,
      idType: 'resident-id',
      idNumber: '11010519491231002X',
      workUnit: '',
    },
    contact: { phone: '13812345678', email: '', address: '某某区人民路1号3单元', postCode: '100000' },
    request: {
      title: `第${i}号申请：2025年度城乡低保资金发放情况`,
      documentNumber: '',
      description: '请公开2025年度本区城乡最低生活保障资金的发放名单、标准和审批依据。',
      agencyId,
      agencyName: `机关${agencyId.slice(-2)}`,
    },
    media: ['paper'],
    deliveries: ['collect'],
    consentToPublish: false,
    privacyConsent: true,
    privacyNoticeVersion: '2026-1',
  };
}

export default async function bench(emit: Emit): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  const db = await openPglite(join(dir, 'pgdata'));
  const dataKey = dataKeyFromBytes(randomBytes(32));
  const cipher = personalDataCipher(dataKey);
  const server = await startServer({
    database: db,
    logger: false,
    intakeKeyFile: join(dir, 'intake-key.json'),
    // The server's own data key: rows sealed here open on the desk exactly as intake-stored ones.
    dataKey,
    retentionEveryMs: null,
    // No bundle here: every year is counted by the statutory rules (as for a year without its notice).
    calendar: [],
  });
  try {
    // ---- 100,000 applications, sealed per row in Node (as the intake stores them), inserted 5,000 a statement.
    const seedStart = performance.now();
    const codes = new Set<string>();
    const sample: { code: string; name: string; agency: string; status: string }[] = [];
    const CHUNK = 5000;
    for (let from = 0; from < APPLICATIONS; from += CHUNK) {
      const rows = [];
      for (let i = from; i < Math.min(APPLICATIONS, from + CHUNK); i++) {
        let code = generateReceiptCode();
        while (codes.has(code)) code = generateReceiptCode();
        codes.add(code);
        const clientId = randomUUID();
        const agency = AGENCIES[i % AGENCIES.length]!;
        // Received across 2025 and 2026; about a third still open, the rest replied.
        const receivedOn = addDays('2025-01-02', Math.floor((i / APPLICATIONS) * 700));
        // Status independent of the agency (i % 30): an agency and a status narrow to a few hundred rows.
        const h = (i * 7919) % 9973;
        const open = h % 3 === 0 || receivedOn >= '2026-11-01';
        const status = open
          ? OPEN_STATUSES[h % OPEN_STATUSES.length]!
          : REPLY_STATUSES[h % REPLY_STATUSES.length]!;
        const app = personal(i, clientId, code, agency);
        rows.push({
          client_id: clientId,
          receipt_code: code,
          applicant_kind: i % 5 === 0 ? '商业企业' : '自然人',
          applicant_type: i % 5 === 0 ? 'organization' : 'citizen',
          agency_id: agency,
          staff_assisted: i % 10 === 0,
          received_on: receivedOn,
          due_on: addDays(receivedOn, 28),
          closed_on: open ? null : addDays(receivedOn, 15),
          status,
          app,
        });
        if (i % 997 === 0) sample.push({ code, name: app.applicant.name, agency, status });
      }
      const sealed = rows.map(({ app, ...r }) => ({ ...r, personal: cipher.seal(r.client_id, app) }));
      await db.query(
        `INSERT INTO applications (client_id, receipt_code, content_hash, lookup_hash, personal, applicant_type,
           applicant_kind, agency_id, staff_assisted, receipt_rule, meta, created_at, delivered_at, received_on, due_on,
           closed_on, status, status_updated_at, response)
         SELECT client_id, receipt_code, 'bench', 'bench', personal, applicant_type, applicant_kind, agency_id,
           staff_assisted, 'in-person', '{}', received_on::timestamptz, received_on::timestamptz, received_on, due_on,
           closed_on, status, COALESCE(closed_on, received_on)::timestamptz, '{}'
         FROM jsonb_to_recordset($1::jsonb) AS r(client_id uuid, receipt_code text, personal text, applicant_type text,
           applicant_kind text, agency_id text, staff_assisted boolean, received_on date, due_on date, closed_on date,
           status text)`,
        [JSON.stringify(sealed)],
      );
    }
    // A procedure action on every replied application (the report reads the latest state's cases).
    await db.query(
      `INSERT INTO procedure_actions (application_id, action, state_after, username, at)
       SELECT id, jsonb_build_object('type', 'reply', 'on', closed_on::text), jsonb_build_object('cases', '[]'::jsonb),
         'bench', closed_on::timestamptz
       FROM applications WHERE closed_on IS NOT NULL`,
    );
    await db.exec('ANALYZE');
    emit({
      name: 'desk seed (applications sealed and inserted)',
      value: round((performance.now() - seedStart) / 1000, 2),
      unit: 's',
      applications: APPLICATIONS,
    });

    // ---- A clerk of every agency, logged in through the real login form.
    const password = 'bench-password-0123456789';
    await new DeskAccounts(db, () => new Date()).createUser({
      username: 'bench-clerk',
      displayName: '压测经办人',
      role: 'clerk',
      agencies: AGENCIES,
      password,
    });
    const login = await fetch(`${server.url}/desk/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'bench-clerk', password }),
      redirect: 'manual',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (login.status !== 303 || !cookie.startsWith('desk_session='))
      throw new Error('bench clerk not logged in');

    const time = async (path: string, n: number, headers: Record<string, string> = { cookie }) => {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}${path}`, { headers });
        const body = await res.text();
        ms.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
        bytes = body.length;
      }
      return { ...stats(ms), bytes };
    };

    // Warm-up: JIT, PGlite caches, the lazily loaded calendar.
    await time('/desk/', 10);
    await time('/api/v1/health', 10, {});

    const selectOne: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      await db.query('SELECT 1');
      selectOne.push(performance.now() - t0);
    }
    const s1 = stats(selectOne);
    emit({ name: 'baseline SELECT 1 round trip', value: s1.p50, unit: 'ms p50', p95: s1.p95 });
    const health = await time('/api/v1/health', REQUESTS, {});
    emit({ name: 'baseline GET /api/v1/health', value: health.p50, unit: 'ms p50', p95: health.p95 });

    const probe = sample[Math.floor(sample.length / 2)]!;
    const queues: [string, string][] = [
      ['default filters', '/desk/'],
      ['agency', `/desk/?agency=${probe.agency}`],
      ['status 已受理', `/desk/?status=${encodeURIComponent('已受理')}`],
      ['staff-assisted', '/desk/?assisted=1'],
      ['due within 3 working days', '/desk/?deadline=soon'],
      ['overdue', '/desk/?deadline=overdue'],
      ['receipt code', `/desk/?q=${probe.code}`],
      [
        'name, narrowed by agency and status',
        `/desk/?agency=${probe.agency}&status=${encodeURIComponent(probe.status)}&q=${encodeURIComponent(probe.name)}`,
      ],
      ['name, too broad (refused)', `/desk/?q=${encodeURIComponent(probe.name)}`],
      ['page 100', '/desk/?page=100'],
    ];
    for (const [label, path] of queues) {
      const r = await time(path, REQUESTS);
      emit({
        name: `queue GET /desk/ ${label}`,
        value: r.p95,
        unit: 'ms p95',
        p50: r.p50,
        max: r.max,
        budget: 200,
        ok: r.p95 <= 200,
        baselineHealthP95: health.p95,
        requests: REQUESTS,
        applications: APPLICATIONS,
      });
    }

    const report = await time(`/desk/report?year=${YEAR}`, 5);
    emit({
      name: `report GET /desk/report?year=${YEAR}`,
      value: report.max,
      unit: 'ms max of 5',
      p50: report.p50,
      budget: 2000,
      ok: report.max <= 2000,
      baselineHealthP95: health.p95,
      applications: APPLICATIONS,
    });
    const retention = await time('/desk/retention', 5);
    emit({
      name: 'retention preview GET /desk/retention',
      value: retention.max,
      unit: 'ms max of 5',
      p50: retention.p50,
    });
  } finally {
    await server.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
