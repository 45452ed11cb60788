// A tiny static server for the kiosk benchmarks: the built PWA from one folder, and /bundle/* plus
// /kiosk-config.json from a sample folder that can be switched between runs (one browser context at a time).
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.sig': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export interface KioskServer {
  url: string;
  /** The folder with bundle/ and kiosk-config.json served from now on. */
  setSample(dir: string): void;
  close(): Promise<void>;
}

async function fileOrNull(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Serves `distDir` (index.html for /) and the sample folder's bundle channel, no caching. */
export async function startKioskServer(distDir: string, sampleDir: string): Promise<KioskServer> {
  let sample = sampleDir;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      let file: string | null;
      if (path === '/kiosk-config.json') file = join(sample, 'kiosk-config.json');
      else if (path.startsWith('/bundle/')) {
        const root = join(sample, 'bundle');
        file = normalize(join(root, path.slice('/bundle/'.length)));
        if (!file.startsWith(root + sep)) file = null;
      } else {
        file = normalize(join(distDir, path === '/' ? 'index.html' : path));
        if (!file.startsWith(distDir + sep)) file = null;
      }
      const body = file ? await fileOrNull(file) : null;
      if (!body || !file) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setSample: (dir) => {
      sample = dir;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
