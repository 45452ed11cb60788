// This kiosk's own key and its enrolment with the zone server. The key pair is made here once (WebCrypto ECDSA
// P-256, private half non-extractable, kept in kiosk-meta as a CryptoKey); enrolment records its public half on the
// server with a one-time code staff type on the staff screen, or by itself on the localhost demo (--auto-enrol).
import {
  generateKioskKeyPair,
  keyIdOfKioskKey,
  type KioskPublicKey,
} from '../../core/auth/request-signature.ts';
import { metaDb, type Enrolment } from '../db/meta-db.ts';
import { kioskId } from '../staff/health.ts';
import type { SigningIdentity } from './signed-fetch.ts';

const ENROLMENT_URL = '/api/v1/enrolment';

export type EnrolResult =
  { ok: true; enrolment: Enrolment } | { ok: false; code: string; message: string; status: number | null };

/** The kiosk's key pair, made on first use. */
export async function kioskKey(): Promise<{
  privateKey: CryptoKey;
  publicJwk: KioskPublicKey;
  keyId: string;
}> {
  const meta = metaDb();
  const known = await meta.getValue('kioskKey');
  if (known) return known;
  const { pair, publicJwk } = await generateKioskKeyPair();
  const key = { privateKey: pair.privateKey, publicJwk, keyId: await keyIdOfKioskKey(publicJwk) };
  await meta.setValue('kioskKey', { ...key, createdAt: new Date().toISOString() });
  return key;
}

export async function enrolmentState(): Promise<Enrolment | null> {
  return (await metaDb().getValue('enrolment')) ?? null;
}

/** The key requests are signed with, once this kiosk is enrolled. */
export async function signingIdentity(): Promise<SigningIdentity | null> {
  const meta = metaDb();
  const [enrolment, key] = await Promise.all([meta.getValue('enrolment'), meta.getValue('kioskKey')]);
  if (!enrolment || !key || enrolment.keyId !== key.keyId) return null;
  return { privateKey: key.privateKey, keyId: key.keyId };
}

async function post(url: string, body: unknown, fetchFn: typeof fetch): Promise<EnrolResult> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    return { ok: false, code: 'offline', message: (e as Error).message, status: null };
  }
  const answer = (await res.json().catch(() => null)) as {
    kiosk?: { kioskId: string; site: string; name: string; keyId: string; enrolledAt: string };
    error?: { code: string; message: string };
  } | null;
  if (res.status !== 201 || !answer?.kiosk)
    return {
      ok: false,
      code: answer?.error?.code ?? `http_${res.status}`,
      message: answer?.error?.message ?? `HTTP ${res.status}`,
      status: res.status,
    };
  const enrolment: Enrolment = { ...answer.kiosk };
  await metaDb().setValue('enrolment', enrolment);
  return { ok: true, enrolment };
}

async function ownId(): Promise<string> {
  return kioskId((await metaDb().getValue('config'))?.config.site ?? null);
}

/** Enrols with a code staff typed on the staff screen. */
export async function enrolWithCode(
  code: string,
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<EnrolResult> {
  const key = await kioskKey();
  return post(ENROLMENT_URL, { code, publicKey: key.publicJwk, kioskId: await ownId() }, fetchFn);
}

/** The localhost demo: asks to be enrolled without a code (the server refuses unless started so). */
export async function tryAutoEnrol(
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<EnrolResult> {
  const key = await kioskKey();
  return post(`${ENROLMENT_URL}/auto`, { publicKey: key.publicJwk, kioskId: await ownId() }, fetchFn);
}

/**
 * At start: make the key, enrol by itself where the server allows it, and notice a revocation (the server no
 * longer knows the key: enrolment and key are dropped, so staff can enrol this kiosk again with a new code).
 */
export async function ensureEnrolment(
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
  signed: typeof fetch = fetchFn,
): Promise<Enrolment | null> {
  const meta = metaDb();
  const known = await enrolmentState();
  // Offline: no request at all (a failed fetch is logged as an error in the kiosk's console); nothing to learn.
  if (globalThis.navigator?.onLine === false) return known;
  if (!known) {
    const auto = await tryAutoEnrol(fetchFn);
    return auto.ok ? auto.enrolment : null;
  }
  try {
    const res = await signed(ENROLMENT_URL, { cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    if (res.status === 401 && body?.error?.code === 'kiosk_not_enrolled') {
      await meta.kv.delete('enrolment');
      await meta.kv.delete('kioskKey');
      return null;
    }
  } catch {
    // offline: keep what we know
  }
  return known;
}
