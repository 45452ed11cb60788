// A screen used well (issue 14): both orientations of a 1080p kiosk, buttons that keep their places, the form's
// order and masking, focus below the sticky bar, high contrast, the agency chosen for the visitor, take-home QR
// codes and public pages, the ID-card reader and the staff views.
import { mkdir } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { fillCitizen, fillRequestToReview, next } from './kiosk.ts';

/** `UPDATE_SCREENSHOTS=1 npx playwright test screen` rewrites the orientation screenshots in docs/screenshots/. */
const SHOTS = !!process.env.UPDATE_SCREENSHOTS;
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

async function ready(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible({
    timeout: 60_000,
  });
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await mkdir('docs/screenshots', { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** The boxes of the top bar's visible buttons, by name. */
async function barButtons(page: Page): Promise<Record<string, { x: number; y: number; w: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number; w: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.topbar .button')) {
      if (getComputedStyle(el).visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      out[el.textContent!.trim()] = { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width) };
    }
    return out;
  });
}

async function openForm(page: Page) {
  await page
    .getByRole('navigation', { name: '页面导航' })
    .getByRole('link', { name: '申请信息公开' })
    .click();
  await page.getByRole('button', { name: /我要获取政府信息/ }).click();
  await expect(page.getByText('第 1 步，共 7 步')).toBeVisible();
}

for (const [orientation, viewport] of [
  ['portrait', PORTRAIT],
  ['landscape', LANDSCAPE],
] as const) {
  test(`${orientation} 1080p: the top bar's buttons on one row, in the same places on every screen`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await ready(page);
    const home = await barButtons(page);
    // 返回 does nothing on home: not shown (but its place kept).
    expect(Object.keys(home)).not.toContain('‹ 返回');
    await expect(page.getByRole('button', { name: '返回' })).toHaveCount(0);
    // The hall's name once: as the heading, not again in the bar.
    const hall = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await expect(page.locator('header')).not.toContainText(hall);
    const rows = new Set(Object.values(home).map((b) => b.y));
    expect(rows.size, `one row of buttons: ${JSON.stringify(home)}`).toBe(1);
    await shot(page, `home-${orientation}`);

    await page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first().click();
    await expect(page.getByRole('button', { name: '返回' })).toBeVisible();
    const browse = await barButtons(page);
    await openForm(page);
    const form = await barButtons(page);
    for (const name of ['首页', '呼叫工作人员', '长辈版', '高对比度', 'English']) {
      expect(browse[name], `${name} on browse`).toEqual(home[name]);
      expect(form[name], `${name} in the form`).toEqual(home[name]);
    }
    expect(new Set(Object.values(form).map((b) => b.y)).size).toBe(1);
    await page.getByLabel('公民').check();
    await next(page);
    await shot(page, `form-${orientation}`);
  });
}

test('landscape 1920×1080 uses the width: more columns of domains, the steps beside the current step', async ({
  page,
}) => {
  await page.setViewportSize(LANDSCAPE);
  await ready(page);
  const tiles = page.getByRole('list', { name: '按领域浏览' }).getByRole('listitem');
  const tops = await tiles.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  const perRow = tops.filter((t) => t === tops[0]).length;
  expect(perRow).toBeGreaterThanOrEqual(6);
  const main = await page.locator('main').boundingBox();
  expect(main!.width).toBeGreaterThan(1700);

  await openForm(page);
  const steps = page.getByRole('navigation', { name: '申请步骤' });
  await expect(steps).toBeVisible();
  await expect(steps.getByRole('listitem')).toHaveCount(7);
  await expect(steps.locator('[aria-current="step"]')).toHaveText('谁来申请？');
  const list = await steps.boundingBox();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(list!.x + list!.width).toBeLessThanOrEqual(heading!.x);
  expect(Math.abs(list!.y - heading!.y)).toBeLessThan(200);
  await expectAccessible(page, 'form step 1, landscape');

  // Narrower screens keep one column: the list is not shown.
  await page.setViewportSize({ width: 1280, height: 1024 });
  await expect(steps).toBeHidden();
});

/** A result row's title as the list shows it (without the 已废止 / 已修改 tag). */
const resultTitle = (link: Locator) =>
  link.evaluate((a) => {
    const title = a.querySelector('.result-title')!.cloneNode(true) as HTMLElement;
    title.querySelector('.validity-tag')?.remove();
    return title.textContent!.trim();
  });

test('landscape 1920×1080: results beside a preview of the selected one; a tap previews, 查看全文 opens', async ({
  page,
}) => {
  await page.setViewportSize(LANDSCAPE);
  await ready(page);
  await page.getByRole('searchbox').fill('低保');
  const list = page.getByRole('list', { name: /^搜索结果/ });
  const results = list.getByRole('link');
  await expect(results.nth(1)).toBeVisible();
  const preview = page.getByRole('region', { name: /^预览/ });

  // The first result is previewed at once, on the right of the list, and marked as the current one.
  const first = await resultTitle(results.first());
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(first);
  await expect(results.first()).toHaveAttribute('aria-current', 'true');
  const listBox = (await list.boundingBox())!;
  const previewBox = (await preview.boundingBox())!;
  expect(previewBox.x).toBeGreaterThanOrEqual(listBox.x + listBox.width);
  expect(previewBox.width).toBeGreaterThan(600);

  // Typing on while the top result stays leaves the preview as it is: the same element, not a change in it.
  await preview.evaluate((el) => {
    const w = window as unknown as { previewEl: Element; previewChanges: number };
    w.previewEl = el;
    w.previewChanges = 0;
    new MutationObserver((records) => (w.previewChanges += records.length)).observe(el, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  await page.getByRole('searchbox').pressSequentially('资金');
  await expect(page.getByRole('list', { name: '搜索结果：低保资金' })).toBeVisible();
  expect(await resultTitle(results.first())).toBe(first);
  expect(
    await page.evaluate(() => {
      const w = window as unknown as { previewEl: Element; previewChanges: number };
      return { same: document.querySelector('.result-preview') === w.previewEl, changes: w.previewChanges };
    }),
  ).toEqual({ same: true, changes: 0 });
  await page.getByRole('searchbox').fill('低保');
  await expect(page.getByRole('list', { name: '搜索结果：低保' })).toBeVisible();

  // A tap on the second result previews it instead of leaving the list.
  const second = await resultTitle(results.nth(1));
  expect(second).not.toBe(first);
  await results.nth(1).click();
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(second);
  await expect(results.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(results.first()).not.toHaveAttribute('aria-current');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(second);
  const open = preview.getByRole('link', { name: '查看全文' });
  await expect(open).toBeVisible();
  const box = (await open.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(60);
  await expectAccessible(page, 'results with the preview, landscape');
  await shot(page, 'results-landscape');
  // In high contrast the big button keeps dark text on its yellow fill (not yellow on yellow).
  await page.getByRole('button', { name: '高对比度' }).click();
  const colours = await open.evaluate((a) => [
    getComputedStyle(a).color,
    getComputedStyle(a).backgroundColor,
  ]);
  expect(colours[0]).not.toBe(colours[1]);
  await expectAccessible(page, 'results with the preview, high contrast');
  await page.getByRole('button', { name: '高对比度' }).click();

  // An 依申请公开 item's preview offers the way into the form, as its page does.
  const onRequest = list.getByRole('link', { name: /家庭经济状况核对结果/ });
  const onRequestTitle = await resultTitle(onRequest);
  await onRequest.click();
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(onRequestTitle);
  await expect(preview.getByRole('link', { name: '申请公开此信息' })).toBeVisible();
  await expect(preview.getByText('依申请公开', { exact: true })).toBeVisible();

  // 查看全文 opens the full page of the previewed result.
  await open.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(onRequestTitle);
  await expect(page).toHaveURL(/#\/item\//);
  await expect(preview).toHaveCount(0);
});

test('results on narrower screens and in portrait: no preview, a tap opens the page', async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 1024 }, PORTRAIT]) {
    await page.setViewportSize(viewport);
    await ready(page);
    await page.getByRole('searchbox').fill('低保');
    const result = page
      .getByRole('list', { name: /^搜索结果/ })
      .getByRole('link')
      .first();
    await expect(result).toBeVisible();
    await expect(page.getByRole('region', { name: /^预览/ })).toHaveCount(0);
    await expect(result).not.toHaveAttribute('aria-current');
    const title = await resultTitle(result);
    await result.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});

test('the form: 上一步 left of 下一步; the error summary below the sticky bar; the ID number masked with 显示', async ({
  page,
}) => {
  await ready(page);
  await openForm(page);
  await page.getByLabel('公民').check();
  await next(page);
  const prev = await page.getByRole('button', { name: '上一步' }).boundingBox();
  const nextBox = await page.getByRole('button', { name: '下一步' }).boundingBox();
  expect(prev!.x + prev!.width).toBeLessThan(nextBox!.x);
  expect(Math.abs(prev!.y - nextBox!.y)).toBeLessThan(4);

  // From the bottom of the page, a failed 下一步 brings the summary into view wholly below the bar.
  await page.getByLabel('姓名', { exact: true }).fill('张三');
  await page.getByRole('button', { name: '下一步' }).scrollIntoViewIfNeeded();
  await next(page);
  const summary = page.getByRole('alert').filter({ hasText: '请修改以下内容' });
  await expect(summary).toBeFocused();
  const bar = await page.locator('header.topbar').boundingBox();
  const box = await summary.boundingBox();
  // The box and its 4 px focus outline (offset 3 px) start below the bar.
  expect(box!.y - 8).toBeGreaterThanOrEqual(bar!.y + bar!.height);

  await page.getByLabel('居民身份证').check();
  await page.getByLabel('证件号码').fill('11010519491231002X');
  await next(page);
  await fillRequestToReview(page, { description: '本街道2024年低保资金发放情况' });

  const answers = page.locator('.answers');
  await expect(answers).not.toContainText('11010519491231002X');
  await expect(answers).toContainText('110105********002X');
  const show = page.getByRole('button', { name: '显示证件号码' });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(answers).toContainText('11010519491231002X');
  await expectAccessible(page, 'check answers, ID shown');
  await show.click();
  await expect(answers).not.toContainText('11010519491231002X');
});

test('high contrast keeps 呼叫工作人员 red', async ({ page }) => {
  await ready(page);
  const staff = page.getByRole('button', { name: '呼叫工作人员' });
  const red = (v: string) => {
    const [r, g, b] = v.match(/\d+/g)!.map(Number);
    return r! > 120 && g! < 40 && b! < 40;
  };
  expect(red(await staff.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
  await page.getByRole('button', { name: '高对比度' }).click();
  await expect(page.locator('html')).toHaveClass(/contrast/);
  expect(red(await staff.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
  await expectAccessible(page, 'home, high contrast');
});

test('the agency step suggests the likely agency, groups the rest by name, and lists each street and town', async ({
  page,
}) => {
  await ready(page);
  await openForm(page);
  await fillCitizen(page);
  await page.getByLabel('联系电话').fill('13812345678');
  await page.getByLabel('通信地址').fill('某某区人民路1号');
  await page.getByLabel('邮政编码').fill('100000');
  await next(page);
  await page.getByLabel(/内容描述/).fill('西城街道最低生活保障对象名单和低保资金发放情况');
  await next(page);
  await expect(page.getByText('第 5 步，共 7 步')).toBeVisible();

  const suggested = page.getByRole('group', { name: '根据您描述的内容，可能是这些机关' });
  await expect(suggested.getByRole('radio', { name: '区民政局' })).toBeVisible();
  // The street the description names is suggested, not every street.
  await expect(suggested.getByRole('radio', { name: '西城街道办事处' })).toBeVisible();
  await expect(suggested.getByRole('radio', { name: '东城街道办事处' })).toHaveCount(0);
  // Each agency is offered once; collective entries are replaced by the actual streets and towns.
  await expect(page.getByRole('radio', { name: '区民政局' })).toHaveCount(1);
  await expect(page.getByRole('radio', { name: '各街道办事处' })).toHaveCount(0);
  const towns = page.getByRole('group', { name: '街道、镇' });
  await expect(towns.getByRole('radio', { name: '东城街道办事处' })).toBeVisible();
  const gov = page.getByRole('group', { name: '区政府及部门' });
  const names = await gov
    .getByRole('radio')
    .evaluateAll((els) => els.map((e) => e.parentElement!.textContent));
  expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
  // The whole step is a screen or two, not 3,400 px.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(2600);
  await expectAccessible(page, 'agency step');

  await towns.getByRole('radio', { name: '东城街道办事处' }).check();
  await next(page);
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(towns.getByRole('radio', { name: '东城街道办事处' })).toBeChecked();
});

test('take it home: every item, guide and interpretation has a QR code to its public page; guides print', async ({
  page,
  request,
}, testInfo) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await ready(page);
  // A guide: QR code to /p/guide/<id>, which the zone server serves as a page of its own.
  await page.getByRole('searchbox').fill('低保');
  const guideLink = page.locator('a[href^="#/guide/"]').first();
  await expect(guideLink).toBeVisible();
  const guideId = decodeURIComponent((await guideLink.getAttribute('href'))!.slice('#/guide/'.length));
  await guideLink.click();
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page.getByRole('img', { name: `在手机上打开“${title}”的二维码` })).toBeVisible();
  const res = await request.get(`/p/guide/${encodeURIComponent(guideId)}`);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain(title);
  await expectAccessible(page, 'guide with QR');

  // Printed: the guide alone, on A4 and on an 80 mm roll without running off the paper.
  await page.getByRole('button', { name: '打印本页' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '页面导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /二维码/ }).last()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('guide-a4.png'), fullPage: true });
  await page.setViewportSize({ width: 302, height: 1400 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath('guide-80mm.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 1024 });

  // An item without a website page still has its QR code (to the zone server's page of it).
  await ready(page);
  await page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first().click();
  let itemLink = page.locator('a[href^="#/item/"]').first();
  while (!(await itemLink.count())) {
    await page.locator('main a[href^="#/browse/"]').first().click();
    itemLink = page.locator('a[href^="#/item/"]').first();
  }
  await itemLink.click();
  await expect(page.getByRole('img', { name: /二维码/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /扫码/ })).toBeVisible();
});

test.describe('the ID-card reader', () => {
  // The kiosk-config is rewritten on its way to the page, which only works without the service worker.
  test.use({ serviceWorkers: 'block' });

  test('读取身份证 is hidden without a reader; with the simulator it fills the name and ID number only', async ({
    page,
  }) => {
    await ready(page);
    await openForm(page);
    await page.getByLabel('公民').check();
    await next(page);
    await expect(page.getByLabel('姓名', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /读取身份证/ })).toHaveCount(0);

    await page.route('**/kiosk-config.json', async (route) => {
      const res = await route.fetch();
      const config = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ response: res, json: { ...config, idCardReader: { protocol: 'simulator' } } });
    });
    await ready(page);
    await openForm(page);
    await page.getByLabel('公民').check();
    await next(page);
    await page.getByRole('button', { name: /读取身份证/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '已读取' })).toBeVisible();
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('张三');
    await expect(page.getByLabel('居民身份证')).toBeChecked();
    await expect(page.getByLabel('证件号码')).toHaveValue('11010519491231002X');
    await expect(page.getByLabel('工作单位')).toHaveValue('');
    await expectAccessible(page, 'applicant step with the reader');
  });
});

test('staff: the status page counts delivered applications and shows local time', async ({ page }) => {
  await ready(page);
  await openForm(page);
  await fillCitizen(page);
  await page.getByLabel('联系电话').fill('13812345678');
  await page.getByLabel('通信地址').fill('某某区人民路1号');
  await page.getByLabel('邮政编码').fill('100000');
  await next(page);
  await page.getByLabel(/内容描述/).fill('本区2024年道路维修计划');
  await next(page);
  await page.getByLabel('区民政局').check();
  await next(page);
  await page.getByLabel('纸质').check();
  await page.getByLabel('自行领取').check();
  await page.getByLabel('不同意').check();
  await next(page);
  await page.getByLabel(/我已阅读以上告知/).check();
  await page.getByRole('button', { name: '核对填写内容' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });
  // The receipt's QR code opens the status look-up for this code.
  await expect(page.getByRole('img', { name: /扫码查询申请进度/ })).toBeVisible();

  // A new start sends a heartbeat; the status page counts the delivered application, in local time.
  await ready(page);
  await expect
    .poll(
      async () => {
        const html = await (
          await page.request.get('/staff/status?token=e2e-token-0123456789abcdefgh')
        ).text();
        return /已送达 ([1-9]\d*)/.exec(html)?.[1] ?? html.match(/已送达 \d+/g)?.join(',');
      },
      { timeout: 30_000 },
    )
    .toMatch(/^[1-9]\d*$/);
  const html = await (await page.request.get('/staff/status?token=e2e-token-0123456789abcdefgh')).text();
  expect(html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  expect(html).toContain('北京时间');
});
