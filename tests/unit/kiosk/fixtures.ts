// A small signed bundle built in memory with the core signer, served through a fake fetch.
import { generateSigningKeyPair, parsePrivateKey } from '../../../src/core/bundle/keys.ts';
import { signManifest } from '../../../src/core/bundle/sign.ts';
import {
  DATA_FILES,
  ManifestSchema,
  type BundleData,
  type Manifest,
  type CatalogueItem,
  type TrustedKey,
} from '../../../src/core/bundle/schema.ts';
import { utf8 } from '../../../src/core/bundle/encoding.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';

/** A valid manifest of the test site (its file hashes are not checked by the store). */
export function testManifest(version: number): Manifest {
  return ManifestSchema.parse({
    format: 'kiosk-bundle/1',
    bundleId: `b${version}`,
    site: 'test-site',
    siteName: '测试区',
    version,
    createdAt: '2026-01-01T00:00:00Z',
    expiresAt: '2027-01-01T00:00:00Z',
    minAppVersion: '0.1.0',
    keyId: '0123456789abcdef',
    delegatedKeys: [],
    files: [{ path: 'data/catalogue.json', sha256: '0'.repeat(64), size: 1 }],
  });
}

export function sampleData(version: number, itemCount = 3): BundleData {
  const catalogue: CatalogueItem[] = Array.from({ length: itemCount }, (_, i) => ({
    id: `item-${i}`,
    domain: i % 2 ? '户籍管理' : '社会救助',
    level1: i === 0 ? '最低生活保障' : `事项${i}`,
    level2: i === 0 ? '审核信息' : null,
    level3: null,
    stages: ['result'],
    content: `内容 v${version}`,
    basis: '《社会救助暂行办法》',
    timeLimit: '20个工作日',
    publisher: '区民政局',
    channels: ['政府网站'],
    audience: ['public'],
    disclosure: ['proactive'],
    tier: ['district'],
    url: null,
    guideIds: i === 0 ? ['g1'] : [],
    interpretationIds: [],
  }));
  const data: Omit<BundleData, 'searchIndex'> = {
    catalogue,
    guides: [
      {
        id: 'g1',
        title: '最低生活保障申请办事指南',
        domain: '社会救助',
        department: '区民政局',
        sections: {
          conditions: '条件',
          materials: '材料',
          process: '',
          timeLimit: '',
          fees: '',
          location: '',
          phone: '',
          supervision: '',
        },
        body: '',
        attachments: [],
        itemIds: ['item-0'],
        updated: '2026-03-01',
      },
    ],
    interpretations: [],
    departments: [
      {
        id: 'mzj',
        name: '区民政局',
        aliases: ['民政局'],
        address: '人民路1号',
        hours: '9:00—17:00',
        phone: '12345',
        window: '12号',
      },
    ],
    notices: [],
    synonyms: [{ term: '低保', official: ['最低生活保障'] }],
    calendar: [],
  };
  return { ...data, searchIndex: buildSearchIndex(data) };
}

export interface SignedBundle {
  files: Map<string, Uint8Array>;
  trusted: TrustedKey;
}

let signerPromise: ReturnType<typeof makeSigner> | null = null;
async function makeSigner() {
  const pair = await generateSigningKeyPair();
  return (await parsePrivateKey(pair.privatePem))!;
}

export async function signedBundle(
  version: number,
  data = sampleData(version),
  extra: Record<string, Uint8Array> = {},
): Promise<SignedBundle> {
  signerPromise ??= makeSigner();
  const signer = await signerPromise;
  const files = new Map<string, Uint8Array>();
  for (const [key, path] of Object.entries(DATA_FILES)) {
    files.set(path, utf8.encode(JSON.stringify(data[key as keyof BundleData])));
  }
  for (const [path, bytes] of Object.entries(extra)) files.set(path, bytes);
  const now = new Date();
  const signed = await signManifest(
    files,
    {
      bundleId: `test-${version}`,
      site: 'test-site',
      siteName: '测试区政务公开专区',
      version,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86400_000 * 30),
      minAppVersion: '0.1.0',
    },
    signer,
  );
  files.set('manifest.json', signed.manifestBytes);
  files.set('manifest.sig', utf8.encode(signed.signatureText));
  return { files, trusted: signer.trusted };
}

/** A fetch that serves files under http://kiosk.test/bundle/ and a config at /kiosk-config.json. */
export function fakeFetch(routes: () => Map<string, Uint8Array | string>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body = routes().get(decodeURIComponent(url.pathname));
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(typeof body === 'string' ? body : (body as BodyInit), { status: 200 });
  }) as typeof fetch;
}

export function channelRoutes(bundle: SignedBundle, prefix = '/bundle/'): Map<string, Uint8Array> {
  return new Map([...bundle.files].map(([p, b]) => [prefix + p, b]));
}
