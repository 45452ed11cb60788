// Hall staff against the real zone server: a bundle published to the channel reaches the kiosk and goes live only
// on the idle screen; bad bundles from a USB folder are refused with the precise reason while the old content
// stays; a good one loads from a folder; a live bundle past its expiry warns staff; the PIN locks after 5 tries;
// the heartbeat shows on the server's status page.
// The spec runs its own zone server (a temp channel folder it publishes into with the CLI, its own kiosk-config
// with a staff PIN) on the PWA that tests/e2e/serve.sh built into dist/.
// The app-update path (a second service worker waiting for the idle screen, no reload loop) is covered by the unit
// tests of the reload guard (tests/unit/kiosk/staff.test.ts): building a second app version here would double the
// build time of the suite.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatReceiptCode, generateReceiptCode } from '../../src/core/application/receipt.ts';
import { utf8 } from '../../src/core/bundle/encoding.ts';
import { generateSigningKeyPair, parsePrivateKey, type SigningKey } from '../../src/core/bundle/keys.ts';
import { DATA_FILES, type BundleData, type CatalogueItem } from '../../src/core/bundle/schema.ts';
import { signManifest } from '../../src/core/bundle/sign.ts';
import { buildSearchIndex } from '../../src/core/search/build-index.ts';
import { hashPin } from '../../src/kiosk/staff/pin.ts';
import { seriousViolations } from './axe.ts';
import { openStaff, versionedItem } from './staff-steps.ts';
import { startZoneServer, type ZoneServer } from './zone-server.ts';

const PIN = '246810';
const TOKEN = 'e2e-staff-token-0123456789abcdef';
// Its own server's port follows this run's E2E_PORT (unique per engineer): a random one collided with theirs.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
const URL_BASE = `http://localhost:${PORT}`;

let work: string;
let channel: string;
let server: ZoneServer | null = null;
let signer: SigningKey;
let pubFile: string;

function data(version: number): BundleData {
  const catalogue: CatalogueItem[] = [
    versionedItem(version),
    {
      id: 'item-1',
      domain: '户籍管理',
      level1: '户口迁移',
      level2: null,
      level3: null,
      stages: ['service'],
      content: '户口迁移办理',
      basis: '《户口登记条例》',
      timeLimit: '20个工作日',
      publisher: '区公安分局',
      channels: ['政府网站'],
      audience: ['public'],
      disclosure: ['proactive'],
      tier: ['district'],
      url: null,
      guideIds: [],
      interpretationIds: [],
    },
  ];
  const rest: Omit<BundleData, 'searchIndex'> = {
    catalogue,
    guides: [],
    interpretations: [],
    departments: [
      {
        id: 'mzj',
        name: '区民政局',
        aliases: ['民政局'],
        address: '人民路1号',
        hours: '9:00—17:00',
        phone: '12345',
        window: '12号',
      },
    ],
    notices: [],
    synonyms: [{ term: '低保', official: ['最低生活保障'] }],
    calendar: [],
  };
  return { ...rest, searchIndex: buildSearchIndex(rest) };
}

interface BundleOpts {
  key?: SigningKey;
  expiresInMs?: number;
  mutate?: (files: Map<string, Uint8Array>) => void;
  badSchema?: boolean;
}

/** Writes a signed bundle folder for `version` and returns its path. */
async function bundleDir(name: string, version: number, opts: BundleOpts = {}): Promise<string> {
  const d = data(version) as unknown as Record<string, unknown>;
  if (opts.badSchema) (d.catalogue as CatalogueItem[])[0]!.publisher = '';
  const files = new Map<string, Uint8Array>();
  for (const [key, path] of Object.entries(DATA_FILES)) files.set(path, utf8.encode(JSON.stringify(d[key])));
  const now = Date.now();
  const signed = await signManifest(
    files,
    {
      bundleId: `e2e-v${version}`,
      site: 'e2e-staff',
      siteName: '测试区',
      version,
      createdAt: new Date(now - 60_000),
      expiresAt: new Date(now + (opts.expiresInMs ?? 30 * 86_400_000)),
      minAppVersion: '0.1.0',
    },
    opts.key ?? signer,
  );
  files.set('manifest.json', signed.manifestBytes);
  files.set('manifest.sig', utf8.encode(signed.signatureText));
  opts.mutate?.(files);
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return dir;
}

/** `kiosk-bundle publish DIR --to CHANNEL --pubkey KEY`, the way staff do it on the server. */
function publish(dir: string): string {
  return execFileSync(
    'npx',
    ['tsx', 'src/cli/kiosk-bundle.ts', 'publish', dir, '--to', channel, '--pubkey', pubFile],
    {
      encoding: 'utf8',
    },
  );
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = await mkdtemp(join(tmpdir(), 'kiosk-staff-e2e-'));
  channel = join(work, 'channel');
  signer = (await parsePrivateKey(await readFile('.data/keys/signing.key', 'utf8')))!;
  pubFile = '.data/keys/signing.pub';
  const config = {
    site: 'e2e-staff',
    hallName: '测试区政务服务中心 政务公开专区',
    trustedKeys: [signer.trusted],
    staffPin: await hashPin(PIN, 100_000),
    updateCheckMinutes: 60,
  };
  await writeFile(join(work, 'kiosk-config.json'), JSON.stringify(config));
  // A copy of the build tests/e2e/serve.sh made for this run (per port), so no other build can change files under
  // a running test.
  const built = `.data/e2e-dist-${process.env.E2E_PORT ?? 4173}`;
  await cp(existsSync(join(built, 'index.html')) ? built : 'dist', join(work, 'dist'), { recursive: true });
  server = await startZoneServer(PORT, [
    ...['--data-dir', join(work, 'data'), '--static', join(work, 'dist'), '--bundle-dir', channel],
    ...['--kiosk-config', join(work, 'kiosk-config.json'), '--staff-token', TOKEN],
    // The browser on this machine enrols by itself (issue 12; tests/e2e/trust.spec.ts enrols with a code).
    '--auto-enrol',
  ]);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

async function enterPin(page: Page, pin: string): Promise<void> {
  const pad = page.getByRole('group', { name: '密码键盘' });
  for (const d of pin) await pad.getByRole('button', { name: d, exact: true }).click();
  await pad.getByRole('button', { name: '确定' }).click();
}

async function unlockStaff(page: Page): Promise<void> {
  await openStaff(page);
  await enterPin(page, PIN);
  await expect(page.getByRole('heading', { name: '终端状态' })).toBeVisible();
}

/** Waits for the kiosk to start; from the attract screen (the empty kiosk) a touch starts a visit. */
async function startVisit(page: Page): Promise<void> {
  const attract = page.getByRole('button', { name: '轻触屏幕开始' });
  const domains = page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first();
  await expect(attract.or(domains)).toBeVisible({ timeout: 60_000 });
  if (await attract.isVisible()) await attract.click();
  await expect(domains).toBeVisible({ timeout: 60_000 });
}

const liveVersion = (page: Page) =>
  page.getByRole('dialog', { name: '工作人员维护' }).locator('dt:has-text("内容版本") + dd');

async function showItem(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/item/item-0';
  });
  await expect(page.getByRole('heading', { level: 1, name: /最低生活保障/ })).toBeVisible();
}

test('a published bundle reaches the kiosk and goes live on the idle screen, not mid-visit; heartbeat on the status page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await rm(channel, { recursive: true, force: true });
  expect(publish(await bundleDir('v1', 1))).toMatch(/published version 1/);

  // Idle after 12 s without a touch, 3 s warning (the test override, honoured under automation only).
  await page.goto(`${URL_BASE}/?idle=12,3`);
  await startVisit(page);

  // The heartbeat sent at start is on the server's status page.
  await expect
    .poll(async () => (await page.request.get(`${URL_BASE}/staff/status?token=${TOKEN}`)).text(), {
      timeout: 20_000,
    })
    .toMatch(/data-kiosk="e2e-staff-[0-9a-f]{8}"/);
  expect((await page.request.get(`${URL_BASE}/staff/status`)).status()).toBe(401);

  // A visitor reads an item.
  await showItem(page);
  await expect(page.getByText('公开内容第1版')).toBeVisible();

  // Version 2 is published; staff check the channel now (the schedule does the same every updateCheckMinutes).
  expect(publish(await bundleDir('v2', 2))).toMatch(/published version 2 .*was 1/);
  await unlockStaff(page);
  await page.getByRole('button', { name: '立即检查更新' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导入新版本 2' })).toBeVisible();
  await expect(liveVersion(page)).toHaveText(/^1（/);
  await page.getByRole('button', { name: '退出维护' }).click();

  // Mid-visit: the item page still shows version 1.
  await page.waitForTimeout(2500);
  await expect(page.getByText('公开内容第1版')).toBeVisible();

  // The visitor leaves: the idle reset ends the visit on the attract screen, with version 2 live.
  await expect(page.getByRole('button', { name: '轻触屏幕开始' })).toBeVisible({ timeout: 30_000 });
  await showItem(page);
  await expect(page.getByText('公开内容第2版')).toBeVisible();

  // A kiosk waiting on the idle (attract) screen takes a new version as soon as it has it.
  await page.evaluate(() => {
    location.hash = '#/attract';
  });
  await expect(page.getByRole('button', { name: '轻触屏幕开始' })).toBeVisible();
  expect(publish(await bundleDir('v3', 3))).toMatch(/published version 3/);
  await unlockStaff(page);
  await page.getByRole('button', { name: '立即检查更新' }).click();
  await expect(liveVersion(page)).toHaveText(/^3（/, { timeout: 15_000 });
  await page.getByRole('button', { name: '退出维护' }).click();
  await showItem(page);
  await expect(page.getByText('公开内容第3版')).toBeVisible();
});

test('bad bundles from a USB folder are refused with the reason, the old content stays; a good one loads; freeze warning', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await rm(channel, { recursive: true, force: true });
  publish(await bundleDir('v5', 5));
  await page.goto(`${URL_BASE}/`);
  await startVisit(page);
  await unlockStaff(page);
  await expect(liveVersion(page)).toHaveText(/^5（/);

  const stranger = (await parsePrivateKey((await generateSigningKeyPair()).privatePem))!;
  const swap = (path: string, from: string, to: string) => (files: Map<string, Uint8Array>) =>
    files.set(path, utf8.encode(utf8.decode(files.get(path)!).replace(from, to)));
  const cases: [string, Promise<string>, RegExp][] = [
    ['tampered', bundleDir('tampered', 6, { mutate: swap('data/catalogue.json', '第6版', '第9版') }), /篡改/],
    ['older', bundleDir('older', 4), /已拒绝版本 4：版本旧于本机已接受的版本：拒绝回退/],
    ['equal', bundleDir('equal', 5), /已是最新（版本 5）/],
    ['expired', bundleDir('expired', 6, { expiresInMs: -60_000 }), /已过期/],
    ['unknown key', bundleDir('unknown', 6, { key: stranger }), /签名密钥不受信任/],
    [
      'truncated',
      bundleDir('truncated', 6, {
        mutate: (f) => f.set('data/catalogue.json', f.get('data/catalogue.json')!.slice(0, 100)),
      }),
      /截断/,
    ],
    ['wrong schema', bundleDir('schema', 6, { badSchema: true }), /内容格式不符合要求.*catalogue\.json/],
  ];
  const input = page.locator('input[type="file"]');
  const outcome = page.getByRole('region', { name: '内容更新' }).getByRole('status');
  for (const [name, dir, reason] of cases) {
    await input.setInputFiles(await dir);
    await expect(outcome, name).toHaveText(reason);
    await expect(liveVersion(page), name).toHaveText(/^5（/);
  }
  await page.getByRole('button', { name: '退出维护' }).click();
  await showItem(page);
  await expect(page.getByText('公开内容第5版')).toBeVisible();

  // A good bundle from the folder: a progress bar, staged, live at once on 立即上线. It expires in 25 s: the kiosk
  // keeps showing it and warns staff (freeze).
  await unlockStaff(page);
  await input.setInputFiles(await bundleDir('good', 7, { expiresInMs: 25_000 }));
  await expect(outcome).toHaveText(/已导入新版本 7/);
  await page.getByRole('button', { name: '立即上线' }).click();
  await expect(liveVersion(page)).toHaveText(/^7（/);
  await expect(page.getByRole('alert').filter({ hasText: '已于' })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: '退出维护' }).click();
  await showItem(page);
  await expect(page.getByText('公开内容第7版')).toBeVisible();
});

test('five wrong PINs lock the staff screen for five minutes, across a reload', async ({ page }) => {
  test.setTimeout(90_000);
  if (!(await readFile(join(channel, 'manifest.json')).catch(() => null))) publish(await bundleDir('v1', 1));
  await page.goto(`${URL_BASE}/`);
  await startVisit(page);
  await openStaff(page);
  for (let i = 1; i <= 4; i++) {
    await enterPin(page, '111111');
    await expect(page.getByText(`密码错误，还可尝试 ${5 - i} 次`)).toBeVisible();
  }
  await enterPin(page, '111111');
  await expect(page.getByRole('alert').filter({ hasText: '已锁定' })).toBeVisible();
  await expect(page.getByRole('button', { name: '确定' })).toBeDisabled();

  await page.reload();
  await startVisit(page);
  await openStaff(page);
  await expect(page.getByRole('alert').filter({ hasText: '请 5 分钟后再试' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: '密码键盘' }).getByRole('button', { name: '2', exact: true }),
  ).toBeDisabled();
});

test('the staff screen closes itself when nobody touches it', async ({ page }) => {
  if (!(await readFile(join(channel, 'manifest.json')).catch(() => null))) publish(await bundleDir('v1', 1));
  // Closes after 4 s without a touch instead of 2 minutes (test override, honoured under automation only).
  await page.goto(`${URL_BASE}/?staffIdle=4`);
  await startVisit(page);
  await openStaff(page);
  await page.waitForTimeout(2500);
  await page.getByRole('group', { name: '密码键盘' }).getByRole('button', { name: '1', exact: true }).click();
  await page.waitForTimeout(2500);
  await expect(page.getByRole('dialog', { name: '工作人员维护' })).toBeVisible(); // the touch kept it open
  await expect(page.getByRole('dialog', { name: '工作人员维护' })).toBeHidden({ timeout: 5000 });
});

/** Writes outbox entries as the sender leaves an application the server refused: sealed, with the reason. */
async function putRefused(page: Page, entries: object[]): Promise<void> {
  await page.evaluate(async (rows) => {
    // The kiosk's outbox database exists once the outbox has started (at boot).
    for (let i = 0; i < 100; i++) {
      if ((await indexedDB.databases()).some((d) => d.name === 'kiosk-outbox')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kiosk-outbox');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('entries', 'readwrite');
      for (const row of rows) tx.objectStore('entries').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, entries);
}

test('applications the server refused: listed for staff without personal data, sent again, or deleted after a confirmation', async ({
  page,
}) => {
  test.setTimeout(90_000);
  if (!(await readFile(join(channel, 'manifest.json')).catch(() => null))) publish(await bundleDir('v1', 1));
  // The intake answers: a 409 for the first resend, then an acknowledgement.
  const answers: number[] = [];
  await page.route('**/api/v1/applications', async (route) => {
    const clientId = route.request().headers()['idempotency-key']!;
    if (answers.length === 0) {
      answers.push(409);
      return route.fulfill({
        status: 409,
        json: {
          error: {
            code: 'idempotency_conflict',
            message: '同一个 Idempotency-Key 已用于内容不同的另一份申请',
          },
        },
      });
    }
    answers.push(201);
    return route.fulfill({
      status: 201,
      json: {
        number: 1,
        clientId,
        receiptCode: 'X',
        status: '已受理',
        deliveredAt: new Date().toISOString(),
        receivedOn: null,
        dueOn: null,
      },
    });
  });
  await page.goto(`${URL_BASE}/`);
  await startVisit(page);

  const refused = (createdAt: string) => {
    const receiptCode = generateReceiptCode();
    return {
      clientId: crypto.randomUUID(),
      receiptCode,
      state: 'rejected',
      createdAt,
      receiptRule: 'in-person',
      envelope: { v: 1, alg: 'test', ciphertext: 'AAAA' },
      attempts: 1,
      nextAttemptAt: 0,
      lastError: '400 invalid_application: 电子邮箱“@”后面的“zhangsan-home”不像邮箱域名',
      rejectedAt: new Date().toISOString(),
      rejectedReason: '400 invalid_application: 电子邮箱“@”后面的“zhangsan-home”不像邮箱域名',
    };
  };
  const a = refused('2026-03-02T02:00:00.000Z');
  const b = refused('2026-03-02T03:00:00.000Z');
  const codeA = formatReceiptCode(a.receiptCode);
  const codeB = formatReceiptCode(b.receiptCode);
  await putRefused(page, [a, b]);

  await unlockStaff(page);
  const section = page.getByRole('region', { name: '被服务器退回的申请' });
  const list = section.getByRole('list', { name: '被退回的申请列表' });
  const item = (code: string) => list.getByRole('listitem').filter({ hasText: code });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText(codeA); // the longest waiting first
  await expect(item(codeA)).toContainText('HTTP 400（invalid_application）');
  // The server's message quotes what the visitor typed: never shown.
  await expect(section).not.toContainText('zhangsan');
  expect(await seriousViolations(page)).toEqual([]);

  // Send again: refused again (409), so it is set aside again with the new reason.
  const resendA = section.getByRole('button', { name: `重新发送（查询码 ${codeA}）` });
  await resendA.click();
  await expect(section.getByRole('status')).toHaveText(`查询码 ${codeA} 的申请已重新排队发送。`);
  await expect(item(codeA)).toContainText('HTTP 409（idempotency_conflict）', { timeout: 15_000 });
  // Again: delivered this time, and off the list.
  await resendA.click();
  await expect.poll(() => answers, { timeout: 15_000 }).toEqual([409, 201]);
  await expect(item(codeA)).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Handled on paper: deleted only after a confirmation; 取消 keeps it.
  const handledB = section.getByRole('button', { name: `已按纸质申请办理（查询码 ${codeB}）` });
  await handledB.click();
  const confirm = section.getByRole('alertdialog', { name: '从本机删除这份申请？' });
  await expect(confirm).toContainText(codeB);
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await expect(item(codeB)).toHaveCount(1);
  await handledB.click();
  await confirm.getByRole('button', { name: '确定删除' }).click();
  await expect(section.getByRole('status')).toHaveText(`查询码 ${codeB} 的申请已从本机删除。`);
  await expect(section.getByText('没有被退回的申请。')).toBeVisible();
  const left = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('kiosk-outbox');
      req.onsuccess = () => resolve(req.result);
    });
    const rows = await new Promise<{ state: string }[]>((resolve) => {
      const req = db.transaction('entries').objectStore('entries').getAll();
      req.onsuccess = () => resolve(req.result as { state: string }[]);
    });
    db.close();
    return rows.map((r) => r.state);
  });
  expect(left).toEqual(['acknowledged']);
});
