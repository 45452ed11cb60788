import { describe, expect, it } from 'vitest';
import { statutoryHolidayDates, statutoryHolidays } from '../../../src/core/calendar/statutory-holidays.ts';
import {
  createWorkingCalendar,
  dayOfWeek,
  fromDayNumber,
  toDayNumber,
} from '../../../src/core/calendar/index.ts';
import type { CalendarYear } from '../../../src/core/bundle/schema.ts';
import { CALENDAR_2024, CALENDAR_2025, CALENDAR_2026 } from './fixtures.ts';

const datesOf = (year: number, name: string) =>
  statutoryHolidayDates(year).find((h) => h.name === name)?.dates;

describe('statutory holidays of the years without a notice (2027–2030)', () => {
  // Known dates: 正月初一, 五月初五, 八月十五 and the 清明 solar term in Beijing time, as printed in the almanacs.
  it.each([
    [
      2027,
      ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      '2027-04-05',
      '2027-06-09',
      '2027-09-15',
    ],
    [
      2028,
      ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'],
      '2028-04-04',
      '2028-05-28',
      '2028-10-03',
    ],
    [
      2029,
      ['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15'],
      '2029-04-04',
      '2029-06-16',
      '2029-09-22',
    ],
    [
      2030,
      ['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'],
      '2030-04-05',
      '2030-06-05',
      '2030-09-12',
    ],
  ])('%i: 春节 from 除夕, 清明, 端午, 中秋', (year, spring, qingming, duanwu, midAutumn) => {
    expect(datesOf(year, '春节')).toEqual(spring);
    expect(datesOf(year, '清明节')).toEqual([qingming]);
    expect(datesOf(year, '端午节')).toEqual([duanwu]);
    expect(datesOf(year, '中秋节')).toEqual([midAutumn]);
    expect(datesOf(year, '元旦')).toEqual([`${year}-01-01`]);
    expect(datesOf(year, '劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
    expect(datesOf(year, '国庆节')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
  });

  it('除夕 is the last day of the twelfth month whether it has 29 days (2027) or 30 (2030)', () => {
    expect(datesOf(2027, '春节')![0]).toBe('2027-02-05'); // 腊月廿九
    expect(datesOf(2030, '春节')![0]).toBe('2030-02-02'); // 腊月三十
  });

  it('2027: days in lieu (Art. 6) after holidays that fall on a weekend', () => {
    expect(statutoryHolidays(2027).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-02-09 春节（补假）', // 初一 on Saturday
      '2027-02-10 春节（补假）', // 初二 on Sunday
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-05-03 劳动节（补假）',
      '2027-05-04 劳动节（补假）',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
      '2027-10-04 国庆节（补假）',
      '2027-10-05 国庆节（补假）',
    ]);
  });

  it('2028: 中秋 on 10-03, a day of 国庆, still gives its day off', () => {
    const autumn = statutoryHolidays(2028).filter((d) => d.date >= '2028-10-01' && d.date <= '2028-10-10');
    expect(autumn.map((d) => d.date)).toEqual([
      '2028-10-01',
      '2028-10-02',
      '2028-10-03',
      '2028-10-04',
      '2028-10-05',
    ]);
    expect(autumn.filter((d) => d.inLieu)).toHaveLength(2); // 10-01 is a Sunday, 10-03 holds two holidays
  });

  it('years before the 2024 amendment: 春节 from 初一 (3 days), 劳动节 one day', () => {
    expect(datesOf(2024, '春节')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
    expect(datesOf(2024, '劳动节')).toEqual(['2024-05-01']);
  });

  it('refuses years it cannot estimate', () => {
    expect(() => statutoryHolidays(2101)).toThrow(RangeError);
    expect(() => statutoryHolidays(2007)).toThrow(RangeError);
  });
});

describe('the estimate agrees with the published notices (2024–2026)', () => {
  const notices: CalendarYear[] = [CALENDAR_2024, CALENDAR_2025, CALENDAR_2026];

  it.each(notices.map((n) => [n.year, n] as const))(
    '%i: every estimated day off is a holiday in the notice',
    (year, notice) => {
      const cal = createWorkingCalendar([notice]);
      for (const d of statutoryHolidays(year)) {
        expect(cal.describe(d.date), `${d.date} ${d.name}`).toMatchObject({
          working: false,
          kind: 'holiday',
        });
      }
    },
  );

  it.each(notices.map((n) => [n.year, n] as const))(
    '%i: the year has as many working days (调休 only moves them)',
    (year, notice) => {
      const official = createWorkingCalendar([notice]);
      const off = new Set(statutoryHolidays(year).map((d) => d.date));
      let fromNotice = 0;
      let fromRules = 0;
      // Up to 12-24: the last week also depends on the next year's notice.
      for (let day = toDayNumber(`${year}-01-01`); day <= toDayNumber(`${year}-12-24`); day++) {
        const date = fromDayNumber(day);
        if (official.isWorkingDay(date)) fromNotice++;
        const dow = dayOfWeek(date);
        if (dow !== 0 && dow !== 6 && !off.has(date)) fromRules++;
      }
      expect(fromRules).toBe(fromNotice);
    },
  );
});
