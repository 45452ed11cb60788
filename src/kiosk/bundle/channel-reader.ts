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
 * Wraps a reader of raw paths; unverified manifest entries only choose which name to read (hashes are checked after). */
export function layoutAwareReader(
  raw: BundleReader,
  /** False when the source is known to be a plain folder: no content-addressed reads are tried. */
  addressedLayout: () => boolean = () => true,
): BundleReader {
  let shaOf = new Map<string, string>();
  let manifestSha: string | null = null;
  /** Becomes false after the first content-addressed miss: a plain folder is read by path from then on. */
  let contentAddressed = true;
  const tryAddressed = async (path: string): Promise<Uint8Array | null> => {
    if (!contentAddressed || !addressedLayout()) return null;
    const bytes = await raw.read(path);
    if (!bytes) contentAddressed = false;
    return bytes;
  };
  return {
    async read(path) {
      if (path === MANIFEST_PATH) {
        const bytes = await raw.read(path);
        shaOf = new Map();
        manifestSha = null;
        contentAddressed = true;
        if (!bytes) return null;
        manifestSha = await sha256Hex(bytes);
        try {
          const files = (JSON.parse(utf8.decode(bytes)) as { files?: unknown }).files;
          if (Array.isArray(files))
            for (const f of files as { path?: unknown; sha256?: unknown }[])
              if (
                typeof f.path === 'string' &&
                typeof f.sha256 === 'string' &&
                /^[0-9a-f]{64}$/.test(f.sha256)
              )
                shaOf.set(f.path, f.sha256);
        } catch {
          // not JSON: verifyBundle reports it
        }
        return bytes;
      }
      if (path === SIGNATURE_PATH && manifestSha) {
        const sig = await tryAddressed(`signatures/${manifestSha}.sig`);
        if (sig) return sig;
      }
      const sha = shaOf.get(path);
      if (sha) {
        const bytes = await tryAddressed(`files/${sha}`);
        if (bytes) return bytes;
      }
      return raw.read(path);
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
      async read(path) {
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
        return new Uint8Array(await res.arrayBuffer());
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
    async read(path) {
      const file = byPath.get(path);
      return file ? new Uint8Array(await file.arrayBuffer()) : null;
    },
  });
}
