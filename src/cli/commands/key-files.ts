import { readFile } from 'node:fs/promises';
import { parsePrivateKey, parsePublicKey, type SigningKey } from '../../core/bundle/keys.ts';
import type { TrustedKey } from '../../core/bundle/schema.ts';
import { RejectedError } from '../errors.ts';

async function readKeyText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new RejectedError(
      `cannot read key ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

export async function readSigningKey(path: string): Promise<SigningKey> {
  const key = await parsePrivateKey(await readKeyText(path));
  if (!key)
    throw new RejectedError(`${path} is not an Ed25519 private key written by \`kiosk-bundle keygen\``);
  return key;
}

export async function readPublicKey(path: string): Promise<TrustedKey> {
  const key = await parsePublicKey(await readKeyText(path));
  if (!key)
    throw new RejectedError(
      `${path} is not an Ed25519 public key (signing.pub from \`kiosk-bundle keygen\`)`,
    );
  return key;
}
