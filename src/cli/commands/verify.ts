import type { Command } from 'commander';
import { verifyBundle } from '../../core/bundle/verify.ts';
import { fsBundleReader } from '../bundle-dir.ts';
import { parsePositiveInt, RejectedError, UsageError } from '../errors.ts';
import { readPublicKey } from './key-files.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'check a bundle exactly as a kiosk does: signature, every file hash and size, schemas, version, expiry',
    )
    .argument('<bundle_dir>', 'bundle folder')
    .requiredOption('--pubkey <key>', 'trusted public key (signing.pub); repeat for several', collect, [])
    .option('--newer-than <n>', 'refuse versions not newer than N (the highest a kiosk accepted)')
    .option('--app-version <x.y.z>', 'refuse bundles that need a newer app')
    .option('--now <iso>', 'check expiry at this time instead of now')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        dir: string,
        opts: { pubkey: string[]; newerThan?: string; appVersion?: string; now?: string; json?: boolean },
      ) => {
        if (!opts.pubkey.length)
          throw new UsageError('--pubkey is required: the public key(s) the bundle must be signed with');
        const now = opts.now === undefined ? new Date() : new Date(opts.now);
        if (Number.isNaN(now.getTime())) throw new UsageError(`--now: not a date: ${opts.now}`);
        if (opts.appVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(opts.appVersion))
          throw new UsageError('--app-version must look like 1.2.3');
        const trustedKeys = await Promise.all(opts.pubkey.map(readPublicKey));
        const started = performance.now();
        const result = await verifyBundle(fsBundleReader(dir), {
          trustedKeys,
          now,
          ...(opts.newerThan === undefined
            ? {}
            : { highestAcceptedVersion: parsePositiveInt(opts.newerThan, '--newer-than') }),
          ...(opts.appVersion === undefined ? {} : { appVersion: opts.appVersion }),
        });
        const ms = Math.round(performance.now() - started);
        if (!result.ok) {
          if (opts.json) console.log(JSON.stringify({ ok: false, ...result.failure }));
          throw new RejectedError(`rejected (${result.failure.code}): ${result.failure.message}`);
        }
        const m = result.manifest;
        if (opts.json)
          console.log(
            JSON.stringify({
              ok: true,
              bundleId: m.bundleId,
              version: m.version,
              keyId: m.keyId,
              files: m.files.length,
              ms,
            }),
          );
        else
          console.log(
            `OK ${m.bundleId}: version ${m.version}, signed by ${m.keyId}, ${m.files.length} files verified in ${ms} ms`,
          );
      },
    );
}
