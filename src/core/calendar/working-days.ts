// Working-day calendar built from the bundle's CalendarYear[] (the State Council's yearly holiday arrangement).
// A day is a working day when it is Monday-Friday and not a holiday, or when it is a make-up working day
// (调休上班) on a weekend. A year that is missing or not yet published is either reported (no estimator given) or
// counted with the statutory holidays an estimator supplies (statutory-holidays.ts); every date that depends on such
// a year says so (provisional), and is recomputed from the notice once a bundle brings it.
// Isomorphic: dates are 'YYYY-MM-DD' strings and arithmetic is done on UTC day numbers.
import type { CalendarYear } from '../bundle/schema.ts';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thrown when a computation needs a year the calendar does not cover (or has not published). */
export class CalendarYearMissingError extends Error {
  readonly code = 'calendar_year_missing';
  constructor(
    readonly year: number,
    readonly reason: 'missing' | 'unpublished',
  ) {
    super(
      reason === 'missing'
        ? `日历中没有${year}年的节假日安排，无法计算期限（calendar has no arrangement for ${year}）`
        : `${year}年的节假日安排尚未公布，无法计算期限（the ${year} arrangement is not published yet）`,
    );
    this.name = 'CalendarYearMissingError';
  }
}

/** Thrown when the calendar data itself is inconsistent (bad date, a range that ends before it starts…). */
export class CalendarDataError extends Error {
  readonly code = 'calendar_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

/** Day number (days since 1970-01-01) of an ISO date; throws on an invalid date. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a real date: ${date}`);
  }
  return t / 86_400_000;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (toDayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** Why: an ordinary weekday/weekend, a public holiday (with its name), or a make-up working day. */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeup-workday';
  holiday?: string;
  /** True when the answer rests on a year whose notice is not in the calendar (statutory holidays only). */
  provisional: boolean;
}

/** A date counted on the calendar, with whether it rests on estimated years (and which). */
export interface CountedDate {
  date: IsoDate;
  /** True when a year without its notice was counted with the statutory holidays: the date is 预计. */
  provisional: boolean;
  /** The years counted by the statutory rules, ascending (empty when `provisional` is false). */
  estimatedYears: number[];
}

/** A day off that the national rules fix for a year without its notice (see statutory-holidays.ts). */
export interface EstimatedDayOff {
  date: IsoDate;
  name: string;
}

/** Supplies the statutory days off of a year; throws RangeError for a year it cannot estimate. */
export type HolidayEstimator = (year: number) => readonly EstimatedDayOff[];

export interface WorkingCalendarOptions {
  /** Without it, a missing or unpublished year throws CalendarYearMissingError. */
  estimate?: HolidayEstimator;
}

export interface WorkingCalendar {
  /** Years covered and published. */
  readonly years: readonly number[];
  isWorkingDay(date: IsoDate): boolean;
  describe(date: IsoDate): DayInfo;
  /** The date n working days after `start`; `start` is day zero and need not be a working day. */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /** `date` if it is a working day, otherwise the next working day. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  /** Working days in (from, to]: 0 when to <= from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** As addWorkingDays, saying whether the result is provisional. */
  countWorkingDays(start: IsoDate, n: number): CountedDate;
  /** As nextWorkingDayOnOrAfter, saying whether the result is provisional. */
  countNextWorkingDay(date: IsoDate): CountedDate;
  /** Whether `year` is counted from its published notice (false: estimated, or missing without an estimator). */
  hasNotice(year: number): boolean;
}

/**
 * Late December can be moved by the next year's arrangement (元旦 2024 began on 2023-12-30), so a date in the last
 * days of December also needs the following year.
 */
const YEAR_END_MARGIN_DAYS = 7;

export function createWorkingCalendar(
  years: readonly CalendarYear[],
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  const byYear = new Map<number, CalendarYear>();
  const holidays = new Map<number, string>();
  const makeup = new Set<number>();
  for (const y of years) {
    if (byYear.has(y.year))
      throw new CalendarDataError(`日历中${y.year}年出现了两次（year ${y.year} is listed twice）`);
    byYear.set(y.year, y);
    if (!y.published) continue;
    for (const h of y.holidays) {
      let a: number;
      let b: number;
      try {
        a = toDayNumber(h.start);
        b = toDayNumber(h.end);
      } catch {
        throw new CalendarDataError(`${y.year}年“${h.name}”的日期无效：${h.start}–${h.end}`);
      }
      if (b < a)
        throw new CalendarDataError(`${y.year}年“${h.name}”的结束日期早于开始日期：${h.start}–${h.end}`);
      if (b - a > 31) throw new CalendarDataError(`${y.year}年“${h.name}”超过一个月：${h.start}–${h.end}`);
      for (let d = a; d <= b; d++) holidays.set(d, h.name);
    }
    for (const w of y.workdays) {
      let d: number;
      try {
        d = toDayNumber(w);
      } catch {
        throw new CalendarDataError(`${y.year}年的调休上班日无效：${w}`);
      }
      makeup.add(d);
    }
  }
  for (const d of makeup) {
    if (holidays.has(d)) {
      throw new CalendarDataError(
        `${fromDayNumber(d)} 既是假日又是调休上班日（both a holiday and a make-up working day）`,
      );
    }
  }

  const estimatedDaysOff = new Map<number, Map<number, string>>();
  /** The days off of a year without its notice, from the estimator (once per year), or a thrown report. */
  const estimatedYear = (year: number, reason: 'missing' | 'unpublished'): Map<number, string> => {
    const known = estimatedDaysOff.get(year);
    if (known) return known;
    if (!options.estimate) throw new CalendarYearMissingError(year, reason);
    let list: readonly EstimatedDayOff[];
    try {
      list = options.estimate(year);
    } catch (e) {
      if (e instanceof RangeError) throw new CalendarYearMissingError(year, reason);
      throw e;
    }
    const days = new Map<number, string>();
    for (const d of list) days.set(toDayNumber(d.date), d.name);
    estimatedDaysOff.set(year, days);
    return days;
  };
  /** Whether `year` has its notice; otherwise loads its estimate (or throws). */
  const yearHasNotice = (year: number): boolean => {
    const y = byYear.get(year);
    if (y?.published) return true;
    estimatedYear(year, y ? 'unpublished' : 'missing');
    return false;
  };

  /** Adds to `estimated` the years without a notice that decide `day`. */
  const describeDay = (day: number, estimated?: Set<number>): DayInfo => {
    const date = fromDayNumber(day);
    const year = Number(date.slice(0, 4));
    const own = yearHasNotice(year);
    let provisional = !own;
    if (!own) estimated?.add(year);
    if (date.slice(5) >= '12-' + String(32 - YEAR_END_MARGIN_DAYS) && !yearHasNotice(year + 1)) {
      provisional = true;
      estimated?.add(year + 1);
    }
    const dow = (day + 4) % 7;
    // A notice's own dates come first (one can reach into the year before: 元旦 from 12-30).
    const holiday = holidays.get(day) ?? (own ? undefined : estimatedYear(year, 'missing').get(day));
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', holiday, provisional };
    if (makeup.has(day)) return { date, working: true, kind: 'makeup-workday', provisional };
    return dow === 0 || dow === 6
      ? { date, working: false, kind: 'weekend', provisional }
      : { date, working: true, kind: 'weekday', provisional };
  };

  const counted = (day: number, estimated: Set<number>): CountedDate => ({
    date: fromDayNumber(day),
    provisional: estimated.size > 0,
    estimatedYears: [...estimated].sort((a, b) => a - b),
  });

  const countWorkingDays = (start: IsoDate, n: number): CountedDate => {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
    let day = toDayNumber(start);
    const estimated = new Set<number>();
    const startYear = Number(start.slice(0, 4));
    if (!yearHasNotice(startYear)) estimated.add(startYear);
    let left = n;
    while (left > 0) {
      day++;
      if (describeDay(day, estimated).working) left--;
    }
    return counted(day, estimated);
  };

  const countNextWorkingDay = (date: IsoDate): CountedDate => {
    let day = toDayNumber(date);
    const estimated = new Set<number>();
    while (!describeDay(day, estimated).working) day++;
    return counted(day, estimated);
  };

  const cal: WorkingCalendar = {
    years: [...byYear.values()]
      .filter((y) => y.published)
      .map((y) => y.year)
      .sort((a, b) => a - b),
    isWorkingDay: (date) => describeDay(toDayNumber(date)).working,
    describe: (date) => describeDay(toDayNumber(date)),
    addWorkingDays: (start, n) => countWorkingDays(start, n).date,
    nextWorkingDayOnOrAfter: (date) => countNextWorkingDay(date).date,
    workingDaysBetween(from, to) {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      let n = 0;
      for (let d = a + 1; d <= b; d++) if (describeDay(d).working) n++;
      return n;
    },
    countWorkingDays,
    countNextWorkingDay,
    hasNotice: (year) => byYear.get(year)?.published === true,
  };
  return cal;
}

/** The date `n` working days after `startDate` (day zero), from the bundle's calendar. */
export function addWorkingDays(
  startDate: IsoDate,
  n: number,
  calendar: readonly CalendarYear[] | WorkingCalendar,
  options: WorkingCalendarOptions = {},
): IsoDate {
  const cal = 'addWorkingDays' in calendar ? calendar : createWorkingCalendar(calendar, options);
  return cal.addWorkingDays(startDate, n);
}
