// Signed kiosk requests: HTTP Message Signatures (RFC 9421) over @method, @path, @query and Content-Digest
// (RFC 9530), ECDSA P-256 with SHA-256 (alg "ecdsa-p256-sha256", the 64-byte r‖s form WebCrypto makes).
// Isomorphic (WebCrypto only): the kiosk signs with its non-extractable key; the zone server verifies with
// node:crypto over the same signature base (src/server/http/verify-signature.ts).
import { z } from 'zod';
import { fromBase64, toBase64, utf8 } from '../bundle/encoding.ts';

export const SIGNATURE_ALG = 'ecdsa-p256-sha256';
export const SIGNATURE_LABEL = 'kiosk';
/** How far a request's `created` may lie from the server's clock, seconds (also how long replays are remembered). */
export const REPLAY_WINDOW_SECONDS = 300;
const COMPONENTS = ['@method', '@path', '@query', 'content-digest'] as const;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

const b64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** A kiosk's public key as JWK: EC P-256, the coordinates only. */
export const KioskPublicKeySchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64url,
  y: b64url,
});
export type KioskPublicKey = z.infer<typeof KioskPublicKeySchema>;

const toB64Url = (b: Uint8Array) => toBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** The key id a kiosk signs under: the RFC 7638 JWK thumbprint (SHA-256, base64url) of its public key. */
export async function keyIdOfKioskKey(jwk: KioskPublicKey): Promise<string> {
  const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
  return toB64Url(await sha256(utf8.encode(canonical)));
}

/** A new non-extractable signing key pair (the private half can be stored in IndexedDB but never read out). */
export async function generateKioskKeyPair(): Promise<{ pair: CryptoKeyPair; publicJwk: KioskPublicKey }> {
  const pair = (await crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { pair, publicJwk: KioskPublicKeySchema.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }) };
}

/** Content-Digest header value (RFC 9530) of a body; an empty body has one too. */
export async function contentDigestOf(body: Uint8Array): Promise<string> {
  return `sha-256=:${toBase64(await sha256(body))}:`;
}

export interface SignedParts {
  method: string;
  /** Path without the query, as the server sees it. */
  path: string;
  /** The query with its '?', or '' for none. */
  query: string;
  contentDigest: string;
}

function signatureParams(created: number, keyId: string): string {
  const list = COMPONENTS.map((c) => `"${c}"`).join(' ');
  return `(${list});created=${created};keyid="${keyId}";alg="${SIGNATURE_ALG}"`;
}

/** The RFC 9421 signature base: one line per covered component, then @signature-params. */
export function signatureBase(parts: SignedParts, params: string): string {
  return [
    `"@method": ${parts.method.toUpperCase()}`,
    `"@path": ${parts.path}`,
    `"@query": ${parts.query || '?'}`,
    `"content-digest": ${parts.contentDigest}`,
    `"@signature-params": ${params}`,
  ].join('\n');
}

export interface RequestToSign {
  method: string;
  url: URL;
  body: Uint8Array;
}

/** The three headers a signed request carries. `now` is the signer's idea of the server's clock. */
export async function signRequest(
  privateKey: CryptoKey,
  keyId: string,
  req: RequestToSign,
  now: Date = new Date(),
): Promise<Record<'Content-Digest' | 'Signature-Input' | 'Signature', string>> {
  const contentDigest = await contentDigestOf(req.body);
  const params = signatureParams(Math.floor(now.getTime() / 1000), keyId);
  const base = signatureBase(
    { method: req.method, path: req.url.pathname, query: req.url.search, contentDigest },
    params,
  );
  const sig = new Uint8Array(
    await crypto.subtle.sign(ECDSA_SHA256, privateKey, utf8.encode(base) as BufferSource),
  );
  return {
    'Content-Digest': contentDigest,
    'Signature-Input': `${SIGNATURE_LABEL}=${params}`,
    Signature: `${SIGNATURE_LABEL}=:${toBase64(sig)}:`,
  };
}

export interface ParsedSignature {
  keyId: string;
  created: number;
  params: string;
  signature: Uint8Array;
  /** The signature's text, for the replay cache. */
  signatureText: string;
  contentDigest: string;
}

/**
 * Reads the signature headers, accepting only the exact component list and algorithm this protocol signs, so a
 * signature over fewer components cannot pass. Returns why not as a string.
 */
export function parseSignatureHeaders(get: (name: string) => string | undefined): ParsedSignature | string {
  const input = get('signature-input');
  const sig = get('signature');
  const contentDigest = get('content-digest');
  if (!input || !sig || !contentDigest) return 'missing Signature, Signature-Input or Content-Digest';
  const m = new RegExp(
    `^${SIGNATURE_LABEL}=(\\(${COMPONENTS.map((c) => `"${c}"`).join(' ')}\\);created=(\\d{1,12});keyid="([A-Za-z0-9_-]{43})";alg="${SIGNATURE_ALG}")$`,
  ).exec(input.trim());
  if (!m) return 'Signature-Input does not cover @method @path @query content-digest with ecdsa-p256-sha256';
  const s = new RegExp(`^${SIGNATURE_LABEL}=:([A-Za-z0-9+/]{86}==):$`).exec(sig.trim());
  const bytes = s ? fromBase64(s[1]!) : null;
  if (!s || !bytes || bytes.length !== 64) return 'Signature is not one 64-byte ECDSA signature';
  if (!/^sha-256=:[A-Za-z0-9+/]{43}=:$/.test(contentDigest.trim())) return 'Content-Digest is not sha-256';
  return {
    params: m[1]!,
    created: Number(m[2]),
    keyId: m[3]!,
    signature: bytes,
    signatureText: s[1]!,
    contentDigest: contentDigest.trim(),
  };
}
