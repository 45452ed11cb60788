// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) used by the tests.
import type { CalendarYear } from '../../../src/core/bundle/schema.ts';

export const CALENDAR_2025: CalendarYear = {
  year: 2025,
  published: true,
  source: '国办发明电〔2024〕12号',
  holidays: [
    { name: '元旦', start: '2025-01-01', end: '2025-01-01' },
    { name: '春节', start: '2025-01-28', end: '2025-02-04' },
    { name: '清明节', start: '2025-04-04', end: '2025-04-06' },
    { name: '劳动节', start: '2025-05-01', end: '2025-05-05' },
    { name: '端午节', start: '2025-05-31', end: '2025-06-02' },
    { name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08' },
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

export const CALENDAR_2026: CalendarYear = {
  year: 2026,
  published: true,
  source: '国办发明电〔2025〕7号',
  holidays: [
    { name: '元旦', start: '2026-01-01', end: '2026-01-03' },
    { name: '春节', start: '2026-02-15', end: '2026-02-23' },
    { name: '清明节', start: '2026-04-04', end: '2026-04-06' },
    { name: '劳动节', start: '2026-05-01', end: '2026-05-05' },
    { name: '端午节', start: '2026-06-19', end: '2026-06-21' },
    { name: '中秋节', start: '2026-09-25', end: '2026-09-27' },
    { name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

export const CALENDAR_2027_UNPUBLISHED: CalendarYear = {
  year: 2027,
  published: false,
  source: '',
  holidays: [],
  workdays: [],
};

export const CALENDAR: CalendarYear[] = [CALENDAR_2025, CALENDAR_2026];
