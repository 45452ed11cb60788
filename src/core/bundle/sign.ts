// Creates the signed manifest over a set of bundle files. Isomorphic: the bundle tool uses it, and tests
// build tampered bundles with it in the browser as well as in Node.
import { sha256Hex, toBase64, utf8 } from './encoding.ts';
import { signBytes, type SigningKey } from './keys.ts';
import { BUNDLE_FORMAT, ManifestSchema, type Manifest, type TrustedKey } from './schema.ts';

export interface ManifestMeta {
  bundleId: string;
  site: string;
  siteName: string;
  version: number;
  createdAt: Date;
  expiresAt: Date;
  minAppVersion: string;
  delegatedKeys?: TrustedKey[];
}

export interface SignedManifest {
  manifest: Manifest;
  /** The exact bytes that were signed; written to manifest.json unchanged. */
  manifestBytes: Uint8Array;
  /** Base64 of the 64-byte Ed25519 signature; written to manifest.sig. */
  signatureText: string;
}

export async function signManifest(
  files: ReadonlyMap<string, Uint8Array>,
  meta: ManifestMeta,
  signer: SigningKey,
): Promise<SignedManifest> {
  const entries = await Promise.all(
    [...files.keys()].sort().map(async (path) => {
      const bytes = files.get(path)!;
      return { path, sha256: await sha256Hex(bytes), size: bytes.length };
    }),
  );
  const manifest: Manifest = ManifestSchema.parse({
    format: BUNDLE_FORMAT,
    bundleId: meta.bundleId,
    site: meta.site,
    siteName: meta.siteName,
    version: meta.version,
    createdAt: meta.createdAt.toISOString(),
    expiresAt: meta.expiresAt.toISOString(),
    minAppVersion: meta.minAppVersion,
    keyId: signer.trusted.keyId,
    delegatedKeys: meta.delegatedKeys ?? [],
    files: entries,
  });
  const manifestBytes = utf8.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = await signBytes(signer.key, manifestBytes);
  return { manifest, manifestBytes, signatureText: `${toBase64(signature)}\n` };
}
