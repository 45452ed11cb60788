// The frequently requested shelf (Art. 44), mounted after the staff-token middleware in app.ts:
//   POST /api/v1/item-opened                 a kiosk reports an item page opened (no auth, rate-limited per site)
//   GET  /api/v1/published-on-request        the shelf kiosks show (public: titles staff wrote, never applicants')
//   GET  /api/v1/staff/shelf                 candidates: repeated requests and most opened items (Bearer)
//   POST /api/v1/staff/shelf/published       mark one as now published, with its web address or item (Bearer)
//   GET  /staff/shelf, POST /staff/shelf/published   the same for a browser (?token=, Bearer or Basic; form key)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { BundleDataSchemas, type CatalogueItem } from '../../core/bundle/schema.ts';
import { ItemOpenedEventSchema } from '../../core/events/schema.ts';
import { MarkPublishedSchema, type PublishedOnRequestFeed } from '../../core/shelf/shelf.ts';
import type { OpenPersonal } from '../desk/case-store.ts';
import type { Queryable } from '../db/database.ts';
import { errorBody, readJson, tooLarge, unreadableBody, zodError } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import { TokenBucketLimiter } from '../rate-limit.ts';
import { ShelfStore, type OpenedItem, type RequestCandidate } from '../shelf-store.ts';
import { staffPageGuard } from '../http/staff-page-guard.ts';

export interface ShelfRoutesDeps {
  db: Queryable;
  /** Opens an application's encrypted content (ApplicationStore.openPersonal): requests are counted by their text. */
  openPersonal: OpenPersonal;
  logger: Logger;
  staffToken: string | null;
  /** The live bundle: item names for the most opened items. */
  bundleDir: string | null;
  now: () => Date;
  /** POST /api/v1/item-opened per site: a hall's kiosks together. */
  openRate?: { capacity: number; refillPerSecond: number };
}

const BODY_BYTES = 1024;
const FORM_BYTES = 8 * 1024;

interface ItemInfo {
  name: string;
  onRequest: boolean;
}

/** Item names from <bundleDir>/data/catalogue.json, read once per minute at most. */
function catalogueNames(bundleDir: string | null, logger: Logger): () => Promise<Map<string, ItemInfo>> {
  let cached: { at: number; names: Map<string, ItemInfo> } | null = null;
  return async () => {
    if (!bundleDir) return new Map();
    if (cached && Date.now() - cached.at < 60_000) return cached.names;
    const names = new Map<string, ItemInfo>();
    try {
      const text = await readFile(join(bundleDir, 'data', 'catalogue.json'), 'utf8');
      const items: CatalogueItem[] = BundleDataSchemas.catalogue.parse(JSON.parse(text));
      for (const i of items)
        names.set(i.id, {
          name: [i.level1, i.level2, i.level3].filter(Boolean).join(' '),
          onRequest: i.disclosure.includes('onRequest'),
        });
    } catch (e) {
      logger.warn('shelf_catalogue_unreadable', { message: e instanceof Error ? e.message : String(e) });
    }
    cached = { at: Date.now(), names };
    return names;
  };
}

export function shelfRoutes(deps: ShelfRoutesDeps): Hono {
  const { logger } = deps;
  const store = new ShelfStore(deps.db, deps.openPersonal);
  const perSite = new TokenBucketLimiter({
    ...(deps.openRate ?? { capacity: 120, refillPerSecond: 2 }),
    maxKeys: 1000,
  });
  const names = catalogueNames(deps.bundleDir, logger);
  const app = new Hono();
  app.post(
    '/api/v1/item-opened',
    bodyLimit({ maxSize: BODY_BYTES, onError: tooLarge(BODY_BYTES) }),
    async (c) => {
      const raw = await readJson(c);
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
      const parsed = ItemOpenedEventSchema.safeParse(raw.value);
      if (!parsed.success) return c.json(zodError(parsed.error, 'invalid_body'), 400);
      const taken = perSite.take(parsed.data.site);
      if (!taken.ok) {
        c.header('Retry-After', String(taken.retryAfterSeconds));
        return c.json(errorBody('rate_limited', '请求太频繁（too many item-opened events）'), 429);
      }
      await store.recordOpen(parsed.data.site, parsed.data.itemId, deps.now());
      return c.body(null, 202);
    },
  );

  app.get('/api/v1/published-on-request', async (c) => {
    c.header('Cache-Control', 'no-cache');
    const feed: PublishedOnRequestFeed = { entries: await store.published() };
    return c.json(feed);
  });

  const overview = async () => {
    const [candidates, opened, published, itemNames] = await Promise.all([
      store.candidates(),
      store.mostOpened(deps.now()),
      store.published(),
      names(),
    ]);
    return { candidates, opened, published, itemNames };
  };

  app.get('/api/v1/staff/shelf', async (c) => {
    const { candidates, opened, published, itemNames } = await overview();
    return c.json({
      candidates,
      opened: opened.map((o) => ({ ...o, name: itemNames.get(o.itemId)?.name ?? null })),
      published,
    });
  });

  app.post(
    '/api/v1/staff/shelf/published',
    bodyLimit({ maxSize: FORM_BYTES, onError: tooLarge(FORM_BYTES) }),
    async (c) => {
      const raw = await readJson(c);
      if (!raw.ok) return c.json(unreadableBody(raw), 400);
      const parsed = MarkPublishedSchema.safeParse(raw.value);
      if (!parsed.success) return c.json(zodError(parsed.error, 'invalid_body'), 400);
      const entry = await store.markPublished(parsed.data, deps.now());
      logger.info('shelf_published', { id: entry.id, requests: entry.requests });
      return c.json(entry, 201);
    },
  );

  // The staff page (a browser cannot send Bearer: ?token= or Basic, as /staff/status).
  const guard = staffPageGuard(deps.staffToken);
  const refuse = (c: Context) => guard.refuse(c);
  const tokenQuery = (c: Context) => guard.tokenQuery(c);

  app.get('/staff/shelf', async (c) => {
    const refused = refuse(c);
    if (refused) return refused;
    const data = await overview();
    const message = new URL(c.req.url).searchParams.get('msg');
    return c.html(renderShelfPage({ ...data, query: tokenQuery(c), formKey: guard.formKey, message }));
  });

  app.post(
    '/staff/shelf/published',
    bodyLimit({ maxSize: FORM_BYTES, onError: (c) => c.text('请求体太大', 413) }),
    async (c) => {
      const refused = refuse(c);
      if (refused) return refused;
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      if (!guard.formKeyOk(form.key)) return c.text('表单已失效，请刷新页面后再试', 403);
      const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
      const parsed = MarkPublishedSchema.safeParse({
        agencyId: str('agencyId'),
        agencyName: str('agencyName'),
        requestKey: str('requestKey'),
        title: str('title'),
        itemId: str('itemId'),
        url: str('url'),
      });
      if (!parsed.success) {
        return c.html(
          renderShelfPage({
            ...(await overview()),
            query: tokenQuery(c),
            formKey: guard.formKey,
            message: null,
            error: parsed.error.issues[0]?.message ?? '填写有误',
          }),
          400,
        );
      }
      const entry = await store.markPublished(parsed.data, deps.now());
      logger.info('shelf_published', { id: entry.id, requests: entry.requests });
      const q = tokenQuery(c);
      return c.redirect(`/staff/shelf${q}${q ? '&' : '?'}msg=published`, 303);
    },
  );

  return app;
}

interface PageData {
  candidates: RequestCandidate[];
  opened: OpenedItem[];
  published: Awaited<ReturnType<ShelfStore['published']>>;
  itemNames: Map<string, ItemInfo>;
  query: string;
  formKey: string;
  message: string | null;
  error?: string;
}

function markForm(
  d: PageData,
  fields: { agencyId: string; agencyName: string; requestKey: string; title: string; itemId: string },
  label: string,
) {
  return html`<form method="post" action="/staff/shelf/published${d.query}" class="mark">
    <input type="hidden" name="key" value="${d.formKey}" />
    <input type="hidden" name="agencyId" value="${fields.agencyId}" />
    <input type="hidden" name="agencyName" value="${fields.agencyName}" />
    <input type="hidden" name="requestKey" value="${fields.requestKey}" />
    <label>信息名称 <input name="title" value="${fields.title}" required maxlength="200" /></label>
    <label>公开后的网址 <input name="url" type="url" placeholder="https://" maxlength="2000" /></label>
    <label>或目录事项编号 <input name="itemId" value="${fields.itemId}" maxlength="64" /></label>
    <button type="submit" aria-label="${label}">标记为已主动公开</button>
  </form>`;
}

export function renderShelfPage(d: PageData) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>常被申请的信息 · 政务公开专区</title>
        <style>
          body {
            font:
              16px/1.5 system-ui,
              sans-serif;
            margin: 1.5rem;
            color: #111;
          }
          table {
            border-collapse: collapse;
            width: 100%;
            margin-bottom: 2rem;
          }
          th,
          td {
            border: 1px solid #999;
            padding: 0.4rem 0.6rem;
            text-align: left;
            vertical-align: top;
          }
          form.mark {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            align-items: end;
          }
          form.mark label {
            display: flex;
            flex-direction: column;
            font-size: 0.9rem;
          }
          input {
            font: inherit;
            padding: 0.3rem;
            min-width: 14rem;
          }
          button {
            font: inherit;
            padding: 0.4rem 1rem;
            min-height: 44px;
          }
          .note {
            background: #e7f5e7;
            padding: 0.5rem 1rem;
          }
          .error {
            background: #fde8e8;
            padding: 0.5rem 1rem;
          }
        </style>
      </head>
      <body>
        <h1>常被申请的信息（《政府信息公开条例》第四十四条）</h1>
        <p>
          多个申请人向同一机关申请的相同信息，经审查可以公开的，可转为主动公开。标记后，各终端首页和搜索结果的“常被申请的信息”中会显示它及查看位置。
        </p>
        ${d.message === 'published' ? html`<p class="note" role="status">已标记为主动公开，终端下次联网时显示。</p>` : ''}
        ${d.error ? html`<p class="error" role="alert">${d.error}</p>` : ''}
        <h2 id="candidates">重复申请</h2>
        ${
          d.candidates.length
            ? html`<table aria-labelledby="candidates">
                <thead>
                  <tr>
                    <th>受理机关</th>
                    <th>申请的信息</th>
                    <th>申请次数</th>
                    <th>标记为已公开</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.candidates.map(
                    (c) =>
                      html`<tr>
                        <td>${c.agencyName || c.agencyId}</td>
                        <td>${c.title}</td>
                        <td>${c.requests}</td>
                        <td>
                          ${markForm(
                            d,
                            {
                              agencyId: c.agencyId,
                              agencyName: c.agencyName,
                              requestKey: c.requestKey,
                              title: c.title,
                              itemId: '',
                            },
                            `标记“${c.title}”为已主动公开`,
                          )}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p>暂无被重复申请的信息（同一机关、同一信息至少 2 次）。</p>`
        }
        <h2 id="opened">终端上常被查看的事项（近 90 天）</h2>
        ${
          d.opened.length
            ? html`<table aria-labelledby="opened">
                <thead>
                  <tr>
                    <th>事项</th>
                    <th>公开方式</th>
                    <th>查看次数</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.opened.map((o) => {
                    const info = d.itemNames.get(o.itemId);
                    return html`<tr>
                      <td>${info?.name ?? o.itemId} <small>(${o.itemId})</small></td>
                      <td>${info?.onRequest ? '依申请公开' : '主动公开'}</td>
                      <td>${o.opens}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
            : html`<p>暂无记录。</p>`
        }
        <h2 id="published">已转为主动公开</h2>
        ${
          d.published.length
            ? html`<table aria-labelledby="published">
                <thead>
                  <tr>
                    <th>信息</th>
                    <th>机关</th>
                    <th>查看位置</th>
                    <th>公开日期</th>
                    <th>申请次数</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.published.map(
                    (p) =>
                      html`<tr>
                        <td>${p.title}</td>
                        <td>${p.agencyName}</td>
                        <td>${p.url ?? `目录事项 ${p.itemId ?? ''}`}</td>
                        <td>${p.publishedOn}</td>
                        <td>${p.requests}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p>暂无。</p>`
        }
        <h2>手工添加</h2>
        ${markForm(d, { agencyId: '', agencyName: '', requestKey: '', title: '', itemId: '' }, '手工添加为已主动公开')}
      </body>
    </html>`;
}
