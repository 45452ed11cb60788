// GET /staff/status: one HTML page listing every kiosk's last heartbeat, with stale, offline, backlog and frozen
// kiosks flagged, and above it the unhandled 呼叫工作人员 calls, each with a button that marks it handled
// (POST /staff/events/:id/ack). Behind the staff token (?token=…, Authorization: Bearer …, or Basic with the token as
// password); the button's form also carries a value derived from the token, so another site cannot post it.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CspReportSummary } from './csp.ts';
import { callState, type CallState, type StoredEvent } from './events-store.ts';
import { DEFAULT_TIME_ZONE, localTime, zoneLabel } from './site-time.ts';

/** A kiosk that has not reported for this long is stale. */
export const STALE_MS = 15 * 60_000;

export interface HeartbeatRow {
  kioskId: string;
  receivedAt: string;
  body: unknown;
}

/** The event store's part the page uses (events-store.ts). */
export interface StaffCalls {
  list(filter: { unhandled?: boolean; kind?: 'call-staff'; limit?: number }): Promise<StoredEvent[]>;
  ack(id: number, at: Date): Promise<StoredEvent | null>;
}

export interface StatusPageDeps {
  staffToken: string | null;
  latestHeartbeats: () => Promise<HeartbeatRow[]>;
  now: () => Date;
  /** Unhandled 呼叫工作人员 calls; without it the page shows kiosks only. */
  events?: StaffCalls;
  /** What the kiosk pages' Content-Security-Policy blocked since the server started (csp.ts). */
  cspReports?: () => CspReportSummary;
  /** The site's time zone (kiosk-config timeZone); Asia/Shanghai without it. */
  timeZone?: () => Promise<string>;
}

/** CSP reports listed on the page at most (newest first). */
const CSP_SHOWN = 5;

function renderCspReports(csp: CspReportSummary, timeZone: string): string {
  const e = escapeHtml;
  if (!csp.count)
    return '<h2>页面安全策略</h2>\n<p class="good">自服务启动以来，终端页面没有被拦截的内容。</p>\n';
  const rows = csp.recent
    .slice(0, CSP_SHOWN)
    .map(
      (r) =>
        `<tr><td>${e(siteTime(r.at, timeZone))}</td><td>${e(r.directive)}</td><td>${e(r.blocked)}</td><td>${e(r.document)}</td><td>${e(r.source)}${r.line !== null ? `:${r.line}` : ''}</td></tr>`,
    )
    .join('\n');
  return `<h2>页面安全策略</h2>
<p><span class="flag">需要关注</span> 自服务启动以来拦截 ${csp.count} 次：终端页面有内容未按构建的方式运行（可能是程序更新不完整，或内容中夹带了脚本）。最近 ${Math.min(csp.count, CSP_SHOWN)} 次：</p>
<table>
<thead><tr><th scope="col">时间</th><th scope="col">规则</th><th scope="col">被拦截</th><th scope="col">页面</th><th scope="col">来源</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
`;
}

/** Calls listed on the page at most (newest first). */
export const CALLS_SHOWN = 50;

export const CALL_STATE_LABELS: Record<Exclude<CallState, 'handled'>, string> = {
  open: '待处理',
  expired: '已过期',
};

export type KioskFlag = 'stale' | 'offline' | 'backlog' | 'frozen';

export const FLAG_LABELS: Record<KioskFlag, string> = {
  stale: '失联',
  offline: '离线',
  backlog: '积压',
  frozen: '内容过期',
};

export interface KioskRow {
  kioskId: string;
  site: string;
  receivedAt: string;
  appVersion: string;
  bundleVersion: string;
  bundleExpiresAt: string;
  lastCheckOk: string;
  pending: number;
  rejected: number;
  acknowledged: number;
  lastSync: string;
  storage: string;
  flags: KioskFlag[];
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function mb(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${(v / 1024 / 1024).toFixed(1)} MB` : '—';
}

/** Reads a heartbeat defensively (kiosks of other versions send other shapes) and flags it. */
export function kioskRow(hb: HeartbeatRow, now: Date): KioskRow {
  const b = obj(hb.body);
  const bundle = obj(b.bundle);
  const outbox = obj(b.outbox);
  const storage = obj(b.storage);
  const flags: KioskFlag[] = [];
  const received = Date.parse(hb.receivedAt);
  if (!Number.isFinite(received) || now.getTime() - received > STALE_MS) flags.push('stale');
  if (b.online === false) flags.push('offline');
  const pending = num(outbox.pending);
  const rejected = num(outbox.rejected);
  if (pending > 0 || rejected > 0) flags.push('backlog');
  const expires = Date.parse(str(bundle.expiresAt));
  if (bundle.frozen === true || (Number.isFinite(expires) && expires <= now.getTime())) flags.push('frozen');
  return {
    kioskId: hb.kioskId,
    site: str(b.site),
    receivedAt: hb.receivedAt,
    appVersion: str(b.appVersion),
    bundleVersion: str(bundle.version),
    bundleExpiresAt: str(bundle.expiresAt),
    lastCheckOk: str(b.lastCheckOk),
    pending,
    rejected,
    acknowledged: num(outbox.acknowledged),
    lastSync: str(b.lastSync),
    storage: `${mb(storage.usage)} / ${mb(storage.quota)}${storage.persisted === true ? '（持久）' : storage.persisted === false ? '（非持久：浏览器空间紧张时可能清除内容和未发送的申请，处理办法见 DEPLOY.md“持久存储”）' : ''}`,
    flags,
  };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

function ago(iso: string, now: Date): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '—';
  const min = Math.round((now.getTime() - t) / 60_000);
  if (min < 1) return '刚刚';
  if (min < 60) return `${min} 分钟前`;
  if (min < 48 * 60) return `${Math.round(min / 60)} 小时前`;
  return `${Math.round(min / 1440)} 天前`;
}

/** Local time in the site's zone, e.g. 2026-11-23 18:05; — when missing. */
function siteTime(iso: string, timeZone: string): string {
  return localTime(iso, timeZone) || '—';
}

export interface CallsSection {
  calls: StoredEvent[];
  /** Appended to the form's action (`?token=…` when the page was opened that way). */
  query: string;
  /** The hidden form value proving the form came from this page. */
  formKey: string;
}

function renderCalls(section: CallsSection, now: Date, timeZone: string): string {
  const e = escapeHtml;
  const calls = section.calls
    .map((c) => ({ c, state: callState(c, now) }))
    .filter((x): x is { c: StoredEvent; state: 'open' | 'expired' } => x.state !== 'handled')
    // Open calls first (newest first within each group, as listed).
    .sort((a, b) => Number(a.state === 'expired') - Number(b.state === 'expired'));
  const open = calls.filter((x) => x.state === 'open').length;
  const rows = calls
    .map(
      ({ c, state }) => `<tr class="call call-${state}" data-call="${c.id}">
<th scope="row">${e(c.kioskId ?? '（未上报终端编号）')}<div class="sub">${e(c.site)}</div></th>
<td><span class="${state === 'open' ? 'flag' : 'expired'}">${CALL_STATE_LABELS[state]}</span></td>
<td>${e(ago(c.receivedAt, now))}<div class="sub">${e(siteTime(c.receivedAt, timeZone))}（${e(zoneLabel(timeZone))}）</div></td>
<td>${c.repeatCount > 0 ? `又按了 ${c.repeatCount} 次<div class="sub">最近 ${e(ago(c.lastReceivedAt, now))}</div>` : '—'}</td>
<td><form method="post" action="/staff/events/${c.id}/ack${e(section.query)}"><input type="hidden" name="key" value="${e(section.formKey)}"><button type="submit" aria-label="标记 ${e(c.kioskId ?? c.site)} 的呼叫为已处理">已处理</button></form></td>
</tr>`,
    )
    .join('\n');
  return `<h2>呼叫工作人员</h2>
<p class="calls-summary">${open ? `<strong>${open} 个呼叫待处理</strong>` : '没有待处理的呼叫'}${calls.length > open ? `，${calls.length - open} 个已过期（超过 3 小时未处理）` : ''}。</p>
${
  rows
    ? `<table class="calls">
<thead><tr><th scope="col">终端</th><th scope="col">状态</th><th scope="col">呼叫时间</th><th scope="col">重复呼叫</th><th scope="col">操作</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : ''
}
`;
}

export function renderStatusPage(
  rows: KioskRow[],
  now: Date,
  calls?: CallsSection,
  csp?: CspReportSummary,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const e = escapeHtml;
  const zone = e(zoneLabel(timeZone));
  const flagged = rows.filter((r) => r.flags.length).length;
  const openCalls = calls ? calls.calls.filter((c) => callState(c, now) === 'open').length : 0;
  const body = rows
    .map(
      (r) => `<tr class="${r.flags.length ? 'flagged' : 'ok'}" data-kiosk="${e(r.kioskId)}">
<th scope="row">${e(r.kioskId)}<div class="sub">${e(r.site)}</div></th>
<td>${r.flags.length ? r.flags.map((f) => `<span class="flag flag-${f}">${FLAG_LABELS[f]}</span>`).join(' ') : '<span class="good">正常</span>'}</td>
<td>${e(ago(r.receivedAt, now))}<div class="sub">${e(siteTime(r.receivedAt, timeZone))}</div></td>
<td>${e(r.appVersion || '—')}</td>
<td>${e(r.bundleVersion || '—')}<div class="sub">到期 ${e(r.bundleExpiresAt ? siteTime(r.bundleExpiresAt, timeZone) : '—')}</div></td>
<td>${e(r.lastCheckOk ? ago(r.lastCheckOk, now) : '—')}</td>
<td>待发送 ${r.pending} · 退回 ${r.rejected} · 已送达 ${r.acknowledged}<div class="sub">最近同步 ${e(r.lastSync ? ago(r.lastSync, now) : '—')}</div></td>
<td>${e(r.storage)}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="60">
<title>${openCalls ? `(${openCalls}) 呼叫 · ` : ''}终端状态 · 政务公开专区</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:24px;color:#111}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #5a6472;padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:#0a3a82;color:#fff}
tr.flagged{background:#fff4f4}
.sub{color:#333;font-size:13px}
.flag{display:inline-block;padding:0 6px;border-radius:4px;background:#9b1c1c;color:#fff;margin:1px}
.good{color:#14532d}
.expired{display:inline-block;padding:0 6px;border-radius:4px;background:#5a6472;color:#fff}
table.calls{margin-bottom:24px}
tr.call-open{background:#fff4f4}
button{font:inherit;padding:4px 12px}
</style>
</head>
<body>
<h1>终端状态</h1>
${calls ? `${renderCalls(calls, now, timeZone)}<h2>终端</h2>\n` : ''}<p>共 ${rows.length} 台终端，${flagged} 台需要关注（失联：超过 15 分钟没有上报）。生成于 ${e(siteTime(now.toISOString(), timeZone))}（${zone}），时间均为${zone}，每分钟自动刷新。</p>
<table>
<thead><tr><th scope="col">终端</th><th scope="col">状态</th><th scope="col">最近上报</th><th scope="col">程序版本</th><th scope="col">内容版本</th><th scope="col">最近检查更新</th><th scope="col">申请</th><th scope="col">存储</th></tr></thead>
<tbody>
${body || '<tr><td colspan="8">还没有终端上报。</td></tr>'}
</tbody>
</table>
${csp ? renderCspReports(csp, timeZone) : ''}</body>
</html>
`;
}

import { staffPageGuard } from './http/staff-page-guard.ts';
export { formKey, presentedToken } from './http/staff-page-guard.ts';

export function registerStatusPage(app: Hono, deps: StatusPageDeps): void {
  const guard = staffPageGuard(deps.staffToken);
  const refuse = (c: Context) => guard.refuse(c);
  const tokenQuery = (c: Context) => guard.tokenQuery(c);

  app.get('/staff/status', async (c) => {
    const refused = refuse(c);
    if (refused) return refused;
    const now = deps.now();
    const [heartbeats, calls] = await Promise.all([
      deps.latestHeartbeats(),
      deps.events ? deps.events.list({ unhandled: true, kind: 'call-staff', limit: CALLS_SHOWN }) : null,
    ]);
    const rows = heartbeats.map((hb) => kioskRow(hb, now));
    // Kiosks needing attention first, then by id.
    rows.sort(
      (a, b) => Number(!a.flags.length) - Number(!b.flags.length) || a.kioskId.localeCompare(b.kioskId),
    );
    return c.html(
      renderStatusPage(
        rows,
        now,
        calls ? { calls, query: tokenQuery(c), formKey: guard.formKey } : undefined,
        deps.cspReports?.(),
        deps.timeZone ? await deps.timeZone() : DEFAULT_TIME_ZONE,
      ),
    );
  });

  // The page's 已处理 button (an HTML form: the API route is POST /api/v1/staff/events/:id/ack with Bearer).
  app.post(
    '/staff/events/:id/ack',
    bodyLimit({ maxSize: 4 * 1024, onError: (c) => c.text('请求体太大', 413) }),
    async (c) => {
      const refused = refuse(c);
      if (refused) return refused;
      if (!deps.events) return c.text('Not Found', 404);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      if (!guard.formKeyOk(form.key)) return c.text('表单已失效，请刷新终端状态页后再试', 403);
      const id = c.req.param('id');
      if (!/^[1-9]\d{0,8}$/.test(id)) return c.text('事件编号不对', 400);
      const event = await deps.events.ack(Number(id), deps.now());
      if (!event) return c.text('没有这个呼叫', 404);
      return c.redirect(`/staff/status${tokenQuery(c)}`, 303);
    },
  );
}
