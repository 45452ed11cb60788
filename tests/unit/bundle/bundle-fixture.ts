// A small valid bundle built in memory, for verification tests.
import { utf8 } from '../../../src/core/bundle/encoding.ts';
import { generateSigningKeyPair, parsePrivateKey, type SigningKey } from '../../../src/core/bundle/keys.ts';
import { DATA_FILES, type BundleData, type TrustedKey } from '../../../src/core/bundle/schema.ts';
import { signManifest, type ManifestMeta } from '../../../src/core/bundle/sign.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import type { SourceData } from '../../../src/cli/build/source.ts';
import { MANIFEST_PATH, SIGNATURE_PATH, type BundleReader } from '../../../src/core/bundle/verify.ts';

export const sampleData = (): BundleData => ({
  catalogue: [
    {
      id: 'i000000000001',
      domain: '社会救助',
      level1: '最低生活保障',
      level2: '办事指南',
      level3: null,
      stages: ['service'],
      content: '办理事项、办理条件、最低生活保障标准、申请材料、办理流程',
      basis: '《社会救助暂行办法》（国务院令第649号）',
      timeLimit: '制定或获取信息之日起10个工作日内',
      publisher: '区民政局、各街道办事处',
      channels: ['政府网站', '两微一端'],
      audience: ['public'],
      disclosure: ['proactive'],
      tier: ['district'],
      url: 'https://www.example.gov.cn/dibao',
      guideIds: ['dibao'],
      interpretationIds: [],
    },
  ],
  guides: [
    {
      id: 'dibao',
      title: '最低生活保障申请',
      domain: '社会救助',
      department: '区民政局',
      sections: {
        conditions: '家庭人均收入低于当地低保标准',
        materials: '身份证',
        process: '申请、审核、公示',
        timeLimit: '30个工作日',
        fees: '不收费',
        location: '街道便民服务中心',
        phone: '0591-87000000',
        supervision: '12345',
      },
      body: '',
      attachments: [
        { name: '申请表', path: `attachments/${'a'.repeat(64)}.txt`, mediaType: 'text/plain', size: 5 },
      ],
      itemIds: ['i000000000001'],
      updated: '2026-03-01',
    },
  ],
  interpretations: [],
  departments: [
    {
      id: 'minzheng',
      name: '区民政局',
      aliases: ['民政局'],
      address: '人民路1号',
      hours: '工作日',
      phone: '0591-87000000',
      window: '3号',
    },
  ],
  notices: [],
  synonyms: [{ term: '低保', official: ['最低生活保障'] }],
  calendar: [
    {
      year: 2026,
      published: true,
      source: 'test',
      holidays: [{ name: '国庆节', start: '2026-10-01', end: '2026-10-07' }],
      workdays: ['2026-10-10'],
    },
  ],
  searchIndex: null,
});

export interface MemoryBundle {
  files: Map<string, Uint8Array>;
  reader: BundleReader;
  signer: SigningKey;
  trusted: TrustedKey;
}

export async function makeSigner(): Promise<SigningKey> {
  const pair = await generateSigningKeyPair();
  return (await parsePrivateKey(pair.privatePem))!;
}

export function memoryReader(files: Map<string, Uint8Array>): BundleReader {
  return { read: async (path) => files.get(path) ?? null };
}

export async function makeBundle(
  opts: {
    data?: unknown;
    meta?: Partial<ManifestMeta>;
    signer?: SigningKey;
    mutateData?: (d: Record<string, unknown>) => void;
  } = {},
): Promise<MemoryBundle> {
  const signer = opts.signer ?? (await makeSigner());
  const data = (opts.data ?? sampleData()) as Record<string, unknown>;
  // Without the built-in lexicon: these bundles test signing and verification, and the byte-by-byte tamper test
  // verifies the whole bundle once per byte, so its time grows with the square of the bundle's size.
  data.searchIndex ??= buildSearchIndex(data as unknown as SourceData, { lexicon: null });
  opts.mutateData?.(data);
  const files = new Map<string, Uint8Array>();
  for (const [key, path] of Object.entries(DATA_FILES))
    files.set(path, utf8.encode(JSON.stringify(data[key])));
  files.set(`attachments/${'a'.repeat(64)}.txt`, utf8.encode('hello'));
  const now = Date.now();
  const signed = await signManifest(
    files,
    {
      bundleId: 'test-v5',
      site: 'test-district',
      siteName: '测试区',
      version: 5,
      createdAt: new Date(now - 1000),
      expiresAt: new Date(now + 86_400_000),
      minAppVersion: '0.1.0',
      ...opts.meta,
    },
    signer,
  );
  files.set(MANIFEST_PATH, signed.manifestBytes);
  files.set(SIGNATURE_PATH, utf8.encode(signed.signatureText));
  return { files, reader: memoryReader(files), signer, trusted: signer.trusted };
}
