// The validator message catalogue: every message in both languages, and every message a validator or the schema
// gives comes from it (so the kiosk's English form never falls back to Chinese).
import { describe, expect, it } from 'vitest';
import {
  formatMessage,
  LABELS,
  MESSAGES,
  type MessageKey,
  type MessageRef,
} from '../../../src/core/application/messages.ts';
import { receiptCodeProblem } from '../../../src/core/application/receipt.ts';
import { validateApplication, type ApplicationInput } from '../../../src/core/application/schema.ts';
import {
  validateEmail,
  validateForeignPermanentResidence,
  validateHkMacauPermit,
  validateLandline,
  validateMobile,
  validateOrganizationName,
  validatePassport,
  validatePersonName,
  validatePhone,
  validatePostCode,
  validateResidencePermit,
  validateResidentId,
  validateTaiwanPermit,
  validateText,
  validateUscc,
  type FieldCheck,
} from '../../../src/core/application/validators.ts';
import { citizenApplication, organizationApplication } from './fixtures.ts';

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  const keys = Object.keys(MESSAGES) as MessageKey[];

  it.each(keys)('%s has a Chinese and an English text with the same placeholders', (key) => {
    const entry = MESSAGES[key] as Record<string, string>;
    expect(Object.keys(entry).sort()).toEqual(['en', 'zh']);
    expect(entry.zh!.trim()).not.toBe('');
    expect(entry.en!.trim()).not.toBe('');
    expect(entry.zh).toMatch(CJK);
    // Plain English: no Chinese characters or full-width punctuation (the “” quotes are fine).
    expect(entry.en).not.toMatch(CJK);
    expect(placeholders(entry.en!)).toEqual(placeholders(entry.zh!));
  });

  it.each(Object.keys(LABELS) as (keyof typeof LABELS)[])('label %s has both languages', (key) => {
    expect(LABELS[key].zh).toMatch(CJK);
    expect(LABELS[key].en).toMatch(/^[A-Za-z][A-Za-z ']+$/);
  });

  it('fills params, and labels in the same language', () => {
    const ref: MessageRef = { key: 'text.length', params: { label: 'address', max: 200, n: 201 } };
    expect(formatMessage(ref, 'zh')).toBe('通信地址最多200个字，现在是201个，请精简。');
    expect(formatMessage(ref, 'en')).toBe(
      'The postal address can be at most 200 characters long; it is now 201. Please shorten it.',
    );
    expect(formatMessage({ key: 'id.required', params: { doc: 'residentId' } }, 'en')).toBe(
      'Please enter the ID card number.',
    );
  });
});

/** Bad inputs for every validator: between them they reach every message. */
function fieldChecks(): FieldCheck[] {
  const today = { today: '2026-03-01' };
  return [
    validateResidentId('', today),
    validateResidentId('11010519491231002', today),
    validateResidentId('11010519491231002Y', today),
    validateResidentId('350102190002291232', today),
    validateResidentId('110105202603020013', today),
    validateResidentId('110105194912310021', today),
    validateResidentId('810000198001010014', today),
    validateResidentId('990105194912310025', today),
    validateResidencePermit('123456198001010014', today),
    validateForeignPermanentResidence('', today),
    validateForeignPermanentResidence('USA801399017001', today),
    validateForeignPermanentResidence('999999198001010014', today),
    validateForeignPermanentResidence('12345', today),
    validateHkMacauPermit(''),
    validateHkMacauPermit('X1234567'),
    validateHkMacauPermit('H123'),
    validateTaiwanPermit('1234'),
    validatePassport(''),
    validatePassport('E1234-5678!'),
    validatePassport('E12'),
    validatePassport('ABCDEFG'),
    validateUscc(''),
    validateUscc('9135'),
    validateUscc('91350100M000100YIO'),
    validateUscc('91350100M000100Y4!'),
    validateUscc('9135AB00M000100Y43'),
    validateUscc('91350100M000100Y44'),
    validateMobile(''),
    validateMobile('138a'),
    validateMobile('1381234'),
    validateMobile('12812345678'),
    validateLandline(''),
    validateLandline('0591-87654321-802-3'),
    validateLandline('0591-8765a321'),
    validateLandline('87654321'),
    validateLandline('591-87654321'),
    validateLandline('0101-87654321'),
    validateLandline('0591-17654321'),
    validateLandline('0591-87654321转1234567'),
    validatePhone(''),
    validatePhone('87654321'),
    validatePhone('abc'),
    validatePostCode(''),
    validatePostCode('35000a'),
    validatePostCode('35000'),
    validatePostCode('000000'),
    validateEmail(''),
    validateEmail('a b@example.com'),
    validateEmail('a'.repeat(250) + '@example.com'),
    validateEmail('example.com'),
    validateEmail('@example.com'),
    validateEmail('.a@example.com'),
    validateEmail('a@example'),
    validatePersonName(''),
    validatePersonName('张三3'),
    validatePersonName('张'.repeat(51)),
    validateOrganizationName('<b>公司</b>'),
    validateOrganizationName('公'.repeat(101)),
    validateText('\u0001', 'address', 200),
    validateText('一', 'address', 200, { min: 4 }),
    validateText('一'.repeat(201), 'address', 200),
  ];
}

function applicationRefs(): MessageRef[] {
  const inputs: unknown[] = [
    {},
    citizenApplication({ clientId: 'x', receiptCode: 'x' }),
    citizenApplication({
      applicant: {
        ...citizenApplication().applicant,
        idType: 'x',
      } as unknown as ApplicationInput['applicant'],
      request: { ...citizenApplication().request, title: '', agencyId: '' },
      media: [],
      deliveries: ['post', 'post'],
      consentToPublish: undefined as unknown as boolean,
      privacyConsent: false as true,
    }),
    citizenApplication({ request: { ...citizenApplication().request, title: '', description: '低保' } }),
    citizenApplication({ deliveries: [] as unknown as ApplicationInput['deliveries'], media: ['email'] }),
    organizationApplication({
      applicant: {
        ...organizationApplication().applicant,
        uscc: '91350100M000100Y44',
      } as ApplicationInput['applicant'],
    }),
    organizationApplication({
      applicant: {
        ...organizationApplication().applicant,
        kind: '',
      } as unknown as ApplicationInput['applicant'],
    }),
    { applicant: { type: 'nobody' } },
  ];
  return inputs.flatMap((input) => {
    const r = validateApplication(input);
    return r.ok ? [] : r.issues.map((i) => i.msg);
  });
}

describe('every validator message has an English text', () => {
  const refs: MessageRef[] = [
    ...fieldChecks().flatMap((r) => (r.ok ? (r.warning ? [r.warning.msg] : []) : [r.msg])),
    ...applicationRefs(),
    ...['', '23456', 'K7M4PQR2O', 'K7M4PQR2X'].flatMap((c) => receiptCodeProblem(c) ?? []),
  ];

  it('the Chinese text given is the catalogue text', () => {
    for (const r of fieldChecks()) {
      if (!r.ok) expect(r.message).toBe(formatMessage(r.msg, 'zh'));
      else if (r.warning) expect(r.warning.message).toBe(formatMessage(r.warning.msg, 'zh'));
    }
  });

  it('renders every message in English without Chinese, except text the visitor typed', () => {
    for (const ref of refs) {
      expect(MESSAGES[ref.key], ref.key).toBeDefined();
      const en = formatMessage(ref, 'en');
      expect(en, ref.key).not.toMatch(/\{\w+\}/);
      const typed = Object.values(ref.params ?? {}).join('');
      expect(CJK.test(typed) || !CJK.test(en), `${ref.key}: ${en}`).toBe(true);
    }
  });

  it('every message of the catalogue is given by some validator or schema check', () => {
    const seen = new Set(refs.map((r) => r.key));
    const unused = (Object.keys(MESSAGES) as MessageKey[]).filter((k) => !seen.has(k));
    expect(unused).toEqual([]);
  });

  it('schema issues keep their Chinese message and carry the key', () => {
    const r = validateApplication(citizenApplication({ deliveries: ['email'] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      path: 'contact.email',
      message: '您选择了通过电子邮件获取，请填写电子邮箱。',
      msg: { key: 'email.requiredForDelivery' },
    });
    expect(formatMessage(r.issues[0]!.msg, 'en')).toBe(
      'You chose to get the information by e-mail, so please enter your e-mail address.',
    );
  });
});
