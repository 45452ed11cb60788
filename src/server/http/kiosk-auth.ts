// The enrolled-kiosk guard: a kiosk request must carry an RFC 9421 signature (src/core/auth/request-signature.ts)
// by an enrolled, unrevoked kiosk key, made within the replay window and not seen before. Everything about the
// signature is checked before a byte of the body is read (401); then the body is read up to the route's limit
// (413) and must match the signed Content-Digest (401). The kiosk's record is left in the context for the route
// (its site and id replace whatever the body claims) and its own token bucket limits it.
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { parseSignatureHeaders, REPLAY_WINDOW_SECONDS } from '../../core/auth/request-signature.ts';
import type { EnrolledKiosk, KioskStore } from '../kiosk-store.ts';
import type { Logger } from '../log.ts';
import { TokenBucketLimiter } from '../rate-limit.ts';
import { errorBody, tooLarge } from './errors.ts';
import { contentDigestSync, verifySignatureSync } from './verify-signature.ts';

export type KioskAuthVariables = { kiosk: EnrolledKiosk | undefined };

export interface KioskAuthOptions {
  kiosks: KioskStore;
  logger: Logger;
  now: () => Date;
  replay: ReplayCache;
  /** false: an unsigned request passes without a kiosk (GET /kiosk-config.json's public part). */
  required: boolean;
  /** The route's body limit, bytes (0 for GET). */
  maxBodyBytes: number;
  /** Per enrolled kiosk. */
  rate?: { capacity: number; refillPerSecond: number };
  /** Names the limit in logs. */
  name: string;
}

/** Signatures seen within the replay window: the same signature twice is a replay. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  /** true when new (and now remembered), false when already seen. */
  remember(signature: string, expiresAtSeconds: number, nowSeconds: number): boolean {
    if (this.seen.has(signature)) return false;
    if (this.seen.size >= 50_000) for (const [k, exp] of this.seen) if (exp < nowSeconds) this.seen.delete(k);
    this.seen.set(signature, expiresAtSeconds);
    return true;
  }
}

/** The enrolled kiosk a guarded request came from (undefined on an optional route's unsigned request). */
export function kioskOf(c: Context): EnrolledKiosk | undefined {
  return (c as Context<{ Variables: KioskAuthVariables }>).get('kiosk');
}

export function kioskAuth(opts: KioskAuthOptions): MiddlewareHandler<{ Variables: KioskAuthVariables }> {
  const { kiosks, logger } = opts;
  const limiter = opts.rate ? new TokenBucketLimiter({ ...opts.rate, maxKeys: 10_000 }) : null;
  const refuse = (c: Context, code: string, why: string) => {
    logger.warn('kiosk_unauthorized', { path: c.req.path, code, why });
    c.header('WWW-Authenticate', 'Signature');
    return c.json(
      errorBody(code, `需要已登记终端的签名（${why}）`, null, { serverTime: opts.now().toISOString() }),
      401,
    );
  };
  return async (c, next) => {
    const hasSignature =
      c.req.header('signature') !== undefined || c.req.header('signature-input') !== undefined;
    if (!opts.required && !hasSignature) return next();
    const parsed = parseSignatureHeaders((n) => c.req.header(n));
    if (typeof parsed === 'string') return refuse(c, 'kiosk_unauthenticated', parsed);
    const nowSeconds = Math.floor(opts.now().getTime() / 1000);
    if (Math.abs(nowSeconds - parsed.created) > REPLAY_WINDOW_SECONDS)
      return refuse(c, 'signature_stale', 'signature time outside the replay window; check the kiosk clock');
    const live = await kiosks.find(parsed.keyId);
    if (!live) return refuse(c, 'kiosk_not_enrolled', 'key not enrolled or revoked');
    const url = new URL(c.req.url);
    const ok = verifySignatureSync(live.verifyKey, parsed, {
      method: c.req.method,
      path: url.pathname,
      query: url.search,
    });
    if (!ok) return refuse(c, 'bad_signature', 'signature does not match the request');
    if (!opts.replay.remember(parsed.signatureText, parsed.created + REPLAY_WINDOW_SECONDS, nowSeconds))
      return refuse(c, 'replayed', 'this signed request was already received');

    if (limiter) {
      const taken = limiter.take(live.kiosk.keyId);
      if (!taken.ok) {
        c.header('Retry-After', String(taken.retryAfterSeconds));
        logger.warn('kiosk_rate_limited', { limit: opts.name, kioskId: live.kiosk.kioskId });
        return c.json(errorBody('rate_limited', `请求太频繁，请${taken.retryAfterSeconds}秒后再试`), 429);
      }
    }

    // The body, within the route's limit, must be the one signed.
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > opts.maxBodyBytes) return tooLarge(opts.maxBodyBytes)(c);
    const body = await readBody(c, opts.maxBodyBytes);
    if (body === 'too-large') {
      // The rest of the body is still on its way: this connection cannot carry another request.
      c.header('Connection', 'close');
      return tooLarge(opts.maxBodyBytes)(c);
    }
    if (contentDigestSync(body) !== parsed.contentDigest)
      return refuse(c, 'digest_mismatch', 'the body is not the one signed');
    // The route reads the checked bytes (c.req.text / json / readJson) from Hono's body cache.
    if (body.length) (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(utf8Text(body));
    c.set('kiosk', live.kiosk);
    await next();
  };
}

const utf8Text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/**
 * The request's body, at most `limit` bytes. Read straight from Node's request stream when the server runs on
 * @hono/node-server (a web ReadableStream and a second Request per request cost more than the signature check).
 */
async function readBody(c: Context, limit: number): Promise<Uint8Array | 'too-large'> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array): boolean => {
    size += chunk.length;
    if (size > limit) return false;
    chunks.push(chunk);
    return true;
  };
  if (incoming) {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      if (!take(chunk)) return 'too-large';
    }
  } else if (c.req.raw.body) {
    const reader = c.req.raw.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!take(value)) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
    }
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
