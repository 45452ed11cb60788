// The annual report's application tables (Art. 49–50; the 2021 national format): part 3, 收到和处理政府信息公开申请
// 情况, and part 4, 政府信息公开行政复议、行政诉讼情况, computed from the applications the office handled. An
// application counts once: received in the year (一) or carried over (二), then closed in the year under its
// final result (三) or carried into the next year (四), so 一 + 二 = 三(七) + 四 holds in every column.
import { ORGANIZATION_KINDS } from '../application/schema.ts';
import type { IsoDate } from '../calendar/working-days.ts';
import type { CaseKind, CaseResult } from './procedure.ts';
import { REPLY_REASONS, REPLY_RESULTS, RESULT_ROWS, type ReplyResult } from './results.ts';

/** The report's applicant columns (申请人情况). */
export const APPLICANT_KINDS = ['自然人', ...ORGANIZATION_KINDS] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const REPORT_COLUMNS = [...APPLICANT_KINDS, '总计'] as const;

/** What the report needs of one application: no personal data. */
export interface ReportApplication {
  applicantKind: ApplicantKind;
  /** The legal day of receipt; null while it awaits confirmation (not yet received). */
  receivedOn: IsoDate | null;
  /** The reply's date, when closed. */
  closedOn: IsoDate | null;
  result: ReplyResult | null;
  reason: string | null;
  cases: ReadonlyArray<{
    kind: CaseKind;
    filedOn: IsoDate;
    result: CaseResult | null;
    concludedOn: IsoDate | null;
  }>;
}

export interface ReportRow {
  /** The row label exactly as printed in the format. */
  label: string;
  /** 0 = 一/二/三/四, 1 = (一)…(七), 2 = 1./2./… */
  level: number;
  /** One count per REPORT_COLUMNS entry (the last is the row's total). */
  values: number[];
}

export interface AnnualReport {
  year: number;
  part3: ReportRow[];
  /** Part 4: 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉; each 维持 / 纠正 / 其他 / 尚未审结 / 总计. */
  part4: { label: string; values: number[] }[];
  /** Columns where 一 + 二 ≠ 三(七) + 四: empty unless the data is inconsistent. */
  identityFailures: string[];
}

export const PART4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const PART4_ROWS: Record<CaseKind, string> = {
  reconsideration: '行政复议',
  'litigation-direct': '行政诉讼 未经复议直接起诉',
  'litigation-after-reconsideration': '行政诉讼 复议后起诉',
};

export function annualReport(apps: Iterable<ReportApplication>, year: number): AnnualReport {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const zero = () => new Array<number>(REPORT_COLUMNS.length).fill(0);
  const count = new Map<string, number[]>();
  const add = (key: string, col: number) => {
    let v = count.get(key);
    if (!v) count.set(key, (v = zero()));
    v[col]!++;
    v[REPORT_COLUMNS.length - 1]!++;
  };
  const part4 = new Map<CaseKind, number[]>();

  for (const a of apps) {
    const col = APPLICANT_KINDS.indexOf(a.applicantKind);
    for (const c of a.cases) {
      if (c.filedOn < start || c.filedOn > end) continue;
      let v = part4.get(c.kind);
      if (!v) part4.set(c.kind, (v = new Array<number>(PART4_COLUMNS.length).fill(0)));
      const done = c.result && c.concludedOn && c.concludedOn <= end;
      v[done ? ['维持', '纠正', '其他'].indexOf(c.result!) : 3]!++;
      v[4]!++;
    }
    if (!a.receivedOn || a.receivedOn > end) continue;
    const closed = a.closedOn && a.result ? a.closedOn : null;
    if (closed && closed < start) continue; // settled in an earlier year
    add(a.receivedOn >= start ? 'new' : 'carried-in', col);
    if (closed && closed <= end) {
      add(`r:${a.result}`, col);
      if (a.reason) add(`r:${a.result}:${a.reason}`, col);
      add('closed', col);
    } else {
      add('carried-out', col);
    }
  }

  const row = (label: string, level: number, key: string): ReportRow => ({
    label,
    level,
    values: count.get(key) ?? zero(),
  });
  const part3: ReportRow[] = [
    row('一、本年新收政府信息公开申请数量', 0, 'new'),
    row('二、上年结转政府信息公开申请数量', 0, 'carried-in'),
    { label: '三、本年度办理结果', level: 0, values: zero() },
  ];
  for (const result of REPLY_RESULTS) {
    part3.push(row(RESULT_ROWS[result], 1, `r:${result}`));
    for (const reason of REPLY_REASONS[result]) part3.push(row(reason.row, 2, `r:${result}:${reason.name}`));
  }
  part3.push(row('(七)总计', 1, 'closed'));
  part3.push(row('四、结转下年度继续办理', 0, 'carried-out'));

  const identityFailures: string[] = [];
  const get = (key: string) => count.get(key) ?? zero();
  REPORT_COLUMNS.forEach((name, i) => {
    if (get('new')[i]! + get('carried-in')[i]! !== get('closed')[i]! + get('carried-out')[i]!) {
      identityFailures.push(name);
    }
  });

  return {
    year,
    part3,
    part4: (Object.keys(PART4_ROWS) as CaseKind[]).map((k) => ({
      label: PART4_ROWS[k],
      values: part4.get(k) ?? new Array<number>(PART4_COLUMNS.length).fill(0),
    })),
    identityFailures,
  };
}
