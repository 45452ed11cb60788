// The guard of the staff's browser pages (/staff/status, /staff/shelf): a browser cannot send a Bearer header, so
// the staff token comes as ?token= or Basic (any user name, the token as password); forms carry a key derived from
// the token, so only a page served to staff can post them. The pages are never cached, framed or referred.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The token from ?token=, Bearer, or Basic (any user name, the token as password). */
export function presentedToken(url: string, authorization: string | undefined): string | null {
  const q = new URL(url, 'http://x').searchParams.get('token');
  if (q) return q;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    return i >= 0 ? decoded.slice(i + 1) : null;
  }
  return null;
}

/** The hidden form value: derived from the staff token, so only a page served to staff can hold it. */
export function formKey(staffToken: string): string {
  return createHmac('sha256', staffToken).update('staff-status-form').digest('base64url');
}

export interface StaffPageGuard {
  /** null when the request carries the staff token; otherwise the answer to send (403 unconfigured, 401). */
  refuse(c: Context): Response | null;
  /** Whether a posted form's key is the one the staff pages carry. */
  formKeyOk(given: unknown): boolean;
  /** The key to put in the pages' forms ('' when no staff token is configured: every page is refused then). */
  readonly formKey: string;
  /** `?token=…` again when the page was opened with it (Basic auth is resent by the browser on its own). */
  tokenQuery(c: Context): string;
}

export function staffPageGuard(staffToken: string | null): StaffPageGuard {
  const expected = staffToken ? digest(staffToken) : null;
  const key = staffToken ? formKey(staffToken) : '';
  const keyDigest = digest(key);
  return {
    formKey: key,
    refuse(c) {
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      );
      if (!expected) return c.text('服务器未配置工作人员令牌（--staff-token 或 KIOSK_STAFF_TOKEN）', 403);
      const token = presentedToken(c.req.url, c.req.header('authorization'));
      if (!token || !timingSafeEqual(digest(token), expected)) {
        c.header('WWW-Authenticate', 'Basic realm="staff", charset="UTF-8"');
        return c.text('需要工作人员令牌', 401);
      }
      return null;
    },
    formKeyOk(given) {
      return !!expected && typeof given === 'string' && timingSafeEqual(digest(given), keyDigest);
    },
    tokenQuery(c) {
      const q = new URL(c.req.url).searchParams.get('token');
      return q ? `?token=${encodeURIComponent(q)}` : '';
    },
  };
}
