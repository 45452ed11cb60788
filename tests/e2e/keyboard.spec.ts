// The complete on-screen keyboard (issue 14): the 123/符号 layer from every text layout, each field's own layout
// on every path, the receipt-code layout, handwriting; typed only with the keyboard's keys and the pad, found by
// role and name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { next } from './kiosk.ts';

async function ready(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible({
    timeout: 60_000,
  });
}

const keyboard = (page: Page) => page.getByRole('group', { name: /屏幕键盘|On-screen keyboard/ });

async function openForm(page: Page, applicant: '公民' | '法人或其他组织') {
  await page
    .getByRole('navigation', { name: '页面导航' })
    .getByRole('link', { name: '申请信息公开' })
    .click();
  await page.getByRole('button', { name: /我要获取政府信息/ }).click();
  await page.getByLabel(applicant).check();
  if (applicant === '法人或其他组织')
    await page.getByRole('radiogroup', { name: '单位类型' }).getByRole('radio', { name: '商业企业' }).check();
  await next(page);
}

/** Presses keys by their accessible names, one after the other. */
async function keys(kb: Locator, names: Iterable<string>) {
  for (const k of names) await kb.getByRole('button', { name: k, exact: true }).click();
}

/** Types pinyin and picks the candidate named. */
async function pinyin(kb: Locator, letters: string, pick: string) {
  await keys(kb, letters);
  await kb.getByRole('group', { name: '候选字词' }).getByRole('button', { name: pick, exact: true }).click();
}

/** Every key is a named button of at least 60 × 60 CSS px; axe finds nothing serious. */
async function expectUsableKeys(page: Page, screen: string) {
  const kb = keyboard(page);
  const small = await kb.getByRole('button').evaluateAll((els) =>
    els
      .map((el) => ({
        name: el.getAttribute('aria-label') ?? el.textContent ?? '',
        r: el.getBoundingClientRect(),
      }))
      .filter(({ name, r }) => !name.trim() || r.width < 60 || r.height < 60)
      .map(({ name, r }) => `"${name}" ${r.width}×${r.height}`),
  );
  expect(small, `keys under 60 px or unnamed on ${screen}`).toEqual([]);
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

test('digits and punctuation: a house number in 通信地址 and 〔2024〕3号 in 文号, from the 123/符号 key', async ({
  page,
}) => {
  await ready(page);
  await openForm(page, '公民');
  await page.getByLabel('姓名', { exact: true }).fill('张三');
  await page.getByLabel('居民身份证').check();
  await page.getByLabel('证件号码').fill('11010519491231002X');
  await next(page);

  await expect(page.getByText('第 3 步，共 7 步')).toBeVisible();
  await page.getByLabel('联系电话').fill('13812345678');
  const address = page.getByLabel('通信地址');
  await address.click();
  const kb = keyboard(page);
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toBeVisible();
  await pinyin(kb, 'renmin', '人民');
  await pinyin(kb, 'lu', '路');
  await kb.getByRole('button', { name: '数字和符号' }).click();
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toHaveCount(0);
  for (const ch of '〔〕《》（）、，。-@._')
    await expect(kb.getByRole('button', { name: ch, exact: true })).toBeVisible();
  await expectUsableKeys(page, 'the 123/符号 layer');
  await keys(kb, '3-2-101');
  await kb.getByRole('button', { name: '拼音' }).click();
  await pinyin(kb, 'hao', '号');
  await expect(address).toHaveValue('人民路3-2-101号');
  await kb.getByRole('button', { name: '收起键盘' }).click();

  // 邮政编码 opens digits, then 通信地址 again opens letters: each field its own layout.
  await page.getByLabel('邮政编码').click();
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toHaveCount(0);
  await keys(kb, '100000');
  await expect(page.getByLabel('邮政编码')).toHaveValue('100000');
  await address.click();
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toBeVisible();
  await kb.getByRole('button', { name: '收起键盘' }).click();
  await next(page);

  await expect(page.getByText('第 4 步，共 7 步')).toBeVisible();
  const docNumber = page.getByLabel('文号');
  await docNumber.click();
  await kb.getByRole('button', { name: '数字和符号' }).click();
  await keys(kb, ['〔', '2', '0', '2', '4', '〕', '3']);
  await kb.getByRole('button', { name: '拼音' }).click();
  await pinyin(kb, 'hao', '号');
  await expect(docNumber).toHaveValue('〔2024〕3号');

  // The IME's words: zenme is one word.
  const description = page.getByLabel(/内容描述/);
  await description.click();
  await keys(kb, 'zenme');
  await expect(kb.getByRole('group', { name: '候选字词' }).getByRole('button').first()).toHaveText('怎么');
});

test('the organisation path: 邮政编码 opens digits, not the letters of the field before it', async ({
  page,
}) => {
  await ready(page);
  await openForm(page, '法人或其他组织');
  await page.getByLabel('单位名称').fill('某某科技有限公司');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await page.getByLabel('法定代表人').fill('李四');
  // The field at the place 邮政编码 takes on the next step, typed with the pinyin keyboard.
  const contact = page.getByLabel('联系人');
  await contact.click();
  const kb = keyboard(page);
  await pinyin(kb, 'wang', '王');
  await expect(contact).toHaveValue('王');
  await next(page);

  await expect(page.getByText('第 3 步，共 7 步')).toBeVisible();
  const postCode = page.getByLabel('邮政编码');
  await postCode.click();
  await expect(kb).toBeVisible();
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toHaveCount(0);
  await expect(kb.getByRole('button', { name: '0', exact: true })).toBeVisible();
  await keys(kb, '350001');
  await expect(postCode).toHaveValue('350001');
  await expectUsableKeys(page, 'the postcode digits');
});

test('查询码 gets the receipt-code keys: digits and upper-case letters, none a code cannot have', async ({
  page,
}) => {
  await ready(page);
  await page
    .getByRole('navigation', { name: '页面导航' })
    .getByRole('link', { name: '申请信息公开' })
    .click();
  await page.getByRole('link', { name: '查询申请进度' }).click();
  const code = page.getByLabel('查询码');
  await code.click();
  const kb = keyboard(page);
  await expect(kb).toBeVisible();
  for (const k of ['0', '1', 'I', 'L', 'O', 'q'])
    await expect(kb.getByRole('button', { name: k, exact: true })).toHaveCount(0);
  await keys(kb, '7KQ3XH9MW');
  await expect(code).toHaveValue('7KQ3XH9MW');
  await expectUsableKeys(page, 'the receipt-code keys');
  // 联系电话后4位 beside it: digits.
  await page.getByLabel(/后4位/).click();
  await keys(kb, '5678');
  await expect(page.getByLabel(/后4位/)).toHaveValue('5678');
});

for (const mode of ['长辈版', '高对比度'] as const) {
  test(`the 123/符号 layer in ${mode}: big, named keys, axe clean`, async ({ page }) => {
    await ready(page);
    await page.getByRole('button', { name: mode }).click();
    await page.getByRole('searchbox').first().click();
    const kb = keyboard(page);
    // The pinyin keys with the 123 and 手写 keys (their names begin with what they show).
    await expect(kb.getByRole('button', { name: '手写' })).toBeVisible();
    await expectUsableKeys(page, `the pinyin keys (${mode})`);
    await kb.getByRole('button', { name: '数字和符号' }).click();
    await expect(kb.getByRole('button', { name: '〔', exact: true })).toBeVisible();
    await expectUsableKeys(page, `the 123/符号 layer (${mode})`);
  });
}

/** A character's stroke medians from hanzi-writer-data (Make Me a Hanzi: 1024 box, y up from 900). */
function medians(ch: string): [number, number][][] {
  const file = createRequire(import.meta.url).resolve(`hanzi-writer-data/${ch}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { medians: [number, number][][] }).medians;
}

/** Draws a character on the pad with pointer events along its medians, a stroke at a time. */
async function draw(page: Page, pad: Locator, ch: string) {
  const box = (await pad.boundingBox())!;
  const at = ([x, y]: [number, number]) => [
    box.x + (x / 1024) * box.width,
    box.y + ((900 - y) / 1024) * box.height,
  ];
  for (const stroke of medians(ch)) {
    const [x0, y0] = at(stroke[0]!);
    await page.mouse.move(x0!, y0!);
    await page.mouse.down();
    for (const p of stroke.slice(1)) {
      const [x, y] = at(p);
      await page.mouse.move(x!, y!, { steps: 3 });
    }
    await page.mouse.up();
  }
}

test('手写: drawing 低 and 保 puts them among the first candidates; the data loads on first use of the pad', async ({
  page,
}) => {
  await ready(page);
  const loaded = () =>
    page.evaluate(() => performance.getEntriesByType('resource').some((e) => /medians/.test(e.name)));
  const box = page.getByRole('searchbox').first();
  await box.click();
  const kb = keyboard(page);
  await expect(kb).toBeVisible();
  expect(await loaded(), 'handwriting data before the pad opened').toBe(false);

  await kb.getByRole('button', { name: '手写' }).click();
  const pad = kb.getByRole('img', { name: /手写区/ });
  await expect(pad).toBeVisible();
  await expect(pad).toHaveAttribute('aria-busy', 'false');
  expect(await loaded()).toBe(true);
  await expectUsableKeys(page, 'the handwriting pad');

  const candidates = kb.getByRole('group', { name: '候选字词' });
  for (const ch of ['低', '保']) {
    await draw(page, pad, ch);
    await expect(candidates.getByRole('button', { name: ch, exact: true })).toBeVisible();
    const first = (await candidates.locator('.candidate').allInnerTexts()).slice(0, 5);
    expect(first, `candidates for ${ch}`).toContain(ch);
    await candidates.getByRole('button', { name: ch, exact: true }).click();
  }
  await expect(box).toHaveValue('低保');
  // Candidates come after each stroke, and 重写 clears the box.
  await draw(page, pad, '人');
  await expect(candidates.locator('.candidate').first()).toBeVisible();
  await kb.getByRole('button', { name: '重写' }).click();
  await expect(candidates.locator('.candidate')).toHaveCount(0);
  await kb.getByRole('button', { name: '拼音' }).click();
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toBeVisible();
});

test('a spoken question typed on the keys: 门口的树能砍吗 by pinyin candidates finds the tree-felling item first', async ({
  page,
}) => {
  await ready(page);
  const box = page.getByRole('searchbox', { name: /搜索/ });
  await box.click();
  const kb = keyboard(page);
  const candidates = kb.getByRole('group', { name: '候选字词' });
  // A visitor pages through the candidates (› key) until the word is there, as on any phone keyboard.
  const pick = async (letters: string, word: string) => {
    await keys(kb, letters);
    const wanted = candidates.getByRole('button', { name: word, exact: true });
    for (let page = 0; page < 6 && !(await wanted.isVisible()); page++)
      await candidates.getByRole('button', { name: '下一页候选' }).click();
    await wanted.click();
  };
  for (const [letters, word] of [
    ['menkou', '门口'],
    ['de', '的'],
    ['shu', '树'],
    ['neng', '能'],
    ['kan', '砍'],
    ['ma', '吗'],
  ] as const)
    await pick(letters, word);
  await expect(box).toHaveValue('门口的树能砍吗');
  // No catalogue row holds the sentence or most of its words: the closest item, by 树 and 砍, comes first.
  const results = page.getByRole('list', { name: '搜索结果：门口的树能砍吗' });
  await expect(results.getByRole('link').first()).toHaveText(/树木砍伐/);
  await expect(box).toBeFocused();
});

test('pinyin with a slip typed on the keys (shebaokka): once typing pauses, 您是不是要找 offers 社保卡', async ({
  page,
}) => {
  // A visitor who comes to a kiosk that stood idle: the page's own engine answers each key in its frame.
  const pageEngine = page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith('search: page engine ready'),
    timeout: 60_000,
  });
  await ready(page);
  await pageEngine;
  const box = page.getByRole('searchbox', { name: /搜索/ });
  await box.click();
  const kb = keyboard(page);
  // Each key is a keystroke's search, which leaves the slow did-you-mean for the pause that follows the last one.
  await keys(kb, 'shebaokka');
  await expect(box).toHaveValue('shebaokka');
  const none = page.getByRole('region', { name: '没有找到“shebaokka”的相关内容' });
  await none.getByRole('button', { name: '社保卡', exact: true }).click();
  await expect(box).toHaveValue('社保卡');
  await expect(page.getByRole('list', { name: '搜索结果：社保卡' }).getByRole('link').first()).toBeVisible();
});
