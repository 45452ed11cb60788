// The server's one error shape, { error: { code, message, path, …extra } }, and the small request helpers every
// route module shares: a 4xx always carries a machine-readable code and the path of the bad field.
import type { Context } from 'hono';
import type { z } from 'zod';
import { formatIssuePath } from '../../core/bundle/schema.ts';

export type ErrorBody = {
  error: { code: string; message: string; path: string | null; [k: string]: unknown };
};

export function errorBody(
  code: string,
  message: string,
  path: string | null = null,
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message, path, ...extra } };
}

/** The first issue of a zod error as an error body. */
export function zodError(e: z.ZodError, code: string): ErrorBody {
  const issue = e.issues[0];
  return errorBody(code, issue ? issue.message : 'invalid', issue ? formatIssuePath(issue.path) : null);
}

export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await c.req.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

/** bodyLimit's onError: 413 with the limit in both languages. */
export function tooLarge(limit: number) {
  return (c: Context) =>
    c.json(
      errorBody(
        'payload_too_large',
        `请求体超过 ${limit} 字节的上限（request body larger than ${limit} bytes）`,
      ),
      413,
    );
}
