// Kiosk events: POST /api/v1/events (呼叫工作人员 from an enrolled kiosk, signed: app.ts guards it), and for staff
// GET /api/v1/staff/events and POST /api/v1/staff/events/:id/ack (behind the staff bearer token, which app.ts
// checks for every /api/v1/staff/* path registered after its middleware).
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { KioskEventSchema, type EventAccepted } from '../core/events/schema.ts';
import type { Queryable } from './db/database.ts';
import { callState, EventStore, type CallState, type StoredEvent } from './events-store.ts';
import type { Logger } from './log.ts';
import { TokenBucketLimiter } from './rate-limit.ts';
import { errorBody, readJson, tooLarge, unreadableBody, zodError } from './http/errors.ts';
import { kioskOf } from './http/kiosk-auth.ts';

/** The part of AppLimits (app.ts, with the defaults) these routes use. */
export interface EventLimits {
  /** POST /api/v1/events body, bytes. */
  eventBytes: number;
  /** Token bucket per site for POST /api/v1/events. */
  eventRate: { capacity: number; refillPerSecond: number };
}

export interface EventsDeps {
  db: Queryable;
  logger: Logger;
  limits: EventLimits;
  now: () => Date;
}

export type EventView = StoredEvent & { state: CallState };

const EVENT_ID = /^[1-9]\d{0,8}$/;

/** Registers the routes; returns the store so the status page can list calls. */
export function registerEvents(app: Hono, deps: EventsDeps): EventStore {
  const { logger, limits } = deps;
  const store = new EventStore(deps.db);
  const perSite = new TokenBucketLimiter({ ...limits.eventRate, maxKeys: 1000 });
  const view = (e: StoredEvent): EventView => ({ ...e, state: callState(e, deps.now()) });

  app.post(
    '/api/v1/events',
    bodyLimit({ maxSize: limits.eventBytes, onError: tooLarge(limits.eventBytes) }),
    async (c) => {
      const raw = await readJson(c);
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
      const parsed = KioskEventSchema.safeParse(raw.value);
      if (!parsed.success) return c.json(zodError(parsed.error, 'invalid_body'), 400);
      // The site and kiosk are the enrolled kiosk's that signed the request, whatever the body says.
      const kiosk = kioskOf(c);
      const event = kiosk ? { ...parsed.data, site: kiosk.site, kioskId: kiosk.kioskId } : parsed.data;
      const taken = perSite.take(event.site);
      if (!taken.ok) {
        c.header('Retry-After', String(taken.retryAfterSeconds));
        logger.warn('event_rate_limited', { kind: event.kind, site: event.site });
        return c.json(
          errorBody('rate_limited', `呼叫太频繁，请${taken.retryAfterSeconds}秒后再试，或直接前往服务台。`),
          429,
        );
      }
      const receivedAt = deps.now();
      const outcome = await store.record(event, receivedAt);
      // Site and kiosk ids only: never the request body, the client address or anything a visitor typed.
      logger.info('kiosk_event', {
        kind: event.kind,
        id: outcome.id,
        site: event.site,
        kioskId: event.kioskId ?? null,
        repeated: outcome.repeated,
      });
      const body: EventAccepted = {
        id: outcome.id,
        kind: event.kind,
        repeated: outcome.repeated,
        receivedAt: receivedAt.toISOString(),
      };
      c.header('Cache-Control', 'no-store');
      return c.json(body, 202);
    },
  );

  app.get('/api/v1/staff/events', async (c) => {
    const all = c.req.query('state') === 'all';
    const events = await store.list({ unhandled: !all, limit: 500 });
    c.header('Cache-Control', 'no-store');
    return c.json({ events: events.map(view) });
  });

  app.post('/api/v1/staff/events/:id/ack', async (c: Context) => {
    const id = c.req.param('id') ?? '';
    if (!EVENT_ID.test(id)) return c.json(errorBody('invalid_id', '事件编号不对', 'id'), 400);
    const event = await store.ack(Number(id), deps.now());
    if (!event) return c.json(errorBody('not_found', '没有这个事件', 'id'), 404);
    logger.info('kiosk_event_handled', { id: event.id, kind: event.kind, site: event.site });
    c.header('Cache-Control', 'no-store');
    return c.json({ event: view(event) });
  });

  return store;
}
