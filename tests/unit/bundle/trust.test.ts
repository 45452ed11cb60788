// The key-chain attacks of issue 12 (Why 1), replayed against the one verification function.
import { describe, expect, it } from 'vitest';
import { trustedSigners, versionCeilingAt, versionStampOf } from '../../../src/core/bundle/trust.ts';
import { verifyBundle } from '../../../src/core/bundle/verify.ts';
import { makeBundle, makeSigner } from './bundle-fixture.ts';

const SITE = 'test-district';

describe('key chains that end', () => {
  it('refuses a bundle in which a delegated key delegates further (K0 → K1 → K2)', async () => {
    const k0 = await makeSigner();
    const k1 = await makeSigner();
    const k2 = await makeSigner();
    const delegations = [{ key: k1.trusted, delegatedBy: k0.trusted.keyId }];
    // K1 may sign bundles…
    const plain = await makeBundle({ signer: k1, meta: { version: 6 } });
    const ok = await verifyBundle(plain.reader, { trustedKeys: [k0.trusted], delegations, site: SITE });
    expect(ok.ok && ok.signerRole).toBe('delegated');
    // …but not vouch for K2.
    const chain = await makeBundle({ signer: k1, meta: { version: 6, delegatedKeys: [k2.trusted] } });
    const r = await verifyBundle(chain.reader, { trustedKeys: [k0.trusted], delegations, site: SITE });
    expect(r.ok || r.failure.code).toBe('delegation-refused');
    // Even if K2 were remembered as delegated by K1, K1 is no root: K2 is not trusted.
    const byK2 = await makeBundle({ signer: k2, meta: { version: 7 } });
    const r2 = await verifyBundle(byK2.reader, {
      trustedKeys: [k0.trusted],
      delegations: [...delegations, { key: k2.trusted, delegatedBy: k1.trusted.keyId }],
    });
    expect(r2.ok || r2.failure.code).toBe('unknown-key');
  });

  it('refuses a bundle built for another site', async () => {
    const b = await makeBundle({ meta: { site: 'other-district' } });
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted], site: SITE });
    expect(r.ok || r.failure).toMatchObject({ code: 'wrong-site', path: 'manifest.json: site' });
    const own = await makeBundle({ signer: b.signer });
    expect((await verifyBundle(own.reader, { trustedKeys: [b.trusted], site: SITE })).ok).toBe(true);
  });

  it('trusts a delegated key only while the root that delegated it is trusted and neither is revoked', async () => {
    const k0 = await makeSigner();
    const k1 = await makeSigner();
    const other = await makeSigner();
    const delegations = [{ key: k1.trusted, delegatedBy: k0.trusted.keyId }];
    const b = await makeBundle({ signer: k1 });
    expect((await verifyBundle(b.reader, { trustedKeys: [k0.trusted], delegations })).ok).toBe(true);
    // K0 gone from kiosk-config: K1 goes with it.
    const gone = await verifyBundle(b.reader, { trustedKeys: [other.trusted], delegations });
    expect(gone.ok || gone.failure.code).toBe('unknown-key');
    // K0 revoked: same.
    const rootRevoked = await verifyBundle(b.reader, {
      trustedKeys: [k0.trusted, other.trusted],
      delegations,
      revokedKeys: [k0.trusted.keyId],
    });
    expect(rootRevoked.ok || rootRevoked.failure.code).toBe('unknown-key');
    // K1 itself revoked.
    const revoked = await verifyBundle(b.reader, {
      trustedKeys: [k0.trusted],
      delegations,
      revokedKeys: [k1.trusted.keyId],
    });
    expect(revoked.ok || revoked.failure.code).toBe('revoked-key');
    expect(trustedSigners([k0.trusted], delegations, [k0.trusted.keyId]).size).toBe(0);
  });

  it('refuses version 2^53-1 and a createdAt in the future, and accepts the genuine bundle after them', async () => {
    const signer = await makeSigner();
    const now = new Date();
    const huge = await makeBundle({ signer, meta: { version: Number.MAX_SAFE_INTEGER } });
    const r = await verifyBundle(huge.reader, { trustedKeys: [signer.trusted], now });
    expect(r.ok || r.failure).toMatchObject({ code: 'from-the-future', path: 'manifest.json: version' });

    const ahead = await makeBundle({
      signer,
      meta: {
        createdAt: new Date(now.getTime() + 86_400_000),
        expiresAt: new Date(now.getTime() + 2 * 86_400_000),
      },
    });
    const r2 = await verifyBundle(ahead.reader, { trustedKeys: [signer.trusted], now });
    expect(r2.ok || r2.failure).toMatchObject({ code: 'from-the-future', path: 'manifest.json: createdAt' });

    // A genuine build stamped now passes the ceiling; one stamped a day ahead does not.
    const stamp = versionStampOf(now);
    expect(versionCeilingAt(now)).toBeGreaterThanOrEqual(stamp + 15);
    const genuine = await makeBundle({ signer, meta: { version: stamp } });
    expect((await verifyBundle(genuine.reader, { trustedKeys: [signer.trusted], now })).ok).toBe(true);
    const tomorrow = await makeBundle({
      signer,
      meta: { version: versionStampOf(new Date(now.getTime() + 86_400_000)) },
    });
    const r3 = await verifyBundle(tomorrow.reader, { trustedKeys: [signer.trusted], now });
    expect(r3.ok || r3.failure.code).toBe('from-the-future');
  });
});
