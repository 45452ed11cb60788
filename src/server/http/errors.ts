// The server's one error shape, { error: { code, message, path, …extra } }, and the small request helpers every
// route module shares: a 4xx always carries a machine-readable code and the path of the bad field.
import type { Context } from 'hono';
import type { z } from 'zod';
import { formatIssuePath } from '../../core/bundle/schema.ts';
import { unstorableTextPath } from './storable-text.ts';

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

/**
 * The body as JSON. Not ok when it is not JSON, or holds text the database cannot store (`badTextPath`: a NUL, a
 * lone surrogate), which would otherwise be a 500 wherever it reached a jsonb column.
 */
export async function readJson(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; badTextPath?: string }> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text()) as unknown;
  } catch {
    return { ok: false };
  }
  const bad = unstorableTextPath(value);
  return bad ? { ok: false, badTextPath: bad } : { ok: true, value };
}

/** The 400 body for a request readJson refused. */
export function unreadableBody(raw: { badTextPath?: string }): ErrorBody {
  return raw.badTextPath
    ? errorBody('invalid_text', '文字中含有无法保存的控制字符（例如 NUL）', raw.badTextPath)
    : errorBody('invalid_json', '请求体不是有效的 JSON');
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
