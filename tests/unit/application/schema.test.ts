import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  validateApplication,
  type ApplicationInput,
} from '../../../src/core/application/schema.ts';
import { citizenApplication, organizationApplication } from './fixtures.ts';

const issuesOf = (input: unknown) => {
  const r = validateApplication(input);
  return r.ok ? [] : r.issues;
};

describe('application schema', () => {
  it('accepts a citizen application and normalises it', () => {
    const r = validateApplication(citizenApplication());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.applicant).toMatchObject({ name: '阿依古丽·买买提', idNumber: '11010519491231002X' });
    expect(r.value.contact.phone).toBe('13812345678');
  });

  it('keeps a name outside the BMP exactly', () => {
    const r = validateApplication(organizationApplication());
    expect(r.ok && r.value.applicant.type === 'organization' && r.value.applicant.legalRepresentative).toBe(
      '王𪚥',
    );
  });

  it('an organisation says which kind it is; an unchosen kind is refused; one sealed before the question counts as 其他', () => {
    const org = organizationApplication();
    const applicant = org.applicant as Extract<ApplicationInput['applicant'], { type: 'organization' }>;
    const chosen = validateApplication({ ...org, applicant: { ...applicant, kind: '科研机构' } });
    expect(chosen.ok && chosen.value.applicant.type === 'organization' && chosen.value.applicant.kind).toBe(
      '科研机构',
    );
    // The kiosk's form sends '' until a kind is chosen.
    const unchosen = issuesOf({ ...org, applicant: { ...applicant, kind: '' } });
    expect(unchosen.map((i) => [i.path, i.msg.key])).toEqual([['applicant.kind', 'orgKind.choose']]);
    expect(unchosen[0]!.message).toContain('请选择单位类型');
    expect(issuesOf({ ...org, applicant: { ...applicant, kind: '个体工商户' } }).map((i) => i.path)).toEqual([
      'applicant.kind',
    ]);
    // Sealed before the form asked: no field at all.
    const { kind: _none, ...old } = { ...applicant, kind: undefined };
    const legacy = validateApplication({ ...org, applicant: old });
    expect(legacy.ok && legacy.value.applicant.type === 'organization' && legacy.value.applicant.kind).toBe(
      '其他',
    );
    // A citizen has no kind.
    expect(
      issuesOf(
        citizenApplication({
          applicant: { ...citizenApplication().applicant, kind: '其他' } as ApplicationInput['applicant'],
        }),
      ).map((i) => i.path),
    ).toEqual(['applicant']);
  });

  it('reports each bad field with its path and a Chinese message', () => {
    const input = citizenApplication();
    input.applicant = { ...input.applicant, idNumber: '110105194912310021' } as ApplicationInput['applicant'];
    input.contact = { ...input.contact, postCode: '35000' };
    const issues = issuesOf(input);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['applicant.idNumber', 'check_digit'],
      ['contact.postCode', 'length'],
    ]);
    expect(issues[0]!.message).toContain('请逐位核对');
  });

  it('needs at least one of title, document number or description', () => {
    const input = citizenApplication();
    input.request = { ...input.request, title: '', documentNumber: ' ', description: '' };
    expect(issuesOf(input)).toEqual([
      expect.objectContaining({ path: 'request.description', code: 'information_required' }),
    ]);
    input.request.description = '低保';
    expect(issuesOf(input)[0]?.code).toBe('description_too_short');
    input.request.description = '2025年第三季度鼓楼区东街街道低保金发放名单';
    expect(issuesOf(input)).toEqual([]);
    input.request = { ...input.request, description: '', documentNumber: '鼓政办〔2025〕12号' };
    expect(issuesOf(input)).toEqual([]);
  });

  it('asks for an e-mail address when the information is to be sent by e-mail', () => {
    const input = citizenApplication({ deliveries: ['email'] });
    expect(issuesOf(input)).toEqual([
      expect.objectContaining({
        path: 'contact.email',
        message: '您选择了通过电子邮件获取，请填写电子邮箱。',
      }),
    ]);
    input.contact = { ...input.contact, email: 'ＺＳ＠１６３．ｃｏｍ' };
    const r = validateApplication(input);
    expect(r.ok && r.value.contact.email).toBe('ZS@163.com');
  });

  it('a failed USCC check is confirmable', () => {
    const input = organizationApplication();
    input.applicant = { ...input.applicant, uscc: '91350100M000100Y44' } as ApplicationInput['applicant'];
    const issues = issuesOf(input);
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'applicant.uscc',
        code: 'uscc_check',
        confirmable: true,
        confirmPath: 'applicant.usccConfirmed',
      }),
    ]);
    input.applicant = { ...input.applicant, usccConfirmed: true } as ApplicationInput['applicant'];
    expect(issuesOf(input)).toEqual([]);
  });

  it('requires privacy consent, a choice of media and deliveries, and a valid client id and receipt code', () => {
    const input = { ...citizenApplication(), privacyConsent: false, media: [], deliveries: ['post', 'post'] };
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['privacyConsent', 'media', 'deliveries']));
    expect(issuesOf({ ...citizenApplication(), clientId: 'not-a-uuid' })[0]?.path).toBe('clientId');
    expect(
      issuesOf({ ...citizenApplication(), clientId: '3f1c2a9e-1b2c-1d3e-8f4a-5b6c7d8e9f00' })[0]?.path,
    ).toBe('clientId'); // v1
    expect(issuesOf({ ...citizenApplication(), receiptCode: 'ABCDEFGH2' })[0]?.path).toBe('receiptCode');
  });

  it('refuses unknown fields and a wrong schema version', () => {
    expect(issuesOf({ ...citizenApplication(), purpose: '用途' })[0]?.code).toBe('unrecognized_keys');
    expect(issuesOf({ ...citizenApplication(), schemaVersion: 2 })[0]?.path).toBe('schemaVersion');
  });

  it('marks staff-assisted applications', () => {
    const r = validateApplication(citizenApplication({ staffAssisted: true }));
    expect(r.ok && r.value.staffAssisted).toBe(true);
  });

  it('each ID type is checked with its own rules', () => {
    const input = citizenApplication();
    input.applicant = {
      ...input.applicant,
      idType: 'passport',
      idNumber: 'e12345678',
    } as ApplicationInput['applicant'];
    const r = validateApplication(input);
    expect(r.ok && r.value.applicant.type === 'citizen' && r.value.applicant.idNumber).toBe('E12345678');
    input.applicant = {
      ...input.applicant,
      idType: 'residence-permit',
      idNumber: '11010519491231002X',
    } as ApplicationInput['applicant'];
    expect(issuesOf(input)[0]).toMatchObject({ path: 'applicant.idNumber', code: 'region' });
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: '𠮷' }] })).toBe(
      canonicalJson({ a: [1, { c: '𠮷', d: 2 }], b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
