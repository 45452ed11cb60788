// The receipt: a short human receipt code with a check character, the dates the law cares about
// (filed, received, reply due), and masking of the numbers printed on it.
// Isomorphic: uses only globalThis.crypto.getRandomValues.
import type { CalendarYear } from '../bundle/schema.ts';
import {
  createWorkingCalendar,
  type HolidayEstimator,
  type IsoDate,
  type WorkingCalendar,
} from '../calendar/working-days.ts';
import { formatMessage, type MessageRef } from './messages.ts';
import { chinaDate } from './validators.ts';

// ---------------------------------------------------------------------------------------------
// Receipt code

/**
 * 31 characters: digits and capitals without the easily confused 0 O 1 I L. 31 is prime, which is what makes the
 * check character below catch every single substitution and every adjacent transposition.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const P = RECEIPT_ALPHABET.length; // 31
/** Characters of randomness; 31^8 ≈ 8.5 × 10^11 codes. */
export const RECEIPT_BODY_LENGTH = 8;
export const RECEIPT_CODE_LENGTH = RECEIPT_BODY_LENGTH + 1;

/**
 * Check character: with values v_i at positions i = 1..n and the check c at position n+1,
 * Σ i·v_i + (n+1)·c ≡ 0 (mod 31). A substitution at position i changes the sum by i·Δ, a swap of neighbours i, i+1
 * by (v_i − v_{i+1}); both are non-zero mod 31 because 31 is prime and i, Δ < 31.
 */
export function receiptCheckChar(body: string): string {
  const n = body.length;
  if (n === 0 || n >= P - 1) throw new RangeError('receipt code body must be 1..29 characters');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = RECEIPT_ALPHABET.indexOf(body[i]!);
    if (v < 0) throw new RangeError(`not a receipt-code character: ${body[i]}`);
    sum += (i + 1) * v;
  }
  // c = −sum · (n+1)^−1 mod 31; the inverse by Fermat: a^(p−2).
  const inv = modPow(n + 1, P - 2, P);
  const c = (((P - (sum % P)) % P) * inv) % P;
  return RECEIPT_ALPHABET[c]!;
}

function modPow(base: number, exp: number, mod: number): number {
  let result = 1;
  let b = base % mod;
  let e = exp;
  while (e > 0) {
    if (e & 1) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1;
  }
  return result;
}

/** A new random receipt code (9 characters, the last one the check character). */
export function generateReceiptCode(
  random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): string {
  let body = '';
  while (body.length < RECEIPT_BODY_LENGTH) {
    const bytes = random(new Uint8Array(16));
    for (const byte of bytes) {
      // Rejection sampling: 248 = 8 × 31, so values below it are uniform mod 31.
      if (byte < 248 && body.length < RECEIPT_BODY_LENGTH) body += RECEIPT_ALPHABET[byte % P];
    }
  }
  return body + receiptCheckChar(body);
}

/**
 * Reads a code as typed: case, spaces and hyphens are ignored. Returns the canonical code or null when it is not a
 * well-formed code with a correct check character.
 */
export function parseReceiptCode(input: string): string | null {
  const v = input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-‐‑–—]/g, '')
    .toUpperCase();
  if (v.length !== RECEIPT_CODE_LENGTH) return null;
  for (const ch of v) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return receiptCheckChar(v.slice(0, -1)) === v.slice(-1) ? v : null;
}

export function isValidReceiptCode(code: string): boolean {
  return parseReceiptCode(code) === code;
}

/** Plain-Chinese reason a typed receipt code is not accepted, or null when it is fine. */
export function explainReceiptCode(input: string): string | null {
  const problem = receiptCodeProblem(input);
  return problem ? formatMessage(problem, 'zh') : null;
}

/** What is wrong with a typed receipt code, by message key (any language), or null when it is valid. */
export function receiptCodeProblem(input: string): MessageRef | null {
  const v = input.replace(/[\s\-‐‑–—]/g, '').toUpperCase();
  if (v.length === 0) return { key: 'receiptCode.required' };
  if (v.length !== RECEIPT_CODE_LENGTH)
    return { key: 'receiptCode.length', params: { len: RECEIPT_CODE_LENGTH, n: v.length } };
  const bad = [...v].filter((ch) => !RECEIPT_ALPHABET.includes(ch));
  if (bad.length > 0) return { key: 'receiptCode.charset', params: { chars: [...new Set(bad)].join('') } };
  return parseReceiptCode(v) ? null : { key: 'receiptCode.checkChar' };
}

/** For printing and reading aloud: `K7M-4PQ-R2X`. */
export function formatReceiptCode(code: string): string {
  return code.match(/.{1,3}/g)?.join('-') ?? code;
}

// ---------------------------------------------------------------------------------------------
// Dates on the receipt (Art. 30, 31, 33)

export type ReceiptRule = 'in-person' | 'electronic';

/** Art. 33: reply within 20 working days of receipt; an extension adds at most 20 more. */
export const REPLY_WORKING_DAYS = 20;
export const EXTENSION_WORKING_DAYS = 20;
/** Art. 30: a request for correction is sent within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

export interface ReceiptDates {
  /** The day it was filed at the kiosk (China time). */
  filedOn: IsoDate;
  /** The legal date of receipt (Art. 31), or the expected one when `receivedIsExpected`. */
  receivedOn: IsoDate;
  /** True under the electronic rule before the office has confirmed: the dates below are then estimates. */
  receivedIsExpected: boolean;
  /** Reply due (Art. 33 ¶2): 20 working days after receipt. */
  replyDueOn: IsoDate;
  /** Latest reply date if the office extends the deadline (Art. 33 ¶2). */
  extendedDueOn: IsoDate;
  /** Latest date for a one-time request to correct the application (Art. 30). */
  correctionNoticeBy: IsoDate;
  /**
   * Which dates were counted over a year whose holiday notice is not in the calendar (weekends and statutory
   * holidays only, 调休 unknown): they are shown as 预计 until a bundle brings the notice.
   */
  provisional: ProvisionalDates;
  /** The years counted by the statutory rules, ascending; empty when every date rests on published notices. */
  estimatedYears: number[];
}

export interface ProvisionalDates {
  receivedOn: boolean;
  replyDueOn: boolean;
  extendedDueOn: boolean;
  correctionNoticeBy: boolean;
}

export interface ReceiptDatesInput {
  /** When it was filed at the kiosk. */
  filedAt: Date | string;
  rule: ReceiptRule;
  calendar: readonly CalendarYear[] | WorkingCalendar;
  /** Under the electronic rule: the day the office confirmed, when it has. */
  confirmedOn?: IsoDate | null;
  /** Counts a year without its notice by the statutory rules (ignored when `calendar` is a WorkingCalendar). */
  estimate?: HolidayEstimator;
}

/**
 * Computes the receipt's dates. In person, the day it is filed is the day of receipt (Art. 31(1)). Electronic: the day
 * both sides confirm (Art. 31(3)); until then the expected date is the filing day when that is a working day,
 * otherwise the next working day. Throws CalendarYearMissingError when the calendar does not cover the range.
 */
export function computeReceiptDates(input: ReceiptDatesInput): ReceiptDates {
  const cal =
    'addWorkingDays' in input.calendar
      ? input.calendar
      : createWorkingCalendar(input.calendar, input.estimate ? { estimate: input.estimate } : {});
  const filedAt = typeof input.filedAt === 'string' ? new Date(input.filedAt) : input.filedAt;
  if (Number.isNaN(filedAt.getTime())) throw new RangeError('computeReceiptDates: invalid filedAt');
  const filedOn = chinaDate(filedAt);
  let received: { date: IsoDate; provisional: boolean; estimatedYears: number[] };
  let receivedIsExpected = false;
  if (input.rule === 'in-person') {
    received = { date: filedOn, provisional: false, estimatedYears: [] };
  } else if (input.confirmedOn) {
    received = { date: input.confirmedOn, provisional: false, estimatedYears: [] };
  } else {
    received = cal.countNextWorkingDay(filedOn);
    receivedIsExpected = true;
  }
  const reply = cal.countWorkingDays(received.date, REPLY_WORKING_DAYS);
  const extended = cal.countWorkingDays(received.date, REPLY_WORKING_DAYS + EXTENSION_WORKING_DAYS);
  const correction = cal.countWorkingDays(received.date, CORRECTION_NOTICE_WORKING_DAYS);
  const all = [received, reply, extended, correction];
  return {
    filedOn,
    receivedOn: received.date,
    receivedIsExpected,
    replyDueOn: reply.date,
    extendedDueOn: extended.date,
    correctionNoticeBy: correction.date,
    provisional: {
      receivedOn: received.provisional,
      // A date counted from a provisional day of receipt is provisional too.
      replyDueOn: received.provisional || reply.provisional,
      extendedDueOn: received.provisional || extended.provisional,
      correctionNoticeBy: received.provisional || correction.provisional,
    },
    estimatedYears: [...new Set(all.flatMap((d) => d.estimatedYears))].sort((a, b) => a - b),
  };
}

/** `2026-03-05` → `2026年3月5日`. */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** `2027年2月3日` or, for a date counted over a year without its notice, `2027年2月3日（预计）`. */
function dated(date: IsoDate, provisional: boolean): string {
  return provisional ? `${formatChineseDate(date)}（预计）` : formatChineseDate(date);
}

/** Why some dates are 预计: names the years whose notice is not yet in the calendar. */
export function describeEstimatedYears(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  return `标注“预计”的日期：${years.map((y) => `${y}年`).join('、')}的节假日安排尚未收到，暂按周末和法定节假日推算（不含调休），以正式安排公布后的日期为准。`;
}

/** The sentences the receipt prints about the dates, in plain Chinese. */
export function describeReceiptDates(d: ReceiptDates): string[] {
  const p = d.provisional;
  const lines = [`提交日期：${formatChineseDate(d.filedOn)}`];
  if (d.receivedIsExpected) {
    lines.push(
      `收到申请日期：以工作人员确认收到之日为准，预计为${formatChineseDate(d.receivedOn)}（《政府信息公开条例》第三十一条）。`,
      `答复期限：自收到申请之日起20个工作日内，预计在${formatChineseDate(d.replyDueOn)}前答复（第三十三条）。`,
    );
  } else {
    lines.push(
      `收到申请日期：${formatChineseDate(d.receivedOn)}（《政府信息公开条例》第三十一条）。`,
      `答复期限：${dated(d.replyDueOn, p.replyDueOn)}前答复（自收到申请之日起20个工作日，第三十三条）。`,
    );
  }
  lines.push(
    `如申请内容需要补正，工作人员会在${dated(d.correctionNoticeBy, p.correctionNoticeBy)}前一次性告知；答复期限自收到补正之日起重新计算（第三十条）。`,
    `如需延长答复期限，会告知您，最长延长20个工作日，即不晚于${dated(d.extendedDueOn, p.extendedDueOn)}（第三十三条）。`,
  );
  const estimated = describeEstimatedYears(d.estimatedYears);
  if (estimated) lines.push(estimated);
  lines.push(
    '如认为答复侵犯了您的合法权益，可以向上一级行政机关或政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）。',
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Masking

/**
 * Masks an identity number for printing: 18-character numbers keep the first 6 and last 4
 * (110105********002X); other documents keep the first 2 and the last 2 (at least half is hidden).
 */
export function maskIdNumber(id: string): string {
  const chars = [...id];
  const n = chars.length;
  if (n === 0) return '';
  if (n === 18) return chars.slice(0, 6).join('') + '*'.repeat(8) + chars.slice(14).join('');
  if (n <= 4) return '*'.repeat(n);
  const keep = Math.min(2, Math.floor(n / 4));
  return chars.slice(0, keep).join('') + '*'.repeat(n - 2 * keep) + chars.slice(n - keep).join('');
}

/** 13812345678 → 138****5678; landlines keep the area code and the last 4 digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return phone.slice(0, 3) + '****' + phone.slice(7);
  const m = /^(0\d{2,3})-(\d+)(-\d+)?$/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat(Math.max(0, m[2]!.length - 4))}${m[2]!.slice(-4)}`;
  return maskIdNumber(phone);
}

/** 张三 → 张*, 阿依古丽·买买提 → 阿*******: keeps the first character only (code points, so 𠮷 counts once). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
