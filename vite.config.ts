// The kiosk PWA build: Preact, vite-plugin-pwa (injectManifest, prompt), and a dev/preview middleware that serves
// the bundle channel and kiosk-config the way the zone server does in production.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** .data/sample (scripts/prepare-sample.ts) when it exists, else the e2e dev bundle in .data/dev-sample. */
function sampleDir(): string {
  if (process.env.KIOSK_SAMPLE_DIR) return resolve(process.env.KIOSK_SAMPLE_DIR);
  for (const dir of ['.data/sample', '.data/dev-sample']) {
    try {
      if (statSync(join(dir, 'kiosk-config.json')).isFile()) return resolve(dir);
    } catch {
      // try the next
    }
  }
  return resolve('.data/sample');
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

/** Serves /bundle/* and /kiosk-config.json from the sample folder, no caching, no directory listing. */
function kioskData(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const root = sampleDir();
    let file: string | null = null;
    if (path === '/kiosk-config.json') file = join(root, 'kiosk-config.json');
    else if (path.startsWith('/bundle/')) {
      const bundleRoot = join(root, 'bundle');
      file = normalize(join(bundleRoot, path.slice('/bundle/'.length)));
      if (!file.startsWith(bundleRoot + sep)) file = null;
    }
    if (file === null) return next();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'kiosk-data',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    preact(),
    kioskData(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/kiosk',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '政务公开专区查询终端',
        short_name: '政务公开',
        description: '政务公开事项、办事指南、政策解读查询',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0a3a82',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell only: the bundle lives in IndexedDB and is never precached.
        globPatterns: ['**/*.{js,css,html,svg,woff2}'], // icons and the web manifest are added by the plugin
        globIgnores: ['bundle/**', 'kiosk-config.json', '**/*.map'],
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
