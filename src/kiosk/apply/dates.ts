// The receipt's dates (Art. 30, 31, 33) from the bundle's working-day calendar. A date that falls in a year whose
// holiday arrangement is not published is left to the staff (null), never guessed.
import {
  computeReceiptDates,
  CORRECTION_NOTICE_WORKING_DAYS,
  EXTENSION_WORKING_DAYS,
  REPLY_WORKING_DAYS,
} from '../../core/application/receipt.ts';
import { chinaDate } from '../../core/application/validators.ts';
import type { CalendarYear } from '../../core/bundle/schema.ts';
import { CalendarYearMissingError, createWorkingCalendar } from '../../core/calendar/working-days.ts';
import type { OutboxEntry } from '../outbox/machine.ts';

/** The receipt's dates; each is null when the calendar does not cover it (an unpublished year): never guessed. */
export interface KnownDates {
  receivedOn: string | null;
  receivedIsExpected: boolean;
  replyDueOn: string | null;
  extendedDueOn: string | null;
  correctionNoticeBy: string | null;
}

export function receiptDatesFrom(
  entry: Pick<OutboxEntry, 'createdAt' | 'receiptRule' | 'receivedOn'>,
  calendar: readonly CalendarYear[],
): KnownDates {
  try {
    return computeReceiptDates({
      filedAt: entry.createdAt,
      rule: entry.receiptRule,
      calendar,
      confirmedOn: entry.receiptRule === 'electronic' ? (entry.receivedOn ?? null) : null,
    });
  } catch (e) {
    if (!(e instanceof CalendarYearMissingError)) throw e;
  }
  // Some of the dates fall in a year whose arrangement is not published: keep those that can be known.
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
  };
}
