// Public read-only pages for a visitor's phone (issue 14, "take it home"): the kiosk's QR codes open
//   /p/item/:id, /p/guide/:id, /p/interpretation/:id   one item, guide or interpretation of the live bundle
//   /p/status/:code                                     the status look-up for a receipt code (phone's last 4 digits)
// Plain server-rendered HTML (every value escaped, no script), rate limited per client address, read from the bundle
// folder the channel publishes (re-read when its manifest changes).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { explainReceiptCode, formatReceiptCode, parseReceiptCode } from '../../core/application/receipt.ts';
import { STATUS_EXPLANATIONS } from '../../core/application/status.ts';
import {
  AUDIENCE_LABELS,
  BundleDataSchemas,
  DISCLOSURE_LABELS,
  GUIDE_SECTION_LABELS,
  GUIDE_SECTIONS,
  POLICY_VALIDITY_LABELS,
  STAGE_LABELS,
  type CatalogueItem,
  type Guide,
  type Interpretation,
} from '../../core/bundle/schema.ts';
import { visitorView } from '../../core/procedure/procedure.ts';
import { CaseStore } from '../desk/case-store.ts';
import { errorFields, type Logger } from '../log.ts';
import { TokenBucketLimiter } from '../rate-limit.ts';
import { escapeHtml as e } from '../status-page.ts';
import { lookupHash, type ApplicationStore } from '../store.ts';

export interface PublicPagesDeps {
  bundleDir: string | null;
  store: ApplicationStore;
  clientIp: (c: Context) => string;
  logger: Logger;
  /** Pages per client address: a phone reads a few; a scraper is slowed down. */
  rateLimit?: { capacity: number; refillPerSecond: number };
}

interface PublicData {
  siteName: string;
  items: Map<string, CatalogueItem>;
  guides: Map<string, Guide>;
  interpretations: Map<string, Interpretation>;
}

/** The live bundle's items, guides and interpretations, read again when manifest.json changes. */
function bundleReader(bundleDir: string | null, logger: Logger): () => Promise<PublicData | null> {
  let cache: { mtimeMs: number; data: PublicData } | null = null;
  return async () => {
    if (!bundleDir) return null;
    try {
      const { mtimeMs } = await stat(join(bundleDir, 'manifest.json'));
      if (cache?.mtimeMs === mtimeMs) return cache.data;
      const manifest = JSON.parse(await readFile(join(bundleDir, 'manifest.json'), 'utf8')) as {
        siteName?: unknown;
        files?: { path?: unknown; sha256?: unknown }[];
      };
      // A published channel keeps files by hash (files/<sha256>, kiosk-bundle publish); a bundle folder by path.
      const read = async (name: string): Promise<unknown> => {
        const sha = manifest.files?.find((f) => f.path === `data/${name}`)?.sha256;
        const byHash =
          typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) ? join(bundleDir, 'files', sha) : null;
        const text = await readFile(byHash ?? join(bundleDir, 'data', name), 'utf8').catch((err: unknown) => {
          if (byHash) return readFile(join(bundleDir, 'data', name), 'utf8');
          throw err;
        });
        return JSON.parse(text) as unknown;
      };
      const [catalogue, guides, interpretations] = await Promise.all([
        read('catalogue.json').then((v) => BundleDataSchemas.catalogue.parse(v)),
        read('guides.json').then((v) => BundleDataSchemas.guides.parse(v)),
        read('interpretations.json').then((v) => BundleDataSchemas.interpretations.parse(v)),
      ]);
      const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
      const data: PublicData = {
        siteName: typeof manifest.siteName === 'string' ? manifest.siteName : '政务公开专区',
        items: byId(catalogue),
        guides: byId(guides),
        interpretations: byId(interpretations),
      };
      cache = { mtimeMs, data };
      return data;
    } catch (err) {
      logger.warn('public_pages_bundle_unreadable', errorFields(err));
      return null;
    }
  };
}

/** Text as published (Markdown or plain): shown as written, line breaks kept. */
const prose = (s: string) =>
  s.trim() ? `<div class="text">${e(s.trim())}</div>` : '<p class="muted">（未公开）</p>';

function page(title: string, siteName: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)} · ${e(siteName)}</title>
<style>
body{font:17px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;margin:0 auto;max-width:46em;padding:16px;color:#111;background:#fff}
h1{font-size:1.5em;line-height:1.3}
h2{font-size:1.15em;margin-top:1.4em}
dl{display:grid;grid-template-columns:minmax(6em,max-content) 1fr;gap:6px 16px}
dt{font-weight:700}
dd{margin:0}
.text{white-space:pre-wrap}
.muted,.site{color:#444}
.notice{border:3px solid #111;border-left-width:10px;padding:8px 12px;background:#fff2a8}
label{display:block;font-weight:700;margin:12px 0 4px}
input,button{font:inherit;min-height:48px;padding:4px 12px}
a{color:#0a3a82}
</style>
</head>
<body>
<p class="site">${e(siteName)}</p>
${body}
<p class="muted">本页由政务公开专区终端提供，内容以发布机关公布的为准。</p>
</body>
</html>
`;
}

function itemPage(item: CatalogueItem, data: PublicData): string {
  const name = [item.level1, item.level2, item.level3].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    ['领域', e(item.domain)],
    ['公开内容', prose(item.content)],
    ['公开依据', prose(item.basis)],
    ['公开时限', prose(item.timeLimit)],
    ['公开主体', e(item.publisher)],
    ['公开渠道和载体', e(item.channels.join('、'))],
    ['公开对象', e(item.audience.map((a) => AUDIENCE_LABELS[a]).join('、'))],
    ['公开方式', e(item.disclosure.map((d) => DISCLOSURE_LABELS[d]).join('、'))],
  ];
  if (item.stages.length) rows.push(['公开环节', e(item.stages.map((s) => STAGE_LABELS[s]).join('、'))]);
  const links = [
    ...item.guideIds.flatMap((id) => {
      const g = data.guides.get(id);
      return g ? [`<li><a href="/p/guide/${encodeURIComponent(id)}">${e(g.title)}</a>（办事指南）</li>`] : [];
    }),
    ...item.interpretationIds.flatMap((id) => {
      const i = data.interpretations.get(id);
      return i
        ? [`<li><a href="/p/interpretation/${encodeURIComponent(id)}">${e(i.title)}</a>（政策解读）</li>`]
        : [];
    }),
  ];
  return page(
    name,
    data.siteName,
    `<h1>${e(name)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
${item.url ? `<p><a href="${e(item.url)}" rel="noopener noreferrer">在政府网站查看</a></p>` : ''}
${links.length ? `<h2>相关内容</h2><ul>${links.join('')}</ul>` : ''}`,
  );
}

function guidePage(guide: Guide, siteName: string): string {
  const sections = GUIDE_SECTIONS.map(
    (s) => `<h2>${e(GUIDE_SECTION_LABELS[s])}</h2>${prose(guide.sections[s] ?? '')}`,
  ).join('\n');
  return page(
    guide.title,
    siteName,
    `<h1>${e(guide.title)}</h1>
${guide.department ? `<p>办理部门：${e(guide.department)}</p>` : ''}
${guide.updated ? `<p class="muted">更新日期：${e(guide.updated)}</p>` : ''}
${sections}
${guide.body.trim() ? `<h2>其他说明</h2>${prose(guide.body)}` : ''}`,
  );
}

function interpretationPage(it: Interpretation, siteName: string): string {
  const validity =
    it.validity && it.validity !== 'in-force'
      ? `<div class="notice"><p><strong>${e(POLICY_VALIDITY_LABELS[it.validity])}</strong></p>${it.validityNote ? `<p>${e(it.validityNote)}</p>` : ''}</div>`
      : '';
  return page(
    it.title,
    siteName,
    `<h1>${e(it.title)}</h1>
${validity}
${it.policy ? `<p>解读的政策：${e(it.policy)}</p>` : ''}
${it.department ? `<p>发布机关：${e(it.department)}</p>` : ''}
${it.date ? `<p class="muted">发布日期：${e(it.date)}</p>` : ''}
${it.summary.trim() ? `<h2>概要</h2>${prose(it.summary)}` : ''}
<h2>问答</h2>
${it.qa.map((q) => `<h3>问：${e(q.question)}</h3>${prose(`答：${q.answer}`)}`).join('\n')}`,
  );
}

function statusForm(code: string, siteName: string, result: string): string {
  const shown = formatReceiptCode(code);
  return page(
    `申请进度 ${shown}`,
    siteName,
    `<h1>查询申请进度</h1>
<p>查询码：<strong>${e(shown)}</strong></p>
<form method="get" action="/p/status/${e(code)}">
<label for="phone4">联系电话的后4位</label>
<input id="phone4" name="phone4" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off" required>
<button type="submit">查询</button>
</form>
${result}`,
  );
}

export function publicPageRoutes(deps: PublicPagesDeps): Hono {
  const data = bundleReader(deps.bundleDir, deps.logger);
  const limiter = new TokenBucketLimiter(deps.rateLimit ?? { capacity: 30, refillPerSecond: 0.5 });
  const cases = new CaseStore(
    deps.store.db,
    () => new Date(),
    (id, sealed) => deps.store.openPersonal(id, sealed),
  );
  const app = new Hono();

  app.use('/p/*', async (c, next) => {
    const taken = limiter.take(deps.clientIp(c));
    if (!taken.ok) {
      c.header('Retry-After', String(taken.retryAfterSeconds));
      return c.text(`访问太频繁，请${taken.retryAfterSeconds}秒后再试。`, 429);
    }
    await next();
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    c.header('Referrer-Policy', 'no-referrer');
  });

  const notFound = (c: Context, siteName = '政务公开专区') =>
    c.html(
      page(
        '没有找到',
        siteName,
        '<h1>没有找到这项内容</h1><p>它可能已在新版内容中调整，请在专区终端上重新查找。</p>',
      ),
      404,
    );

  app.get('/p/:kind{item|guide|interpretation}/:id', async (c) => {
    const d = await data();
    if (!d) return notFound(c);
    const id = c.req.param('id');
    c.header('Cache-Control', 'public, max-age=300');
    switch (c.req.param('kind')) {
      case 'item': {
        const item = d.items.get(id);
        return item ? c.html(itemPage(item, d)) : notFound(c, d.siteName);
      }
      case 'guide': {
        const guide = d.guides.get(id);
        return guide ? c.html(guidePage(guide, d.siteName)) : notFound(c, d.siteName);
      }
      default: {
        const it = d.interpretations.get(id);
        return it ? c.html(interpretationPage(it, d.siteName)) : notFound(c, d.siteName);
      }
    }
  });

  app.get('/p/status/:code', async (c) => {
    c.header('Cache-Control', 'no-store');
    const siteName = (await data())?.siteName ?? '政务公开专区';
    const raw = c.req.param('code');
    const code = parseReceiptCode(raw);
    if (!code)
      return c.html(
        page('查询码不对', siteName, `<h1>查询码不对</h1><p>${e(explainReceiptCode(raw) ?? '')}</p>`),
        400,
      );
    const phone4 = (c.req.query('phone4') ?? '').trim();
    if (!phone4) return c.html(statusForm(code, siteName, ''));
    if (!/^\d{4}$/.test(phone4))
      return c.html(statusForm(code, siteName, '<p role="alert">请输入联系电话的后4位数字。</p>'), 400);
    const found = await deps.store.findForStatus(code, lookupHash(code, phone4));
    if (!found)
      return c.html(
        statusForm(
          code,
          siteName,
          '<p role="alert">没有找到这份申请：请核对电话后4位。刚提交的申请可能还在终端上等待发送。</p>',
        ),
        404,
      );
    const state = await cases.stateOf(found.number);
    const view = state ? visitorView(state) : null;
    const explanation = view ? view.lines.join('') : STATUS_EXPLANATIONS[found.status];
    return c.html(
      statusForm(
        code,
        siteName,
        `<h2>当前进度</h2><p>${e(explanation)}</p>
<dl>${view?.correction ? `<dt>需要补正的内容</dt><dd>${e(view.correction.text)}</dd><dt>补正期限</dt><dd>${e(view.correction.answerBy)}</dd>` : ''}${found.receivedOn ? `<dt>收到申请日期</dt><dd>${e(found.receivedOn)}</dd>` : ''}${found.dueOn ? `<dt>答复期限</dt><dd>${e(found.dueOn)}</dd>` : ''}</dl>`,
      ),
    );
  });

  return app;
}
