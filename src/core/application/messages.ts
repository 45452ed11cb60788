// The one catalogue of validator messages, in plain Chinese and plain English. Validators return a stable key and its
// params (a MessageRef) beside the Chinese text; the server answers in Chinese, the kiosk shows the visitor's language.
// Placeholders are `{name}`; the params `label` and `doc` name an entry of LABELS and are shown in the same language.
// Isomorphic: no DOM, no Node APIs.

export type MessageLang = 'zh' | 'en';

/** Field and document names used inside messages (`{label}`, `{doc}`). */
export const LABELS = {
  residentId: { zh: '身份证', en: 'ID card' },
  residencePermit: { zh: '居住证', en: 'residence permit' },
  foreignPermanentResidence: { zh: '永久居留身份证', en: 'permanent residence ID card' },
  name: { zh: '姓名', en: 'name' },
  orgName: { zh: '单位名称', en: 'organisation name' },
  legalRepresentative: { zh: '法定代表人', en: 'legal representative' },
  contactPerson: { zh: '联系人', en: 'contact person' },
  workUnit: { zh: '工作单位', en: 'employer' },
  address: { zh: '通信地址', en: 'postal address' },
  title: { zh: '信息名称', en: 'name of the information' },
  documentNumber: { zh: '文号', en: 'document number' },
  description: { zh: '内容描述', en: 'description' },
  agencyName: { zh: '机关名称', en: 'agency name' },
} as const satisfies Record<string, Record<MessageLang, string>>;

export type LabelKey = keyof typeof LABELS;

export const MESSAGES = {
  // Identity documents with the resident ID layout ({doc}: residentId, residencePermit, foreignPermanentResidence).
  'id.required': { zh: '请填写{doc}号码。', en: 'Please enter the {doc} number.' },
  'id.length': {
    zh: '{doc}号码应为18位，现在是{n}位，请核对。',
    en: 'The {doc} number has 18 characters; you entered {n}. Please check it.',
  },
  'id.charset': {
    zh: '{doc}号码的前17位应全是数字，最后一位是数字或字母X。',
    en: 'The first 17 characters of the {doc} number are digits; the last one is a digit or the letter X.',
  },
  'id.birthDate': {
    zh: '{doc}号码第7到14位应是出生日期（年月日），“{date}”不是有效日期，请核对。',
    en: 'Characters 7 to 14 of the {doc} number are the date of birth (year, month, day); “{date}” is not a real date. Please check it.',
  },
  'id.birthFuture': {
    zh: '{doc}号码中的出生日期（{date}）晚于今天，请核对。',
    en: 'The date of birth in the {doc} number ({date}) is after today. Please check it.',
  },
  'id.checkDigit': {
    zh: '{doc}号码有一位不对（最后一位校验码对不上），请逐位核对证件上的号码。',
    en: 'One character of the {doc} number is wrong (the last character, a check character, does not match). Please compare it with your document, one character at a time.',
  },
  'id.isResidencePermit': {
    zh: '这是港澳台居民居住证号码，请把证件类型选为“港澳台居民居住证”。',
    en: 'This is the number of a residence permit for Hong Kong, Macao and Taiwan residents. Please choose that document type.',
  },
  'id.province': {
    zh: '身份证号码前两位是省份代码，“{code}”不是有效的省份代码，请核对。',
    en: 'The first two digits of an ID card number are a province code, and “{code}” is not one. Please check it.',
  },
  'residencePermit.prefix': {
    zh: '港澳台居民居住证号码以810000（香港）、820000（澳门）或830000（台湾）开头，请核对。',
    en: 'A residence permit number for Hong Kong, Macao and Taiwan residents starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan). Please check it.',
  },
  'permanentResidence.birthDate': {
    zh: '永久居留身份证号码中的出生日期不是有效日期，请核对。',
    en: 'The date of birth in the permanent residence ID card number is not a real date. Please check it.',
  },
  'permanentResidence.province': {
    zh: '永久居留身份证号码第2、3位是受理地省份代码，请核对。',
    en: 'Characters 2 and 3 of the permanent residence ID card number are the code of the province that issued it. Please check them.',
  },
  'permanentResidence.format': {
    zh: '永久居留身份证号码应为以9开头的18位数字，或旧版的3个字母加12位数字，请核对。',
    en: 'A permanent residence ID card number has 18 digits starting with 9, or (old cards) 3 letters and 12 digits. Please check it.',
  },
  'permit.required': { zh: '请填写通行证号码。', en: 'Please enter the permit number.' },
  'hkMacauPermit.prefix': {
    zh: '港澳居民来往内地通行证号码以字母H（香港）或M（澳门）开头，请核对。',
    en: 'The number of a Mainland travel permit for Hong Kong and Macao residents starts with the letter H (Hong Kong) or M (Macao). Please check it.',
  },
  'hkMacauPermit.format': {
    zh: '港澳居民来往内地通行证号码是字母H或M加8位数字（旧证为10位数字），请核对。',
    en: 'The number of a Mainland travel permit for Hong Kong and Macao residents is the letter H or M and 8 digits (old permits: 10 digits). Please check it.',
  },
  'taiwanPermit.format': {
    zh: '台湾居民来往大陆通行证号码是8位数字（旧证为10位数字），请核对。',
    en: 'The number of a Mainland travel permit for Taiwan residents has 8 digits (old permits: 10 digits). Please check it.',
  },
  'passport.required': { zh: '请填写护照号码。', en: 'Please enter the passport number.' },
  'passport.charset': {
    zh: '护照号码只含英文字母和数字，请核对。',
    en: 'A passport number has only letters and digits. Please check it.',
  },
  'passport.length': {
    zh: '护照号码一般为5到17位，现在是{n}位，请核对。',
    en: 'A passport number usually has 5 to 17 characters; you entered {n}. Please check it.',
  },
  'passport.noDigit': {
    zh: '护照号码中应含有数字，请核对。',
    en: 'A passport number contains digits. Please check it.',
  },
  // 统一社会信用代码
  'uscc.required': {
    zh: '请填写统一社会信用代码。',
    en: 'Please enter the unified social credit code.',
  },
  'uscc.length': {
    zh: '统一社会信用代码应为18位，现在是{n}位，请对照营业执照或登记证书核对。',
    en: 'The unified social credit code has 18 characters; you entered {n}. Please compare it with the business licence or registration certificate.',
  },
  'uscc.charset': {
    zh: '统一社会信用代码只含数字和大写字母，“{chars}”不对，请核对。',
    en: 'The unified social credit code has only digits and capital letters; “{chars}” is not right. Please check it.',
  },
  'uscc.charsetConfusable': {
    zh: '统一社会信用代码只含数字和大写字母，“{chars}”不对（代码中不会出现字母I、O、Z、S、V，可能是数字1、0、2、5或字母U、Y），请核对。',
    en: 'The unified social credit code has only digits and capital letters; “{chars}” is not right (the letters I, O, Z, S and V never appear: it may be the digit 1, 0, 2 or 5, or the letter U or Y). Please check it.',
  },
  'uscc.region': {
    zh: '统一社会信用代码第3到8位是行政区划代码，应全是数字，请核对。',
    en: 'Characters 3 to 8 of the unified social credit code are an area code and are all digits. Please check them.',
  },
  'uscc.checkChar': {
    zh: '统一社会信用代码的最后一位没有通过校验，请再核对一遍；如果与营业执照上的完全一致，请确认后继续。',
    en: 'The last character of the unified social credit code does not pass the check. Please check the code again; if it is exactly as on the business licence, confirm it and continue.',
  },
  // Phone numbers
  'mobile.required': { zh: '请填写手机号码。', en: 'Please enter your mobile number.' },
  'mobile.charset': {
    zh: '手机号码只含数字，请核对。',
    en: 'A mobile number has only digits. Please check it.',
  },
  'mobile.length': {
    zh: '手机号码应为11位，现在是{n}位，请核对。',
    en: 'A mobile number has 11 digits; you entered {n}. Please check it.',
  },
  'mobile.prefix': {
    zh: '手机号码应以13到19开头，请核对。',
    en: 'A mobile number starts with 13 to 19. Please check it.',
  },
  'landline.required': {
    zh: '请填写固定电话号码。',
    en: 'Please enter the landline number.',
  },
  'landline.layout': {
    zh: '固定电话请按“区号-号码-分机”填写，例如 0591-87654321-802。',
    en: 'Please write a landline as area code-number-extension, for example 0591-87654321-802.',
  },
  'landline.charset': {
    zh: '固定电话号码只含数字和连接号“-”，请核对。',
    en: 'A landline number has only digits and hyphens “-”. Please check it.',
  },
  'landline.needAreaCode': {
    zh: '请在号码前加上区号，例如 010-12345678 或 0591-87654321。',
    en: 'Please put the area code before the number, for example 010-12345678 or 0591-87654321.',
  },
  'landline.areaCode': {
    zh: '区号应以0开头，共3到4位，例如 010、0591。',
    en: 'An area code starts with 0 and has 3 or 4 digits, for example 010 or 0591.',
  },
  'landline.areaCodeLength': {
    zh: '区号“{area}”不对：北京010、天津022、上海021等为3位，其他城市为4位，请核对。',
    en: 'The area code “{area}” is not right: Beijing 010, Tianjin 022, Shanghai 021 and a few others have 3 digits, other cities 4. Please check it.',
  },
  'landline.local': {
    zh: '区号后的电话号码应为7到8位数字，不以0或1开头，请核对。',
    en: 'After the area code, the number has 7 or 8 digits and does not start with 0 or 1. Please check it.',
  },
  'landline.extension': {
    zh: '分机号应为1到6位数字。',
    en: 'An extension has 1 to 6 digits.',
  },
  'phone.required': {
    zh: '请填写联系电话（手机或带区号的固定电话）。',
    en: 'Please enter a phone number (a mobile, or a landline with its area code).',
  },
  'phone.needAreaCode': {
    zh: '固定电话请在号码前加上区号，例如 010-12345678。',
    en: 'Please put the area code before a landline number, for example 010-12345678.',
  },
  'phone.format': {
    zh: '请填写11位手机号码，或带区号的固定电话，例如 010-12345678。',
    en: 'Please enter an 11-digit mobile number, or a landline with its area code, for example 010-12345678.',
  },
  // Post code, e-mail
  'postCode.required': {
    zh: '请填写邮政编码（6位数字）。',
    en: 'Please enter the post code (6 digits).',
  },
  'postCode.charset': {
    zh: '邮政编码只含数字，请核对。',
    en: 'A post code has only digits. Please check it.',
  },
  'postCode.length': {
    zh: '邮政编码应为6位数字，现在是{n}位，请核对。',
    en: 'A post code has 6 digits; you entered {n}. Please check it.',
  },
  'postCode.zeros': {
    zh: '邮政编码“000000”不存在，请核对。',
    en: 'The post code “000000” does not exist. Please check it.',
  },
  'email.required': { zh: '请填写电子邮箱。', en: 'Please enter your e-mail address.' },
  'email.requiredForDelivery': {
    zh: '您选择了通过电子邮件获取，请填写电子邮箱。',
    en: 'You chose to get the information by e-mail, so please enter your e-mail address.',
  },
  'email.spaces': {
    zh: '电子邮箱中不能有空格，请核对。',
    en: 'An e-mail address has no spaces. Please check it.',
  },
  'email.tooLong': {
    zh: '电子邮箱太长了，请核对。',
    en: 'This e-mail address is too long. Please check it.',
  },
  'email.oneAt': {
    zh: '电子邮箱应含一个“@”，例如 zhangsan@example.com。',
    en: 'An e-mail address has one “@”, for example zhangsan@example.com.',
  },
  'email.local': {
    zh: '电子邮箱“@”前面的部分不对，请核对。',
    en: 'The part of the e-mail address before the “@” is not right. Please check it.',
  },
  'email.localDots': {
    zh: '电子邮箱“@”前面的部分不能以点开头或结尾，也不能有两个连续的点。',
    en: 'The part of the e-mail address before the “@” cannot start or end with a dot, or have two dots in a row.',
  },
  'email.domain': {
    zh: '电子邮箱“@”后面的“{domain}”不像邮箱域名，例如应为 qq.com、163.com，请核对。',
    en: 'The part after the “@”, “{domain}”, does not look like an e-mail domain (for example qq.com or 163.com). Please check it.',
  },
  // Names and free text ({label}: a key of LABELS)
  'text.required': { zh: '请填写{label}。', en: 'Please enter the {label}.' },
  'personName.charset': {
    zh: '{label}中只能有文字、间隔号“·”、空格、连字符和撇号，请去掉数字或其他符号。',
    en: 'The {label} can have only letters, the middle dot “·”, spaces, hyphens and apostrophes. Please take out digits and other signs.',
  },
  'orgName.charset': {
    zh: '{label}中有不常见的符号，请按营业执照或登记证书上的名称填写。',
    en: 'The {label} has an unusual sign in it. Please write the name as on the business licence or registration certificate.',
  },
  'name.length': {
    zh: '{label}最多{max}个字，现在是{n}个。',
    en: 'The {label} can be at most {max} characters long; it is now {n}.',
  },
  'text.charset': {
    zh: '{label}中有无法显示的字符，请删除后重新输入。',
    en: 'The {label} has a character that cannot be shown. Please delete it and type it again.',
  },
  'text.tooShort': {
    zh: '{label}太短了，请至少写{min}个字。',
    en: 'The {label} is too short. Please write at least {min} characters.',
  },
  'text.length': {
    zh: '{label}最多{max}个字，现在是{n}个，请精简。',
    en: 'The {label} can be at most {max} characters long; it is now {n}. Please shorten it.',
  },
  // The application as a whole
  'applicant.type': {
    zh: '请选择申请人类型：公民，或法人或其他组织。',
    en: 'Please choose who is applying: a citizen, or a legal person or other organisation.',
  },
  'orgKind.choose': {
    zh: '请选择单位类型：商业企业、科研机构、社会公益组织、法律服务机构或其他。',
    en: 'Please choose the kind of organisation: business, research institution, public-interest organisation, legal services, or other.',
  },
  'idType.choose': { zh: '请选择证件类型。', en: 'Please choose the type of identity document.' },
  'agency.choose': { zh: '请选择向哪个机关申请。', en: 'Please choose the agency you are asking.' },
  'request.informationRequired': {
    zh: '请至少填写信息的名称、文号或内容描述中的一项，写得越具体越便于查找。',
    en: 'Please fill in at least one of the name, document number or description of the information. The more specific, the easier it is to find.',
  },
  'request.descriptionTooShort': {
    zh: '内容描述太简单，工作人员可能找不到。请写明大约的时间、地点、事项或文件名称，至少10个字。',
    en: 'The description is too short for the staff to find the information. Please say roughly when, where and what, or the document name, in at least 10 characters.',
  },
  'choice.duplicate': { zh: '同一选项只能选一次。', en: 'Each option can be chosen only once.' },
  'media.empty': {
    zh: '请至少选择一种获取信息的方式（纸质、电子邮件、光盘或磁盘）。',
    en: 'Please choose at least one form for the information (paper, e-mail, CD or disk).',
  },
  'deliveries.empty': {
    zh: '请至少选择一种提供方式（邮寄、电子邮件、自行领取或当场阅读、抄录）。',
    en: 'Please choose at least one way to receive it (by post, by e-mail, collect it, or read and copy it on site).',
  },
  'consent.choose': {
    zh: '请选择是否同意公开本申请。',
    en: 'Please choose whether this request may be made public.',
  },
  'privacy.required': {
    zh: '请阅读个人信息保护告知，同意后才能提交申请。',
    en: 'Please read the privacy notice; the request can be submitted only after you agree to it.',
  },
  'clientId.format': {
    zh: '申请编号应为小写的 UUID v4',
    en: 'The application id must be a lower-case UUID v4',
  },
  'receiptCode.format': { zh: '查询码格式不对。', en: 'The receipt code is not in the right form.' },
  // Receipt codes typed in for a status look-up
  'receiptCode.required': {
    zh: '请输入回执上的查询码。',
    en: 'Please enter the receipt code from your receipt.',
  },
  'receiptCode.length': {
    zh: '查询码是{len}位，现在是{n}位，请对照回执核对。',
    en: 'The receipt code has {len} characters; you entered {n}. Please compare it with your receipt.',
  },
  'receiptCode.charset': {
    zh: '查询码中不会有“{chars}”（不用数字0、1和字母O、I、L），请对照回执核对。',
    en: 'A receipt code never has “{chars}” (the digits 0 and 1 and the letters O, I and L are not used). Please compare it with your receipt.',
  },
  'receiptCode.checkChar': {
    zh: '查询码有一位不对，请对照回执逐位核对。',
    en: 'One character of the receipt code is wrong. Please compare it with your receipt, one character at a time.',
  },
  /** Anything the schema reports without a message of its own (a wrong type from a broken client). */
  invalid: {
    zh: '这一项填写得不对，请核对。',
    en: 'This answer is not valid. Please check it.',
  },
} as const satisfies Record<string, Record<MessageLang, string>>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message by key: what a validator returns beside its Chinese text, so any client can show its own language. */
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

const LABEL_PARAMS = new Set(['label', 'doc']);

/** The text of a message in one language; `label` and `doc` params are looked up in LABELS. */
export function formatMessage(ref: MessageRef, lang: MessageLang): string {
  const entry = MESSAGES[ref.key] as Record<MessageLang, string> | undefined;
  const template = entry ? entry[lang] : MESSAGES.invalid[lang];
  const params = ref.params ?? {};
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const v = params[name]!;
    if (LABEL_PARAMS.has(name) && typeof v === 'string' && v in LABELS) return LABELS[v as LabelKey][lang];
    return String(v);
  });
}

/** Both texts of a message. */
export function bilingual(ref: MessageRef): Record<MessageLang, string> {
  return { zh: formatMessage(ref, 'zh'), en: formatMessage(ref, 'en') };
}

/** The key of a message without params from its Chinese text (schema-level messages zod reports as text). */
const BY_CHINESE = new Map<string, MessageKey>(
  (Object.keys(MESSAGES) as MessageKey[])
    .filter((k) => !/\{\w+\}/.test(MESSAGES[k].zh))
    .map((k) => [MESSAGES[k].zh, k]),
);

export function messageKeyOfChinese(text: string): MessageKey | null {
  return BY_CHINESE.get(text) ?? null;
}
