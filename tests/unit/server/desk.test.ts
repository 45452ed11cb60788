// The office's desk over HTTP, as a clerk's browser uses it: login, the queue, one application, procedure actions
// with CSRF tokens, the visitor's look-up seeing the result, the report; and what must be refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { createDeskUser } from '../../../src/server/desk/user-command.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { CALENDAR } from '../calendar/fixtures.ts';
import { backends, openMigrated, postApplication, resetTables, sealedBody } from './helpers.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';

let now = new Date('2026-03-02T03:00:00Z'); // Monday 11:00 in Beijing

/** A minimal cookie-keeping browser over fetch. */
class Browser {
  cookie = '';
  constructor(private readonly base: string) {}
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    return res;
  }
  get(path: string) {
    return this.request(path);
  }
  post(path: string, form: Record<string, string> | FormData) {
    const body = form instanceof FormData ? form : new URLSearchParams(form);
    return this.request(path, { method: 'POST', body });
  }
  async login(username: string, password: string) {
    return this.post('/desk/login', { username, password });
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe.each(backends())('the desk on $name', (backend) => {
  let db: Database;
  let server: RunningServer;
  let clerkA: string;
  let clerkB: string;
  let admin: string;
  let kiosk: TestKiosk;

  beforeAll(async () => {
    db = await openMigrated(backend);
    server = await startServer({
      database: db,
      dataDir: `${process.env.TMPDIR ?? '/tmp'}/zone-desk-test-${process.pid}`,
      staffToken: 'staff-secret-token-0123456789abcdef',
      calendar: CALENDAR,
      logger: false,
      now: () => now,
    });
    kiosk = await enrolTestKiosk(db, { site: 'test-site', kioskId: 'kiosk-1' });
    await db.exec('TRUNCATE staff_users RESTART IDENTITY CASCADE');
    clerkA = (
      await createDeskUser(db, { username: 'clerk.a', role: 'clerk', agencies: ['gulou-civil-affairs'] })
    ).password;
    clerkB = (await createDeskUser(db, { username: 'clerk.b', role: 'clerk', agencies: ['gulou-hrss'] }))
      .password;
    admin = (await createDeskUser(db, { username: 'admin', role: 'admin', agencies: [] })).password;
  });
  afterAll(async () => {
    await server.close();
    await backend.dispose(db);
  });
  beforeEach(async () => {
    now = new Date('2026-03-02T03:00:00Z');
    await resetTables(db);
  });

  async function file(overrides = {}) {
    const app = citizenApplication(overrides);
    const res = await postApplication(
      server.url,
      await sealedBody(server.intakeKey.publicJwk, app),
      app.clientId,
      kiosk.fetch,
    );
    expect(res.status).toBe(201);
    return app;
  }

  it('sends a visitor without a session to the login page, and logs in with a Secure HttpOnly SameSite cookie', async () => {
    const b = new Browser(server.url);
    const anon = await b.get('/desk/');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/desk/login');
    const page = await (await b.get('/desk/login')).text();
    expect(page).toContain('<label for="username">用户名</label>');
    expect(page).toContain('<label for="password">密码</label>');
    expect((await b.login('clerk.a', 'wrong-password')).status).toBe(401);
    const ok = await b.login('clerk.a', clerkA);
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await b.get('/desk/')).status).toBe(200);
  });

  it('walks an application through 补正 and a 部分公开 reply; the visitor’s look-up follows; the report counts it', async () => {
    const app = await file();
    const b = new Browser(server.url);
    await b.login('clerk.a', clerkA);
    const queue = await (await b.get('/desk/')).text();
    expect(queue).toContain('<caption>申请列表');
    expect(queue).toContain(`href="/desk/applications/${app.receiptCode}"`);
    const page = await (await b.get(`/desk/applications/${app.receiptCode}`)).text();
    expect(page).toMatch(/11010519491231002x/i);
    expect(page).toContain('2026-03-30'); // due: 20 working days
    const csrf = csrfOf(page);

    const noToken = await b.post(`/desk/applications/${app.receiptCode}/actions`, {
      type: 'request-correction',
      on: '2026-03-03',
      text: '请写明年份',
      answerBy: '2026-03-20',
    });
    expect(noToken.status).toBe(403);

    const corr = await b.post(`/desk/applications/${app.receiptCode}/actions`, {
      _csrf: csrf,
      type: 'request-correction',
      on: '2026-03-03',
      text: '请写明所需信息的年份',
      answerBy: '2026-03-20',
    });
    expect(corr.status).toBe(200);
    const lookup = async () =>
      (await fetch(`${server.url}/api/v1/applications/status?code=${app.receiptCode}&phone4=5678`)).json();
    expect(await lookup()).toMatchObject({
      status: '需补正',
      correction: { text: '请写明所需信息的年份', answerBy: '2026-03-20' },
      dueOn: null,
    });

    expect(
      (
        await b.post(`/desk/applications/${app.receiptCode}/actions`, {
          _csrf: csrf,
          type: 'correction-received',
          on: '2026-03-09',
        })
      ).status,
    ).toBe(200);
    expect(await lookup()).toMatchObject({ status: '已受理', receivedOn: '2026-03-09', dueOn: '2026-04-07' });

    // A reply the law does not allow (不予公开 without its reason) is refused and changes nothing.
    const bad = await b.post(`/desk/applications/${app.receiptCode}/actions`, {
      _csrf: csrf,
      type: 'reply',
      on: '2026-03-20',
      result: '不予公开',
      reason: '',
      basis: '第十四条',
    });
    expect(bad.status).toBe(409);
    expect(await bad.text()).toContain('需要选择理由');

    const form = new FormData();
    for (const [k, v] of Object.entries({
      _csrf: csrf,
      type: 'reply',
      on: '2026-03-20',
      result: '部分公开',
      reason: '',
      basis: '第三十七条',
      referTo: '',
    }))
      form.set(k, v);
    form.set(
      'document',
      new File([new TextEncoder().encode('%PDF-1.4\n%…\n')], '答复书.pdf', { type: 'application/pdf' }),
    );
    const replied = await b.post(`/desk/applications/${app.receiptCode}/actions`, form);
    expect(replied.status).toBe(200);
    const after = await replied.text();
    expect(after).toContain('答复：部分公开');
    const docId = /href="\/desk\/documents\/([^"]+)"/.exec(after)![1]!;
    const doc = await b.get(`/desk/documents/${docId}`);
    expect(new TextDecoder().decode(await doc.arrayBuffer())).toMatch(/^%PDF-/);
    expect(await lookup()).toMatchObject({
      status: '部分公开',
      replied: { on: '2026-03-20', delivered: null },
    });
    expect((await lookup()).explanation).toContain('已准备好');

    const csv = await (await b.get('/desk/report.csv?year=2026')).text();
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      '三、收到和处理政府信息公开申请情况,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计',
    );
    expect(rows.find((r) => r.startsWith('(二)部分公开'))).toMatch(/,1,0,0,0,0,0,1$/);
    expect(rows.find((r) => r.startsWith('一、本年新收'))).toMatch(/,1,0,0,0,0,0,1$/);
    const xlsx = await b.get('/desk/report.xlsx?year=2026');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    // Every view of the application was written to the audit log.
    const audit = await db.query<{ username: string; action: string }>(
      "SELECT username, action FROM staff_audit WHERE action = 'view'",
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((r) => r.username === 'clerk.a')).toBe(true);
  });

  it('shows a clerk only the agencies assigned to them', async () => {
    const app = await file();
    const b = new Browser(server.url);
    await b.login('clerk.b', clerkB);
    expect(await (await b.get('/desk/')).text()).not.toContain(app.receiptCode);
    expect((await b.get(`/desk/applications/${app.receiptCode}`)).status).toBe(404);
    const csrf = csrfOf(await (await b.get('/desk/')).text());
    expect(
      (
        await b.post(`/desk/applications/${app.receiptCode}/actions`, {
          _csrf: csrf,
          type: 'correction-received',
          on: '2026-03-09',
        })
      ).status,
    ).toBe(404);
    const report = await (await b.get('/desk/report.csv?year=2026')).text();
    expect(report).toMatch(/一、本年新收[^\r\n]*,0\r?\n/);
  });

  it('filters the queue by deadline: due within 3 working days, overdue', async () => {
    const early = await file({ createdAt: '2026-02-02T10:00:00+08:00' }); // due 2026-03-09 (春节 in between)
    const late = await file();
    const b = new Browser(server.url);
    now = new Date('2026-03-05T03:00:00Z');
    await b.login('clerk.a', clerkA);
    const soon = await (await b.get('/desk/?deadline=soon')).text();
    expect(soon).toContain(early.receiptCode);
    expect(soon).not.toContain(late.receiptCode);
    now = new Date('2026-03-10T03:00:00Z');
    await b.login('clerk.a', clerkA);
    const overdue = await (await b.get('/desk/?deadline=overdue')).text();
    expect(overdue).toContain(early.receiptCode);
    expect(overdue).toContain('已逾期');
    expect(overdue).not.toContain(late.receiptCode);
    expect(await (await b.get(`/desk/?q=${late.receiptCode}`)).text()).not.toContain(early.receiptCode);
  });

  it('logs a clerk out after 15 idle minutes, and throttles password guessing', async () => {
    const b = new Browser(server.url);
    await b.login('clerk.a', clerkA);
    now = new Date(now.getTime() + 16 * 60_000);
    const idle = await b.get('/desk/');
    expect(idle.status).toBe(303);
    expect(idle.headers.get('location')).toBe('/desk/login');

    const guesser = new Browser(server.url);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await guesser.login('admin', `guess-${i}`)).status);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[6]).toBe(429);
    expect((await guesser.login('admin', admin)).status).toBe(429); // even the right password waits
  });

  it('lets only an admin create accounts; a new clerk gets a one-time password', async () => {
    const clerk = new Browser(server.url);
    await clerk.login('clerk.a', clerkA);
    expect((await clerk.get('/desk/users')).status).toBe(403);
    const a = new Browser(server.url);
    now = new Date(now.getTime() + 60 * 60_000); // the guessing test above emptied admin's login bucket
    await a.login('admin', admin);
    const csrf = csrfOf(await (await a.get('/desk/users')).text());
    const res = await a.post('/desk/users', {
      _csrf: csrf,
      username: 'clerk.c',
      displayName: '陈经办',
      role: 'clerk',
      agencies: 'gulou-civil-affairs',
    });
    const html = await res.text();
    const password = /初始密码：<code>([^<]+)<\/code>/.exec(html)![1]!;
    expect((await new Browser(server.url).login('clerk.c', password)).status).toBe(303);
  });
});
