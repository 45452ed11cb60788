// The frequently requested shelf (Art. 44 of the Regulations: information several applicants ask the same agency for,
// once it can be disclosed, may be published proactively). One module for the zone server, which counts requests
// and keeps what staff marked as published, and the kiosk, which shows the shelf.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A catalogue item id (i + 12 hex digits in built bundles; test bundles use other slugs). */
export const ItemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'itemId: letters, digits, _ - (1-64)');

/** One entry of the shelf: information now published, and where to find it (an item of the bundle or a web page). */
export const PublishedOnRequestSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    /** The information's name as staff wrote it when marking it (not an applicant's words). */
    title: z.string().trim().min(1).max(200),
    agencyName: z.string().max(200),
    itemId: ItemIdSchema.nullable(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable(),
    /** When it was published. */
    publishedOn: isoDate,
    /** How many applications asked for it (0 when staff added it without counted requests). */
    requests: z.number().int().nonnegative(),
  })
  .refine((e) => e.itemId || e.url, { message: 'an entry needs itemId or url', path: ['url'] });
export type PublishedOnRequest = z.infer<typeof PublishedOnRequestSchema>;

/** GET /api/v1/published-on-request, newest first. */
export const PublishedOnRequestFeedSchema = z.object({
  entries: z.array(PublishedOnRequestSchema).max(200),
});
export type PublishedOnRequestFeed = z.infer<typeof PublishedOnRequestFeedSchema>;

/** What staff send to mark a candidate as published (POST /api/v1/staff/shelf/published, or the staff page's form). */
export const MarkPublishedSchema = z
  .object({
    agencyId: z.string().max(100).default(''),
    agencyName: z.string().max(200).default(''),
    /** The candidate's normalised request (empty when staff add an entry by hand). */
    requestKey: z.string().max(400).default(''),
    title: z.string().trim().min(1, '请填写信息名称').max(200),
    itemId: z.union([ItemIdSchema, z.literal('')]).default(''),
    url: z.union([z.url({ protocol: /^https?$/ }).max(2000), z.literal('')]).default(''),
    publishedOn: isoDate.optional(),
  })
  .refine((m) => m.itemId || m.url, { message: '请填写公开后的网址或目录事项编号', path: ['url'] });
export type MarkPublished = z.infer<typeof MarkPublishedSchema>;

// Words applicants wrap around the information's name that do not change which information it is.
const WRAPPERS = [
  /^(?:我|本人)?(?:想|要|需要)?(?:申请|请求)?(?:公开|获取|查询|提供)(?:一下)?/u,
  /^关于/u,
  /(?:的)?(?:相关)?(?:政府)?信息$/u,
  /(?:的)?(?:有关|相关)?(?:材料|资料|文件)$/u,
  /(?:全文|复印件|原件)$/u,
];

/**
 * The request as a key for counting: the name of the information (or, without one, the description's first 60
 * characters), NFKC (full-width → half-width), without spaces and punctuation, lower case, and without the words
 * applicants wrap around it (申请公开…, 关于…, …的相关信息). Two applicants asking for 「2025年低保资金发放情况」 and
 * 申请公开2025年低保资金发放情况的相关信息 ask for the same thing.
 */
export function normaliseRequest(title: string, description = ''): string {
  const source = title.trim() || [...description.trim()].slice(0, 60).join('');
  let s = source
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const w of WRAPPERS) {
      const next = s.replace(w, '');
      if (next !== s && next.length >= 2) {
        s = next;
        changed = true;
      }
    }
  }
  return s;
}
