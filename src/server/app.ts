// The zone server's HTTP app (hono): the cross-cutting middleware, then one routes module per resource, mounted
// in the order their paths must be matched. Everything is built from explicit dependencies so tests and the bench
// can start it in-process. Where a URL is handled:
//   /api/v1/health, /api/v1/intake-key, POST /api/v1/applications   routes/intake.ts
//   /api/v1/applications/status                                      routes/status-lookup.ts
//   /api/v1/heartbeats, /api/v1/staff/heartbeats                     routes/kiosks.ts
//   /api/v1/staff/applications/…, /api/v1/staff/export.{json,csv}    routes/staff-applications.ts
//   POST /api/v1/staff/retention/run                                 routes/retention.ts
//   /api/v1/events, /api/v1/staff/events…                            events.ts
//   /api/v1/enrolment…, /api/v1/staff/enrolment-codes, …/staff/kiosks routes/enrolment.ts
//   signed kiosk requests (applications, heartbeats, events, the staff part of /kiosk-config.json)
//                                                                    http/kiosk-auth.ts, mounted below
//   /api/v1/csp-report, /api/v1/staff/csp-reports                    csp.ts
//   /staff/status                                                    status-page.ts
//   /api/v1/item-opened, /api/v1/published-on-request, …/staff/shelf… routes/shelf.ts
//   /desk/… (the office's desk: login, queue, applications, report)  routes/desk.ts
//   /p/item|guide|interpretation/:id, /p/status/:code (phones)       routes/public-pages.ts
//   /kiosk-config.json, /bundle/*                                    routes/channel.ts
//   everything else (the PWA)                                        routes/kiosk-pages.ts
import { Hono } from 'hono';
import type { CalendarYear } from '../core/bundle/schema.ts';
import type { Retention } from '../core/config/retention.ts';
import type { IntakeKey } from '../core/crypto/sealed-box.ts';
import { compression } from './compression.ts';
import { registerCspReports } from './csp.ts';
import { registerEvents } from './events.ts';
import { bundleDepartments } from './desk/departments.ts';
import { clientIpOf } from './http/client-ip.ts';
import { errorBody } from './http/errors.ts';
import { kioskAuth, ReplayCache } from './http/kiosk-auth.ts';
import { staffTokenGuard } from './http/staff-token.ts';
import { KioskStore } from './kiosk-store.ts';
import { errorFields, type Logger } from './log.ts';
import { channelRoutes, readKioskConfigSite } from './routes/channel.ts';
import { deskRoutes } from './routes/desk.ts';
import { enrolmentRoutes } from './routes/enrolment.ts';
import { intakeRoutes } from './routes/intake.ts';
import { kioskPageRoutes } from './routes/kiosk-pages.ts';
import { kioskRoutes } from './routes/kiosks.ts';
import { publicPageRoutes } from './routes/public-pages.ts';
import { retentionRoutes } from './routes/retention.ts';
import { shelfRoutes } from './routes/shelf.ts';
import { staffApplicationRoutes } from './routes/staff-applications.ts';
import { statusLookupRoutes } from './routes/status-lookup.ts';
import { siteTimeZone } from './site-time.ts';
import { retentionPreview } from './retention.ts';
import { registerStatusPage } from './status-page.ts';
import type { ApplicationStore } from './store.ts';
import { cachedWorkingCalendar } from './working-calendar.ts';

export { CSV_HEADER } from './routes/export-csv.ts';

export interface AppLimits {
  /** POST /api/v1/applications body, bytes. */
  applicationBytes: number;
  /** POST /api/v1/heartbeats body, bytes. */
  heartbeatBytes: number;
  /** Staff request bodies, bytes. */
  staffBytes: number;
  /** POST /api/v1/events body, bytes. */
  eventBytes: number;
  /** POST /api/v1/events: token bucket per site. */
  eventRate: { capacity: number; refillPerSecond: number };
  /** Token buckets per enrolled kiosk (signed requests). */
  kioskRate: Record<'applications' | 'heartbeats' | 'events', { capacity: number; refillPerSecond: number }>;
}
export const DEFAULT_LIMITS: AppLimits = {
  applicationBytes: 64 * 1024,
  heartbeatBytes: 16 * 1024,
  staffBytes: 4 * 1024,
  eventBytes: 2 * 1024,
  // A hall's kiosks together: 10 calls at once, then one every 30 s.
  eventRate: { capacity: 10, refillPerSecond: 1 / 30 },
  kioskRate: {
    // A backlog after a day offline goes at once; then one a second is far above a hall's pace.
    applications: { capacity: 200, refillPerSecond: 1 },
    heartbeats: { capacity: 10, refillPerSecond: 1 / 30 },
    events: { capacity: 5, refillPerSecond: 1 / 60 },
  },
};

export interface AppDeps {
  store: ApplicationStore;
  /** Retention periods, for POST /api/v1/staff/retention/run. */
  retention: Retention;
  /** How long one health write probe's result is reused, ms. */
  healthProbeMs: number;
  intakeKey: IntakeKey;
  logger: Logger;
  /** Bearer token for /api/v1/staff/*; null disables those endpoints. */
  staffToken: string | null;
  staticDir: string | null;
  bundleDir: string | null;
  kioskConfigFile: string | null;
  limits: AppLimits;
  statusRateLimit: { capacity: number; refillPerSecond: number };
  /** The holiday calendar; by default read from <bundleDir>/data/calendar.json. */
  calendar: () => Promise<CalendarYear[] | null>;
  now: () => Date;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** The localhost demo (npm start, the e2e server): kiosks on this machine enrol without a code. */
  autoEnrol: boolean;
  /** The desk's session idle timeout, ms (default 15 minutes). */
  deskSessionIdleMs?: number;
}

export function createApp(deps: AppDeps): Hono {
  const { store, intakeKey, logger, limits } = deps;
  const app = new Hono();
  const workingCalendar = cachedWorkingCalendar(deps.calendar, logger);
  const kiosks = new KioskStore(store.db);
  const replay = new ReplayCache();
  const signedBy = (
    name: string,
    maxBodyBytes: number,
    required = true,
    rate = limits.kioskRate.applications,
  ) => kioskAuth({ kiosks, logger, now: deps.now, replay, required, maxBodyBytes, name, rate });
  const timeZone = siteTimeZone(deps.kioskConfigFile);

  // Access log: method, path (never the query string), status, time. Plus a few headers everywhere.
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    const path = c.req.path;
    const level = path.startsWith('/api/') ? 'info' : 'debug';
    logger.log(level, 'http', {
      method: c.req.method,
      path: path.length > 200 ? path.slice(0, 200) + '…' : path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    });
  });

  app.use('*', compression());

  app.onError((e, c) => {
    logger.error('unhandled', { path: c.req.path, ...errorFields(e) });
    return c.json(errorBody('internal', '服务器内部错误，请稍后重试（internal error）'), 500);
  });

  // Kiosk requests come from enrolled kiosks only: 401 before the body is read (http/kiosk-auth.ts).
  const postOnly =
    (guard: ReturnType<typeof signedBy>): ReturnType<typeof signedBy> =>
    (c, next) =>
      c.req.method === 'POST' ? guard(c, next) : next();
  app.use(
    '/api/v1/applications',
    postOnly(signedBy('applications', limits.applicationBytes, true, limits.kioskRate.applications)),
  );
  app.use(
    '/api/v1/heartbeats',
    postOnly(signedBy('heartbeats', limits.heartbeatBytes, true, limits.kioskRate.heartbeats)),
  );
  app.use('/api/v1/events', postOnly(signedBy('events', limits.eventBytes, true, limits.kioskRate.events)));
  // The public part of kiosk-config to anyone; the staff part only to a signed request.
  app.use('/kiosk-config.json', signedBy('kiosk-config', 0, false, limits.kioskRate.heartbeats));

  app.route(
    '/',
    intakeRoutes({
      store,
      intakeKey,
      logger,
      applicationBytes: limits.applicationBytes,
      workingCalendar,
      now: deps.now,
      healthProbeMs: deps.healthProbeMs,
    }),
  );
  app.route(
    '/',
    statusLookupRoutes({
      store,
      rateLimit: deps.statusRateLimit,
      clientIp: clientIpOf(deps.trustProxy),
      workingCalendar,
    }),
  );

  // Every /api/v1/staff/* route mounted after this line is behind the staff token.
  app.use('/api/v1/staff/*', staffTokenGuard(deps.staffToken, logger));
  app.route('/', kioskRoutes({ store, heartbeatBytes: limits.heartbeatBytes, now: deps.now }));
  app.route(
    '/',
    enrolmentRoutes({
      kiosks,
      logger,
      now: deps.now,
      defaultSite: () => readKioskConfigSite(deps.kioskConfigFile),
      autoEnrol: deps.autoEnrol,
      clientIp: clientIpOf(deps.trustProxy),
      kioskGuard: signedBy('enrolment', 0, true, limits.kioskRate.heartbeats),
    }),
  );
  app.route(
    '/',
    staffApplicationRoutes({
      store,
      logger,
      staffBytes: limits.staffBytes,
      workingCalendar,
      now: deps.now,
      timeZone,
    }),
  );

  app.route('/', retentionRoutes({ store, retention: deps.retention, logger, now: deps.now }));

  // Kiosk events (呼叫工作人员) and their staff routes.
  const events = registerEvents(app, { db: store.db, logger, limits, now: deps.now });
  // What the kiosk pages' Content-Security-Policy blocked (no auth: browsers send these on their own).
  const cspReports = registerCspReports(app, { logger, now: deps.now });

  // The staff status page (HTML, same token; ?token= or Basic auth so a browser can open it).
  registerStatusPage(app, {
    events,
    staffToken: deps.staffToken,
    latestHeartbeats: () => store.latestHeartbeats(),
    now: deps.now,
    cspReports: () => cspReports,
    timeZone,
  });

  app.route(
    '/',
    shelfRoutes({
      ...deps,
      db: store.db,
      openPersonal: (id, sealed) => store.openPersonal(id, sealed),
    }),
  ); // 常被申请的信息 (Art. 44)

  // The office's desk (its own accounts and sessions, not the staff token).
  app.route(
    '/',
    deskRoutes({
      db: store.db,
      openPersonal: (id, sealed) => store.openPersonal(id, sealed),
      logger,
      workingCalendar,
      clientIp: clientIpOf(deps.trustProxy),
      now: deps.now,
      departments: () => bundleDepartments(deps.bundleDir),
      retentionPreview: async ({ agencies }) =>
        retentionPreview(store, deps.retention, { now: deps.now(), timeZone: await timeZone(), agencies }),
      ...(deps.deskSessionIdleMs ? { sessionIdleMs: deps.deskSessionIdleMs } : {}),
    }),
  );

  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `没有这个接口：${c.req.method} ${c.req.path}`), 404),
  );

  app.route(
    '/',
    publicPageRoutes({ bundleDir: deps.bundleDir, store, clientIp: clientIpOf(deps.trustProxy), logger }),
  );
  app.route(
    '/',
    channelRoutes({
      bundleDir: deps.bundleDir,
      kioskConfigFile: deps.kioskConfigFile,
      intakeKey,
      logger,
    }),
  );
  app.route(
    '/',
    kioskPageRoutes({ staticDir: deps.staticDir, kioskConfigFile: deps.kioskConfigFile, logger }),
  );

  return app;
}
