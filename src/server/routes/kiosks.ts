// Kiosk heartbeats: POST /api/v1/heartbeats (enrolled kiosks report their health, signed) and, for staff, GET
// /api/v1/staff/heartbeats (behind the staff middleware the app registers before mounting this).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { readJson, tooLarge, zodError, unreadableBody } from '../http/errors.ts';
import { kioskOf } from '../http/kiosk-auth.ts';
import type { ApplicationStore } from '../store.ts';

export interface KioskRoutesDeps {
  store: ApplicationStore;
  /** POST /api/v1/heartbeats body limit, bytes. */
  heartbeatBytes: number;
  now: () => Date;
}

const HeartbeatSchema = z.looseObject({
  kioskId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'kioskId: letters, digits, . _ - (1-100)'),
});

export function kioskRoutes(deps: KioskRoutesDeps): Hono {
  const { store } = deps;
  const limits = { heartbeatBytes: deps.heartbeatBytes };
  const app = new Hono();

  app.post(
    '/api/v1/heartbeats',
    bodyLimit({ maxSize: limits.heartbeatBytes, onError: tooLarge(limits.heartbeatBytes) }),
    async (c) => {
      const raw = await readJson(c);
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
      const hb = HeartbeatSchema.safeParse(raw.value);
      if (!hb.success) return c.json(zodError(hb.error, 'invalid_body'), 400);
      const now = deps.now();
      // A kiosk reports for itself only: the enrolled id that signed the request (http/kiosk-auth.ts).
      const kiosk = kioskOf(c);
      const report = kiosk ? { ...hb.data, kioskId: kiosk.kioskId, site: kiosk.site } : hb.data;
      await store.addHeartbeat(report.kioskId, report, now);
      return c.json({ ok: true, serverTime: now.toISOString() });
    },
  );

  app.get('/api/v1/staff/heartbeats', async (c) => c.json({ kiosks: await store.latestHeartbeats() }));

  return app;
}
