// The kiosk's receipt dates over the bundle's calendar: estimated (预计) where the bundle lacks a year's notice.
import { describe, expect, it } from 'vitest';
import { receiptDatesFrom, receiptDatesWithEstimates } from '../../../src/kiosk/apply/dates.ts';
import { CALENDAR_2026, CALENDAR_2027_UNPUBLISHED } from '../calendar/fixtures.ts';

const calendar = [CALENDAR_2026, CALENDAR_2027_UNPUBLISHED];

describe('receipt dates on the kiosk', () => {
  it('filed on 2026-12-10: every date is given, the 2027 ones marked provisional', async () => {
    const d = await receiptDatesWithEstimates(
      { createdAt: '2026-12-10T02:00:00.000Z', receiptRule: 'in-person', receivedOn: null },
      calendar,
    );
    expect(d).toEqual({
      filedOn: '2026-12-10',
      receivedOn: '2026-12-10',
      receivedIsExpected: false,
      replyDueOn: '2027-01-08',
      extendedDueOn: '2027-02-11',
      correctionNoticeBy: '2026-12-21',
      provisional: { receivedOn: false, replyDueOn: true, extendedDueOn: true, correctionNoticeBy: false },
      estimatedYears: [2027],
    });
  });

  it('inside the published notices it is exactly the notices’ count', async () => {
    const entry = {
      createdAt: '2026-09-24T02:00:00.000Z',
      receiptRule: 'in-person' as const,
      receivedOn: null,
    };
    const d = await receiptDatesWithEstimates(entry, calendar);
    expect(d).toEqual(receiptDatesFrom(entry, calendar));
    // 中秋 9-25 and 国庆 10-01…07 off, Saturday 10-10 worked: 9-28…30 (3), 10-08…10 (6), 10-12…29 (20).
    expect(d).toMatchObject({ replyDueOn: '2026-10-29', estimatedYears: [] });
  });
});
