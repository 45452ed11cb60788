// The key-chain attacks of issue 12 (Why 1) against the kiosk's acceptance code, and the leaked-root recovery:
// every attack refused with the live bundle untouched.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SigningKey } from '../../../src/core/bundle/keys.ts';
import type { TrustedKey } from '../../../src/core/bundle/schema.ts';
import { versionCeilingAt, versionStampOf } from '../../../src/core/bundle/trust.ts';
import { KioskConfigSchema, type KioskConfig } from '../../../src/core/config/kiosk-config.ts';
import { acceptBundle, trustedKeysOf } from '../../../src/kiosk/bundle/update.ts';
import { confirmNewRoots, pendingRootChange } from '../../../src/kiosk/bundle/trust-roots.ts';
import { metaDb, resetMetaDb } from '../../../src/kiosk/db/meta-db.ts';
import { makeBundle, makeSigner } from '../bundle/bundle-fixture.ts';

const SITE = 'test-district';

beforeEach(async () => {
  resetMetaDb();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});
afterEach(() => resetMetaDb());

function configOf(trustedKeys: TrustedKey[], revokedKeys: string[] = []): KioskConfig {
  return KioskConfigSchema.parse({ site: SITE, hallName: '测试大厅', trustedKeys, revokedKeys });
}

async function offer(
  config: KioskConfig,
  signer: SigningKey,
  version: number,
  meta: { site?: string; delegatedKeys?: TrustedKey[] } = {},
) {
  const b = await makeBundle({ signer, meta: { version, bundleId: `t-${version}`, ...meta } });
  return acceptBundle(b.reader, config, { mode: 'activate' });
}

const liveVersion = async () => (await metaDb().getValue('live'))?.version;

describe('kiosk trust', () => {
  it('K0 → K1 → K2: K1 signs bundles, but its delegation of K2 is refused and K2 stays untrusted', async () => {
    const [k0, k1, k2] = [await makeSigner(), await makeSigner(), await makeSigner()];
    const config = configOf([k0.trusted]);
    expect(await offer(config, k0, 2, { delegatedKeys: [k1.trusted] })).toMatchObject({
      status: 'activated',
    });
    expect(await offer(config, k1, 3)).toMatchObject({ status: 'activated' });
    const chain = await offer(config, k1, 4, { delegatedKeys: [k2.trusted] });
    expect(chain).toMatchObject({ status: 'rejected', failure: { code: 'delegation-refused' } });
    expect(await offer(config, k2, 5)).toMatchObject({
      status: 'rejected',
      failure: { code: 'unknown-key' },
    });
    expect(await liveVersion()).toBe(3);
    expect((await trustedKeysOf(config)).map((k) => k.keyId)).toEqual([k0.trusted.keyId, k1.trusted.keyId]);
  });

  it('refuses another site’s bundle and keeps the live one', async () => {
    const k0 = await makeSigner();
    const config = configOf([k0.trusted]);
    await offer(config, k0, 2);
    const foreign = await offer(config, k0, 3, { site: 'other-district' });
    expect(foreign).toMatchObject({ status: 'rejected', failure: { code: 'wrong-site' } });
    expect(await liveVersion()).toBe(2);
  });

  it('drops a delegated key when kiosk-config drops or revokes the key that delegated it', async () => {
    const [k0, k1, fresh] = [await makeSigner(), await makeSigner(), await makeSigner()];
    await offer(configOf([k0.trusted]), k0, 2, { delegatedKeys: [k1.trusted] });
    // K0 removed from trustedKeys at the next start: K1 is no longer trusted though kiosk-meta remembers it.
    const without = configOf([fresh.trusted]);
    expect(await offer(without, k1, 3)).toMatchObject({ failure: { code: 'unknown-key' } });
    // K0 still listed but revoked: same.
    const revoked = configOf([k0.trusted, fresh.trusted], [k0.trusted.keyId]);
    expect(await offer(revoked, k1, 3)).toMatchObject({ failure: { code: 'unknown-key' } });
    // K1 itself revoked.
    const k1Revoked = configOf([k0.trusted], [k1.trusted.keyId]);
    expect(await offer(k1Revoked, k1, 3)).toMatchObject({ failure: { code: 'revoked-key' } });
    expect(await liveVersion()).toBe(2);
  });

  it('refuses version 2^53-1 from a leaked key; the genuine next bundle still goes live', async () => {
    const k0 = await makeSigner();
    const config = configOf([k0.trusted]);
    await offer(config, k0, 2);
    const lockout = await offer(config, k0, Number.MAX_SAFE_INTEGER);
    expect(lockout).toMatchObject({ status: 'rejected', failure: { code: 'from-the-future' } });
    expect(await metaDb().getValue('highestAccepted')).toBe(2);
    expect(await offer(config, k0, versionStampOf(new Date()))).toMatchObject({ status: 'activated' });
  });

  it('recovery drill: new root in kiosk-config, staff confirm, the version guard restarts at the new root’s bundle', async () => {
    const [leaked, newRoot] = [await makeSigner(), await makeSigner()];
    const before = configOf([leaked.trusted]);
    expect(await pendingRootChange(before)).toBeNull(); // first start records the roots
    await offer(before, leaked, 2);
    // The thief pushes the highest version the ceiling allows.
    const highest = versionCeilingAt(new Date()) - 1;
    expect(await offer(before, leaked, highest)).toMatchObject({ status: 'activated' });

    // IT replaces the root and revokes the leaked one; the new root's first bundle is "older" than the thief's.
    const after = configOf([newRoot.trusted], [leaked.trusted.keyId]);
    const genuine = 3;
    expect(await offer(after, newRoot, genuine)).toMatchObject({ failure: { code: 'not-newer' } });
    expect(await offer(after, leaked, highest + 1)).toMatchObject({ failure: { code: 'revoked-key' } });
    expect(await pendingRootChange(after)).toEqual({
      added: [newRoot.trusted.keyId],
      removed: [leaked.trusted.keyId],
    });

    await confirmNewRoots(after);
    expect(await pendingRootChange(after)).toBeNull();
    expect(await offer(after, newRoot, genuine)).toMatchObject({ status: 'activated', version: genuine });
    expect(await liveVersion()).toBe(genuine);
    expect(await metaDb().getValue('highestAccepted')).toBe(genuine);
    // From here on the guard holds again, and the leaked key stays out.
    expect(await offer(after, newRoot, genuine - 1)).toMatchObject({ failure: { code: 'not-newer' } });
    expect(await offer(after, leaked, genuine + 1)).toMatchObject({ failure: { code: 'revoked-key' } });
  });
});
