// Reads /kiosk-config.json, validates it, and keeps the last good copy in kiosk-meta for offline starts.
import { KioskConfigSchema, type KioskConfig } from '../../core/config/kiosk-config.ts';
import { formatIssuePath } from '../../core/bundle/schema.ts';
import { metaDb } from '../db/meta-db.ts';

export const CONFIG_URL = '/kiosk-config.json';

export type ConfigResult =
  | { ok: true; config: KioskConfig; source: 'network' | 'cache'; problem?: string }
  | { ok: false; problem: string };

export async function loadConfig(url = CONFIG_URL, fetchFn: typeof fetch = fetch): Promise<ConfigResult> {
  let problem: string;
  try {
    const res = await fetchFn(url, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const parsed = KioskConfigSchema.safeParse(await res.json());
    if (parsed.success) {
      await metaDb().setValue('config', { config: parsed.data, fetchedAt: new Date().toISOString() });
      return { ok: true, config: parsed.data, source: 'network' };
    }
    const issue = parsed.error.issues[0]!;
    problem = `${url}: ${formatIssuePath(issue.path)}: ${issue.message}`;
  } catch (e) {
    problem = `${url}: ${(e as Error).message}`;
  }
  const cached = await metaDb().getValue('config');
  if (cached) return { ok: true, config: cached.config, source: 'cache', problem };
  return { ok: false, problem };
}
