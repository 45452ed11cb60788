// The server's node:crypto opener must open exactly what the kiosk's WebCrypto sealer makes, and refuse exactly
// what the WebCrypto opener refuses, with the same error codes.
import { describe, expect, it } from 'vitest';
import {
  exportPrivateJwk,
  generateIntakeKeyPair,
  loadIntakeKey,
  openJson,
  sealJson,
  SealedBoxError,
  type IntakeKey,
  type SealedEnvelope,
} from '../../../src/core/crypto/sealed-box.ts';
import { envelopeOpener } from '../../../src/server/open-envelope.ts';

async function newKey(): Promise<IntakeKey> {
  const pair = await generateIntakeKeyPair();
  return loadIntakeKey(await exportPrivateJwk(pair.privateKey));
}

const CLIENT_ID = '0b7f3c2e-9a41-4d6b-8f0e-2c5a7d9e1b34';
const value = { name: '阿依古丽·买买提', rare: '𠮷', n: 42, nested: { list: [1, '二'] } };

/** The error code a call throws, or 'ok'. */
async function outcome(f: () => unknown): Promise<string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    return e instanceof SealedBoxError ? e.code : `other: ${String(e)}`;
  }
}

const flip = (s: string, at: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const i = alphabet.indexOf(s[at]!);
  return s.slice(0, at) + alphabet[(i + 1) % 64] + s.slice(at + 1);
};

describe('node:crypto envelope opener', () => {
  it('opens what the WebCrypto sealer made, as the WebCrypto opener does', async () => {
    const key = await newKey();
    const envelope = await sealJson(key.publicJwk, value, CLIENT_ID);
    expect(envelopeOpener(key)(envelope, CLIENT_ID)).toEqual(value);
    expect(await openJson(key, envelope, CLIENT_ID)).toEqual(value);
  });

  it('refuses what the WebCrypto opener refuses, with the same code', async () => {
    const key = await newKey();
    const other = await newKey();
    const open = envelopeOpener(key);
    const good = await sealJson(key.publicJwk, value, CLIENT_ID);
    const cases: [string, unknown, string][] = [
      ['another client id', good, '1b7f3c2e-9a41-4d6b-8f0e-2c5a7d9e1b34'],
      ['a changed ciphertext byte', { ...good, ct: flip(good.ct, 5) }, CLIENT_ID],
      ['a changed tag byte', { ...good, ct: flip(good.ct, good.ct.length - 3) }, CLIENT_ID],
      ['a changed iv', { ...good, iv: flip(good.iv, 2) }, CLIENT_ID],
      ['a short iv', { ...good, iv: 'AAAA' }, CLIENT_ID],
      [
        'another ephemeral key',
        { ...good, epk: (await sealJson(key.publicJwk, value, CLIENT_ID)).epk },
        CLIENT_ID,
      ],
      [
        'an ephemeral key off the curve',
        { ...good, epk: { ...good.epk, y: flip(good.epk.y, 4) } },
        CLIENT_ID,
      ],
      ['sealed to another key', await sealJson(other.publicJwk, value, CLIENT_ID), CLIENT_ID],
      ['not base64url', { ...good, ct: `${good.ct.slice(0, 10)}+${good.ct.slice(11)}` }, CLIENT_ID],
      ['another version', { ...good, v: 2 } as unknown as SealedEnvelope, CLIENT_ID],
      ['not an object', 'envelope', CLIENT_ID],
    ];
    for (const [what, envelope, aad] of cases) {
      const node = await outcome(() => open(envelope, aad));
      const web = await outcome(() => openJson(key, envelope, aad));
      expect({ what, node }).toEqual({ what, node: web });
      expect({ what, node }).not.toEqual({ what, node: 'ok' });
    }
  });
});
