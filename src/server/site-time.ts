// The site's local time for everything staff read (the status page, the CSV export): kiosk-config's timeZone
// (default Asia/Shanghai), read from the config file the server publishes and cached until the file changes.
import { readFile, stat } from 'node:fs/promises';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** `2026-11-23 18:05` (or with seconds) in the zone; '' for a missing or unreadable time. */
export function localTime(at: string | Date | null | undefined, timeZone: string, seconds = false): string {
  if (!at) return '';
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(t)) return typeof at === 'string' ? at : '';
  const parts = Object.fromEntries(
    formatOf(timeZone)
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  const hm = `${parts.hour}:${parts.minute}${seconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${hm}`;
}

/** How staff call the zone: 北京时间 for China's one zone, else its IANA name. */
export function zoneLabel(timeZone: string): string {
  return timeZone === 'Asia/Shanghai' || timeZone === 'Asia/Chongqing' || timeZone === 'PRC'
    ? '北京时间'
    : timeZone;
}

/** True when Intl knows the zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The site's zone from kiosk-config's timeZone, re-read when the file changes; the default without one. */
export function siteTimeZone(kioskConfigFile: string | null): () => Promise<string> {
  let cache: { mtimeMs: number; zone: string } | null = null;
  return async () => {
    if (!kioskConfigFile) return DEFAULT_TIME_ZONE;
    try {
      const { mtimeMs } = await stat(kioskConfigFile);
      if (cache?.mtimeMs === mtimeMs) return cache.zone;
      const config = JSON.parse(await readFile(kioskConfigFile, 'utf8')) as { timeZone?: unknown };
      const zone =
        typeof config.timeZone === 'string' && isTimeZone(config.timeZone)
          ? config.timeZone
          : DEFAULT_TIME_ZONE;
      cache = { mtimeMs, zone };
      return zone;
    } catch {
      return DEFAULT_TIME_ZONE;
    }
  };
}
