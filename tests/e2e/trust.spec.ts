// Issue 12 end to end, against a zone server that never enrols by itself: a fresh kiosk has no staff PIN until
// staff enrol it with a one-time code on its staff screen; a revoked kiosk must be enrolled again. Then the bundle
// attacks of Why 1 through the kiosk's real update path, and the leaked-root recovery drill of docs/DEPLOY.md:
// new root in kiosk-config, staff confirm, the new root's first bundle goes live though its version is lower.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { utf8 } from '../../src/core/bundle/encoding.ts';
import { generateSigningKeyPair, parsePrivateKey, type SigningKey } from '../../src/core/bundle/keys.ts';
import {
  DATA_FILES,
  type BundleData,
  type CatalogueItem,
  type TrustedKey,
} from '../../src/core/bundle/schema.ts';
import { signManifest } from '../../src/core/bundle/sign.ts';
import { versionCeilingAt } from '../../src/core/bundle/trust.ts';
import { buildSearchIndex } from '../../src/core/search/build-index.ts';
import { hashPin } from '../../src/kiosk/staff/pin.ts';
import { openStaff, versionedItem } from './staff-steps.ts';
import { startZoneServer, type ZoneServer } from './zone-server.ts';

const PIN = '24681357';
const TOKEN = 'e2e-trust-token-0123456789abcdef';
const SITE = 'e2e-trust';
// Its own server's port follows this run's E2E_PORT (unique per engineer): a random one collided with theirs.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1100;
const URL_BASE = `http://localhost:${PORT}`;

let work: string;
let channel: string;
let configFile: string;
let server: ZoneServer | null = null;
let pinHash: Awaited<ReturnType<typeof hashPin>>;

const newKey = async (): Promise<SigningKey> =>
  (await parsePrivateKey((await generateSigningKeyPair()).privatePem))!;

function data(version: number): BundleData {
  const catalogue: CatalogueItem[] = [versionedItem(version)];
  const rest = {
    catalogue,
    guides: [],
    interpretations: [],
    departments: [],
    notices: [],
    synonyms: [],
    calendar: [],
  };
  return { ...rest, searchIndex: buildSearchIndex(rest) } as BundleData;
}

/** Puts a bundle signed by `key` in the channel folder the server serves (as a thief with the key could). */
async function toChannel(
  version: number,
  key: SigningKey,
  meta: { site?: string; delegatedKeys?: TrustedKey[] } = {},
): Promise<void> {
  const d = data(version) as unknown as Record<string, unknown>;
  const files = new Map<string, Uint8Array>();
  for (const [k, path] of Object.entries(DATA_FILES)) files.set(path, utf8.encode(JSON.stringify(d[k])));
  const now = Date.now();
  const signed = await signManifest(
    files,
    {
      bundleId: `e2e-trust-v${version}`,
      site: meta.site ?? SITE,
      siteName: '测试区',
      version,
      createdAt: new Date(now - 60_000),
      expiresAt: new Date(now + 30 * 86_400_000),
      minAppVersion: '0.1.0',
      ...(meta.delegatedKeys ? { delegatedKeys: meta.delegatedKeys } : {}),
    },
    key,
  );
  files.set('manifest.json', signed.manifestBytes);
  files.set('manifest.sig', utf8.encode(signed.signatureText));
  await rm(channel, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(channel, path)), { recursive: true });
    await writeFile(join(channel, path), bytes);
  }
}

async function writeConfig(trustedKeys: TrustedKey[], revokedKeys: string[] = []): Promise<void> {
  await writeFile(
    configFile,
    JSON.stringify({
      site: SITE,
      hallName: '测试区政务公开专区',
      trustedKeys,
      revokedKeys,
      staffPin: pinHash,
    }),
  );
}

async function staffApi(path: string, body?: unknown): Promise<Response> {
  return fetch(`${URL_BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = await mkdtemp(join(tmpdir(), 'kiosk-trust-e2e-'));
  channel = join(work, 'channel');
  configFile = join(work, 'kiosk-config.json');
  pinHash = await hashPin(PIN); // the default: 600,000 iterations
  const built = `.data/e2e-dist-${process.env.E2E_PORT ?? 4173}`;
  await cp(existsSync(join(built, 'index.html')) ? built : 'dist', join(work, 'dist'), { recursive: true });
  server = await startZoneServer(PORT, [
    ...['--data-dir', join(work, 'data'), '--static', join(work, 'dist')],
    ...['--bundle-dir', channel, '--kiosk-config', configFile, '--staff-token', TOKEN],
  ]);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

async function waitForKiosk(page: Page): Promise<void> {
  const attract = page.getByRole('button', { name: '轻触屏幕开始' });
  const domains = page.getByRole('list', { name: '按领域浏览' }).getByRole('link').first();
  await expect(attract.or(domains)).toBeVisible({ timeout: 60_000 });
}

/** Staff make a code on the server and type it on the kiosk's staff screen. */
async function enrolWithCode(page: Page, name: string): Promise<void> {
  const made = await staffApi('/api/v1/staff/enrolment-codes', { name });
  expect(made.status).toBe(201);
  const { code } = (await made.json()) as { code: string };
  await openStaff(page);
  await expect(page.getByRole('heading', { name: '终端尚未登记' })).toBeVisible();
  const pad = page.getByRole('group', { name: '登记码键盘' });
  for (const d of code.replace(/\s/g, '')) await pad.getByRole('button', { name: d, exact: true }).click();
  await pad.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('group', { name: '密码键盘' })).toBeVisible({ timeout: 15_000 });
}

/** Enters the PIN; returns how long the unlock (PBKDF2, 600,000 iterations) took on this machine. */
async function unlock(page: Page): Promise<number> {
  const pad = page.getByRole('group', { name: '密码键盘' });
  for (const d of PIN) await pad.getByRole('button', { name: d, exact: true }).click();
  const started = Date.now();
  await pad.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { name: '终端状态' })).toBeVisible();
  return Date.now() - started;
}

const liveVersion = (page: Page) =>
  page.getByRole('dialog', { name: '工作人员维护' }).locator('dt:has-text("内容版本") + dd');
const outcome = (page: Page) => page.getByRole('region', { name: '内容更新' }).getByRole('status');

/** Staff check the channel now and put a staged bundle live at once. */
async function checkNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '立即检查更新' }).click();
  await expect(outcome(page)).toHaveText(/已导入新版本|已上线/);
  await goLiveNow(page);
}

/** A staged bundle goes live at once (on the attract screen it may already be live: no button then). */
async function goLiveNow(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: '立即上线' })
    .click({ timeout: 5000 })
    .catch(() => undefined);
}

test('a kiosk enrols with a one-time code; unenrolled and revoked ones have no PIN, no voice', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const root = await newKey();
  await writeConfig([root.trusted]);
  await toChannel(2, root);

  await page.goto(`${URL_BASE}/`);
  await waitForKiosk(page);
  // Anyone on the hall network: kiosk-config without the PIN's hash; no heartbeat or application accepted.
  const open = (await (await fetch(`${URL_BASE}/kiosk-config.json`)).json()) as { staffPin: unknown };
  expect(open.staffPin).toBeNull();
  const fake = await fetch(`${URL_BASE}/api/v1/heartbeats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kioskId: 'planted' }),
  });
  expect(fake.status).toBe(401);

  await enrolWithCode(page, '一楼大厅 1号机');
  const ms = await unlock(page);
  console.log(JSON.stringify({ metric: 'staff PIN unlock (PBKDF2-SHA256 600k) on the kiosk', ms }));
  await expect(page.locator('dt:has-text("登记") + dd')).toHaveText(/一楼大厅 1号机（e2e-trust/);

  // Its heartbeat reaches the status page under its enrolled id.
  await page.getByRole('button', { name: '立即上报状态' }).click();
  const kiosks = async () =>
    (
      (await (await staffApi('/api/v1/staff/kiosks')).json()) as {
        kiosks: { kioskId: string; revokedAt: string | null }[];
      }
    ).kiosks;
  const [enrolled] = await kiosks();
  expect(enrolled).toMatchObject({ revokedAt: null });
  await expect
    .poll(async () => (await fetch(`${URL_BASE}/staff/status?token=${TOKEN}`)).text(), { timeout: 20_000 })
    .toContain(`data-kiosk="${enrolled!.kioskId}"`);

  // Staff revoke it: after a restart it has no PIN and asks for a new code again.
  expect((await staffApi(`/api/v1/staff/kiosks/${enrolled!.kioskId}/revoke`, {})).status).toBe(200);
  await page.reload();
  await waitForKiosk(page);
  await openStaff(page);
  await expect(page.getByRole('heading', { name: '终端尚未登记' })).toBeVisible();
  await page.getByRole('button', { name: '退出维护' }).click();
  await enrolWithCode(page, '一楼大厅 1号机（重新登记）');
  await unlock(page);
  expect((await kiosks()).filter((k) => k.revokedAt === null)).toHaveLength(1);
});

test('bundle attacks are refused with the old content live; the leaked-root recovery drill', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const [k0, k1, k2, recovery] = [await newKey(), await newKey(), await newKey(), await newKey()];
  await writeConfig([k0.trusted]);
  await toChannel(2, k0, { delegatedKeys: [k1.trusted] });
  await page.goto(`${URL_BASE}/`);
  await waitForKiosk(page);
  await enrolWithCode(page, '二楼 2号机');
  await unlock(page);
  await expect(liveVersion(page)).toHaveText(/^2（/);

  // K1 (delegated by K0) may sign a bundle…
  await toChannel(3, k1);
  await checkNow(page);
  await expect(liveVersion(page)).toHaveText(/^3（/);
  // …but not delegate to K2; and K2's own bundle is not trusted.
  const refused: [() => Promise<void>, RegExp][] = [
    [() => toChannel(4, k1, { delegatedKeys: [k2.trusted] }), /受托密钥不得再委托/],
    [() => toChannel(5, k2), /签名密钥不受信任/],
    [() => toChannel(6, k0, { site: 'other-district' }), /其他站点/],
    [() => toChannel(Number.MAX_SAFE_INTEGER, k0), /超前于本机时钟/],
  ];
  for (const [publish, reason] of refused) {
    await publish();
    await page.getByRole('button', { name: '立即检查更新' }).click();
    await expect(outcome(page)).toHaveText(reason);
    await expect(outcome(page)).toHaveText(/当前内容不变/);
    await expect(liveVersion(page)).toHaveText(/^3（/);
  }

  // K0 leaks: the thief pushes the highest version the clock allows, and it goes live.
  const stolen = versionCeilingAt(new Date()) - 1;
  await toChannel(stolen, k0);
  await checkNow(page);
  await expect(liveVersion(page)).toHaveText(new RegExp(`^${stolen}（`));

  // Recovery (docs/DEPLOY.md): a new root in kiosk-config, K0 revoked; the genuine bundle is version 7.
  await writeConfig([recovery.trusted], [k0.trusted.keyId]);
  await toChannel(7, recovery);
  await page.reload();
  await waitForKiosk(page);
  await openStaff(page);
  await unlock(page);
  await page.getByRole('button', { name: '立即检查更新' }).click();
  await expect(outcome(page)).toHaveText(/拒绝回退/);
  await expect(page.getByRole('heading', { name: '签名密钥已更换' })).toBeVisible();
  await expect(page.getByText(recovery.trusted.keyId)).toBeVisible();
  await page.getByRole('button', { name: '确认新密钥并重置版本保护' }).click();
  // The kiosk's own background check may take version 7 a moment before the button's check does, which then
  // finds it already accepted: either way version 7 must be the one that goes live.
  await expect(outcome(page)).toHaveText(/已导入新版本 7|新版本 7 已上线|已是最新（版本 7）/);
  await goLiveNow(page);
  await expect(liveVersion(page)).toHaveText(/^7（/);

  // After the recovery the guard holds again, and K0 and its delegate K1 stay out.
  for (const [publish, reason] of [
    [() => toChannel(stolen + 1, k0), /吊销/],
    [() => toChannel(8, k1), /不受信任/],
    [() => toChannel(6, recovery), /拒绝回退/],
  ] as [() => Promise<void>, RegExp][]) {
    await publish();
    await page.getByRole('button', { name: '立即检查更新' }).click();
    await expect(outcome(page)).toHaveText(reason);
    await expect(liveVersion(page)).toHaveText(/^7（/);
  }
});
