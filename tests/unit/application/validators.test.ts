import { describe, expect, it } from 'vitest';
import {
  gb11643CheckChar,
  phoneLast4,
  usccCheckChar,
  validateEmail,
  validateForeignPermanentResidence,
  validateHkMacauPermit,
  validateIdNumber,
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
  validateUscc,
  type FieldCheck,
} from '../../../src/core/application/validators.ts';

const TODAY = '2026-03-01';
const value = (r: FieldCheck) => (r.ok ? r.value : `ERR:${r.code}`);

describe('GB 11643 resident identity number', () => {
  it('computes the standard example check digit (X)', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
  });

  it.each([
    ['11010519491231002X', '11010519491231002X'], // GB 11643-1999 example
    ['11010519491231002x', '11010519491231002X'], // lower-case x
    ['110105 19491231 002X', '11010519491231002X'], // grouped with spaces
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'], // full-width digits from an IME
    ['440304199003072312', '440304199003072312'],
    ['350102200002291230', '350102200002291230'], // born on 29 February of a leap year
    ['310115198512318880', '310115198512318880'],
    ['650102201601010053', '650102201601010053'],
  ])('accepts %s', (input, expected) => {
    expect(value(validateResidentId(input, { today: TODAY }))).toBe(expected);
  });

  it.each([
    ['', 'required'],
    ['11010519491231002', 'length'], // 17
    ['1101051949123100211', 'length'], // 19
    ['11010519491231002Y', 'charset'],
    ['1101051949123100X2', 'charset'], // X not last
    ['110105194912310021', 'check_digit'], // wrong check digit
    ['110105194912130024', 'check_digit'], // two digits swapped (31 → 13)
    ['990105194912310025', 'region'], // 99 is not a province
    ['000105194912310025', 'region'],
    ['350102190002291232', 'birth_date'], // 1900-02-29 does not exist
    ['440304199013072310', 'birth_date'], // month 13
    ['440304209003072316', 'birth_date'], // 2090: in the future
    ['810000198001010014', 'is_residence_permit'],
  ])('rejects %s (%s) with a message', (input, code) => {
    const r = validateResidentId(input, { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('tells what to fix in plain Chinese', () => {
    const r = validateResidentId('11010519491231002', { today: TODAY });
    expect(!r.ok && r.message).toBe('身份证号码应为18位，现在是17位，请核对。');
  });

  it('rejects a birth date later than today', () => {
    const r = validateResidentId('110105202603020013', { today: TODAY });
    expect(r.ok).toBe(false);
  });
});

describe('港澳台居民居住证 (81/82/83)', () => {
  it.each(['810000198001010014', '820000200109090038', '830000199506150029'])('accepts %s', (id) => {
    expect(value(validateResidencePermit(id, { today: TODAY }))).toBe(id);
  });
  it.each([
    ['810000198001010015', 'check_digit'],
    ['11010519491231002X', 'region'],
    ['811000198001010014', 'region'],
  ])('rejects %s (%s)', (id, code) => {
    expect(value(validateResidencePermit(id, { today: TODAY }))).toBe(`ERR:${code}`);
  });
});

describe('other identity documents', () => {
  it.each([
    ['hk-macau-permit', 'H12345678', 'H12345678'],
    ['hk-macau-permit', 'm1234567890', 'M1234567890'],
    ['taiwan-permit', '12345678', '12345678'],
    ['taiwan-permit', '1234567890(B)', '1234567890B'],
    ['passport', 'E12345678', 'E12345678'],
    ['passport', 'ea1234567', 'EA1234567'],
    ['passport', '123456789', '123456789'],
    ['passport', 'X1234567', 'X1234567'],
    ['foreign-permanent-residence', 'USA110080101001', 'USA110080101001'], // 2004 card: 3 letters + 12 digits
    ['foreign-permanent-residence', '911840198010100010', '911840198010100010'], // 2017 card, GB 11643 check
  ] as const)('%s accepts %s', (type, input, expected) => {
    expect(value(validateIdNumber(type, input, { today: TODAY }))).toBe(expected);
  });

  it.each([
    ['hk-macau-permit', 'K12345678'],
    ['hk-macau-permit', 'H1234567'],
    ['taiwan-permit', '1234567'],
    ['passport', 'E123'],
    ['passport', 'ABCDEFGHI'],
    ['passport', 'E1234567-8#'],
    ['foreign-permanent-residence', '911840198010100011'], // wrong check digit
    ['foreign-permanent-residence', '991840198010100010'], // 99 province
    ['foreign-permanent-residence', '110105194912310021'],
  ] as const)('%s rejects %s', (type, input) => {
    const r = validateIdNumber(type, input, { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/请/);
  });

  it('validates each type with its own function', () => {
    expect(validateHkMacauPermit('H12345678').ok).toBe(true);
    expect(validateTaiwanPermit('12345678').ok).toBe(true);
    expect(validatePassport('G12345678').ok).toBe(true);
    expect(validateForeignPermanentResidence('USA110080101001').ok).toBe(true);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('computes the check character of the standard-style example', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each([
    '91350100M000100Y43',
    '91440300708461136T', // a real company code
    '91110108551385082Q',
    '91310000717854505W',
    '91110000100001234U',
    '12100000000013141R',
    '52440300MJL1234565',
    'Y14403001234567893',
  ])('accepts %s without a warning', (code) => {
    const r = validateUscc(code);
    expect(r).toEqual({ ok: true, value: code });
  });

  it('normalises case and spaces', () => {
    expect(value(validateUscc(' 91350100m000100y43 '))).toBe('91350100M000100Y43');
  });

  it.each(['91350100M000100Y44', '91350100M000100Y34', '911100001000013540'])(
    'a failed check character on %s is a confirmable warning, not an error',
    (code) => {
      const r = validateUscc(code);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value).toBe(code);
        expect(r.warning?.code).toBe('uscc_check');
        expect(r.warning?.message).toContain('请再核对');
      }
    },
  );

  it.each([
    ['', 'required'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y4O', 'charset'], // O is not in the charset
    ['91350100M000100I43', 'charset'],
    ['9135010SM000100Y43', 'charset'],
    ['91A50100M000100Y43', 'region'],
  ])('rejects %s (%s)', (code, reason) => {
    expect(value(validateUscc(code))).toBe(`ERR:${reason}`);
  });

  it('hints at look-alike characters', () => {
    const r = validateUscc('91350100M000100Y4O');
    expect(!r.ok && r.message).toContain('不会出现字母I、O、Z、S、V');
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 139 0000 0000', '13900000000'],
    ['008619912345678', '19912345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('mobile %s', (input, expected) => {
    expect(value(validateMobile(input))).toBe(expected);
  });

  it.each([
    ['12812345678', 'format'],
    ['1381234567', 'length'],
    ['138123456789', 'length'],
    ['1381234567a', 'charset'],
  ])('mobile rejects %s (%s)', (input, code) => {
    expect(value(validateMobile(input))).toBe(`ERR:${code}`);
  });

  it.each([
    ['010-65123456', '010-65123456'],
    ['0591-87654321', '0591-87654321'],
    ['0591-8765432', '0591-8765432'],
    ['0591-87654321-802', '0591-87654321-802'],
    ['(0591)87654321', '0591-87654321'],
    ['（010）65123456', '010-65123456'],
    ['01065123456', '010-65123456'],
    ['021-6123-4567', '021-61234567'],
    ['059187654321', '0591-87654321'],
    ['021 6123 4567', '021-61234567'],
    ['0755-86013388转8', '0755-86013388-8'],
  ])('landline %s', (input, expected) => {
    expect(value(validateLandline(input))).toBe(expected);
  });

  it.each([
    ['87654321', 'area_code'],
    ['0591-12345678', 'format'], // local number starting with 1
    ['010-1234567890', 'format'],
    ['0591-876543', 'format'],
    ['01-87654321', 'area_code'],
    ['0101-87654321', 'area_code'], // 010 is three digits
    ['0591-87654321-1234567', 'format'],
  ])('landline rejects %s (%s)', (input, code) => {
    expect(value(validateLandline(input))).toBe(`ERR:${code}`);
  });

  it('accepts either kind as the contact phone', () => {
    expect(value(validatePhone('13812345678'))).toBe('13812345678');
    expect(value(validatePhone('0591-87654321'))).toBe('0591-87654321');
    expect(value(validatePhone('87654321'))).toBe('ERR:area_code');
    expect(value(validatePhone(''))).toBe('ERR:required');
    expect(value(validatePhone('abc'))).toBe('ERR:format');
  });

  it('takes the last four digits of the main number', () => {
    expect(phoneLast4('13812345678')).toBe('5678');
    expect(phoneLast4('0591-87654321-802')).toBe('4321');
    expect(phoneLast4('010-65123456')).toBe('3456');
  });
});

describe('post codes and e-mail', () => {
  it.each([
    ['100000', '100000'],
    [' 350001 ', '350001'],
    ['３５０００１', '350001'],
  ])('post code %s', (input, expected) => {
    expect(value(validatePostCode(input))).toBe(expected);
  });
  it.each([
    ['35000', 'length'],
    ['3500011', 'length'],
    ['35000a', 'charset'],
    ['000000', 'format'],
    ['', 'required'],
  ])('post code rejects %s (%s)', (input, code) => {
    expect(value(validatePostCode(input))).toBe(`ERR:${code}`);
  });

  it.each([
    ['zhangsan@example.com', 'zhangsan@example.com'],
    ['Zhang.San+gov@Mail.Example.CN', 'Zhang.San+gov@mail.example.cn'],
    ['12345@qq.com', '12345@qq.com'],
    ['ｚｓ＠１６３．ｃｏｍ', 'zs@163.com'],
    ['li@例子.中国', 'li@例子.中国'],
  ])('e-mail %s', (input, expected) => {
    expect(value(validateEmail(input))).toBe(expected);
  });
  it.each([
    ['zhangsan', 'format'],
    ['zhang@san@example.com', 'format'],
    ['zhang san@example.com', 'format'],
    ['zhangsan@example', 'domain'],
    ['zhangsan@-example.com', 'domain'],
    ['.zs@example.com', 'format'],
    ['zs..x@example.com', 'format'],
  ])('e-mail rejects %s (%s)', (input, code) => {
    expect(value(validateEmail(input))).toBe(`ERR:${code}`);
  });
});

describe('names are kept exactly', () => {
  it.each([
    '张三',
    '阿依古丽·买买提', // U+00B7 middle dot
    '阿依古丽・买买提', // U+30FB katakana middle dot
    '𠮷野家', // U+20BB7, outside the BMP
    '王𪚥', // U+2A6A5
    '欧阳娜娜',
    "Mary O'Neil",
    'Jean-Luc Picard',
  ])('accepts %s unchanged', (name) => {
    expect(value(validatePersonName(name))).toBe(name);
  });

  it('counts characters outside the BMP once', () => {
    expect(value(validatePersonName('𠮷'.repeat(50)))).toBe('𠮷'.repeat(50));
    expect(value(validatePersonName('𠮷'.repeat(51)))).toBe('ERR:length');
  });

  it('trims only the surrounding blanks', () => {
    expect(value(validatePersonName('\u3000阿依古丽·买买提 '))).toBe('阿依古丽·买买提');
  });

  it.each(['张三3', '<script>', '···', ''])('rejects %s', (name) => {
    expect(validatePersonName(name).ok).toBe(false);
  });

  it('accepts organisation names with brackets and digits', () => {
    expect(value(validateOrganizationName('福州市第一建筑工程有限公司（鼓楼分公司）'))).toBe(
      '福州市第一建筑工程有限公司（鼓楼分公司）',
    );
    expect(value(validateOrganizationName('3M中国有限公司'))).toBe('3M中国有限公司');
    expect(validateOrganizationName('<b>公司</b>').ok).toBe(false);
  });
});
