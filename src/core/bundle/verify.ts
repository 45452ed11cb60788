// The one bundle check, shared by the bundle tool, the kiosk and the zone server.
// Order matters: nothing in the manifest is trusted before its signature checks out, and nothing in a
// data file is parsed before its hash matches the signed manifest (TUF's mix-and-match and rollback threats).
import { fromBase64, sha256Hex, toBase64, utf8 } from './encoding.ts';
import { verifyBytes } from './keys.ts';
import {
  FUTURE_SKEW_MS,
  trustedSigners,
  versionCeilingAt,
  type Delegation,
  type SignerRole,
} from './trust.ts';
import {
  BundleDataSchemas,
  DATA_FILES,
  ManifestSchema,
  formatIssuePath,
  type BundleData,
  type DataFileKey,
  type Manifest,
  type TrustedKey,
} from './schema.ts';

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';

export interface BundleReader {
  /** Returns the file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
}

export type VerifyFailureCode =
  | 'malformed-manifest'
  | 'bad-signature'
  | 'unknown-key'
  | 'revoked-key'
  | 'delegation-refused'
  | 'wrong-site'
  | 'from-the-future'
  | 'missing-file'
  | 'size-mismatch'
  | 'hash-mismatch'
  | 'schema'
  | 'not-newer'
  | 'expired'
  | 'app-too-old';

export interface VerifyFailure {
  code: VerifyFailureCode;
  message: string;
  /** The bundle file concerned, and for schema errors the path inside it (`data/catalogue.json: [3].publisher`). */
  path?: string;
}

export interface VerifyOptions {
  /** The root keys (kiosk-config's trustedKeys): they may sign bundles and delegate. */
  trustedKeys: readonly TrustedKey[];
  /** Keys delegated by root-signed bundles accepted earlier; trusted only while their root is. */
  delegations?: readonly Delegation[];
  /** Key ids refused whatever else says (kiosk-config's revokedKeys). */
  revokedKeys?: readonly string[];
  /** The kiosk's site: a bundle built for another site is refused. */
  site?: string;
  /** The highest version this kiosk ever accepted: a bundle must be strictly newer (rollback protection). */
  highestAcceptedVersion?: number;
  now?: Date;
  /** The running app's version; the bundle's minAppVersion must not exceed it. */
  appVersion?: string;
  /** Accept an expired bundle (used to keep showing a frozen live bundle; never for updates). */
  allowExpired?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export type VerifyResult =
  | {
      ok: true;
      manifest: Manifest;
      /** Whether a root or a delegated key signed it: only a root's delegations may be remembered. */
      signerRole: SignerRole;
      manifestBytes: Uint8Array;
      data: BundleData;
      files: Map<string, Uint8Array>;
    }
  | { ok: false; failure: VerifyFailure };

const fail = (code: VerifyFailureCode, message: string, path?: string): VerifyResult => ({
  ok: false,
  failure: path === undefined ? { code, message } : { code, message, path },
});

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export async function verifyBundle(reader: BundleReader, opts: VerifyOptions): Promise<VerifyResult> {
  const manifestBytes = await reader.read(MANIFEST_PATH);
  if (!manifestBytes) return fail('missing-file', `${MANIFEST_PATH} is missing`, MANIFEST_PATH);
  const sigBytes = await reader.read(SIGNATURE_PATH);
  if (!sigBytes) return fail('missing-file', `${SIGNATURE_PATH} is missing`, SIGNATURE_PATH);

  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(manifestBytes));
  } catch (e) {
    return fail(
      'malformed-manifest',
      `${MANIFEST_PATH} is not valid UTF-8 JSON: ${(e as Error).message}`,
      MANIFEST_PATH,
    );
  }
  const keyId = typeof raw === 'object' && raw !== null ? (raw as { keyId?: unknown }).keyId : undefined;
  if (typeof keyId !== 'string')
    return fail('malformed-manifest', `${MANIFEST_PATH} has no keyId`, MANIFEST_PATH);
  if (opts.revokedKeys?.includes(keyId))
    return fail('revoked-key', `signed by key ${keyId}, which kiosk-config lists as revoked`, SIGNATURE_PATH);
  const signers = trustedSigners(opts.trustedKeys, opts.delegations, opts.revokedKeys);
  const signer = signers.get(keyId);
  const key = signer?.key;
  if (!signer || !key) {
    const known = [...signers.keys()].join(', ') || 'none';
    return fail(
      'unknown-key',
      `signed by key ${keyId}, which is not trusted (trusted: ${known})`,
      SIGNATURE_PATH,
    );
  }

  // Only the canonical form is accepted (base64 of 64 bytes, one optional newline), so that no byte of a
  // bundle can change without the change being detected.
  let sigText = '';
  try {
    sigText = utf8.decode(sigBytes).replace(/\n$/, '');
  } catch {
    // not UTF-8: rejected below
  }
  const signature = /^[A-Za-z0-9+/]{86}==$/.test(sigText) ? fromBase64(sigText) : null;
  const canonical = signature !== null && toBase64(signature) === sigText;
  if (!signature || !canonical || !(await verifyBytes(key, signature, manifestBytes))) {
    return fail(
      'bad-signature',
      `the signature does not match ${MANIFEST_PATH} for key ${keyId}`,
      SIGNATURE_PATH,
    );
  }

  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = formatIssuePath(issue.path);
    return fail('schema', `${MANIFEST_PATH}: ${at}: ${issue.message}`, `${MANIFEST_PATH}: ${at}`);
  }
  const manifest = parsed.data;

  // A delegated key signs bundles and nothing else: its chain ends here (no K0 → K1 → K2).
  if (signer.role === 'delegated' && manifest.delegatedKeys.length > 0) {
    return fail(
      'delegation-refused',
      `key ${keyId} is a delegated key: it may sign bundles but not delegate to other keys`,
      `${MANIFEST_PATH}: delegatedKeys`,
    );
  }
  if (opts.site !== undefined && manifest.site !== opts.site) {
    return fail(
      'wrong-site',
      `bundle is for site ${manifest.site}; this kiosk is ${opts.site}`,
      `${MANIFEST_PATH}: site`,
    );
  }
  const now = opts.now ?? new Date();
  if (Date.parse(manifest.createdAt) > now.getTime() + FUTURE_SKEW_MS) {
    return fail(
      'from-the-future',
      `bundle created at ${manifest.createdAt}, after this device's clock (${now.toISOString()}) allows`,
      `${MANIFEST_PATH}: createdAt`,
    );
  }
  const ceiling = versionCeilingAt(now);
  if (manifest.version > ceiling) {
    return fail(
      'from-the-future',
      `bundle version ${manifest.version} is beyond ${ceiling}, the build stamp of now`,
      `${MANIFEST_PATH}: version`,
    );
  }
  if (!opts.allowExpired && Date.parse(manifest.expiresAt) <= now.getTime()) {
    return fail('expired', `bundle version ${manifest.version} expired at ${manifest.expiresAt}`);
  }
  if (opts.highestAcceptedVersion !== undefined && manifest.version <= opts.highestAcceptedVersion) {
    return fail(
      'not-newer',
      `bundle version ${manifest.version} is not newer than ${opts.highestAcceptedVersion}, the highest already accepted`,
    );
  }
  if (opts.appVersion !== undefined && compareVersions(manifest.minAppVersion, opts.appVersion) > 0) {
    return fail(
      'app-too-old',
      `bundle needs app version ${manifest.minAppVersion}; this kiosk runs ${opts.appVersion}`,
    );
  }

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const path of Object.values(DATA_FILES)) {
    if (!listed.has(path)) {
      return fail('missing-file', `${path} is not listed in the manifest`, path);
    }
  }

  const files = new Map<string, Uint8Array>();
  let done = 0;
  opts.onProgress?.(0, manifest.files.length);
  for (const entry of manifest.files) {
    const bytes = await reader.read(entry.path);
    if (!bytes)
      return fail('missing-file', `${entry.path} is listed in the manifest but missing`, entry.path);
    if (bytes.length !== entry.size) {
      return fail(
        'size-mismatch',
        `${entry.path} is ${bytes.length} bytes; the manifest says ${entry.size}`,
        entry.path,
      );
    }
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      return fail('hash-mismatch', `${entry.path} does not match its SHA-256 in the manifest`, entry.path);
    }
    files.set(entry.path, bytes);
    opts.onProgress?.(++done, manifest.files.length);
  }

  const data = {} as Record<DataFileKey, unknown>;
  for (const [key, path] of Object.entries(DATA_FILES) as [DataFileKey, string][]) {
    const bytes = files.get(path)!; // present: listed (checked above) and read
    files.delete(path);
    let json: unknown;
    try {
      json = JSON.parse(utf8.decode(bytes));
    } catch (e) {
      return fail('schema', `${path}: not valid JSON: ${(e as Error).message}`, path);
    }
    const result = BundleDataSchemas[key].safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const at = formatIssuePath(issue.path);
      return fail('schema', `${path}: ${at}: ${issue.message}`, `${path}: ${at}`);
    }
    data[key] = result.data;
  }
  const bundle = data as unknown as BundleData;

  for (const [i, guide] of bundle.guides.entries()) {
    for (const [j, att] of guide.attachments.entries()) {
      if (!listed.has(att.path)) {
        const at = `${DATA_FILES.guides}: [${i}].attachments[${j}].path`;
        return fail('schema', `${at}: ${att.path} is not listed in the manifest`, at);
      }
    }
  }
  return { ok: true, manifest, signerRole: signer.role, manifestBytes, data: bundle, files };
}

/** Reads a bundle from an HTTP channel (the kiosk); `baseUrl` ends with a slash. */
export function httpBundleReader(baseUrl: string, fetchFn: typeof fetch = fetch): BundleReader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    async read(path) {
      const res = await fetchFn(base + path.split('/').map(encodeURIComponent).join('/'), {
        cache: 'no-cache',
      });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`GET ${base}${path}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
