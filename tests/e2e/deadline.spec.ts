// Filing in December 2026 against the sample calendar, which has the 2026 notice and says 2027's is unpublished: the
// 20th working day falls in 2027, so the receipt, the status look-up and the export give an estimated (预计) due
// date counted with the statutory holidays, and the staff screen warns that the notices run out. The kiosk's clock
// is fixed with Playwright's clock; the zone server is tests/e2e/serve.sh with the sample bundle.
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_STAFF_PIN } from '../../scripts/prepare-sample.ts';
import { seriousViolations } from './axe.ts';
import { fillCitizen, fillRequestAndSubmit, openApplicationForm, startKiosk } from './kiosk.ts';

const STAFF = { Authorization: 'Bearer e2e-token-0123456789abcdefgh' };
/** Thursday 10 December 2026, 10:00 in Beijing. */
const FILED_AT = new Date('2026-12-10T10:00:00+08:00');

async function startKioskOnFilingDay(page: Page) {
  await page.clock.setFixedTime(FILED_AT);
  await startKiosk(page);
}

async function fileApplication(page: Page, title: string): Promise<string> {
  await openApplicationForm(page);
  await fillCitizen(page);
  return fillRequestAndSubmit(page, { description: '2026年度城乡低保资金发放情况', title });
}

test('filed on 2026-12-10: the receipt says the 2027 due date is 预计; the server’s look-up shows its own date as its export does', async ({
  page,
  request,
}) => {
  await startKioskOnFilingDay(page);
  const code = await fileApplication(page, '2026年城乡低保资金发放情况');

  // 20 working days from Thursday 2026-12-10: 元旦 (Friday 2027-01-01) by the statutory rules → Friday 2027-01-08.
  const receipt = page.getByRole('definition').filter({ hasText: '2027年1月8日' });
  await expect(receipt).toHaveText(
    /^预计2027年1月8日前（自收到申请之日起20个工作日，第三十三条；该年节假日安排尚未公布）$/,
  );
  // The correction deadline stays inside 2026 and is firm; the extension is estimated too (春节 2027 by the rules).
  await expect(page.getByText(/工作人员会在2026年12月21日前一次性告知您/)).toBeVisible();
  await expect(page.getByText(/即不晚于2027年2月11日（预计）/)).toBeVisible();
  await expect(page.getByText(/2027年的节假日安排尚未收到，暂按周末和法定节假日推算/)).toBeVisible();
  expect(await seriousViolations(page), 'axe on the receipt').toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: '已送达' })).toBeVisible({ timeout: 30_000 });

  // The zone server decides the legal date of receipt on its own clock (issue 12: the kiosk's clock, a week ahead
  // here, only tells how long the application waited), so it counts from its own day; the look-up shows its date,
  // marked 预计 exactly when the export calls it provisional.
  const exported = (await (await request.get('/api/v1/staff/export.json', { headers: STAFF })).json()) as {
    applications: {
      receiptCode: string;
      dueOn: string;
      dueOnProvisional: boolean;
      filingTimeFlag?: string;
    }[];
  };
  const row = exported.applications.find((a) => a.receiptCode === code)!;
  expect(row.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const [y, m, d] = row.dueOn.split('-').map(Number);
  const shown = `${y}年${m}月${d}日${row.dueOnProvisional ? '（预计）' : ''}`;

  // 查询进度 shows the server's date, as the export does.
  await page.getByRole('link', { name: '查询申请进度' }).click();
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('联系电话后4位').fill('5678');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const answer = page.getByRole('status').filter({ hasText: '办理状态' });
  await expect(answer.getByRole('definition').filter({ hasText: `${y}年${m}月${d}日` })).toHaveText(shown);
});

test('the staff screen warns that the holiday notices end within 60 days', async ({ page }) => {
  await startKioskOnFilingDay(page);
  const corner = page.getByTestId('staff-corner');
  const box = (await corner.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
  const pad = page.getByRole('group', { name: '密码键盘' });
  for (const d of SAMPLE_STAFF_PIN) await pad.getByRole('button', { name: d, exact: true }).click();
  await pad.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { name: '终端状态' })).toBeVisible();
  // 2026-12-10 → 2026-12-31 is 21 days.
  await expect(
    page.getByRole('alert').filter({ hasText: '节假日安排只到2026年12月31日（还有21天）' }),
  ).toContainText('国务院办公厅公布2027年的节假日安排后');
});
