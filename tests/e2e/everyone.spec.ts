// A kiosk for everyone (issue 6): idle reset that leaves nothing behind, the pinyin on-screen keyboard, 长辈版,
// high contrast, English, call staff, guards, target sizes and axe on every screen in every mode.
import { mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

/** `UPDATE_SCREENSHOTS=1 npx playwright test everyone` rewrites docs/screenshots/ (committed for reviewers). */
const SHOTS = !!process.env.UPDATE_SCREENSHOTS;

/** Idle override honoured under automation only: 5 s of browsing, 8 s of warning (12 s in the form). */
const IDLE = '/?idle=5,8,12';

async function ready(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible({
    timeout: 60_000,
  });
  // On a loaded machine the first start can outlast a test's short idle time (IDLE's 5 s): the visit begins now.
  // A warning that came while the kiosk loaded is answered, and a touch restarts the idle timer.
  const warning = page.getByRole('alertdialog', { name: '您还在使用吗？' });
  if (await warning.isVisible()) await warning.getByRole('button', { name: '继续使用' }).click();
  await page.locator('body').dispatchEvent('pointerdown');
}

/** Every visible button and link is at least 60 × 60 CSS px. */
async function expectBigTargets(page: Page, screen: string) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], [role="button"]')]
      .filter((el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 60 || r.height < 60))
      .map(({ el, r }) => `${el.tagName} "${el.textContent?.trim().slice(0, 20)}" ${r.width}×${r.height}`),
  );
  expect(small, `targets under 60 px on ${screen}`).toEqual([]);
  // And at least 8 px apart (boxes that do not overlap vertically or horizontally are measured on the gap).
  const close = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('button, a[href], [role="button"]')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      // Only what can be touched now (not what scrolled under the docked keyboard or the sticky top bar).
      .filter(({ el, r }) => {
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return true;
        const hit = document.elementFromPoint(x, y);
        return !!hit && (el === hit || el.contains(hit));
      });
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // The docked keyboard floats over the page, which scrolls beneath it.
        if (!!a.el.closest('.osk') !== !!b.el.closest('.osk')) continue;
        const dx = Math.max(b.r.left - a.r.right, a.r.left - b.r.right);
        const dy = Math.max(b.r.top - a.r.bottom, a.r.top - b.r.bottom);
        if (Math.max(dx, dy) < 7.5)
          out.push(
            `"${a.el.textContent?.trim().slice(0, 12)}" / "${b.el.textContent?.trim().slice(0, 12)}" ${Math.max(dx, dy)}px`,
          );
      }
    }
    return out.slice(0, 10);
  });
  expect(close, `targets closer than 8 px on ${screen}`).toEqual([]);
}

/** Interface text (outside published content marked lang="zh-CN") with CJK characters. */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (!/[\u3400-\u9fff]/.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest('[lang="zh-CN"], script, style, noscript')) continue;
      if (!el.getClientRects().length) continue;
      out.push(text.trim().slice(0, 40));
    }
    return out;
  });
}

const searchbox = (page: Page) => page.getByRole('searchbox', { name: /搜索|Search/ });
const keyboard = (page: Page) => page.getByRole('group', { name: /屏幕键盘|On-screen keyboard/ });

test('idle: the warning keeps the visit; then everything is cleared and Back cannot reach it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ready(page, IDLE);
  // Type on the on-screen keyboard, open a result, come back, scroll.
  await searchbox(page).click();
  for (const k of 'dibao') await keyboard(page).getByRole('button', { name: k, exact: true }).click();
  await expect(searchbox(page)).toHaveValue('dibao');
  const results = page.getByRole('list', { name: /搜索结果/ });
  await expect(results.getByRole('link').first()).toBeVisible();
  await results.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '长辈版' }).click();
  await expect(page.locator('html')).toHaveClass(/elder/);

  // The warning comes, with a countdown; 继续使用 keeps the visit, again and again.
  const dialog = page.getByRole('alertdialog', { name: '您还在使用吗？' });
  for (let i = 0; i < 2; i++) {
    await expect(dialog).toBeVisible({ timeout: 10_000 });
    await expect(dialog).toContainText(/\d+ 秒后将返回首页/);
    await dialog.getByRole('button', { name: '继续使用' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/elder/);
  const itemUrl = page.url();
  expect(itemUrl).toContain('#/item/');

  // Then nobody touches it: the attract screen, nothing of the visit left.
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expectAccessible(page, 'idle warning');
  if (SHOTS) await page.screenshot({ path: 'docs/screenshots/idle-warning-elder.png' });
  const attract = page.getByRole('button', { name: '轻触屏幕开始' });
  await expect(attract).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: /政务公开专区/ })).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/elder/);
  expect(await page.evaluate(() => sessionStorage.length)).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expectAccessible(page, 'attract');
  if (SHOTS) await page.screenshot({ path: 'docs/screenshots/attract-normal.png' });
  await expectBigTargets(page, 'attract');

  // Back (and forward) cannot reach the previous visitor's pages.
  for (let i = 0; i < 3; i++) {
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toContain('dibao');
    await expect(page.getByText('dibao')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: /最低生活保障/ })).toHaveCount(0);
  }
  await page.goForward().catch(() => undefined);
  await expect(page.getByText('dibao')).toHaveCount(0);

  // Touch to start: an empty search field.
  if (!(await attract.isVisible())) await page.goto(IDLE);
  else await attract.click();
  await expect(searchbox(page)).toHaveValue('');
});

test('idle in the form: the longer form time, then every field is cleared', async ({ page }) => {
  test.setTimeout(120_000);
  await ready(page, IDLE);
  const dialog = page.getByRole('alertdialog', { name: '您还在使用吗？' });
  const openForm = async () => {
    // On the way to the form the browse time (5 s) may run out on a loaded machine: the visitor answers the
    // warning, as anyone would. Inside the form the warning is what this test waits for.
    await page.addLocatorHandler(dialog, () => dialog.getByRole('button', { name: '继续使用' }).click());
    await page
      .getByRole('navigation', { name: '页面导航' })
      .getByRole('link', { name: '申请信息公开' })
      .click();
    await page.getByRole('button', { name: /我要获取政府信息/ }).click();
    await page.getByLabel('公民').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.removeLocatorHandler(dialog);
  };
  await openForm();
  const name = page.getByLabel('姓名', { exact: true });
  await name.click();
  const kb = keyboard(page);
  for (const k of 'zhang') await kb.getByRole('button', { name: k, exact: true }).click();
  await kb.getByRole('group', { name: '候选字词' }).getByRole('button', { name: '张', exact: true }).click();
  await expect(name).toHaveValue('张');
  // The ID number gets the digits pad with X.
  const id = page.getByLabel('证件号码');
  await id.click();
  await expect(kb.getByRole('button', { name: 'q', exact: true })).toHaveCount(0);
  for (const k of ['1', '1', '0', 'X']) await kb.getByRole('button', { name: k, exact: true }).click();
  await expect(id).toHaveValue('110X');
  const started = Date.now();

  // Inside the form the browse time (5 s) is not enough to warn: the form time (12 s) is.
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  expect(Date.now() - started).toBeGreaterThan(10_000);
  await expect(page.getByRole('button', { name: '轻触屏幕开始' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('110X')).toHaveCount(0);
  for (let i = 0; i < 3; i++) {
    await page.goBack().catch(() => undefined);
    await expect(page.getByLabel('姓名', { exact: true })).toHaveCount(0);
  }
  await page.goto(IDLE);
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible();
  await openForm();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');
});

test('on-screen keyboard: dibao → 低保 searches for 低保; never covers the field; digits and e-mail', async ({
  page,
}) => {
  await ready(page);
  const box = searchbox(page);
  await box.click();
  const kb = keyboard(page);
  await expect(kb).toBeVisible();
  expect(await box.getAttribute('inputmode')).toBe('none');
  for (const k of 'dibao') await kb.getByRole('button', { name: k, exact: true }).click();
  await expect(box).toHaveValue('dibao');
  const candidates = kb.getByRole('group', { name: '候选字词' });
  await expect(candidates.getByRole('button').first()).toHaveText('低保');
  await candidates.getByRole('button', { name: '低保', exact: true }).click();
  await expect(box).toHaveValue('低保');
  // The text is kept out of the address: Chromium's History database records every address (issue 12).
  await page.waitForTimeout(600);
  expect(decodeURIComponent(page.url())).not.toContain('低保');
  await expect(
    page
      .getByRole('list', { name: /搜索结果/ })
      .getByRole('link')
      .first(),
  ).toBeVisible();
  await expect(box).toBeFocused();
  // The results take the domain tiles' place; emptied with the keyboard's own 删除, the field brings them back.
  const tiles = page.getByRole('list', { name: '按领域浏览' });
  await expect(tiles).toBeHidden();

  // The field stays above the keyboard.
  const f = (await box.boundingBox())!;
  const k = (await kb.boundingBox())!;
  expect(f.y + f.height).toBeLessThanOrEqual(k.y);

  // 民政局 from the bundle's departments, before single characters.
  await kb.getByRole('button', { name: '删除' }).click();
  await kb.getByRole('button', { name: '删除' }).click();
  await expect(box).toHaveValue('');
  await expect(tiles).toBeVisible();
  await expect(tiles.getByRole('link').first()).toBeVisible();
  for (const key of 'minzhengju') await kb.getByRole('button', { name: key, exact: true }).click();
  await expect(candidates.getByRole('button').first()).toHaveText(/民政局$/);
  await candidates.getByRole('button', { name: '民政局', exact: true }).click();
  await expect(box).toHaveValue('民政局');

  // Candidates come a page at a time, so none is clipped out of reach; › and ‹ page through them.
  for (const key of 'zh') await kb.getByRole('button', { name: key, exact: true }).click();
  const next = candidates.getByRole('button', { name: '下一页候选' });
  await expect(next).toBeVisible();
  const firstPage = await candidates.locator('.candidate').allInnerTexts();
  expect(firstPage).toHaveLength(8);
  await next.click();
  await expect(candidates.getByRole('button', { name: '上一页候选' })).toBeVisible();
  const secondPage = await candidates.locator('.candidate').allInnerTexts();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage).not.toContain(firstPage[0]);
  await expectAccessible(page, 'keyboard (second page of candidates)');
  await expectBigTargets(page, 'keyboard (second page of candidates)');
  await candidates.getByRole('button', { name: '上一页候选' }).click();
  expect(await candidates.locator('.candidate').allInnerTexts()).toEqual(firstPage);
  await kb.getByRole('button', { name: '删除' }).click();
  await kb.getByRole('button', { name: '删除' }).click();
  await expect(box).toHaveValue('民政局');
  await expectAccessible(page, 'keyboard');
  await expectBigTargets(page, 'keyboard');

  // Raw letters (英文) go in as typed.
  await kb.getByRole('button', { name: '英文' }).click();
  await kb.getByRole('button', { name: 'x', exact: true }).click();
  await expect(box).toHaveValue('民政局x');
  await kb.getByRole('button', { name: '收起键盘' }).click();
  await expect(kb).toBeHidden();

  // Digits (ID with X) and e-mail layouts, on fields that ask for them.
  await page.evaluate(() => {
    const make = (kind: string, type = 'text') => {
      const i = document.createElement('input');
      i.type = type;
      i.dataset.keyboard = kind;
      i.setAttribute('aria-label', kind);
      i.style.cssText = 'display:block;min-height:64px;font:inherit';
      document.querySelector('main')!.prepend(i);
    };
    make('id');
    make('email', 'email');
  });
  await page.getByRole('textbox', { name: 'id' }).click();
  for (const key of ['1', '1', 'X']) await kb.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'id' })).toHaveValue('11X');
  await expect(kb.getByRole('button', { name: 'a', exact: true })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'email' }).click();
  for (const key of ['a', '@', 'b', '.com']) await kb.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'email' })).toHaveValue('a@b.com');
});

test('the credit code (USCC) gets upper-case keys without I O Z S V; pasted text becomes upper-case', async ({
  page,
}) => {
  await ready(page);
  await page
    .getByRole('navigation', { name: '页面导航' })
    .getByRole('link', { name: '申请信息公开' })
    .click();
  await page.getByRole('button', { name: /我要获取政府信息/ }).click();
  await page.getByLabel('法人或其他组织').check();
  await page.getByRole('radiogroup', { name: '单位类型' }).getByRole('radio', { name: '商业企业' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  const uscc = page.getByLabel('统一社会信用代码');
  await uscc.click();
  const kb = keyboard(page);
  await expect(kb).toBeVisible();
  for (const k of ['q', 'm', 'I', 'O', 'Z', 'S', 'V'])
    await expect(kb.getByRole('button', { name: k, exact: true })).toHaveCount(0);
  for (const k of '91350100M000100Y43') await kb.getByRole('button', { name: k, exact: true }).click();
  await expect(uscc).toHaveValue('91350100M000100Y43');
  await expectAccessible(page, 'USCC keyboard');
  await expectBigTargets(page, 'USCC keyboard');
  await kb.getByRole('button', { name: '收起键盘' }).click();
  // A valid code: the error summary does not name it.
  await page.getByRole('button', { name: '下一步' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '请修改以下内容' });
  await expect(summary.getByRole('link', { name: /单位名称/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /统一社会信用代码/ })).toHaveCount(0);
  // Pasted or typed on a physical keyboard (full-width from an IME too): upper-case, half-width.
  await uscc.fill('91350100m000100y43');
  await expect(uscc).toHaveValue('91350100M000100Y43');
  await uscc.fill('９１３５０１００ｍ０００１００ｙ４３');
  await expect(uscc).toHaveValue('91350100M000100Y43');
});

test('call staff, guards and external links', async ({ page }) => {
  const posted: unknown[] = [];
  await page.route('**/api/v1/events', async (route) => {
    posted.push(route.request().postDataJSON());
    await route.fulfill({ status: 404, body: '' });
  });
  await ready(page);
  await page.getByRole('button', { name: '呼叫工作人员' }).click();
  const dialog = page.getByRole('dialog', { name: '呼叫工作人员' });
  await expect(dialog).toContainText('服务台位置');
  await expect(dialog.getByRole('status')).toHaveText(/请前往服务台|已通知/);
  expect(posted).toEqual([expect.objectContaining({ kind: 'call-staff', site: expect.any(String) })]);
  await expectAccessible(page, 'call staff');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  // The context menu is refused; an outside link becomes a QR code.
  const prevented = await page.evaluate(() => {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('main')!.dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(prevented).toBe(true);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://www.gov.cn/zhengce/';
    a.textContent = 'outside';
    a.className = 'button';
    document.querySelector('main')!.prepend(a);
  });
  await page.getByRole('link', { name: 'outside' }).click();
  const qr = page.getByRole('dialog', { name: '用手机扫码打开' });
  await expect(qr.getByRole('img', { name: /二维码/ })).toBeVisible();
  expect(page.url()).toContain('localhost');
  await qr.getByRole('button', { name: '关闭' }).click();
});

/** Turns a mode on (idempotent: a same-document navigation keeps the visitor's choices). */
async function pressOn(page: Page, name: string | RegExp) {
  const b = page.getByRole('button', { name });
  if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
}

test('朗读 reads the page with a Chinese voice, and is hidden when the system has none', async ({ page }) => {
  await ready(page);
  const voices = await page.evaluate(
    () => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('zh')).length,
  );
  if (!voices) await expect(page.getByRole('button', { name: '朗读' })).toHaveCount(0);

  await page.addInitScript(() => {
    const voice = { lang: 'zh-CN', name: 'test', voiceURI: 'test', default: true, localService: true };
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    speechSynthesis.getVoices = () => [voice as SpeechSynthesisVoice];
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      spoken.push(u.text);
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 50);
    };
  });
  await ready(page);
  await page.getByRole('button', { name: '朗读' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.join('')))
    .toContain('政务公开专区');
  await expect(page.getByRole('button', { name: '朗读' })).toBeVisible();
});

const MODES = [
  { name: 'normal', set: async (_p: Page) => {} },
  { name: 'elder', set: async (p: Page) => pressOn(p, '长辈版') },
  { name: 'contrast', set: async (p: Page) => pressOn(p, '高对比度') },
  {
    name: 'english',
    set: async (p: Page) => {
      const b = p.getByRole('button', { name: 'Switch to English' });
      if (await b.count()) await b.click();
    },
  },
] as const;

for (const mode of MODES) {
  test(`every screen in ${mode.name} mode: axe, 60 px targets, 返回/首页/呼叫工作人员, English chrome; screenshots`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await mkdir('docs/screenshots', { recursive: true });
    await ready(page);
    await mode.set(page);
    const en = mode.name === 'english';
    const shot = async (screen: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      if (SHOTS) await page.screenshot({ path: `docs/screenshots/${screen}-${mode.name}.png`, type: 'png' });
    };
    const check = async (screen: string) => {
      await expectAccessible(page, `${screen} (${mode.name})`);
      await expectBigTargets(page, `${screen} (${mode.name})`);
      // On home (results, keyboard: home too) 返回 would do nothing: it keeps its place unseen (issue 14).
      const backButton = page.getByRole('button', { name: en ? 'Back' : '返回' });
      if (['home', 'results', 'keyboard'].includes(screen)) await expect(backButton).toHaveCount(0);
      else await expect(backButton).toBeVisible();
      await expect(page.getByRole('button', { name: en ? 'Home' : '首页' })).toBeVisible();
      const staff = page.getByRole('button', { name: en ? 'Call staff' : '呼叫工作人员' });
      await expect(staff).toBeVisible();
      if (en) expect(await untranslated(page), `untranslated on ${screen}`).toEqual([]);
    };

    await check('home');
    await shot('home');
    const staffBox = await page
      .getByRole('button', { name: en ? 'Call staff' : '呼叫工作人员' })
      .boundingBox();

    await searchbox(page).fill('低保');
    const results = page.getByRole('list', { name: en ? /Search results/ : /搜索结果/ });
    await expect(results.getByRole('link').first()).toBeVisible();
    await check('results');
    await shot('results');

    await results
      .getByRole('link', { name: /^最低生活保障/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /最低生活保障/ })).toBeVisible();
    await check('item');
    await shot('item');
    // 呼叫工作人员 stays in the same place.
    const staffBox2 = await page
      .getByRole('button', { name: en ? 'Call staff' : '呼叫工作人员' })
      .boundingBox();
    expect(staffBox2).toEqual(staffBox);

    const guides = page.getByRole('list', { name: en ? 'Related guides' : '相关办事指南' });
    if (await guides.count()) {
      await guides.getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await check('guide');
    }

    await page.getByRole('button', { name: en ? 'Home' : '首页' }).click();
    await page
      .getByRole('list', { name: en ? 'Browse by area' : '按领域浏览' })
      .getByRole('link')
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check('domain');

    // An interpretation of a repealed policy: its note readable in every mode (axe checks its contrast).
    await page.goto('/#/interpretation/dibao-shishi-xize-2020');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await mode.set(page);
    await expect(page.getByRole('note')).toContainText(en ? 'This policy has been repealed' : '该政策已废止');
    await check('interpretation (repealed)');
    await shot('interpretation-repealed');

    await page.goto('/#/departments');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await mode.set(page);
    await check('departments');

    await page.goto('/#/apply');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await mode.set(page);
    await check('apply');

    // The form's error summary and field errors (the shared validators' messages) in this mode's language.
    await page
      .getByRole('button', { name: en ? /I want government information/ : /我要获取政府信息/ })
      .click();
    const next = page.getByRole('button', { name: en ? 'Next' : '下一步' });
    await next.click();
    const summary = page
      .getByRole('alert')
      .filter({ hasText: en ? 'Please fix the following' : '请修改以下内容' });
    await expect(
      summary.getByRole('link', {
        name: en ? /^Applicant type: Please choose who is applying/ : /^申请人类型：/,
      }),
    ).toBeVisible();
    await check('form errors');
    await page.getByLabel(en ? 'A citizen (individual)' : '公民').check();
    await next.click();
    await page.getByLabel(en ? 'Resident ID card' : '居民身份证', { exact: true }).check();
    await page.getByLabel(en ? 'Document number' : '证件号码').fill('110105194912310021');
    await next.click();
    await expect(
      summary.getByRole('link', { name: en ? /^Full name: Please enter the name\./ : /^姓名：/ }),
    ).toBeVisible();
    await expect(
      page.getByText(en ? /One character of the ID card number is wrong/ : /身份证号码有一位不对/).last(),
    ).toBeVisible();
    await check('form field errors');

    // The keyboard in this mode.
    await page.goto('/');
    await mode.set(page);
    await searchbox(page).click();
    await expect(keyboard(page)).toBeVisible();
    await check('keyboard');
    await shot('keyboard');
  });
}
