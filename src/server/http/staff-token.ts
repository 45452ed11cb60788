// The staff bearer token's middleware for /api/v1/staff/*: 403 when the server has no token, 401 (before the body
// is read) when the request's token is missing or wrong; compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';
import { sha256Hex } from '../store.ts';
import { errorBody } from './errors.ts';

function sha256Bytes(s: string): Buffer {
  return Buffer.from(sha256Hex(s), 'hex');
}

export function staffTokenGuard(staffToken: string | null, logger: Logger): MiddlewareHandler {
  const tokenDigest = staffToken ? sha256Bytes(staffToken) : null;
  return async (c, next) => {
    if (!tokenDigest) {
      return c.json(
        errorBody('staff_disabled', '服务器未配置工作人员令牌（--staff-token 或 KIOSK_STAFF_TOKEN）'),
        403,
      );
    }
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !timingSafeEqual(sha256Bytes(m[1]!), tokenDigest)) {
      c.header('WWW-Authenticate', 'Bearer');
      logger.warn('staff_unauthorized', { path: c.req.path });
      return c.json(errorBody('unauthorized', '需要工作人员令牌（Authorization: Bearer …）'), 401);
    }
    await next();
  };
}
