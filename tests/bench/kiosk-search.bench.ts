// Kiosk budgets in Chromium (issue 3): keystroke to results painted (sample district, 10k, 50k), offline cold
// start to a usable search field (10k), first-start import into IndexedDB (10k time; 50k time and heap), and the
// gzip size of the JS loaded before first contentful paint. Measured with CPU throttling 4× (a kiosk CPU) and an
// unthrottled 1× baseline in the same run; figures, budgets and ratios are printed, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { generateSigningKeyPair, parsePrivateKey } from '../../src/core/bundle/keys.ts';
import { KioskConfigSchema } from '../../src/core/config/kiosk-config.ts';
import { buildBundle } from '../../src/cli/build/build-bundle.ts';
import { synthesize } from '../../src/cli/synth/generate.ts';
import { startKioskServer } from './kiosk-serve.ts';
import type { Emit } from './run.ts';

const root = process.cwd();
const work = join(root, '.tmp', 'bench');
const own = join(work, 'kiosk-search');
/** KIOSK_BENCH_DIST=<folder> measures a build made elsewhere, as is (A/B runs of two builds in turn). */
const givenDist = process.env.KIOSK_BENCH_DIST;
const distDir = givenDist ? resolve(givenDist) : join(own, 'dist');
const THROTTLE = 4;
/** The idle reset (90 s on the home screen) would end the visit mid-measurement: the automation override. */
const START = '/?idle=3600,600';
/** KIOSK_BENCH_SETS=sample,10k limits the run (while working on one figure). */
const ONLY = process.env.KIOSK_BENCH_SETS?.split(',');

/** Typed keystroke by keystroke: every kind of query the kiosk understands, as visitors type them. */
const QUERIES = [
  '低保怎么申请',
  'dibao',
  'hukouqianyi',
  '户口签移',
  '居住证',
  '民政局',
  'dbsq',
  '最低生活保帐',
  'hukou迁移',
  '廉租房',
  '养老金',
  '孩子上学要什么材料',
  '特困供养',
  '临时救助',
  '预算公开',
  '医保报销',
  '残疾人补贴',
  'gongzufang',
  '就业补贴',
  '营业执照',
  '社保卡',
  '高龄津贴',
  '不动产登记',
  '教育局',
  '入学',
  '养老院',
  '政府信息公开申请',
  'yanglao',
  '食品安全',
  '公共法律服务',
];

const BUDGET_KEYSTROKE: Record<string, number> = { sample: 16, '10k': 30, '50k': 200 };

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * The 5th and 95th percentiles of the p95 ratio (kiosk ÷ bare page) over 1,000 resamplings of the queries with
 * replacement, each query's keystrokes kept together (they share its moment of the run). Seeded: the same
 * timings give the same range.
 */
function ratioSpread(pairs: { kiosk: number[]; bare: number[] }[]): [number, number] {
  let seed = 0x2f6e2b1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const finite = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
  const ratios: number[] = [];
  for (let r = 0; r < 1000; r++) {
    const kiosk: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const pick = pairs[Math.floor(random() * pairs.length)]!;
      kiosk.push(...finite(pick.kiosk));
      bare.push(...finite(pick.bare));
    }
    kiosk.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    ratios.push(quantile(kiosk, 0.95) / quantile(bare, 0.95));
  }
  ratios.sort((a, b) => a - b);
  return [round(quantile(ratios, 0.05), 2), round(quantile(ratios, 0.95), 2)];
}

// ---------------------------------------------------------------------------------------------------------------
// Build and data

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** Our own build (so other engineers' `vite build` into dist/ never races this run), rebuilt when stale. */
function ensureBuild(emit: Emit): void {
  const index = join(distDir, 'index.html');
  if (givenDist) return;
  const sources = Math.max(
    ...['src/kiosk', 'src/core', 'index.html', 'vite.config.ts', 'package.json']
      .map((p) => join(root, p))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const started = performance.now();
  execFileSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  emit({ name: 'vite build', value: round((performance.now() - started) / 1000, 2), unit: 's' });
}

interface Dataset {
  label: 'sample' | '10k' | '50k';
  /** A folder with bundle/ and kiosk-config.json. */
  dir: string;
  docs: number;
}

/** The sample district as prepared for `npm start`, and synthetic 10k/50k bundles signed with a bench key. */
async function prepareData(emit: Emit): Promise<Dataset[]> {
  if (!existsSync(join(root, '.data/sample/kiosk-config.json')))
    execFileSync('npx', ['tsx', 'scripts/prepare-sample.ts'], { cwd: root, stdio: 'ignore' });
  const sets: Dataset[] = [{ label: 'sample', dir: join(root, '.data/sample'), docs: NaN }];

  const keyFile = join(own, 'signing.key');
  if (!existsSync(keyFile)) {
    await mkdir(own, { recursive: true });
    await writeFile(keyFile, (await generateSigningKeyPair()).privatePem, { mode: 0o600 });
  }
  const signer = (await parsePrivateKey(await readFile(keyFile, 'utf8')))!;
  for (const [label, docs] of [
    ['10k', 10_000],
    ['50k', 50_000],
  ] as const) {
    const source = join(work, `synth-${docs}`); // shared with bundle.bench.ts (same generator, same seed)
    if (!existsSync(join(source, 'site.yaml'))) {
      const started = performance.now();
      await synthesize({ docs, outDir: source, seed: 1 });
      emit({ name: `synth ${label}`, value: round((performance.now() - started) / 1000, 2), unit: 's' });
    }
    const dir = join(own, `synth-${docs}`);
    const configFile = join(dir, 'kiosk-config.json');
    const siteOf = async (file: string) =>
      existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as { site?: string }).site : undefined;
    // Built again when missing, or when its config names another site than its bundle (made before bundles
    // named their site): the kiosk would refuse the bundle.
    const stale =
      !existsSync(configFile) ||
      (await siteOf(configFile)) !== (await siteOf(join(dir, 'bundle', 'manifest.json')));
    if (stale) {
      const started = performance.now();
      const result = await buildBundle({
        sourceDir: source,
        outDir: join(dir, 'bundle'),
        signer,
        version: 1,
      });
      if (!result.ok) throw new Error(`${label}: bundle build failed: ${result.problems[0]?.message}`);
      // The kiosk refuses a bundle made for another site (issue 12): the config names the bundle's own.
      const config = KioskConfigSchema.parse({
        site: await siteOf(join(dir, 'bundle', 'manifest.json')),
        hallName: '基准测试区政务公开专区',
        deskLocation: '一楼服务台',
        trustedKeys: [signer.trusted],
      });
      await writeFile(join(dir, 'kiosk-config.json'), JSON.stringify(config, null, 2));
      emit({
        name: `bundle build ${label}`,
        value: round((performance.now() - started) / 1000, 2),
        unit: 's',
      });
    }
    sets.push({ label, dir, docs });
  }
  return sets;
}

/**
 * The floor for "keystroke to results painted" in this browser: a bare page whose input handler writes 20 result
 * rows synchronously (no framework, no worker, no other content). Typed and timed exactly like the kiosk.
 */
const BARE_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bare</title>
<style>body{font:24px/1.6 'Noto Sans CJK SC',sans-serif;margin:24px}li{min-height:64px}</style>
<input id="kiosk-search" type="search" aria-label="搜索" autocomplete="off">
<ul id="r"></ul>
<script>
const input = document.getElementById('kiosk-search');
const list = document.getElementById('r');
input.addEventListener('input', () => {
  const q = input.value;
  list.setAttribute('aria-label', '搜索结果：' + q);
  list.replaceChildren(...Array.from({ length: 20 }, (_, i) => {
    const li = document.createElement('li');
    li.textContent = q + ' 城乡居民最低生活保障金给付 第' + (i + 1) + '项';
    return li;
  }));
});
</script></html>`;

/**
 * The second floor: the plain bare page's markup, with the search engine on it (bare-search-page.ts). It opens in
 * a context where the kiosk has imported the bundle into IndexedDB; under /api/, where a kiosk's service worker
 * would pass the navigation to the network instead of answering with the app shell.
 */
const BARE_SEARCH_DIR = 'api/bench';
const BARE_SEARCH_PAGE = BARE_PAGE.replace('<title>bare</title>', '<title>bare search</title>').replace(
  /<script>[\s\S]*<\/script>/,
  `<script type="module" src="/${BARE_SEARCH_DIR}/bare-search.js"></script>`,
);

/** Builds bare-search-page.ts into the measured dist folder (its own bundle: the kiosk's chunks are hashed). */
async function buildBareSearchPage(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: join(distDir, BARE_SEARCH_DIR),
      emptyOutDir: true,
      lib: {
        entry: join(root, 'tests/bench/bare-search-page.ts'),
        formats: ['es'],
        fileName: () => 'bare-search.js',
      },
    },
  });
  await writeFile(join(distDir, BARE_SEARCH_DIR, 'bare-search.html'), BARE_SEARCH_PAGE);
}

// ---------------------------------------------------------------------------------------------------------------
// Page instrumentation

/**
 * Runs in every document. A keystroke (keydown, or beforeinput for text inserted without a key event) starts a
 * measurement; it ends after the first frame painted once the DOM shows the answer for the field's new text
 * (the results list named 搜索结果：<text>, or the no-results heading): rAF, then a message task after that frame.
 * A cold-start probe (sessionStorage flag) types a query as soon as the field exists and times the answer.
 */
export function instrument(): void {
  type Rec = { q: string; ms: number; domMs: number; workerMs: number; frameMs: number };
  const w = window as unknown as {
    __kbPending: { t0: number; dom?: number; frame?: number } | null;
    __kbReport?: (r: Rec) => void;
    __cold?: { box: number; answer?: number };
    __workerMs: number;
  };
  // The search worker's own time per answer (its `results` message), to tell worker from page time.
  w.__workerMs = NaN;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      this.addEventListener('message', (e: MessageEvent<{ type?: string; ms?: number }>) => {
        if (e.data?.type === 'results') w.__workerMs = e.data.ms ?? NaN;
      });
    }
  };
  w.__kbPending = null;
  const field = () => document.getElementById('kiosk-search') as HTMLInputElement | null;
  const start = (e: Event) => {
    if (e.target !== field() || w.__kbPending) return;
    if (e instanceof KeyboardEvent && (e.ctrlKey || e.metaKey || e.key.length !== 1)) return;
    if (e instanceof InputEvent && !e.inputType.startsWith('insert')) return;
    const pending: { t0: number; dom?: number; frame?: number } = { t0: e.timeStamp };
    w.__kbPending = pending;
    // The first frame after the key: results in the DOM before it are painted in it (the frame clock's floor).
    requestAnimationFrame(() => {
      pending.frame = performance.now();
    });
  };
  addEventListener('keydown', start, true);
  addEventListener('beforeinput', start, true);
  const shows = (q: string): boolean => {
    const list = document.querySelector('ul[aria-label^="搜索结果"]');
    if (list) return list.getAttribute('aria-label') === `搜索结果：${q}`;
    const none = document.querySelector('.no-results h2');
    return !!none && (none.textContent ?? '').includes(q);
  };
  const afterPaint = (done: () => void) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = done;
      ch.port2.postMessage(0);
    });

  const cold = sessionStorage.getItem('__coldProbe');
  if (cold) sessionStorage.removeItem('__coldProbe');

  const check = () => {
    const input = field();
    if (cold && input && !w.__cold) {
      w.__cold = { box: performance.now() };
      // Typed once the first frame's effects ran (the router listens from an effect), as a visitor would.
      requestAnimationFrame(() =>
        setTimeout(() => {
          input.value = cold;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, 0),
      );
    }
    if (cold && w.__cold && w.__cold.answer === undefined && shows(cold)) {
      w.__cold.answer = -1;
      afterPaint(() => {
        w.__cold!.answer = performance.now();
      });
    }
    const p = w.__kbPending;
    if (!p || p.dom !== undefined || !input) return;
    const q = input.value;
    if (!q.trim() || !shows(q)) return;
    p.dom = performance.now();
    afterPaint(() => {
      w.__kbPending = null;
      w.__kbReport?.({
        q,
        ms: performance.now() - p.t0,
        domMs: p.dom! - p.t0,
        workerMs: w.__workerMs,
        frameMs: (p.frame ?? NaN) - p.t0,
      });
    });
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

type KeyRecord = { q: string; ms: number; domMs: number; workerMs: number; frameMs: number };

interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Console lines seen so far. */
  log: string[];
  next: (r: KeyRecord) => void;
}

async function openSession(
  browser: Browser,
  baseURL: string,
  serviceWorkers: 'allow' | 'block',
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    serviceWorkers,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 1024 },
  });
  return openPage(context);
}

/** An instrumented page in `context` (another session's, to share its IndexedDB). */
async function openPage(context: BrowserContext): Promise<Session> {
  const page = await context.newPage();
  const session: Session = { context, page, cdp: await context.newCDPSession(page), log: [], next: () => {} };
  page.on('console', (m) => session.log.push(m.text()));
  await page.exposeFunction('__kbReport', (r: KeyRecord) => session.next(r));
  // As source text: tsx may wrap nested functions in a __name() helper that the page does not have.
  await page.addInitScript({ content: `var __name = (f) => f; (${instrument.toString()})();` });
  return session;
}

const throttle = (s: Session, rate: number) => s.cdp.send('Emulation.setCPUThrottlingRate', { rate });

async function waitForLog(s: Session, re: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const line of s.log) {
      const m = re.exec(line);
      if (m) return m;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for console ${re} (last: ${s.log.at(-1)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** First start: download, verify and import; the main thread's peak JS heap sampled meanwhile. */
async function firstStart(
  s: Session,
): Promise<{ totalMs: number; importMs: number; heapMb: number; wallMs: number }> {
  await s.cdp.send('Runtime.enable');
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const { usedSize } = (await s.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peak = Math.max(peak, usedSize);
      } catch {
        // navigation in progress
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = Date.now();
  await s.page.goto(START);
  const m = await waitForLog(s, /loaded in (\d+) ms \(IndexedDB import (\d+) ms\)/, 240_000);
  const wallMs = Date.now() - started;
  sampling = false;
  await sampler;
  return { totalMs: Number(m[1]), importMs: Number(m[2]), heapMb: peak / 2 ** 20, wallMs };
}

/** Types each query keystroke by keystroke into an empty field; one figure per keystroke. */
async function typeQueries(
  s: Session,
  queries: string[],
  dom: number[] = [],
  worker: number[] = [],
  frame: number[] = [],
): Promise<number[]> {
  const box = s.page.getByRole('searchbox', { name: /搜索/ });
  const times: number[] = [];
  for (const q of queries) {
    await box.fill('');
    await s.page.waitForTimeout(60);
    for (const ch of q) {
      const got = new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(NaN), 15_000);
        s.next = (r) => {
          clearTimeout(timer);
          dom.push(r.domMs);
          worker.push(r.workerMs);
          frame.push(r.frameMs);
          resolve(r.ms);
        };
      });
      await s.page.keyboard.type(ch);
      times.push(await got);
      if (process.env.KIOSK_BENCH_DEBUG) console.error(`${q} ${ch} ${times.at(-1)}`);
    }
  }
  await box.fill('');
  return times;
}

/** Whether CPU throttling reaches the search worker: a fixed busy loop timed inside the worker. */
async function workerLoopMs(s: Session): Promise<number> {
  const worker = s.page.workers()[0];
  if (!worker) return NaN;
  return worker.evaluate(() => {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 3e6; i++) x = (x + i * 7) % 1000003;
    return performance.now() - t + (x < 0 ? 1 : 0);
  });
}

/** The JS files index.html loads statically: its module scripts and preloads, and their static imports. */
async function staticGraph(): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = await readFile(join(distDir, path), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      queue.push(new URL(m[1]!, `http://x${path}`).pathname);
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------------------------

export default async function bench(emit: Emit): Promise<void> {
  const benchStarted = performance.now();
  ensureBuild(emit);
  const sets = await prepareData(emit);
  const server = await startKioskServer(resolve(distDir), sets[0]!.dir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    // JS before first contentful paint (unthrottled, sample district, nothing cached).
    {
      server.setSample(sets[0]!.dir);
      const s = await openSession(browser, server.url, 'block');
      await s.page.goto(START);
      await s.page.getByRole('searchbox', { name: /搜索/ }).waitFor();
      await s.page.waitForTimeout(500);
      const { fcp, scripts } = await s.page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return {
          fcp: paint?.startTime ?? NaN,
          scripts: res
            .filter((r) => /\.m?js(\?|$)/.test(r.name))
            .map((r) => ({ path: new URL(r.name).pathname, end: r.responseEnd, start: r.startTime })),
        };
      });
      const gzipKB = async (paths: string[]) => {
        let gz = 0;
        let raw = 0;
        for (const path of paths) {
          const bytes = await readFile(join(distDir, path));
          raw += bytes.length;
          gz += gzipSync(bytes, { level: 9 }).length;
        }
        return { gz: round(gz / 1024, 1), raw: round(raw / 1024, 1) };
      };
      // What first paint needs: index.html's scripts and module preloads and their static imports (dynamic
      // imports such as the start-up chunk excluded).
      const needed = await staticGraph();
      const graph = await gzipKB(needed);
      // What the network log shows finished before FCP (late FCP lets lazy chunks in too: printed beside it).
      const before = scripts.filter((r) => r.end <= fcp).map((r) => r.path);
      const seen = await gzipKB(before);
      emit({
        name: 'JS before first paint (gzip, static graph of index.html)',
        value: graph.gz,
        unit: 'KB',
        budget: '≤ 80 KB',
        rawKB: graph.raw,
        files: needed,
        loadedBeforeFcpGzipKB: seen.gz,
        loadedBeforeFcp: before,
        loadedAfterFcp: scripts.filter((r) => r.end > fcp).map((r) => r.path),
        fcpMs: round(fcp),
      });
      await s.context.close();
    }

    // The browser's own floor: the same typing on a bare page (see BARE_PAGE), 1× and 4×.
    const bare: Record<number, number> = {};
    {
      await writeFile(join(distDir, 'bare.html'), BARE_PAGE);
      await buildBareSearchPage();
      const s = await openSession(browser, server.url, 'block');
      await s.page.goto('/bare.html');
      for (const rate of [1, THROTTLE]) {
        await throttle(s, rate);
        await typeQueries(s, QUERIES.slice(0, 2));
        const times = (await typeQueries(s, QUERIES)).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        bare[rate] = quantile(times, 0.95);
        emit({
          name: `keystroke to results painted, bare page baseline (cpu ×${rate})`,
          value: round(bare[rate]),
          unit: 'ms p95',
          median: round(quantile(times, 0.5)),
          keystrokes: times.length,
          note: 'input handler writes 20 rows synchronously: the floor of this browser and frame clock',
        });
      }
      await s.context.close();
    }

    for (const set of sets.filter((x) => !ONLY || ONLY.includes(x.label))) {
      server.setSample(set.dir);
      const withColdStart = set.label === '10k';
      const s = await openSession(browser, server.url, withColdStart ? 'allow' : 'block');
      await throttle(s, THROTTLE);
      const first = await firstStart(s);
      const engine = await waitForLog(s, /engine ready over (\d+) documents in (\d+) ms/, 240_000);
      const docs = Number(engine[1]);
      emit({
        name: `first-start import ${set.label} (cpu ×${THROTTLE})`,
        value: first.importMs,
        unit: 'ms',
        docs,
        budget: set.label === '10k' ? '≤ 3000 ms' : undefined,
        downloadVerifyImportMs: first.totalMs,
        gotoToLoadedMs: first.wallMs,
        where: 'update worker: CDP throttling slows the page, not workers (see the busy-loop figure)',
      });
      emit({
        name: `first-start main-thread JS heap peak ${set.label} (cpu ×${THROTTLE})`,
        value: round(first.heapMb),
        unit: 'MB',
        budget: set.label === '50k' ? '≤ 200 MB' : undefined,
        sampling: 'CDP Runtime.getHeapUsage every 100 ms during download, verify and import',
        note: "the page's heap; the import itself runs in the update worker, whose heap is not sampled",
      });
      emit({
        name: `search worker engine load ${set.label} (cpu ×${THROTTLE})`,
        value: Number(engine[2]),
        unit: 'ms',
        note: 'read the bundle from IndexedDB, create the engine, warm()',
      });
      // The page's own engine (results in the keystroke's frame), built in a quiet moment after start; above its
      // size limit the worker alone answers.
      const pageEngine = await waitForLog(
        s,
        /page engine ready over (\d+) documents \((\d+) ms of build in (\d+) slices, longest (\d+) ms; (\d+) ms from start\)|(\d+) documents; the worker alone answers/,
        240_000,
      );
      const heap = (await s.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const built = pageEngine[2] !== undefined;
      emit({
        name: `page search engine build ${set.label} (cpu ×${THROTTLE})`,
        value: built ? Number(pageEngine[2]) : NaN,
        unit: 'ms',
        docs: Number(pageEngine[1] ?? pageEngine[6]),
        slices: built ? Number(pageEngine[3]) : undefined,
        longestSliceMs: built ? Number(pageEngine[4]) : undefined,
        fromStartMs: built ? Number(pageEngine[5]) : undefined,
        pageHeapAfterMb: round(heap.usedSize / 2 ** 20),
        note: built
          ? 'work on the page in slices of ~8 ms, each in an idle period after 1.5 s without a touch; a touch waits for one slice at most'
          : 'too many documents to hold twice: the worker answers every keystroke',
      });

      if (set.label !== 'sample') {
        // The 1× baseline of the import, in a fresh context.
        const b = await openSession(browser, server.url, 'block');
        const base = await firstStart(b);
        emit({
          name: `first-start import ${set.label} (cpu ×1)`,
          value: base.importMs,
          unit: 'ms',
          downloadVerifyImportMs: base.totalMs,
          heapPeakMb: round(base.heapMb),
          ratio: round(first.importMs / base.importMs, 2),
        });
        await b.context.close();
      }

      // Is the worker throttled too? (Emulation.setCPUThrottlingRate applies to the page's renderer.)
      const loop4 = await workerLoopMs(s);
      await throttle(s, 1);
      const loop1 = await workerLoopMs(s);
      if (set.label === 'sample')
        emit({
          name: 'search worker busy-loop slowdown under page throttling',
          value: round(loop4 / loop1, 2),
          unit: '×',
          note: 'about 4 means the worker is throttled like the page',
        });

      // Keystroke to results painted: 1× baseline, then 4×.
      const box = s.page.getByRole('searchbox', { name: /搜索/ });
      await box.waitFor();
      const queries = QUERIES;
      const results: Record<number, number[]> = {};
      // The bare page again, typed query by query in turn with the kiosk: this machine's speed drifts by tens of
      // per cent within a run, and the ratio is only meaningful between keystrokes typed at the same moments.
      const floor = await openSession(browser, server.url, 'block');
      await floor.page.goto('/bare.html');
      // The second floor, the same work without the UI (BARE_SEARCH_PAGE), in a context of its own (a second tab
      // beside the kiosk would be a background tab, its frames throttled): the kiosk imports the bundle into that
      // context's IndexedDB first, then the page goes to the bare search page.
      const searchFloor = await openSession(browser, server.url, 'block');
      await firstStart(searchFloor);
      await searchFloor.page.goto(`/${BARE_SEARCH_DIR}/bare-search.html`);
      await waitForLog(searchFloor, /bare search page ready over \d+ documents/, 240_000);
      for (const rate of [1, THROTTLE]) {
        await throttle(s, rate);
        await throttle(floor, rate);
        await throttle(searchFloor, rate);
        await typeQueries(s, queries.slice(0, 2)); // warm-up: JIT, first layout of the results
        await typeQueries(floor, queries.slice(0, 2));
        await typeQueries(searchFloor, queries.slice(0, 2));
        const dom: number[] = [];
        const worker: number[] = [];
        const frame: number[] = [];
        const times: number[] = [];
        const floorTimes: number[] = [];
        const searchFloorTimes: number[] = [];
        // Key → DOM showing the answer on the two floors: where the kiosk's extra time goes (before the DOM, its
        // JS; after it, style, layout and paint of a richer page).
        const floorDom: number[] = [];
        const searchFloorDom: number[] = [];
        // Per query, the kiosk's and the bare page's keystrokes: resampled below to show this run's own spread.
        const pairs: { kiosk: number[]; bare: number[] }[] = [];
        for (const q of queries) {
          const bareQ = await typeQueries(floor, [q], floorDom);
          floorTimes.push(...bareQ);
          searchFloorTimes.push(...(await typeQueries(searchFloor, [q], searchFloorDom)));
          const kioskQ = await typeQueries(s, [q], dom, worker, frame);
          times.push(...kioskQ);
          pairs.push({ kiosk: kioskQ, bare: bareQ });
        }
        const spread = ratioSpread(pairs);
        const floorSorted = floorTimes.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        const searchFloorSorted = searchFloorTimes.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        // Keystrokes whose results reached the DOM before the first frame after the key, i.e. were painted in it.
        const inFirstFrame = dom.filter((d, i) => d <= (frame[i] ?? NaN)).length / (dom.length || 1);
        const frameSorted = frame.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        // From the DOM showing the answer to the end of the next painted frame: the 60 Hz frame clock's share.
        const paintWait = times
          .map((ms, i) => ms - (dom[i] ?? NaN))
          .filter((x) => !Number.isNaN(x))
          .sort((a, b) => a - b);
        dom.sort((a, b) => a - b);
        // The page's throttling does not reach the worker (see the busy-loop figure): what the keystroke would
        // cost with the worker 4× slower too.
        const projected = times
          .map((ms, i) => ms + (rate - 1) * (worker[i] ?? 0))
          .filter((x) => !Number.isNaN(x))
          .sort((a, b) => a - b);
        const workerSorted = worker.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        results[rate] = times.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        const missed = times.length - results[rate].length;
        const sorted = results[rate];
        emit({
          name: `keystroke to results painted ${set.label} (cpu ×${rate})`,
          value: round(quantile(sorted, 0.95)),
          unit: 'ms p95',
          median: round(quantile(sorted, 0.5)),
          max: round(sorted.at(-1) ?? NaN),
          domUpdatedMedian: round(quantile(dom, 0.5)),
          domUpdatedP95: round(quantile(dom, 0.95)),
          paintWaitMedian: round(quantile(paintWait, 0.5)),
          paintWaitP95: round(quantile(paintWait, 0.95)),
          firstFrameAfterKeyMedian: round(quantile(frameSorted, 0.5)),
          firstFrameAfterKeyP95: round(quantile(frameSorted, 0.95)),
          resultsInFirstFrameShare: round(inFirstFrame, 2),
          workerSearchMedian: round(quantile(workerSorted, 0.5), 2),
          workerSearchP95: round(quantile(workerSorted, 0.95), 2),
          ...(rate > 1
            ? {
                p95IfWorkerThrottledToo: round(quantile(projected, 0.95)),
                medianIfWorkerThrottledToo: round(quantile(projected, 0.5)),
              }
            : {}),
          keystrokes: times.length,
          queries: queries.length,
          timedOut: missed || undefined,
          docs,
          budget: rate === THROTTLE ? `p95 ≤ ${BUDGET_KEYSTROKE[set.label]} ms` : undefined,
          ...(rate === THROTTLE
            ? {
                ratioP95: round(quantile(sorted, 0.95) / quantile(results[1]!, 0.95), 2),
                ratioP95ToBarePage: round(quantile(sorted, 0.95) / bare[THROTTLE]!, 2),
                // The budget's figure: against the bare page typed in turn with these keystrokes.
                barePageInTurnP95: round(quantile(floorSorted, 0.95)),
                barePageInTurnMedian: round(quantile(floorSorted, 0.5)),
                ratioP95ToBarePageInTurn: round(quantile(sorted, 0.95) / quantile(floorSorted, 0.95), 2),
                ratioMedianToBarePageInTurn: round(quantile(sorted, 0.5) / quantile(floorSorted, 0.5), 2),
                // The p95 ratio over the same run's queries resampled: a run whose range holds 1.3 cannot tell a
                // change of a few per cent from this machine's swing.
                ratioP95ToBarePageInTurnRange90: spread,
                // The second floor: the same search on a bare page. Kiosk ÷ it is the UI's share; it ÷ the bare
                // page is the search's own.
                bareSearchPageInTurnP95: round(quantile(searchFloorSorted, 0.95)),
                bareSearchPageInTurnMedian: round(quantile(searchFloorSorted, 0.5)),
                ratioP95ToBareSearchPageInTurn: round(
                  quantile(sorted, 0.95) / quantile(searchFloorSorted, 0.95),
                  2,
                ),
                ratioMedianToBareSearchPageInTurn: round(
                  quantile(sorted, 0.5) / quantile(searchFloorSorted, 0.5),
                  2,
                ),
                barePageInTurnDomUpdatedMedian: round(
                  quantile(
                    floorDom.sort((a, b) => a - b),
                    0.5,
                  ),
                ),
                bareSearchPageInTurnDomUpdatedMedian: round(
                  quantile(
                    searchFloorDom.sort((a, b) => a - b),
                    0.5,
                  ),
                ),
                bareSearchPageToBarePageP95: round(
                  quantile(searchFloorSorted, 0.95) / quantile(floorSorted, 0.95),
                  2,
                ),
                ratioMedian: round(quantile(sorted, 0.5) / quantile(results[1]!, 0.5), 2),
              }
            : {}),
        });
      }

      // The second floor holds a second engine and bundle in memory: gone before the cold start is timed.
      await searchFloor.context.close();
      if (withColdStart) {
        // Offline cold start: the app shell from the service worker, the bundle from IndexedDB.
        await s.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await s.context.setOffline(true);
        const cold: Record<number, { box: number; answer: number }> = {};
        for (const rate of [1, THROTTLE]) {
          await throttle(s, rate);
          await s.page.evaluate(() => sessionStorage.setItem('__coldProbe', '低保'));
          await s.page.reload();
          await s.page.waitForFunction(
            () => ((window as unknown as { __cold?: { answer?: number } }).__cold?.answer ?? -1) > 0,
            null,
            { timeout: 60_000 },
          );
          cold[rate] = await s.page.evaluate(
            () => (window as unknown as { __cold: { box: number; answer: number } }).__cold,
          );
          const controlled = await s.page.evaluate(() => !!navigator.serviceWorker.controller);
          emit({
            name: `offline cold start to first answer ${set.label} (cpu ×${rate})`,
            value: round(cold[rate].answer),
            unit: 'ms',
            searchboxMs: round(cold[rate].box),
            from: 'navigation start',
            servedBySw: controlled,
            budget: rate === THROTTLE ? '≤ 2000 ms' : undefined,
            ...(rate === THROTTLE ? { ratio: round(cold[rate].answer / cold[1]!.answer, 2) } : {}),
          });
        }
      }
      await floor.context.close();
      await s.context.close();
    }
  } finally {
    const bounded = (p: Promise<unknown>) => Promise.race([p, new Promise((r) => setTimeout(r, 10_000))]);
    await bounded(browser.close());
    await bounded(server.close());
  }
  emit({
    name: 'kiosk-search bench wall time',
    value: round((performance.now() - benchStarted) / 1000, 1),
    unit: 's',
  });
}
