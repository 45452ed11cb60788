// Field validators for disclosure applications, shared by the kiosk, the server and the CLI.
// Each returns either the normalised value (what is stored) or a plain-Chinese message that says what to fix, with
// the message's key and params (messages.ts) so the kiosk can show the same message in English.
// Isomorphic: no DOM, no Node APIs.
import {
  formatMessage,
  type LabelKey,
  type MessageKey,
  type MessageParams,
  type MessageRef,
} from './messages.ts';

export interface FieldWarning {
  /** Machine-readable, e.g. `uscc_check`. */
  code: string;
  /** Plain Chinese, shown next to the field; the visitor may confirm and continue. */
  message: string;
  /** The same message by key, for other languages. */
  msg: MessageRef;
}

export type FieldCheck =
  | { ok: true; value: string; warning?: FieldWarning }
  | { ok: false; code: string; message: string; msg: MessageRef };

const ok = (value: string, warning?: FieldWarning): FieldCheck =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const ref = (key: MessageKey, params?: MessageParams): MessageRef => (params ? { key, params } : { key });
const fail = (code: string, key: MessageKey, params?: MessageParams): FieldCheck => {
  const msg = ref(key, params);
  return { ok: false, code, message: formatMessage(msg, 'zh'), msg };
};

/**
 * Full-width ASCII (Ｘ, １, ＠, －) typed with a Chinese IME becomes half-width, and the ideographic space a space.
 * Used for codes, numbers and e-mail addresses; never for names.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Removes spaces (any kind) and the hyphens people type to group digits. */
function compact(s: string): string {
  return toHalfWidth(s).replace(/[\s\-‐‑–—]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Today's date in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function chinaDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------
// GB 11643-1999: citizen identity number (and the same layout for residence permits and the 2017+
// foreigner permanent residence ID card).

/** Province-level codes (GB/T 2260) that appear as the first two digits of a resident ID number. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
};
/** First six digits of 港澳台居民居住证 numbers. */
export const RESIDENCE_PERMIT_PREFIXES: Readonly<Record<string, string>> = {
  '810000': '香港',
  '820000': '澳门',
  '830000': '台湾',
};

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** The GB 11643 (ISO 7064 MOD 11-2) check character for the first 17 digits. */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('gb11643CheckChar: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

interface Id18Options {
  /** The date the birth date must not be after (YYYY-MM-DD); default today in China. */
  today?: string;
}

/** Shared part of the 18-character checks: characters, birth date, check digit. `doc` names the document. */
function check18(raw: string, doc: LabelKey, opts: Id18Options): FieldCheck | { digits: string } {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', 'id.required', { doc });
  if (v.length !== 18) return fail('length', 'id.length', { doc, n: v.length });
  if (!/^\d{17}[\dX]$/.test(v)) return fail('charset', 'id.charset', { doc });
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  if (y < 1890 || !isRealDate(y, m, d)) {
    return fail('birth_date', 'id.birthDate', { doc, date: v.slice(6, 14) });
  }
  const birth = v.slice(6, 10) + '-' + v.slice(10, 12) + '-' + v.slice(12, 14);
  if (birth > (opts.today ?? chinaDate())) {
    return fail('birth_date', 'id.birthFuture', { doc, date: birth });
  }
  if (gb11643CheckChar(v.slice(0, 17)) !== v[17]) {
    return fail('check_digit', 'id.checkDigit', { doc });
  }
  return { digits: v };
}

/** 居民身份证 (GB 11643). Returns the number with an upper-case X. */
export function validateResidentId(raw: string, opts: Id18Options = {}): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 18 && /^8[123]0000/.test(v)) {
    return fail('is_residence_permit', 'id.isResidencePermit');
  }
  if (v.length >= 2 && /^\d\d/.test(v) && !PROVINCE_CODES[v.slice(0, 2)]) {
    return fail('region', 'id.province', { code: v.slice(0, 2) });
  }
  const r = check18(raw, 'residentId', opts);
  return 'digits' in r ? ok(r.digits) : r;
}

/** 港澳台居民居住证: 810000/820000/830000, then the resident ID layout. */
export function validateResidencePermit(raw: string, opts: Id18Options = {}): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length >= 6 && /^\d{6}/.test(v) && !RESIDENCE_PERMIT_PREFIXES[v.slice(0, 6)]) {
    return fail('region', 'residencePermit.prefix');
  }
  const r = check18(raw, 'residencePermit', opts);
  return 'digits' in r ? ok(r.digits) : r;
}

/**
 * 外国人永久居留身份证: the 2017 and 2023 cards have 18 digits starting with 9 (province of issue, nationality code,
 * birth date, sequence, GB 11643 check digit); the 2004 card has 3 letters (nationality) and 12 digits.
 */
export function validateForeignPermanentResidence(raw: string, opts: Id18Options = {}): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', 'id.required', { doc: 'foreignPermanentResidence' });
  if (/^[A-Z]{3}\d{12}$/.test(v)) {
    const y = 1900 + Number(v.slice(7, 9));
    const yy = y < 1925 ? y + 100 : y;
    if (!isRealDate(yy, Number(v.slice(9, 11)), Number(v.slice(11, 13)))) {
      return fail('birth_date', 'permanentResidence.birthDate');
    }
    return ok(v);
  }
  if (v.length === 18 && /^9/.test(v)) {
    if (!PROVINCE_CODES[v.slice(1, 3)]) {
      return fail('region', 'permanentResidence.province');
    }
    // Birth date is at positions 7-14 as in the resident ID, so the shared check applies.
    const r = check18(raw, 'foreignPermanentResidence', opts);
    return 'digits' in r ? ok(r.digits) : r;
  }
  return fail('format', 'permanentResidence.format');
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) and 8 digits (older cards: 10 digits). */
export function validateHkMacauPermit(raw: string): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', 'permit.required');
  if (!/^[HM]/.test(v)) return fail('format', 'hkMacauPermit.prefix');
  if (!/^[HM](\d{8}|\d{10})$/.test(v)) {
    return fail('format', 'hkMacauPermit.format');
  }
  return ok(v);
}

/** 台湾居民来往大陆通行证: 8 digits (older booklets: 10 digits, sometimes followed by a letter in brackets). */
export function validateTaiwanPermit(raw: string): FieldCheck {
  const v = compact(raw)
    .toUpperCase()
    .replace(/[（(]([A-Z])[)）]$/, '$1');
  if (v.length === 0) return fail('required', 'permit.required');
  if (!/^(\d{8}|\d{10}[A-Z]?)$/.test(v)) {
    return fail('format', 'taiwanPermit.format');
  }
  return ok(v);
}

/**
 * 护照: Chinese (E12345678, EA1234567, G12345678) and foreign passports alike: 5-17 letters and digits with at
 * least one digit. The type does not say which country issued it, so no country-specific layout is enforced.
 */
export function validatePassport(raw: string): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', 'passport.required');
  if (!/^[A-Z0-9]+$/.test(v)) return fail('charset', 'passport.charset');
  if (v.length < 5 || v.length > 17) return fail('length', 'passport.length', { n: v.length });
  if (!/\d/.test(v)) return fail('format', 'passport.noDigit');
  return ok(v);
}

export const ID_TYPES = [
  'resident-id',
  'hk-macau-permit',
  'taiwan-permit',
  'residence-permit',
  'passport',
  'foreign-permanent-residence',
] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  'resident-id': '居民身份证',
  'hk-macau-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'residence-permit': '港澳台居民居住证',
  passport: '护照',
  'foreign-permanent-residence': '外国人永久居留身份证',
};

/** Validates an identity document number of the given type. */
export function validateIdNumber(type: IdType, raw: string, opts: Id18Options = {}): FieldCheck {
  switch (type) {
    case 'resident-id':
      return validateResidentId(raw, opts);
    case 'residence-permit':
      return validateResidencePermit(raw, opts);
    case 'foreign-permanent-residence':
      return validateForeignPermanentResidence(raw, opts);
    case 'hk-macau-permit':
      return validateHkMacauPermit(raw);
    case 'taiwan-permit':
      return validateTaiwanPermit(raw);
    case 'passport':
      return validatePassport(raw);
  }
}

// ---------------------------------------------------------------------------------------------
// GB 32100-2015: Unified Social Credit Code.

/** The 31 characters of GB 32100, in value order (no I O Z S V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('usccCheckChar: expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`usccCheckChar: ${first17[i]} is not in the GB 32100 charset`);
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * 统一社会信用代码. Length, charset and the 6-digit division code are hard errors; a failed check character is a
 * warning the visitor may confirm ("请再核对"), because some early codes in use fail it.
 */
export function validateUscc(raw: string): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', 'uscc.required');
  if (v.length !== 18) return fail('length', 'uscc.length', { n: v.length });
  const bad = [...v].filter((ch) => !USCC_CHARSET.includes(ch));
  if (bad.length > 0) {
    const confusable = bad.some((ch) => 'IOZSV'.includes(ch));
    return fail('charset', confusable ? 'uscc.charsetConfusable' : 'uscc.charset', {
      chars: [...new Set(bad)].join(''),
    });
  }
  if (!/^\d{6}$/.test(v.slice(2, 8))) {
    return fail('region', 'uscc.region');
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) {
    const msg = ref('uscc.checkChar');
    return ok(v, { code: 'uscc_check', message: formatMessage(msg, 'zh'), msg });
  }
  return ok(v);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers, post codes, e-mail.

/** Mainland mobile: 11 digits, 1[3-9]…; +86 / 0086 prefixes are removed. */
export function validateMobile(raw: string): FieldCheck {
  let v = compact(raw).replace(/[()（）]/g, '');
  if (v.length === 0) return fail('required', 'mobile.required');
  v = v.replace(/^(\+86|0086)/, '');
  if (!/^\d+$/.test(v)) return fail('charset', 'mobile.charset');
  if (v.length !== 11) return fail('length', 'mobile.length', { n: v.length });
  if (!/^1[3-9]\d{9}$/.test(v)) return fail('format', 'mobile.prefix');
  return ok(v);
}

const THREE_DIGIT_AREA = /^(010|02\d)/;

/**
 * Landline: 区号-号码[-分机], e.g. 010-12345678, 0591-87654321-802, (0591)87654321.
 * Normalised to `区号-号码` or `区号-号码-分机`.
 */
export function validateLandline(raw: string): FieldCheck {
  const t = toHalfWidth(raw).trim();
  if (t.length === 0) return fail('required', 'landline.required');
  let area: string;
  let local: string;
  const [main = '', extPart = '', ...more] = t.replace(/\s*(转|分机|ext\.?|x|#)\s*/gi, '#').split('#');
  if (more.length > 0) return fail('format', 'landline.layout');
  let ext = extPart.trim();
  // Spaces group digits; hyphens and brackets separate the area code (and, as a third part, an extension).
  const parts = main
    .replace(/^[(（]\s*(0\d{2,3})\s*[)）]\s*/, '$1-')
    .replace(/\s+/g, '')
    .split(/[-‐‑–—]+/)
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p)) || (ext && !/^\d+$/.test(ext))) {
    return fail('charset', 'landline.charset');
  }
  if (parts.length > 3 || (parts.length === 3 && ext)) {
    return fail('format', 'landline.layout');
  }
  if (parts.length === 3) {
    // 021-6123-4567 is a grouped number; 0591-87654321-802 has an extension.
    const [a = '', b = '', c = ''] = parts;
    if (b.length <= 4 && c.length === 4 && /^[2-9]/.test(b)) parts.splice(0, 3, a, b + c);
    else {
      parts.length = 2;
      ext = c;
    }
  }
  if (parts.length === 2) {
    [area = '', local = ''] = parts;
  } else {
    const digits = parts[0] ?? '';
    if (!digits.startsWith('0')) {
      return fail('area_code', 'landline.needAreaCode');
    }
    const n = THREE_DIGIT_AREA.test(digits) ? 3 : 4;
    area = digits.slice(0, n);
    local = digits.slice(n);
  }
  if (!/^0\d{2,3}$/.test(area)) return fail('area_code', 'landline.areaCode');
  if (THREE_DIGIT_AREA.test(area) !== (area.length === 3)) {
    return fail('area_code', 'landline.areaCodeLength', { area });
  }
  if (!/^[2-9]\d{6,7}$/.test(local)) return fail('format', 'landline.local');
  if (ext && !/^\d{1,6}$/.test(ext)) return fail('format', 'landline.extension');
  return ok(ext ? `${area}-${local}-${ext}` : `${area}-${local}`);
}

/** A contact phone: a mainland mobile, or a landline with its area code. */
export function validatePhone(raw: string): FieldCheck {
  const t = compact(raw).replace(/^(\+86|0086)/, '');
  if (t.length === 0) return fail('required', 'phone.required');
  if (/^1\d*$/.test(t)) return validateMobile(raw);
  if (/^[2-9]\d{6,7}$/.test(t)) return fail('area_code', 'phone.needAreaCode');
  const landline = validateLandline(raw);
  if (landline.ok) return landline;
  return /^0/.test(t) || /[-(（]/.test(raw) ? landline : fail('format', 'phone.format');
}

/** The last four digits of the main number (not of an extension): the second factor of the status look-up. */
export function phoneLast4(normalizedPhone: string): string {
  const main = /^0\d{2,3}-\d+/.test(normalizedPhone) ? normalizedPhone.split('-')[1]! : normalizedPhone;
  return main.replace(/\D/g, '').slice(-4);
}

/** 邮政编码: 6 digits. */
export function validatePostCode(raw: string): FieldCheck {
  const v = compact(raw);
  if (v.length === 0) return fail('required', 'postCode.required');
  if (!/^\d+$/.test(v)) return fail('charset', 'postCode.charset');
  if (v.length !== 6) return fail('length', 'postCode.length', { n: v.length });
  if (v === '000000') return fail('format', 'postCode.zeros');
  return ok(v);
}

/** E-mail address: a pragmatic check (one @, a dotted domain, no spaces); full-width characters are converted. */
export function validateEmail(raw: string): FieldCheck {
  const v = toHalfWidth(raw).trim().replace(/。/g, '.');
  if (v.length === 0) return fail('required', 'email.required');
  if (/\s/.test(v)) return fail('format', 'email.spaces');
  if (v.length > 254) return fail('length', 'email.tooLong');
  const at = v.split('@');
  if (at.length !== 2) return fail('format', 'email.oneAt');
  const [local = '', domain = ''] = at;
  if (local.length === 0 || local.length > 64) return fail('format', 'email.local');
  if (!/^[^@.]+(\.[^@.]+)*$/.test(local)) return fail('format', 'email.localDots');
  if (!/^([\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u.test(domain)) {
    return fail('domain', 'email.domain', { domain });
  }
  return ok(local + '@' + domain.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Names: kept exactly (no normalisation), only the surrounding blanks are removed.

/** Counts code points, so a character outside the BMP (𠮷) counts once. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const BLANKS = /^[\s\u3000]+|[\s\u3000]+$/g;
/** Middle dots used in transliterated names: · (U+00B7), ‧ (U+2027), ・ (U+30FB), • (U+2022), ･ (U+FF65). */
const PERSON_NAME = /^[\p{L}\p{M}\u00B7\u2027\u30FB\u2022\uFF65 '’.-]+$/u;

/** A person's name: Chinese, minority names with ·, foreign names with spaces, hyphens and apostrophes. */
export function validatePersonName(raw: string, label: LabelKey = 'name'): FieldCheck {
  const v = raw.replace(BLANKS, '');
  if (v.length === 0) return fail('required', 'text.required', { label });
  if (!PERSON_NAME.test(v) || !/\p{L}/u.test(v)) {
    return fail('charset', 'personName.charset', { label });
  }
  const n = codePointLength(v);
  if (n > 50) return fail('length', 'name.length', { label, max: 50, n });
  return ok(v);
}

const ORG_NAME = /^[\p{L}\p{M}\p{N}\u00B7\u2027\u30FB ()（）【】[\]'’.,，、&—_/“”"《》-]+$/u;

/** An organisation's registered name (名称), kept exactly. */
export function validateOrganizationName(raw: string, label: LabelKey = 'orgName'): FieldCheck {
  const v = raw.replace(BLANKS, '');
  if (v.length === 0) return fail('required', 'text.required', { label });
  if (!ORG_NAME.test(v) || !/\p{L}/u.test(v)) {
    return fail('charset', 'orgName.charset', { label });
  }
  const n = codePointLength(v);
  if (n > 100) return fail('length', 'name.length', { label, max: 100, n });
  return ok(v);
}

/** Free text (address, description…): trimmed, control characters refused, a maximum length in characters. */
export function validateText(
  raw: string,
  label: LabelKey,
  max: number,
  opts: { required?: boolean; min?: number } = {},
): FieldCheck {
  const v = raw.replace(BLANKS, '');
  if (v.length === 0) return opts.required === false ? ok('') : fail('required', 'text.required', { label });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v))
    return fail('charset', 'text.charset', { label });
  const n = codePointLength(v);
  if (opts.min && n < opts.min) return fail('too_short', 'text.tooShort', { label, min: opts.min });
  if (n > max) return fail('length', 'text.length', { label, max, n });
  return ok(v);
}
