import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { openPglite } from '../../../src/server/db/database.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { callState, EventStore, REPEAT_WINDOW_MS } from '../../../src/server/events-store.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';
import { DEFAULT_LIMITS } from '../../../src/server/app.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { formKey } from '../../../src/server/status-page.ts';
import { callStaff } from '../../../src/kiosk/kiosk/call-staff.ts';
import type { CallStaffEvent } from '../../../src/core/events/schema.ts';
import { backends, openMigrated } from './helpers.ts';

const T0 = new Date('2026-11-23T02:00:00Z'); // 10:00 in Beijing
const call = (over: Partial<CallStaffEvent> = {}): CallStaffEvent => ({
  kind: 'call-staff',
  site: 'moumou-district',
  kioskId: 'moumou-district-0a1b2c3d',
  at: T0.toISOString(),
  ...over,
});
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(backends())('event store on $name', (backend) => {
  let db: Database;
  let store: EventStore;
  beforeAll(async () => {
    db = await openMigrated(backend);
    store = new EventStore(db);
  });
  afterAll(async () => {
    await backend.dispose(db);
  });
  beforeEach(async () => {
    await db.exec('TRUNCATE kiosk_events RESTART IDENTITY');
  });

  it('applies migration 003 once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations WHERE version = 3',
    );
    expect(rows).toEqual([{ version: 3, name: '003_kiosk_events' }]);
  });

  it('stores a call with both clocks', async () => {
    const out = await store.record(call({ at: '2026-11-23T09:59:30+08:00' }), T0);
    expect(out).toEqual({ id: 1, repeated: false });
    expect(await store.get(1)).toEqual({
      id: 1,
      kind: 'call-staff',
      site: 'moumou-district',
      kioskId: 'moumou-district-0a1b2c3d',
      kioskAt: '2026-11-23T01:59:30.000Z',
      receivedAt: T0.toISOString(),
      lastReceivedAt: T0.toISOString(),
      repeatCount: 0,
      handledAt: null,
    });
  });

  it('counts a repeat from the same kiosk on its open call; other kiosks, later or handled calls make new ones', async () => {
    expect(await store.record(call(), T0)).toEqual({ id: 1, repeated: false });
    expect(await store.record(call(), later(60_000))).toEqual({ id: 1, repeated: true });
    expect(await store.record(call({ kioskId: 'moumou-district-ffff0000' }), later(61_000))).toEqual({
      id: 2,
      repeated: false,
    });
    expect(await store.record(call({ kioskId: undefined }), later(62_000))).toEqual({
      id: 3,
      repeated: false,
    });
    expect(await store.record(call({ kioskId: undefined }), later(63_000))).toEqual({
      id: 3,
      repeated: true,
    });
    // The window counts from the last press.
    expect(await store.record(call(), later(60_000 + REPEAT_WINDOW_MS + 1))).toEqual({
      id: 4,
      repeated: false,
    });
    const first = (await store.get(1))!;
    expect(first.repeatCount).toBe(1);
    expect(first.lastReceivedAt).toBe(later(60_000).toISOString());
    await store.ack(4, later(REPEAT_WINDOW_MS + 120_000));
    expect((await store.record(call(), later(REPEAT_WINDOW_MS + 180_000))).repeated).toBe(false);
    expect(await store.count()).toBe(5);
  });

  it('acks once, lists unhandled newest first', async () => {
    await store.record(call(), T0);
    await store.record(call({ site: 'other-hall', kioskId: 'other-hall-1' }), later(1000));
    expect((await store.list({ unhandled: true })).map((e) => e.id)).toEqual([2, 1]);
    const acked = await store.ack(1, later(5000));
    expect(acked?.handledAt).toBe(later(5000).toISOString());
    expect((await store.ack(1, later(9000)))?.handledAt).toBe(later(5000).toISOString());
    expect(await store.ack(99, later(9000))).toBeNull();
    expect((await store.list({ unhandled: true })).map((e) => e.id)).toEqual([2]);
    expect((await store.list()).map((e) => e.id)).toEqual([2, 1]);
  });

  it('expires unhandled calls after a few hours', async () => {
    await store.record(call(), T0);
    const e = (await store.get(1))!;
    expect(callState(e, later(60_000))).toBe('open');
    expect(callState(e, later(3 * 3_600_000 + 1))).toBe('expired');
    expect(callState((await store.ack(1, later(1)))!, later(60_000))).toBe('handled');
  });
});

describe('POST /api/v1/events and the staff side', () => {
  let db: Database;
  let server: RunningServer;
  let clock = T0;
  const logs: string[] = [];
  // Events come from enrolled kiosks (issue 12): each site/kiosk id in a body gets its own enrolled kiosk.
  const kiosks = new Map<string, Promise<TestKiosk>>();
  const usedIds = new Set<string>();
  const kioskFor = (body: unknown) => {
    const b = (typeof body === 'object' && body ? body : {}) as { site?: unknown; kioskId?: unknown };
    const site = typeof b.site === 'string' && /^[a-z0-9-]+$/.test(b.site) ? b.site : 'hall-default';
    const given = typeof b.kioskId === 'string' && /^[\w.-]+$/.test(b.kioskId) ? b.kioskId : `${site}-k`;
    const key = `${site}/${given}`;
    if (!kiosks.has(key)) {
      // One enrolled kiosk per id: the same id at another site is another kiosk.
      const kioskId = usedIds.has(given) ? `${given}-${site}` : given;
      usedIds.add(kioskId);
      kiosks.set(key, enrolTestKiosk(db, { site, kioskId }));
    }
    return kiosks.get(key)!;
  };
  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    (await kioskFor(body)).fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const staff = (path: string, init: RequestInit = {}, token = 'tok') =>
    fetch(server.url + path, { ...init, headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });

  beforeAll(async () => {
    db = await openPglite();
    server = await startServer({
      database: db,
      dataDir: `${process.env.TMPDIR ?? '/tmp'}/zone-events-test-${process.pid}`,
      staffToken: 'tok',
      limits: {
        eventBytes: 512,
        eventRate: { capacity: 3, refillPerSecond: 0.001 },
        // The per-kiosk limit is tested in enrolment.test.ts; here the per-site one.
        kioskRate: { ...DEFAULT_LIMITS.kioskRate, events: { capacity: 100, refillPerSecond: 1 } },
      },
      now: () => clock,
      logger: {
        log: (_l, event, fields) => logs.push(JSON.stringify({ event, ...fields })),
        debug: () => undefined,
        info: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
        warn: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
        error: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('accepts a call with 202 and stores it', async () => {
    const res = await post(call({ site: 'hall-a', kioskId: 'hall-a-1' }));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: number; repeated: boolean; kind: string; receivedAt: string };
    expect(body).toEqual({
      id: expect.any(Number),
      kind: 'call-staff',
      repeated: false,
      receivedAt: T0.toISOString(),
    });
    const stored = await new EventStore(db).get(body.id);
    expect(stored).toMatchObject({
      site: 'hall-a',
      kioskId: 'hall-a-1',
      handledAt: null,
      kioskAt: T0.toISOString(),
    });
    // The log names the site and kiosk, nothing else from the request.
    const line = logs.find((l) => l.includes('"kiosk_event"'))!;
    expect(JSON.parse(line)).toEqual({
      event: 'kiosk_event',
      kind: 'call-staff',
      id: body.id,
      site: 'hall-a',
      kioskId: 'hall-a-1',
      repeated: false,
    });
  });

  it('accepts exactly what the kiosk sends', async () => {
    const kiosk = await kioskFor({ site: 'hall-k', kioskId: 'hall-k-77' });
    const outcome = await callStaff(server.url, 'hall-k', kiosk.fetch, true, async () => 'hall-k-77');
    expect(outcome).toBe('sent');
    const [latest] = await new EventStore(db).list({ limit: 1 });
    expect(latest).toMatchObject({ site: 'hall-k', kioskId: 'hall-k-77' });
    // A kiosk whose id cannot be read still calls; the server knows which enrolled kiosk signed it.
    const other = await kioskFor({ site: 'hall-k2', kioskId: 'hall-k2-1' });
    expect(
      await callStaff(server.url, 'hall-k2', other.fetch, true, () => Promise.reject(new Error('no db'))),
    ).toBe('sent');
    expect((await new EventStore(db).list({ limit: 1 }))[0]).toMatchObject({
      site: 'hall-k2',
      kioskId: 'hall-k2-1',
    });
    // Unsigned (not an enrolled kiosk): refused.
    expect(await callStaff(server.url, 'hall-k', fetch, true, async () => 'hall-k-77')).toBe('failed');
  });

  it('refuses bad bodies with 400 and the path of the first bad field', async () => {
    const cases: [unknown, string, string][] = [
      [{ ...call(), kind: 'fire' }, 'invalid_body', 'kind'],
      [{ ...call(), site: 'Bad Site!' }, 'invalid_body', 'site'],
      [{ kind: 'call-staff', at: T0.toISOString() }, 'invalid_body', 'site'],
      [{ ...call(), at: 'yesterday' }, 'invalid_body', 'at'],
      [{ ...call(), kioskId: 'a b' }, 'invalid_body', 'kioskId'],
      [[1, 2], 'invalid_body', '(root)'],
    ];
    for (const [body, code, path] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = ((await res.json()) as { error: { code: string; path: string; message: string } }).error;
      expect(err.code).toBe(code);
      expect(err.path).toBe(path);
      expect(err.message).toBeTruthy();
    }
    const broken = await post('{"kind":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post({ ...call(), padding: 'x'.repeat(600) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    // Just under the limit is fine (unknown keys are dropped, not stored).
    expect((await post({ ...call({ site: 'hall-big' }), padding: 'x'.repeat(300) })).status).toBe(202);
  });

  it('rate-limits per site with 429 and Retry-After; another site is still accepted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(call({ site: 'hall-busy', kioskId: `k${i}` }))).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await post(call({ site: 'hall-busy' }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await post(call({ site: 'hall-quiet' }))).status).toBe(202);
  });

  it('lets staff list and ack calls with the bearer token', async () => {
    clock = later(60_000);
    const { id } = (await (await post(call({ site: 'hall-ack', kioskId: 'hall-ack-1' }))).json()) as {
      id: number;
    };
    expect((await fetch(`${server.url}/api/v1/staff/events/${id}/ack`, { method: 'POST' })).status).toBe(401);
    expect((await staff(`/api/v1/staff/events/${id}/ack`, { method: 'POST' }, 'wrong')).status).toBe(401);
    const open = (await (await staff('/api/v1/staff/events')).json()) as {
      events: { id: number; state: string }[];
    };
    expect(open.events.find((e) => e.id === id)?.state).toBe('open');

    clock = later(120_000);
    const acked = await staff(`/api/v1/staff/events/${id}/ack`, { method: 'POST' });
    expect(acked.status).toBe(200);
    const body = (await acked.json()) as { event: { id: number; state: string; handledAt: string } };
    expect(body.event).toMatchObject({ id, state: 'handled', handledAt: later(120_000).toISOString() });
    expect((await new EventStore(db).get(id))?.handledAt).toBe(later(120_000).toISOString());
    const after = (await (await staff('/api/v1/staff/events')).json()) as { events: { id: number }[] };
    expect(after.events.map((e) => e.id)).not.toContain(id);
    const all = (await (await staff('/api/v1/staff/events?state=all')).json()) as {
      events: { id: number }[];
    };
    expect(all.events.map((e) => e.id)).toContain(id);

    expect((await staff('/api/v1/staff/events/999999/ack', { method: 'POST' })).status).toBe(404);
    expect((await staff('/api/v1/staff/events/abc/ack', { method: 'POST' })).status).toBe(400);
  });

  it('shows open calls on the status page, expired ones apart, and acks from the page', async () => {
    await db.exec('TRUNCATE kiosk_events RESTART IDENTITY');
    clock = T0;
    expect((await post(call({ site: 'hall-old', kioskId: 'hall-old-1' }))).status).toBe(202);
    clock = later(4 * 3_600_000);
    expect((await post(call({ site: 'hall-page', kioskId: 'hall-page-9' }))).status).toBe(202);
    clock = later(4 * 3_600_000 + 5 * 60_000);

    const page = await fetch(`${server.url}/staff/status?token=tok`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>(1) 呼叫 · 终端状态');
    expect(html).toContain('1 个呼叫待处理');
    expect(html).toContain('1 个已过期');
    // Open call: which kiosk and site, when (Beijing time), how long ago; listed before the expired one.
    expect(html).toMatch(
      /data-call="2">\s*<th scope="row">hall-page-9<div class="sub">hall-page<\/div><\/th>\s*<td><span class="flag">待处理<\/span><\/td>\s*<td>5 分钟前<div class="sub">2026-11-23 14:00（北京时间）/,
    );
    expect(html).toMatch(/data-call="1">[\s\S]*?hall-old-1[\s\S]*?已过期/);
    expect(html.indexOf('data-call="2"')).toBeLessThan(html.indexOf('data-call="1"'));
    // The form posts back with the token the page was opened with.
    expect(html).toContain(`action="/staff/events/2/ack?token=tok"`);
    expect(html).toContain(`name="key" value="${formKey('tok')}"`);

    const ack = (id: number, key: string, query = '?token=tok') =>
      fetch(`${server.url}/staff/events/${id}/ack${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key }).toString(),
        redirect: 'manual',
      });
    expect((await ack(2, formKey('tok'), '')).status).toBe(401);
    expect((await ack(2, 'forged')).status).toBe(403);
    expect((await new EventStore(db).get(2))?.handledAt).toBeNull();
    const done = await ack(2, formKey('tok'));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/staff/status?token=tok');
    expect((await new EventStore(db).get(2))?.handledAt).toBe(clock.toISOString());

    const again = await (await fetch(`${server.url}/staff/status?token=tok`)).text();
    expect(again).not.toContain('data-call="2"');
    expect(again).toContain('没有待处理的呼叫');
    expect(again).toContain('data-call="1"');
  });
});
