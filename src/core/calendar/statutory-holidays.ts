// The statutory public holidays of a year by the national rules (全国年节及纪念日放假办法), for a year whose State
// Council arrangement (部分节假日安排的通知) is not in the bundle. Only what the rules fix can be known: the holidays
// themselves and, by Art. 6, a working day off in lieu (补假) for a holiday that falls on a weekend. The arrangement's
// make-up working days (调休上班) and moved weekends are decided each year and cannot be known, so every date
// counted with these days is an estimate (预计) until the notice arrives.
// The lunar dates (春节, 端午, 中秋) and the 清明 solar term come from tyme4ts (astronomical, time-zone independent);
// this module is loaded lazily by the kiosk, which needs it only for a year the bundle does not cover.
import { LunarDay, SolarDay, SolarTerm } from 'tyme4ts';
import { dayOfWeek, fromDayNumber, toDayNumber, type IsoDate } from './working-days.ts';

/** One day off: a statutory holiday, or a day in lieu of one that fell on a weekend (or on another holiday). */
export interface StatutoryDay {
  date: IsoDate;
  /** The holiday's name; a day in lieu is named after the holiday with “补假”. */
  name: string;
  inLieu: boolean;
}

/** The 2024 amendment (国务院令第795号) took effect on 1 January 2025: 春节 from 除夕, 劳动节 two days. */
const AMENDED_FROM_YEAR = 2025;
/** From 2008 the rules have 清明, 端午 and 中秋; earlier years are not estimated. */
const FIRST_YEAR = 2008;
const LAST_YEAR = 2100;

function iso(d: SolarDay): IsoDate {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getYear()}-${p2(d.getMonth())}-${p2(d.getDay())}`;
}

function lunar(year: number, month: number, day: number): IsoDate {
  return iso(LunarDay.fromYmd(year, month, day).getSolarDay());
}

function days(start: IsoDate, count: number): IsoDate[] {
  const first = toDayNumber(start);
  return Array.from({ length: count }, (_, i) => fromDayNumber(first + i));
}

/** The holidays of `year` by Art. 2 of the rules (全体公民放假的节日), before any day in lieu. */
export function statutoryHolidayDates(year: number): { name: string; dates: IsoDate[] }[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    throw new RangeError(`statutory holidays are estimated for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
  const amended = year >= AMENDED_FROM_YEAR;
  const newYear = lunar(year, 1, 1);
  return [
    { name: '元旦', dates: [`${year}-01-01`] },
    // 除夕 is the day before 正月初一, the last day of the twelfth lunar month whether it has 29 or 30 days.
    {
      name: '春节',
      dates: amended ? days(fromDayNumber(toDayNumber(newYear) - 1), 4) : days(newYear, 3),
    },
    { name: '清明节', dates: [iso(SolarTerm.fromName(year, '清明').getSolarDay())] },
    { name: '劳动节', dates: days(`${year}-05-01`, amended ? 2 : 1) },
    { name: '端午节', dates: [lunar(year, 5, 5)] },
    { name: '中秋节', dates: [lunar(year, 8, 15)] },
    { name: '国庆节', dates: days(`${year}-10-01`, 3) },
  ];
}

const isWeekend = (date: IsoDate) => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};

/**
 * The days off of `year` that the rules fix: the statutory holidays, and by Art. 6 (“全体公民放假的假日，如果适逢
 * 星期六、星期日，应当在工作日补假”) one working day in lieu for each holiday day that falls on a weekend, or on the
 * same day as another holiday (中秋 on 10-03 in 2028): taken on the next weekdays after that run of days off, as
 * the notices do.
 */
export function statutoryHolidays(year: number): StatutoryDay[] {
  const named = new Map<IsoDate, string[]>();
  for (const h of statutoryHolidayDates(year))
    for (const date of h.dates) named.set(date, [...(named.get(date) ?? []), h.name]);
  const dates = [...named.keys()].sort();
  const out: StatutoryDay[] = dates.map((date) => ({
    date,
    name: named.get(date)!.join('、'),
    inLieu: false,
  }));
  // Runs of days off: holidays joined by the weekends between them (国庆 and a 中秋 on the following Monday).
  let i = 0;
  while (i < dates.length) {
    let j = i;
    const owed: string[] = [];
    const collect = (date: IsoDate) => {
      const names = named.get(date)!;
      const lost = isWeekend(date) ? names.length : names.length - 1;
      for (let k = 0; k < lost; k++) owed.push(names[Math.min(k, names.length - 1)]!);
    };
    collect(dates[j]!);
    let end = toDayNumber(dates[j]!);
    for (;;) {
      let next = end + 1;
      while (isWeekend(fromDayNumber(next)) && !named.has(fromDayNumber(next))) next++;
      const nextDate = fromDayNumber(next);
      if (j + 1 < dates.length && dates[j + 1] === nextDate) {
        j++;
        collect(nextDate);
        end = next;
      } else break;
    }
    let day = end;
    for (const name of owed) {
      do day++;
      while (isWeekend(fromDayNumber(day)) || named.has(fromDayNumber(day)));
      out.push({ date: fromDayNumber(day), name: `${name}（补假）`, inLieu: true });
    }
    i = j + 1;
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
