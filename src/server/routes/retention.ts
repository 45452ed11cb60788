// POST /api/v1/staff/retention/run (staff): runs the retention job now (it also runs hourly in the server) and
// answers what it deleted: counts only.
import { Hono } from 'hono';
import type { Retention } from '../../core/config/retention.ts';
import type { Logger } from '../log.ts';
import { runRetention } from '../retention.ts';
import type { ApplicationStore } from '../store.ts';

export interface RetentionRoutesDeps {
  store: ApplicationStore;
  retention: Retention;
  logger: Logger;
  now: () => Date;
}

export function retentionRoutes(deps: RetentionRoutesDeps): Hono {
  const app = new Hono();
  app.post('/api/v1/staff/retention/run', async (c) => {
    const report = await runRetention(deps.store, deps.retention, deps.now());
    deps.logger.info('retention_run', {
      applications: report.applications,
      heartbeats: report.heartbeats,
      events: report.events,
      by: 'staff',
    });
    return c.json(report);
  });
  return app;
}
