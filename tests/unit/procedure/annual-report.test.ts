import { describe, expect, it } from 'vitest';
import {
  annualReport,
  APPLICANT_KINDS,
  REPORT_COLUMNS,
  type ReportApplication,
} from '../../../src/core/procedure/annual-report.ts';
import { REPLY_REASONS, REPLY_RESULTS } from '../../../src/core/procedure/results.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const day = (r: () => number, from: number, to: number) =>
  new Date(Date.UTC(2024, 0, 1) + Math.floor(from + r() * (to - from)) * 86_400_000)
    .toISOString()
    .slice(0, 10);

function generate(n: number, seed: number): ReportApplication[] {
  const r = random(seed);
  return Array.from({ length: n }, () => {
    const receivedOn = r() < 0.03 ? null : day(r, 0, 1000); // 2024-01-01 … 2026-09
    const open = r() < 0.15;
    const result = pick(r, REPLY_RESULTS);
    const reasons = REPLY_REASONS[result];
    const closedOn =
      receivedOn && !open
        ? day(
            r,
            (Date.parse(receivedOn) - Date.UTC(2024, 0, 1)) / 86_400_000,
            (Date.parse(receivedOn) - Date.UTC(2024, 0, 1)) / 86_400_000 + 60,
          )
        : null;
    return {
      applicantKind: pick(r, APPLICANT_KINDS),
      receivedOn,
      closedOn,
      result: closedOn ? result : null,
      reason: closedOn && reasons.length ? pick(r, reasons).name : null,
      cases:
        closedOn && r() < 0.05
          ? [
              {
                kind: 'reconsideration' as const,
                filedOn: closedOn,
                result: r() < 0.5 ? ('维持' as const) : null,
                concludedOn: r() < 0.5 ? closedOn : null,
              },
            ]
          : [],
    };
  });
}

const row = (report: ReturnType<typeof annualReport>, label: string) => {
  const found = report.part3.find((x) => x.label === label);
  if (!found) throw new Error(`no row ${label}`);
  return found.values;
};

describe('annual report, part 3', () => {
  it('holds 一 + 二 = 三(七) + 四 in every column over 10,000 generated applications, every year', () => {
    const apps = generate(10_000, 42);
    for (const year of [2024, 2025, 2026]) {
      const report = annualReport(apps, year);
      expect(report.identityFailures).toEqual([]);
      const total = REPORT_COLUMNS.length - 1;
      for (const r of report.part3)
        expect(r.values[total]).toBe(r.values.slice(0, total).reduce((a, b) => a + b, 0));
      // Each result's reasons add up to the result (every generated reply has its reason).
      for (const result of REPLY_RESULTS) {
        const i = report.part3.findIndex((x) => x.label.includes(result));
        const subs = REPLY_REASONS[result].length;
        if (!subs) continue;
        const sum = report.part3.slice(i + 1, i + 1 + subs).reduce((a, x) => a + x.values[total]!, 0);
        expect(sum).toBe(report.part3[i]!.values[total]);
      }
    }
    // What is carried out of one year is what the next carries in.
    expect(row(annualReport(apps, 2025), '二、上年结转政府信息公开申请数量')).toEqual(
      row(annualReport(apps, 2024), '四、结转下年度继续办理'),
    );
  });

  it('counts one application in the right cells: carried over, closed under its reason, per applicant kind', () => {
    const apps: ReportApplication[] = [
      {
        applicantKind: '商业企业',
        receivedOn: '2025-12-20',
        closedOn: '2026-01-10',
        result: '不予公开',
        reason: '保护第三方合法权益',
        cases: [],
      },
      {
        applicantKind: '自然人',
        receivedOn: '2026-12-28',
        closedOn: null,
        result: null,
        reason: null,
        cases: [],
      },
      {
        applicantKind: '自然人',
        receivedOn: '2026-03-02',
        closedOn: '2026-03-20',
        result: '部分公开',
        reason: null,
        cases: [],
      },
      {
        applicantKind: '法律服务机构',
        receivedOn: null,
        closedOn: null,
        result: null,
        reason: null,
        cases: [],
      },
      {
        applicantKind: '自然人',
        receivedOn: '2025-03-02',
        closedOn: '2025-03-20',
        result: '予以公开',
        reason: null,
        cases: [],
      },
    ];
    const r2026 = annualReport(apps, 2026);
    const col = (k: string) => REPORT_COLUMNS.indexOf(k as never);
    expect(row(r2026, '一、本年新收政府信息公开申请数量')[col('自然人')]).toBe(2);
    expect(row(r2026, '二、上年结转政府信息公开申请数量')[col('商业企业')]).toBe(1);
    expect(row(r2026, '4.保护第三方合法权益')[col('商业企业')]).toBe(1);
    expect(row(r2026, '(三)不予公开')[col('总计')]).toBe(1);
    expect(row(r2026, '(二)部分公开（区分处理的，只计这一情形，不计其他情形）')[col('自然人')]).toBe(1);
    expect(row(r2026, '(七)总计')[col('总计')]).toBe(2);
    expect(row(r2026, '四、结转下年度继续办理')[col('自然人')]).toBe(1);
    expect(row(r2026, '一、本年新收政府信息公开申请数量')[col('法律服务机构')]).toBe(0);
    expect(r2026.identityFailures).toEqual([]);
  });

  it('lists the rows of the 2021 format in order', () => {
    const labels = annualReport([], 2026).part3.map((r) => r.label);
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(labels).toContain('3.危及“三安全一稳定”');
    expect(labels.at(-2)).toBe('(七)总计');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
    expect(labels).toHaveLength(3 + 6 + 8 + 3 + 5 + 3 + 2);
  });
});

describe('annual report, part 4', () => {
  it('counts cases filed in the year by result, open ones as 尚未审结', () => {
    const base = {
      applicantKind: '自然人' as const,
      receivedOn: '2026-01-05',
      closedOn: '2026-01-20',
      result: '不予公开' as const,
      reason: '国家秘密',
    };
    const apps: ReportApplication[] = [
      {
        ...base,
        cases: [
          { kind: 'reconsideration', filedOn: '2026-02-01', result: '纠正', concludedOn: '2026-04-01' },
        ],
      },
      {
        ...base,
        cases: [
          { kind: 'reconsideration', filedOn: '2026-11-01', result: '维持', concludedOn: '2027-01-10' },
        ],
      },
      {
        ...base,
        cases: [{ kind: 'litigation-direct', filedOn: '2026-03-01', result: null, concludedOn: null }],
      },
    ];
    const p4 = annualReport(apps, 2026).part4;
    expect(p4[0]).toEqual({ label: '行政复议', values: [0, 1, 0, 1, 2] });
    expect(p4[1]).toEqual({ label: '行政诉讼 未经复议直接起诉', values: [0, 0, 0, 1, 1] });
    expect(p4[2]!.values).toEqual([0, 0, 0, 0, 0]);
  });
});
