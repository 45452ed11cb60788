// Field validators for disclosure applications, shared by the kiosk, the server and the CLI.
// Each returns either the normalised value (what is stored) or a plain-Chinese message that says what to fix.
// Isomorphic: no DOM, no Node APIs.

export interface FieldWarning {
  /** Machine-readable, e.g. `uscc_check`. */
  code: string;
  /** Plain Chinese, shown next to the field; the visitor may confirm and continue. */
  message: string;
}

export type FieldCheck =
  { ok: true; value: string; warning?: FieldWarning } | { ok: false; code: string; message: string };

const ok = (value: string, warning?: FieldWarning): FieldCheck =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const fail = (code: string, message: string): FieldCheck => ({ ok: false, code, message });

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

/** Shared part of the 18-character checks: characters, birth date, check digit. `label` names the document. */
function check18(raw: string, label: string, opts: Id18Options): FieldCheck | { digits: string } {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', `请填写${label}号码。`);
  if (v.length !== 18) return fail('length', `${label}号码应为18位，现在是${v.length}位，请核对。`);
  if (!/^\d{17}[\dX]$/.test(v))
    return fail('charset', `${label}号码的前17位应全是数字，最后一位是数字或字母X。`);
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  if (y < 1890 || !isRealDate(y, m, d)) {
    return fail(
      'birth_date',
      `${label}号码第7到14位应是出生日期（年月日），“${v.slice(6, 14)}”不是有效日期，请核对。`,
    );
  }
  const birth = v.slice(6, 10) + '-' + v.slice(10, 12) + '-' + v.slice(12, 14);
  if (birth > (opts.today ?? chinaDate())) {
    return fail('birth_date', `${label}号码中的出生日期（${birth}）晚于今天，请核对。`);
  }
  if (gb11643CheckChar(v.slice(0, 17)) !== v[17]) {
    return fail('check_digit', `${label}号码有一位不对（最后一位校验码对不上），请逐位核对证件上的号码。`);
  }
  return { digits: v };
}

/** 居民身份证 (GB 11643). Returns the number with an upper-case X. */
export function validateResidentId(raw: string, opts: Id18Options = {}): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 18 && /^8[123]0000/.test(v)) {
    return fail('is_residence_permit', '这是港澳台居民居住证号码，请把证件类型选为“港澳台居民居住证”。');
  }
  if (v.length >= 2 && /^\d\d/.test(v) && !PROVINCE_CODES[v.slice(0, 2)]) {
    return fail('region', `身份证号码前两位是省份代码，“${v.slice(0, 2)}”不是有效的省份代码，请核对。`);
  }
  const r = check18(raw, '身份证', opts);
  return 'digits' in r ? ok(r.digits) : r;
}

/** 港澳台居民居住证: 810000/820000/830000, then the resident ID layout. */
export function validateResidencePermit(raw: string, opts: Id18Options = {}): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length >= 6 && /^\d{6}/.test(v) && !RESIDENCE_PERMIT_PREFIXES[v.slice(0, 6)]) {
    return fail(
      'region',
      '港澳台居民居住证号码以810000（香港）、820000（澳门）或830000（台湾）开头，请核对。',
    );
  }
  const r = check18(raw, '居住证', opts);
  return 'digits' in r ? ok(r.digits) : r;
}

/**
 * 外国人永久居留身份证: the 2017 and 2023 cards have 18 digits starting with 9 (province of issue, nationality code,
 * birth date, sequence, GB 11643 check digit); the 2004 card has 3 letters (nationality) and 12 digits.
 */
export function validateForeignPermanentResidence(raw: string, opts: Id18Options = {}): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', '请填写永久居留身份证号码。');
  if (/^[A-Z]{3}\d{12}$/.test(v)) {
    const y = 1900 + Number(v.slice(7, 9));
    const yy = y < 1925 ? y + 100 : y;
    if (!isRealDate(yy, Number(v.slice(9, 11)), Number(v.slice(11, 13)))) {
      return fail('birth_date', '永久居留身份证号码中的出生日期不是有效日期，请核对。');
    }
    return ok(v);
  }
  if (v.length === 18 && /^9/.test(v)) {
    if (!PROVINCE_CODES[v.slice(1, 3)]) {
      return fail('region', '永久居留身份证号码第2、3位是受理地省份代码，请核对。');
    }
    // Birth date is at positions 7-14 as in the resident ID, so the shared check applies.
    const r = check18(raw, '永久居留身份证', opts);
    return 'digits' in r ? ok(r.digits) : r;
  }
  return fail('format', '永久居留身份证号码应为以9开头的18位数字，或旧版的3个字母加12位数字，请核对。');
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) and 8 digits (older cards: 10 digits). */
export function validateHkMacauPermit(raw: string): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', '请填写通行证号码。');
  if (!/^[HM]/.test(v))
    return fail('format', '港澳居民来往内地通行证号码以字母H（香港）或M（澳门）开头，请核对。');
  if (!/^[HM](\d{8}|\d{10})$/.test(v)) {
    return fail('format', '港澳居民来往内地通行证号码是字母H或M加8位数字（旧证为10位数字），请核对。');
  }
  return ok(v);
}

/** 台湾居民来往大陆通行证: 8 digits (older booklets: 10 digits, sometimes followed by a letter in brackets). */
export function validateTaiwanPermit(raw: string): FieldCheck {
  const v = compact(raw)
    .toUpperCase()
    .replace(/[（(]([A-Z])[)）]$/, '$1');
  if (v.length === 0) return fail('required', '请填写通行证号码。');
  if (!/^(\d{8}|\d{10}[A-Z]?)$/.test(v)) {
    return fail('format', '台湾居民来往大陆通行证号码是8位数字（旧证为10位数字），请核对。');
  }
  return ok(v);
}

/**
 * 护照: Chinese (E12345678, EA1234567, G12345678) and foreign passports alike: 5-17 letters and digits with at
 * least one digit. The type does not say which country issued it, so no country-specific layout is enforced.
 */
export function validatePassport(raw: string): FieldCheck {
  const v = compact(raw).toUpperCase();
  if (v.length === 0) return fail('required', '请填写护照号码。');
  if (!/^[A-Z0-9]+$/.test(v)) return fail('charset', '护照号码只含英文字母和数字，请核对。');
  if (v.length < 5 || v.length > 17)
    return fail('length', `护照号码一般为5到17位，现在是${v.length}位，请核对。`);
  if (!/\d/.test(v)) return fail('format', '护照号码中应含有数字，请核对。');
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
  if (v.length === 0) return fail('required', '请填写统一社会信用代码。');
  if (v.length !== 18)
    return fail('length', `统一社会信用代码应为18位，现在是${v.length}位，请对照营业执照或登记证书核对。`);
  const bad = [...v].filter((ch) => !USCC_CHARSET.includes(ch));
  if (bad.length > 0) {
    const hint = bad.some((ch) => 'IOZSV'.includes(ch))
      ? '（代码中不会出现字母I、O、Z、S、V，可能是数字1、0、2、5或字母U、Y）'
      : '';
    return fail(
      'charset',
      `统一社会信用代码只含数字和大写字母，“${[...new Set(bad)].join('')}”不对${hint}，请核对。`,
    );
  }
  if (!/^\d{6}$/.test(v.slice(2, 8))) {
    return fail('region', '统一社会信用代码第3到8位是行政区划代码，应全是数字，请核对。');
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) {
    return ok(v, {
      code: 'uscc_check',
      message:
        '统一社会信用代码的最后一位没有通过校验，请再核对一遍；如果与营业执照上的完全一致，请确认后继续。',
    });
  }
  return ok(v);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers, post codes, e-mail.

/** Mainland mobile: 11 digits, 1[3-9]…; +86 / 0086 prefixes are removed. */
export function validateMobile(raw: string): FieldCheck {
  let v = compact(raw).replace(/[()（）]/g, '');
  if (v.length === 0) return fail('required', '请填写手机号码。');
  v = v.replace(/^(\+86|0086)/, '');
  if (!/^\d+$/.test(v)) return fail('charset', '手机号码只含数字，请核对。');
  if (v.length !== 11) return fail('length', `手机号码应为11位，现在是${v.length}位，请核对。`);
  if (!/^1[3-9]\d{9}$/.test(v)) return fail('format', '手机号码应以13到19开头，请核对。');
  return ok(v);
}

const THREE_DIGIT_AREA = /^(010|02\d)/;

/**
 * Landline: 区号-号码[-分机], e.g. 010-12345678, 0591-87654321-802, (0591)87654321.
 * Normalised to `区号-号码` or `区号-号码-分机`.
 */
export function validateLandline(raw: string): FieldCheck {
  const t = toHalfWidth(raw).trim();
  if (t.length === 0) return fail('required', '请填写固定电话号码。');
  let area: string;
  let local: string;
  const [main = '', extPart = '', ...more] = t.replace(/\s*(转|分机|ext\.?|x|#)\s*/gi, '#').split('#');
  if (more.length > 0) return fail('format', '固定电话请按“区号-号码-分机”填写，例如 0591-87654321-802。');
  let ext = extPart.trim();
  // Spaces group digits; hyphens and brackets separate the area code (and, as a third part, an extension).
  const parts = main
    .replace(/^[(（]\s*(0\d{2,3})\s*[)）]\s*/, '$1-')
    .replace(/\s+/g, '')
    .split(/[-‐‑–—]+/)
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p)) || (ext && !/^\d+$/.test(ext))) {
    return fail('charset', '固定电话号码只含数字和连接号“-”，请核对。');
  }
  if (parts.length > 3 || (parts.length === 3 && ext)) {
    return fail('format', '固定电话请按“区号-号码-分机”填写，例如 0591-87654321-802。');
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
      return fail('area_code', '请在号码前加上区号，例如 010-12345678 或 0591-87654321。');
    }
    const n = THREE_DIGIT_AREA.test(digits) ? 3 : 4;
    area = digits.slice(0, n);
    local = digits.slice(n);
  }
  if (!/^0\d{2,3}$/.test(area)) return fail('area_code', '区号应以0开头，共3到4位，例如 010、0591。');
  if (THREE_DIGIT_AREA.test(area) !== (area.length === 3)) {
    return fail('area_code', `区号“${area}”不对：北京010、天津022、上海021等为3位，其他城市为4位，请核对。`);
  }
  if (!/^[2-9]\d{6,7}$/.test(local))
    return fail('format', '区号后的电话号码应为7到8位数字，不以0或1开头，请核对。');
  if (ext && !/^\d{1,6}$/.test(ext)) return fail('format', '分机号应为1到6位数字。');
  return ok(ext ? `${area}-${local}-${ext}` : `${area}-${local}`);
}

/** A contact phone: a mainland mobile, or a landline with its area code. */
export function validatePhone(raw: string): FieldCheck {
  const t = compact(raw).replace(/^(\+86|0086)/, '');
  if (t.length === 0) return fail('required', '请填写联系电话（手机或带区号的固定电话）。');
  if (/^1\d*$/.test(t)) return validateMobile(raw);
  if (/^[2-9]\d{6,7}$/.test(t)) return fail('area_code', '固定电话请在号码前加上区号，例如 010-12345678。');
  const landline = validateLandline(raw);
  if (landline.ok) return landline;
  return /^0/.test(t) || /[-(（]/.test(raw)
    ? landline
    : fail('format', '请填写11位手机号码，或带区号的固定电话，例如 010-12345678。');
}

/** The last four digits of the main number (not of an extension): the second factor of the status look-up. */
export function phoneLast4(normalizedPhone: string): string {
  const main = /^0\d{2,3}-\d+/.test(normalizedPhone) ? normalizedPhone.split('-')[1]! : normalizedPhone;
  return main.replace(/\D/g, '').slice(-4);
}

/** 邮政编码: 6 digits. */
export function validatePostCode(raw: string): FieldCheck {
  const v = compact(raw);
  if (v.length === 0) return fail('required', '请填写邮政编码（6位数字）。');
  if (!/^\d+$/.test(v)) return fail('charset', '邮政编码只含数字，请核对。');
  if (v.length !== 6) return fail('length', `邮政编码应为6位数字，现在是${v.length}位，请核对。`);
  if (v === '000000') return fail('format', '邮政编码“000000”不存在，请核对。');
  return ok(v);
}

/** E-mail address: a pragmatic check (one @, a dotted domain, no spaces); full-width characters are converted. */
export function validateEmail(raw: string): FieldCheck {
  const v = toHalfWidth(raw).trim().replace(/。/g, '.');
  if (v.length === 0) return fail('required', '请填写电子邮箱。');
  if (/\s/.test(v)) return fail('format', '电子邮箱中不能有空格，请核对。');
  if (v.length > 254) return fail('length', '电子邮箱太长了，请核对。');
  const at = v.split('@');
  if (at.length !== 2) return fail('format', '电子邮箱应含一个“@”，例如 zhangsan@example.com。');
  const [local = '', domain = ''] = at;
  if (local.length === 0 || local.length > 64) return fail('format', '电子邮箱“@”前面的部分不对，请核对。');
  if (!/^[^@.]+(\.[^@.]+)*$/.test(local))
    return fail('format', '电子邮箱“@”前面的部分不能以点开头或结尾，也不能有两个连续的点。');
  if (!/^([\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u.test(domain)) {
    return fail('domain', `电子邮箱“@”后面的“${domain}”不像邮箱域名，例如应为 qq.com、163.com，请核对。`);
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
export function validatePersonName(raw: string, label = '姓名'): FieldCheck {
  const v = raw.replace(BLANKS, '');
  if (v.length === 0) return fail('required', `请填写${label}。`);
  if (!PERSON_NAME.test(v) || !/\p{L}/u.test(v)) {
    return fail('charset', `${label}中只能有文字、间隔号“·”、空格、连字符和撇号，请去掉数字或其他符号。`);
  }
  const n = codePointLength(v);
  if (n > 50) return fail('length', `${label}最多50个字，现在是${n}个。`);
  return ok(v);
}

const ORG_NAME = /^[\p{L}\p{M}\p{N}\u00B7\u2027\u30FB ()（）【】[\]'’.,，、&—_/“”"《》-]+$/u;

/** An organisation's registered name (名称), kept exactly. */
export function validateOrganizationName(raw: string, label = '单位名称'): FieldCheck {
  const v = raw.replace(BLANKS, '');
  if (v.length === 0) return fail('required', `请填写${label}。`);
  if (!ORG_NAME.test(v) || !/\p{L}/u.test(v)) {
    return fail('charset', `${label}中有不常见的符号，请按营业执照或登记证书上的名称填写。`);
  }
  const n = codePointLength(v);
  if (n > 100) return fail('length', `${label}最多100个字，现在是${n}个。`);
  return ok(v);
}

/** Free text (address, description…): trimmed, control characters refused, a maximum length in characters. */
export function validateText(
  raw: string,
  label: string,
  max: number,
  opts: { required?: boolean; min?: number } = {},
): FieldCheck {
  const v = raw.replace(BLANKS, '');
  if (v.length === 0) return opts.required === false ? ok('') : fail('required', `请填写${label}。`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v))
    return fail('charset', `${label}中有无法显示的字符，请删除后重新输入。`);
  const n = codePointLength(v);
  if (opts.min && n < opts.min) return fail('too_short', `${label}太短了，请至少写${opts.min}个字。`);
  if (n > max) return fail('length', `${label}最多${max}个字，现在是${n}个，请精简。`);
  return ok(v);
}
