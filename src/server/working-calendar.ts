// The holiday calendar deadlines are counted with, read from the live bundle and cached for a minute (a new
// bundle published to the channel is picked up without a restart). A year whose notice the bundle lacks is counted
// with the statutory holidays, and the dates that depend on it are provisional (预计).
import type { CalendarYear } from '../core/bundle/schema.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../core/calendar/working-days.ts';
import { errorFields, type Logger } from './log.ts';

export type WorkingCalendarSource = () => Promise<WorkingCalendar | null>;

export function cachedWorkingCalendar(
  read: () => Promise<CalendarYear[] | null>,
  logger: Logger,
  maxAgeMs = 60_000,
): WorkingCalendarSource {
  let cache: { at: number; cal: WorkingCalendar | null } | null = null;
  return async () => {
    if (cache && Date.now() - cache.at < maxAgeMs) return cache.cal;
    let cal: WorkingCalendar | null = null;
    try {
      const years = await read();
      // Loaded on first use (the lunar calendar is a large module): keeps the server's start-up as it was.
      const { statutoryHolidays } = await import('../core/calendar/statutory-holidays.ts');
      cal = years ? createWorkingCalendar(years, { estimate: statutoryHolidays }) : null;
    } catch (e) {
      logger.warn('calendar_unavailable', errorFields(e));
    }
    cache = { at: Date.now(), cal };
    return cal;
  };
}
