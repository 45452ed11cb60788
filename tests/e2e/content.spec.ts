// Issue 15: the zone's own topic, catalogue details, browse filters, and an 依申请公开 item that leads into the
// application form with its name and agency filled in. Controls are found by role and label only.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { generateKioskKeyPair, keyIdOfKioskKey } from '../../src/core/auth/request-signature.ts';
import { sealJson, type PublicEcJwk } from '../../src/core/crypto/sealed-box.ts';
import { signedFetch } from '../../src/kiosk/auth/signed-fetch.ts';
import { sampleApplication } from '../unit/kiosk/sample-application.ts';
import { expectAccessible } from './axe.ts';
import { startKiosk } from './kiosk.ts';

test('the 政务公开 domain holds its catalogue and guide; filters narrow it; template A says 目录未列明', async ({
  page,
}) => {
  await startKiosk(page);
  const tile = page.getByRole('list', { name: '按领域浏览' }).getByRole('link', { name: /^政务公开/ });
  await expect(tile).toContainText('15 项');
  await tile.click();
  await expect(page.getByRole('heading', { level: 1, name: '政务公开' })).toBeVisible();
  await expect(page.getByText('这里还没有内容')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '政府信息公开申请指南' })).toBeVisible();

  // 公开方式 依申请公开: only the two such items are left, as direct links.
  const how = page.getByRole('group', { name: '公开方式' });
  await how.getByRole('button', { name: '依申请公开' }).click();
  await expect(how.getByRole('button', { name: '依申请公开' })).toHaveAttribute('aria-pressed', 'true');
  const items = page.getByRole('list', { name: '事项' });
  await expect(items.getByRole('link')).toHaveCount(2);
  await expect(items.getByRole('link', { name: /依申请公开 申请办理结果/ })).toBeVisible();
  await expectAccessible(page, 'domain with a filter');
  // The filter is in the address: 全部 takes it back.
  expect(decodeURIComponent(page.url())).toContain('how=onRequest');
  await how.getByRole('button', { name: '全部' }).click();
  await expect(page.getByRole('list', { name: '政务公开' }).getByRole('link').first()).toBeVisible();

  // 公开层级 乡级: the items a township's zone publishes too.
  await page.getByRole('group', { name: '公开层级' }).getByRole('button', { name: '乡级' }).click();
  await expect(page.getByRole('link', { name: /政府信息公开年度报告/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /领导信息/ })).toHaveCount(0);

  // All domains at 乡级: template-A domains (no 公开层级 column) are left out, and the filter is carried in.
  await page.goto('/#/browse');
  await page.getByRole('group', { name: '公开层级' }).getByRole('button', { name: '乡级' }).click();
  const all = page.getByRole('list', { name: '按领域浏览' });
  await expect(all.getByRole('link', { name: /^政务公开/ })).toContainText('4 项');
  await expect(all.getByRole('link', { name: /^社会救助/ })).toHaveCount(0);
  await all.getByRole('link', { name: /^政务公开/ }).click();
  await expect(
    page.getByRole('group', { name: '公开层级' }).getByRole('button', { name: '乡级' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('link', { name: /领导信息/ })).toHaveCount(0);

  // Template A (社会救助) has no 公开层级 / “五公开”阶段 columns: the item says so instead of 无.
  await page.goto('/#/browse/社会救助/最低生活保障');
  await page
    .getByRole('link', { name: /办事指南/ })
    .first()
    .click();
  const tier = page.getByRole('definition').filter({ hasText: '目录未列明' });
  await expect(tier).toHaveCount(2);

  // The application start page links to the zone's guide.
  await page.goto('/#/apply');
  await page
    .getByRole('navigation', { name: /申请前可先阅读/ })
    .getByRole('link', { name: '政府信息公开申请指南' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '政府信息公开申请指南' })).toBeVisible();
});

test('an 依申请公开 item opens the application form with its name and agency filled in', async ({ page }) => {
  await startKiosk(page);
  await page.goto('/#/browse/政务公开/依申请公开');
  await page.getByRole('link', { name: /依申请公开 申请办理结果/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '依申请公开 申请办理结果' })).toBeVisible();

  await expectAccessible(page, 'an 依申请公开 item');
  await page.getByRole('link', { name: '申请公开此信息' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请公开此信息' })).toBeVisible();
  await expect(page.getByText('受理机关为“区人民政府办公室”')).toBeVisible();
  await expectAccessible(page, 'apply for an item');
  await page.getByRole('button', { name: '开始填写' }).click();
  await expect(page.getByText('第 1 步，共 7 步')).toBeVisible();

  // The request and agency steps already hold the item's name and its 公开主体.
  await page.evaluate(() => (location.hash = '#/apply/form/4'));
  await expect(page.getByLabel('信息名称')).toHaveValue('依申请公开 申请办理结果');
  await page.evaluate(() => (location.hash = '#/apply/form/5'));
  await expect(page.getByRole('radio', { name: '区人民政府办公室' })).toBeChecked();
});

/** A kiosk of its own for the test: enrolled by the e2e server's loopback auto-enrolment, its requests signed. */
async function enrolledKioskFetch(baseURL: string): Promise<typeof fetch> {
  const { pair, publicJwk } = await generateKioskKeyPair();
  const kioskId = `e2e-shelf-${Math.random().toString(36).slice(2, 8)}`;
  const res = await fetch(`${baseURL}/api/v1/enrolment/auto`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKey: publicJwk, kioskId }),
  });
  expect(res.status).toBe(201);
  const keyId = await keyIdOfKioskKey(publicJwk);
  return signedFetch({ identity: async () => ({ privateKey: pair.privateKey, keyId }) });
}

/** Files an application the way a kiosk does: sealed to the server's intake key, signed by an enrolled kiosk. */
async function fileApplication(
  request: APIRequestContext,
  title: string,
  kioskFetch: typeof fetch,
  baseURL: string,
) {
  const { jwk } = (await (await request.get('/api/v1/intake-key')).json()) as { jwk: PublicEcJwk };
  const app = sampleApplication({
    request: {
      title,
      documentNumber: '',
      description: '',
      agencyId: 'zhengfuban',
      agencyName: '区人民政府办公室',
    },
  });
  const res = await kioskFetch(`${baseURL}/api/v1/applications`, {
    method: 'POST',
    headers: { 'idempotency-key': app.clientId, 'content-type': 'application/json' },
    body: JSON.stringify({
      envelope: await sealJson(jwk, app, app.clientId),
      meta: { site: 'moumou-district', receiptRule: 'in-person' },
    }),
  });
  expect(res.status).toBeLessThan(300);
}

test('the shelf: a request filed twice, marked published by staff, shows on the kiosk home and in search', async ({
  page,
  request,
  baseURL,
}) => {
  const kioskFetch = await enrolledKioskFetch(baseURL!);
  // A title of its own per run (the e2e server may be reused between runs).
  const year = 2000 + (Date.now() % 90);
  const asked = `${year}年区政府常务会议纪要`;
  await fileApplication(request, asked, kioskFetch, baseURL!);
  await fileApplication(request, `申请公开${year}年区政府常务会议纪要的相关信息`, kioskFetch, baseURL!);

  // Staff see the candidate on the staff page and mark it as now published, with its web address.
  await page.goto('/staff/shelf?token=e2e-token-0123456789abcdefgh');
  const candidates = page.getByRole('table', { name: '重复申请' });
  const row = candidates.getByRole('row').filter({ hasText: asked });
  await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await row.getByLabel('信息名称').fill(`${year}年区政府常务会议纪要（公开版）`);
  await row.getByLabel('公开后的网址').fill(`https://www.moumou.gov.cn/zwgk/hyjy/${year}.html`);
  await row.getByRole('button', { name: /为已主动公开/ }).click();
  await expect(page.getByRole('status')).toContainText('已标记为主动公开');
  await expect(candidates.getByRole('row').filter({ hasText: asked })).toHaveCount(0);
  await expect(page.getByRole('table', { name: '已转为主动公开' })).toContainText(
    `${year}年区政府常务会议纪要（公开版）`,
  );

  // The kiosk's home screen shows it on the 常被申请的信息 shelf.
  await startKiosk(page);
  const shelf = page.getByRole('list', { name: '常被申请的信息' });
  const entry = shelf.getByRole('link', { name: new RegExp(`${year}年区政府常务会议纪要（公开版）`) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('区人民政府办公室');
  await expectAccessible(page, 'home with the shelf');

  // …and beside the search results for it.
  await page.getByRole('searchbox', { name: /搜索/ }).fill('常务会议纪要');
  await expect(page.getByRole('list', { name: '常被申请的信息' }).getByRole('link')).toContainText([
    `${year}年区政府常务会议纪要（公开版）`,
  ]);
  // A web address is never opened on the kiosk: the external-link guard shows it as a QR code.
  await page.getByRole('list', { name: '常被申请的信息' }).getByRole('link').first().click();
  await expect(page.getByRole('dialog')).toContainText(`https://www.moumou.gov.cn/zwgk/hyjy/${year}.html`);
});
