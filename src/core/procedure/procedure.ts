// The procedure of the Regulations on Open Government Information as one state machine: what the office may do
// with an application at each step, and what that does to the statutory clock. The server refuses an action the
// law does not allow; the desk and the visitor's status look-up read the same derived state, so a rule is written
// once. Isomorphic: dates are 'YYYY-MM-DD' strings counted with the bundle's working-day calendar.
//
// The clock (Art. 33): the reply is due 20 working days after the day of receipt. A correction request (补正,
// Art. 30) stops it; when the correction arrives that day becomes the day of receipt and the 20 days start again.
// Consultation of a third party or another agency (Art. 32, 34) is not counted: the working days it took are added
// to the due date when it ends. One extension (延期, Art. 33) of at most 20 working days, approved by the head of
// the office, decided before the due date.
import type { WorkingCalendar, IsoDate } from '../calendar/working-days.ts';
import { PENDING_STATUS, type ApplicationStatus } from '../application/status.ts';
import { REPLY_RESULTS, reasonsOf, type ReplyResult } from './results.ts';

export const REPLY_WORKING_DAYS = 20;
export const EXTENSION_MAX_WORKING_DAYS = 20;
/** Art. 30: the applicant is told what to correct, once, within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

export type ConsultationKind = 'third-party' | 'other-agency';
export type CaseKind = 'reconsideration' | 'litigation-direct' | 'litigation-after-reconsideration';
export type CaseResult = '维持' | '纠正' | '其他';
export const CASE_KINDS: readonly CaseKind[] = [
  'reconsideration',
  'litigation-direct',
  'litigation-after-reconsideration',
];
export const CASE_RESULTS: readonly CaseResult[] = ['维持', '纠正', '其他'];
export const DELIVERY_METHODS = ['当面领取', '邮寄', '电子邮件', '网上平台', '其他'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** One thing the office did, as recorded (who and when are kept beside it by the store). */
export type ProcedureAction =
  | { type: 'confirm'; on: IsoDate }
  | { type: 'request-correction'; on: IsoDate; text: string; answerBy: IsoDate }
  | { type: 'correction-received'; on: IsoDate }
  | { type: 'correction-lapsed'; on: IsoDate }
  | { type: 'extend'; on: IsoDate; reason: string; approver: string; newDueOn: IsoDate }
  | { type: 'consultation-start'; on: IsoDate; kind: ConsultationKind; party: string }
  | { type: 'consultation-end'; on: IsoDate }
  | {
      type: 'reply';
      on: IsoDate;
      result: ReplyResult;
      /** The report's sub-row for 不予公开 / 无法提供 / 不予处理 / 其他处理. */
      reason: string | null;
      basis: string;
      /** Art. 36(5): the agency that holds the information, when known. */
      referTo: string | null;
      documentId: string | null;
    }
  | { type: 'deliver'; on: IsoDate; method: DeliveryMethod }
  | { type: 'case-filed'; on: IsoDate; kind: CaseKind }
  | { type: 'case-concluded'; on: IsoDate; caseIndex: number; result: CaseResult };

export type ProcedureActionType = ProcedureAction['type'];

export type Phase = 'awaiting-confirmation' | 'in-progress' | 'awaiting-correction' | 'closed';

export interface ProcedureState {
  phase: Phase;
  /** The legal day of receipt (restarted by a correction). */
  receivedOn: IsoDate | null;
  /** The reply deadline; null while the clock is stopped for a correction or before receipt. */
  dueOn: IsoDate | null;
  /** An open consultation pauses the clock: the due date moves when it ends. */
  consultation: { kind: ConsultationKind; party: string; since: IsoDate } | null;
  correction: { text: string; requestedOn: IsoDate; answerBy: IsoDate; receivedOn: IsoDate | null } | null;
  extension: {
    on: IsoDate;
    reason: string;
    approver: string;
    previousDueOn: IsoDate;
    newDueOn: IsoDate;
  } | null;
  /** Working days added to the due date by consultations that ended. */
  pausedWorkingDays: number;
  reply: Extract<ProcedureAction, { type: 'reply' }> | null;
  delivery: { on: IsoDate; method: DeliveryMethod } | null;
  cases: Array<{ kind: CaseKind; filedOn: IsoDate; result: CaseResult | null; concludedOn: IsoDate | null }>;
  /** The date of the last action: actions are recorded in date order. */
  lastActionOn: IsoDate | null;
}

export class ProcedureError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The action's field the problem is in, for the form. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ProcedureError';
  }
}

/** The state of an application the moment it is on file: at an in-person site it is received the day it was filed. */
export function initialState(
  receipt: { receivedOn: IsoDate | null },
  calendar: WorkingCalendar,
): ProcedureState {
  const base: ProcedureState = {
    phase: 'awaiting-confirmation',
    receivedOn: null,
    dueOn: null,
    consultation: null,
    correction: null,
    extension: null,
    pausedWorkingDays: 0,
    reply: null,
    delivery: null,
    cases: [],
    lastActionOn: null,
  };
  if (!receipt.receivedOn) return base;
  return {
    ...base,
    phase: 'in-progress',
    receivedOn: receipt.receivedOn,
    dueOn: calendar.addWorkingDays(receipt.receivedOn, REPLY_WORKING_DAYS),
  };
}

/** The actions the law allows in this state (the desk offers these buttons and no others). */
export function allowedActions(state: ProcedureState): ProcedureActionType[] {
  switch (state.phase) {
    case 'awaiting-confirmation':
      return ['confirm'];
    case 'awaiting-correction':
      return ['correction-received', 'correction-lapsed'];
    case 'in-progress': {
      if (state.consultation) return ['consultation-end'];
      const out: ProcedureActionType[] = [];
      if (!state.correction) out.push('request-correction');
      if (!state.extension) out.push('extend');
      out.push('consultation-start', 'reply');
      return out;
    }
    case 'closed': {
      const out: ProcedureActionType[] = [];
      if (!state.delivery) out.push('deliver');
      out.push('case-filed');
      if (state.cases.some((c) => !c.result)) out.push('case-concluded');
      return out;
    }
  }
}

const PHASE_WORDS: Record<Phase, string> = {
  'awaiting-confirmation': '等待确认收到',
  'in-progress': '办理中',
  'awaiting-correction': '等待申请人补正',
  closed: '已答复',
};

function refuse(state: ProcedureState, action: ProcedureAction): never {
  throw new ProcedureError(
    'transition_not_allowed',
    `当前步骤（${PHASE_WORDS[state.phase]}${state.consultation ? '，征求意见中' : ''}）不能进行“${ACTION_LABELS[action.type]}”`,
  );
}

export const ACTION_LABELS: Record<ProcedureActionType, string> = {
  confirm: '确认收到申请',
  'request-correction': '发出补正通知',
  'correction-received': '收到补正',
  'correction-lapsed': '逾期未补正',
  extend: '延期答复',
  'consultation-start': '征求意见',
  'consultation-end': '征求意见结束',
  reply: '答复',
  deliver: '送达',
  'case-filed': '登记行政复议或诉讼',
  'case-concluded': '登记复议或诉讼结果',
};

/**
 * Applies one action, or throws ProcedureError naming what the law does not allow. Pure: the state passed in is
 * not changed.
 */
export function applyAction(
  state: ProcedureState,
  action: ProcedureAction,
  calendar: WorkingCalendar,
): ProcedureState {
  if (!allowedActions(state).includes(action.type)) refuse(state, action);
  if (state.lastActionOn && action.on < state.lastActionOn) {
    throw new ProcedureError(
      'date_before_previous',
      `日期 ${action.on} 早于上一步的日期 ${state.lastActionOn}`,
      'on',
    );
  }
  const next: ProcedureState = {
    ...state,
    cases: state.cases.map((c) => ({ ...c })),
    lastActionOn: action.on,
  };
  switch (action.type) {
    case 'confirm':
      next.phase = 'in-progress';
      next.receivedOn = action.on;
      next.dueOn = calendar.addWorkingDays(action.on, REPLY_WORKING_DAYS);
      return next;

    case 'request-correction': {
      const text = action.text.trim();
      if (!text) throw new ProcedureError('correction_text_missing', '请写明需要补正的内容', 'text');
      const latest = calendar.addWorkingDays(state.receivedOn!, CORRECTION_NOTICE_WORKING_DAYS);
      if (action.on > latest) {
        throw new ProcedureError(
          'correction_too_late',
          `补正通知应在收到申请之日起7个工作日内（${latest} 之前）一次性发出（第三十条）`,
          'on',
        );
      }
      if (action.answerBy <= action.on) {
        throw new ProcedureError('correction_period_invalid', '补正期限应晚于通知日期', 'answerBy');
      }
      next.phase = 'awaiting-correction';
      next.dueOn = null;
      next.correction = { text, requestedOn: action.on, answerBy: action.answerBy, receivedOn: null };
      return next;
    }

    case 'correction-received':
      // Art. 30: the reply period counts from the day the corrected application is received.
      next.phase = 'in-progress';
      next.receivedOn = action.on;
      next.dueOn = calendar.addWorkingDays(action.on, REPLY_WORKING_DAYS);
      next.pausedWorkingDays = 0;
      next.correction = { ...state.correction!, receivedOn: action.on };
      return next;

    case 'correction-lapsed':
      if (action.on <= state.correction!.answerBy) {
        throw new ProcedureError(
          'correction_period_running',
          `补正期限到 ${state.correction!.answerBy} 为止，期限届满之后才能按逾期不补正处理`,
          'on',
        );
      }
      // Art. 30: no correction in time counts as giving up the application (report: 其他处理 1).
      next.phase = 'closed';
      next.reply = {
        type: 'reply',
        on: action.on,
        result: '其他处理',
        reason: '逾期不补正',
        basis: '《中华人民共和国政府信息公开条例》第三十条',
        referTo: null,
        documentId: null,
      };
      return next;

    case 'extend': {
      const reason = action.reason.trim();
      const approver = action.approver.trim();
      if (!reason) throw new ProcedureError('extension_reason_missing', '请写明延期的理由', 'reason');
      if (!approver)
        throw new ProcedureError('extension_approver_missing', '请写明批准延期的负责人', 'approver');
      const due = state.dueOn!;
      if (action.on > due) {
        throw new ProcedureError('extension_too_late', `答复期限（${due}）已过，不能再延期`, 'on');
      }
      const latest = calendar.addWorkingDays(due, EXTENSION_MAX_WORKING_DAYS);
      if (action.newDueOn <= due || action.newDueOn > latest) {
        throw new ProcedureError(
          'extension_out_of_range',
          `延期后的期限应在 ${due} 之后、不晚于 ${latest}（最长延长20个工作日）`,
          'newDueOn',
        );
      }
      next.extension = { on: action.on, reason, approver, previousDueOn: due, newDueOn: action.newDueOn };
      next.dueOn = action.newDueOn;
      return next;
    }

    case 'consultation-start': {
      const party = action.party.trim();
      if (!party) throw new ProcedureError('consultation_party_missing', '请写明征求意见的对象', 'party');
      next.consultation = { kind: action.kind, party, since: action.on };
      return next;
    }

    case 'consultation-end': {
      // The working days the consultation took are not counted in the reply period (Art. 33).
      const days = calendar.workingDaysBetween(state.consultation!.since, action.on);
      next.consultation = null;
      next.pausedWorkingDays = state.pausedWorkingDays + days;
      next.dueOn = days > 0 ? calendar.addWorkingDays(state.dueOn!, days) : state.dueOn;
      return next;
    }

    case 'reply': {
      if (!(REPLY_RESULTS as readonly string[]).includes(action.result)) {
        throw new ProcedureError('reply_result_invalid', `没有这种答复类型：${action.result}`, 'result');
      }
      const reasons = reasonsOf(action.result);
      if (reasons.length && !(action.reason && reasons.includes(action.reason))) {
        throw new ProcedureError(
          'reply_reason_missing',
          `“${action.result}”需要选择理由：${reasons.join('、')}`,
          'reason',
        );
      }
      if (!reasons.length && action.reason) {
        throw new ProcedureError('reply_reason_unexpected', `“${action.result}”不需要选择理由`, 'reason');
      }
      if (!action.basis.trim())
        throw new ProcedureError('reply_basis_missing', '请写明答复的法律依据', 'basis');
      next.phase = 'closed';
      next.reply = { ...action, basis: action.basis.trim(), referTo: action.referTo?.trim() || null };
      return next;
    }

    case 'deliver':
      next.delivery = { on: action.on, method: action.method };
      return next;

    case 'case-filed':
      next.cases.push({ kind: action.kind, filedOn: action.on, result: null, concludedOn: null });
      return next;

    case 'case-concluded': {
      const c = next.cases[action.caseIndex];
      if (!c || c.result) {
        throw new ProcedureError('case_not_open', '没有这件未审结的复议或诉讼', 'caseIndex');
      }
      c.result = action.result;
      c.concludedOn = action.on;
      return next;
    }
  }
}

/** Replays the recorded actions from the state at filing. */
export function replay(
  receipt: { receivedOn: IsoDate | null },
  actions: readonly ProcedureAction[],
  calendar: WorkingCalendar,
): ProcedureState {
  return actions.reduce((s, a) => applyAction(s, a, calendar), initialState(receipt, calendar));
}

/** Days left on the clock, for the desk's 3-day and overdue filters: null while it is stopped. */
export function workingDaysLeft(
  state: ProcedureState,
  today: IsoDate,
  calendar: WorkingCalendar,
): number | null {
  if (state.phase !== 'in-progress' || !state.dueOn || state.consultation) return null;
  if (today > state.dueOn) return -calendar.workingDaysBetween(state.dueOn, today);
  return calendar.workingDaysBetween(today, state.dueOn);
}

/**
 * What the applicant's status look-up may show: the step in plain words, the 补正 text and its deadline, the due
 * date (after 延期 too) and whether the reply is ready or sent — never anything else of the file.
 */
export interface VisitorView {
  status: ApplicationStatus;
  /** One or more sentences in plain Chinese. */
  lines: string[];
  dueOn: IsoDate | null;
  correction: { text: string; answerBy: IsoDate } | null;
  replied: {
    on: IsoDate;
    result: ReplyResult;
    delivered: { on: IsoDate; method: DeliveryMethod } | null;
  } | null;
}

export function visitorView(state: ProcedureState): VisitorView {
  const view: VisitorView = { status: '已受理', lines: [], dueOn: null, correction: null, replied: null };
  switch (state.phase) {
    case 'awaiting-confirmation':
      view.status = PENDING_STATUS;
      view.lines.push('申请已送达，等待工作人员确认收到；确认之日为收到申请之日。');
      return view;
    case 'awaiting-correction': {
      const c = state.correction!;
      view.status = '需补正';
      view.correction = { text: c.text, answerBy: c.answerBy };
      view.lines.push(
        `工作人员请您补正申请内容，请在 ${c.answerBy} 之前补正。`,
        '收到补正之日起重新计算答复期限；逾期不补正的，视为放弃申请。',
      );
      return view;
    }
    case 'in-progress':
      view.status = state.extension ? '延期' : '已受理';
      view.dueOn = state.dueOn;
      if (state.extension) view.lines.push(`答复期限已延长至 ${state.dueOn}。`);
      else view.lines.push(`申请已收到，正在办理，答复期限为 ${state.dueOn}。`);
      if (state.consultation) view.lines.push('正在征求有关方面意见，所需时间不计入答复期限。');
      return view;
    case 'closed': {
      const r = state.reply!;
      view.status = r.result;
      view.replied = { on: r.on, result: r.result, delivered: state.delivery };
      view.lines.push(
        state.delivery
          ? `已于 ${r.on} 作出答复（${r.result}），答复书已于 ${state.delivery.on} 以“${state.delivery.method}”方式送达。`
          : `已于 ${r.on} 作出答复（${r.result}），答复书已准备好，工作人员将按您选择的方式送达。`,
      );
      return view;
    }
  }
}
