// Reads /kiosk-config.json, validates it, and keeps the last good copy in kiosk-meta for offline starts.
import { KioskConfigSchema, type KioskConfig } from '../../core/config/kiosk-config.ts';
import { formatIssuePath } from '../../core/bundle/schema.ts';
import { kioskFetch } from '../auth/signed-fetch.ts';
import { metaDb } from '../db/meta-db.ts';

export const CONFIG_URL = '/kiosk-config.json';

export type ConfigResult =
  | { ok: true; config: KioskConfig; source: 'network' | 'cache'; problem?: string }
  | { ok: false; problem: string };

/** Fetches and validates the config; returns it or why not. */
async function fetchConfig(url: string, fetchFn: typeof fetch): Promise<KioskConfig | string> {
  try {
    const res = await fetchFn(url, { cache: 'no-cache' });
    if (!res.ok) return `${url}: HTTP ${res.status}`;
    const parsed = KioskConfigSchema.safeParse(await res.json());
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    return `${url}: ${formatIssuePath(issue.path)}: ${issue.message}`;
  } catch (e) {
    return `${url}: ${(e as Error).message}`;
  }
}

/** The config from the network when online and valid, else the last good copy. */
export async function loadConfig(
  url = CONFIG_URL,
  // Signed: an enrolled kiosk gets the staff section (the PIN's hash) too, anyone else the public part.
  fetchFn: typeof fetch = kioskFetch,
  online = globalThis.navigator?.onLine !== false,
): Promise<ConfigResult> {
  const fetched = online ? await fetchConfig(url, fetchFn) : `${url}: offline`;
  if (typeof fetched !== 'string') {
    await metaDb().setValue('config', { config: fetched, fetchedAt: new Date().toISOString() });
    return { ok: true, config: fetched, source: 'network' };
  }
  const cached = await metaDb().getValue('config');
  if (cached) return { ok: true, config: cached.config, source: 'cache', problem: fetched };
  return { ok: false, problem: fetched };
}
