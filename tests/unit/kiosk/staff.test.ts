import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskConfigSchema } from '../../../src/core/config/kiosk-config.ts';
import { utf8 } from '../../../src/core/bundle/encoding.ts';
import { signManifest } from '../../../src/core/bundle/sign.ts';
import { fileListReader } from '../../../src/kiosk/bundle/channel-reader.ts';
import { acceptBundle, trustedKeysOf } from '../../../src/kiosk/bundle/update.ts';
import { metaDb, resetMetaDb } from '../../../src/kiosk/db/meta-db.ts';
import { collectHealth, outboxCounts } from '../../../src/kiosk/staff/health.ts';
import { afterFailure, MAX_PIN_FAILURES, PIN_LOCK_MS, viewLock } from '../../../src/kiosk/staff/lock.ts';
import { checkPin, hashPin } from '../../../src/kiosk/staff/pin.ts';
import { mayReload, RELOAD_GUARD_MS } from '../../../src/kiosk/staff/reload-guard.ts';
import { describeOutcome } from '../../../src/kiosk/staff/strings.ts';
import { makeSigner } from '../bundle/bundle-fixture.ts';
import { sampleData } from './fixtures.ts';
import { DATA_FILES, type BundleData } from '../../../src/core/bundle/schema.ts';
import type { SigningKey } from '../../../src/core/bundle/keys.ts';

beforeEach(async () => {
  resetMetaDb();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});
afterEach(() => resetMetaDb());

describe('staff PIN', () => {
  it('checks a PBKDF2-SHA256 hash', async () => {
    const stored = await hashPin('246810', 100_000);
    expect(await checkPin('246810', stored)).toBe(true);
    expect(await checkPin('246811', stored)).toBe(false);
    expect(await checkPin('', stored)).toBe(false);
    await expect(hashPin('12')).rejects.toThrow(/6 to 12 digits/);
    // Four digits are no longer a PIN: not hashed, never accepted.
    await expect(hashPin('2468')).rejects.toThrow(/6 to 12 digits/);
    expect(await checkPin('2468', await hashPin('246800', 100_000))).toBe(false);
  });

  it('locks for 5 minutes after 5 wrong PINs, then starts a fresh count', () => {
    const t0 = 1_000_000;
    let lock = undefined as ReturnType<typeof afterFailure> | undefined;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      lock = afterFailure(lock, t0 + i);
      expect(viewLock(lock, t0 + i)).toMatchObject({ locked: false, attemptsLeft: MAX_PIN_FAILURES - i });
    }
    lock = afterFailure(lock, t0 + 10);
    expect(viewLock(lock, t0 + 10)).toMatchObject({ locked: true, remainingMs: PIN_LOCK_MS });
    // Failing while locked changes nothing.
    expect(afterFailure(lock, t0 + 20)).toEqual(lock);
    expect(viewLock(lock, t0 + 10 + PIN_LOCK_MS - 1).locked).toBe(true);
    expect(viewLock(lock, t0 + 10 + PIN_LOCK_MS)).toMatchObject({
      locked: false,
      attemptsLeft: MAX_PIN_FAILURES,
    });
    expect(viewLock(afterFailure(lock, t0 + 10 + PIN_LOCK_MS), t0 + 10 + PIN_LOCK_MS).attemptsLeft).toBe(
      MAX_PIN_FAILURES - 1,
    );
  });
});

describe('app update reload guard', () => {
  it('allows one reload per guard period, and survives a clock jump back', () => {
    const now = 50_000_000;
    expect(mayReload(undefined, now)).toBe(true);
    expect(mayReload({ at: now, from: '/sw.js' }, now + 1000)).toBe(false);
    expect(mayReload({ at: now, from: '/sw.js' }, now + RELOAD_GUARD_MS - 1)).toBe(false);
    expect(mayReload({ at: now, from: '/sw.js' }, now + RELOAD_GUARD_MS)).toBe(true);
    // The clock went back a day: do not block forever.
    expect(mayReload({ at: now + 86_400_000, from: '/sw.js' }, now)).toBe(true);
    expect(mayReload({ at: now + 1000, from: '/sw.js' }, now)).toBe(false);
  });
});

/** A bundle as the folder a USB stick holds: File objects with webkitRelativePath. */
async function folder(
  version: number,
  signer: SigningKey,
  opts: { expiresInMs?: number; delegatedKeys?: SigningKey['trusted'][]; tamper?: boolean } = {},
): Promise<File[]> {
  const data = sampleData(version);
  const files = new Map<string, Uint8Array>();
  for (const [key, path] of Object.entries(DATA_FILES))
    files.set(path, utf8.encode(JSON.stringify(data[key as keyof BundleData])));
  const now = Date.now();
  const signed = await signManifest(
    files,
    {
      bundleId: `t-${version}`,
      site: 'test-site',
      siteName: '测试区',
      version,
      createdAt: new Date(now - 1000),
      expiresAt: new Date(now + (opts.expiresInMs ?? 86_400_000)),
      minAppVersion: '0.1.0',
      ...(opts.delegatedKeys ? { delegatedKeys: opts.delegatedKeys } : {}),
    },
    signer,
  );
  files.set('manifest.json', signed.manifestBytes);
  files.set('manifest.sig', utf8.encode(signed.signatureText));
  if (opts.tamper) {
    const bytes = files.get('data/notices.json')!;
    files.set('data/notices.json', utf8.encode(utf8.decode(bytes).replace('[', ' [').slice(0, bytes.length)));
  }
  return [...files].map(([path, bytes]) => {
    const f = new File([bytes as BlobPart], path.split('/').pop()!);
    Object.defineProperty(f, 'webkitRelativePath', { value: `usb-bundle/${path}` });
    return f;
  });
}

describe('loading a bundle folder (USB stick)', () => {
  it('accepts newer, says current for equal, refuses older, tampered and expired, keeps the live one', async () => {
    const signer = await makeSigner();
    const config = KioskConfigSchema.parse({
      site: 'test-site',
      hallName: '测试大厅',
      trustedKeys: [signer.trusted],
    });
    const first = await acceptBundle(fileListReader(await folder(3, signer)), config, { mode: 'activate' });
    expect(first).toMatchObject({ status: 'activated', version: 3 });

    const equal = await acceptBundle(fileListReader(await folder(3, signer)), config, { mode: 'stage' });
    expect(equal).toMatchObject({ status: 'current', version: 3 });
    expect(describeOutcome(equal)).toMatch(/已是最新/);

    const older = await acceptBundle(fileListReader(await folder(2, signer)), config, { mode: 'stage' });
    expect(older).toMatchObject({ status: 'rejected', version: 2, failure: { code: 'not-newer' } });
    expect(describeOutcome(older)).toMatch(/拒绝回退/);

    const tampered = await acceptBundle(fileListReader(await folder(4, signer, { tamper: true })), config, {
      mode: 'stage',
    });
    expect(tampered.failure?.code).toBe('hash-mismatch');
    expect(describeOutcome(tampered)).toMatch(/篡改/);

    const expired = await acceptBundle(
      fileListReader(await folder(5, signer, { expiresInMs: -1000 })),
      config,
      {
        mode: 'stage',
      },
    );
    expect(expired.failure?.code).toBe('expired');

    expect((await metaDb().getValue('live'))?.version).toBe(3);
    expect(await metaDb().getValue('staged')).toBeUndefined();
    expect(await metaDb().getValue('highestAccepted')).toBe(3);
  });

  it('rotates keys: a key delegated by an accepted bundle is trusted from then on', async () => {
    const oldKey = await makeSigner();
    const newKey = await makeSigner();
    const config = KioskConfigSchema.parse({
      site: 'test-site',
      hallName: '测试大厅',
      trustedKeys: [oldKey.trusted],
    });
    const early = await acceptBundle(fileListReader(await folder(2, newKey)), config, { mode: 'activate' });
    expect(early.failure?.code).toBe('unknown-key');
    expect(describeOutcome(early)).toMatch(/不受信任/);

    await acceptBundle(fileListReader(await folder(2, oldKey, { delegatedKeys: [newKey.trusted] })), config, {
      mode: 'activate',
    });
    expect((await trustedKeysOf(config)).map((k) => k.keyId)).toEqual([
      oldKey.trusted.keyId,
      newKey.trusted.keyId,
    ]);
    const rotated = await acceptBundle(fileListReader(await folder(3, newKey)), config, { mode: 'stage' });
    expect(rotated).toMatchObject({ status: 'staged', version: 3 });
  });
});

describe('kiosk health', () => {
  it('counts the outbox by state (0 without one) and flags a frozen bundle', async () => {
    expect((await outboxCounts()).counts).toEqual({ pending: 0, acknowledged: 0, rejected: 0 });
    const db = new Dexie('kiosk-outbox');
    db.version(1).stores({ entries: 'clientId, state' });
    await db.table('entries').bulkPut([
      { clientId: 'a', state: 'pending' },
      { clientId: 'b', state: 'pending' },
      { clientId: 'c', state: 'acknowledged', deliveredAt: '2026-11-20T08:00:00Z' },
      { clientId: 'd', state: 'rejected' },
    ]);
    db.close();
    expect(await outboxCounts()).toEqual({
      counts: { pending: 2, acknowledged: 1, rejected: 1 },
      lastSync: '2026-11-20T08:00:00Z',
    });

    await metaDb().setValue('live', {
      dbName: 'kiosk-bundle-v3',
      version: 3,
      bundleId: 't-3',
      siteName: '测试区',
      createdAt: '2026-01-01T00:00:00Z',
      expiresAt: '2026-06-01T00:00:00Z',
      at: '2026-01-02T00:00:00Z',
    });
    const config = KioskConfigSchema.parse({
      site: 'test-site',
      hallName: '测试大厅',
      trustedKeys: [(await makeSigner()).trusted],
    });
    const health = await collectHealth(config, '0.1.0', false, new Date('2026-07-01T00:00:00Z'));
    expect(health).toMatchObject({
      site: 'test-site',
      appVersion: '0.1.0',
      bundle: { version: 3, frozen: true },
      outbox: { pending: 2, acknowledged: 1, rejected: 1 },
    });
    expect(health.kioskId).toMatch(/^test-site-[0-9a-f]{8}$/);
    // The id is kept.
    expect((await collectHealth(config, '0.1.0', false)).kioskId).toBe(health.kioskId);
  });
});

describe('channel reader', () => {
  it('reads a published channel by content address and a plain folder by path, without probing', async () => {
    const signer = await makeSigner();
    const files = await folder(4, signer);
    const byPath = new Map<string, Uint8Array>();
    for (const f of files)
      byPath.set(f.webkitRelativePath.replace(/^usb-bundle\//, ''), new Uint8Array(await f.arrayBuffer()));
    const manifest = JSON.parse(utf8.decode(byPath.get('manifest.json')!)) as {
      files: { path: string; sha256: string }[];
    };
    const { sha256Hex } = await import('../../../src/core/bundle/encoding.ts');
    const addressed = new Map<string, Uint8Array>([['manifest.json', byPath.get('manifest.json')!]]);
    addressed.set(
      `signatures/${await sha256Hex(byPath.get('manifest.json')!)}.sig`,
      byPath.get('manifest.sig')!,
    );
    for (const f of manifest.files) addressed.set(`files/${f.sha256}`, byPath.get(f.path)!);

    const { channelBundleReader } = await import('../../../src/kiosk/bundle/channel-reader.ts');
    const { verifyBundle } = await import('../../../src/core/bundle/verify.ts');
    const requested: string[] = [];
    const fetchFrom = (routes: Map<string, Uint8Array>, headers: Record<string, string> = {}) =>
      (async (input: RequestInfo | URL) => {
        const path = new URL(String(input)).pathname.replace(/^\/bundle\//, '');
        requested.push(path);
        const body = routes.get(path);
        return body ? new Response(body as BodyInit, { headers }) : new Response('no', { status: 404 });
      }) as typeof fetch;

    const layout = { 'X-Bundle-Layout': 'content-addressed' };
    const ok = await verifyBundle(
      channelBundleReader('http://k.test/bundle/', fetchFrom(addressed, layout)),
      {
        trustedKeys: [signer.trusted],
      },
    );
    expect(ok.ok).toBe(true);
    expect(requested.filter((p) => !p.startsWith('files/') && !p.startsWith('signatures/'))).toEqual([
      'manifest.json',
    ]);

    requested.length = 0;
    const plain = await verifyBundle(channelBundleReader('http://k.test/bundle/', fetchFrom(byPath)), {
      trustedKeys: [signer.trusted],
    });
    expect(plain.ok).toBe(true);
    // A plain folder (no layout header) costs no failed request.
    expect(requested.filter((p) => p.startsWith('files/') || p.startsWith('signatures/'))).toHaveLength(0);
  });
});
