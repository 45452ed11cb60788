// The form's draft (steps, issues per step, the application it makes) and the receipt's dates.
import { describe, expect, it } from 'vitest';
import { validateApplication } from '../../../src/core/application/schema.ts';
import type { CalendarYear } from '../../../src/core/bundle/schema.ts';
import {
  draftIssues,
  emptyDraft,
  fieldDomId,
  getDraft,
  getLastFiled,
  finishDraft,
  isDraftStarted,
  resetApplyDraft,
  startDraft,
  STEP_FIELDS,
  stepIssues,
  stepOfField,
  STEPS,
  toApplicationInput,
  updateDraft,
  type Draft,
} from '../../../src/kiosk/apply/draft.ts';
import { receiptDatesFrom } from '../../../src/kiosk/apply/dates.ts';
import { setLang } from '../../../src/kiosk/i18n/strings.ts';
import { issueText } from '../../../src/kiosk/i18n/validation.ts';

function citizen(patch: Partial<Draft> = {}): Draft {
  return {
    ...emptyDraft(),
    type: 'citizen',
    personName: '阿依古丽·买买提𠮷',
    idType: 'resident-id',
    idNumber: '11010519491231002x',
    phone: '138 1234 5678',
    address: '某某区人民路1号',
    postCode: '100000',
    description: '2025年某某街道最低生活保障对象名单',
    agencyId: 'mz',
    agencyName: '区民政局',
    media: ['paper'],
    deliveries: ['collect'],
    consentToPublish: false,
    privacyConsent: true,
    ...patch,
  };
}

describe('draft', () => {
  it('has seven steps and every schema field belongs to exactly one', () => {
    expect(STEPS).toHaveLength(7);
    const all = Object.values(STEP_FIELDS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(stepOfField('contact.postCode')).toBe('contact');
    expect(stepOfField('privacyConsent')).toBe('privacy');
    expect(fieldDomId('applicant.name')).toBe('f-applicant-name');
  });

  it('an empty draft asks for the applicant type on step 1 and nothing else there', () => {
    const d = emptyDraft();
    expect(stepIssues(d, 'type').map((i) => i.field)).toEqual(['applicant.type']);
    expect(stepIssues(d, 'type')[0]!.message).toMatch(/申请人类型/);
    const steps = new Set(draftIssues(d).map((i) => stepOfField(i.field)));
    expect(steps.has('privacy')).toBe(true);
  });

  it('a complete citizen draft validates; names are kept exactly, numbers normalised', () => {
    const d = citizen();
    expect(draftIssues(d)).toEqual([]);
    const r = validateApplication(toApplicationInput(d, '2026-03-02T02:00:00.000Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.applicant.name).toBe('阿依古丽·买买提𠮷');
    expect(r.value.applicant.type === 'citizen' && r.value.applicant.idNumber).toBe('11010519491231002X');
    expect(r.value.contact.phone).toBe('13812345678');
    expect(r.value.clientId).toBe(d.clientId);
    expect(r.value.receiptCode).toBe(d.receiptCode);
    expect(r.value.staffAssisted).toBe(false);
  });

  it('step issues carry the plain-Chinese message of the shared validators', () => {
    const d = citizen({ idNumber: '110105194912310021', postCode: '10000', phone: '12345' });
    expect(stepIssues(d, 'applicant').map((i) => [i.field, i.code])).toEqual([
      ['applicant.idNumber', 'check_digit'],
    ]);
    expect(stepIssues(d, 'contact').map((i) => i.field)).toEqual(['contact.phone', 'contact.postCode']);
    expect(stepIssues(d, 'contact')[1]!.message).toMatch(/6位/);
  });

  it('e-mail becomes required when the information is to be sent by e-mail', () => {
    const d = citizen({ media: ['email'] });
    expect(stepIssues(d, 'contact').map((i) => i.message)).toEqual([
      '您选择了通过电子邮件获取，请填写电子邮箱。',
    ]);
    expect(stepIssues({ ...d, email: 'a@example.cn' }, 'contact')).toEqual([]);
  });

  it('an organisation must say which kind it is, on the first step', () => {
    const d: Draft = { ...citizen(), type: 'organization' };
    expect(stepIssues(d, 'type')).toMatchObject([{ field: 'applicant.kind' }]);
    expect(stepIssues({ ...d, orgKind: '社会公益组织' }, 'type')).toEqual([]);
    // A citizen is not asked.
    expect(stepIssues(citizen(), 'type')).toEqual([]);
  });

  it('a USCC failing only its check character is a confirmable warning', () => {
    const d: Draft = {
      ...citizen(),
      type: 'organization',
      orgName: '某某市某某科技有限公司',
      uscc: '91350100M000100Y44',
      legalRepresentative: '张三',
      contactPerson: '李四',
    };
    const [issue] = stepIssues(d, 'applicant');
    expect(issue).toMatchObject({ field: 'applicant.uscc', confirmable: true });
    expect(stepIssues({ ...d, usccConfirmed: true }, 'applicant')).toEqual([]);
    // A wrong character set is an error that cannot be confirmed.
    const bad = stepIssues({ ...d, uscc: '91350100M000100YIO', usccConfirmed: true }, 'applicant');
    expect(bad[0]).toMatchObject({ field: 'applicant.uscc' });
    expect(bad[0]!.confirmable).toBeUndefined();
  });

  it('the description must be specific when it is the only thing given', () => {
    expect(stepIssues(citizen({ description: '低保' }), 'request')[0]!.code).toBe('description_too_short');
    expect(stepIssues(citizen({ description: '', title: '' }), 'request')[0]!.code).toBe(
      'information_required',
    );
    expect(stepIssues(citizen({ description: '', documentNumber: '某政发〔2024〕3号' }), 'request')).toEqual(
      [],
    );
  });

  it('start, finish and reset: the receipt outlives the form, the idle reset clears both', () => {
    startDraft(true);
    expect(isDraftStarted()).toBe(true);
    expect(getDraft().staffAssisted).toBe(true);
    updateDraft({ personName: '张三' });
    const { clientId } = getDraft();
    const r = validateApplication(toApplicationInput(citizen({ clientId })));
    if (!r.ok) throw new Error('invalid');
    finishDraft({ clientId, application: r.value });
    expect(isDraftStarted()).toBe(false);
    expect(getDraft().personName).toBe('');
    expect(getDraft().clientId).not.toBe(clientId);
    expect(getLastFiled()?.clientId).toBe(clientId);
    resetApplyDraft();
    expect(getLastFiled()).toBeNull();
  });
});

const Y2026: CalendarYear = {
  year: 2026,
  published: true,
  source: 'test',
  holidays: [
    { name: '春节', start: '2026-02-15', end: '2026-02-23' },
    { name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
  ],
  workdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
} as CalendarYear;
const Y2027: CalendarYear = {
  year: 2027,
  published: false,
  source: '尚未发布',
  holidays: [],
  workdays: [],
} as CalendarYear;

describe('receipt dates', () => {
  it('in person: received the day it is filed, due 20 working days later (holidays skipped)', () => {
    const d = receiptDatesFrom(
      { createdAt: '2026-09-24T02:00:00.000Z', receiptRule: 'in-person', receivedOn: null },
      [Y2026, Y2027],
    );
    expect(d.receivedOn).toBe('2026-09-24');
    expect(d.receivedIsExpected).toBe(false);
    // 25, 28, 29, 30 Sep; 8, 9, 10 Oct (a make-up Saturday) = 7 working days; …28 Oct = 20
    expect(d.correctionNoticeBy).toBe('2026-10-10');
    expect(d.replyDueOn).toBe('2026-10-28');
  });

  it('electronic, not yet confirmed: the expected date is the next working day', () => {
    const d = receiptDatesFrom(
      { createdAt: '2026-10-03T02:00:00.000Z', receiptRule: 'electronic', receivedOn: null },
      [Y2026, Y2027],
    );
    expect(d.receivedIsExpected).toBe(true);
    expect(d.receivedOn).toBe('2026-10-08');
  });

  it('a date in an unpublished year is left to staff, not guessed; the others are given', () => {
    const d = receiptDatesFrom(
      { createdAt: '2026-11-23T02:00:00.000Z', receiptRule: 'in-person', receivedOn: null },
      [Y2026, Y2027],
    );
    expect(d.receivedOn).toBe('2026-11-23');
    expect(d.replyDueOn).toBe('2026-12-21');
    expect(d.extendedDueOn).toBeNull();
    const late = receiptDatesFrom(
      { createdAt: '2026-12-10T02:00:00.000Z', receiptRule: 'in-person', receivedOn: null },
      [Y2026, Y2027],
    );
    expect(late.replyDueOn).toBeNull();
    expect(late.correctionNoticeBy).toBe('2026-12-21');
  });
});

describe('validator messages in the kiosk language', () => {
  it('the same issues read in Chinese, then in English', () => {
    const d = citizen({ idNumber: '110105194912310021', postCode: '10000', media: ['email'] });
    const issues = [...stepIssues(d, 'applicant'), ...stepIssues(d, 'contact')];
    try {
      setLang('zh-CN');
      expect(issues.map(issueText)).toEqual([
        '身份证号码有一位不对（最后一位校验码对不上），请逐位核对证件上的号码。',
        '您选择了通过电子邮件获取，请填写电子邮箱。',
        '邮政编码应为6位数字，现在是5位，请核对。',
      ]);
      setLang('en');
      expect(issues.map(issueText)).toEqual([
        'One character of the ID card number is wrong (the last character, a check character, does not match). Please compare it with your document, one character at a time.',
        'You chose to get the information by e-mail, so please enter your e-mail address.',
        'A post code has 6 digits; you entered 5. Please check it.',
      ]);
      // Every message an empty form gives is English in English mode.
      for (const issue of draftIssues(emptyDraft())) expect(issueText(issue)).not.toMatch(/[\u3400-\u9fff]/);
    } finally {
      setLang('zh-CN');
    }
  });
});
