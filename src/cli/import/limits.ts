// Cell limits and URL rules taken from the bundle schema itself, so the importer reports a too-long cell
// at its row instead of the whole bundle failing validation later.
import { CatalogueItemSchema } from '../../core/bundle/schema.ts';

const shape = CatalogueItemSchema.shape;
const max = (s: { maxLength: number | null }) => s.maxLength ?? Number.POSITIVE_INFINITY;

export const MAX_LENGTH = {
  domain: max(shape.domain),
  level1: max(shape.level1),
  level2: max(shape.level2.unwrap()),
  level3: max(shape.level3.unwrap()),
  content: max(shape.content),
  basis: max(shape.basis),
  timeLimit: max(shape.timeLimit),
  publisher: max(shape.publisher),
  channel: max(shape.channels.element),
  url: max(shape.url.unwrap()),
} as const;

/** Length as the schema counts it (UTF-16 code units: 𠮷 counts as two). */
export const textLength = (s: string) => s.length;

export type UrlCheck = { ok: true; url: string; fixed: boolean } | { ok: false };

/** A web address a kiosk can show as a QR code: http(s) only; "www.…" gets http:// (and a warning). */
export function checkUrl(text: string): UrlCheck {
  let url = text.trim();
  let fixed = false;
  if (/^www\./i.test(url)) {
    url = `http://${url}`;
    fixed = true;
  }
  if (!/^https?:\/\//i.test(url) || !shape.url.unwrap().safeParse(url).success) return { ok: false };
  try {
    if (!new URL(url).hostname.includes('.')) return { ok: false };
  } catch {
    return { ok: false };
  }
  return { ok: true, url, fixed };
}
