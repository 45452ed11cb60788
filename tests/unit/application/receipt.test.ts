import { describe, expect, it } from 'vitest';
import {
  computeReceiptDates,
  describeReceiptDates,
  explainReceiptCode,
  formatReceiptCode,
  generateReceiptCode,
  isValidReceiptCode,
  maskIdNumber,
  maskName,
  maskPhone,
  parseReceiptCode,
  RECEIPT_ALPHABET,
  receiptCheckChar,
} from '../../../src/core/application/receipt.ts';
import { CalendarYearMissingError } from '../../../src/core/calendar/index.ts';
import { statutoryHolidays } from '../../../src/core/calendar/statutory-holidays.ts';
import {
  CALENDAR,
  CALENDAR_2026,
  CALENDAR_2027_TEST_NOTICE,
  CALENDAR_2027_UNPUBLISHED,
} from '../calendar/fixtures.ts';

describe('receipt code', () => {
  it('has no ambiguous characters', () => {
    for (const ch of '01OIL') expect(RECEIPT_ALPHABET).not.toContain(ch);
    expect(RECEIPT_ALPHABET).toHaveLength(31);
  });

  it('generates valid 9-character codes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const c = generateReceiptCode();
      expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/);
      expect(isValidReceiptCode(c)).toBe(true);
      seen.add(c);
    }
    expect(seen.size).toBe(500);
  });

  it('has known check characters', () => {
    expect(receiptCheckChar('ABCDEFGH')).toBe('3');
    expect(receiptCheckChar('23456789')).toBe('4');
    expect(isValidReceiptCode('ABCDEFGH3')).toBe(true);
  });

  it('catches every single substitution and adjacent transposition', () => {
    for (let trial = 0; trial < 40; trial++) {
      const code = generateReceiptCode();
      for (let i = 0; i < code.length; i++) {
        for (const ch of RECEIPT_ALPHABET) {
          if (ch === code[i]) continue;
          const bad = code.slice(0, i) + ch + code.slice(i + 1);
          expect(isValidReceiptCode(bad), `${code} → ${bad}`).toBe(false);
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(isValidReceiptCode(swapped), `${code} → ${swapped}`).toBe(false);
        }
      }
    }
  });

  it('reads codes as typed', () => {
    const c = generateReceiptCode();
    expect(parseReceiptCode(formatReceiptCode(c).toLowerCase())).toBe(c);
    expect(parseReceiptCode(` ${c.slice(0, 4)} ${c.slice(4)} `)).toBe(c);
    expect(formatReceiptCode('ABCDEFGH3')).toBe('ABC-DEF-GH3');
  });

  it('explains a wrong code in Chinese', () => {
    expect(explainReceiptCode('')).toBe('请输入回执上的查询码。');
    expect(explainReceiptCode('ABCD')).toContain('9位');
    expect(explainReceiptCode('ABCDEFGH0')).toContain('“0”');
    expect(explainReceiptCode('ABCDEFGH4')).toContain('有一位不对');
    expect(explainReceiptCode('abc-def-gh3')).toBeNull();
  });
});

describe('receipt dates (Art. 30, 31, 33)', () => {
  it('in person: received the day it is filed', () => {
    const d = computeReceiptDates({
      filedAt: '2026-02-12T09:30:00+08:00',
      rule: 'in-person',
      calendar: CALENDAR,
    });
    expect(d).toEqual({
      filedOn: '2026-02-12',
      receivedOn: '2026-02-12',
      receivedIsExpected: false,
      replyDueOn: '2026-03-18',
      extendedDueOn: '2026-04-16',
      correctionNoticeBy: '2026-02-28',
      provisional: { receivedOn: false, replyDueOn: false, extendedDueOn: false, correctionNoticeBy: false },
      estimatedYears: [],
    });
  });

  it('uses China time for the filing day', () => {
    // 2026-03-01T17:30Z is 01:30 on 2 March in Beijing.
    const d = computeReceiptDates({
      filedAt: new Date('2026-03-01T17:30:00Z'),
      rule: 'in-person',
      calendar: CALENDAR,
    });
    expect(d.filedOn).toBe('2026-03-02');
  });

  it('electronic: the expected date is the next working day, and says so', () => {
    // Filed on Sunday 2026-02-15, inside 春节: the office can confirm on Tuesday 2026-02-24 at the earliest.
    const d = computeReceiptDates({
      filedAt: '2026-02-15T10:00:00+08:00',
      rule: 'electronic',
      calendar: CALENDAR,
    });
    expect(d.receivedOn).toBe('2026-02-24');
    expect(d.receivedIsExpected).toBe(true);
    expect(d.replyDueOn).toBe('2026-03-23');
    const text = describeReceiptDates(d).join('\n');
    expect(text).toContain('以工作人员确认收到之日为准，预计为2026年2月24日');
    expect(text).toContain('第五十一条');
  });

  it('electronic, once confirmed: counts from the confirmation day', () => {
    const d = computeReceiptDates({
      filedAt: '2026-09-30T16:00:00+08:00',
      rule: 'electronic',
      calendar: CALENDAR,
      confirmedOn: '2026-10-08',
    });
    expect(d).toMatchObject({
      receivedOn: '2026-10-08',
      receivedIsExpected: false,
      replyDueOn: '2026-11-04',
    });
  });

  it('reports a missing year instead of guessing', () => {
    expect(() =>
      computeReceiptDates({
        filedAt: '2026-12-10T10:00:00+08:00',
        rule: 'in-person',
        calendar: [CALENDAR_2026],
      }),
    ).toThrow(CalendarYearMissingError);
  });
});

describe('receipt dates across a year whose notice is not published (预计)', () => {
  const filed = { filedAt: '2026-12-10T10:00:00+08:00', rule: 'in-person' as const };

  it('filed on 2026-12-10: the dates in 2027 are counted by the statutory rules and marked 预计', () => {
    const d = computeReceiptDates({
      ...filed,
      calendar: [CALENDAR_2026, CALENDAR_2027_UNPUBLISHED],
      estimate: statutoryHolidays,
    });
    expect(d).toEqual({
      filedOn: '2026-12-10',
      receivedOn: '2026-12-10',
      receivedIsExpected: false,
      replyDueOn: '2027-01-08',
      // 1-11 … 2-04 (39), 春节 2-05 … 2-10 by the rules, Thursday 2-11 (40).
      extendedDueOn: '2027-02-11',
      correctionNoticeBy: '2026-12-21',
      provisional: { receivedOn: false, replyDueOn: true, extendedDueOn: true, correctionNoticeBy: false },
      estimatedYears: [2027],
    });
    const text = describeReceiptDates(d).join('\n');
    expect(text).toContain('答复期限：2027年1月8日（预计）前答复');
    expect(text).toContain('不晚于2027年2月11日（预计）');
    expect(text).toContain('在2026年12月21日前一次性告知');
    expect(text).toContain('2027年的节假日安排尚未收到');
  });

  it('is recomputed from the notice when a bundle brings it, without 预计', () => {
    const d = computeReceiptDates({
      ...filed,
      calendar: [CALENDAR_2026, CALENDAR_2027_TEST_NOTICE],
      estimate: statutoryHolidays,
    });
    expect(d).toMatchObject({
      replyDueOn: '2027-01-08',
      // The (test) notice's 春节 is 2-05 … 2-13: the 40th working day is Monday 2-15.
      extendedDueOn: '2027-02-15',
      provisional: { receivedOn: false, replyDueOn: false, extendedDueOn: false, correctionNoticeBy: false },
      estimatedYears: [],
    });
    const text = describeReceiptDates(d).join('\n');
    expect(text).not.toContain('预计');
    expect(text).toContain('答复期限：2027年1月8日前答复');
  });

  it('electronic: a day of receipt expected in an estimated year makes every date 预计', () => {
    // Filed on Saturday 2027-02-06 (初一): the rules give 2-05 … 2-10 off, so receipt is expected on 2-11.
    const d = computeReceiptDates({
      filedAt: '2027-02-06T10:00:00+08:00',
      rule: 'electronic',
      calendar: [CALENDAR_2026],
      estimate: statutoryHolidays,
    });
    expect(d).toMatchObject({
      receivedOn: '2027-02-11',
      receivedIsExpected: true,
      correctionNoticeBy: '2027-02-22',
      provisional: { receivedOn: true, replyDueOn: true, extendedDueOn: true, correctionNoticeBy: true },
      estimatedYears: [2027],
    });
  });
});

describe('masking', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['810000198001010014', '810000********0014'],
    ['E12345678', 'E1*****78'],
    ['H12345678', 'H1*****78'],
    ['12345678', '12****78'],
    ['USA110080101001', 'US***********01'],
    ['1234', '****'],
    ['', ''],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0591-87654321')).toBe('0591-****4321');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
});
