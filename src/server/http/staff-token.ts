// The staff bearer token's middleware for /api/v1/staff/*: 403 when the server has no token, 401 (before the body
// is read) when the request's token is missing or wrong; compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';
import { sha256Hex } from '../store.ts';
import { errorBody } from './errors.ts';

/** A staff token shorter than this is refused at start: it guards every applicant's personal data. */
export const MIN_STAFF_TOKEN_LENGTH = 24;

export class StaffTokenError extends Error {
  override name = 'StaffTokenError';
}

/** Throws StaffTokenError for a token too short or too uniform to guard the register. */
export function checkStaffToken(token: string): void {
  if (token.length < MIN_STAFF_TOKEN_LENGTH || new Set(token).size < 8) {
    throw new StaffTokenError(
      `工作人员令牌太短或太简单：至少 ${MIN_STAFF_TOKEN_LENGTH} 个字符，且不少于 8 种不同字符（例如 openssl rand -base64 24）。` +
        ` The staff token must have at least ${MIN_STAFF_TOKEN_LENGTH} characters, 8 of them different` +
        ` (e.g. openssl rand -base64 24).`,
    );
  }
}

function sha256Bytes(s: string): Buffer {
  return Buffer.from(sha256Hex(s), 'hex');
}

/** The guard; main.ts refuses a weak token at start (checkStaffToken), tests may use short ones. */
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
