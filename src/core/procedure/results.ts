// The kinds of reply (Art. 36) and their reasons exactly as the annual report's part 3 groups them (the 2021
// national format, ../shared/reference/annual-report-format.md): a reply is recorded in the words it is counted in.
import { REPLY_STATUSES } from '../application/status.ts';

export const REPLY_RESULTS = REPLY_STATUSES;
export type ReplyResult = (typeof REPLY_RESULTS)[number];

/** Each reason: a short name the desk shows, and the report's row label as printed. */
export interface ReplyReason {
  name: string;
  row: string;
}

export const REPLY_REASONS: Record<ReplyResult, readonly ReplyReason[]> = {
  予以公开: [],
  部分公开: [],
  不予公开: [
    { name: '国家秘密', row: '1.属于国家秘密' },
    { name: '法律行政法规禁止公开', row: '2.其他法律行政法规禁止公开' },
    { name: '危及三安全一稳定', row: '3.危及“三安全一稳定”' },
    { name: '保护第三方合法权益', row: '4.保护第三方合法权益' },
    { name: '三类内部事务信息', row: '5.属于三类内部事务信息' },
    { name: '四类过程性信息', row: '6.属于四类过程性信息' },
    { name: '行政执法案卷', row: '7.属于行政执法案卷' },
    { name: '行政查询事项', row: '8.属于行政查询事项' },
  ],
  无法提供: [
    { name: '本机关不掌握', row: '1.本机关不掌握相关政府信息' },
    { name: '需要另行制作', row: '2.没有现成信息需要另行制作' },
    { name: '补正后仍不明确', row: '3.补正后申请内容仍不明确' },
  ],
  不予处理: [
    { name: '信访举报投诉', row: '1.信访举报投诉类申请' },
    { name: '重复申请', row: '2.重复申请' },
    { name: '要求提供公开出版物', row: '3.要求提供公开出版物' },
    { name: '无正当理由大量反复申请', row: '4.无正当理由大量反复申请' },
    { name: '要求确认或重新出具', row: '5.要求行政机关确认或重新出具已获取信息' },
  ],
  其他处理: [
    { name: '逾期不补正', row: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
    { name: '逾期未缴费', row: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
    { name: '其他', row: '3.其他' },
  ],
};

/** The reason names a result needs one of (empty: no reason). */
export function reasonsOf(result: ReplyResult): string[] {
  return REPLY_REASONS[result].map((r) => r.name);
}

/** The report's row label of each result, as printed. */
export const RESULT_ROWS: Record<ReplyResult, string> = {
  予以公开: '(一)予以公开',
  部分公开: '(二)部分公开（区分处理的，只计这一情形，不计其他情形）',
  不予公开: '(三)不予公开',
  无法提供: '(四)无法提供',
  不予处理: '(五)不予处理',
  其他处理: '(六)其他处理',
};
