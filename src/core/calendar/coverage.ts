// How far the bundle's holiday notices reach from today: the staff screen warns in time to bring the next year's
// notice, before deadlines have to be estimated (预计).
import type { CalendarYear } from '../bundle/schema.ts';
import { toDayNumber, type IsoDate } from './working-days.ts';

/** The staff are warned this many days before the last day the notices cover. */
export const CALENDAR_WARNING_DAYS = 60;

export interface CalendarCoverage {
  /** The last day covered by published notices without a gap from today's year; null when today's is missing. */
  coveredUntil: IsoDate | null;
  /** Days from today to `coveredUntil` (0 on that day); null when nothing is covered. */
  daysLeft: number | null;
  /** The first year from today's on whose notice the bundle lacks. */
  firstMissingYear: number;
  /** True when the coverage ends within CALENDAR_WARNING_DAYS days (or has already ended). */
  warn: boolean;
}

export function calendarCoverage(
  years: readonly CalendarYear[],
  today: IsoDate,
  warningDays = CALENDAR_WARNING_DAYS,
): CalendarCoverage {
  const published = new Set(years.filter((y) => y.published).map((y) => y.year));
  const thisYear = Number(today.slice(0, 4));
  let year = thisYear;
  while (published.has(year)) year++;
  if (year === thisYear) return { coveredUntil: null, daysLeft: null, firstMissingYear: year, warn: true };
  const coveredUntil = `${year - 1}-12-31`;
  const daysLeft = toDayNumber(coveredUntil) - toDayNumber(today);
  return { coveredUntil, daysLeft, firstMissingYear: year, warn: daysLeft <= warningDays };
}
