// Builds a tiny signed development bundle and kiosk-config under .data/dev-sample/ (or the folder given as
// the first argument). Used by the e2e tests and `npm run dev` until scripts/prepare-sample.ts exists.
// The content is a small, realistic slice of a district catalogue: enough to search, browse and open pages.
import { mkdir, writeFile } from 'node:fs/promises';
import { createHash, webcrypto } from 'node:crypto';
import { join } from 'node:path';
import { buildSearchIndex } from '../../src/core/search/build-index.ts';

// Usage: make-dev-bundle.ts [OUT_DIR] [--items N]   (--items pads the catalogue with synthetic rows, for timing)
const args = process.argv.slice(2);
const itemsAt = args.indexOf('--items');
const padTo = itemsAt >= 0 ? Number(args.splice(itemsAt, 2)[1]) : 0;
const outDir = args[0] ?? '.data/dev-sample';
const bundleDir = join(outDir, 'bundle');
const subtle = webcrypto.subtle;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function item(
  id: string,
  domain: string,
  level1: string,
  level2: string | null,
  level3: string | null,
  extra: Partial<Record<string, unknown>> = {},
) {
  return {
    id,
    domain,
    level1,
    level2,
    level3,
    stages: ['execution', 'result'],
    content: `${level2 ?? level1}的办理依据、条件、程序及结果`,
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '信息形成或者变更之日起20个工作日内',
    publisher: '区民政局',
    channels: ['政府网站', '公开查阅点'],
    audience: ['public'],
    disclosure: ['proactive'],
    tier: ['district'],
    url: `https://www.example.gov.cn/xxgk/${id}`,
    guideIds: [] as string[],
    interpretationIds: [] as string[],
    ...extra,
  };
}

const catalogue = [
  item('sj-001', '社会救助', '最低生活保障', '审核信息', null, {
    content: '最低生活保障对象的审核确认结果、保障人数和资金发放情况',
    basis: '《社会救助暂行办法》第九条；《最低生活保障审核确认办法》',
    guideIds: ['dibao-shenqing'],
    interpretationIds: ['dibao-jiedu'],
  }),
  item('sj-002', '社会救助', '最低生活保障', '政策文件', null, { guideIds: ['dibao-shenqing'] }),
  item('sj-003', '社会救助', '特困人员救助供养', '审核信息', null, {}),
  item('sj-004', '社会救助', '临时救助', '救助标准', null, {}),
  item('hj-001', '户籍管理', '户口迁移', '迁入办理', '投靠落户', {
    publisher: '区公安分局',
    stages: ['service'],
    guideIds: ['hukou-qianyi'],
  }),
  item('hj-002', '户籍管理', '户口迁移', '迁出办理', null, { publisher: '区公安分局', stages: ['service'] }),
  item('hj-003', '户籍管理', '居住证', '申领条件', null, { publisher: '区公安分局', stages: ['service'] }),
  item('jy-001', '义务教育', '入学服务', '招生入学政策', null, {
    publisher: '区教育局',
    disclosure: ['proactive', 'onRequest'],
    tier: ['district', 'township'],
    audience: ['public', 'specific'],
  }),
  item('yl-001', '养老服务', '养老机构', '备案信息', null, { url: null }),
  item('cz-001', '财政预决算', '部门预算', '预算公开', null, { publisher: '区财政局', stages: ['decision'] }),
];

const DOMAINS = [
  '社会救助',
  '户籍管理',
  '义务教育',
  '养老服务',
  '财政预决算',
  '公共法律服务',
  '就业创业',
  '医疗卫生',
];
for (let i = catalogue.length; i < padTo; i++) {
  const domain = DOMAINS[i % DOMAINS.length]!;
  catalogue.push(
    item(
      `syn-${i}`,
      domain,
      `${domain}事项${Math.floor(i / 40)}`,
      `二级事项${Math.floor(i / 8)}`,
      `三级事项${i}`,
      {
        content: `${domain}第${i}项公开内容：办理条件、申请材料、办理流程、办理结果和监督方式`,
      },
    ),
  );
}

const guides = [
  {
    id: 'dibao-shenqing',
    title: '最低生活保障申请办事指南',
    domain: '社会救助',
    department: '区民政局',
    sections: {
      conditions: '持有本区户籍，家庭人均收入低于当地最低生活保障标准，且家庭财产状况符合规定。',
      materials: '1. 申请书\n2. 户口簿、身份证\n3. 家庭收入和财产状况证明',
      process:
        '1. **申请**：向户籍所在地乡镇（街道）提出\n2. **审核**：入户调查、民主评议\n3. **审批**：区民政局审批并公示',
      timeLimit: '自受理之日起30个工作日内办结。',
      fees: '不收费。',
      location: '各乡镇（街道）社会救助窗口，工作日 9:00—17:00',
      phone: '0000-12345678',
      supervision: '区民政局监督电话 0000-12340000',
    },
    body: '最低生活保障（低保）是对家庭人均收入低于当地标准的困难家庭给予的救助。<script>alert(1)</script>',
    attachments: [] as unknown[],
    itemIds: ['sj-001', 'sj-002'],
    updated: '2026-03-01',
  },
  {
    id: 'hukou-qianyi',
    title: '户口迁移办事指南',
    domain: '户籍管理',
    department: '区公安分局',
    sections: {
      conditions: '符合本市落户政策的人员。',
      materials: '户口簿、身份证、迁入地住房证明。',
      process: '窗口受理 → 审核 → 办结。',
      timeLimit: '即时办结。',
      fees: '不收费。',
      location: '区政务服务中心公安窗口',
      phone: '0000-12345000',
      supervision: '0000-12345001',
    },
    body: '',
    attachments: [],
    itemIds: ['hj-001'],
    updated: '2026-02-10',
  },
];

const interpretations = [
  {
    id: 'dibao-jiedu',
    title: '《最低生活保障审核确认办法》政策解读',
    domain: '社会救助',
    department: '区民政局',
    policy: '民发〔2021〕57号',
    date: '2026-01-15',
    summary: '解读最低生活保障的申请条件、审核确认程序和管理要求。',
    qa: [
      {
        question: '哪些家庭可以申请低保？',
        answer: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定的家庭。',
      },
      { question: '申请低保需要多长时间？', answer: '一般自受理之日起30个工作日内完成审核确认。' },
    ],
    itemIds: ['sj-001'],
  },
];

const departments = [
  {
    id: 'mzj',
    name: '区民政局',
    aliases: ['民政局'],
    address: '某某区人民路1号',
    hours: '工作日 9:00—17:00',
    phone: '0000-12340000',
    window: '政务服务中心 12 号窗口',
  },
  {
    id: 'gaj',
    name: '区公安分局',
    aliases: ['公安局', '派出所'],
    address: '某某区和平路8号',
    hours: '工作日 9:00—17:00',
    phone: '0000-12345000',
    window: '政务服务中心 3 号窗口',
  },
  {
    id: 'jyj',
    name: '区教育局',
    aliases: ['教育局'],
    address: '某某区学府路2号',
    hours: '工作日 9:00—17:00',
    phone: '0000-12346000',
    window: '',
  },
  {
    id: 'czj',
    name: '区财政局',
    aliases: ['财政局'],
    address: '某某区人民路3号',
    hours: '工作日 9:00—17:00',
    phone: '0000-12347000',
    window: '',
  },
];

const synonyms = [
  { term: '低保', official: ['最低生活保障'] },
  { term: '户口', official: ['户籍'] },
  { term: '上学', official: ['入学'] },
];

const data = {
  catalogue,
  guides,
  interpretations,
  departments,
  notices: [{ id: 'n1', title: '五一假期安排', body: '5月1日至5日休息。', from: null, until: null }],
  synonyms,
  calendar: [{ year: 2026, published: true, source: '国办发明电〔2025〕号', holidays: [], workdays: [] }],
};
const files: Record<string, unknown> = {
  'data/catalogue.json': data.catalogue,
  'data/guides.json': data.guides,
  'data/interpretations.json': data.interpretations,
  'data/departments.json': data.departments,
  'data/notices.json': data.notices,
  'data/synonyms.json': data.synonyms,
  'data/calendar.json': data.calendar,
  // The same index the bundle tool precomputes (pinyin keys, bigram postings).
  'data/search-index.json': buildSearchIndex(data as unknown as Parameters<typeof buildSearchIndex>[0]),
};

const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, [
  'sign',
  'verify',
])) as webcrypto.CryptoKeyPair;
const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
const keyId = hex(raw).slice(0, 16);

await mkdir(join(bundleDir, 'data'), { recursive: true });
const listed = [];
for (const [path, value] of Object.entries(files)) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  await writeFile(join(bundleDir, path), bytes);
  listed.push({ path, sha256: hex(bytes), size: bytes.length });
}
const now = new Date();
const manifest = {
  format: 'kiosk-bundle/1',
  bundleId: `dev-${now.getTime()}`,
  site: 'dev-district',
  siteName: '某某区政务公开专区（开发样例）',
  version: Number(process.env.DEV_BUNDLE_VERSION ?? 1),
  createdAt: now.toISOString(),
  expiresAt: new Date(now.getTime() + 180 * 86400_000).toISOString(),
  minAppVersion: '0.1.0',
  keyId,
  delegatedKeys: [],
  files: listed,
};
const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
const sig = new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, manifestBytes));
await writeFile(join(bundleDir, 'manifest.json'), manifestBytes);
await writeFile(join(bundleDir, 'manifest.sig'), b64(sig) + '\n');
await writeFile(
  join(outDir, 'kiosk-config.json'),
  JSON.stringify(
    {
      site: 'dev-district',
      hallName: '某某区政务服务中心政务公开专区',
      deskLocation: '一楼服务台',
      bundleChannelUrl: '/bundle/',
      trustedKeys: [{ keyId, publicKey: b64(raw) }],
    },
    null,
    2,
  ),
);
console.log(`dev bundle v${manifest.version} written to ${bundleDir} (key ${keyId})`);
