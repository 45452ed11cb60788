// Retention: what the zone server deletes, and when. Closed applications lose their personal data after the
// site's period (the store keeps number, agency, applicant kind, dates and status for the annual statistics);
// heartbeats and kiosk events are deleted after their own ages. Run by a periodic job in the server, by
// `main.ts retention` and by POST /api/v1/staff/retention/run.
import { DEFAULT_RETENTION, type Retention } from '../core/config/retention.ts';
import { REPLY_STATUSES } from '../core/application/status.ts';
import type { Logger } from './log.ts';
import type { ApplicationStore, RetentionMonth } from './store.ts';

const DAY_MS = 86_400_000;

export interface RetentionReport {
  ranAt: string;
  retention: Retention;
  /** Applications whose personal data was deleted. */
  applications: number;
  heartbeats: number;
  events: number;
}

export async function runRetention(
  store: ApplicationStore,
  retention: Retention = DEFAULT_RETENTION,
  now: Date = new Date(),
): Promise<RetentionReport> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const applications = await store.deletePersonalData(
    new Date(now.getTime() - retention.applicationDays * DAY_MS),
    REPLY_STATUSES,
    now,
  );
  const heartbeats = await store.db.query('DELETE FROM heartbeats WHERE received_at < $1 RETURNING id', [
    before(retention.heartbeatDays),
  ]);
  const events = await store.db.query('DELETE FROM kiosk_events WHERE received_at < $1 RETURNING id', [
    before(retention.eventDays),
  ]);
  return {
    ranAt: now.toISOString(),
    retention,
    applications,
    heartbeats: heartbeats.length,
    events: events.length,
  };
}

export interface RetentionPreview {
  applicationDays: number;
  months: RetentionMonth[];
}

/**
 * What runRetention will delete and when, from the same rule: an application whose status is a reply loses its
 * personal data `applicationDays` after its status last changed. A later action (送达, a case filed) moves the date.
 * Receipt codes only, never personal data; `agencies` limits it to a clerk's.
 */
export async function retentionPreview(
  store: ApplicationStore,
  retention: Retention,
  opts: { now: Date; timeZone: string; agencies: string[] | null; codesPerMonth?: number },
): Promise<RetentionPreview> {
  const months = await store.retentionSchedule({
    replyStatuses: REPLY_STATUSES,
    retentionDays: retention.applicationDays,
    now: opts.now,
    timeZone: opts.timeZone,
    agencies: opts.agencies,
    codesPerMonth: opts.codesPerMonth ?? 5,
  });
  return { applicationDays: retention.applicationDays, months };
}

/** Runs retention now and then every `everyMs` (default hourly) until stopped; failures are logged, not thrown. */
export function scheduleRetention(
  run: () => Promise<RetentionReport>,
  logger: Logger,
  everyMs = 60 * 60_000,
): { stop(): void; idle(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = run().then(
      (r) => {
        if (r.applications || r.heartbeats || r.events) {
          logger.info('retention_run', {
            applications: r.applications,
            heartbeats: r.heartbeats,
            events: r.events,
          });
        }
      },
      (e: unknown) =>
        logger.error('retention_failed', { message: e instanceof Error ? e.message : String(e) }),
    );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    idle: () => running,
  };
}
