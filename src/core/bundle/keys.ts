// Ed25519 keys for bundle signing, through WebCrypto so the kiosk and Node share one code path.
// Files: signing.key holds PKCS#8 PEM (private), signing.pub holds SPKI PEM (public).
import { fromBase64, sha256Hex, toBase64 } from './encoding.ts';
import type { TrustedKey } from './schema.ts';

const ED25519 = { name: 'Ed25519' } as const;
// SPKI DER for Ed25519 is this fixed 12-byte prefix followed by the 32-byte raw key.
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function pem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function unpem(text: string, label: string): Uint8Array | null {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  return m ? fromBase64(m[1]!) : null;
}

/** The first 16 hex digits of SHA-256 over the raw public key: short, stable, printed by keygen. */
export async function keyIdOf(rawPublicKey: Uint8Array): Promise<string> {
  return (await sha256Hex(rawPublicKey)).slice(0, 16);
}

export interface GeneratedKeyPair {
  privatePem: string;
  publicPem: string;
  trusted: TrustedKey;
}

export async function generateSigningKeyPair(): Promise<GeneratedKeyPair> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    privatePem: pem('PRIVATE KEY', pkcs8),
    publicPem: publicKeyPem(raw),
    trusted: { keyId: await keyIdOf(raw), publicKey: toBase64(raw) },
  };
}

export function publicKeyPem(raw: Uint8Array): string {
  return pem('PUBLIC KEY', new Uint8Array([...SPKI_PREFIX, ...raw]));
}

/**
 * Reads a public key written by keygen (SPKI PEM) or given as base64 of the raw 32 bytes
 * (the form kiosk-config uses). Returns null if it is neither.
 */
export async function parsePublicKey(text: string): Promise<TrustedKey | null> {
  let raw: Uint8Array | null;
  const der = unpem(text, 'PUBLIC KEY');
  if (der) {
    if (der.length !== 44 || SPKI_PREFIX.some((b, i) => der[i] !== b)) return null;
    raw = der.slice(12);
  } else {
    raw = fromBase64(text.trim());
    if (!raw || raw.length !== 32) return null;
  }
  return { keyId: await keyIdOf(raw), publicKey: toBase64(raw) };
}

export interface SigningKey {
  key: CryptoKey;
  trusted: TrustedKey;
}

/** Imports signing.key (PKCS#8 PEM) and derives its public half. Returns null if the text is not such a key. */
export async function parsePrivateKey(text: string): Promise<SigningKey | null> {
  const der = unpem(text, 'PRIVATE KEY');
  if (!der) return null;
  try {
    // Import extractable once to derive the public key via JWK (WebCrypto has no direct private→public call).
    const extractable = await crypto.subtle.importKey('pkcs8', der as BufferSource, ED25519, true, ['sign']);
    const jwk = await crypto.subtle.exportKey('jwk', extractable);
    const raw = jwk.x ? fromBase64(jwk.x.replace(/-/g, '+').replace(/_/g, '/')) : null;
    if (!raw || raw.length !== 32) return null;
    const key = await crypto.subtle.importKey('pkcs8', der as BufferSource, ED25519, false, ['sign']);
    return { key, trusted: { keyId: await keyIdOf(raw), publicKey: toBase64(raw) } };
  } catch {
    return null;
  }
}

export async function importVerifyKey(trusted: TrustedKey): Promise<CryptoKey> {
  const raw = fromBase64(trusted.publicKey);
  if (!raw || raw.length !== 32) throw new Error(`key ${trusted.keyId}: not a 32-byte Ed25519 public key`);
  return crypto.subtle.importKey('raw', raw as BufferSource, ED25519, false, ['verify']);
}

export async function signBytes(key: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(ED25519, key, bytes as BufferSource));
}

export async function verifyBytes(
  trusted: TrustedKey,
  signature: Uint8Array,
  bytes: Uint8Array,
): Promise<boolean> {
  const key = await importVerifyKey(trusted);
  return crypto.subtle.verify(ED25519, key, signature as BufferSource, bytes as BufferSource);
}
