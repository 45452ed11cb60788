// Valid application inputs used by the application and server tests.
import type { ApplicationInput } from '../../../src/core/application/schema.ts';
import { generateReceiptCode } from '../../../src/core/application/receipt.ts';

export function citizenApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    schemaVersion: 1,
    clientId: crypto.randomUUID(),
    receiptCode: generateReceiptCode(),
    createdAt: '2026-03-02T10:15:00+08:00',
    staffAssisted: false,
    applicant: {
      type: 'citizen',
      name: '阿依古丽·买买提',
      idType: 'resident-id',
      idNumber: '11010519491231002x',
      workUnit: '',
    },
    contact: {
      phone: '138 1234 5678',
      email: '',
      address: '福建省福州市鼓楼区八一七北路1号',
      postCode: '350001',
    },
    request: {
      title: '2025年鼓楼区城市最低生活保障资金发放情况',
      documentNumber: '',
      description: '',
      agencyId: 'gulou-civil-affairs',
      agencyName: '鼓楼区民政局',
    },
    media: ['paper'],
    deliveries: ['post'],
    consentToPublish: false,
    privacyConsent: true,
    privacyNoticeVersion: '2026-01',
    ...overrides,
  };
}

export function organizationApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return citizenApplication({
    applicant: {
      type: 'organization',
      name: '福州市某某建筑工程有限公司',
      uscc: '91350100M000100Y43',
      usccConfirmed: false,
      legalRepresentative: '王𪚥',
      contactPerson: '李四',
    },
    ...overrides,
  });
}
