// Kiosk enrolment: staff create one-time codes and list or revoke kiosks (/api/v1/staff/…, behind the staff token
// that app.ts checks); a kiosk records its public key with a code (POST /api/v1/enrolment), or, on the localhost
// demo started with --auto-enrol, without one (POST /api/v1/enrolment/auto, loopback clients only); an enrolled
// kiosk reads its own record (GET /api/v1/enrolment, signed).
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { KioskPublicKeySchema } from '../../core/auth/request-signature.ts';
import { errorBody, readJson, tooLarge, zodError } from '../http/errors.ts';
import { kioskOf, type KioskAuthVariables } from '../http/kiosk-auth.ts';
import type { MiddlewareHandler } from 'hono';
import { formatCode, type EnrolledKiosk, type KioskStore } from '../kiosk-store.ts';
import type { Logger } from '../log.ts';
import { TokenBucketLimiter } from '../rate-limit.ts';

export interface EnrolmentRoutesDeps {
  kiosks: KioskStore;
  logger: Logger;
  now: () => Date;
  /** The site new codes are for by default (kiosk-config's), and the site auto-enrolled kiosks get. */
  defaultSite: () => Promise<string | null>;
  /** The localhost demo: enrol loopback kiosks without a code. */
  autoEnrol: boolean;
  clientIp: (c: Context) => string;
  /** The signed-request guard for GET /api/v1/enrolment. */
  kioskGuard: MiddlewareHandler<{ Variables: KioskAuthVariables }>;
  /** Attempts per client address at POST /api/v1/enrolment (codes are guessable only this slowly). */
  attemptRate?: { capacity: number; refillPerSecond: number };
}

const SITE = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'site: a slug of lowercase letters, digits and -');
const KIOSK_ID = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'kioskId: letters, digits, . _ - (1-100)');
const CodeRequestSchema = z.strictObject({
  site: SITE.optional(),
  name: z.string().trim().min(1).max(100),
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
});
const EnrolSchema = z.strictObject({
  code: z.string().regex(/^[\d\s]{10,20}$/, 'code: the digits staff were given'),
  publicKey: KioskPublicKeySchema,
  kioskId: KIOSK_ID,
});
const AutoEnrolSchema = EnrolSchema.omit({ code: true });

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export const publicView = (k: EnrolledKiosk) => ({
  keyId: k.keyId,
  kioskId: k.kioskId,
  site: k.site,
  name: k.name,
  enrolledBy: k.enrolledBy,
  enrolledAt: k.enrolledAt,
  revokedAt: k.revokedAt,
});

export function enrolmentRoutes(deps: EnrolmentRoutesDeps): Hono {
  const { kiosks, logger } = deps;
  const attempts = new TokenBucketLimiter({
    ...(deps.attemptRate ?? { capacity: 10, refillPerSecond: 1 / 60 }),
    maxKeys: 10_000,
  });
  const app = new Hono();
  const small = bodyLimit({ maxSize: 2048, onError: tooLarge(2048) });

  app.post('/api/v1/staff/enrolment-codes', small, async (c) => {
    const raw = await readJson(c);
    if (!raw.ok) return c.json(errorBody('invalid_json', '请求体不是有效的 JSON'), 400);
    const req = CodeRequestSchema.safeParse(raw.value);
    if (!req.success) return c.json(zodError(req.error, 'invalid_body'), 400);
    const site = req.data.site ?? (await deps.defaultSite());
    if (!site) return c.json(errorBody('invalid_body', '请指明站点（site）', 'site'), 400);
    const created = await kiosks.createCode(site, req.data.name, deps.now(), req.data.ttlMinutes);
    logger.info('enrolment_code_created', { site, name: req.data.name, expiresAt: created.expiresAt });
    c.header('Cache-Control', 'no-store');
    return c.json(
      { code: formatCode(created.code), site, name: req.data.name, expiresAt: created.expiresAt },
      201,
    );
  });

  app.get('/api/v1/staff/kiosks', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ kiosks: (await kiosks.list()).map(publicView) });
  });

  app.post('/api/v1/staff/kiosks/:id/revoke', async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(id))
      return c.json(errorBody('invalid_id', '终端编号不对', 'id'), 400);
    const revoked = await kiosks.revoke(id, deps.now());
    if (!revoked.length) return c.json(errorBody('not_found', '没有这个已登记的终端', 'id'), 404);
    logger.warn('kiosk_revoked', { kiosks: revoked.map((k) => k.kioskId) });
    return c.json({ revoked: revoked.map(publicView) });
  });

  const limitAttempts = (c: Context) => {
    const taken = attempts.take(deps.clientIp(c));
    if (taken.ok) return null;
    c.header('Retry-After', String(taken.retryAfterSeconds));
    return c.json(errorBody('rate_limited', `登记尝试太频繁，请${taken.retryAfterSeconds}秒后再试`), 429);
  };

  app.post('/api/v1/enrolment', small, async (c) => {
    const limited = limitAttempts(c);
    if (limited) return limited;
    const raw = await readJson(c);
    if (!raw.ok) return c.json(errorBody('invalid_json', '请求体不是有效的 JSON'), 400);
    const req = EnrolSchema.safeParse(raw.value);
    if (!req.success) return c.json(zodError(req.error, 'invalid_body'), 400);
    const outcome = await kiosks.enrolWithCode(
      req.data.code,
      req.data.publicKey,
      req.data.kioskId,
      deps.now(),
    );
    if (!outcome.ok) {
      logger.warn('enrolment_refused', { reason: outcome.reason });
      return outcome.reason === 'bad_code'
        ? c.json(errorBody('bad_code', '登记码无效、已用过或已过期', 'code'), 403)
        : c.json(errorBody('kiosk_id_taken', '这个终端编号已登记', 'kioskId'), 409);
    }
    logger.info('kiosk_enrolled', { kioskId: outcome.kiosk.kioskId, site: outcome.kiosk.site, by: 'code' });
    return c.json({ kiosk: publicView(outcome.kiosk) }, 201);
  });

  app.post('/api/v1/enrolment/auto', small, async (c) => {
    let peer = '';
    try {
      peer = getConnInfo(c).remote.address ?? '';
    } catch {
      // not a node socket (in-process tests pass none): not loopback
    }
    // The socket's own peer, never X-Forwarded-For: only a browser on this machine enrols by itself.
    if (!deps.autoEnrol || !LOOPBACK.test(peer))
      return c.json(errorBody('auto_enrol_off', '本服务器不自动登记终端：请向工作人员索取登记码'), 403);
    const raw = await readJson(c);
    if (!raw.ok) return c.json(errorBody('invalid_json', '请求体不是有效的 JSON'), 400);
    const req = AutoEnrolSchema.safeParse(raw.value);
    if (!req.success) return c.json(zodError(req.error, 'invalid_body'), 400);
    const site = await deps.defaultSite();
    if (!site) return c.json(errorBody('no_site', '服务器没有 kiosk-config，无法确定站点'), 409);
    const outcome = await kiosks.enrolAuto(req.data.publicKey, req.data.kioskId, site, deps.now());
    if (!outcome.ok) return c.json(errorBody('kiosk_id_taken', '这个终端编号已登记', 'kioskId'), 409);
    logger.info('kiosk_enrolled', { kioskId: outcome.kiosk.kioskId, site, by: 'auto' });
    return c.json({ kiosk: publicView(outcome.kiosk) }, 201);
  });

  app.get('/api/v1/enrolment', deps.kioskGuard, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ kiosk: publicView(kioskOf(c)!) });
  });

  return app;
}
