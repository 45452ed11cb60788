// Bundle format v1: the one schema shared by the bundle tool, the kiosk and the zone server.
// Every data file in a bundle is validated against these before it is trusted.
import { z } from 'zod';
import { SearchIndexFileSchema } from '../search/format.ts';

export const BUNDLE_FORMAT = 'kiosk-bundle/1';

/** Paths of the data files inside a bundle directory (besides manifest.json and manifest.sig). */
export const DATA_FILES = {
  catalogue: 'data/catalogue.json',
  guides: 'data/guides.json',
  interpretations: 'data/interpretations.json',
  departments: 'data/departments.json',
  notices: 'data/notices.json',
  synonyms: 'data/synonyms.json',
  calendar: 'data/calendar.json',
  searchIndex: 'data/search-index.json',
} as const;
export type DataFileKey = keyof typeof DATA_FILES;

const text = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const isoDateTime = z.iso.datetime({ offset: true });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');

/** The "五公开" stages: 决策 / 执行 / 管理 / 服务 / 结果. */
export const STAGES = ['decision', 'execution', 'management', 'service', 'result'] as const;
export const STAGE_LABELS: Record<Stage, string> = {
  decision: '决策',
  execution: '执行',
  management: '管理',
  service: '服务',
  result: '结果',
};
export type Stage = (typeof STAGES)[number];

/** 公开对象: 全社会 / 特定群体. */
export const AUDIENCES = ['public', 'specific'] as const;
export const AUDIENCE_LABELS: Record<Audience, string> = { public: '全社会', specific: '特定群体' };
export type Audience = (typeof AUDIENCES)[number];

/** 公开方式: 主动公开 / 依申请公开. */
export const DISCLOSURES = ['proactive', 'onRequest'] as const;
export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  proactive: '主动公开',
  onRequest: '依申请公开',
};
export type Disclosure = (typeof DISCLOSURES)[number];

/** 公开层级: 区级 / 乡级. */
export const TIERS = ['district', 'township'] as const;
export const TIER_LABELS: Record<Tier, string> = { district: '区级', township: '乡级' };
export type Tier = (typeof TIERS)[number];

/** Where a record came from, so staff can find the row to fix. */
export const SourceRefSchema = z.object({
  file: text(500),
  sheet: text(200).optional(),
  row: z.number().int().positive().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** One row of the 政务公开事项标准目录. */
export const CatalogueItemSchema = z.object({
  id: nonEmpty(64),
  domain: nonEmpty(100),
  level1: nonEmpty(200),
  level2: text(200).nullable(),
  level3: text(200).nullable(),
  stages: z.array(z.enum(STAGES)),
  content: text(4000),
  basis: text(4000),
  timeLimit: text(1000),
  publisher: nonEmpty(500),
  channels: z.array(nonEmpty(100)),
  audience: z.array(z.enum(AUDIENCES)).min(1),
  disclosure: z.array(z.enum(DISCLOSURES)).min(1),
  tier: z.array(z.enum(TIERS)),
  url: z.url().max(2000).nullable(),
  guideIds: z.array(nonEmpty(100)),
  interpretationIds: z.array(nonEmpty(100)),
  source: SourceRefSchema.optional(),
});
export type CatalogueItem = z.infer<typeof CatalogueItemSchema>;

/** The 办事一本通 sections every guide carries, in display order. */
export const GUIDE_SECTIONS = [
  'conditions',
  'materials',
  'process',
  'timeLimit',
  'fees',
  'location',
  'phone',
  'supervision',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];
export const GUIDE_SECTION_LABELS: Record<GuideSection, string> = {
  conditions: '办理条件',
  materials: '申请材料',
  process: '办理流程',
  timeLimit: '办理时限',
  fees: '收费标准',
  location: '办理地点和时间',
  phone: '咨询电话',
  supervision: '监督投诉',
};

export const AttachmentSchema = z.object({
  name: nonEmpty(200),
  /** Content-addressed path inside the bundle: attachments/<sha256>.<ext>. */
  path: z.string().regex(/^attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/),
  mediaType: nonEmpty(100),
  size: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const GuideSchema = z.object({
  id: nonEmpty(100),
  title: nonEmpty(200),
  domain: nonEmpty(100),
  department: text(200),
  /** Markdown per 办事一本通 section; a missing section is an empty string (the tool warns). */
  sections: z.record(z.enum(GUIDE_SECTIONS), text(50_000)),
  /** Markdown that is not one of the sections (overview, FAQ...). */
  body: text(200_000),
  attachments: z.array(AttachmentSchema),
  itemIds: z.array(nonEmpty(64)),
  updated: isoDate.nullable(),
  source: SourceRefSchema.optional(),
});
export type Guide = z.infer<typeof GuideSchema>;

/**
 * Whether the policy an interpretation explains is still in force (the 有效性 marking of policy documents): absent
 * means in force. A repealed or amended policy's interpretation stays readable, clearly marked, and ranks lower.
 */
export const POLICY_VALIDITY = ['in-force', 'amended', 'repealed'] as const;
export type PolicyValidity = (typeof POLICY_VALIDITY)[number];
export const POLICY_VALIDITY_LABELS: Record<PolicyValidity, string> = {
  'in-force': '有效',
  amended: '已修改',
  repealed: '已废止',
};

export const InterpretationSchema = z.object({
  id: nonEmpty(100),
  title: nonEmpty(300),
  domain: nonEmpty(100),
  department: text(200),
  /** The policy document interpreted, e.g. its title and 文号. */
  policy: text(500),
  /** Absent for bundles built before the field existed: in force. */
  validity: z.enum(POLICY_VALIDITY).optional(),
  /** What replaced or changed it, as published (e.g. the new document's title and 文号). */
  validityNote: text(500).optional(),
  date: isoDate.nullable(),
  summary: text(20_000),
  qa: z.array(z.object({ question: nonEmpty(1000), answer: text(50_000) })).min(1),
  itemIds: z.array(nonEmpty(64)),
  source: SourceRefSchema.optional(),
});
export type Interpretation = z.infer<typeof InterpretationSchema>;

export const DepartmentSchema = z.object({
  id: nonEmpty(100),
  name: nonEmpty(200),
  aliases: z.array(nonEmpty(100)),
  address: text(500),
  hours: text(500),
  phone: text(200),
  window: text(200),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const NoticeSchema = z.object({
  id: nonEmpty(100),
  title: nonEmpty(200),
  body: text(5000),
  from: isoDate.nullable(),
  until: isoDate.nullable(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** Colloquial term → official terms (低保 → 最低生活保障). */
export const SynonymSchema = z.object({
  term: nonEmpty(50),
  official: z.array(nonEmpty(100)).min(1),
});
export type Synonym = z.infer<typeof SynonymSchema>;

export const HolidaySchema = z.object({
  name: nonEmpty(50),
  start: isoDate,
  end: isoDate,
});
export const CalendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** false while the State Council has not yet published the year's arrangement: deadlines are not computed. */
  published: z.boolean(),
  source: text(500),
  holidays: z.array(HolidaySchema),
  /** 调休上班日: weekend days that are working days. */
  workdays: z.array(isoDate),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const BundleDataSchemas = {
  catalogue: z.array(CatalogueItemSchema),
  guides: z.array(GuideSchema),
  interpretations: z.array(InterpretationSchema),
  departments: z.array(DepartmentSchema),
  notices: z.array(NoticeSchema),
  synonyms: z.array(SynonymSchema),
  calendar: z.array(CalendarYearSchema),
  // The search index has its own versioned shape, owned by src/core/search.
  searchIndex: SearchIndexFileSchema,
} satisfies Record<DataFileKey, z.ZodType>;

export interface BundleData {
  catalogue: CatalogueItem[];
  guides: Guide[];
  interpretations: Interpretation[];
  departments: Department[];
  notices: Notice[];
  synonyms: Synonym[];
  calendar: CalendarYear[];
  searchIndex: unknown;
}

export const ManifestFileSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(300)
    .regex(/^[a-z0-9][a-z0-9._/-]*$/, 'a relative path of lowercase letters, digits, . _ - /')
    .refine((p) => !p.split('/').includes('..'), 'no .. in paths'),
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

export const TrustedKeySchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type TrustedKey = z.infer<typeof TrustedKeySchema>;

export const ManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  bundleId: nonEmpty(100),
  site: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a site slug of lowercase letters, digits and -'),
  siteName: nonEmpty(200),
  version: z.number().int().positive(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  minAppVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Keys this bundle's signer vouches for: a kiosk trusting the signer accepts later bundles signed by them. */
  delegatedKeys: z.array(TrustedKeySchema),
  files: z.array(ManifestFileSchema).min(1),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Formats a zod issue path as `items[3].publisher`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
