import type { KioskConfig } from '../../core/config/kiosk-config.ts';

/** The bundle channel as an absolute URL ending in a slash. */
export function channelUrlOf(config: KioskConfig, base = globalThis.location?.href): string {
  const url = new URL(config.bundleChannelUrl || '/bundle/', base);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
