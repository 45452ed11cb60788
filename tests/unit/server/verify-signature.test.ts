// The server's node:crypto check of kiosk signatures agrees with the kiosk's WebCrypto signing, and refuses what
// it must: another key's signature, another path, another body's digest, a point off the curve.
import { describe, expect, it } from 'vitest';
import {
  contentDigestOf,
  generateKioskKeyPair,
  keyIdOfKioskKey,
  parseSignatureHeaders,
  signRequest,
  type ParsedSignature,
} from '../../../src/core/auth/request-signature.ts';
import { utf8 } from '../../../src/core/bundle/encoding.ts';
import {
  contentDigestSync,
  kioskVerifyKey,
  verifySignatureSync,
} from '../../../src/server/http/verify-signature.ts';

const url = new URL('http://zone.local/api/v1/applications?x=1');

async function signed(body: string) {
  const kiosk = await generateKioskKeyPair();
  const keyId = await keyIdOfKioskKey(kiosk.publicJwk);
  const headers = await signRequest(kiosk.pair.privateKey, keyId, {
    method: 'POST',
    url,
    body: utf8.encode(body),
  });
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const parsed = parseSignatureHeaders((n) => lower[n]) as ParsedSignature;
  return { kiosk, parsed };
}

describe('verifySignatureSync', () => {
  it('accepts a WebCrypto signature over the same request and refuses other paths, methods and keys', async () => {
    const { kiosk, parsed } = await signed('{"a":1}');
    expect(typeof parsed).toBe('object');
    const key = kioskVerifyKey(kiosk.publicJwk);
    const parts = { method: 'POST', path: url.pathname, query: url.search };
    expect(verifySignatureSync(key, parsed, parts)).toBe(true);
    expect(verifySignatureSync(key, parsed, { ...parts, path: '/api/v1/heartbeats' })).toBe(false);
    expect(verifySignatureSync(key, parsed, { ...parts, method: 'PUT' })).toBe(false);
    expect(verifySignatureSync(key, parsed, { ...parts, query: '' })).toBe(false);
    const other = await generateKioskKeyPair();
    expect(verifySignatureSync(kioskVerifyKey(other.publicJwk), parsed, parts)).toBe(false);
    const flipped = new Uint8Array(parsed.signature);
    flipped[10]! ^= 1;
    expect(verifySignatureSync(key, { ...parsed, signature: flipped }, parts)).toBe(false);
  });

  it('computes the same Content-Digest as the kiosk, empty body included', async () => {
    for (const body of ['', '{"申请":"最低生活保障"}', 'x'.repeat(70_000)]) {
      const bytes = utf8.encode(body);
      expect(contentDigestSync(bytes)).toBe(await contentDigestOf(bytes));
    }
    expect(contentDigestSync(utf8.encode('a'))).not.toBe(contentDigestSync(utf8.encode('b')));
  });

  it('refuses a public key that is not a point on P-256', async () => {
    const { publicJwk } = await generateKioskKeyPair();
    const y = publicJwk.y.startsWith('A') ? `B${publicJwk.y.slice(1)}` : `A${publicJwk.y.slice(1)}`;
    expect(() => kioskVerifyKey({ ...publicJwk, y })).toThrow();
  });
});
