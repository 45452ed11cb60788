// Content types for a published channel's files/<sha256> (kiosk-bundle publish): looked up by hash in the channel's
// manifest, whose entries carry the original paths. So data/*.json is served as JSON, and compressed like any JSON
// (a 10k-document bundle: 16 MB on the wire becomes about 1 MB), while attachments keep their own types. A hash the
// current manifest does not list (an older version's file) stays application/octet-stream.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentType } from './files.ts';

const OCTET_STREAM = 'application/octet-stream';

export function channelFileTypes(bundleDir: string): (sha256: string) => Promise<string> {
  // Re-read only when the manifest changes (a publish writes it last, by rename).
  let cache: { mtimeMs: number; size: number; byHash: Map<string, string> } | null = null;
  return async (sha256) => {
    const manifestPath = join(bundleDir, 'manifest.json');
    try {
      const st = await stat(manifestPath);
      if (!cache || cache.mtimeMs !== st.mtimeMs || cache.size !== st.size) {
        const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
          files?: { path?: unknown; sha256?: unknown }[];
        };
        const byHash = new Map<string, string>();
        for (const f of manifest.files ?? [])
          if (typeof f.path === 'string' && typeof f.sha256 === 'string')
            byHash.set(f.sha256, contentType(f.path));
        cache = { mtimeMs: st.mtimeMs, size: st.size, byHash };
      }
      return cache.byHash.get(sha256) ?? OCTET_STREAM;
    } catch {
      return OCTET_STREAM;
    }
  };
}
