// The intake key file: the private ECDH P-256 key applications are sealed to. JSON, mode 0600.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  exportPrivateJwk,
  generateIntakeKeyPair,
  loadIntakeKey,
  type IntakeKey,
} from '../core/crypto/sealed-box.ts';

export interface IntakeKeyFile {
  format: 'kiosk-intake-key/1';
  kid: string;
  createdAt: string;
  privateJwk: JsonWebKey;
}

/** Writes a new key file; refuses to overwrite an existing one. */
export async function generateIntakeKeyFile(path: string): Promise<IntakeKey> {
  const pair = await generateIntakeKeyPair();
  const privateJwk = await exportPrivateJwk(pair.privateKey);
  const key = await loadIntakeKey(privateJwk);
  const file: IntakeKeyFile = {
    format: 'kiosk-intake-key/1',
    kid: key.kid,
    createdAt: new Date().toISOString(),
    privateJwk,
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export async function readIntakeKeyFile(path: string): Promise<IntakeKey> {
  const text = await readFile(path, 'utf8');
  let parsed: Partial<IntakeKeyFile>;
  try {
    parsed = JSON.parse(text) as Partial<IntakeKeyFile>;
  } catch {
    throw new Error(`${path}: not JSON`);
  }
  if (parsed.format !== 'kiosk-intake-key/1' || !parsed.privateJwk)
    throw new Error(`${path}: not an intake key file`);
  return loadIntakeKey(parsed.privateJwk);
}

/** Reads the key file, or creates it when it does not exist. */
export async function loadOrCreateIntakeKey(path: string): Promise<{ key: IntakeKey; created: boolean }> {
  try {
    return { key: await readIntakeKeyFile(path), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    return { key: await generateIntakeKeyFile(path), created: true };
  } catch (e) {
    // Another process created it in between.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      return { key: await readIntakeKeyFile(path), created: false };
    throw e;
  }
}
