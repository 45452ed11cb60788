// POST /api/v1/applications (kiosks deliver sealed applications; idempotent on Idempotency-Key),
// GET /api/v1/intake-key (the public key kiosks seal to) and GET /api/v1/health.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { canonicalJson, validateApplication, type Application } from '../../core/application/schema.ts';
import { computeReceiptDates } from '../../core/application/receipt.ts';
import { PENDING_STATUS } from '../../core/application/status.ts';
import { chinaDate, phoneLast4 } from '../../core/application/validators.ts';
import { filingTimeOnServerClock } from '../../core/application/filing-time.ts';
import { CalendarYearMissingError } from '../../core/calendar/working-days.ts';
import { SealedBoxError, SEALED_BOX_ALG, type IntakeKey } from '../../core/crypto/sealed-box.ts';
import { errorBody, readJson, tooLarge, zodError, unreadableBody } from '../http/errors.ts';
import { unstorableTextPath } from '../http/storable-text.ts';
import { kioskOf } from '../http/kiosk-auth.ts';
import { NO_CACHE } from '../files.ts';
import type { Logger } from '../log.ts';
import { writeProbe } from '../health.ts';
import { envelopeOpener } from '../open-envelope.ts';
import { lookupHash, sha256Hex, type ApplicationStore } from '../store.ts';
import type { WorkingCalendarSource } from '../working-calendar.ts';

export interface IntakeRoutesDeps {
  store: ApplicationStore;
  intakeKey: IntakeKey;
  logger: Logger;
  /** POST /api/v1/applications body limit, bytes. */
  applicationBytes: number;
  workingCalendar: WorkingCalendarSource;
  now: () => Date;
  /** How long one health write probe's result is reused, ms. */
  healthProbeMs: number;
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

const unstorable = (path: string) =>
  errorBody('invalid_text', '文字中含有无法保存的控制字符（例如 NUL）', path);

export function intakeRoutes(deps: IntakeRoutesDeps): Hono {
  const { store, intakeKey, logger } = deps;
  const limits = { applicationBytes: deps.applicationBytes };
  const openEnvelope = envelopeOpener(intakeKey);
  const app = new Hono();
  const limitBody = bodyLimit({
    maxSize: limits.applicationBytes,
    onError: tooLarge(limits.applicationBytes),
  });

  const probe = writeProbe(() => store.probeWrite(deps.now()), deps.healthProbeMs);
  app.get('/api/v1/health', async (c) => {
    const result = await probe();
    c.header('Cache-Control', NO_CACHE);
    const base = { db: store.db.kind, time: deps.now().toISOString() };
    if (result.ok) return c.json({ ok: true, ...base });
    logger.error('health_write_failed', { message: result.message });
    return c.json(
      {
        ok: false,
        ...base,
        ...errorBody('db_write_failed', '数据库无法写入（磁盘已满或数据已损坏？），暂时不能接收申请。'),
      },
      503,
    );
  });

  app.get('/api/v1/intake-key', (c) => {
    c.header('Cache-Control', NO_CACHE);
    return c.json({ kid: intakeKey.kid, alg: SEALED_BOX_ALG, jwk: intakeKey.publicJwk });
  });

  app.post(
    '/api/v1/applications',
    // A signed request's body was read and checked within the limit by http/kiosk-auth.ts already.
    (c, next) => (kioskOf(c) ? next() : limitBody(c, next)),
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
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
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
      const badPlain = unstorableTextPath(plain);
      if (badPlain) return c.json(unstorable(badPlain), 400);
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

      // Who sent it is the enrolled kiosk that signed it (http/kiosk-auth.ts), not what the body says.
      const kiosk = kioskOf(c);
      const meta = kiosk ? { ...body.data.meta, site: kiosk.site, kioskId: kiosk.kioskId } : body.data.meta;
      const rule = meta.receiptRule;
      const now = deps.now();
      // The legal date of receipt comes from this server's clock (see filing-time.ts), never the kiosk's alone.
      const filing = filingTimeOnServerClock({ createdAt: application.createdAt, sentAt: meta.sentAt, now });
      if (filing.flag) {
        logger.warn('filing_time_flagged', {
          flag: filing.flag,
          kioskId: meta.kioskId ?? null,
          site: meta.site ?? null,
        });
      }
      let receivedOn: string | null = null;
      let dueOn: string | null = null;
      if (rule === 'in-person') {
        receivedOn = chinaDate(filing.filedAt);
        const cal = await deps.workingCalendar();
        if (cal) {
          try {
            dueOn = computeReceiptDates({
              filedAt: filing.filedAt.toISOString(),
              rule,
              calendar: cal,
            }).replyDueOn;
          } catch (e) {
            if (!(e instanceof CalendarYearMissingError)) throw e;
            logger.warn('due_date_unknown', { year: e.year, reason: e.reason });
          }
        }
      }
      // An organisation sealed before the form asked its kind is hashed as it was then (without the 其他 its parse
      // adds): a retry of one an older server stored stays a replay, not a conflict.
      const sealedAs =
        application.applicant.type === 'organization' && !sealedWithKind(plain)
          ? { ...application, applicant: { ...application.applicant, kind: undefined } }
          : application;
      const contentHash = sha256Hex(canonicalJson({ application: sealedAs, receiptRule: rule }));
      const outcome = await store.insert({
        application,
        contentHash,
        lookupHash: lookupHash(application.receiptCode, phoneLast4(application.contact.phone)),
        receiptRule: rule,
        meta: {
          site: meta.site ?? null,
          kioskId: meta.kioskId ?? null,
          appVersion: meta.appVersion ?? null,
          // The kiosk's own claim, kept beside the server's filing time (created_at) for staff to judge a flag.
          kioskCreatedAt: application.createdAt,
          filingTimeFlag: filing.flag,
        },
        filedAt: filing.filedAt,
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

  return app;
}

/** Whether a decrypted application's applicant carries the organisation kind (absent in those sealed before). */
function sealedWithKind(plain: unknown): boolean {
  const applicant = (plain as { applicant?: unknown } | null)?.applicant;
  return typeof applicant === 'object' && applicant !== null && 'kind' in applicant;
}
