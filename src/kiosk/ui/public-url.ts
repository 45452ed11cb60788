// Addresses of the zone server's public pages for phones (src/server/routes/public-pages.ts), for QR codes.
import type { KioskConfig } from '../../core/config/kiosk-config.ts';

export type PublicPageKind = 'item' | 'guide' | 'interpretation' | 'status';

/**
 * The address of a public page for phones: kiosk-config's publicUrl (how phones reach the zone server), else its
 * serverUrl, else the kiosk page's own origin.
 */
export function publicPageUrl(
  config: Pick<KioskConfig, 'publicUrl' | 'serverUrl'> | null,
  kind: PublicPageKind,
  id: string,
  origin: string = location.origin,
): string {
  const base = config?.publicUrl || config?.serverUrl || origin;
  return new URL(`/p/${kind}/${encodeURIComponent(id)}`, base.endsWith('/') ? base : `${base}/`).href;
}
