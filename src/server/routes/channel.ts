// What kiosks read besides the API: GET /kiosk-config.json (the site's configuration, with this server's intake key
// filled in) and GET /bundle/* (the signed bundle channel, a folder written by `kiosk-bundle build` or `publish`).
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Hono, type Context } from 'hono';
import { publicPartOf } from '../../core/config/kiosk-config.ts';
import type { IntakeKey } from '../../core/crypto/sealed-box.ts';
import { CHANNEL_LAYOUT_HEADER, CHANNEL_MARKER } from '../../kiosk/bundle/channel-reader.ts';
import { channelFileTypes } from '../channel-types.ts';
import {
  bundleCacheControl,
  notModified,
  readServedFile,
  safeJoin,
  NO_CACHE,
  type FileHit,
} from '../files.ts';
import { errorBody } from '../http/errors.ts';
import { kioskOf } from '../http/kiosk-auth.ts';
import { errorFields, type Logger } from '../log.ts';
import { sha256Hex } from '../store.ts';

export interface ChannelRoutesDeps {
  bundleDir: string | null;
  kioskConfigFile: string | null;
  intakeKey: IntakeKey;
  logger: Logger;
}

/** A file answer with its cache policy and ETag (304 when the client has it). */
export function sendFile(c: Context, hit: FileHit, cacheControl: string) {
  c.header('Cache-Control', cacheControl);
  c.header('ETag', hit.etag);
  if (notModified(c.req.header('if-none-match'), hit.etag)) return c.body(null, 304);
  c.header('Content-Type', hit.type);
  c.header('Content-Length', String(hit.body.byteLength));
  return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(hit.body as Uint8Array<ArrayBuffer>, 200);
}

/** Types a browser would run scripts in. */
const ACTIVE_CONTENT = /^(text\/html|image\/svg\+xml|application\/xhtml\+xml|text\/xml|application\/xml)\b/i;
export const ATTACHMENT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** The site named in the kiosk-config file, or null when there is none (no file, unreadable). */
export async function readKioskConfigSite(file: string | null): Promise<string | null> {
  if (!file) return null;
  try {
    const site = (JSON.parse(await readFile(file, 'utf8')) as { site?: unknown }).site;
    return typeof site === 'string' ? site : null;
  } catch {
    return null;
  }
}

export function channelRoutes(deps: ChannelRoutesDeps): Hono {
  const { intakeKey, logger } = deps;
  const app = new Hono();

  app.on(['GET', 'HEAD'], '/kiosk-config.json', async (c) => {
    if (!deps.kioskConfigFile) return c.json(errorBody('not_found', '服务器未配置 --kiosk-config'), 404);
    let config: Record<string, unknown>;
    try {
      config = JSON.parse(await readFile(deps.kioskConfigFile, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      logger.error('kiosk_config_unreadable', errorFields(e));
      return c.json(errorBody('kiosk_config_unreadable', 'kiosk-config 文件无法读取或不是 JSON'), 500);
    }
    // The staff section (the PIN's hash) only for a request signed by an enrolled kiosk (app.ts guards this URL).
    if (!kioskOf(c)) config = publicPartOf(config);
    // The server is the intake server: fill in its public key when the site file leaves it empty.
    if (config.intakePublicKey === null || config.intakePublicKey === undefined)
      config.intakePublicKey = intakeKey.publicJwk;
    const body = new TextEncoder().encode(JSON.stringify(config, null, 2));
    return sendFile(
      c,
      {
        path: deps.kioskConfigFile,
        body,
        etag: `"${sha256Hex(new TextDecoder().decode(body)).slice(0, 27)}"`,
        type: 'application/json; charset=utf-8',
      },
      NO_CACHE,
    );
  });

  const channelFileType = deps.bundleDir ? channelFileTypes(deps.bundleDir) : null;
  app.on(['GET', 'HEAD'], '/bundle/*', async (c) => {
    if (!deps.bundleDir) return c.text('Not Found', 404);
    const full = safeJoin(deps.bundleDir, c.req.path.slice('/bundle/'.length));
    if (!full) return c.text('Not Found', 404);
    const rel = relative(deps.bundleDir, full).split('\\').join('/');
    const policy = bundleCacheControl(rel);
    const hit = await readServedFile(full, policy.strongEtag);
    if (!hit) return c.text('Not Found', 404);
    const contentAddressed = /^files\/([0-9a-f]{64})$/.exec(rel);
    if (contentAddressed && channelFileType) hit.type = await channelFileType(contentAddressed[1]!);
    // A channel written by `kiosk-bundle publish` also holds files/<sha256>: kiosks read those (consistent even
    // while a publish is under way) instead of probing for them.
    // A bundle's HTML or SVG attachment (a QR code sends phones here) would otherwise run its scripts on this
    // origin, the kiosk's own: sandboxed, with no resources, and downloaded rather than shown.
    if (ACTIVE_CONTENT.test(hit.type)) {
      c.header('Content-Security-Policy', ATTACHMENT_CSP);
      c.header('Content-Disposition', 'attachment');
    }
    if (rel === 'manifest.json' && (await readServedFile(join(deps.bundleDir, CHANNEL_MARKER))))
      c.header(CHANNEL_LAYOUT_HEADER, 'content-addressed');
    return sendFile(c, hit, policy.cacheControl);
  });

  return app;
}
