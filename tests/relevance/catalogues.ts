// The catalogues the relevance yardstick measures, built the way the kiosk gets them: a source folder goes
// through `kiosk-bundle build` (buildBundle, signed with a throw-away key, written to a temporary folder) and is read
// back as the kiosk's worker reads it; the unit-test fixture (tests/unit/search/fixture.ts, plus the importer's
// fixture workbooks in tests/fixtures/catalogue/) has no source folder, so its search index is built in-process as
// the engine's unit tests do, and JSON round-tripped as a bundle would be.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle } from '../../src/cli/build/build-bundle.ts';
import { itemId, loadSource } from '../../src/cli/build/source.ts';
import { readBundleData } from '../../src/cli/bundle-dir.ts';
import { importCatalogueFile } from '../../src/cli/import/catalogue.ts';
import { generateSigningKeyPair, parsePrivateKey } from '../../src/core/bundle/keys.ts';
import type { BundleData, CatalogueItem } from '../../src/core/bundle/schema.ts';
import { buildSearchIndex } from '../../src/core/search/build-index.ts';
import { fixtureData } from '../unit/search/fixture.ts';

export type SourceData = Omit<BundleData, 'searchIndex'>;
export const CATALOGUES = [
  'sample',
  'fixture',
  'district-b',
  'district-c',
  'district-d',
  'district-e',
  'district-f',
  'district-g',
  'district-h',
  'district-i',
  'district-j',
  'district-k',
  'district-l',
  'district-m',
  'district-n',
  'district-o',
  'district-p',
  'district-q',
  'district-r',
  'district-s',
  'district-t',
  'district-u',
  'district-v',
  'district-w',
  'district-x',
  'district-y',
  'district-z',
  'district-aa',
  'district-ab',
  'district-ac',
  'district-ad',
  'district-ae',
  'district-af',
  'district-ag',
  'district-ah',
  'district-ai',
  'district-aj',
  'district-ak',
  'district-al',
  'district-am',
] as const;
export type CatalogueName = (typeof CATALOGUES)[number];

const root = new URL('../../', import.meta.url).pathname;
const SOURCE_DIRS: Partial<Record<CatalogueName, string>> = {
  sample: join(root, 'content'),
  'district-b': join(root, 'tests/fixtures/district-b'),
  'district-c': join(root, 'tests/fixtures/district-c'),
  'district-d': join(root, 'tests/fixtures/district-d'),
  'district-e': join(root, 'tests/fixtures/district-e'),
  'district-f': join(root, 'tests/fixtures/district-f'),
  'district-g': join(root, 'tests/fixtures/district-g'),
  'district-h': join(root, 'tests/fixtures/district-h'),
  'district-i': join(root, 'tests/fixtures/district-i'),
  'district-j': join(root, 'tests/fixtures/district-j'),
  'district-k': join(root, 'tests/fixtures/district-k'),
  'district-l': join(root, 'tests/fixtures/district-l'),
  'district-m': join(root, 'tests/fixtures/district-m'),
  'district-n': join(root, 'tests/fixtures/district-n'),
  'district-o': join(root, 'tests/fixtures/district-o'),
  'district-p': join(root, 'tests/fixtures/district-p'),
  'district-q': join(root, 'tests/fixtures/district-q'),
  'district-r': join(root, 'tests/fixtures/district-r'),
  'district-s': join(root, 'tests/fixtures/district-s'),
  'district-t': join(root, 'tests/fixtures/district-t'),
  'district-u': join(root, 'tests/fixtures/district-u'),
  'district-v': join(root, 'tests/fixtures/district-v'),
  'district-w': join(root, 'tests/fixtures/district-w'),
  'district-x': join(root, 'tests/fixtures/district-x'),
  'district-y': join(root, 'tests/fixtures/district-y'),
  'district-z': join(root, 'tests/fixtures/district-z'),
  'district-aa': join(root, 'tests/fixtures/district-aa'),
  'district-ab': join(root, 'tests/fixtures/district-ab'),
  'district-ac': join(root, 'tests/fixtures/district-ac'),
  'district-ad': join(root, 'tests/fixtures/district-ad'),
  'district-ae': join(root, 'tests/fixtures/district-ae'),
  'district-af': join(root, 'tests/fixtures/district-af'),
  'district-ag': join(root, 'tests/fixtures/district-ag'),
  'district-ah': join(root, 'tests/fixtures/district-ah'),
  'district-ai': join(root, 'tests/fixtures/district-ai'),
  'district-aj': join(root, 'tests/fixtures/district-aj'),
  'district-ak': join(root, 'tests/fixtures/district-ak'),
  'district-al': join(root, 'tests/fixtures/district-al'),
  'district-am': join(root, 'tests/fixtures/district-am'),
};
/** The importer's fixture workbooks that hold valid rows (the others test errors). */
const FIXTURE_WORKBOOKS = ['template-a.xlsx', 'template-b.xlsx', '就业创业.xlsx', 'multi-sheet.xlsx'];

/** The search unit tests' catalogue plus the rows of the importer's fixture workbooks it does not already hold. */
export async function fixtureCatalogue(): Promise<SourceData> {
  const data = fixtureData();
  const key = (it: Pick<CatalogueItem, 'domain' | 'level1' | 'level2' | 'level3'>) =>
    [it.domain, it.level1, it.level2 ?? '', it.level3 ?? ''].join('\u0000');
  const seen = new Set(data.catalogue.map(key));
  for (const file of FIXTURE_WORKBOOKS) {
    const { items } = await importCatalogueFile(join(root, 'tests/fixtures/catalogue', file), file);
    for (const it of items) {
      if (seen.has(key(it))) continue;
      seen.add(key(it));
      const id = await itemId(it.domain, it.level1, it.level2, it.level3);
      data.catalogue.push({ ...it, id, guideIds: [], interpretationIds: [] });
    }
  }
  return data;
}

/** The bundle data the kiosk would load for the catalogue. */
export async function loadBundleData(name: CatalogueName): Promise<BundleData> {
  const sourceDir = SOURCE_DIRS[name];
  if (!sourceDir) {
    const data = await fixtureCatalogue();
    const searchIndex = JSON.parse(JSON.stringify(buildSearchIndex(data))) as unknown;
    return { ...data, searchIndex } as BundleData;
  }
  const pair = await generateSigningKeyPair();
  const signer = await parsePrivateKey(pair.privatePem);
  if (!signer) throw new Error('could not read the generated signing key');
  const outDir = await mkdtemp(join(tmpdir(), `relevance-${name}-`));
  try {
    const result = await buildBundle({ sourceDir, outDir: join(outDir, 'bundle'), signer });
    if (!result.ok) {
      const errors = result.problems.filter((p) => p.severity === 'error');
      throw new Error(`${name}: build failed: ${errors.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
    }
    return await readBundleData(join(outDir, 'bundle'));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** The catalogue's documents without a search index (for checking the query files). */
export async function loadSourceData(name: CatalogueName): Promise<SourceData> {
  const sourceDir = SOURCE_DIRS[name];
  if (!sourceDir) return fixtureCatalogue();
  const { data, problems } = await loadSource(sourceDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`${name}: ${errors.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  return data;
}
