// The zone server's HTTP routes (hono). Everything here is built from explicit dependencies so tests and the bench
// can start it in-process.
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { formatIssuePath, type CalendarYear } from '../core/bundle/schema.ts';
import { canonicalJson, validateApplication, type Application } from '../core/application/schema.ts';
import {
  computeReceiptDates,
  EXTENSION_WORKING_DAYS,
  explainReceiptCode,
  parseReceiptCode,
  REPLY_WORKING_DAYS,
} from '../core/application/receipt.ts';
import {
  APPLICATION_STATUSES,
  isReplyStatus,
  PENDING_STATUS,
  STATUS_EXPLANATIONS,
  type ApplicationStatus,
} from '../core/application/status.ts';
import { chinaDate, ID_TYPE_LABELS, phoneLast4 } from '../core/application/validators.ts';
import { APPLICANT_TYPE_LABELS, DELIVERY_LABELS, MEDIUM_LABELS } from '../core/application/schema.ts';
import {
  createWorkingCalendar,
  CalendarYearMissingError,
  type WorkingCalendar,
} from '../core/calendar/working-days.ts';
import { SealedBoxError, SEALED_BOX_ALG, type IntakeKey } from '../core/crypto/sealed-box.ts';
import { envelopeOpener } from './open-envelope.ts';
import { channelFileTypes } from './channel-types.ts';
import { toCsv } from './csv.ts';
import {
  bundleCacheControl,
  notModified,
  readServedFile,
  safeJoin,
  staticCacheControl,
  NO_CACHE,
  type FileHit,
} from './files.ts';
import { errorFields, type Logger } from './log.ts';
import { TokenBucketLimiter } from './rate-limit.ts';
import { registerStatusPage } from './status-page.ts';
import { compression } from './compression.ts';
import { kioskCspSource, registerCspReports } from './csp.ts';
import { registerEvents } from './events.ts';
import { CHANNEL_LAYOUT_HEADER, CHANNEL_MARKER } from '../kiosk/bundle/channel-reader.ts';
import { ApplicationStore, lookupHash, sha256Hex, type ExportRow } from './store.ts';

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
}
export const DEFAULT_LIMITS: AppLimits = {
  applicationBytes: 64 * 1024,
  heartbeatBytes: 16 * 1024,
  staffBytes: 4 * 1024,
  eventBytes: 2 * 1024,
  // A hall's kiosks together: 10 calls at once, then one every 30 s.
  eventRate: { capacity: 10, refillPerSecond: 1 / 30 },
};

export interface AppDeps {
  store: ApplicationStore;
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
}

type ErrorBody = { error: { code: string; message: string; path: string | null; [k: string]: unknown } };

function errorBody(
  code: string,
  message: string,
  path: string | null = null,
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message, path, ...extra } };
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

const EnvelopeSchema = z.strictObject({
  v: z.literal(1),
  alg: z.literal(SEALED_BOX_ALG),
  kid: z.string().max(64),
  epk: z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: b64url.max(64),
    y: b64url.max(64),
  }),
  iv: b64url.max(32),
  ct: b64url.max(100_000),
});

/** Non-personal metadata sent beside the sealed application. */
const IntakeMetaSchema = z.strictObject({
  site: z.string().max(64).optional(),
  kioskId: z.string().max(100).optional(),
  appVersion: z.string().max(32).optional(),
  /** The kiosk's receiptRule (kiosk-config): how the receipt it printed counted the date of receipt. */
  receiptRule: z.enum(['in-person', 'electronic']).default('in-person'),
  /** When the kiosk sent this attempt (not part of the content compared on replay). */
  sentAt: z.iso.datetime({ offset: true }).optional(),
  attempt: z.number().int().min(0).max(1_000_000).optional(),
});

const IntakeBodySchema = z.strictObject({
  envelope: EnvelopeSchema,
  meta: IntakeMetaSchema.default({ receiptRule: 'in-person' }),
});

const StatusUpdateSchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES),
  note: z.string().max(1000).default(''),
  /** The legal date of receipt, e.g. the day the office confirmed, or received a correction (Art. 30). */
  receivedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

const HeartbeatSchema = z.looseObject({
  kioskId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'kioskId: letters, digits, . _ - (1-100)'),
});

function zodError(e: z.ZodError, code: string): ErrorBody {
  const issue = e.issues[0];
  return errorBody(code, issue ? issue.message : 'invalid', issue ? formatIssuePath(issue.path) : null);
}

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await c.req.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

function tooLarge(limit: number) {
  return (c: Context) =>
    c.json(
      errorBody(
        'payload_too_large',
        `请求体超过 ${limit} 字节的上限（request body larger than ${limit} bytes）`,
      ),
      413,
    );
}

export function createApp(deps: AppDeps): Hono {
  const { store, intakeKey, logger, limits } = deps;
  const openEnvelope = envelopeOpener(intakeKey);
  const app = new Hono();
  const limiter = new TokenBucketLimiter(deps.statusRateLimit);
  let calendarCache: { at: number; cal: WorkingCalendar | null } | null = null;

  const workingCalendar = async (): Promise<WorkingCalendar | null> => {
    if (calendarCache && Date.now() - calendarCache.at < 60_000) return calendarCache.cal;
    let cal: WorkingCalendar | null = null;
    try {
      const years = await deps.calendar();
      cal = years ? createWorkingCalendar(years) : null;
    } catch (e) {
      logger.warn('calendar_unavailable', errorFields(e));
    }
    calendarCache = { at: Date.now(), cal };
    return cal;
  };

  const clientIp = (c: Context): string => {
    if (deps.trustProxy) {
      const xff = c.req.header('x-forwarded-for');
      if (xff) return xff.split(',')[0]!.trim();
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

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

  // ------------------------------------------------------------------------------------------
  // Intake

  app.get('/api/v1/health', (c) => c.json({ ok: true, db: store.db.kind, time: deps.now().toISOString() }));

  app.get('/api/v1/intake-key', (c) => {
    c.header('Cache-Control', NO_CACHE);
    return c.json({ kid: intakeKey.kid, alg: SEALED_BOX_ALG, jwk: intakeKey.publicJwk });
  });

  app.post(
    '/api/v1/applications',
    bodyLimit({ maxSize: limits.applicationBytes, onError: tooLarge(limits.applicationBytes) }),
    async (c) => {
      const key = c.req.header('idempotency-key');
      if (!key) {
        return c.json(
          errorBody(
            'idempotency_key_missing',
            '缺少 Idempotency-Key 请求头（the client id of the application）',
          ),
          400,
        );
      }
      if (!UUID_V4.test(key)) {
        return c.json(errorBody('idempotency_key_invalid', 'Idempotency-Key 应为小写的 UUID v4'), 400);
      }
      const raw = await readJson(c);
      if (!raw.ok) return c.json(errorBody('invalid_json', '请求体不是有效的 JSON'), 400);
      const body = IntakeBodySchema.safeParse(raw.value);
      if (!body.success) return c.json(zodError(body.error, 'invalid_body'), 400);

      let plain: unknown;
      try {
        plain = openEnvelope(body.data.envelope, key);
      } catch (e) {
        if (e instanceof SealedBoxError && e.code === 'wrong_key') {
          logger.warn('intake_wrong_key', { envelopeKid: body.data.envelope.kid, serverKid: intakeKey.kid });
          return c.json(
            errorBody(
              'intake_key_mismatch',
              '申请是用另一把服务器公钥加密的，请检查终端配置中的 intakePublicKey',
              'envelope.kid',
              {
                serverKid: intakeKey.kid,
              },
            ),
            400,
          );
        }
        return c.json(
          errorBody('envelope_unreadable', '无法解密：密文已损坏，或与 Idempotency-Key 不匹配', 'envelope'),
          400,
        );
      }
      const checked = validateApplication(plain);
      if (!checked.ok) {
        const first = checked.issues[0]!;
        return c.json(
          errorBody('invalid_application', first.message, first.path, {
            issues: checked.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })),
          }),
          400,
        );
      }
      const application: Application = checked.value;
      if (application.clientId !== key) {
        return c.json(
          errorBody('client_id_mismatch', '申请中的 clientId 与 Idempotency-Key 不一致', 'clientId'),
          400,
        );
      }

      const meta = body.data.meta;
      const rule = meta.receiptRule;
      const now = deps.now();
      if (Date.parse(application.createdAt) > now.getTime() + 10 * 60_000) {
        logger.warn('kiosk_clock_ahead', { kioskId: meta.kioskId ?? null, site: meta.site ?? null });
      }
      let receivedOn: string | null = null;
      let dueOn: string | null = null;
      if (rule === 'in-person') {
        receivedOn = chinaDate(new Date(application.createdAt));
        const cal = await workingCalendar();
        if (cal) {
          try {
            dueOn = computeReceiptDates({ filedAt: application.createdAt, rule, calendar: cal }).replyDueOn;
          } catch (e) {
            if (!(e instanceof CalendarYearMissingError)) throw e;
            logger.warn('due_date_unknown', { year: e.year, reason: e.reason });
          }
        }
      }
      const contentHash = sha256Hex(canonicalJson({ application, receiptRule: rule }));
      const outcome = await store.insert({
        application,
        contentHash,
        lookupHash: lookupHash(application.receiptCode, phoneLast4(application.contact.phone)),
        receiptRule: rule,
        meta: { site: meta.site ?? null, kioskId: meta.kioskId ?? null, appVersion: meta.appVersion ?? null },
        deliveredAt: now,
        receivedOn,
        dueOn,
        status: rule === 'in-person' ? '已受理' : PENDING_STATUS,
      });
      switch (outcome.kind) {
        case 'created':
          logger.info('application_created', {
            number: outcome.response.number,
            site: meta.site ?? null,
            kioskId: meta.kioskId ?? null,
          });
          return c.json(outcome.response, 201);
        case 'replay':
          logger.info('application_replayed', { number: outcome.response.number });
          c.header('Idempotent-Replayed', 'true');
          return c.json(outcome.response, 201);
        case 'conflict':
          logger.warn('idempotency_conflict', { kioskId: meta.kioskId ?? null });
          return c.json(
            errorBody('idempotency_conflict', '同一个 Idempotency-Key 已用于内容不同的另一份申请', null),
            409,
          );
        case 'receipt-code-taken':
          logger.warn('receipt_code_taken', { kioskId: meta.kioskId ?? null });
          return c.json(errorBody('receipt_code_taken', '这个查询码已被另一份申请使用', 'receiptCode'), 409);
      }
    },
  );

  // ------------------------------------------------------------------------------------------
  // Status look-up: receipt code + last 4 digits of the phone, rate limited per client address.

  app.get('/api/v1/applications/status', async (c) => {
    const taken = limiter.take(clientIp(c));
    if (!taken.ok) {
      c.header('Retry-After', String(taken.retryAfterSeconds));
      return c.json(errorBody('rate_limited', `查询太频繁，请${taken.retryAfterSeconds}秒后再试。`), 429);
    }
    const codeInput = c.req.query('code') ?? '';
    const phone4 = (c.req.query('phone4') ?? '').trim();
    const code = parseReceiptCode(codeInput);
    if (!code)
      return c.json(errorBody('invalid_code', explainReceiptCode(codeInput) ?? '查询码不对', 'code'), 400);
    if (!/^\d{4}$/.test(phone4))
      return c.json(errorBody('invalid_phone4', '请输入联系电话的后4位数字。', 'phone4'), 400);
    const found = await store.findForStatus(code, lookupHash(code, phone4));
    c.header('Cache-Control', 'no-store');
    if (!found) {
      return c.json(
        errorBody(
          'not_found',
          '没有找到这份申请：请核对查询码和电话后4位。刚提交的申请可能还在终端上等待发送。',
        ),
        404,
      );
    }
    return c.json({
      receiptCode: found.receiptCode,
      status: found.status,
      explanation: STATUS_EXPLANATIONS[found.status],
      statusUpdatedAt: found.statusUpdatedAt,
      filedOn: chinaDate(new Date(found.filedAt)),
      receivedOn: found.receivedOn,
      dueOn: found.dueOn,
    });
  });

  // ------------------------------------------------------------------------------------------
  // Heartbeats

  app.post(
    '/api/v1/heartbeats',
    bodyLimit({ maxSize: limits.heartbeatBytes, onError: tooLarge(limits.heartbeatBytes) }),
    async (c) => {
      const raw = await readJson(c);
      if (!raw.ok) return c.json(errorBody('invalid_json', '请求体不是有效的 JSON'), 400);
      const hb = HeartbeatSchema.safeParse(raw.value);
      if (!hb.success) return c.json(zodError(hb.error, 'invalid_body'), 400);
      const now = deps.now();
      await store.addHeartbeat(hb.data.kioskId, hb.data, now);
      return c.json({ ok: true, serverTime: now.toISOString() });
    },
  );

  // ------------------------------------------------------------------------------------------
  // Staff

  const tokenDigest = deps.staffToken ? sha256Bytes(deps.staffToken) : null;
  app.use('/api/v1/staff/*', async (c, next) => {
    if (!tokenDigest) {
      return c.json(
        errorBody('staff_disabled', '服务器未配置工作人员令牌（--staff-token 或 KIOSK_STAFF_TOKEN）'),
        403,
      );
    }
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !timingSafeEqual(sha256Bytes(m[1]!), tokenDigest)) {
      c.header('WWW-Authenticate', 'Bearer');
      logger.warn('staff_unauthorized', { path: c.req.path });
      return c.json(errorBody('unauthorized', '需要工作人员令牌（Authorization: Bearer …）'), 401);
    }
    await next();
  });

  app.post(
    '/api/v1/staff/applications/:code/status',
    bodyLimit({ maxSize: limits.staffBytes, onError: tooLarge(limits.staffBytes) }),
    async (c) => {
      const code = parseReceiptCode(c.req.param('code'));
      if (!code) return c.json(errorBody('invalid_code', '查询码不对', 'code'), 400);
      const raw = await readJson(c);
      if (!raw.ok) return c.json(errorBody('invalid_json', '请求体不是有效的 JSON'), 400);
      const body = StatusUpdateSchema.safeParse(raw.value);
      if (!body.success) return c.json(zodError(body.error, 'invalid_body'), 400);
      const { status, note, receivedOn: givenReceivedOn } = body.data;
      const now = deps.now();
      const cal = await workingCalendar();
      let dateProblem: string | null = null;
      const updated = await store.setStatus(
        code,
        status,
        note,
        (cur) => {
          let receivedOn = givenReceivedOn ?? cur.receivedOn;
          // Confirming an electronic filing: the day of confirmation is the day of receipt (Art. 31(3)).
          if (!receivedOn && status !== PENDING_STATUS) receivedOn = chinaDate(now);
          let dueOn = cur.dueOn;
          if (receivedOn && !isReplyStatus(status)) {
            const days = status === '延期' ? REPLY_WORKING_DAYS + EXTENSION_WORKING_DAYS : REPLY_WORKING_DAYS;
            try {
              dueOn = cal ? cal.addWorkingDays(receivedOn, days) : null;
              if (!cal) dateProblem = 'calendar_unavailable';
            } catch (e) {
              if (!(e instanceof CalendarYearMissingError)) throw e;
              dueOn = null;
              dateProblem = e.message;
            }
          }
          return { receivedOn, dueOn };
        },
        now,
      );
      if (!updated) return c.json(errorBody('not_found', '没有这个查询码的申请', 'code'), 404);
      logger.info('status_set', { number: updated.number, status });
      return c.json({ ...updated, ...(dateProblem ? { dueOnProblem: dateProblem } : {}) });
    },
  );

  const exportFilter = (c: Context) => {
    const status = c.req.query('status');
    const since = c.req.query('since');
    return {
      ...(status && (APPLICATION_STATUSES as readonly string[]).includes(status)
        ? { status: status as ApplicationStatus }
        : {}),
      ...(since && !Number.isNaN(Date.parse(since)) ? { since: new Date(since).toISOString() } : {}),
    };
  };

  app.get('/api/v1/staff/export.json', async (c) => {
    const rows = await store.list(exportFilter(c));
    logger.info('staff_export', { format: 'json', count: rows.length });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="applications-${chinaDate(deps.now())}.json"`);
    return c.json({ exportedAt: deps.now().toISOString(), count: rows.length, applications: rows });
  });

  app.get('/api/v1/staff/export.csv', async (c) => {
    const rows = await store.list(exportFilter(c));
    logger.info('staff_export', { format: 'csv', count: rows.length });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="applications-${chinaDate(deps.now())}.csv"`);
    return c.body(toCsv(CSV_HEADER, rows.map(csvRow)));
  });

  app.get('/api/v1/staff/heartbeats', async (c) => c.json({ kiosks: await store.latestHeartbeats() }));

  // Kiosk events (呼叫工作人员) and their staff routes (after the staff middleware above).
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
  });

  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `没有这个接口：${c.req.method} ${c.req.path}`), 404),
  );

  // ------------------------------------------------------------------------------------------
  // Files for the kiosk

  const sendFile = (c: Context, hit: FileHit, cacheControl: string) => {
    c.header('Cache-Control', cacheControl);
    c.header('ETag', hit.etag);
    if (notModified(c.req.header('if-none-match'), hit.etag)) return c.body(null, 304);
    c.header('Content-Type', hit.type);
    c.header('Content-Length', String(hit.body.byteLength));
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(hit.body as Uint8Array<ArrayBuffer>, 200);
  };

  app.on(['GET', 'HEAD'], '/kiosk-config.json', async (c) => {
    if (!deps.kioskConfigFile) return c.json(errorBody('not_found', '服务器未配置 --kiosk-config'), 404);
    let config: Record<string, unknown>;
    try {
      config = JSON.parse(await readFile(deps.kioskConfigFile, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      logger.error('kiosk_config_unreadable', errorFields(e));
      return c.json(errorBody('kiosk_config_unreadable', 'kiosk-config 文件无法读取或不是 JSON'), 500);
    }
    // The server is the intake server: fill in its public key when the site file leaves it empty.
    if (config.intakePublicKey === null || config.intakePublicKey === undefined)
      config.intakePublicKey = intakeKey.publicJwk;
    const body = new TextEncoder().encode(JSON.stringify(config, null, 2));
    return sendFile(
      c,
      {
        path: deps.kioskConfigFile,
        body,
        etag: `"${sha256Hex(new TextDecoder().decode(body)).slice(0, 27)}"`,
        type: 'application/json; charset=utf-8',
      },
      NO_CACHE,
    );
  });

  const channelFileType = deps.bundleDir ? channelFileTypes(deps.bundleDir) : null;
  app.on(['GET', 'HEAD'], '/bundle/*', async (c) => {
    if (!deps.bundleDir) return c.text('Not Found', 404);
    const full = safeJoin(deps.bundleDir, c.req.path.slice('/bundle/'.length));
    if (!full) return c.text('Not Found', 404);
    const rel = relative(deps.bundleDir, full).split('\\').join('/');
    const policy = bundleCacheControl(rel);
    const hit = await readServedFile(full, policy.strongEtag);
    if (!hit) return c.text('Not Found', 404);
    const contentAddressed = /^files\/([0-9a-f]{64})$/.exec(rel);
    if (contentAddressed && channelFileType) hit.type = await channelFileType(contentAddressed[1]!);
    // A channel written by `kiosk-bundle publish` also holds files/<sha256>: kiosks read those (consistent even
    // while a publish is under way) instead of probing for them.
    if (rel === 'manifest.json' && (await readServedFile(join(deps.bundleDir, CHANNEL_MARKER))))
      c.header(CHANNEL_LAYOUT_HEADER, 'content-addressed');
    return sendFile(c, hit, policy.cacheControl);
  });

  // The kiosk's pages and worker scripts carry its Content-Security-Policy (csp.ts).
  const kioskCsp = kioskCspSource(deps.kioskConfigFile, logger);
  app.on(['GET', 'HEAD'], '*', async (c) => {
    if (!deps.staticDir) return c.text('Not Found', 404);
    const path = c.req.path;
    if (path === '/bundle' || path.startsWith('/bundle/')) return c.text('Not Found', 404);
    const full = safeJoin(deps.staticDir, path);
    if (full) {
      const rel = relative(deps.staticDir, full).split('\\').join('/');
      const hit = rel === '' ? null : await readServedFile(full);
      if (hit) {
        c.header('Content-Security-Policy', await kioskCsp());
        return sendFile(c, hit, staticCacheControl(rel));
      }
    }
    // SPA fallback: only for page navigations, never for missing scripts, images or API calls.
    const navigation =
      c.req.header('sec-fetch-mode') === 'navigate' || (c.req.header('accept') ?? '').includes('text/html');
    if (navigation) {
      const index = await readServedFile(`${deps.staticDir}/index.html`);
      if (index) {
        c.header('Content-Security-Policy', await kioskCsp());
        return sendFile(c, index, NO_CACHE);
      }
    }
    return c.text('Not Found', 404);
  });

  return app;
}

function sha256Bytes(s: string): Buffer {
  return Buffer.from(sha256Hex(s), 'hex');
}

// ------------------------------------------------------------------------------------------
// CSV export layout

export const CSV_HEADER = [
  '编号',
  '查询码',
  '状态',
  '状态说明',
  '提交时间',
  '送达服务器时间',
  '收到申请日期',
  '答复期限',
  '收到日期规则',
  '申请人类型',
  '姓名/名称',
  '证件类型',
  '证件号码',
  '统一社会信用代码',
  '信用代码已确认',
  '法定代表人',
  '联系人',
  '工作单位',
  '联系电话',
  '电子邮箱',
  '通信地址',
  '邮政编码',
  '信息名称',
  '文号',
  '内容描述',
  '受理机关',
  '获取信息的方式',
  '提供方式',
  '同意公开申请',
  '工作人员代填',
  '终端',
  '申请编号(clientId)',
] as const;

function csvRow(r: ExportRow): unknown[] {
  const a = r.application;
  const p = a.applicant;
  return [
    r.number,
    r.receiptCode,
    r.status,
    r.statusNote,
    r.filedAt,
    r.deliveredAt,
    r.receivedOn ?? '',
    r.dueOn ?? '',
    r.receiptRule === 'in-person' ? '当面提交' : '双方确认',
    APPLICANT_TYPE_LABELS[p.type],
    p.name,
    p.type === 'citizen' ? ID_TYPE_LABELS[p.idType] : '',
    p.type === 'citizen' ? p.idNumber : '',
    p.type === 'organization' ? p.uscc : '',
    p.type === 'organization' ? (p.usccConfirmed ? '是' : '否') : '',
    p.type === 'organization' ? p.legalRepresentative : '',
    p.type === 'organization' ? p.contactPerson : '',
    p.type === 'citizen' ? p.workUnit : '',
    a.contact.phone,
    a.contact.email,
    a.contact.address,
    a.contact.postCode,
    a.request.title,
    a.request.documentNumber,
    a.request.description,
    a.request.agencyName || a.request.agencyId,
    a.media.map((m) => MEDIUM_LABELS[m]).join('、'),
    a.deliveries.map((d) => DELIVERY_LABELS[d]).join('、'),
    a.consentToPublish ? '是' : '否',
    a.staffAssisted ? '是' : '否',
    String(r.meta.kioskId ?? r.meta.site ?? ''),
    r.clientId,
  ];
}
