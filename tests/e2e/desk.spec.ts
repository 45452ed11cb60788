// The office's desk (issue 13) end to end against the e2e server (tests/e2e/serve.sh): a visitor files on the
// kiosk; a clerk of the agency logs in at /desk/, finds it in 申请列表, asks for 补正; the visitor's look-up shows
// the text; the correction is recorded; the clerk replies 部分公开 with a PDF; the look-up says the reply is ready;
// the year's report counts it. A clerk of another agency cannot see it; an idle session ends (the e2e server's
// --desk-idle-seconds 20). The first admin comes from the real CLI (serve.sh); the clerks are created by that admin
// on the desk's own 账号 page. Controls are found by role and label only.
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { fillCitizen, fillRequestAndSubmit, next, openApplicationForm, startKiosk } from './kiosk.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ADMIN = 'e2e-admin';
const adminPassword = () => readFileSync(`.data/e2e-desk-admin-${PORT}.txt`, 'utf8').trim();
/** The e2e server's idle timeout (serve.sh), seconds. */
const IDLE_SECONDS = 20;
/** Unique per run: a reused server keeps the users of earlier runs. */
const RUN = Date.now().toString(36);

/** Today in Beijing, as the server counts it (YYYY-MM-DD). */
function beijingDate(offsetDays = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function logIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/desk/');
  await expect(page).toHaveURL(/\/desk\/login$/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('table', { name: /^申请列表/ })).toBeVisible();
  return page;
}

/** The admin creates a clerk for one agency on the 账号 page; returns the one-time password shown. */
async function createClerk(admin: Page, username: string, agencyName: string): Promise<string> {
  await admin.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '账号' }).click();
  await admin.getByLabel('用户名').fill(username);
  await admin.getByLabel('姓名').fill(`经办人${username}`);
  await admin.getByLabel('角色').selectOption({ label: '经办人' });
  await admin.getByLabel(/负责的机关/).selectOption({ label: agencyName });
  await admin.getByRole('button', { name: '创建账号' }).click();
  const created = admin.getByRole('status').filter({ hasText: `已创建 ${username}` });
  await expect(created).toBeVisible();
  return (await created.getByRole('code').textContent())!.trim();
}

/** Files an application with 区民政局 as a citizen, or as an organisation of the given kind; returns the code. */
async function fileApplication(
  page: Page,
  opts: { title: string; organisationKind?: string },
): Promise<string> {
  await openApplicationForm(page);
  if (opts.organisationKind) {
    await page.getByLabel('法人或其他组织').check();
    // Item 5: an organisation says which kind it is (the annual report's columns); nothing chosen is an error.
    const kinds = page.getByRole('radiogroup', { name: /单位类型/ });
    await expect(kinds).toBeVisible();
    await next(page);
    const summary = page.getByRole('alert').filter({ hasText: '请修改以下内容' });
    await expect(summary.getByRole('link', { name: /单位类型/ })).toBeVisible();
    for (const k of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'])
      await expect(kinds.getByRole('radio', { name: k, exact: true })).toBeVisible();
    await kinds.getByRole('radio', { name: opts.organisationKind, exact: true }).check();
    await next(page);
    await page.getByLabel('单位名称').fill('某某大学公共政策研究院');
    await page.getByLabel('统一社会信用代码').fill('12100000400000624D');
    await page.getByLabel('法定代表人').fill('王五');
    await page.getByLabel('联系人').fill('赵六');
    await next(page);
    const confirm = page.getByLabel('我已对照证照核对，代码无误');
    if (await confirm.isVisible()) {
      await confirm.check();
      await next(page);
    }
  } else await fillCitizen(page);
  const code = await fillRequestAndSubmit(page, { description: '城乡低保资金发放情况', title: opts.title });
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });
  return code;
}

/** The kiosk's 查询进度 for a code; returns the answer region. */
async function lookUp(page: Page, code: string) {
  await page.goto('/#/apply/status');
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('联系电话后4位').fill('5678');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  return page.getByRole('status').filter({ hasText: '办理状态' });
}

/** One cell of the report's part 3: the row whose label starts with `row`, the column named `column`. */
async function reportCell(page: Page, year: string, row: RegExp, column: string): Promise<number> {
  await page.goto(`/desk/report?year=${year}`);
  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.indexOf(column) - 1; // the first header is the rows' own
  expect(index, `column ${column}`).toBeGreaterThanOrEqual(0);
  const text = await table.getByRole('row', { name: row }).getByRole('cell').nth(index).textContent();
  return Number(text);
}

test('a filing reaches the clerk; 补正 and its text on the look-up; reply 部分公开 with a PDF; the report counts it; another agency’s clerk cannot see it', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const year = beijingDate().slice(0, 4);
  const admin = await logIn(browser, ADMIN, adminPassword());
  const clerkName = `mz${RUN}`;
  const otherName = `jy${RUN}`;
  const clerkPassword = await createClerk(admin, clerkName, '区民政局');
  const otherPassword = await createClerk(admin, otherName, '区教育局');
  const partlyRow = /^\(二\)部分公开/;
  const before = await reportCell(admin, year, partlyRow, '自然人');
  await admin.context().close();

  // The visitor files on the kiosk.
  await startKiosk(page);
  const code = await fileApplication(page, { title: `工作台测试 ${RUN}` });

  // The clerk finds it in 申请列表 and opens it.
  let clerk = await logIn(browser, clerkName, clerkPassword);
  await expectAccessible(clerk, 'desk queue');
  const queue = clerk.getByRole('table', { name: /^申请列表/ });
  await queue.getByRole('link', { name: code }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: new RegExp(`申请 ${code}`) })).toBeVisible();
  await expect(clerk.getByText('张三', { exact: true })).toBeVisible();
  await expectAccessible(clerk, 'desk application');

  // 补正 (Art. 30).
  const correctionText = `请补充所需低保资金信息的年度和发放街道（${RUN}）`;
  const correctionForm = clerk.getByRole('form', { name: '发出补正通知' });
  await correctionForm.getByLabel('需要补正的内容').fill(correctionText);
  await correctionForm.getByLabel(/补正期限/).fill(beijingDate(15));
  await correctionForm.getByRole('button', { name: '发出补正通知' }).click();
  await expect(clerk.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(clerk.getByRole('heading', { level: 1 })).toContainText('需补正');

  // The visitor's look-up shows what to correct, and by when.
  let answer = await lookUp(page, code);
  await expect(answer.getByRole('heading', { name: '办理状态：需补正' })).toBeVisible();
  await expect(answer.getByRole('definition').filter({ hasText: correctionText })).toBeVisible();

  // The correction arrives; the clerk records it and replies 部分公开 with a PDF.
  clerk = await logIn(browser, clerkName, clerkPassword);
  await clerk.goto(`/desk/applications/${code}`);
  await clerk.getByRole('form', { name: '收到补正' }).getByRole('button', { name: '登记收到补正' }).click();
  await expect(clerk.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(clerk.getByRole('heading', { level: 1 })).toContainText('已受理');
  const reply = clerk.getByRole('form', { name: '答复' });
  await reply.getByLabel('答复结果').selectOption('部分公开');
  await reply.getByLabel('法律依据').fill('《中华人民共和国政府信息公开条例》第三十七条');
  await reply.getByLabel(/答复书/).setInputFiles({
    name: '答复书.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% 部分公开答复书\n%%EOF\n'),
  });
  await reply.getByRole('button', { name: '作出答复' }).click();
  await expect(clerk.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(clerk.getByRole('heading', { level: 1 })).toContainText('部分公开');
  const download = clerk.waitForEvent('download');
  await clerk.getByRole('link', { name: '答复书.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('答复书.pdf');

  // The look-up says the reply is ready.
  answer = await lookUp(page, code);
  await expect(answer.getByRole('heading', { name: '办理状态：部分公开' })).toBeVisible();
  await expect(answer).toContainText('答复书已准备好');

  // Retention: the replied application is scheduled (by receipt code only); the statistics are kept.
  await clerk.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '保存期限' }).click();
  const schedule = clerk.getByRole('table', { name: /^将要删除的申请/ });
  await expect(schedule.getByRole('link', { name: code })).toBeVisible();
  await expect(schedule).not.toContainText('张三');
  await expect(clerk.getByText(/年度报告的统计保留/)).toBeVisible();
  await expectAccessible(clerk, 'desk retention');

  // The year's report counts it under 部分公开, 自然人; the check holds.
  expect(await reportCell(clerk, year, partlyRow, '自然人')).toBeGreaterThanOrEqual(1);
  // (Sessions end after 20 s idle here: each step that came back after the kiosk's logs in again.)
  const admin2 = await logIn(browser, ADMIN, adminPassword());
  expect(await reportCell(admin2, year, partlyRow, '自然人')).toBe(before + 1);
  await expect(admin2.getByRole('status').filter({ hasText: '核对无误' })).toBeVisible();
  await expectAccessible(admin2, 'desk report');

  // A clerk of another agency: not in the queue, not even by its code, and its page is refused.
  const other = await logIn(browser, otherName, otherPassword);
  await expect(other.getByRole('table', { name: /^申请列表/ }).getByRole('link', { name: code })).toHaveCount(
    0,
  );
  await other.getByLabel('查询码或申请人姓名').fill(code);
  await other.getByRole('button', { name: '筛选' }).click();
  await expect(other.getByRole('table', { name: /^申请列表/ })).toContainText('没有符合条件的申请');
  const refused = await other.goto(`/desk/applications/${code}`);
  expect([403, 404]).toContain(refused!.status());
  await expect(other.getByText('张三')).toHaveCount(0);
});

test('the login page is accessible; a wrong password is refused; an idle session ends', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/desk/login');
  await expectAccessible(page, 'desk login');
  await page.getByLabel('用户名').fill(ADMIN);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不对。');

  await page.getByLabel('密码').fill(adminPassword());
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('table', { name: /^申请列表/ })).toBeVisible();
  // Active use keeps the session: a request inside the idle time.
  await page.waitForTimeout((IDLE_SECONDS / 2) * 1000);
  await page.reload();
  await expect(page.getByRole('table', { name: /^申请列表/ })).toBeVisible();
  // Then nothing for longer than the idle time: the next request goes to the login page.
  await page.waitForTimeout((IDLE_SECONDS + 2) * 1000);
  await page.reload();
  await expect(page).toHaveURL(/\/desk\/login$/);
  await expect(page.getByLabel('用户名')).toBeVisible();
});

test('an organisation says which kind it is; the desk shows it and the report counts it in that column', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const year = beijingDate().slice(0, 4);
  const newRow = /^一、本年新收/;
  let admin = await logIn(browser, ADMIN, adminPassword());
  const before = await reportCell(admin, year, newRow, '科研机构');
  await admin.context().close();

  await startKiosk(page);
  const code = await fileApplication(page, { title: `单位类型测试 ${RUN}`, organisationKind: '科研机构' });

  admin = await logIn(browser, ADMIN, adminPassword());
  await admin.goto(`/desk/applications/${code}`);
  await expect(admin.getByRole('definition').filter({ hasText: '法人或其他组织（科研机构）' })).toBeVisible();
  expect(await reportCell(admin, year, newRow, '科研机构')).toBe(before + 1);
  await expect(admin.getByRole('status').filter({ hasText: '核对无误' })).toBeVisible();
});
