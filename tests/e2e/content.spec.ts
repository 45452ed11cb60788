// Issue 15: the zone's own topic, catalogue details, browse filters, and an 依申请公开 item that leads into the
// application form with its name and agency filled in. Controls are found by role and label only.
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';

async function startKiosk(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller);
  await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible({
    timeout: 60_000,
  });
}

async function expectAccessible(page: Page, screen: string) {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

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
