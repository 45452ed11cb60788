// Personal data at rest: an application (applicant, contact, request text) stored only as AES-256-GCM ciphertext
// under the data key (data-key.ts). The associated data is the row's client id (its idempotency key, unique and
// never changed, and known before the INSERT assigns a number), so a ciphertext copied into another row does not
// decrypt. Stored as text: "pd1.<kid>.<iv>.<ciphertext+tag>" in base64url.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey } from './data-key.ts';

const PREFIX = 'pd1';

export class PersonalDataError extends Error {
  override name = 'PersonalDataError';
}

export interface PersonalDataCipher {
  readonly kid: string;
  seal(rowId: string, value: unknown): string;
  open(rowId: string, sealed: string): unknown;
}

export function personalDataCipher(dataKey: DataKey): PersonalDataCipher {
  return {
    kid: dataKey.kid,
    seal(rowId, value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
      cipher.setAAD(Buffer.from(rowId, 'utf8'));
      const ct = Buffer.concat([
        cipher.update(JSON.stringify(value), 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return `${PREFIX}.${dataKey.kid}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
    },
    open(rowId, sealed) {
      const [prefix, kid, iv, ct] = sealed.split('.');
      if (prefix !== PREFIX || !kid || !iv || !ct)
        throw new PersonalDataError('not a sealed personal data value');
      if (kid !== dataKey.kid) {
        throw new PersonalDataError(
          `personal data was encrypted with data key ${kid}, but this server has ${dataKey.kid} (--data-key)`,
        );
      }
      const bytes = Buffer.from(ct, 'base64url');
      if (bytes.length < 16) throw new PersonalDataError('sealed personal data too short');
      const decipher = createDecipheriv('aes-256-gcm', dataKey.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(rowId, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      try {
        const plain = Buffer.concat([
          decipher.update(bytes.subarray(0, bytes.length - 16)),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString('utf8')) as unknown;
      } catch {
        throw new PersonalDataError(
          'sealed personal data does not decrypt for this row (wrong row or damaged)',
        );
      }
    },
  };
}
