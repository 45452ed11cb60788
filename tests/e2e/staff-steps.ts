// What the specs with a zone server of their own (staff.spec, trust.spec) share: the catalogue item whose text
// names its bundle's version, and opening the staff screen by a long press on its corner.
import { expect, type Page } from '@playwright/test';
import type { CatalogueItem } from '../../src/core/bundle/schema.ts';

/** An item whose content says which version of the bundle carries it (公开内容第N版). */
export function versionedItem(version: number): CatalogueItem {
  return {
    id: 'item-0',
    domain: '社会救助',
    level1: '最低生活保障',
    level2: '审核信息',
    level3: null,
    stages: ['result'],
    content: `公开内容第${version}版`,
    basis: '《社会救助暂行办法》',
    timeLimit: '20个工作日',
    publisher: '区民政局',
    channels: ['政府网站'],
    audience: ['public'],
    disclosure: ['proactive'],
    tier: ['district'],
    url: null,
    guideIds: [],
    interpretationIds: [],
  };
}

/** The hidden corner, held for 3.3 s (staff only), opens the staff screen. */
export async function openStaff(page: Page): Promise<void> {
  const corner = page.getByTestId('staff-corner');
  const box = (await corner.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
  await expect(page.getByRole('dialog', { name: '工作人员维护' })).toBeVisible();
}
