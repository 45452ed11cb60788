// Files the zone server hands to kiosks: the built kiosk (static, SPA fallback), the bundle channel, kiosk-config.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export const NO_CACHE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Resolves a URL path under root, refusing anything that escapes it (.., encoded slashes, NUL) or names a dot-file.
 * Returns null for a path that must not be served.
 */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...parts);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

export interface FileHit {
  path: string;
  body: Uint8Array;
  etag: string;
  type: string;
}

/** Reads a regular file; null when missing or not a file. `strongEtag` hashes the content (small files). */
export async function readServedFile(path: string, strongEtag = false): Promise<FileHit | null> {
  let st;
  try {
    st = await stat(path);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const body = new Uint8Array(await readFile(path));
  const etag = strongEtag
    ? `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    : `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  return { path, body, etag, type: contentType(path) };
}

/** True if the request's If-None-Match names this ETag. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || weak(t) === weak(etag));
}

/** Cache policy of a bundle channel path. */
export function bundleCacheControl(relPath: string): { cacheControl: string; strongEtag: boolean } {
  // The manifest and its signature change with every version under the same name: always revalidate.
  if (relPath === 'manifest.json' || relPath === 'manifest.sig')
    return { cacheControl: NO_CACHE, strongEtag: true };
  // Attachments are content-addressed (attachments/<sha256>.<ext>): the name changes when the bytes do.
  // So are a published channel's files/<sha256> and signatures/<sha256>.sig (kiosk-bundle publish).
  if (
    /^attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/.test(relPath) ||
    /^files\/[0-9a-f]{64}$/.test(relPath) ||
    /^signatures\/[0-9a-f]{64}\.sig$/.test(relPath)
  )
    return { cacheControl: IMMUTABLE, strongEtag: false };
  // data/*.json keep their names across versions: a long-lived cache would serve an old file under a new manifest
  // (the kiosk's hash check would then refuse the update until the cache expired). Revalidate with the ETag.
  return { cacheControl: NO_CACHE, strongEtag: false };
}

/** Cache policy of a file of the built kiosk. */
export function staticCacheControl(relPath: string): string {
  // Vite puts content-hashed files under assets/.
  if (/^assets\/.+[.-][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(relPath)) return IMMUTABLE;
  return NO_CACHE;
}
