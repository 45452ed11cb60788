// Sealed box: encrypts a queued application to the intake server's public key, with WebCrypto only
// (Chromium and Node ≥ 20 alike). Ephemeral ECDH P-256 → HKDF-SHA256 → AES-GCM-256.
// The client id (the idempotency key) is the associated data, so a ciphertext cannot be replayed under another id.
//
// Key schedule:
//   shared = ECDH(ephemeral private, recipient public)                      32 bytes
//   key    = HKDF-SHA256(ikm = shared, salt = 32 zero bytes,
//                        info = "kiosk-sealed-box/1" ‖ 0x00 ‖ epk raw (65) ‖ recipient raw (65))  → AES-256-GCM
//   ct     = AES-GCM(key, iv = 12 random bytes, aad = UTF-8(clientId), plaintext)
// Binding both public keys into `info` ties the key to this exact pair (no key-compromise impersonation games).

export const SEALED_BOX_VERSION = 1;
export const SEALED_BOX_ALG = 'ECDH-ES-P256+HKDF-SHA256+A256GCM';
export const SEALED_BOX_INFO_LABEL = 'kiosk-sealed-box/1';

export interface PublicEcJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export interface SealedEnvelope {
  v: typeof SEALED_BOX_VERSION;
  alg: typeof SEALED_BOX_ALG;
  /** Key id of the recipient key (RFC 7638 thumbprint, first 16 base64url characters). */
  kid: string;
  /** Ephemeral public key. */
  epk: PublicEcJwk;
  /** base64url, 12 bytes. */
  iv: string;
  /** base64url ciphertext with the 16-byte GCM tag. */
  ct: string;
}

export class SealedBoxError extends Error {
  constructor(
    readonly code: 'malformed' | 'wrong_key' | 'decrypt_failed',
    message: string,
  ) {
    super(message);
    this.name = 'SealedBoxError';
  }
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new Error(
      'WebCrypto (crypto.subtle) is not available: a secure context (HTTPS or localhost) is required',
    );
  return s;
};
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const enc = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// base64url

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new SealedBoxError('malformed', 'not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new SealedBoxError('malformed', 'not base64url');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Keys

/** A new intake key pair (extractable, so it can be written to the key file). */
export async function generateIntakeKeyPair(): Promise<CryptoKeyPair> {
  return (await subtle().generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
}

export async function exportPublicJwk(key: CryptoKey): Promise<PublicEcJwk> {
  const jwk = await subtle().exportKey('jwk', key);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

export async function exportPrivateJwk(key: CryptoKey): Promise<JsonWebKey> {
  const jwk = await subtle().exportKey('jwk', key);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d };
}

function checkPublicJwk(jwk: unknown): PublicEcJwk {
  const j = jwk as Partial<PublicEcJwk> | null;
  if (
    !j ||
    typeof j !== 'object' ||
    j.kty !== 'EC' ||
    j.crv !== 'P-256' ||
    typeof j.x !== 'string' ||
    typeof j.y !== 'string'
  ) {
    throw new SealedBoxError('malformed', 'expected a P-256 EC public JWK');
  }
  return { kty: 'EC', crv: 'P-256', x: j.x, y: j.y };
}

export async function importPublicJwk(jwk: unknown): Promise<CryptoKey> {
  const j = checkPublicJwk(jwk);
  try {
    return await subtle().importKey('jwk', { ...j, ext: true }, ECDH, true, []);
  } catch {
    throw new SealedBoxError('malformed', 'the public key is not a valid P-256 point');
  }
}

export async function importPrivateJwk(jwk: JsonWebKey): Promise<CryptoKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
    throw new SealedBoxError('malformed', 'expected a P-256 EC private JWK');
  }
  return subtle().importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d, ext: true },
    ECDH,
    true,
    ['deriveBits'],
  );
}

/** RFC 7638 thumbprint of a P-256 public JWK, base64url; its first 16 characters are the key id. */
export async function jwkThumbprint(jwk: PublicEcJwk): Promise<string> {
  const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
  return toBase64Url(new Uint8Array(await subtle().digest('SHA-256', enc.encode(canonical))));
}

export async function keyId(jwk: PublicEcJwk): Promise<string> {
  return (await jwkThumbprint(jwk)).slice(0, 16);
}

/** The recipient side: private key plus what is needed to check envelopes against it. */
export interface IntakeKey {
  kid: string;
  publicJwk: PublicEcJwk;
  privateKey: CryptoKey;
  /** Uncompressed point, 65 bytes. */
  publicRaw: Uint8Array<ArrayBuffer>;
}

export async function loadIntakeKey(privateJwk: JsonWebKey): Promise<IntakeKey> {
  const privateKey = await importPrivateJwk(privateJwk);
  const publicJwk = checkPublicJwk({ kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y });
  const publicKey = await importPublicJwk(publicJwk);
  return {
    kid: await keyId(publicJwk),
    publicJwk,
    privateKey,
    publicRaw: new Uint8Array(await subtle().exportKey('raw', publicKey)),
  };
}

// ---------------------------------------------------------------------------------------------
// Seal / open

async function deriveAesKey(
  shared: ArrayBuffer,
  epkRaw: Uint8Array,
  recipientRaw: Uint8Array,
  usage: KeyUsage,
): Promise<CryptoKey> {
  const label = enc.encode(SEALED_BOX_INFO_LABEL);
  const info = new Uint8Array(label.length + 1 + epkRaw.length + recipientRaw.length);
  info.set(label, 0);
  info.set(epkRaw, label.length + 1);
  info.set(recipientRaw, label.length + 1 + epkRaw.length);
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Encrypts bytes to the recipient's public key; `associatedData` (the client id) must be given again to open. */
export async function seal(
  recipientPublicJwk: unknown,
  plaintext: Uint8Array<ArrayBuffer>,
  associatedData: string,
): Promise<SealedEnvelope> {
  const recipientJwk = checkPublicJwk(recipientPublicJwk);
  const recipient = await importPublicJwk(recipientJwk);
  const recipientRaw = new Uint8Array(await subtle().exportKey('raw', recipient));
  const eph = (await subtle().generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const shared = await subtle().deriveBits({ name: 'ECDH', public: recipient }, eph.privateKey, 256);
  const epkRaw = new Uint8Array(await subtle().exportKey('raw', eph.publicKey));
  const aes = await deriveAesKey(shared, epkRaw, recipientRaw, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: enc.encode(associatedData) },
    aes,
    plaintext,
  );
  return {
    v: SEALED_BOX_VERSION,
    alg: SEALED_BOX_ALG,
    kid: await keyId(recipientJwk),
    epk: await exportPublicJwk(eph.publicKey),
    iv: toBase64Url(iv),
    ct: toBase64Url(new Uint8Array(ct)),
  };
}

/** Checks an envelope's shape (not its contents); throws SealedBoxError('malformed'). */
export function assertEnvelope(e: unknown): asserts e is SealedEnvelope {
  const x = e as Partial<SealedEnvelope> | null;
  if (!x || typeof x !== 'object') throw new SealedBoxError('malformed', 'envelope is not an object');
  if (x.v !== SEALED_BOX_VERSION)
    throw new SealedBoxError('malformed', `unsupported envelope version ${String(x.v)}`);
  if (x.alg !== SEALED_BOX_ALG)
    throw new SealedBoxError('malformed', `unsupported algorithm ${String(x.alg)}`);
  if (typeof x.kid !== 'string' || typeof x.iv !== 'string' || typeof x.ct !== 'string') {
    throw new SealedBoxError('malformed', 'envelope fields missing');
  }
  checkPublicJwk(x.epk);
}

/**
 * The checks every opener makes before any cryptography: the shape, the recipient key id, the iv and ciphertext
 * lengths. Returns the decoded iv and ciphertext (with its 16-byte tag). Throws SealedBoxError.
 */
export function checkEnvelopeFor(
  key: Pick<IntakeKey, 'kid'>,
  envelope: unknown,
): { envelope: SealedEnvelope; iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> } {
  assertEnvelope(envelope);
  if (envelope.kid !== key.kid) {
    throw new SealedBoxError(
      'wrong_key',
      `envelope was sealed to key ${envelope.kid}, this server holds ${key.kid}`,
    );
  }
  const iv = fromBase64Url(envelope.iv);
  const ct = fromBase64Url(envelope.ct);
  if (iv.length !== 12 || ct.length < 16)
    throw new SealedBoxError('malformed', 'bad iv or ciphertext length');
  return { envelope, iv, ct };
}

/** Decrypts an envelope with the intake key. Throws SealedBoxError on any failure (never returns partial data). */
export async function open(key: IntakeKey, sealed: unknown, associatedData: string): Promise<Uint8Array> {
  const { envelope, iv, ct } = checkEnvelopeFor(key, sealed);
  const epk = await importPublicJwk(envelope.epk);
  try {
    const shared = await subtle().deriveBits({ name: 'ECDH', public: epk }, key.privateKey, 256);
    const epkRaw = new Uint8Array(await subtle().exportKey('raw', epk));
    const aes = await deriveAesKey(shared, epkRaw, key.publicRaw, 'decrypt');
    const pt = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: enc.encode(associatedData) },
      aes,
      ct,
    );
    return new Uint8Array(pt);
  } catch {
    throw new SealedBoxError('decrypt_failed', 'the envelope does not decrypt with this key and client id');
  }
}

/** Seals a JSON value (UTF-8). */
export function sealJson(
  recipientPublicJwk: unknown,
  value: unknown,
  associatedData: string,
): Promise<SealedEnvelope> {
  return seal(recipientPublicJwk, enc.encode(JSON.stringify(value)), associatedData);
}

/** Opens an envelope made with sealJson. */
export async function openJson(key: IntakeKey, envelope: unknown, associatedData: string): Promise<unknown> {
  const bytes = await open(key, envelope, associatedData);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SealedBoxError('malformed', 'the decrypted content is not UTF-8 JSON');
  }
}
