// Reading and writing bundle directories on disk.
import { mkdir, readFile, rename, rm, readdir, writeFile, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { MANIFEST_PATH, type BundleReader } from '../core/bundle/verify.ts';
import { DATA_FILES, type BundleData, type DataFileKey } from '../core/bundle/schema.ts';

export function fsBundleReader(dir: string): BundleReader {
  const root = resolve(dir);
  return {
    async read(path) {
      const full = resolve(root, path);
      if (!full.startsWith(root + sep)) return null; // a manifest path must not escape the bundle
      try {
        return new Uint8Array(await readFile(full));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR')
          return null;
        throw e;
      }
    },
  };
}

/** Reads the data files without verifying (inspect, diff and search of a bundle already verified). */
export async function readBundleData(dir: string): Promise<BundleData> {
  const data = {} as Record<DataFileKey, unknown>;
  for (const [key, path] of Object.entries(DATA_FILES) as [DataFileKey, string][]) {
    try {
      data[key] = JSON.parse(await readFile(join(dir, path), 'utf8'));
    } catch (e) {
      throw new Error(`${join(dir, path)}: ${(e as Error).message}`, { cause: e });
    }
  }
  return data as unknown as BundleData;
}

async function isDirEmpty(dir: string): Promise<boolean> {
  return (await readdir(dir)).length === 0;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes all files to a sibling temp folder, then swaps it into place, so a failed build never leaves a
 * half-written bundle. Refuses to replace a folder that is neither empty nor a bundle.
 */
export async function writeBundleDir(outDir: string, files: Map<string, Uint8Array | string>): Promise<void> {
  const target = resolve(outDir);
  if ((await exists(target)) && !(await exists(join(target, MANIFEST_PATH))) && !(await isDirEmpty(target))) {
    throw new Error(`${outDir} exists and is not a bundle; refusing to overwrite it`);
  }
  const temp = `${target}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    const full = join(temp, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, bytes);
  }
  const old = `${target}.old-${process.pid}`;
  if (await exists(target)) await rename(target, old);
  await rename(temp, target);
  await rm(old, { recursive: true, force: true });
}
