// The kiosk app's Content-Security-Policy, and the endpoint browsers report violations to.
// The kiosk shows content written by many hands (guides, interpretations, notices) on a public terminal: the
// Markdown sanitiser is the first guard, this policy the second. No inline or eval'd script, no plugins, no
// framing, and the network only to this server and the addresses kiosk-config names (an intake server or a
// bundle channel elsewhere).
import { stat, readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from './log.ts';
import { TokenBucketLimiter } from './rate-limit.ts';

export const CSP_REPORT_PATH = '/api/v1/csp-report';

/** The origins of the absolute http(s) URLs among kiosk-config's server, channel and ID-card reader addresses. */
export function configOrigins(config: unknown): string[] {
  if (!config || typeof config !== 'object') return [];
  const c = config as Record<string, unknown>;
  const out = new Set<string>();
  for (const key of ['serverUrl', 'bundleChannelUrl']) {
    const v = c[key];
    if (typeof v !== 'string' || !/^https?:\/\//i.test(v)) continue;
    try {
      out.add(new URL(v).origin);
    } catch {
      /* not a URL: the kiosk's own config check reports it */
    }
  }
  // The terminal's ID-card reader service on localhost (issue 14), when one is configured.
  const reader = c.idCardReader as { protocol?: unknown; url?: unknown } | null | undefined;
  if (reader?.protocol === 'cvr-http') {
    const url = typeof reader.url === 'string' && reader.url ? reader.url : 'http://127.0.0.1:19196';
    try {
      if (/^https?:\/\//i.test(url)) out.add(new URL(url).origin);
    } catch {
      /* not a URL: no reader origin */
    }
  }
  return [...out].sort();
}

/** The policy for the kiosk's pages and workers, given the other origins it may fetch from. */
export function kioskContentSecurityPolicy(extraOrigins: readonly string[] = []): string {
  const connect = ["'self'", ...extraOrigins].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    // Attachment images come out of IndexedDB as blob: URLs; QR codes are inline SVG.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
  ].join('; ');
}

/**
 * The header value for the kiosk's static files, following kiosk-config (read again when the file changes, as
 * /kiosk-config.json is, so editing its addresses needs no restart).
 */
export function kioskCspSource(kioskConfigFile: string | null, logger: Logger): () => Promise<string> {
  let cached: { mtimeMs: number; header: string } | null = null;
  const plain = kioskContentSecurityPolicy();
  return async () => {
    if (!kioskConfigFile) return plain;
    try {
      const { mtimeMs } = await stat(kioskConfigFile);
      if (cached?.mtimeMs === mtimeMs) return cached.header;
      const origins = configOrigins(JSON.parse(await readFile(kioskConfigFile, 'utf8')) as unknown);
      cached = { mtimeMs, header: kioskContentSecurityPolicy(origins) };
      return cached.header;
    } catch (e) {
      // /kiosk-config.json answers 500 in this case and logs why; the pages stay same-origin only.
      logger.debug('csp_config_unreadable', { message: (e as Error).message });
      return plain;
    }
  };
}

/** A URL as logged: origin and path, never the query (it could carry a visitor's search). */
function redactUrl(v: unknown): string {
  if (typeof v !== 'string' || !v) return '';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return v.slice(0, 40); // 'inline', 'eval', 'data', 'blob'…
  try {
    const u = new URL(v);
    return `${u.origin}${u.pathname}`.slice(0, 200);
  } catch {
    return v.slice(0, 40);
  }
}

export interface CspReportLimits {
  /** Bytes of one report. */
  bytes: number;
  /** Reports logged per second across all kiosks (a broken page may send one per element). */
  rate: { capacity: number; refillPerSecond: number };
}

export const DEFAULT_CSP_REPORT_LIMITS: CspReportLimits = {
  bytes: 8 * 1024,
  rate: { capacity: 20, refillPerSecond: 1 },
};

export interface CspViolation {
  at: string;
  directive: string;
  blocked: string;
  document: string;
  source: string;
  line: number | null;
}

/** What the server heard since it started: the count, and the latest few (for staff and for the e2e tests). */
export interface CspReportSummary {
  count: number;
  recent: CspViolation[];
}

const RECENT_KEPT = 20;

/**
 * POST /api/v1/csp-report: logs what the browser blocked, so a broken page shows up in the server's log; and
 * GET /api/v1/staff/csp-reports (staff token, checked by app.ts for every /api/v1/staff/* path registered after
 * its middleware): the count since start and the latest reports.
 */
export function registerCspReports(
  app: Hono,
  {
    logger,
    now,
    limits = DEFAULT_CSP_REPORT_LIMITS,
  }: { logger: Logger; now: () => Date; limits?: CspReportLimits },
): CspReportSummary {
  const limiter = new TokenBucketLimiter({ ...limits.rate, maxKeys: 1 });
  const summary: CspReportSummary = { count: 0, recent: [] };
  app.get('/api/v1/staff/csp-reports', (c) => c.json(summary));
  app.post(
    CSP_REPORT_PATH,
    bodyLimit({
      maxSize: limits.bytes,
      onError: (c) =>
        c.json({ error: { code: 'payload_too_large', message: 'CSP report too large', path: null } }, 413),
    }),
    async (c) => {
      let report: Record<string, unknown>;
      try {
        const raw = JSON.parse(await c.req.text()) as { 'csp-report'?: unknown };
        const inner = raw?.['csp-report'];
        if (!inner || typeof inner !== 'object') throw new Error('no "csp-report" object');
        report = inner as Record<string, unknown>;
      } catch (e) {
        return c.json(
          {
            error: {
              code: 'bad_report',
              message: `不是 CSP 报告（not a CSP report）: ${(e as Error).message}`,
              path: null,
            },
          },
          400,
        );
      }
      const violation: CspViolation = {
        at: now().toISOString(),
        directive: String(report['effective-directive'] ?? report['violated-directive'] ?? '').slice(0, 60),
        blocked: redactUrl(report['blocked-uri']),
        document: redactUrl(report['document-uri']),
        source: redactUrl(report['source-file']),
        line: typeof report['line-number'] === 'number' ? report['line-number'] : null,
      };
      summary.count++;
      summary.recent = [violation, ...summary.recent].slice(0, RECENT_KEPT);
      if (limiter.take('all').ok) {
        const { at: _at, ...fields } = violation;
        logger.warn('csp_violation', fields);
      }
      return c.body(null, 204);
    },
  );
  return summary;
}
