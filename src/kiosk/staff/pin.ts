// The staff PIN: PBKDF2-SHA256 through WebCrypto, so the kiosk and the bundle tool (pin-hash) share one code path.
import { fromBase64, toBase64, utf8 } from '../../core/bundle/encoding.ts';

export interface StaffPinHash {
  iterations: number;
  /** Base64 of 16 random bytes. */
  salt: string;
  /** Base64 of the 32-byte derived key. */
  hash: string;
}

/** OWASP's current figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PIN_ITERATIONS = 600_000;
/** At least 6 digits (8 recommended in docs/DEPLOY.md): a shorter PIN's hash falls to a guessing run in minutes. */
export const PIN_PATTERN = /^\d{6,12}$/;

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', utf8.encode(pin) as BufferSource, 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(
  pin: string,
  iterations = DEFAULT_PIN_ITERATIONS,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<StaffPinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('a staff PIN is 6 to 12 digits');
  return { iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

/** Constant-time comparison of the derived key with the stored one. */
export async function checkPin(pin: string, stored: StaffPinHash): Promise<boolean> {
  const salt = fromBase64(stored.salt);
  const expected = fromBase64(stored.hash);
  if (!salt || !expected || !PIN_PATTERN.test(pin)) return false;
  const got = await derive(pin, salt, stored.iterations);
  if (got.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= got[i]! ^ expected[i]!;
  return diff === 0;
}
