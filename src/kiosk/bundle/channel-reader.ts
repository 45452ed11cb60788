// Reads a bundle from a channel published by `kiosk-bundle publish` (content-addressed files/<sha256> and
// signatures/<sha256>.sig beside the latest manifest) or from a plain bundle folder, whichever it finds.
// Content-addressed reads make a poll during a publish safe: everything a manifest names is in place before it.
import { sha256Hex, utf8 } from '../../core/bundle/encoding.ts';
import { MANIFEST_PATH, SIGNATURE_PATH, type BundleReader } from '../../core/bundle/verify.ts';

/** Written by `kiosk-bundle publish` into a channel folder: says the folder also holds files/<sha256>. */
export const CHANNEL_MARKER = 'channel.json';
/** Set by the zone server on manifest.json when the channel folder holds CHANNEL_MARKER. */
export const CHANNEL_LAYOUT_HEADER = 'X-Bundle-Layout';

/**
 * Size limits checked before a file is read (a USB stick's file or an HTTP body): a 10k-document bundle's manifest
 * is well under 2 MB; a signature is 88 bytes (larger ones are refused unread). A file the manifest lists is read
 * no further than one byte past its listed size, so verification reports `size-mismatch` without reading the rest;
 * a file it does not list is read only as a small one.
 */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 4 * 1024;
export const MAX_UNLISTED_BYTES = 1024 * 1024;

export class BundleFileTooLargeError extends Error {
  override name = 'BundleFileTooLargeError';
  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(`${path}: larger than ${maxBytes} bytes (not read)`);
  }
}

/** Past maxBytes: refuse (manifest, signature) or hand back maxBytes + 1 bytes for the size check to refuse. */
type Overflow = 'throw' | 'truncate';

/** What layoutAwareReader reads from: a source that never reads much more than maxBytes. */
interface CappedReader {
  read(path: string, maxBytes: number, overflow: Overflow): Promise<Uint8Array | null>;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A response body, read no further than maxBytes (+1 when truncating): Content-Length first, then streaming. */
export async function readCappedBody(
  res: Response,
  path: string,
  maxBytes: number,
  overflow: Overflow = 'throw',
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (overflow === 'throw' && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new BundleFileTooLargeError(path, maxBytes);
  }
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength <= maxBytes) return bytes;
    if (overflow === 'throw') throw new BundleFileTooLargeError(path, maxBytes);
    return bytes.slice(0, maxBytes + 1);
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (overflow === 'throw') throw new BundleFileTooLargeError(path, maxBytes);
      return concat(chunks, total).slice(0, maxBytes + 1);
    }
  }
  return concat(chunks, total);
}

/**
 * Wraps a reader of raw paths; unverified manifest entries only choose which name to read (hashes are checked after). */
export function layoutAwareReader(
  raw: CappedReader,
  /** False when the source is known to be a plain folder: no content-addressed reads are tried. */
  addressedLayout: () => boolean = () => true,
): BundleReader {
  let shaOf = new Map<string, string>();
  /** Sizes the manifest lists (not yet verified: they only bound how much is read). */
  let sizeOf = new Map<string, number>();
  let manifestSha: string | null = null;
  /** Becomes false after the first content-addressed miss: a plain folder is read by path from then on. */
  let contentAddressed = true;
  const tryAddressed = async (
    path: string,
    maxBytes: number,
    overflow: Overflow,
  ): Promise<Uint8Array | null> => {
    if (!contentAddressed || !addressedLayout()) return null;
    const bytes = await raw.read(path, maxBytes, overflow);
    if (!bytes) contentAddressed = false;
    return bytes;
  };
  return {
    async read(path) {
      if (path === MANIFEST_PATH) {
        const bytes = await raw.read(path, MAX_MANIFEST_BYTES, 'throw');
        shaOf = new Map();
        sizeOf = new Map();
        manifestSha = null;
        contentAddressed = true;
        if (!bytes) return null;
        manifestSha = await sha256Hex(bytes);
        try {
          const files = (JSON.parse(utf8.decode(bytes)) as { files?: unknown }).files;
          if (Array.isArray(files))
            for (const f of files as { path?: unknown; sha256?: unknown; size?: unknown }[]) {
              if (typeof f.path !== 'string') continue;
              if (typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256))
                shaOf.set(f.path, f.sha256);
              if (typeof f.size === 'number' && Number.isSafeInteger(f.size) && f.size >= 0)
                sizeOf.set(f.path, f.size);
            }
        } catch {
          // not JSON: verifyBundle reports it
        }
        return bytes;
      }
      if (path === SIGNATURE_PATH) {
        if (manifestSha) {
          const sig = await tryAddressed(`signatures/${manifestSha}.sig`, MAX_SIGNATURE_BYTES, 'throw');
          if (sig) return sig;
        }
        return raw.read(path, MAX_SIGNATURE_BYTES, 'throw');
      }
      const listed = sizeOf.get(path);
      const maxBytes = listed ?? MAX_UNLISTED_BYTES;
      const overflow: Overflow = listed === undefined ? 'throw' : 'truncate';
      const sha = shaOf.get(path);
      if (sha) {
        const bytes = await tryAddressed(`files/${sha}`, maxBytes, overflow);
        if (bytes) return bytes;
      }
      return raw.read(path, maxBytes, overflow);
    },
  };
}

/**
 * The kiosk's reader of the HTTP bundle channel; `baseUrl` ends with a slash. Content-addressed files are read
 * when the server says the channel has them (CHANNEL_LAYOUT_HEADER on manifest.json), so a plain bundle folder
 * costs no failed requests.
 */
export function channelBundleReader(baseUrl: string, fetchFn: typeof fetch = fetch): BundleReader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  let addressed = false;
  return layoutAwareReader(
    {
      async read(path, maxBytes, overflow) {
        // The manifest and its plain-path files change under the same name: always revalidate. Content-addressed
        // names never change meaning, so the HTTP cache may answer them.
        const isAddressed = path.startsWith('files/') || path.startsWith('signatures/');
        const res = await fetchFn(base + path.split('/').map(encodeURIComponent).join('/'), {
          cache: isAddressed ? 'default' : 'no-cache',
        });
        if (path === MANIFEST_PATH)
          addressed = res.headers.get(CHANNEL_LAYOUT_HEADER) === 'content-addressed';
        if (res.status === 404) return null;
        if (!res.ok) throw new Error(`GET ${base}${path}: HTTP ${res.status}`);
        return readCappedBody(res, path, maxBytes, overflow);
      },
    },
    () => addressed,
  );
}

/** A folder picked with <input type="file" webkitdirectory> (a USB stick): paths relative to the picked folder. */
export function fileListReader(files: Iterable<File>): BundleReader {
  const byPath = new Map<string, File>();
  for (const file of files) {
    const rel = (file.webkitRelativePath || file.name).split('/');
    // webkitRelativePath starts with the picked folder's own name.
    const path = rel.length > 1 ? rel.slice(1).join('/') : rel[0]!;
    byPath.set(path, file);
  }
  // A stick holding a folder that contains the bundle folder: use the one with manifest.json.
  if (!byPath.has(MANIFEST_PATH)) {
    const nested = [...byPath.keys()].find((p) => p.endsWith(`/${MANIFEST_PATH}`));
    if (nested) {
      const prefix = nested.slice(0, -MANIFEST_PATH.length);
      for (const [p, f] of [...byPath]) if (p.startsWith(prefix)) byPath.set(p.slice(prefix.length), f);
    }
  }
  return layoutAwareReader({
    async read(path, maxBytes, overflow) {
      const file = byPath.get(path);
      if (!file) return null;
      // The size first: a file (or a manifest) of gigabytes on a stick is never read whole.
      if (file.size <= maxBytes) return new Uint8Array(await file.arrayBuffer());
      if (overflow === 'throw') throw new BundleFileTooLargeError(path, maxBytes);
      return new Uint8Array(await file.slice(0, maxBytes + 1).arrayBuffer());
    },
  });
}
