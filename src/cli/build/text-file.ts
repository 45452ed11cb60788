// Reads a text source file as staff save it: UTF-8 with or without BOM, or GB18030 from Excel's "save as".
import { readFile } from 'node:fs/promises';

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a BOM by default
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readTextFile(path: string): Promise<string> {
  return decodeText(await readFile(path));
}
