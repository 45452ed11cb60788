// The intake server's public key that applications are sealed to: from kiosk-config when it carries one, else
// fetched from the zone server; either way cached in kiosk-outbox so a kiosk that starts offline can still seal.
// No key at all means no filing: plaintext is never queued.
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { importPublicJwk, keyId, type PublicEcJwk } from '../../core/crypto/sealed-box.ts';
import type { CachedIntakeKey, OutboxDb } from './db.ts';

function asPublicJwk(v: unknown): PublicEcJwk | null {
  const j = v as Partial<PublicEcJwk> | null;
  if (!j || typeof j !== 'object' || j.kty !== 'EC' || j.crv !== 'P-256') return null;
  if (typeof j.x !== 'string' || typeof j.y !== 'string') return null;
  return { kty: 'EC', crv: 'P-256', x: j.x, y: j.y };
}

async function usable(jwk: PublicEcJwk): Promise<boolean> {
  try {
    await importPublicJwk(jwk);
    return true;
  } catch {
    return false;
  }
}

async function store(db: OutboxDb, jwk: PublicEcJwk, source: CachedIntakeKey['source']): Promise<void> {
  const kid = await keyId(jwk);
  const cached = await db.keys.get('intakeKey');
  if (cached?.kid === kid) return;
  await db.keys.put({ key: 'intakeKey', jwk, kid, source, at: new Date().toISOString() });
}

/** Asks the zone server for its key; null when it cannot be reached or answers nonsense. */
export async function fetchIntakeKey(
  serverUrl: string,
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<PublicEcJwk | null> {
  try {
    const res = await fetchFn(`${serverUrl.replace(/\/+$/, '')}/api/v1/intake-key`, { cache: 'no-store' });
    if (!res.ok) return null;
    const jwk = asPublicJwk(((await res.json()) as { jwk?: unknown } | null)?.jwk);
    return jwk && (await usable(jwk)) ? jwk : null;
  } catch {
    return null;
  }
}

/**
 * The key to seal to: kiosk-config's (pinned by the installer) first, then the cached one, then the server's.
 * Resolves null when there is none: the caller must not take an application then.
 */
export async function getIntakeKey(
  db: OutboxDb,
  config: Pick<KioskConfig, 'intakePublicKey' | 'serverUrl'> | null,
  fetchFn?: typeof fetch,
): Promise<PublicEcJwk | null> {
  const fromConfig = asPublicJwk(config?.intakePublicKey);
  if (fromConfig && (await usable(fromConfig))) {
    await store(db, fromConfig, 'config');
    return fromConfig;
  }
  const cached = await db.keys.get('intakeKey');
  if (cached) return cached.jwk;
  if (!config) return null;
  const fetched = await fetchIntakeKey(config.serverUrl, fetchFn);
  if (fetched) await store(db, fetched, 'server');
  return fetched;
}
