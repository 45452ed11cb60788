import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateSigningKeyPair } from '../../core/bundle/keys.ts';
import { exists } from '../bundle-dir.ts';
import { UsageError } from '../errors.ts';

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description(
      'create an Ed25519 signing key pair: DIR/signing.key (private, mode 0600) and DIR/signing.pub',
    )
    .requiredOption('--out <dir>', 'folder to write the key pair into')
    .option('--force', 'overwrite an existing key pair')
    .action(async (opts: { out: string; force?: boolean }) => {
      const keyPath = join(opts.out, 'signing.key');
      const pubPath = join(opts.out, 'signing.pub');
      if (!opts.force && ((await exists(keyPath)) || (await exists(pubPath)))) {
        throw new UsageError(
          `${keyPath} already exists; pass --force to replace it (bundles signed with it will no longer verify against the new key)`,
        );
      }
      const pair = await generateSigningKeyPair();
      await mkdir(opts.out, { recursive: true });
      await writeFile(keyPath, pair.privatePem, { mode: 0o600 });
      await chmod(keyPath, 0o600); // writeFile's mode is ignored when the file already existed
      await writeFile(pubPath, pair.publicPem);
      console.log(`wrote ${keyPath} (private, keep it off the kiosks) and ${pubPath}`);
      console.log(`key id: ${pair.trusted.keyId}`);
      console.log(`kiosk-config trustedKeys entry: ${JSON.stringify(pair.trusted)}`);
    });
}
