// Who may sign a bundle, recomputed from kiosk-config every time (The Update Framework's root/targets roles):
// kiosk-config's trustedKeys are the roots; a bundle signed by a root may name delegated keys, which may sign
// bundles and nothing else. A delegation lasts only while the root that made it is trusted and not revoked.
import type { TrustedKey } from './schema.ts';

/** A key vouched for by a root-signed bundle, remembered with the root that vouched for it. */
export interface Delegation {
  key: TrustedKey;
  delegatedBy: string;
}

export type SignerRole = 'root' | 'delegated';

export interface TrustedSigner {
  key: TrustedKey;
  role: SignerRole;
}

/** How far ahead of this device's clock a bundle's createdAt (and version stamp) may be. */
export const FUTURE_SKEW_MS = 15 * 60_000;

/**
 * The keys that may sign a bundle now: roots not revoked, then delegations whose root is one of them. A root
 * listed again as delegated keeps the root role.
 */
export function trustedSigners(
  roots: readonly TrustedKey[],
  delegations: readonly Delegation[] = [],
  revokedKeys: readonly string[] = [],
): Map<string, TrustedSigner> {
  const revoked = new Set(revokedKeys);
  const signers = new Map<string, TrustedSigner>();
  for (const key of roots) if (!revoked.has(key.keyId)) signers.set(key.keyId, { key, role: 'root' });
  for (const d of delegations) {
    if (revoked.has(d.key.keyId) || signers.has(d.key.keyId)) continue;
    if (signers.get(d.delegatedBy)?.role !== 'root') continue;
    signers.set(d.key.keyId, { key: d.key, role: 'delegated' });
  }
  return signers;
}

/** The version stamp `kiosk-bundle build` gives a bundle built at `at`: YYYYMMDDHHmm in UTC. */
export function versionStampOf(at: Date): number {
  return Number(at.toISOString().replace(/[-T:]/g, '').slice(0, 12));
}

/**
 * The highest version a bundle may carry at `now`: the build stamp of now + the skew. Explicit small versions
 * (1, 2, 3…) stay far below it; a leaked key cannot sign 2^53-1 and lock every genuine bundle out as "not newer".
 */
export function versionCeilingAt(now: Date): number {
  return versionStampOf(new Date(now.getTime() + FUTURE_SKEW_MS));
}
