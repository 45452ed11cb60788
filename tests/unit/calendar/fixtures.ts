// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) used by the tests.
import type { CalendarYear } from '../../../src/core/bundle/schema.ts';

export const CALENDAR_2024: CalendarYear = {
  year: 2024,
  published: true,
  source: '国办发明电〔2023〕7号',
  holidays: [
    { name: '元旦', start: '2024-01-01', end: '2024-01-01' },
    { name: '春节', start: '2024-02-10', end: '2024-02-17' },
    { name: '清明节', start: '2024-04-04', end: '2024-04-06' },
    { name: '劳动节', start: '2024-05-01', end: '2024-05-05' },
    { name: '端午节', start: '2024-06-10', end: '2024-06-10' },
    { name: '中秋节', start: '2024-09-15', end: '2024-09-17' },
    { name: '国庆节', start: '2024-10-01', end: '2024-10-07' },
  ],
  workdays: [
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
  ],
};

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

/**
 * NOT the real 2027 arrangement (unpublished as of 2026-12): an invented, partial notice standing for “the notice
 * arrives”, so that the tests can check that dates are recomputed from it and are no longer provisional.
 */
export const CALENDAR_2027_TEST_NOTICE: CalendarYear = {
  year: 2027,
  published: true,
  source: 'test fixture (invented)',
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-05', end: '2027-02-13' },
  ],
  workdays: ['2027-02-20'],
};
