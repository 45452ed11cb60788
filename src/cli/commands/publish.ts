// `kiosk-bundle publish BUNDLE_DIR --to CHANNEL_DIR`: puts a verified bundle where the zone server serves it.
//
// Channel layout (served under /bundle/ by the zone server's --bundle-dir):
//   files/<sha256>                 every file of every published version, content-addressed (immutable)
//   signatures/<sha256>.sig        the signature of the manifest whose bytes hash to <sha256> (immutable)
//   data/…, attachments/…          the latest version under its own paths, so the channel is also a plain bundle
//                                  folder (old kiosks, `kiosk-bundle verify`, the server's holiday calendar)
//   channel.json                   marks the folder as such a channel (the server then tells kiosks, by a header)
//   manifest.sig, manifest.json    the latest version, written last, each by temp file + rename
// A kiosk that reads manifest.json and then files/<sha256> and signatures/<sha256>.sig never sees a manifest
// whose files or signature are missing, whenever it polls: they are all in place before the manifest is.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { fromBase64, utf8 } from '../../core/bundle/encoding.ts';
import { verifyBytes } from '../../core/bundle/keys.ts';
import { z } from 'zod';
import { ManifestSchema, TrustedKeySchema, type TrustedKey } from '../../core/bundle/schema.ts';
import type { Delegation } from '../../core/bundle/trust.ts';
import { KioskConfigSchema } from '../../core/config/kiosk-config.ts';
import { MANIFEST_PATH, SIGNATURE_PATH, verifyBundle } from '../../core/bundle/verify.ts';
import { CHANNEL_MARKER } from '../../kiosk/bundle/channel-reader.ts';
import { fsBundleReader } from '../bundle-dir.ts';
import { RejectedError, UsageError } from '../errors.ts';
import { readPublicKey } from './key-files.ts';

const collect = (value: string, previous: string[]) => [...previous, value];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface PublishOptions {
  bundleDir: string;
  channelDir: string;
  trustedKeys: TrustedKey[];
  /** kiosk-config's revokedKeys: a bundle signed by one of them (or by a key one of them delegated) is refused. */
  revokedKeys?: string[];
  now?: Date;
  /** Progress of the file copy, for the command's output. */
  onFile?: (done: number, total: number) => void | Promise<void>;
}

export type PublishResult =
  | { status: 'published'; version: number; previous: number | null; files: number; written: number }
  | { status: 'current'; version: number };

/** Writes bytes to path through a temp file in the same folder and a rename: readers see old or new, never half. */
async function atomicWrite(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const st = await stat(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/**
 * The channel's current version; when a root key signed it, its delegated keys are trusted for the new bundle
 * too (key rotation, as on the kiosks; a delegated key's bundle delegates nothing).
 */
async function currentChannel(
  channelDir: string,
  trustedKeys: TrustedKey[],
): Promise<{ version: number; delegations: Delegation[] } | null> {
  const reader = fsBundleReader(channelDir);
  const raw = await reader.read(MANIFEST_PATH);
  if (!raw) return null;
  let parsed;
  try {
    parsed = ManifestSchema.safeParse(JSON.parse(utf8.decode(raw)));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw new RejectedError(`${channelDir}/${MANIFEST_PATH} is not a bundle manifest`);
  const manifest = parsed.data;
  const key = trustedKeys.find((k) => k.keyId === manifest.keyId);
  const sig = fromBase64(utf8.decode((await reader.read(SIGNATURE_PATH)) ?? new Uint8Array()).trim());
  const signed = !!key && !!sig && sig.length === 64 && (await verifyBytes(key, sig, raw));
  const delegations = signed
    ? manifest.delegatedKeys.map((key) => ({ key, delegatedBy: manifest.keyId }))
    : [];
  return { version: manifest.version, delegations };
}

export async function publishBundle(opts: PublishOptions): Promise<PublishResult> {
  const now = opts.now ?? new Date();
  const channelDir = resolve(opts.channelDir);
  if (resolve(opts.bundleDir) === channelDir)
    throw new UsageError('--to must not be the bundle folder itself');
  const current = await currentChannel(channelDir, opts.trustedKeys);
  // The same check as a kiosk's: a bundle no kiosk would accept is never published.
  const result = await verifyBundle(fsBundleReader(opts.bundleDir), {
    trustedKeys: opts.trustedKeys,
    delegations: current?.delegations ?? [],
    revokedKeys: opts.revokedKeys ?? [],
    now,
  });
  if (!result.ok)
    throw new RejectedError(`not published: rejected (${result.failure.code}): ${result.failure.message}`);
  const { manifest, manifestBytes } = result;
  if (current && manifest.version === current.version)
    return { status: 'current', version: manifest.version };
  if (current && manifest.version < current.version)
    throw new RejectedError(
      `not published: version ${manifest.version} is older than ${current.version}, the channel's latest (kiosks would refuse it as a rollback)`,
    );

  const reader = fsBundleReader(opts.bundleDir);
  const sigBytes = (await reader.read(SIGNATURE_PATH))!;
  let written = 0;
  let done = 0;
  const plain: [string, Uint8Array][] = [];
  for (const entry of manifest.files) {
    const bytes = (await reader.read(entry.path))!;
    if (sha256(bytes) !== entry.sha256) throw new RejectedError(`${entry.path} changed while publishing`);
    const target = join(channelDir, 'files', entry.sha256);
    if ((await sizeOf(target)) !== entry.size) {
      await atomicWrite(target, bytes);
      written++;
    }
    plain.push([entry.path, bytes]);
    await opts.onFile?.(++done, manifest.files.length);
  }
  await atomicWrite(join(channelDir, 'signatures', `${sha256(manifestBytes)}.sig`), sigBytes);
  for (const [path, bytes] of plain) {
    const full = resolve(channelDir, path);
    if (!full.startsWith(channelDir + sep)) throw new RejectedError(`${path}: outside the channel`);
    await atomicWrite(full, bytes);
  }
  // Marks the folder as a content-addressed channel (the zone server tells kiosks with a header).
  await atomicWrite(
    join(channelDir, CHANNEL_MARKER),
    utf8.encode(
      `${JSON.stringify({ layout: 'content-addressed', files: 'files/<sha256>', signatures: 'signatures/<sha256 of manifest.json>.sig' })}\n`,
    ),
  );
  // Last: the signature, then the manifest that points at everything above.
  await atomicWrite(join(channelDir, SIGNATURE_PATH), sigBytes);
  await atomicWrite(join(channelDir, MANIFEST_PATH), manifestBytes);
  return {
    status: 'published',
    version: manifest.version,
    previous: current?.version ?? null,
    files: manifest.files.length,
    written,
  };
}

export function registerPublish(program: Command): void {
  program
    .command('publish')
    .description(
      'verify a bundle and publish it to a channel folder the zone server serves (--bundle-dir): content-addressed files first, the manifest last',
    )
    .argument('<bundle_dir>', 'bundle folder (from `kiosk-bundle build`)')
    .requiredOption('--to <channel_dir>', 'channel folder (created when missing)')
    .option('--pubkey <key>', 'trusted public key (signing.pub); repeat for several', collect, [])
    .option(
      '--kiosk-config <file>',
      "trust the keys the kiosks trust: kiosk-config's trustedKeys, less its revokedKeys",
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        bundleDir: string,
        opts: { to: string; pubkey: string[]; kioskConfig?: string; json?: boolean },
      ) => {
        if (!opts.pubkey.length && !opts.kioskConfig)
          throw new UsageError(
            '--pubkey or --kiosk-config is required: the public key(s) kiosks trust (signing.pub)',
          );
        const trustedKeys = await Promise.all(opts.pubkey.map(readPublicKey));
        const fromConfig = opts.kioskConfig ? await configKeys(opts.kioskConfig) : null;
        if (fromConfig) trustedKeys.push(...fromConfig.trustedKeys);
        const started = performance.now();
        const result = await publishBundle({
          bundleDir,
          channelDir: opts.to,
          trustedKeys,
          revokedKeys: fromConfig?.revokedKeys ?? [],
        });
        const ms = Math.round(performance.now() - started);
        if (opts.json) console.log(JSON.stringify({ ...result, ms }));
        else if (result.status === 'current')
          console.log(
            `already published: version ${result.version} is the channel's latest; nothing changed`,
          );
        else
          console.log(
            `published version ${result.version} to ${opts.to}${result.previous === null ? '' : ` (was ${result.previous})`}: ${result.files} files, ${result.written} new, in ${ms} ms`,
          );
      },
    );
}

async function configKeys(file: string): Promise<{ trustedKeys: TrustedKey[]; revokedKeys: string[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new RejectedError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const keys = z
    .object({
      trustedKeys: z.array(TrustedKeySchema).min(1),
      revokedKeys: KioskConfigSchema.shape.revokedKeys,
    })
    .safeParse(raw);
  if (!keys.success) throw new RejectedError(`${file}: no valid trustedKeys`);
  return keys.data;
}
