import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CalendarDataError,
  CalendarYearMissingError,
  createWorkingCalendar,
  dayOfWeek,
} from '../../../src/core/calendar/index.ts';
import { CALENDAR, CALENDAR_2025, CALENDAR_2026, CALENDAR_2027_UNPUBLISHED } from './fixtures.ts';

const cal = createWorkingCalendar(CALENDAR);

describe('day kinds (2026 arrangement)', () => {
  it.each([
    ['2026-01-01', false, 'holiday'], // 元旦 (Thursday)
    ['2026-01-02', false, 'holiday'], // 元旦 (Friday)
    ['2026-01-04', true, 'makeup-workday'], // Sunday, works
    ['2026-02-13', true, 'weekday'],
    ['2026-02-14', true, 'makeup-workday'], // Saturday before 春节
    ['2026-02-16', false, 'holiday'], // 除夕 eve, Monday
    ['2026-02-23', false, 'holiday'], // last day of 春节, Monday
    ['2026-02-24', true, 'weekday'],
    ['2026-02-28', true, 'makeup-workday'], // Saturday after 春节
    ['2026-03-01', false, 'weekend'],
    ['2026-04-06', false, 'holiday'], // 清明 Monday
    ['2026-05-09', true, 'makeup-workday'],
    ['2026-06-19', false, 'holiday'], // 端午 Friday
    ['2026-09-20', true, 'makeup-workday'], // Sunday
    ['2026-09-25', false, 'holiday'], // 中秋 Friday
    ['2026-10-07', false, 'holiday'],
    ['2026-10-08', true, 'weekday'],
    ['2026-10-10', true, 'makeup-workday'], // Saturday
    ['2026-10-11', false, 'weekend'],
  ])('%s working=%s (%s)', (date, working, kind) => {
    const d = cal.describe(date);
    expect(d.working).toBe(working);
    expect(d.kind).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('knows the weekdays', () => {
    expect(dayOfWeek('2026-02-14')).toBe(6); // Saturday
    expect(dayOfWeek('2026-01-04')).toBe(0); // Sunday
    expect(dayOfWeek('1970-01-01')).toBe(4);
  });
});

describe('addWorkingDays: the day of receipt is day zero', () => {
  it.each([
    // An ordinary stretch: Mon 2026-03-02 + 20 working days = Mon 2026-03-30.
    ['2026-03-02', 20, '2026-03-30'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 1, '2026-03-03'],
    // Received on a Saturday: day zero is the Saturday, day 1 the Monday.
    ['2026-03-07', 1, '2026-03-09'],
    // 春节: Thu 2026-02-12 → Fri 13 (1), Sat 14 make-up (2), holidays 15–23, Tue 24 (3) …
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-12', 2, '2026-02-14'],
    ['2026-02-12', 3, '2026-02-24'],
    // … Wed 25 (4), Thu 26 (5), Fri 27 (6), Sat 28 make-up (7), Mon 3/2 (8).
    ['2026-02-12', 7, '2026-02-28'],
    ['2026-02-12', 8, '2026-03-02'],
    ['2026-02-12', 20, '2026-03-18'],
    // 国庆: received Fri 2026-09-18. Sun 9/20 make-up counts, 9/25–27 and 10/1–7 do not, Sat 10/10 does.
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-18', 5, '2026-09-24'],
    ['2026-09-18', 6, '2026-09-28'],
    ['2026-09-18', 9, '2026-10-08'],
    ['2026-09-18', 11, '2026-10-10'],
    ['2026-09-18', 20, '2026-10-22'],
    // 劳动节 with the 5/9 make-up Saturday: Thu 4/30 → Wed 5/6 (1), …, Sat 5/9 (4).
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-04-30', 4, '2026-05-09'],
    // Across the new year: received 2025-12-15 (Mon); 元旦 1/1–1/3, Sunday 1/4 works.
    ['2025-12-15', 13, '2026-01-04'],
    ['2025-12-15', 20, '2026-01-13'],
    // 2025: 国庆 and 中秋 10/1–10/8, Sat 10/11 works.
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 3, '2025-09-30'],
    ['2025-09-26', 4, '2025-10-09'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, CALENDAR)).toBe(expected);
    expect(cal.addWorkingDays(start, n)).toBe(expected);
    expect(cal.workingDaysBetween(start, expected)).toBe(n);
  });

  it('finds the next working day', () => {
    expect(cal.nextWorkingDayOnOrAfter('2026-02-15')).toBe('2026-02-24');
    expect(cal.nextWorkingDayOnOrAfter('2026-02-14')).toBe('2026-02-14');
    expect(cal.nextWorkingDayOnOrAfter('2026-10-01')).toBe('2026-10-08');
  });

  it('rejects a negative or fractional count and invalid dates', () => {
    expect(() => cal.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026/03/02', 1)).toThrow(RangeError);
  });
});

describe('missing or unpublished years are reported, never guessed', () => {
  it('names a missing year', () => {
    const only2026 = createWorkingCalendar([CALENDAR_2026]);
    let err: unknown;
    try {
      only2026.addWorkingDays('2026-12-10', 20);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarYearMissingError);
    expect((err as CalendarYearMissingError).year).toBe(2027);
    expect((err as CalendarYearMissingError).reason).toBe('missing');
    expect((err as Error).message).toContain('2027');
  });

  it('names an unpublished year', () => {
    const c = createWorkingCalendar([CALENDAR_2026, CALENDAR_2027_UNPUBLISHED]);
    expect(() => c.addWorkingDays('2026-12-20', 20)).toThrow(
      expect.objectContaining({ year: 2027, reason: 'unpublished', code: 'calendar_year_missing' }),
    );
  });

  it('refuses a start date in a missing year even for zero days', () => {
    expect(() => addWorkingDays('2024-06-03', 0, CALENDAR)).toThrow(CalendarYearMissingError);
  });

  it('needs the next year for the last days of December (元旦 can begin on 12-30)', () => {
    const only2026 = createWorkingCalendar([CALENDAR_2026]);
    expect(only2026.isWorkingDay('2026-12-18')).toBe(true);
    expect(() => only2026.isWorkingDay('2026-12-30')).toThrow(expect.objectContaining({ year: 2027 }));
  });

  it('works when the range stays inside published years', () => {
    const only2026 = createWorkingCalendar([CALENDAR_2026]);
    expect(only2026.addWorkingDays('2026-03-02', 20)).toBe('2026-03-30');
    expect(only2026.years).toEqual([2026]);
  });
});

describe('bad calendar data is refused', () => {
  it('a year listed twice', () => {
    expect(() => createWorkingCalendar([CALENDAR_2026, CALENDAR_2026])).toThrow(CalendarDataError);
  });
  it('a holiday that ends before it starts', () => {
    const bad = { ...CALENDAR_2025, holidays: [{ name: '春节', start: '2025-02-04', end: '2025-01-28' }] };
    expect(() => createWorkingCalendar([bad])).toThrow(/春节/);
  });
  it('a day that is both a holiday and a make-up working day', () => {
    const bad = { ...CALENDAR_2025, workdays: ['2025-01-28'] };
    expect(() => createWorkingCalendar([bad])).toThrow(CalendarDataError);
  });
  it('an invalid date', () => {
    const bad = { ...CALENDAR_2025, workdays: ['2025-02-30'] };
    expect(() => createWorkingCalendar([bad])).toThrow(CalendarDataError);
  });
});
