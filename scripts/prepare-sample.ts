// Prepares the sample district for `npm start`, `npm run dev` and the end-to-end tests:
// a development signing key, the signed bundle built from content/, and a kiosk-config trusting that key.
// The key is generated on this machine and never committed; a real site uses its own (see docs/DEPLOY.md).
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSigningKeyPair, parsePrivateKey } from '../src/core/bundle/keys.ts';
import { KioskConfigSchema } from '../src/core/config/kiosk-config.ts';
import { buildBundle } from '../src/cli/build/build-bundle.ts';
import { exists } from '../src/cli/bundle-dir.ts';
import { formatProblem } from '../src/cli/problems.ts';
import { DEFAULT_PIN_ITERATIONS, hashPin } from '../src/kiosk/staff/pin.ts';

/** The sample district's staff PIN (documented in README.md). */
export const SAMPLE_STAFF_PIN = '246810';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE = {
  contentDir: join(root, 'content'),
  keyDir: join(root, '.data', 'keys'),
  bundleDir: join(root, '.data', 'sample', 'bundle'),
  configFile: join(root, '.data', 'sample', 'kiosk-config.json'),
  stampFile: join(root, '.data', 'sample', 'source.sha256'),
};

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string) => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        hash
          .update(relative(dir, full))
          .update('\0')
          .update(await readFile(full))
          .update('\0');
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

export async function prepareSample(log: (s: string) => void = console.log): Promise<typeof SAMPLE> {
  const keyPath = join(SAMPLE.keyDir, 'signing.key');
  if (!(await exists(keyPath))) {
    const pair = await generateSigningKeyPair();
    await mkdir(SAMPLE.keyDir, { recursive: true });
    await writeFile(keyPath, pair.privatePem, { mode: 0o600 });
    await writeFile(join(SAMPLE.keyDir, 'signing.pub'), pair.publicPem);
    log(`sample: created development signing key ${pair.trusted.keyId} in .data/keys/`);
  }
  const signer = await parsePrivateKey(await readFile(keyPath, 'utf8'));
  if (!signer) throw new Error(`${keyPath} is not a signing key; delete .data/keys to regenerate`);

  // Rebuild only when content/, the key or what builds the bundle changed (the search index, the built-in lexicon
  // and situations: a kiosk searching with a stale index is wrong), so the kiosk is not offered a "new" bundle on
  // every start.
  const builders = await Promise.all(
    ['src/core/search', 'src/cli/build'].map((d) => hashTree(join(root, d))),
  );
  const stamp = `${await hashTree(SAMPLE.contentDir)} ${builders.join(' ')} ${signer.trusted.keyId}`;
  const previous = (await exists(SAMPLE.stampFile)) ? await readFile(SAMPLE.stampFile, 'utf8') : '';
  if (previous !== stamp || !(await exists(join(SAMPLE.bundleDir, 'manifest.json')))) {
    const started = performance.now();
    const result = await buildBundle({ sourceDir: SAMPLE.contentDir, outDir: SAMPLE.bundleDir, signer });
    if (!result.ok) {
      for (const p of result.problems) console.error(formatProblem(p));
      throw new Error('the sample district does not build; see the errors above');
    }
    await writeFile(SAMPLE.stampFile, stamp);
    log(
      `sample: built bundle version ${result.summary.manifest.version} (${result.summary.counts.items} items) in ${Math.round(performance.now() - started)} ms`,
    );
  }

  const config = KioskConfigSchema.parse({
    site: 'moumou-district',
    hallName: '某某区政务服务中心 政务公开专区',
    deskLocation: '一楼大厅综合咨询台（政务公开专区右侧）',
    trustedKeys: [signer.trusted],
    // The sample's staff PIN is 246810 (README); a real site makes its own with `kiosk-bundle pin-hash`.
    staffPin: await hashPin(
      SAMPLE_STAFF_PIN,
      DEFAULT_PIN_ITERATIONS,
      createHash('sha256').update(`staff-pin:${signer.trusted.keyId}`).digest().subarray(0, 16),
    ),
  });
  await writeFile(SAMPLE.configFile, `${JSON.stringify(config, null, 2)}\n`);
  return SAMPLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await prepareSample();
}
