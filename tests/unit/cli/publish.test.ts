import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, sha256Hex } from '../../../src/core/bundle/encoding.ts';
import { publicKeyPem } from '../../../src/core/bundle/keys.ts';
import type { TrustedKey } from '../../../src/core/bundle/schema.ts';
import { verifyBundle, type BundleReader } from '../../../src/core/bundle/verify.ts';
import { fsBundleReader } from '../../../src/cli/bundle-dir.ts';
import { publishBundle } from '../../../src/cli/commands/publish.ts';
import { layoutAwareReader } from '../../../src/kiosk/bundle/channel-reader.ts';
import { checkPin } from '../../../src/kiosk/staff/pin.ts';
import { makeBundle, makeSigner } from '../bundle/bundle-fixture.ts';
import { runCli } from './run-cli.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'publish-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeDir(target: string, files: Map<string, Uint8Array>): Promise<string> {
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(target, path)), { recursive: true });
    await writeFile(join(target, path), bytes);
  }
  return target;
}

async function pubFile(name: string, key: TrustedKey): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, publicKeyPem(fromBase64(key.publicKey)!));
  return path;
}

/** Reads only what `kiosk-bundle publish` addresses by content, plus the manifest (no data/ or attachments/). */
function addressedOnly(channel: string): BundleReader {
  const fs = fsBundleReader(channel);
  return layoutAwareReader({
    read: (path) =>
      path === 'manifest.json' || path.startsWith('files/') || path.startsWith('signatures/')
        ? fs.read(path)
        : Promise.resolve(null),
  });
}

describe('kiosk-bundle publish', () => {
  it('publishes content-addressed files, then the manifest; kiosks read either layout', async () => {
    const v5 = await makeBundle();
    const bundleDir = await writeDir(join(dir, 'b5'), v5.files);
    const channel = join(dir, 'channel');
    const pub = await pubFile('signing.pub', v5.trusted);

    const run = await runCli('publish', bundleDir, '--to', channel, '--pubkey', pub);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/published version 5/);

    const manifest = JSON.parse(await readFile(join(channel, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string }[];
    };
    const stored = await readdir(join(channel, 'files'));
    expect(stored.sort()).toEqual([...new Set(manifest.files.map((f) => f.sha256))].sort());
    const manifestSha = await sha256Hex(new Uint8Array(await readFile(join(channel, 'manifest.json'))));
    expect(await readdir(join(channel, 'signatures'))).toEqual([`${manifestSha}.sig`]);

    const opts = { trustedKeys: [v5.trusted] };
    expect((await verifyBundle(fsBundleReader(channel), opts)).ok).toBe(true);
    expect((await verifyBundle(addressedOnly(channel), opts)).ok).toBe(true);
    // A plain bundle folder still reads through the layout-aware reader.
    expect((await verifyBundle(layoutAwareReader(fsBundleReader(bundleDir)), opts)).ok).toBe(true);
  });

  it('a kiosk polling in the middle of a publish always sees a complete, verifiable bundle', async () => {
    const signer = await makeSigner();
    const v5 = await makeBundle({ signer });
    const v6 = await makeBundle({
      signer,
      meta: { version: 6, bundleId: 'test-v6' },
      mutateData: (d) => ((d.notices as unknown[]).length = 0),
    });
    const channel = join(dir, 'channel');
    await publishBundle({
      bundleDir: await writeDir(join(dir, 'b5'), v5.files),
      channelDir: channel,
      trustedKeys: [signer.trusted],
    });
    const seen: number[] = [];
    await publishBundle({
      bundleDir: await writeDir(join(dir, 'b6'), v6.files),
      channelDir: channel,
      trustedKeys: [signer.trusted],
      onFile: async () => {
        const r = await verifyBundle(addressedOnly(channel), { trustedKeys: [signer.trusted] });
        expect(r.ok).toBe(true);
        if (r.ok) seen.push(r.manifest.version);
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([5]));
    const after = await verifyBundle(addressedOnly(channel), { trustedKeys: [signer.trusted] });
    expect(after.ok && after.manifest.version).toBe(6);
  });

  it('equal is a no-op, older and tampered are refused, and the channel is left as it was', async () => {
    const signer = await makeSigner();
    const v5 = await makeBundle({ signer });
    const v4 = await makeBundle({ signer, meta: { version: 4 } });
    const channel = join(dir, 'channel');
    const pub = await pubFile('signing.pub', signer.trusted);
    const b5 = await writeDir(join(dir, 'b5'), v5.files);
    expect((await runCli('publish', b5, '--to', channel, '--pubkey', pub)).code).toBe(0);
    const before = await readFile(join(channel, 'manifest.json'));

    const same = await runCli('publish', b5, '--to', channel, '--pubkey', pub);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/already published/);

    const older = await runCli(
      'publish',
      await writeDir(join(dir, 'b4'), v4.files),
      '--to',
      channel,
      '--pubkey',
      pub,
    );
    expect(older.code).toBe(1);
    expect(older.err).toMatch(/older than 5/);

    const tampered = new Map(v5.files);
    tampered.set('data/catalogue.json', new TextEncoder().encode('[]'));
    const bad = await runCli(
      'publish',
      await writeDir(join(dir, 'bad'), tampered),
      '--to',
      channel,
      '--pubkey',
      pub,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/size-mismatch|hash-mismatch/);

    const stranger = await makeSigner();
    const unknown = await runCli(
      'publish',
      b5,
      '--to',
      join(dir, 'other'),
      '--pubkey',
      await pubFile('other.pub', stranger.trusted),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown-key/);

    expect(await readFile(join(channel, 'manifest.json'))).toEqual(before);
    expect((await runCli('publish', b5, '--to', channel)).code).toBe(2);

    // The keys can come from the kiosk-config the server hands to kiosks.
    const config = join(dir, 'kiosk-config.json');
    await writeFile(config, JSON.stringify({ site: 's', trustedKeys: [signer.trusted] }));
    const viaConfig = await runCli('publish', b5, '--to', join(dir, 'c2'), '--kiosk-config', config);
    expect(viaConfig.code).toBe(0);
    expect(viaConfig.out).toMatch(/published version 5/);
  });

  it('accepts a bundle signed by a key the channel’s current bundle delegates to (key rotation)', async () => {
    const oldKey = await makeSigner();
    const newKey = await makeSigner();
    const v5 = await makeBundle({ signer: oldKey, meta: { delegatedKeys: [newKey.trusted] } });
    const v6 = await makeBundle({ signer: newKey, meta: { version: 6 } });
    const channel = join(dir, 'channel');
    const pub = await pubFile('old.pub', oldKey.trusted);
    expect(
      (
        await runCli(
          'publish',
          await writeDir(join(dir, 'b6'), v6.files),
          '--to',
          join(dir, 'empty'),
          '--pubkey',
          pub,
        )
      ).code,
    ).toBe(1);
    expect(
      (await runCli('publish', await writeDir(join(dir, 'b5'), v5.files), '--to', channel, '--pubkey', pub))
        .code,
    ).toBe(0);
    const run = await runCli('publish', join(dir, 'b6'), '--to', channel, '--pubkey', pub);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/published version 6 .*was 5/);
  });
});

describe('kiosk-bundle pin-hash', () => {
  it('prints a staffPin entry the kiosk checks with PBKDF2', async () => {
    const run = await runCli('pin-hash', '--pin', '24681012');
    expect(run.code).toBe(0);
    const { staffPin } = JSON.parse(run.out) as {
      staffPin: { iterations: number; salt: string; hash: string };
    };
    expect(staffPin.iterations).toBe(600_000);
    expect(await checkPin('24681012', staffPin)).toBe(true);
    expect(await checkPin('24681013', staffPin)).toBe(false);
    expect((await runCli('pin-hash', '--pin', '12ab')).code).toBe(2);
    // Under 6 digits, or fewer than 600,000 iterations (OWASP for PBKDF2-SHA256): refused.
    expect((await runCli('pin-hash', '--pin', '2468')).code).toBe(2);
    expect((await runCli('pin-hash', '--pin', '24681012', '--iterations', '210000')).code).toBe(2);
  });
});
