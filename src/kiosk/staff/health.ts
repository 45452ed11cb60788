// Kiosk health: what the staff screen shows and what the heartbeat sends to the zone server. No personal data:
// versions, times, counts and storage figures only.
import { kioskFetch } from '../auth/signed-fetch.ts';
import Dexie from 'dexie';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { metaDb } from '../db/meta-db.ts';

export const HEARTBEAT_MS = 5 * 60_000;
const OUTBOX_DB = 'kiosk-outbox';

export interface OutboxCounts {
  pending: number;
  acknowledged: number;
  rejected: number;
}

export interface KioskHealth {
  kioskId: string;
  site: string | null;
  appVersion: string;
  bundle: { version: number; bundleId: string; createdAt: string; expiresAt: string; frozen: boolean } | null;
  stagedVersion: number | null;
  lastCheckOk: string | null;
  lastUpdate: { at: string; status: string; code?: string; message?: string } | null;
  outbox: OutboxCounts;
  lastSync: string | null;
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
  online: boolean;
  appUpdateWaiting: boolean;
  sentAt: string;
}

export async function kioskId(site: string | null): Promise<string> {
  const meta = metaDb();
  const known = await meta.getValue('kioskId');
  if (known) return known;
  const rand = [...crypto.getRandomValues(new Uint8Array(4))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  const id = `${(site ?? 'kiosk').slice(0, 60)}-${rand}`;
  await meta.setValue('kioskId', id);
  return id;
}

/**
 * Counts the outbox by state without depending on its module: the database may not exist (no application
 * taken yet) or have another shape; anything unreadable counts as 0.
 */
export async function outboxCounts(): Promise<{ counts: OutboxCounts; lastSync: string | null }> {
  const counts: OutboxCounts = { pending: 0, acknowledged: 0, rejected: 0 };
  let lastSync: string | null = null;
  try {
    if (!(await Dexie.exists(OUTBOX_DB))) return { counts, lastSync };
    const db = new Dexie(OUTBOX_DB);
    try {
      await db.open(); // dynamic mode: the existing schema, whatever its version
      const table = db.tables.find((t) => t.name === 'entries');
      if (table) {
        await table.each((e: { state?: unknown; deliveredAt?: unknown }) => {
          if (e.state === 'pending' || e.state === 'acknowledged' || e.state === 'rejected')
            counts[e.state]++;
          if (typeof e.deliveredAt === 'string' && (!lastSync || e.deliveredAt > lastSync))
            lastSync = e.deliveredAt;
        });
      }
    } finally {
      db.close();
    }
  } catch {
    // unreadable: zeros
  }
  return { counts, lastSync };
}

export async function collectHealth(
  config: KioskConfig | null,
  appVersion: string,
  appUpdateWaiting: boolean,
  now = new Date(),
): Promise<KioskHealth> {
  const meta = metaDb();
  const [live, staged, lastCheckOk, lastUpdate, persist, id, outbox] = await Promise.all([
    meta.getValue('live'),
    meta.getValue('staged'),
    meta.getValue('lastCheckOk'),
    meta.getValue('lastUpdate'),
    meta.getValue('persist'),
    kioskId(config?.site ?? null),
    outboxCounts(),
  ]);
  let usage: number | null = null;
  let quota: number | null = null;
  let persisted: boolean | null = persist?.granted ?? null;
  try {
    const storage = globalThis.navigator?.storage;
    const est = await storage?.estimate?.();
    usage = est?.usage ?? null;
    quota = est?.quota ?? null;
    if (storage?.persisted) persisted = await storage.persisted();
  } catch {
    // not available
  }
  return {
    kioskId: id,
    site: config?.site ?? null,
    appVersion,
    bundle: live
      ? {
          version: live.version,
          bundleId: live.bundleId,
          createdAt: live.createdAt,
          expiresAt: live.expiresAt,
          frozen: Date.parse(live.expiresAt) <= now.getTime(),
        }
      : null,
    stagedVersion: staged?.version ?? null,
    lastCheckOk: lastCheckOk ?? null,
    lastUpdate: lastUpdate
      ? {
          at: lastUpdate.at,
          status: lastUpdate.status,
          ...(lastUpdate.failure ? { code: lastUpdate.failure.code } : {}),
          ...(lastUpdate.message ? { message: lastUpdate.message.slice(0, 300) } : {}),
        }
      : null,
    outbox: outbox.counts,
    lastSync: outbox.lastSync,
    storage: { usage, quota, persisted },
    online: globalThis.navigator?.onLine !== false,
    appUpdateWaiting,
    sentAt: now.toISOString(),
  };
}

/** POSTs the health to the zone server. Returns true when it answered 2xx. */
export async function sendHeartbeat(
  config: KioskConfig,
  health: KioskHealth,
  fetchFn: typeof fetch = kioskFetch,
): Promise<boolean> {
  const base = config.serverUrl.replace(/\/$/, '');
  try {
    const res = await fetchFn(`${base}/api/v1/heartbeats`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(health),
    });
    return res.ok;
  } catch {
    return false;
  }
}
