// The data key: 32 random bytes that encrypt applicants' personal data at rest (AES-256-GCM, personal-data.ts).
// Kept in its own file beside the intake key, mode 0600, never in the database, so a copy of the database (its
// tables, its WAL, a PostgreSQL dump) holds no personal data in clear. Losing the file loses the personal data of
// every stored application: back it up apart from the database (docs/DEPLOY.md).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface DataKey {
  /** Short id stored beside each ciphertext: which key (rotation) encrypted it. */
  kid: string;
  key: Buffer;
}

const DataKeyFileSchema = z.strictObject({
  format: z.literal('kiosk-data-key/1'),
  kid: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.string(),
  /** base64 of 32 bytes. */
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

function kidOf(key: Buffer): string {
  return createHash('sha256').update('kiosk-data-key/1:').update(key).digest('hex').slice(0, 16);
}

export function dataKeyFromBytes(key: Buffer): DataKey {
  if (key.length !== 32) throw new Error('a data key is 32 bytes');
  return { kid: kidOf(key), key };
}

/** Writes a new key file (0600); refuses to overwrite an existing one. */
export async function generateDataKeyFile(path: string): Promise<DataKey> {
  const key = dataKeyFromBytes(randomBytes(32));
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const file = {
    format: 'kiosk-data-key/1',
    kid: key.kid,
    createdAt: new Date().toISOString(),
    key: key.key.toString('base64'),
  };
  await writeFile(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export async function readDataKeyFile(path: string): Promise<DataKey> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw e;
    throw new Error(`${path}: not JSON`, { cause: e });
  }
  const file = DataKeyFileSchema.safeParse(parsed);
  if (!file.success) throw new Error(`${path}: not a data key file (kiosk-data-key/1)`);
  const key = dataKeyFromBytes(Buffer.from(file.data.key, 'base64'));
  if (key.kid !== file.data.kid) throw new Error(`${path}: the key does not match its kid (damaged file?)`);
  return key;
}

/** Reads the key file, or creates it when it does not exist. */
export async function loadOrCreateDataKey(path: string): Promise<{ key: DataKey; created: boolean }> {
  try {
    return { key: await readDataKeyFile(path), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    return { key: await generateDataKeyFile(path), created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      return { key: await readDataKeyFile(path), created: false };
    throw e;
  }
}
