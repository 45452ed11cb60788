// A visitor finds things with the network down: first load online, then offline reload, search, browse, read.
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';

/** The kiosk's home screen, once the sample bundle is imported and its domains are listed. */
async function openHome(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible({
    timeout: 60_000,
  });
}

async function expectAccessible(page: Page, screen: string) {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${screen}`).toEqual([]);
}

test('offline: search, open an item, browse a domain, read a guide', async ({ page, context, request }) => {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url})`);
    if (msg.text().includes('loaded in')) console.log(`sample bundle: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));

  // The kiosk runs under its Content-Security-Policy: anything it blocks in the page is collected and must not be.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });

  // First load online: the service worker takes control and the bundle is imported into IndexedDB.
  const first = await page.goto('/');
  expect(first!.headers()['content-security-policy']).toMatch(/script-src 'self';/);
  await page.waitForFunction(
    () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
  );
  const domains = page.getByRole('list', { name: '按领域浏览' });
  await expect(domains.getByRole('link').first()).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'home (online)');

  // Network off; start again.
  await context.setOffline(true);
  await page.reload();
  const searchbox = page.getByRole('searchbox', { name: /搜索/ });
  await expect(searchbox).toBeVisible();
  await expect(domains.getByRole('link').first()).toBeVisible();
  await expectAccessible(page, 'home (offline)');

  // Pinyin.
  await searchbox.fill('dibao');
  const results = page.getByRole('list', { name: /搜索结果/ });
  await expect(results.getByRole('link', { name: /^最低生活保障/ }).first()).toBeVisible();
  await expectAccessible(page, 'results (dibao)');

  // A broad question: the best 20 first, the rest a tap away.
  await searchbox.fill('补贴');
  await expect(page.getByRole('status').filter({ hasText: /^共找到 \d+ 条$/ })).toBeVisible();
  const found = Number(
    (
      await page
        .getByRole('status')
        .filter({ hasText: /^共找到/ })
        .innerText()
    ).match(/\d+/)![0],
  );
  expect(found).toBeGreaterThan(20);
  await expect(results.getByRole('link')).toHaveCount(20);
  await page.getByRole('button', { name: `显示更多结果（还有 ${found - 20} 条）` }).click();
  await expect(results.getByRole('link')).toHaveCount(Math.min(found, 40));

  // A natural question.
  await searchbox.fill('低保怎么申请');
  // The catalogue item (the guide may rank first for a "how do I apply" question; both are right).
  const hit = results
    .getByRole('list', { name: /^事项/ })
    .getByRole('link', { name: /^最低生活保障/ })
    .first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: /最低生活保障/ })).toBeVisible();
  await expect(page.getByText('公开依据', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /二维码/ })).toBeVisible();
  await expectAccessible(page, 'item');

  // 返回 comes back to the results, as typed.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(searchbox).toHaveValue('低保怎么申请');
  await expect(results.getByRole('link', { name: /^最低生活保障/ }).first()).toBeVisible();
  // 首页 starts over (the typed text is the screen's own state: a new route must win over it), and going back
  // brings the text back from the router (kept in memory, never in the address). Home has no ‹返回 of its own.
  await page.getByRole('button', { name: '首页' }).click();
  await expect(searchbox).toHaveValue('');
  await expect(domains.getByRole('link', { name: /社会救助/ })).toBeVisible();
  await page.goBack();
  await expect(searchbox).toHaveValue('低保怎么申请');
  await expect(results.getByRole('link', { name: /^最低生活保障/ }).first()).toBeVisible();

  // Traditional characters (a visitor from Hong Kong or Taiwan, a traditional input method): read as simplified.
  await searchbox.fill('戶口遷移怎麼辦');
  await expect(results.getByRole('link', { name: /^户口迁移/ }).first()).toBeVisible();

  // A where/phone question: the department's contact above the results.
  await searchbox.fill('最低生活保障在哪里办');
  const contact = page.getByRole('region', { name: /^联系部门：/ });
  await expect(contact).toBeVisible();
  await expect(contact.getByText('0591-88611710')).toBeVisible();

  // A question that shares only some words with the catalogue: the closest documents, said so, help at hand.
  await page.getByRole('button', { name: '首页' }).click();
  await searchbox.fill('老人摔倒了谁管');
  await expect(
    page.getByRole('status').filter({ hasText: '没有完全符合的结果，以下内容可能相关' }),
  ).toBeVisible();
  await expect(results.getByRole('link').first()).toBeVisible();
  const help = page.getByRole('navigation', { name: '没有找到想要的内容？' });
  await expect(help.getByRole('button', { name: '呼叫工作人员' })).toBeVisible();
  await expect(help.getByRole('link', { name: '申请政府信息公开' })).toBeVisible();
  await expectAccessible(page, 'results (closest)');
  // Words of one character are clues too (树, 砍), when the rest (门口) is in no document.
  await searchbox.fill('门口的树能砍吗');
  await expect(results.getByRole('link').first()).toHaveAccessibleName(/树木砍伐/);
  // Nonsense still gets the screen that says nothing was found.
  await searchbox.fill('噼里啪啦咕噜');
  await expect(
    page.getByRole('status').filter({ hasText: '没有找到“噼里啪啦咕噜”的相关内容' }),
  ).toBeVisible();
  // Pinyin with a slip of the finger reads as no word, but the kiosk knows which word it spells once typing pauses.
  await searchbox.fill('shebaokka');
  await expect(page.getByRole('status').filter({ hasText: '没有找到“shebaokka”的相关内容' })).toBeVisible();
  await page.getByRole('button', { name: '社保卡', exact: true }).click();
  await expect(searchbox).toHaveValue('社保卡');
  await expect(page.getByRole('list', { name: '搜索结果：社保卡' }).getByRole('link').first()).toBeVisible();

  // Browse to a domain from the home screen.
  await searchbox.fill('');
  const tile = domains.getByRole('link', { name: /社会救助/ });
  await tile.click();
  await expect(page.getByRole('heading', { level: 1, name: '社会救助' })).toBeVisible();
  await expectAccessible(page, 'domain');

  // Open a guide from an item page.
  await page.getByRole('button', { name: '首页' }).click();
  await searchbox.fill('最低生活保障');
  await results
    .getByRole('link', { name: /^最低生活保障/ })
    .first()
    .click();
  const guides = page.getByRole('list', { name: '相关办事指南' });
  await guides.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: '办理条件' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '申请材料' })).toBeVisible();
  await expectAccessible(page, 'guide');
  expect(await page.locator('main script').count()).toBe(0);

  // An interpretation of a repealed policy: still found by its name, marked in the list, and said so on its page.
  await page.getByRole('button', { name: '首页' }).click();
  await searchbox.fill('最低生活保障实施细则');
  const repealed = results.getByRole('link', {
    name: /^《某某区城乡最低生活保障实施细则》政策解读（已废止）/,
  });
  await expect(repealed).toBeVisible();
  await repealed.click();
  const note = page.getByRole('note');
  await expect(note).toContainText('该政策已废止');
  await expect(note).toContainText('现行规定见《某某区最低生活保障实施办法》');
  await expectAccessible(page, 'interpretation (repealed)');
  // The policy in force carries no such note.
  await page.getByRole('button', { name: '返回' }).click();
  await results.getByRole('link', { name: /^《某某区最低生活保障实施办法》政策解读\s/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /最低生活保障实施办法/ })).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);

  expect(consoleErrors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  // Workers report their violations to the server only (the page cannot see them): nothing was reported.
  const reports = await request.get('/api/v1/staff/csp-reports', {
    headers: { authorization: 'Bearer e2e-token-0123456789abcdefgh' },
  });
  expect(reports.status()).toBe(200);
  expect(await reports.json()).toMatchObject({ count: 0 });
});

test('while typing, every frame fills the screen with results; the whole first page once typing pauses', async ({
  page,
}) => {
  await openHome(page);
  // Sampled just before each frame is painted: when the list shows the field's text but not yet the whole first
  // page, its rows must reach the bottom of what the visitor sees (the viewport, or the top of the keyboard).
  await page.evaluate(() => {
    const w = window as unknown as { __short: string[]; __partial: number };
    w.__short = [];
    w.__partial = 0;
    const tick = () => {
      const field = document.getElementById('kiosk-search') as HTMLInputElement | null;
      const list = document.querySelector('ul[aria-label^="搜索结果"]');
      const count = [...document.querySelectorAll('[role="status"]')]
        .map((e) => /^共找到 (\d+) 条$/.exec(e.textContent ?? ''))
        .find(Boolean);
      if (field && list && count && list.getAttribute('aria-label') === `搜索结果：${field.value}`) {
        const rows = list.querySelectorAll('a.result');
        const wholePage = Math.min(Number(count[1]), 20);
        const last = rows[rows.length - 1]?.getBoundingClientRect();
        const keyboardTop = document.querySelector('.osk')?.getBoundingClientRect().top ?? innerHeight;
        const bottom = Math.min(innerHeight, keyboardTop);
        if (rows.length < wholePage) {
          w.__partial++;
          if (!last || last.bottom < bottom)
            w.__short.push(`${field.value}: ${rows.length} rows end at ${last?.bottom} above ${bottom}`);
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const searchbox = page.getByRole('searchbox', { name: /搜索/ });
  const results = page.getByRole('list', { name: /搜索结果/ });
  // Typed on a hardware keyboard (the on-screen one closed), then, as a visitor does, on the on-screen keys:
  // pinyin and candidates, with the keyboard covering the bottom of the screen.
  await searchbox.focus();
  await searchbox.pressSequentially('补贴申请条件', { delay: 20 });
  await expect(results.getByRole('link')).toHaveCount(20);
  await expect(page.getByRole('button', { name: /^显示更多结果/ })).toBeVisible();
  await page.getByRole('button', { name: '清空搜索' }).click();
  await searchbox.click();
  const kb = page.getByRole('group', { name: /屏幕键盘/ });
  await expect(kb).toBeVisible();
  const candidates = kb.getByRole('group', { name: '候选字词' });
  for (const [letters, word] of [
    ['buzhu', '补助'],
    ['biaozhun', '标准'],
  ] as const) {
    for (const k of letters) await kb.getByRole('button', { name: k, exact: true }).click();
    const wanted = candidates.getByRole('button', { name: word, exact: true });
    for (let p = 0; p < 6 && !(await wanted.isVisible()); p++)
      await candidates.getByRole('button', { name: '下一页候选' }).click();
    await wanted.click();
  }
  await expect(searchbox).toHaveValue('补助标准');
  await expect(results.getByRole('link')).toHaveCount(20);
  const { short, partial } = await page.evaluate(() => {
    const w = window as unknown as { __short: string[]; __partial: number };
    return { short: w.__short, partial: w.__partial };
  });
  expect(short).toEqual([]);
  // The frames drawn while typing did draw less than the whole page (else this test would check nothing).
  expect(partial).toBeGreaterThan(0);
});

test('a result row that stays while typing shows what the new text matches, and its tag follows the language', async ({
  page,
}) => {
  await openHome(page);
  const searchbox = page.getByRole('searchbox', { name: /搜索/ });
  const results = page.getByRole('list', { name: /搜索结果/ });
  // Rows are kept as they were drawn when a keystroke's answer shows them the same: a row whose marks changed
  // must be drawn again. Typed on, then erased back: the rows still on screen mark only what is left.
  await searchbox.focus();
  await searchbox.pressSequentially('最低生活保障', { delay: 30 });
  await expect(results).toHaveAccessibleName('搜索结果：最低生活保障');
  const marked = () => results.locator('mark').allTextContents();
  expect((await marked()).join('')).toContain('生活保障');
  for (let i = 0; i < 4; i++) await searchbox.press('Backspace');
  await expect(results).toHaveAccessibleName('搜索结果：最低');
  const left = await marked();
  expect(left.length).toBeGreaterThan(0);
  for (const text of left)
    expect(
      [...text].every((ch) => '最低'.includes(ch)),
      text,
    ).toBe(true);

  // A repealed policy's tag, drawn in Chinese, is worded again when the visitor switches to English.
  await searchbox.pressSequentially('生活保障实施细则', { delay: 30 });
  const repealed = results.getByRole('link', { name: /最低生活保障实施细则》政策解读（已废止）/ });
  await expect(repealed).toBeVisible();
  // 返回 from a result brings the field back with the text typed, and its results.
  await repealed.click();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(searchbox).toHaveValue('最低生活保障实施细则');
  await expect(repealed).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  // The list's own name is in English now: the link is looked for on the whole page.
  await expect(page.getByRole('link', { name: /最低生活保障实施细则》政策解读 \(repealed\)/ })).toBeVisible();
});

test('a visitor who tells what happened is offered the services it points to, one tap each', async ({
  page,
}) => {
  await openHome(page);
  const searchbox = page.getByRole('searchbox', { name: /搜索/ });
  const results = page.getByRole('list', { name: /搜索结果/ });
  // No word of it names a service: 老伴 and 去世 together do (the built-in situations). Typed as a visitor does,
  // with the kiosk's own keys: pinyin, then the candidate.
  await searchbox.click();
  const keyboard = page.getByRole('group', { name: /屏幕键盘/ });
  const candidates = keyboard.getByRole('group', { name: '候选字词' });
  for (const [pinyin, word] of [
    ['laoban', '老伴'],
    ['qushi', '去世'],
  ] as const) {
    for (const key of pinyin) await keyboard.getByRole('button', { name: key, exact: true }).click();
    await candidates.getByRole('button', { name: word, exact: true }).click();
  }
  await expect(searchbox).toHaveValue('老伴去世');
  const offered = page.getByRole('list', { name: '您说的情况，可能要办：' });
  await expect(offered.getByRole('button', { name: '丧葬补助金' })).toBeVisible();
  await expect(results.getByRole('link', { name: /户口注销/ }).first()).toBeVisible();
  await expectAccessible(page, 'results with the services a situation points to');
  // One tap searches the service by its name.
  await offered.getByRole('button', { name: '户口注销' }).click();
  await expect(searchbox).toHaveValue('户口注销');
  await expect(results).toHaveAccessibleName('搜索结果：户口注销');
  // A query that names its service is offered nothing more.
  await expect(offered).toHaveCount(0);
});
