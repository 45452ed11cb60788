// Warns the staff when the bundle's holiday notices run out within 60 days: after that day, reply deadlines are
// counted with the statutory holidays only and printed as 预计 until a bundle brings the next year's notice.
import { chinaDate } from '../../core/application/validators.ts';
import { formatChineseDate } from '../../core/application/receipt.ts';
import { calendarCoverage } from '../../core/calendar/coverage.ts';
import { BundleDb } from '../db/bundle-db.ts';
import { useKioskState } from '../state.ts';
import { useAsync } from '../ui/hooks.ts';

async function readCalendar(dbName: string) {
  const db = new BundleDb(dbName);
  try {
    return await db.calendar.toArray();
  } finally {
    db.close();
  }
}

export function CalendarWarning() {
  const { live } = useKioskState();
  const years = useAsync(async () => (live ? readCalendar(live.dbName) : null), [live?.dbName]);
  if (!years.value) return null;
  const c = calendarCoverage(years.value, chinaDate());
  if (!c.warn) return null;
  const missing = `${c.firstMissingYear}年`;
  return (
    <p role="alert" class="staff-warning">
      {c.coveredUntil === null
        ? `当前内容包没有${missing}的节假日安排：答复期限按法定节假日推算，回执上标注“预计”。`
        : c.daysLeft !== null && c.daysLeft < 0
          ? `当前内容包的节假日安排只到${formatChineseDate(c.coveredUntil)}，已经用完：答复期限按法定节假日推算，回执上标注“预计”。`
          : `当前内容包的节假日安排只到${formatChineseDate(c.coveredUntil)}（还有${c.daysLeft}天）：此后的答复期限按法定节假日推算，回执上标注“预计”。`}
      国务院办公厅公布{missing}的节假日安排后，请在 calendar.yaml 中加入并发布新的内容包。
    </p>
  );
}
