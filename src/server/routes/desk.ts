// /desk/*: the office's desk (政府信息公开工作机构). Staff log in with their own account (HttpOnly, SameSite=Strict,
// Secure session cookie; CSRF token on every form; login throttled per user name and per address); clerks see only
// their agencies' applications; every view or export of personal data is written to the audit log.
//   GET  /desk/login, POST /desk/login, POST /desk/logout
//   GET  /desk/                          the queue (申请列表), filters in the query string
//   GET  /desk/applications/:code        one application: every field, history, due date, allowed actions
//   POST /desk/applications/:code/actions   one procedure action (src/core/procedure), refused when the law does not allow it
//   GET  /desk/documents/:id             a reply document
//   GET  /desk/report[.csv|.xlsx]?year=&agency=   the annual report's parts 3 and 4
//   GET  /desk/retention                 what the retention job will delete, per month (receipt codes only)
//   GET/POST /desk/users, GET /desk/audit  (admin)
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { chinaDate } from '../../core/application/validators.ts';
import { isApplicationStatus } from '../../core/application/status.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { ProcedureActionSchema } from '../../core/procedure/action-schema.ts';
import {
  annualReport,
  PART4_COLUMNS,
  REPORT_COLUMNS,
  type AnnualReport,
} from '../../core/procedure/annual-report.ts';
import { allowedActions, ProcedureError, workingDaysLeft } from '../../core/procedure/procedure.ts';
import { toCsv } from '../csv.ts';
import type { Database } from '../db/database.ts';
import { AccountError, DeskAccounts, STAFF_ROLES, type Session, type StaffRole } from '../desk/accounts.ts';
import {
  CaseError,
  CaseStore,
  NAME_SEARCH_MAX_ROWS,
  QUEUE_PAGE_SIZE,
  type OpenPersonal,
  type QueueFilter,
} from '../desk/case-store.ts';
import { generatePassword } from '../desk/passwords.ts';
import {
  applicationPage,
  auditPage,
  DESK_CSS,
  loginPage,
  queuePage,
  reportPage,
  retentionPage,
  usersPage,
} from '../desk/views.ts';
import { errorFields, type Logger } from '../log.ts';
import { TokenBucketLimiter } from '../rate-limit.ts';
import type { RetentionPreview } from '../retention.ts';
import type { WorkingCalendarSource } from '../working-calendar.ts';

export interface DeskDeps {
  db: Database;
  /** Opens an application's encrypted content for a clerk (ApplicationStore.openPersonal). */
  openPersonal: OpenPersonal;
  logger: Logger;
  workingCalendar: WorkingCalendarSource;
  clientIp: (c: Context) => string;
  now: () => Date;
  /** The bundle's departments (id and name): the agencies a clerk may be given before anything was filed with them. */
  departments: () => Promise<Array<{ id: string; name: string }>>;
  /** A session ends after this long without a request (default SESSION_IDLE_MS). */
  sessionIdleMs?: number;
  /** What the retention job deletes (its preview page), and the site's time zone for its months. */
  retentionPreview: (opts: { agencies: string[] | null }) => Promise<RetentionPreview>;
}

const COOKIE = 'desk_session';
const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const DESK_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Env = { Variables: { session: Session } };

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function deskRoutes(deps: DeskDeps): Hono<Env> {
  const { logger } = deps;
  const accounts = new DeskAccounts(deps.db, deps.now, deps.sessionIdleMs);
  const cases = new CaseStore(deps.db, deps.now, deps.openPersonal);
  // Five wrong tries, then one a minute: per user name (guessing one account) and per address (trying many).
  const clock = () => deps.now().getTime();
  const loginByUser = new TokenBucketLimiter({ capacity: 5, refillPerSecond: 1 / 60, now: clock });
  const loginByIp = new TokenBucketLimiter({ capacity: 20, refillPerSecond: 1 / 15, now: clock });
  const app = new Hono<Env>();

  app.use('/desk/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', DESK_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with every form, which the
    // Origin check below refuses; same-origin still keeps receipt codes in desk URLs from leaving the site.
    c.header('Referrer-Policy', 'same-origin');
  });

  app.get('/desk/desk.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(DESK_CSS);
  });

  const insecure = (c: Context) => {
    const url = new URL(c.req.url);
    return url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  };

  app.get('/desk/login', (c) => c.html(loginPage({ error: null, username: '', insecure: insecure(c) })));

  app.post('/desk/login', bodyLimit({ maxSize: 4096 }), async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? '').trim();
    const password = String(body.password ?? '');
    const ip = deps.clientIp(c);
    const byIp = loginByIp.take(ip);
    const byUser = loginByUser.take(username.toLowerCase());
    if (!byIp.ok || !byUser.ok) {
      const wait = Math.max(byIp.ok ? 0 : byIp.retryAfterSeconds, byUser.ok ? 0 : byUser.retryAfterSeconds);
      logger.warn('desk_login_throttled', { ip });
      c.header('Retry-After', String(wait));
      return c.html(
        loginPage({ error: `尝试次数太多，请 ${wait} 秒后再试。`, username, insecure: insecure(c) }),
        429,
      );
    }
    const user = await accounts.checkPassword(username, password);
    if (!user) {
      await accounts.audit(null, 'login-failed', null, { username });
      return c.html(loginPage({ error: '用户名或密码不对。', username, insecure: insecure(c) }), 401);
    }
    loginByUser.refund(username.toLowerCase());
    loginByIp.refund(ip);
    const { token } = await accounts.startSession(user);
    await accounts.audit(user, 'login', null);
    setCookie(c, COOKIE, token, { path: '/desk', httpOnly: true, secure: true, sameSite: 'Strict' });
    return c.redirect('/desk/', 303);
  });

  // Every other /desk page needs a session; every POST its CSRF token (and, when the browser sends one, our Origin).
  app.use('/desk/*', async (c, next) => {
    const path = c.req.path;
    if (path === '/desk/login' || path === '/desk/desk.css') return next();
    const token = getCookie(c, COOKIE);
    const session = token ? await accounts.session(token) : null;
    if (!session) {
      if (token) deleteCookie(c, COOKIE, { path: '/desk', secure: true });
      if (c.req.method === 'GET') return c.redirect('/desk/login', 303);
      return c.text('需要登录', 401);
    }
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) return c.text('来源不对（Origin）', 403);
      const body = await c.req.parseBody();
      if (!sameString(String(body._csrf ?? ''), session.csrfToken))
        return c.text('表单已失效，请刷新页面后重试', 403);
    }
    c.set('session', session);
    return next();
  });

  const scope = (s: Session): string[] | null => (s.user.role === 'clerk' ? s.user.agencies : null);
  const mayHandle = (s: Session) => s.user.role === 'clerk' || s.user.role === 'admin';
  const forbidden = (c: Context) => c.text('没有权限', 403);
  const calendarOr503 = async (): Promise<WorkingCalendar> => {
    const cal = await deps.workingCalendar();
    if (!cal)
      throw new CaseError('calendar_unavailable', '没有节假日日历（内容包中的 calendar），无法计算期限', 409);
    return cal;
  };
  const today = () => chinaDate(deps.now());
  // The bundle's departments first (a clerk can be given an agency nothing was filed with yet), then any agency
  // applications name that the current bundle no longer lists.
  const allAgencies = async (): Promise<Array<{ id: string; name: string }>> => {
    const departments = await deps.departments().catch((e: unknown) => {
      logger.warn('desk_departments_unreadable', errorFields(e));
      return [];
    });
    const filed = await cases.agencies(new Set(departments.map((d) => d.id)));
    return [...departments, ...filed];
  };

  app.post('/desk/logout', async (c) => {
    const token = getCookie(c, COOKIE);
    if (token) await accounts.endSession(token);
    deleteCookie(c, COOKIE, { path: '/desk', secure: true });
    return c.redirect('/desk/login', 303);
  });

  app.get('/desk/', async (c) => {
    const s = c.get('session');
    if (!mayHandle(s)) return forbidden(c);
    const q = c.req.query();
    const cal = await calendarOr503();
    const deadline = q.deadline === 'soon' || q.deadline === 'overdue' ? q.deadline : undefined;
    const page = Math.max(1, Math.min(10_000, Number(q.page) || 1));
    const filter: QueueFilter & { deadline?: string } = {
      agencies: scope(s),
      ...(q.agency ? { agency: q.agency } : {}),
      ...(q.status && isApplicationStatus(q.status) ? { status: q.status } : {}),
      ...(q.assisted === '1' ? { staffAssisted: true } : {}),
      ...(deadline === 'soon' ? { dueOnOrBefore: cal.addWorkingDays(today(), 3) } : {}),
      ...(deadline === 'overdue' ? { overdueOn: today() } : {}),
      ...(q.q?.trim() ? { q: q.q.trim().slice(0, 50) } : {}),
      ...(deadline ? { deadline } : {}),
      page,
    };
    const [{ rows, total, totalCapped, tooBroad }, agencies] = await Promise.all([
      cases.queue(filter),
      allAgencies(),
    ]);
    const visible = scope(s) ? agencies.filter((a) => scope(s)!.includes(a.id)) : agencies;
    await accounts.audit(s.user, 'list', null, {
      count: rows.length,
      filter: { ...filter, agencies: undefined },
    });
    return c.html(
      queuePage({
        user: s.user,
        csrf: s.csrfToken,
        filter,
        agencies: visible,
        rows,
        total,
        totalCapped,
        page,
        pageSize: QUEUE_PAGE_SIZE,
        today: today(),
        query: new URLSearchParams(q),
        notice: tooBroad
          ? `按姓名查找时先用其他条件缩小范围（不超过 ${NAME_SEARCH_MAX_ROWS} 份）：姓名是加密保存的。`
          : null,
      }),
    );
  });

  const showApplication = async (
    c: Context<Env>,
    code: string,
    message: { error?: string; notice?: string } = {},
    status: 200 | 400 | 404 | 409 = 200,
  ) => {
    const s = c.get('session');
    const cal = await calendarOr503();
    const record = await cases.get(code, cal, scope(s));
    if (!record) return c.text('没有这份申请（或不属于您负责的机关）', 404);
    await accounts.audit(s.user, 'view', record.id);
    const docs = record.state.reply?.documentId
      ? [{ id: record.state.reply.documentId, filename: '答复书.pdf' }]
      : [];
    return c.html(
      applicationPage({
        user: s.user,
        csrf: s.csrfToken,
        record,
        history: await cases.history(record.id, record.filedAt),
        allowed: allowedActions(record.state),
        daysLeft: workingDaysLeft(record.state, today(), cal),
        today: today(),
        error: message.error ?? null,
        notice: message.notice ?? null,
        documents: docs,
      }),
      status,
    );
  };

  app.get('/desk/applications/:code', async (c) => {
    if (!mayHandle(c.get('session'))) return forbidden(c);
    return showApplication(c, c.req.param('code').toUpperCase());
  });

  app.post(
    '/desk/applications/:code/actions',
    bodyLimit({ maxSize: DOCUMENT_MAX_BYTES + 64 * 1024 }),
    async (c) => {
      const s = c.get('session');
      if (!mayHandle(s)) return forbidden(c);
      const code = c.req.param('code').toUpperCase();
      const body = await c.req.parseBody();
      const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const cal = await calendarOr503();
      const current = await cases.get(code, cal, scope(s));
      if (!current) return c.text('没有这份申请（或不属于您负责的机关）', 404);
      let documentId: string | null = null;
      const type = str('type');
      if (type === 'reply' && body.document instanceof File && body.document.size > 0) {
        const bytes = new Uint8Array(await body.document.arrayBuffer());
        if (
          bytes.byteLength > DOCUMENT_MAX_BYTES ||
          new TextDecoder().decode(bytes.slice(0, 5)) !== '%PDF-'
        ) {
          return showApplication(c, code, { error: '答复书应为不超过 10 MB 的 PDF 文件。' }, 400);
        }
        documentId = await cases.saveDocument(
          current.id,
          body.document.name.slice(0, 200) || '答复书.pdf',
          'application/pdf',
          bytes,
        );
      }
      const candidate: Record<string, unknown> = { type, on: str('on') };
      for (const k of [
        'text',
        'answerBy',
        'reason',
        'approver',
        'newDueOn',
        'kind',
        'party',
        'basis',
        'method',
        'result',
      ])
        if (k in body) candidate[k] = str(k);
      if (type === 'reply') {
        candidate.reason = str('reason') || null;
        candidate.referTo = str('referTo') || null;
        candidate.documentId = documentId;
      }
      if (type === 'case-concluded') candidate.caseIndex = Number(str('caseIndex'));
      const parsed = ProcedureActionSchema.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return showApplication(c, code, { error: `${issue.path.join('.')}：${issue.message}` }, 400);
      }
      try {
        await cases.perform(code, parsed.data, s.user, cal, scope(s));
      } catch (e) {
        if (e instanceof ProcedureError || e instanceof CaseError)
          return showApplication(c, code, { error: e.message }, 409);
        throw e;
      }
      await accounts.audit(s.user, 'action', current.id, { type });
      logger.info('desk_action', { number: current.id, type, user: s.user.username });
      return showApplication(c, code, { notice: '已保存。' });
    },
  );

  app.get('/desk/documents/:id', async (c) => {
    const s = c.get('session');
    if (!mayHandle(s)) return forbidden(c);
    const doc = await cases.document(c.req.param('id'));
    if (!doc) return c.text('没有这个文件', 404);
    const code = (
      await deps.db.query<{ receipt_code: string; agency_id: string }>(
        'SELECT receipt_code, agency_id FROM applications WHERE id = $1',
        [doc.applicationId],
      )
    )[0];
    if (!code || (scope(s) && !scope(s)!.includes(code.agency_id))) return c.text('没有这个文件', 404);
    await accounts.audit(s.user, 'download-document', doc.applicationId);
    c.header('Content-Type', doc.contentType);
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    return c.body(doc.body as Uint8Array<ArrayBuffer>);
  });

  // ---- The annual report

  const buildReport = async (c: Context<Env>): Promise<{ report: AnnualReport; agency: string | null }> => {
    const s = c.get('session');
    const y = Number(c.req.query('year'));
    const year = Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : Number(today().slice(0, 4)) - 1;
    const agency = c.req.query('agency') || null;
    const rows = await cases.reportRows(year, agency, scope(s));
    return { report: annualReport(rows, year), agency };
  };

  app.get('/desk/report', async (c) => {
    const s = c.get('session');
    if (!mayHandle(s)) return forbidden(c);
    const { report, agency } = await buildReport(c);
    const agencies = (await allAgencies()).filter((a) => !scope(s) || scope(s)!.includes(a.id));
    return c.html(reportPage({ user: s.user, csrf: s.csrfToken, report, agencies, agency }));
  });

  const reportTable = (r: AnnualReport): unknown[][] => [
    ['三、收到和处理政府信息公开申请情况', ...REPORT_COLUMNS],
    ...r.part3.map((row) => [row.label, ...row.values]),
    [],
    ['四、政府信息公开行政复议、行政诉讼情况', ...PART4_COLUMNS],
    ...r.part4.map((row) => [row.label, ...row.values]),
  ];

  app.get('/desk/report.csv', async (c) => {
    const s = c.get('session');
    if (!mayHandle(s)) return forbidden(c);
    const { report } = await buildReport(c);
    const [header, ...rows] = reportTable(report);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="annual-report-${report.year}.csv"`);
    return c.body(toCsv(header as string[], rows));
  });

  app.get('/desk/report.xlsx', async (c) => {
    const s = c.get('session');
    if (!mayHandle(s)) return forbidden(c);
    const { report } = await buildReport(c);
    // exceljs is loaded on the first XLSX report: it is heavy, and the server starts without it.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${report.year}年度报告`);
    for (const row of reportTable(report)) ws.addRow(row);
    ws.getColumn(1).width = 60;
    const buf = await wb.xlsx.writeBuffer();
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="annual-report-${report.year}.xlsx"`);
    return c.body(new Uint8Array(buf as ArrayBuffer));
  });

  // ---- Retention: what the job will delete and when (receipt codes only)

  app.get('/desk/retention', async (c) => {
    const s = c.get('session');
    if (!mayHandle(s)) return forbidden(c);
    const preview = await deps.retentionPreview({ agencies: scope(s) });
    return c.html(retentionPage({ user: s.user, csrf: s.csrfToken, preview }));
  });

  // ---- Admin: accounts and the audit log

  app.get('/desk/users', async (c) => {
    const s = c.get('session');
    if (s.user.role !== 'admin') return forbidden(c);
    return c.html(
      usersPage({
        user: s.user,
        csrf: s.csrfToken,
        users: await accounts.listUsers(),
        agencies: await allAgencies(),
        error: null,
        created: null,
      }),
    );
  });

  app.post('/desk/users', bodyLimit({ maxSize: 8192 }), async (c) => {
    const s = c.get('session');
    if (s.user.role !== 'admin') return forbidden(c);
    const body = await c.req.parseBody({ all: true });
    const one = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
    const agencies = ([] as unknown[])
      .concat(body.agencies ?? [])
      .filter((x): x is string => typeof x === 'string');
    const role = one('role') as StaffRole;
    const password = generatePassword();
    let error: string | null = null;
    let created: { username: string; password: string } | null = null;
    if (!(STAFF_ROLES as readonly string[]).includes(role)) error = '角色不对';
    else {
      try {
        const u = await accounts.createUser({
          username: one('username'),
          displayName: one('displayName'),
          role,
          agencies,
          password,
        });
        await accounts.audit(s.user, 'create-user', null, { username: u.username, role });
        created = { username: u.username, password };
      } catch (e) {
        if (!(e instanceof AccountError)) throw e;
        error = e.message;
      }
    }
    return c.html(
      usersPage({
        user: s.user,
        csrf: s.csrfToken,
        users: await accounts.listUsers(),
        agencies: await allAgencies(),
        error,
        created,
      }),
      error ? 400 : 200,
    );
  });

  app.get('/desk/audit', async (c) => {
    const s = c.get('session');
    if (s.user.role !== 'admin') return forbidden(c);
    return c.html(auditPage({ user: s.user, csrf: s.csrfToken, entries: await accounts.auditLog() }));
  });

  app.get('/desk', (c) => c.redirect('/desk/', 301));

  app.onError((e, c) => {
    if (e instanceof CaseError) return c.text(e.message, e.status);
    throw e;
  });

  return app;
}
