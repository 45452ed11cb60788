// The reply due date as the register shows it, counted on the live calendar. A date counted over a year whose
// holiday notice the bundle lacks is provisional (预计); when a bundle brings the notice the date is recomputed from
// it on the next read, so the look-up and the export never keep a stale estimate.
import { EXTENSION_WORKING_DAYS, REPLY_WORKING_DAYS } from '../core/application/receipt.ts';
import { isReplyStatus, type ApplicationStatus } from '../core/application/status.ts';
import { CalendarYearMissingError, type WorkingCalendar } from '../core/calendar/working-days.ts';

/** Art. 33: 20 working days from receipt, 40 once the office has extended the deadline. */
export function dueWorkingDays(status: ApplicationStatus): number {
  return status === '延期' ? REPLY_WORKING_DAYS + EXTENSION_WORKING_DAYS : REPLY_WORKING_DAYS;
}

export interface CurrentDue {
  dueOn: string | null;
  dueOnProvisional: boolean;
  /** The years counted by the statutory rules (empty unless provisional). */
  dueOnEstimatedYears: number[];
}

/**
 * The due date of a stored application on today's calendar. Until the reply it follows from the day of receipt and
 * the status, exactly as the status route stores it; once answered, the stored date stands (provisional while its
 * year still has no notice).
 */
export function currentDue(
  row: { receivedOn: string | null; dueOn: string | null; status: ApplicationStatus },
  cal: WorkingCalendar | null,
  decided = false,
): CurrentDue {
  const stored: CurrentDue = { dueOn: row.dueOn, dueOnProvisional: false, dueOnEstimatedYears: [] };
  if (!cal) return stored;
  // A date the desk decided (延期 to a chosen day, a consultation pause: src/core/procedure) stands; a recount from
  // the day of receipt would not reproduce it.
  if (row.receivedOn && !isReplyStatus(row.status) && !decided) {
    try {
      const counted = cal.countWorkingDays(row.receivedOn, dueWorkingDays(row.status));
      return {
        dueOn: counted.date,
        dueOnProvisional: counted.provisional,
        dueOnEstimatedYears: counted.estimatedYears,
      };
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError)) throw e;
      return stored;
    }
  }
  if (row.dueOn) {
    const year = Number(row.dueOn.slice(0, 4));
    if (!cal.hasNotice(year)) return { ...stored, dueOnProvisional: true, dueOnEstimatedYears: [year] };
  }
  return stored;
}

/** `2027-01-08` → `预计（2027年节假日安排未公布）` for the export's column next to the due date; '' when firm. */
export function provisionalLabel(due: CurrentDue): string {
  if (!due.dueOn || !due.dueOnProvisional) return '';
  return `预计（${due.dueOnEstimatedYears.map((y) => `${y}年`).join('、')}节假日安排未公布）`;
}
