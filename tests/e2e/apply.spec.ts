// A visitor files an application against the real zone server (tests/e2e/serve.sh): offline, through server errors,
// a connection dropped after the server committed, and a reload mid-send. The server must hold exactly one record per
// application, with the content as typed. Controls are found by role and label only.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { next, startKiosk } from './kiosk.ts';

const STAFF = { Authorization: 'Bearer e2e-token-0123456789abcdefgh' };
const NAME = '阿依古丽·买买提𠮷'; // a middle dot and a character outside the BMP: kept exactly
const ID_NUMBER = '11010519491231002X';

interface ExportRow {
  number: number;
  clientId: string;
  receiptCode: string;
  status: string;
  staffAssisted: boolean;
  application: {
    receiptCode: string;
    applicant: { name: string; idNumber?: string; type: string };
    contact: { phone: string; address: string; postCode: string };
    request: { title: string; description: string; agencyName: string };
    media: string[];
    deliveries: string[];
    consentToPublish: boolean;
  };
}

async function recordsFor(request: APIRequestContext, receiptCode: string): Promise<ExportRow[]> {
  const res = await request.get('/api/v1/staff/export.json', { headers: STAFF });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { applications: ExportRow[] };
  return body.applications.filter((a) => a.receiptCode === receiptCode);
}

/** Fills the whole form as a citizen; returns on the check page. */
async function fillCitizenForm(
  page: Page,
  opts: { checkA11y?: boolean; title: string; shots?: (name: string) => string },
) {
  await page
    .getByRole('navigation', { name: '页面导航' })
    .getByRole('link', { name: '申请信息公开' })
    .click();
  await page.getByRole('button', { name: /我要获取政府信息/ }).click();

  await expect(page.getByText('第 1 步，共 7 步')).toBeVisible();
  // Nothing chosen: the error summary names the question and links to it.
  await next(page);
  const summary = page.getByRole('alert').filter({ hasText: '请修改以下内容' });
  await expect(summary.getByRole('link', { name: /申请人类型/ })).toBeVisible();
  if (opts.checkA11y) await expectAccessible(page, 'step 1 with errors');
  await page.getByLabel('公民').check();
  await next(page);

  await expect(page.getByText('第 2 步，共 7 步')).toBeVisible();
  await page.getByLabel('姓名', { exact: true }).fill(NAME);
  await page.getByLabel('居民身份证').check();
  const idField = page.getByLabel('证件号码');
  await idField.fill('110105194912310021'); // wrong check digit
  await next(page);
  await expect(summary.getByRole('link', { name: /证件号码/ })).toBeVisible();
  if (opts.shots) await page.screenshot({ path: opts.shots('step-2-error.png'), fullPage: true });
  await summary.getByRole('link', { name: /证件号码/ }).click();
  await expect(idField).toBeFocused();
  await idField.fill(ID_NUMBER);
  await next(page);

  await expect(page.getByText('第 3 步，共 7 步')).toBeVisible();
  await expect(page.getByLabel('联系电话')).toHaveAttribute('inputmode', 'tel');
  await expect(page.getByLabel('邮政编码')).toHaveAttribute('inputmode', 'numeric');
  // 上一步 keeps what was typed.
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(NAME);
  await next(page);
  await page.getByLabel('联系电话').fill('138 1234 5678');
  await page.getByLabel('通信地址').fill('某某区人民路1号3单元');
  await page.getByLabel('邮政编码').fill('100000');
  await next(page);

  await expect(page.getByText('第 4 步，共 7 步')).toBeVisible();
  // "Already published?": matching items appear while the description is written.
  await page.getByLabel(/内容描述/).fill('最低生活保障对象名单和低保资金发放情况');
  const suggestions = page.getByRole('list', { name: '这些信息可能已经公开' });
  await expect(suggestions.getByRole('link').first()).toBeVisible();
  if (opts.checkA11y) await expectAccessible(page, 'step 4 with suggestions');
  // One tap opens it; 返回 comes back with nothing lost.
  await suggestions.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('您想获取什么信息？');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByLabel(/内容描述/)).toHaveValue('最低生活保障对象名单和低保资金发放情况');
  await page.getByLabel('信息名称').fill(opts.title);
  await next(page);

  await expect(page.getByText('第 5 步，共 7 步')).toBeVisible();
  await page.getByLabel('区民政局').check();
  await next(page);

  await expect(page.getByText('第 6 步，共 7 步')).toBeVisible();
  await page.getByLabel('纸质').check();
  await page.getByLabel('自行领取').check();
  await page.getByLabel('不同意').check();
  await next(page);

  await expect(page.getByText('第 7 步，共 7 步')).toBeVisible();
  await page.getByRole('button', { name: '核对填写内容' }).click();
  await expect(summary.getByRole('link', { name: /个人信息/ })).toBeVisible();
  await page.getByLabel(/我已阅读以上告知/).check();
  await page.getByRole('button', { name: '核对填写内容' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '请核对填写内容' })).toBeVisible();
  await expect(page.getByRole('link', { name: '修改 姓名' })).toBeVisible();
  if (opts.checkA11y) await expectAccessible(page, 'check answers');
  if (opts.shots) await page.screenshot({ path: opts.shots('check-answers.png'), fullPage: true });
}

async function submitAndReadCode(page: Page): Promise<{ code: string; clientId: string }> {
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请已提交' })).toBeVisible();
  const shown = await page.getByText(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/).textContent();
  const code = shown!.replace(/-/g, '');
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{9}$/);
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
  return { code, clientId };
}

test('offline: file an application, see the receipt, reload, network back: one record as typed', async ({
  page,
  context,
  request,
}, testInfo) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/applications')) posts.push(r.url());
  });
  await startKiosk(page);

  // The network goes down: for the page, and for the exact path the outbox posts to.
  await context.setOffline(true);
  await page.route('**/api/v1/applications', (route) => route.abort('internetdisconnected'));
  await fillCitizenForm(page, {
    checkA11y: true,
    title: '2025年城乡低保资金发放情况',
    shots: (name) => testInfo.outputPath(name),
  });
  const { code, clientId } = await submitAndReadCode(page);

  // The receipt: masked ID, dates under the in-person rule, what happens next, QR code, print.
  await expect(page.getByText('110105********002X')).toBeVisible();
  await expect(page.getByText('138****5678')).toBeVisible();
  await expect(page.getByText(/当面提交，以提交之日为收到申请之日/)).toBeVisible();
  await expect(page.getByText(/自收到申请之日起20个工作日/)).toBeVisible();
  await expect(page.getByText(/第三十条/)).toBeVisible();
  await expect(page.getByText(/第五十一条/)).toBeVisible();
  await expect(page.getByRole('img', { name: /二维码/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '正在发送' })).toBeVisible();
  await expectAccessible(page, 'receipt');
  await page.getByRole('button', { name: '打印回执' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // Printed: only the receipt (no top bar, no buttons), on A4 and on an 80 mm roll (≈ 302 CSS px).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '页面导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印回执' })).toBeHidden();
  await expect(page.getByRole('img', { name: /二维码/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('receipt-a4.png'), fullPage: true });
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 302, height: 1400 });
  await page.screenshot({ path: testInfo.outputPath('receipt-80mm.png'), fullPage: true });
  await page.setViewportSize(viewport);
  await page.emulateMedia({ media: 'screen' });

  // Nothing in plain text in IndexedDB.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kiosk-outbox');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<unknown[]>((resolve) => {
      const r = db.transaction('entries').objectStore('entries').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return JSON.stringify(rows);
  });
  expect(stored).toContain(clientId);
  expect(stored).not.toContain('阿依古丽');
  expect(stored).not.toContain('13812345678');
  expect(stored).not.toContain(ID_NUMBER);

  // The kiosk restarts, still offline: the receipt is still there, still queued.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '申请已提交' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '正在发送' })).toBeVisible();
  expect(await recordsFor(request, code)).toEqual([]);
  const attemptsOffline = posts.length;
  expect(attemptsOffline).toBeGreaterThan(0);

  // The network comes back.
  await page.unroute('**/api/v1/applications');
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });

  const records = await recordsFor(request, code);
  expect(records).toHaveLength(1);
  const app = records[0]!.application;
  expect(records[0]!.clientId).toBe(clientId);
  expect(records[0]!.staffAssisted).toBe(false);
  expect(app.applicant).toMatchObject({ type: 'citizen', name: NAME, idNumber: ID_NUMBER });
  expect(app.contact).toMatchObject({
    phone: '13812345678',
    address: '某某区人民路1号3单元',
    postCode: '100000',
  });
  expect(app.request).toMatchObject({
    title: '2025年城乡低保资金发放情况',
    description: '最低生活保障对象名单和低保资金发放情况',
    agencyName: '区民政局',
  });
  expect(app.media).toEqual(['paper']);
  expect(app.deliveries).toEqual(['collect']);
  expect(app.consentToPublish).toBe(false);

  // After the acknowledgement only the code, status, number and dates are left on the kiosk.
  const left = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('kiosk-outbox');
      r.onsuccess = () => resolve(r.result);
    });
    const row = await new Promise<Record<string, unknown>>((resolve) => {
      const r = db.transaction('entries').objectStore('entries').get(id);
      r.onsuccess = () => resolve(r.result as Record<string, unknown>);
    });
    db.close();
    return row;
  }, clientId);
  expect(left.envelope).toBeUndefined();
  expect(left).toMatchObject({ state: 'acknowledged', serverNumber: records[0]!.number, status: '已受理' });
  expect(left.createdAt).toBeTruthy();
  expect(left.deliveredAt).toBeTruthy();

  // 查询进度: receipt code + last 4 digits of the phone.
  await page.getByRole('link', { name: '查询申请进度' }).click();
  await page.getByLabel('查询码').fill(code.toLowerCase());
  await page.getByLabel('联系电话后4位').fill('5678');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('heading', { name: '办理状态：已受理' })).toBeVisible();
});

test('fault injection: a 500, then a connection dropped after the server committed: still one record', async ({
  page,
  request,
}) => {
  await startKiosk(page);
  let calls = 0;
  await page.route('**/api/v1/applications', async (route) => {
    calls++;
    if (calls === 1) return route.fulfill({ status: 500, json: { error: { code: 'internal' } } });
    if (calls === 2) {
      const res = await route.fetch(); // the server commits…
      expect(res.status()).toBe(201);
      return route.abort('connectionreset'); // …and the answer never arrives
    }
    return route.continue();
  });
  await fillCitizenForm(page, { title: '故障注入测试：2025年低保资金' });
  const { code } = await submitAndReadCode(page);
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });
  expect(calls).toBeGreaterThanOrEqual(3);
  const records = await recordsFor(request, code);
  expect(records).toHaveLength(1);
  expect(records[0]!.application.applicant.name).toBe(NAME);
});

test('the kiosk reloads mid-send: the retry after the restart makes no second record', async ({
  page,
  request,
}) => {
  await startKiosk(page);
  let calls = 0;
  let reloaded!: () => void;
  const wasReloaded = new Promise<void>((r) => (reloaded = r));
  await page.route('**/api/v1/applications', async (route) => {
    calls++;
    if (calls === 1) {
      // The server gets the send; its answer is held until the kiosk has restarted. Whether the server has the
      // record is read from the server itself below, not from this fetch: on a loaded CI machine the fetch once
      // never settled, and the test waited on it for its whole time.
      const forwarded = route.fetch().catch(() => undefined);
      await wasReloaded;
      await Promise.race([forwarded, new Promise((r) => setTimeout(r, 5_000))]);
      return route.abort().catch(() => undefined);
    }
    return route.continue();
  });
  await fillCitizenForm(page, { title: '重启测试：2025年低保资金' });
  const { code, clientId } = await submitAndReadCode(page);
  await expect.poll(async () => (await recordsFor(request, code)).length, { timeout: 60_000 }).toBe(1);
  await page.reload();
  reloaded();
  await expect(page.getByRole('heading', { level: 1, name: '申请已提交' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });
  expect(calls).toBeGreaterThanOrEqual(2);
  const records = await recordsFor(request, code);
  expect(records).toHaveLength(1);
  expect(records[0]!.clientId).toBe(clientId);
});

test('triage sends petitions and corrections elsewhere; staff-assisted filing is marked; electronic receipt rule', async ({
  page,
  request,
}) => {
  // This site counts a kiosk filing as received when the office confirms it (Art. 31(3)).
  await page.route('**/kiosk-config.json', async (route) => {
    const res = await route.fetch();
    const config = (await res.json()) as Record<string, unknown>;
    return route.fulfill({ response: res, json: { ...config, receiptRule: 'electronic' } });
  });
  await startKiosk(page);
  await page.goto('/#/apply');
  await expectAccessible(page, 'triage');
  await page.getByRole('button', { name: /投诉、举报、信访/ }).click();
  await expect(page.getByText(/第三十九条/)).toBeVisible();
  await page.getByRole('link', { name: '返回重新选择' }).click();
  await page.getByRole('button', { name: /更正与我有关的记录/ }).click();
  await expect(page.getByText(/第四十一条/)).toBeVisible();
  await page.getByRole('link', { name: '返回重新选择' }).click();
  await page.getByRole('button', { name: /已公开的公报、出版物/ }).click();
  await expect(page.getByRole('searchbox', { name: /搜索/ })).toBeVisible();

  // An organisation, filled by staff; a USCC failing its check character is a warning that can be confirmed.
  await page.goto('/#/apply');
  await page.getByRole('button', { name: /请工作人员帮我填写/ }).click();
  await expect(page.getByText('工作人员代为填写（口头申请）')).toBeVisible();
  await page.getByLabel('法人或其他组织').check();
  await page.getByRole('radiogroup', { name: '单位类型' }).getByRole('radio', { name: '商业企业' }).check();
  await next(page);
  await page.getByLabel('单位名称').fill('某某市某某科技有限公司');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await page.getByLabel('法定代表人').fill('张三');
  await page.getByLabel('联系人').fill('李四');
  await next(page);
  const confirm = page.getByLabel('我已对照证照核对，代码无误');
  await expect(confirm).toBeVisible();
  await confirm.check();
  await next(page);
  await page.getByLabel('联系电话').fill('010-62345678');
  await page.getByLabel('电子邮箱').fill('office@example.cn');
  await page.getByLabel('通信地址').fill('某某区科技路8号');
  await page.getByLabel('邮政编码').fill('100080');
  await next(page);
  await page.getByLabel('文号').fill('某政发〔2024〕3号');
  await next(page);
  await page.getByLabel('区人民政府办公室').check();
  await next(page);
  await page.getByLabel('电子邮件').first().check();
  await page.getByLabel('电子邮件').nth(1).check();
  await page.getByLabel('同意', { exact: true }).check();
  await next(page);
  await page.getByLabel(/我已阅读以上告知/).check();
  await page.getByRole('button', { name: '核对填写内容' }).click();
  const { code } = await submitAndReadCode(page);
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/以工作人员确认收到之日为准，预计为/)).toBeVisible();
  await expect(page.getByText('工作人员代为填写（口头申请）')).toBeVisible();
  const [record] = await recordsFor(request, code);
  expect(record!.staffAssisted).toBe(true);
  expect(record!.status).toBe('待确认');
  expect(record!.application.applicant).toMatchObject({
    type: 'organization',
    name: '某某市某某科技有限公司',
  });
});

test('no intake key (server unreachable at first start): no filing, the paper form at the desk', async ({
  page,
}) => {
  await page.route('**/kiosk-config.json', async (route) => {
    const res = await route.fetch();
    const config = (await res.json()) as Record<string, unknown>;
    return route.fulfill({ response: res, json: { ...config, intakePublicKey: null } });
  });
  await page.route('**/api/v1/intake-key', (route) => route.abort('internetdisconnected'));
  await startKiosk(page);
  await page.goto('/#/apply');
  await expect(page.getByRole('alert').filter({ hasText: '本机暂时不能受理申请' })).toBeVisible();
  await page.getByRole('button', { name: /我要获取政府信息/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '本机暂时不能受理申请' })).toBeVisible();
  await expect(page.getByText(/纸质申请表/)).toBeVisible();
  await expectAccessible(page, 'no intake key');
});

test('the server is down for a while and asks to wait (503, Retry-After): the kiosk waits, then delivers once', async ({
  page,
  request,
}) => {
  await startKiosk(page);
  const seen: number[] = [];
  await page.route('**/api/v1/applications', async (route) => {
    seen.push(Date.now());
    if (seen.length <= 2) {
      return route.fulfill({
        status: 503,
        headers: { 'Retry-After': '3' },
        json: { error: { code: 'down' } },
      });
    }
    return route.continue();
  });
  await fillCitizenForm(page, { title: '停机测试：2025年低保资金' });
  const { code } = await submitAndReadCode(page);
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });
  expect(seen.length).toBe(3);
  // Each retry waited at least the 3 s the server asked for.
  expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(2_900);
  expect(seen[2]! - seen[1]!).toBeGreaterThanOrEqual(2_900);
  expect(await recordsFor(request, code)).toHaveLength(1);
});
