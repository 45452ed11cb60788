// A valid application for outbox tests: a name outside the BMP with a middle dot, the GB 11643 example ID.
import { generateReceiptCode } from '../../../src/core/application/receipt.ts';
import { validateApplication, type Application } from '../../../src/core/application/schema.ts';

export function sampleApplication(overrides: Partial<Record<string, unknown>> = {}): Application {
  const r = validateApplication({
    schemaVersion: 1,
    clientId: crypto.randomUUID(),
    receiptCode: generateReceiptCode(),
    createdAt: '2026-03-02T02:00:00.000Z',
    staffAssisted: false,
    applicant: {
      type: 'citizen',
      name: '阿依古丽·买买提𠮷',
      idType: 'resident-id',
      idNumber: '11010519491231002X',
      workUnit: '',
    },
    contact: { phone: '13812345678', email: '', address: '某某区人民路1号', postCode: '100000' },
    request: {
      title: '2025年城乡低保资金发放情况',
      documentNumber: '',
      description: '',
      agencyId: 'mz',
      agencyName: '区民政局',
    },
    media: ['paper'],
    deliveries: ['collect'],
    consentToPublish: false,
    privacyConsent: true,
    privacyNoticeVersion: '2026-1',
    ...overrides,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
