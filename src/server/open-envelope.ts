// The zone server's side of the sealed box (src/core/crypto/sealed-box.ts), on node:crypto instead of WebCrypto.
// Same key schedule, same checks, same errors; it exists for speed: WebCrypto in Node spends ~2 ms of the event
// loop per envelope on argument normalisation, key import and promise hops, node:crypto does the same work
// synchronously in a fraction of that, which is most of the intake's per-application cost (issue 4's budget).
import { createDecipheriv, createPublicKey, diffieHellman, hkdfSync, KeyObject } from 'node:crypto';
import {
  checkEnvelopeFor,
  fromBase64Url,
  SealedBoxError,
  SEALED_BOX_INFO_LABEL,
  type IntakeKey,
} from '../core/crypto/sealed-box.ts';

const TAG_BYTES = 16;
const label = Buffer.from(SEALED_BOX_INFO_LABEL, 'utf8');

export type EnvelopeOpener = (envelope: unknown, associatedData: string) => unknown;

/** Opens envelopes sealed to `key` and parses their JSON. Throws SealedBoxError exactly as openJson does. */
export function envelopeOpener(key: IntakeKey): EnvelopeOpener {
  const privateKey = KeyObject.from(key.privateKey);
  const recipientRaw = Buffer.from(key.publicRaw);
  return (sealed, associatedData) => {
    const { envelope, iv, ct } = checkEnvelopeFor(key, sealed);
    const x = fromBase64Url(envelope.epk.x);
    const y = fromBase64Url(envelope.epk.y);
    let epk: KeyObject;
    try {
      if (x.length !== 32 || y.length !== 32) throw new Error('coordinate length');
      // Rejects a point that is not on the curve, as WebCrypto's import does.
      epk = createPublicKey({
        key: { kty: 'EC', crv: 'P-256', x: envelope.epk.x, y: envelope.epk.y },
        format: 'jwk',
      });
    } catch {
      throw new SealedBoxError('malformed', 'the public key is not a valid P-256 point');
    }
    let plaintext: Buffer;
    try {
      const shared = diffieHellman({ privateKey, publicKey: epk });
      // info = label ‖ 0x00 ‖ epk raw (0x04 ‖ x ‖ y) ‖ recipient raw
      const info = Buffer.concat([label, Buffer.from([0, 4]), x, y, recipientRaw]);
      const aesKey = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(32), info, 32));
      const decipher = createDecipheriv('aes-256-gcm', aesKey, iv);
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(ct.subarray(ct.length - TAG_BYTES));
      plaintext = Buffer.concat([decipher.update(ct.subarray(0, ct.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealedBoxError('decrypt_failed', 'the envelope does not decrypt with this key and client id');
    }
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
    } catch {
      throw new SealedBoxError('malformed', 'the decrypted content is not UTF-8 JSON');
    }
  };
}
