// The receipt's dates (Art. 30, 31, 33) from the bundle's working-day calendar. A date that falls in a year whose
// holiday arrangement is not in the bundle is counted with weekends and the statutory holidays and marked
// provisional (预计); the statutory rules (and the lunar calendar they need) are loaded only for such a year.
import {
  computeReceiptDates,
  CORRECTION_NOTICE_WORKING_DAYS,
  EXTENSION_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  type ProvisionalDates,
} from '../../core/application/receipt.ts';
import { chinaDate } from '../../core/application/validators.ts';
import type { CalendarYear } from '../../core/bundle/schema.ts';
import {
  CalendarYearMissingError,
  createWorkingCalendar,
  type HolidayEstimator,
} from '../../core/calendar/working-days.ts';
import type { OutboxEntry } from '../outbox/machine.ts';

/** The receipt's dates; each is null when it cannot be counted at all (a year beyond the statutory rules). */
export interface KnownDates {
  receivedOn: string | null;
  receivedIsExpected: boolean;
  replyDueOn: string | null;
  extendedDueOn: string | null;
  correctionNoticeBy: string | null;
  provisional: ProvisionalDates;
  /** Years counted by the statutory rules because the bundle has not brought their notice. */
  estimatedYears: number[];
}

type DatedEntry = Pick<OutboxEntry, 'createdAt' | 'receiptRule' | 'receivedOn'>;

const NOTHING_PROVISIONAL: ProvisionalDates = {
  receivedOn: false,
  replyDueOn: false,
  extendedDueOn: false,
  correctionNoticeBy: false,
};

export function receiptDatesFrom(
  entry: DatedEntry,
  calendar: readonly CalendarYear[],
  estimate?: HolidayEstimator,
): KnownDates {
  try {
    return computeReceiptDates({
      filedAt: entry.createdAt,
      rule: entry.receiptRule,
      calendar,
      confirmedOn: entry.receiptRule === 'electronic' ? (entry.receivedOn ?? null) : null,
      ...(estimate ? { estimate } : {}),
    });
  } catch (e) {
    if (!(e instanceof CalendarYearMissingError)) throw e;
  }
  // Some of the dates cannot be counted: keep those that can be known.
  const cal = createWorkingCalendar(calendar);
  const tryDate = (f: () => string): string | null => {
    try {
      return f();
    } catch (e) {
      if (e instanceof CalendarYearMissingError) return null;
      throw e;
    }
  };
  const filedOn = chinaDate(new Date(entry.createdAt));
  const confirmed = entry.receiptRule === 'electronic' ? (entry.receivedOn ?? null) : null;
  const receivedIsExpected = entry.receiptRule === 'electronic' && !confirmed;
  const receivedOn =
    entry.receiptRule === 'in-person'
      ? filedOn
      : (confirmed ?? tryDate(() => cal.nextWorkingDayOnOrAfter(filedOn)));
  const after = (n: number) => (receivedOn ? tryDate(() => cal.addWorkingDays(receivedOn, n)) : null);
  return {
    receivedOn,
    receivedIsExpected,
    replyDueOn: after(REPLY_WORKING_DAYS),
    extendedDueOn: after(REPLY_WORKING_DAYS + EXTENSION_WORKING_DAYS),
    correctionNoticeBy: after(CORRECTION_NOTICE_WORKING_DAYS),
    provisional: NOTHING_PROVISIONAL,
    estimatedYears: [],
  };
}

/**
 * The receipt's dates, counting a year without its notice by the statutory rules. The rules' module (with the
 * lunar calendar) is fetched only when the bundle's notices do not cover the dates.
 */
export async function receiptDatesWithEstimates(
  entry: DatedEntry,
  calendar: readonly CalendarYear[],
): Promise<KnownDates> {
  const fromNotices = receiptDatesFrom(entry, calendar);
  const complete =
    fromNotices.receivedOn &&
    fromNotices.replyDueOn &&
    fromNotices.extendedDueOn &&
    fromNotices.correctionNoticeBy;
  if (complete) return fromNotices;
  const { statutoryHolidays } = await import('../../core/calendar/statutory-holidays.ts');
  return receiptDatesFrom(entry, calendar, statutoryHolidays);
}
