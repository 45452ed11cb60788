// An enrolled kiosk for the server tests: its own key pair, enrolled through a one-time code in the server's
// database, and the kiosk's own request signer (src/kiosk/auth/signed-fetch.ts) as its fetch.
import { generateKioskKeyPair, keyIdOfKioskKey } from '../../../src/core/auth/request-signature.ts';
import { signedFetch } from '../../../src/kiosk/auth/signed-fetch.ts';
import type { Queryable } from '../../../src/server/db/database.ts';
import { KioskStore } from '../../../src/server/kiosk-store.ts';

export interface TestKiosk {
  keyId: string;
  kioskId: string;
  site: string;
  privateKey: CryptoKey;
  /** fetch signed with this kiosk's key. */
  fetch: typeof fetch;
}

export async function enrolTestKiosk(
  db: Queryable,
  opts: { site?: string; kioskId?: string; now?: () => number } = {},
): Promise<TestKiosk> {
  const site = opts.site ?? 'test-site';
  const kioskId = opts.kioskId ?? `${site}-${Math.random().toString(36).slice(2, 8)}`;
  const { pair, publicJwk } = await generateKioskKeyPair();
  const store = new KioskStore(db);
  const { code } = await store.createCode(site, `测试终端 ${kioskId}`, new Date());
  const enrolled = await store.enrolWithCode(code, publicJwk, kioskId, new Date());
  if (!enrolled.ok) throw new Error(`test kiosk not enrolled: ${enrolled.reason}`);
  const keyId = await keyIdOfKioskKey(publicJwk);
  const identity = { privateKey: pair.privateKey, keyId };
  return {
    keyId,
    kioskId,
    site,
    privateKey: pair.privateKey,
    fetch: signedFetch({ identity: async () => identity, ...(opts.now ? { now: opts.now } : {}) }),
  };
}
