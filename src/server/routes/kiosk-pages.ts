// The kiosk PWA's own files (the built dist/), with its Content-Security-Policy on pages and worker scripts, and
// the single-page fallback for page navigations.
import { relative } from 'node:path';
import { Hono } from 'hono';
import { kioskCspSource } from '../csp.ts';
import { readServedFile, safeJoin, staticCacheControl, NO_CACHE } from '../files.ts';
import type { Logger } from '../log.ts';
import { sendFile } from './channel.ts';

export interface KioskPageDeps {
  staticDir: string | null;
  kioskConfigFile: string | null;
  logger: Logger;
}

export function kioskPageRoutes(deps: KioskPageDeps): Hono {
  const { logger } = deps;
  const app = new Hono();

  // The kiosk's pages and worker scripts carry its Content-Security-Policy (csp.ts).
  const kioskCsp = kioskCspSource(deps.kioskConfigFile, logger);
  app.on(['GET', 'HEAD'], '*', async (c) => {
    if (!deps.staticDir) return c.text('Not Found', 404);
    const path = c.req.path;
    if (path === '/bundle' || path.startsWith('/bundle/')) return c.text('Not Found', 404);
    const full = safeJoin(deps.staticDir, path);
    if (full) {
      const rel = relative(deps.staticDir, full).split('\\').join('/');
      const hit = rel === '' ? null : await readServedFile(full);
      if (hit) {
        c.header('Content-Security-Policy', await kioskCsp());
        return sendFile(c, hit, staticCacheControl(rel));
      }
    }
    // SPA fallback: only for page navigations, never for missing scripts, images or API calls.
    const navigation =
      c.req.header('sec-fetch-mode') === 'navigate' || (c.req.header('accept') ?? '').includes('text/html');
    if (navigation) {
      const index = await readServedFile(`${deps.staticDir}/index.html`);
      if (index) {
        c.header('Content-Security-Policy', await kioskCsp());
        return sendFile(c, index, NO_CACHE);
      }
    }
    return c.text('Not Found', 404);
  });

  return app;
}
