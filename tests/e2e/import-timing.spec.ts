// Measures the first-start bundle load (download, verify, IndexedDB import) of a 10k-item bundle, and prints it.
// Figures only: the budget (import ≤ 3 s) is reported, not asserted, because machines differ.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIR = '.data/synth-10k';

test.beforeAll(() => {
  if (!existsSync(join(DIR, 'kiosk-config.json'))) {
    execFileSync('npx', ['tsx', 'tests/e2e/make-dev-bundle.ts', DIR, '--items', '10000'], {
      stdio: 'ignore',
    });
  }
});

for (const throttle of [1, 4]) {
  test(`first start imports a 10k-item bundle (CPU ×${throttle})`, async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await context.route('**/kiosk-config.json', (route) =>
      route.fulfill({ path: join(DIR, 'kiosk-config.json') }),
    );
    await context.route('**/bundle/**', (route) => {
      const path = join(DIR, 'bundle', new URL(route.request().url()).pathname.replace(/^\/bundle\//, ''));
      return existsSync(path) ? route.fulfill({ body: readFileSync(path) }) : route.fulfill({ status: 404 });
    });
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    const loaded = page.waitForEvent('console', {
      predicate: (m) => m.text().includes('loaded in'),
      timeout: 120_000,
    });
    await page.goto('/');
    const text = (await loaded).text();
    const [, total, imported] = /loaded in (\d+) ms \(IndexedDB import (\d+) ms\)/.exec(text) ?? [];
    console.log(
      `import-timing cpu×${throttle}: total ${total} ms, IndexedDB import ${imported} ms (10,000 items)`,
    );
    test.info().annotations.push({ type: 'timing', description: text });
    await expect(page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first()).toBeVisible();
    await context.close();
  });
}
