// The register's due date: counted from the day of receipt on the live calendar, unless the desk decided it (a
// 延期 to a chosen day, a paused clock), which a recount from receipt would not reproduce.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../src/core/calendar/working-days.ts';
import { currentDue } from '../../../src/server/due-dates.ts';
import { CALENDAR } from '../calendar/fixtures.ts';

const cal = createWorkingCalendar(CALENDAR);

describe('currentDue', () => {
  const row = { receivedOn: '2026-03-02', dueOn: '2026-04-20', status: '已受理' as const };

  it('counts an undecided date from the day of receipt (a stale stored date is replaced)', () => {
    const counted = cal.countWorkingDays('2026-03-02', 20).date;
    expect(counted).not.toBe(row.dueOn);
    expect(currentDue(row, cal).dueOn).toBe(counted);
  });

  it('keeps a date the desk decided, and one already answered', () => {
    expect(currentDue(row, cal, true).dueOn).toBe('2026-04-20');
    expect(currentDue({ ...row, status: '部分公开' }, cal).dueOn).toBe('2026-04-20');
  });

  it('keeps the stored date without a calendar', () => {
    expect(currentDue(row, null).dueOn).toBe('2026-04-20');
  });
});
