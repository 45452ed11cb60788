// The application being filled in: kept in memory only (never written anywhere in plain text), so 上一步 and a look at
// a suggested catalogue item lose nothing, and the idle reset (resetApplyDraft) clears everything.
import { generateReceiptCode } from '../../core/application/receipt.ts';
import {
  validateApplication,
  APPLICATION_SCHEMA_VERSION,
  type Application,
  type ApplicationInput,
  type ApplicationIssue,
  type Delivery,
  type Medium,
  type OrganizationKind,
} from '../../core/application/schema.ts';
import { toHalfWidth, type IdType } from '../../core/application/validators.ts';

/** Bump when the privacy notice text changes (it is recorded with each application). */
export const PRIVACY_NOTICE_VERSION = '2026-1';

export interface Draft {
  /** Made when the draft starts, so a double tap on 提交 files one application, not two. */
  clientId: string;
  receiptCode: string;
  staffAssisted: boolean;
  type: '' | 'citizen' | 'organization';
  // 公民
  personName: string;
  idType: '' | IdType;
  idNumber: string;
  workUnit: string;
  // 法人或其他组织
  orgKind: '' | OrganizationKind;
  orgName: string;
  uscc: string;
  usccConfirmed: boolean;
  legalRepresentative: string;
  contactPerson: string;
  // Both
  phone: string;
  email: string;
  address: string;
  postCode: string;
  // The information sought
  title: string;
  documentNumber: string;
  description: string;
  agencyId: string;
  agencyName: string;
  media: Medium[];
  deliveries: Delivery[];
  consentToPublish: boolean | null;
  privacyConsent: boolean;
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function emptyDraft(staffAssisted = false): Draft {
  return {
    clientId: newId(),
    receiptCode: generateReceiptCode(),
    staffAssisted,
    type: '',
    personName: '',
    idType: '',
    idNumber: '',
    workUnit: '',
    orgKind: '',
    orgName: '',
    uscc: '',
    usccConfirmed: false,
    legalRepresentative: '',
    contactPerson: '',
    phone: '',
    email: '',
    address: '',
    postCode: '',
    title: '',
    documentNumber: '',
    description: '',
    agencyId: '',
    agencyName: '',
    media: [],
    deliveries: [],
    consentToPublish: null,
    privacyConsent: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The one draft of this visit

let draft: Draft = emptyDraft();
/** True once the visitor started the form (triage chose it). */
let started = false;
const listeners = new Set<() => void>();

export function getDraft(): Draft {
  return draft;
}

export function isDraftStarted(): boolean {
  return started;
}

export function updateDraft(patch: Partial<Draft>): void {
  draft = { ...draft, ...patch };
  for (const l of listeners) l();
}

/** What a catalogue item hands the form (an 依申请公开 item's 申请公开此信息): its name and, when known, the agency. */
export type DraftPrefill = Partial<Pick<Draft, 'title' | 'agencyId' | 'agencyName'>>;

export function startDraft(staffAssisted: boolean, prefill: DraftPrefill = {}): void {
  draft = { ...emptyDraft(staffAssisted), ...prefill };
  started = true;
  for (const l of listeners) l();
}

export function subscribeDraft(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** What the receipt screen shows of the application just filed (masked when shown); memory only. */
export interface Filed {
  clientId: string;
  application: Application;
}
let lastFiled: Filed | null = null;

export function getLastFiled(): Filed | null {
  return lastFiled;
}

/** After a submit: the form is emptied, the receipt keeps what it prints. */
export function finishDraft(filed: Filed): void {
  lastFiled = filed;
  draft = emptyDraft();
  started = false;
  for (const l of listeners) l();
}

/** Forgets the visitor's input and receipt (idle reset, 完成 on the receipt). */
export function resetApplyDraft(): void {
  draft = emptyDraft();
  started = false;
  lastFiled = null;
  for (const l of listeners) l();
}

// ---------------------------------------------------------------------------------------------
// Draft → application

/** The application as the core schema reads it. createdAt is given at submit; a placeholder for step checks. */
export function toApplicationInput(d: Draft, createdAt = new Date().toISOString()): ApplicationInput {
  const applicant =
    d.type === 'citizen'
      ? {
          type: 'citizen' as const,
          name: d.personName,
          idType: d.idType as IdType,
          idNumber: d.idNumber,
          workUnit: d.workUnit,
        }
      : d.type === 'organization'
        ? {
            type: 'organization' as const,
            // '' until chosen: the schema refuses it (a missing field would count as 其他).
            kind: d.orgKind as OrganizationKind,
            name: d.orgName,
            uscc: d.uscc,
            usccConfirmed: d.usccConfirmed,
            legalRepresentative: d.legalRepresentative,
            contactPerson: d.contactPerson,
          }
        : ({} as ApplicationInput['applicant']);
  return {
    schemaVersion: APPLICATION_SCHEMA_VERSION,
    clientId: d.clientId,
    receiptCode: d.receiptCode,
    createdAt,
    staffAssisted: d.staffAssisted,
    applicant,
    contact: { phone: d.phone, email: d.email, address: d.address, postCode: d.postCode },
    request: {
      title: d.title,
      documentNumber: d.documentNumber,
      description: d.description,
      agencyId: d.agencyId,
      agencyName: d.agencyName,
    },
    media: d.media,
    deliveries: d.deliveries,
    // null → left out so the schema says "please choose".
    consentToPublish: (d.consentToPublish ?? undefined) as boolean,
    privacyConsent: d.privacyConsent as true,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  };
}

// ---------------------------------------------------------------------------------------------
// Steps

export type StepId = 'type' | 'applicant' | 'contact' | 'request' | 'agency' | 'delivery' | 'privacy';

export const STEPS: readonly StepId[] = [
  'type',
  'applicant',
  'contact',
  'request',
  'agency',
  'delivery',
  'privacy',
];

/** The schema paths each step asks for (FIELD_ORDER of the core schema). */
export const STEP_FIELDS: Record<StepId, readonly string[]> = {
  type: ['applicant.type', 'applicant.kind'],
  applicant: [
    'applicant.name',
    'applicant.idType',
    'applicant.idNumber',
    'applicant.workUnit',
    'applicant.uscc',
    'applicant.legalRepresentative',
    'applicant.contactPerson',
  ],
  contact: ['contact.phone', 'contact.email', 'contact.address', 'contact.postCode'],
  request: ['request.title', 'request.documentNumber', 'request.description'],
  agency: ['request.agencyId'],
  delivery: ['media', 'deliveries', 'consentToPublish'],
  privacy: ['privacyConsent'],
};

/** The schema reports a missing applicant type on `applicant`; the form asks for it as applicant.type. */
function fieldOf(issue: ApplicationIssue): string {
  if (issue.path === 'applicant' || issue.path === '') return 'applicant.type';
  const known = Object.values(STEP_FIELDS).flat();
  return (
    known.find((f) => issue.path === f || issue.path.startsWith(f + '.') || issue.path.startsWith(f + '[')) ??
    issue.path
  );
}

export interface FieldIssue extends Omit<ApplicationIssue, 'msg'> {
  /** The form field it belongs to (a key of STEP_FIELDS' lists). */
  field: string;
  /** The validator message by key (absent when `message` is already an interface string in the kiosk's language). */
  msg?: ApplicationIssue['msg'] | undefined;
}

/** Every problem with the draft, in form order. */
export function draftIssues(d: Draft): FieldIssue[] {
  const r = validateApplication(toApplicationInput(d));
  if (r.ok) return [];
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of r.issues) {
    const field = fieldOf(issue);
    // One message per field: the first is the one to fix first.
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ ...issue, field });
  }
  return out;
}

/** The problems of one step. */
export function stepIssues(d: Draft, step: StepId): FieldIssue[] {
  const fields = STEP_FIELDS[step];
  return draftIssues(d).filter((i) => fields.includes(i.field));
}

/** The step that asks for a field. */
export function stepOfField(field: string): StepId {
  for (const s of STEPS) if (STEP_FIELDS[s].includes(field)) return s;
  return 'type';
}

/**
 * Codes (the USCC) as they are typed, pasted or come from a physical keyboard: full-width letters and digits from an
 * IME become half-width, letters upper-case. Spaces stay (the visitor may group the characters); the validator
 * removes them.
 */
export function upperCode(value: string): string {
  return toHalfWidth(value).toUpperCase();
}

/** DOM id of a field's input. */
export function fieldDomId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
