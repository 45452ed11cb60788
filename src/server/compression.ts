// Response compression (gzip, through hono/compress and the platform's CompressionStream) for text responses:
// HTML, JS, CSS, JSON, the web manifest, SVG, plain text and CSV. Images, fonts, PDFs, office files, archives and
// application/octet-stream (the channel's files/<sha256>) are sent as they are.
//
// Transparent content-encoding only: the decoded bytes are the file's bytes, so a kiosk's hash check of a bundle
// file is unaffected. A compressed response has no Content-Length, `Vary: Accept-Encoding`, and its ETag made weak
// (hono/compress), and the server compares If-None-Match weakly, so a revalidation of either representation gets a
// 304. 206 responses, HEAD, `Cache-Control: no-transform` and already encoded responses are left alone.
import type { Context, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/** Content types worth compressing (server-sent events excepted: they must stream). */
export const COMPRESSIBLE_TYPE =
  /^\s*(?:text\/(?!event-stream)[^;\s]+|application\/(?:json|manifest\+json|javascript|xml)|image\/svg\+xml)(?:[;\s]|$)/i;

/** Smaller bodies are sent as they are: gzip's ~20 bytes of framing would eat the gain. */
export const COMPRESS_THRESHOLD = 1024;

const acceptsGzip = (header: string | undefined): boolean =>
  (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const coding = name!.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });

const addVary = (c: Context): void => {
  const vary = c.res.headers.get('Vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  c.res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
};

export function compression(options: { threshold?: number } = {}): MiddlewareHandler {
  const threshold = options.threshold ?? COMPRESS_THRESHOLD;
  const gzip = compress({ encoding: 'gzip', threshold, contentTypeFilter: COMPRESSIBLE_TYPE });
  return async (c, next) => {
    await gzip(c, async () => {
      await next();
      // hono/compress applies its threshold to Content-Length only; c.json/c.html/c.text bodies have none yet.
      // They are strings in memory: measure them so a small JSON answer is not wrapped in gzip framing.
      const res = c.res;
      if (
        c.req.method !== 'HEAD' &&
        res.body &&
        !res.headers.has('Content-Length') &&
        !res.headers.has('Content-Encoding') &&
        COMPRESSIBLE_TYPE.test(res.headers.get('Content-Type') ?? '')
      ) {
        const bytes = new Uint8Array(await res.arrayBuffer());
        c.res = new Response(bytes, res);
        c.res.headers.set('Content-Length', String(bytes.byteLength));
      }
    });
    // A 304 carries the validators the 200 would have: the same Vary, and the weak ETag of the gzip variant.
    if (c.res.status === 304 && c.res.headers.has('ETag')) {
      addVary(c);
      const etag = c.res.headers.get('ETag')!;
      if (!etag.startsWith('W/') && acceptsGzip(c.req.header('Accept-Encoding')))
        c.res.headers.set('ETag', `W/${etag}`);
    }
  };
}
