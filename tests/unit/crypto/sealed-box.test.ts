import { describe, expect, it } from 'vitest';
import {
  exportPrivateJwk,
  exportPublicJwk,
  fromBase64Url,
  generateIntakeKeyPair,
  keyId,
  loadIntakeKey,
  open,
  openJson,
  seal,
  sealJson,
  SealedBoxError,
  toBase64Url,
  type SealedEnvelope,
} from '../../../src/core/crypto/sealed-box.ts';

async function newKey() {
  const pair = await generateIntakeKeyPair();
  const privateJwk = await exportPrivateJwk(pair.privateKey);
  const publicJwk = await exportPublicJwk(pair.publicKey);
  return { privateJwk, publicJwk, key: await loadIntakeKey(privateJwk) };
}

const CLIENT_ID = '5b0f6c1e-3a7d-4c2b-9e1f-0a8b7c6d5e4f';

describe('sealed box', () => {
  it('round-trips a JSON application, names outside the BMP included', async () => {
    const { publicJwk, key } = await newKey();
    const value = { name: '阿依古丽·买买提', other: '𠮷', n: 1, nested: { ok: true } };
    const env = await sealJson(publicJwk, value, CLIENT_ID);
    expect(env).toMatchObject({ v: 1, alg: 'ECDH-ES-P256+HKDF-SHA256+A256GCM', kid: key.kid });
    expect(JSON.stringify(env)).not.toContain('阿依古丽');
    expect(await openJson(key, env, CLIENT_ID)).toEqual(value);
  });

  it('uses a fresh ephemeral key and IV each time', async () => {
    const { publicJwk } = await newKey();
    const a = await sealJson(publicJwk, { x: 1 }, CLIENT_ID);
    const b = await sealJson(publicJwk, { x: 1 }, CLIENT_ID);
    expect(a.epk.x).not.toBe(b.epk.x);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('the key survives export to JWK and back', async () => {
    const { privateJwk, publicJwk } = await newKey();
    const env = await sealJson(publicJwk, 'hello', CLIENT_ID);
    const reloaded = await loadIntakeKey(JSON.parse(JSON.stringify(privateJwk)));
    expect(await openJson(reloaded, env, CLIENT_ID)).toBe('hello');
    expect(reloaded.kid).toBe(await keyId(publicJwk));
    expect(reloaded.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('refuses another client id (associated data)', async () => {
    const { publicJwk, key } = await newKey();
    const env = await sealJson(publicJwk, { a: 1 }, CLIENT_ID);
    await expect(openJson(key, env, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'decrypt_failed',
    });
  });

  it('refuses any tampering', async () => {
    const { publicJwk, key } = await newKey();
    const env = await seal(publicJwk, new TextEncoder().encode('A'.repeat(100)), CLIENT_ID);
    const ct = fromBase64Url(env.ct);
    for (const i of [0, 50, ct.length - 1]) {
      const bad = new Uint8Array(ct);
      bad[i]! ^= 0x01;
      await expect(open(key, { ...env, ct: toBase64Url(bad) }, CLIENT_ID)).rejects.toBeInstanceOf(
        SealedBoxError,
      );
    }
    const iv = fromBase64Url(env.iv);
    iv[0]! ^= 0x80;
    await expect(open(key, { ...env, iv: toBase64Url(iv) }, CLIENT_ID)).rejects.toMatchObject({
      code: 'decrypt_failed',
    });
    // Another ephemeral key: a valid point, but not the one used.
    const other = await sealJson(publicJwk, 'x', CLIENT_ID);
    await expect(open(key, { ...env, epk: other.epk }, CLIENT_ID)).rejects.toMatchObject({
      code: 'decrypt_failed',
    });
    // Truncated.
    await expect(open(key, { ...env, ct: env.ct.slice(0, 10) }, CLIENT_ID)).rejects.toMatchObject({
      code: 'malformed',
    });
  });

  it('refuses an envelope for another key', async () => {
    const a = await newKey();
    const b = await newKey();
    const env = await sealJson(a.publicJwk, 'x', CLIENT_ID);
    await expect(openJson(b.key, env, CLIENT_ID)).rejects.toMatchObject({ code: 'wrong_key' });
    // Even if the kid is forged, decryption fails.
    await expect(openJson(b.key, { ...env, kid: b.key.kid }, CLIENT_ID)).rejects.toMatchObject({
      code: 'decrypt_failed',
    });
  });

  it('refuses malformed envelopes', async () => {
    const { publicJwk, key } = await newKey();
    const env = await sealJson(publicJwk, 'x', CLIENT_ID);
    const cases: unknown[] = [
      null,
      'x',
      { ...env, v: 2 },
      { ...env, alg: 'A128GCM' },
      { ...env, epk: { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' } },
      { ...env, epk: { ...env.epk, x: env.epk.y } }, // not a point on the curve
      { ...env, iv: '***' },
      { ...env, ct: undefined },
    ];
    for (const c of cases) {
      await expect(openJson(key, c as SealedEnvelope, CLIENT_ID)).rejects.toMatchObject({
        code: 'malformed',
      });
    }
  });

  it('base64url round-trips all byte values', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(Array.from(fromBase64Url(toBase64Url(all)))).toEqual(Array.from(all));
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});
