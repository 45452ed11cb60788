// The one schema of a 政府信息公开申请 (Art. 29), shared by the kiosk (form, outbox) and the zone server (intake).
// Parsing normalises values (upper-case X, compact phone numbers…) and keeps names exactly as typed.
import { z } from 'zod';
import { formatIssuePath } from '../bundle/schema.ts';
import {
  formatMessage,
  messageKeyOfChinese,
  type LabelKey,
  type MessageKey,
  type MessageRef,
} from './messages.ts';
import { isValidReceiptCode } from './receipt.ts';
import {
  ID_TYPES,
  type FieldCheck,
  validateEmail,
  validateIdNumber,
  validateOrganizationName,
  validatePersonName,
  validatePhone,
  validatePostCode,
  validateText,
  validateUscc,
} from './validators.ts';

export const APPLICATION_SCHEMA_VERSION = 1;

export const APPLICANT_TYPES = ['citizen', 'organization'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  citizen: '公民',
  organization: '法人或其他组织',
};

/**
 * The kinds of organisation the annual report counts in its own columns (2021 format, 法人或其他组织). The value is
 * the report's column name.
 */
export const ORGANIZATION_KINDS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** 获取信息的方式 (the form of the information). */
export const MEDIA = ['paper', 'email', 'cd', 'disk'] as const;
export type Medium = (typeof MEDIA)[number];
export const MEDIUM_LABELS: Record<Medium, string> = {
  paper: '纸质',
  email: '电子邮件',
  cd: '光盘',
  disk: '磁盘',
};

/** 提供方式 (how it reaches the applicant). */
export const DELIVERIES = ['post', 'email', 'collect', 'on-site'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = {
  post: '邮寄',
  email: '电子邮件',
  collect: '自行领取',
  'on-site': '当场阅读、抄录',
};

/** Limits in characters (code points). */
export const LIMITS = {
  address: 200,
  workUnit: 100,
  title: 200,
  documentNumber: 100,
  description: 2000,
  agencyId: 100,
  agencyName: 200,
} as const;

/** The Chinese text of a message without params: what zod reports for the schema's own checks. */
const zh = (key: MessageKey): string => formatMessage({ key }, 'zh');

/** Wraps a FieldCheck validator as a zod string field whose output is the normalised value. */
function field(check: (raw: string) => FieldCheck) {
  return z.string().transform((raw, ctx) => {
    const r = check(raw);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message, params: { reason: r.code, msg: r.msg } });
      return z.NEVER;
    }
    return r.value;
  });
}

const optionalText = (label: LabelKey, max: number) =>
  z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const r = validateText(raw, label, max, { required: false });
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message, params: { reason: r.code, msg: r.msg } });
        return z.NEVER;
      }
      return r.value;
    });

const uuidV4 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, zh('clientId.format'));

const CitizenSchema = z.strictObject({
  type: z.literal('citizen'),
  name: field((s) => validatePersonName(s, 'name')),
  idType: z.enum(ID_TYPES, { error: zh('idType.choose') }),
  /** Validated against idType in the object-level check below. */
  idNumber: z.string().max(40),
  workUnit: optionalText('workUnit', LIMITS.workUnit),
});

const OrganizationSchema = z.strictObject({
  type: z.literal('organization'),
  /**
   * Which of the report's columns the organisation belongs to. Applications sealed before the form asked have no
   * field and count as 其他; a form that asks sends '' until one is chosen, which is refused.
   */
  kind: z.enum(ORGANIZATION_KINDS, { error: zh('orgKind.choose') }).default('其他'),
  name: field((s) => validateOrganizationName(s, 'orgName')),
  /** 统一社会信用代码; a failed check character must be confirmed with usccConfirmed. */
  uscc: z.string().max(40),
  /** The visitor confirmed a code that fails the check character ("请再核对"). */
  usccConfirmed: z.boolean().default(false),
  legalRepresentative: field((s) => validatePersonName(s, 'legalRepresentative')),
  contactPerson: field((s) => validatePersonName(s, 'contactPerson')),
});

export const ApplicantSchema = z.discriminatedUnion('type', [CitizenSchema, OrganizationSchema], {
  error: zh('applicant.type'),
});

export const ContactSchema = z.strictObject({
  phone: field(validatePhone),
  /** Optional unless the information is to be sent by e-mail. */
  email: z.string().max(300).default(''),
  address: field((s) => validateText(s, 'address', LIMITS.address, { min: 4 })),
  postCode: field(validatePostCode),
});

export const InformationSoughtSchema = z.strictObject({
  /** 名称 of the document or information. */
  title: optionalText('title', LIMITS.title),
  /** 文号, e.g. 某政发〔2024〕3号. */
  documentNumber: optionalText('documentNumber', LIMITS.documentNumber),
  /** 特征性描述: enough for the office to find it. */
  description: optionalText('description', LIMITS.description),
  /** The agency asked (a department id of the bundle). */
  agencyId: z.string().trim().min(1, zh('agency.choose')).max(LIMITS.agencyId),
  /** The agency's name as shown when filing (the bundle may change later). */
  agencyName: optionalText('agencyName', LIMITS.agencyName),
});

const uniqueList = <T extends string>(values: readonly [T, ...T[]], emptyMessage: string) =>
  z
    .array(z.enum(values))
    .min(1, emptyMessage)
    .refine((a) => new Set(a).size === a.length, zh('choice.duplicate'));

export const ApplicationSchema = z
  .strictObject({
    schemaVersion: z.literal(APPLICATION_SCHEMA_VERSION),
    /** UUID v4 made on the kiosk: the idempotency key. */
    clientId: uuidV4,
    /** The short code printed on the receipt. */
    receiptCode: z.string().refine(isValidReceiptCode, zh('receiptCode.format')),
    /** When it was filed at the kiosk (ISO 8601 with offset). */
    createdAt: z.iso.datetime({ offset: true }),
    /** Filled in by staff for the visitor (Art. 29 oral application, Art. 43 assistance). */
    staffAssisted: z.boolean(),
    applicant: ApplicantSchema,
    contact: ContactSchema,
    request: InformationSoughtSchema,
    /** 获取信息的方式 (形式). */
    media: uniqueList(MEDIA, zh('media.empty')),
    /** 提供方式 (途径). */
    deliveries: uniqueList(DELIVERIES, zh('deliveries.empty')),
    /** 同意公开申请: the applicant agrees that the request (without personal data) may be made public. */
    consentToPublish: z.boolean({ error: zh('consent.choose') }),
    /** Consent to the privacy notice (PIPL): required. */
    privacyConsent: z.literal(true, { error: zh('privacy.required') }),
    /** Which privacy notice text was shown. */
    privacyNoticeVersion: z.string().max(50).default(''),
  })
  // Cross-field checks run even when other fields have failed (`when`), so the error summary lists every problem at
  // once; they therefore read the value defensively.
  .superRefine((app, ctx) => crossFieldChecks(app as unknown as Loose, ctx), {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

type Loose = { [k: string]: unknown };
const obj = (v: unknown): Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function crossFieldChecks(app: Loose, ctx: z.RefinementCtx): void {
  const a = obj(app.applicant);
  if (
    a.type === 'citizen' &&
    typeof a.idNumber === 'string' &&
    (ID_TYPES as readonly unknown[]).includes(a.idType)
  ) {
    const r = validateIdNumber(a.idType as (typeof ID_TYPES)[number], a.idNumber);
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'idNumber'],
        message: r.message,
        params: { reason: r.code, msg: r.msg },
      });
    else a.idNumber = r.value;
  } else if (a.type === 'organization' && typeof a.uscc === 'string') {
    const r = validateUscc(a.uscc);
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'uscc'],
        message: r.message,
        params: { reason: r.code, msg: r.msg },
      });
    else {
      a.uscc = r.value;
      if (r.warning && a.usccConfirmed !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['applicant', 'uscc'],
          message: r.warning.message,
          params: {
            reason: r.warning.code,
            msg: r.warning.msg,
            confirmable: true,
            confirmPath: 'applicant.usccConfirmed',
          },
        });
      }
    }
  }
  const r = obj(app.request);
  const title = str(r.title).trim();
  const documentNumber = str(r.documentNumber).trim();
  const description = str(r.description).trim();
  if (!title && !documentNumber && !description) {
    ctx.addIssue({
      code: 'custom',
      path: ['request', 'description'],
      message: zh('request.informationRequired'),
      params: { reason: 'information_required', msg: { key: 'request.informationRequired' } },
    });
  } else if (!title && !documentNumber && [...description].length < 10) {
    ctx.addIssue({
      code: 'custom',
      path: ['request', 'description'],
      message: zh('request.descriptionTooShort'),
      params: { reason: 'description_too_short', msg: { key: 'request.descriptionTooShort' } },
    });
  }
  const media = Array.isArray(app.media) ? app.media : [];
  const deliveries = Array.isArray(app.deliveries) ? app.deliveries : [];
  const contact = obj(app.contact);
  const email = str(contact.email);
  if (email.trim() !== '' || media.includes('email') || deliveries.includes('email')) {
    const e = validateEmail(email);
    if (!e.ok) {
      const msg: MessageRef = email.trim() === '' ? { key: 'email.requiredForDelivery' } : e.msg;
      ctx.addIssue({
        code: 'custom',
        path: ['contact', 'email'],
        message: formatMessage(msg, 'zh'),
        params: { reason: e.code, msg },
      });
    } else contact.email = e.value;
  }
}

/** Field order of the form, for the error summary. */
export const FIELD_ORDER = [
  'applicant.type',
  'applicant.kind',
  'applicant.name',
  'applicant.idType',
  'applicant.idNumber',
  'applicant.workUnit',
  'applicant.uscc',
  'applicant.legalRepresentative',
  'applicant.contactPerson',
  'contact.phone',
  'contact.email',
  'contact.address',
  'contact.postCode',
  'request.title',
  'request.documentNumber',
  'request.description',
  'request.agencyId',
  'media',
  'deliveries',
  'consentToPublish',
  'privacyConsent',
] as const;

function fieldRank(path: string): number {
  const i = FIELD_ORDER.findIndex((f) => path === f || path.startsWith(f + '.') || path.startsWith(f + '['));
  if (i >= 0) return i;
  const j = FIELD_ORDER.findIndex((f) => f.startsWith(path.split('.')[0]! + '.'));
  return j >= 0 ? j : -1;
}

/** The application as the kiosk builds it (before normalisation). */
export type ApplicationInput = z.input<typeof ApplicationSchema>;
/** The application as validated and normalised: what is encrypted, sent and stored. */
export type Application = z.output<typeof ApplicationSchema>;
export type Applicant = Application['applicant'];

export interface ApplicationIssue {
  /** `applicant.idNumber`, for linking the error summary to the field. */
  path: string;
  /** Machine-readable reason (`check_digit`, `required`…). */
  code: string;
  /** Plain Chinese (what the server answers). */
  message: string;
  /** The same message by key and params (messages.ts), for the kiosk's other language. */
  msg: MessageRef;
  /** A warning the visitor may confirm (USCC check character): `confirmPath` is the flag to set. */
  confirmable?: boolean;
  confirmPath?: string;
}

export type ApplicationResult = { ok: true; value: Application } | { ok: false; issues: ApplicationIssue[] };

/**
 * Validates and normalises an application; issues are in field order with plain-Chinese messages and their keys.
 * zod's own messages for the schema's checks are matched back to their keys; anything else (a wrong type from a
 * broken client) gets the generic `invalid` key, its Chinese text staying zod's.
 */
export function validateApplication(input: unknown): ApplicationResult {
  const r = ApplicationSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const issues = r.error.issues.map((i) => {
    const params = (i as { params?: Record<string, unknown> }).params ?? {};
    const issue: ApplicationIssue = {
      path: formatIssuePath(i.path),
      code: typeof params.reason === 'string' ? params.reason : i.code,
      message: i.message,
      msg: isMessageRef(params.msg) ? params.msg : { key: messageKeyOfChinese(i.message) ?? 'invalid' },
    };
    if (params.confirmable === true) {
      issue.confirmable = true;
      if (typeof params.confirmPath === 'string') issue.confirmPath = params.confirmPath;
    }
    return issue;
  });
  // Stable sort into form order; unknown paths (clientId, receiptCode…) first.
  return {
    ok: false,
    issues: issues
      .map((issue, n) => ({ issue, n }))
      .sort((x, y) => fieldRank(x.issue.path) - fieldRank(y.issue.path) || x.n - y.n)
      .map((x) => x.issue),
  };
}

function isMessageRef(v: unknown): v is MessageRef {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

/** A stable JSON text of a value (object keys sorted): used to compare two submissions of the same application. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  return (
    '{' +
    Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k]))
      .join(',') +
    '}'
  );
}

/** The identity document number (citizen) or the USCC (organisation). */
export function applicantIdNumber(a: Applicant): string {
  return a.type === 'citizen' ? a.idNumber : a.uscc;
}
