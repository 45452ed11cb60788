import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../src/core/bundle/encoding.ts';
import { generateSigningKeyPair, parsePrivateKey, parsePublicKey } from '../../../src/core/bundle/keys.ts';
import { MANIFEST_PATH, SIGNATURE_PATH, verifyBundle } from '../../../src/core/bundle/verify.ts';
import { makeBundle, makeSigner, memoryReader } from './bundle-fixture.ts';

describe('verifyBundle', () => {
  it('accepts a correctly signed bundle and returns its parsed data', async () => {
    const b = await makeBundle();
    const r = await verifyBundle(b.reader, {
      trustedKeys: [b.trusted],
      appVersion: '0.1.0',
      highestAcceptedVersion: 4,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.manifest.version).toBe(5);
    expect(r.data.catalogue[0]!.level1).toBe('最低生活保障');
    expect(r.files.get(`attachments/${'a'.repeat(64)}.txt`)).toEqual(utf8.encode('hello'));
  });

  it('refuses a changed manifest: bad signature', async () => {
    const b = await makeBundle();
    const text = utf8.decode(b.files.get(MANIFEST_PATH)!).replace('"version": 5', '"version": 9');
    b.files.set(MANIFEST_PATH, utf8.encode(text));
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted] });
    expect(r.ok || r.failure.code).toBe('bad-signature');
  });

  it('refuses a bundle signed by a key the kiosk does not trust: unknown key', async () => {
    const b = await makeBundle();
    const other = await makeSigner();
    const r = await verifyBundle(b.reader, { trustedKeys: [other.trusted] });
    expect(r.ok || r.failure.code).toBe('unknown-key');
    expect(r.ok || r.failure.message).toContain(b.trusted.keyId);
  });

  it('refuses a signature made by another key under the trusted key id: bad signature', async () => {
    const b = await makeBundle();
    const impostor = await makeSigner();
    const forged = await makeBundle({ signer: { key: impostor.key, trusted: b.trusted } });
    const r = await verifyBundle(forged.reader, { trustedKeys: [b.trusted] });
    expect(r.ok || r.failure.code).toBe('bad-signature');
  });

  it('refuses a data file changed after signing: hash mismatch', async () => {
    const b = await makeBundle();
    const bytes = b.files.get('data/catalogue.json')!.slice();
    bytes[10] = bytes[10]! ^ 1;
    b.files.set('data/catalogue.json', bytes);
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted] });
    expect(r.ok ? null : r.failure).toMatchObject({ code: 'hash-mismatch', path: 'data/catalogue.json' });
  });

  it('refuses a truncated file: size mismatch', async () => {
    const b = await makeBundle();
    b.files.set('data/guides.json', b.files.get('data/guides.json')!.slice(0, 20));
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted] });
    expect(r.ok ? null : r.failure).toMatchObject({ code: 'size-mismatch', path: 'data/guides.json' });
  });

  it.each([MANIFEST_PATH, SIGNATURE_PATH, 'data/departments.json', `attachments/${'a'.repeat(64)}.txt`])(
    'refuses a bundle without %s: missing file',
    async (path) => {
      const b = await makeBundle();
      b.files.delete(path);
      const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted] });
      expect(r.ok ? null : r.failure).toMatchObject({ code: 'missing-file', path });
    },
  );

  it('refuses signed data that breaks the schema, naming the path', async () => {
    const b = await makeBundle({
      mutateData: (d) => {
        (d.catalogue as { publisher: string }[])[0]!.publisher = '';
      },
    });
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted] });
    expect(r.ok ? null : r.failure).toMatchObject({
      code: 'schema',
      path: 'data/catalogue.json: [0].publisher',
    });
  });

  it('refuses a guide attachment that the manifest does not list', async () => {
    const b = await makeBundle({
      mutateData: (d) => {
        (d.guides as { attachments: { path: string }[] }[])[0]!.attachments[0]!.path =
          `attachments/${'b'.repeat(64)}.pdf`;
      },
    });
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted] });
    expect(r.ok ? null : r.failure).toMatchObject({
      code: 'schema',
      path: 'data/guides.json: [0].attachments[0].path',
    });
  });

  it.each([5, 7])('refuses version 5 when %i was already accepted: not newer (rollback)', async (highest) => {
    const b = await makeBundle();
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted], highestAcceptedVersion: highest });
    expect(r.ok ? null : r.failure.code).toBe('not-newer');
    expect(r.ok ? '' : r.failure.message).toContain(`not newer than ${highest}`);
  });

  it('refuses an expired bundle, and accepts it when told to keep a frozen one', async () => {
    const b = await makeBundle({
      meta: { createdAt: new Date('2026-01-01T00:00:00Z'), expiresAt: new Date('2026-02-01T00:00:00Z') },
    });
    const now = new Date('2026-03-01T00:00:00Z');
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted], now });
    expect(r.ok ? null : r.failure.code).toBe('expired');
    expect((await verifyBundle(b.reader, { trustedKeys: [b.trusted], now, allowExpired: true })).ok).toBe(
      true,
    );
  });

  it('refuses a bundle that needs a newer app', async () => {
    const b = await makeBundle({ meta: { minAppVersion: '0.10.0' } });
    const r = await verifyBundle(b.reader, { trustedKeys: [b.trusted], appVersion: '0.9.3' });
    expect(r.ok ? null : r.failure.code).toBe('app-too-old');
  });

  it('catches one altered byte anywhere in the bundle', async () => {
    const b = await makeBundle();
    let checked = 0;
    for (const [path, original] of b.files) {
      // Every byte of every file: flip one bit, verify, restore.
      for (let i = 0; i < original.length; i++) {
        const altered = original.slice();
        altered[i] = altered[i]! ^ 0x01;
        const files = new Map(b.files);
        files.set(path, altered);
        const r = await verifyBundle(memoryReader(files), { trustedKeys: [b.trusted] });
        if (r.ok) throw new Error(`altering byte ${i} of ${path} went unnoticed`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('keys', () => {
  it('reads back the PEM files keygen writes, and the raw base64 form kiosk-config uses', async () => {
    const pair = await generateSigningKeyPair();
    const fromPem = await parsePublicKey(pair.publicPem);
    expect(fromPem).toEqual(pair.trusted);
    expect(await parsePublicKey(pair.trusted.publicKey)).toEqual(pair.trusted);
    const signer = await parsePrivateKey(pair.privatePem);
    expect(signer?.trusted).toEqual(pair.trusted);
    expect(pair.trusted.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects text that is not a key', async () => {
    expect(await parsePublicKey('hello')).toBeNull();
    expect(
      await parsePrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'),
    ).toBeNull();
  });
});
