// Deadlines across a year whose notice is not in the bundle: counted with weekends and the statutory holidays,
// marked provisional, then recomputed from the notice when a bundle brings it.
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../../src/core/calendar/statutory-holidays.ts';
import {
  CalendarYearMissingError,
  createWorkingCalendar,
  type HolidayEstimator,
} from '../../../src/core/calendar/index.ts';
import { calendarCoverage } from '../../../src/core/calendar/coverage.ts';
import { CALENDAR, CALENDAR_2026, CALENDAR_2027_TEST_NOTICE, CALENDAR_2027_UNPUBLISHED } from './fixtures.ts';

const estimate: HolidayEstimator = statutoryHolidays;
const before = createWorkingCalendar([CALENDAR_2026, CALENDAR_2027_UNPUBLISHED], { estimate });
const after = createWorkingCalendar([CALENDAR_2026, CALENDAR_2027_TEST_NOTICE], { estimate });

describe('a year whose notice is unpublished', () => {
  it('counts 20 working days from 2026-12-10 into 2027: 元旦 off, the date provisional', () => {
    // Fri 12-11 (1), 12-14…18 (6), 12-21…25 (11), 12-28…31 (15), Fri 1-1 元旦, 1-4…8 (20).
    expect(before.countWorkingDays('2026-12-10', 20)).toEqual({
      date: '2027-01-08',
      provisional: true,
      estimatedYears: [2027],
    });
  });

  it('counts 春节 2027 by the rules: 除夕 to 初三 and two days in lieu (2-05 … 2-10)', () => {
    // Mon 1-25: 1-26…29 (4), 2-1…4 (8), 2-5…10 off, 2-11…12 (10), 2-15…19 (15), 2-22…26 (20).
    expect(before.countWorkingDays('2027-01-25', 20)).toEqual({
      date: '2027-02-26',
      provisional: true,
      estimatedYears: [2027],
    });
    expect(before.describe('2027-02-09')).toMatchObject({
      working: false,
      holiday: '春节（补假）',
      provisional: true,
    });
    expect(before.describe('2027-02-11')).toMatchObject({
      working: true,
      kind: 'weekday',
      provisional: true,
    });
  });

  it('is recomputed from the notice once it arrives, and no longer provisional', () => {
    expect(after.countWorkingDays('2026-12-10', 20)).toEqual({
      date: '2027-01-08',
      provisional: false,
      estimatedYears: [],
    });
    // The notice's 春节 runs 2-05…2-13 with Saturday 2-20 worked: 2-15…19 (13), Sat 2-20 (14), 2-22…26 (19), 3-01 (20).
    expect(after.countWorkingDays('2027-01-25', 20)).toEqual({
      date: '2027-03-01',
      provisional: false,
      estimatedYears: [],
    });
    expect(after.describe('2027-02-20')).toMatchObject({
      working: true,
      kind: 'makeup-workday',
      provisional: false,
    });
  });

  it('stays exact inside published years, except for the last week of December', () => {
    expect(before.countWorkingDays('2026-03-02', 20)).toEqual({
      date: '2026-03-30',
      provisional: false,
      estimatedYears: [],
    });
    expect(before.countWorkingDays('2026-12-01', 7)).toMatchObject({
      date: '2026-12-10',
      provisional: false,
    });
    // 12-28 could be moved by the 2027 notice (元旦 can begin on 12-30).
    expect(before.countWorkingDays('2026-12-18', 6)).toEqual({
      date: '2026-12-28',
      provisional: true,
      estimatedYears: [2027],
    });
  });

  it('gives the same dates as before for the published years', () => {
    const withEstimate = createWorkingCalendar(CALENDAR, { estimate });
    const plain = createWorkingCalendar(CALENDAR);
    for (const [start, n] of [
      ['2026-02-12', 20],
      ['2026-09-18', 20],
      ['2025-12-15', 20],
    ] as const) {
      expect(withEstimate.countWorkingDays(start, n)).toEqual({
        date: plain.addWorkingDays(start, n),
        provisional: false,
        estimatedYears: [],
      });
    }
  });

  it('estimates a year that is missing from the calendar as well, and names it', () => {
    const only2026 = createWorkingCalendar([CALENDAR_2026], { estimate });
    expect(only2026.countWorkingDays('2026-12-10', 20)).toMatchObject({
      date: '2027-01-08',
      provisional: true,
    });
    expect(only2026.countNextWorkingDay('2027-02-06')).toEqual({
      date: '2027-02-11',
      provisional: true,
      estimatedYears: [2027],
    });
    expect(only2026.hasNotice(2026)).toBe(true);
    expect(only2026.hasNotice(2027)).toBe(false);
  });

  it('still reports a year the rules cannot estimate', () => {
    const cal = createWorkingCalendar([], { estimate });
    expect(() => cal.addWorkingDays('2101-03-01', 5)).toThrow(CalendarYearMissingError);
  });
});

describe('how far the notices reach (the staff warning)', () => {
  const sample = [CALENDAR_2026, CALENDAR_2027_UNPUBLISHED];
  it('warns on 2026-12-03: 28 days left, 2027 missing', () => {
    expect(calendarCoverage(sample, '2026-12-03')).toEqual({
      coveredUntil: '2026-12-31',
      daysLeft: 28,
      firstMissingYear: 2027,
      warn: true,
    });
  });
  it('warns from 60 days before the end, not earlier', () => {
    expect(calendarCoverage(sample, '2026-11-01')).toMatchObject({ daysLeft: 60, warn: true });
    expect(calendarCoverage(sample, '2026-10-31')).toMatchObject({ daysLeft: 61, warn: false });
  });
  it('reaches through consecutive published years', () => {
    expect(calendarCoverage([CALENDAR_2026, CALENDAR_2027_TEST_NOTICE], '2026-12-03')).toMatchObject({
      coveredUntil: '2027-12-31',
      warn: false,
    });
  });
  it('has ended when the current year has no notice', () => {
    expect(calendarCoverage(sample, '2027-01-05')).toEqual({
      coveredUntil: null,
      daysLeft: null,
      firstMissingYear: 2027,
      warn: true,
    });
  });
});
