import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../src/core/calendar/working-days.ts';
import {
  allowedActions,
  applyAction,
  initialState,
  ProcedureError,
  replay,
  visitorView,
  workingDaysLeft,
  type ProcedureAction,
  type ProcedureState,
} from '../../../src/core/procedure/procedure.ts';
import { CALENDAR } from '../calendar/fixtures.ts';

const cal = createWorkingCalendar(CALENDAR);
const received = (on: string) => initialState({ receivedOn: on }, cal);
const reply = (
  on: string,
  over: Partial<Extract<ProcedureAction, { type: 'reply' }>> = {},
): ProcedureAction => ({
  type: 'reply',
  on,
  result: '予以公开',
  reason: null,
  basis: '《条例》第三十六条第（二）项',
  referTo: null,
  documentId: null,
  ...over,
});
function refused(state: ProcedureState, action: ProcedureAction): string {
  try {
    applyAction(state, action, cal);
  } catch (e) {
    expect(e).toBeInstanceOf(ProcedureError);
    return (e as ProcedureError).code;
  }
  throw new Error(`${action.type} was allowed`);
}

describe('the statutory clock', () => {
  it('counts 20 working days across 中秋/国庆 and the 10 October make-up day', () => {
    // 22–24 Sep (3), 28–30 Sep (6), 8–9 Oct (8), Sat 10 Oct 调休 (9), 12–16 (14), 19–23 (19), Mon 26 Oct (20).
    expect(received('2026-09-21').dueOn).toBe('2026-10-26');
  });

  it('waits for the office to confirm an electronic filing, then counts from that day', () => {
    const pending = initialState({ receivedOn: null }, cal);
    expect(pending.phase).toBe('awaiting-confirmation');
    expect(pending.dueOn).toBeNull();
    expect(allowedActions(pending)).toEqual(['confirm']);
    const s = applyAction(pending, { type: 'confirm', on: '2026-11-02' }, cal);
    expect(s.receivedOn).toBe('2026-11-02');
    expect(s.dueOn).toBe('2026-11-30');
  });

  it('stops for 补正 and restarts from the day the correction arrives (Art. 30)', () => {
    let s = received('2026-09-21');
    s = applyAction(
      s,
      { type: 'request-correction', on: '2026-09-29', text: '请写明文件名称', answerBy: '2026-10-20' },
      cal,
    );
    expect(s.phase).toBe('awaiting-correction');
    expect(s.dueOn).toBeNull();
    expect(workingDaysLeft(s, '2026-09-30', cal)).toBeNull();
    s = applyAction(s, { type: 'correction-received', on: '2026-11-02' }, cal);
    expect(s.receivedOn).toBe('2026-11-02');
    expect(s.dueOn).toBe('2026-11-30');
  });

  it('refuses a 补正 notice after 7 working days from receipt, and a second one', () => {
    const s = received('2026-09-21'); // the 7th working day is 8 Oct (holidays in between)
    expect(
      refused(s, { type: 'request-correction', on: '2026-10-09', text: 'x', answerBy: '2026-10-30' }),
    ).toBe('correction_too_late');
    const once = applyAction(
      s,
      { type: 'request-correction', on: '2026-10-08', text: 'x', answerBy: '2026-10-30' },
      cal,
    );
    const back = applyAction(once, { type: 'correction-received', on: '2026-10-12' }, cal);
    expect(allowedActions(back)).not.toContain('request-correction');
    expect(
      refused(back, { type: 'request-correction', on: '2026-10-13', text: 'y', answerBy: '2026-10-30' }),
    ).toBe('transition_not_allowed');
  });

  it('closes as 其他处理 / 逾期不补正 only after the correction period has passed', () => {
    const s = applyAction(
      received('2026-09-21'),
      { type: 'request-correction', on: '2026-09-22', text: '请补充文号', answerBy: '2026-10-20' },
      cal,
    );
    expect(refused(s, { type: 'correction-lapsed', on: '2026-10-20' })).toBe('correction_period_running');
    const closed = applyAction(s, { type: 'correction-lapsed', on: '2026-10-21' }, cal);
    expect(closed.phase).toBe('closed');
    expect(closed.reply).toMatchObject({ result: '其他处理', reason: '逾期不补正' });
  });

  it('extends once by at most 20 working days, with reason and approver, before the due date (Art. 33)', () => {
    const s = received('2026-09-21'); // due 26 Oct; +20 working days = 23 Nov
    const ext = { type: 'extend' as const, on: '2026-10-20', reason: '需要调取档案', approver: '张主任' };
    expect(refused(s, { ...ext, newDueOn: '2026-11-24' })).toBe('extension_out_of_range');
    expect(refused(s, { ...ext, newDueOn: '2026-10-26' })).toBe('extension_out_of_range');
    expect(refused(s, { ...ext, approver: ' ', newDueOn: '2026-11-23' })).toBe('extension_approver_missing');
    expect(refused(s, { ...ext, on: '2026-10-27', newDueOn: '2026-11-23' })).toBe('extension_too_late');
    const e = applyAction(s, { ...ext, newDueOn: '2026-11-23' }, cal);
    expect(e.dueOn).toBe('2026-11-23');
    expect(e.extension).toMatchObject({ previousDueOn: '2026-10-26', approver: '张主任' });
    expect(visitorView(e)).toMatchObject({ status: '延期', dueOn: '2026-11-23' });
    expect(refused(e, { ...ext, on: '2026-10-21', newDueOn: '2026-11-20' })).toBe('transition_not_allowed');
  });

  it('does not count the working days a consultation took (Art. 32–34)', () => {
    let s = received('2026-11-02'); // due 30 Nov
    s = applyAction(
      s,
      { type: 'consultation-start', on: '2026-11-04', kind: 'third-party', party: '某公司' },
      cal,
    );
    expect(allowedActions(s)).toEqual(['consultation-end']);
    expect(refused(s, reply('2026-11-05'))).toBe('transition_not_allowed');
    s = applyAction(s, { type: 'consultation-end', on: '2026-11-11' }, cal); // 5, 6, 9, 10, 11 Nov
    expect(s.pausedWorkingDays).toBe(5);
    expect(s.dueOn).toBe('2026-12-07');
  });
});

describe('reply, delivery and cases', () => {
  it('needs the report reason for 不予公开 and refuses a reason for 予以公开', () => {
    const s = received('2026-11-02');
    expect(refused(s, reply('2026-11-10', { result: '不予公开' }))).toBe('reply_reason_missing');
    expect(refused(s, reply('2026-11-10', { result: '不予公开', reason: '随便' }))).toBe(
      'reply_reason_missing',
    );
    expect(refused(s, reply('2026-11-10', { reason: '国家秘密' }))).toBe('reply_reason_unexpected');
    expect(refused(s, reply('2026-11-10', { basis: '' }))).toBe('reply_basis_missing');
    const done = applyAction(s, reply('2026-11-10', { result: '不予公开', reason: '国家秘密' }), cal);
    expect(done.phase).toBe('closed');
    expect(allowedActions(done)).toEqual(['deliver', 'case-filed']);
  });

  it('records delivery once, and reconsideration or litigation with their results', () => {
    const actions: ProcedureAction[] = [
      reply('2026-11-10', { result: '部分公开' }),
      { type: 'deliver', on: '2026-11-11', method: '邮寄' },
      { type: 'case-filed', on: '2026-12-01', kind: 'reconsideration' },
    ];
    const s = replay({ receivedOn: '2026-11-02' }, actions, cal);
    expect(allowedActions(s)).toEqual(['case-filed', 'case-concluded']);
    expect(refused(s, { type: 'deliver', on: '2026-12-02', method: '邮寄' })).toBe('transition_not_allowed');
    expect(refused(s, { type: 'case-concluded', on: '2026-12-02', caseIndex: 3, result: '维持' })).toBe(
      'case_not_open',
    );
    const c = applyAction(s, { type: 'case-concluded', on: '2026-12-20', caseIndex: 0, result: '纠正' }, cal);
    expect(c.cases[0]).toMatchObject({ kind: 'reconsideration', result: '纠正', concludedOn: '2026-12-20' });
    expect(visitorView(c).lines.join('')).toContain('2026-11-11');
  });

  it('refuses an action dated before the previous one, and anything but confirm before receipt', () => {
    const s = applyAction(
      received('2026-11-02'),
      { type: 'consultation-start', on: '2026-11-05', kind: 'other-agency', party: '区财政局' },
      cal,
    );
    expect(refused(s, { type: 'consultation-end', on: '2026-11-04' })).toBe('date_before_previous');
    const pending = initialState({ receivedOn: null }, cal);
    for (const a of [
      reply('2026-11-10'),
      { type: 'deliver' as const, on: '2026-11-10', method: '邮寄' as const },
    ]) {
      expect(refused(pending, a)).toBe('transition_not_allowed');
    }
  });
});

describe('what the applicant sees', () => {
  it('shows the 补正 text and its deadline, nothing else of the file', () => {
    const s = applyAction(
      received('2026-11-02'),
      { type: 'request-correction', on: '2026-11-03', text: '请写明所需信息的文号', answerBy: '2026-11-17' },
      cal,
    );
    const v = visitorView(s);
    expect(v.status).toBe('需补正');
    expect(v.correction).toEqual({ text: '请写明所需信息的文号', answerBy: '2026-11-17' });
    expect(Object.keys(v).sort()).toEqual(['correction', 'dueOn', 'lines', 'replied', 'status']);
  });

  it('says a reply is ready before delivery and sent after', () => {
    const done = applyAction(received('2026-11-02'), reply('2026-11-20'), cal);
    expect(visitorView(done).lines[0]).toContain('已准备好');
    const sent = applyAction(done, { type: 'deliver', on: '2026-11-23', method: '电子邮件' }, cal);
    expect(visitorView(sent).lines[0]).toContain('已于 2026-11-23');
  });

  it('counts working days left and overdue for the desk filters', () => {
    const s = received('2026-11-02'); // due 30 Nov
    expect(workingDaysLeft(s, '2026-11-25', cal)).toBe(3);
    expect(workingDaysLeft(s, '2026-12-02', cal)).toBe(-2);
  });
});
