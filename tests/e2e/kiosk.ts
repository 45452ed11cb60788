// Steps every kiosk spec takes: the first load online, and the form's 下一步.
import { expect, type Page } from '@playwright/test';

/** First load online: the service worker takes control, the bundle is imported, the intake key is cached. */
export async function startKiosk(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller);
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible({
    timeout: 60_000,
  });
}

export const next = (page: Page) => page.getByRole('button', { name: '下一步' }).click();

/** From the top bar into the form, for information (我要获取政府信息). */
export async function openApplicationForm(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: '页面导航' })
    .getByRole('link', { name: '申请信息公开' })
    .click();
  await page.getByRole('button', { name: /我要获取政府信息/ }).click();
}

/** Steps 1–2 as a citizen: 张三 with a valid resident ID number. */
export async function fillCitizen(page: Page): Promise<void> {
  await page.getByLabel('公民').check();
  await next(page);
  await page.getByLabel('姓名', { exact: true }).fill('张三');
  await page.getByLabel('居民身份证').check();
  await page.getByLabel('证件号码').fill('11010519491231002X');
  await next(page);
}

/**
 * From the contact step to 请核对填写内容: contact details, the request (`description`, and `title` when given),
 * 区民政局, paper collected in person, consent to publish declined, the notice confirmed.
 */
export async function fillRequestToReview(
  page: Page,
  request: { description: string; title?: string },
): Promise<void> {
  await page.getByLabel('联系电话').fill('138 1234 5678');
  await page.getByLabel('通信地址').fill('某某区人民路1号');
  await page.getByLabel('邮政编码').fill('100000');
  await next(page);
  await page.getByLabel(/内容描述/).fill(request.description);
  if (request.title !== undefined) await page.getByLabel('信息名称').fill(request.title);
  await next(page);
  await page.getByLabel('区民政局').check();
  await next(page);
  await page.getByLabel('纸质').check();
  await page.getByLabel('自行领取').check();
  await page.getByLabel('不同意').check();
  await next(page);
  await page.getByLabel(/我已阅读以上告知/).check();
  await page.getByRole('button', { name: '核对填写内容' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '请核对填写内容' })).toBeVisible();
}

/** fillRequestToReview, then submitted. Returns the receipt code without dashes. */
export async function fillRequestAndSubmit(
  page: Page,
  request: { description: string; title: string },
): Promise<string> {
  await fillRequestToReview(page, request);
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请已提交' })).toBeVisible();
  const shown = await page.getByText(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/).textContent();
  return shown!.replace(/-/g, '');
}
