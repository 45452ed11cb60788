// The zone server's check of a kiosk's request signature (src/core/auth/request-signature.ts), on node:crypto
// instead of WebCrypto, like open-envelope.ts: the same signature base and the same answer, computed synchronously.
// WebCrypto in Node turns each digest and each ECDSA verify into a job and a promise hop, which cost about a sixth
// of the intake's server time under load (issue 12's budget); node:crypto does the same work in a fraction of that.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  signatureBase,
  type KioskPublicKey,
  type ParsedSignature,
  type SignedParts,
} from '../../core/auth/request-signature.ts';

/** A kiosk's public key for verifying; throws when the JWK is not a point on P-256. */
export function kioskVerifyKey(jwk: KioskPublicKey): KeyObject {
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
}

/** Content-Digest header value (RFC 9530) of a body, as contentDigestOf computes it. */
export function contentDigestSync(body: Uint8Array): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** Whether the parsed signature is this key's over these request parts (the r‖s form WebCrypto signs). */
export function verifySignatureSync(
  key: KeyObject,
  parsed: ParsedSignature,
  parts: Omit<SignedParts, 'contentDigest'>,
): boolean {
  const base = signatureBase({ ...parts, contentDigest: parsed.contentDigest }, parsed.params);
  return verify('sha256', Buffer.from(base, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, parsed.signature);
}
