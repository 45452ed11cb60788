// On-screen keyboard budget (issue 6): time from a key press to the pinyin candidates being in the page, in
// Debian's Chromium at 4× CPU throttling, with an unthrottled baseline in the same run. Starts its own zone server
// (tests/e2e/serve.sh: sample district, built PWA) on a free port unless KIOSK_BENCH_URL points at a running one.
// Then Lighthouse (the npm package, with the same Chromium; mobile and desktop presets) on the built app, when it
// is installed: accessibility, best practices and performance scores.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { chromium, type Page } from 'playwright-core';

type Emit = (figure: { name: string; value: number; unit: string; [k: string]: unknown }) => void;

const WORDS = ['dibao', 'minzhengju', 'shehuijiuzhu', 'hukouqianyi', 'yanglaobaoxian'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startServer(): Promise<{ url: string; proc: ChildProcess | null }> {
  if (process.env.KIOSK_BENCH_URL) return { url: process.env.KIOSK_BENCH_URL, proc: null };
  const port = await freePort();
  const proc = spawn('bash', ['tests/e2e/serve.sh'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let log = '';
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log.slice(-2000)}`);
    try {
      const res = await fetch(url, { headers: { accept: 'text/html' } });
      if (res.ok) return { url, proc };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start: ${log.slice(-2000)}`);
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1]!, n: s.length };
}

/** Types the words on the on-screen keyboard; per key: the key's click → candidates in the DOM, and → the next frame. */
async function typeWords(page: Page): Promise<{ dom: number[]; frame: number[] }> {
  const dom: number[] = [];
  const frame: number[] = [];
  for (const word of WORDS) {
    for (const letter of word) {
      const key = page.locator('.osk').getByRole('button', { name: letter, exact: true });
      const box = (await key.boundingBox())!;
      // Armed before the click (awaited), read after it.
      await page.evaluate(() => {
        const w = window as unknown as { __keyTiming?: Promise<{ dom: number; frame: number }> };
        w.__keyTiming = new Promise((resolve) => {
          let start = 0;
          let domAt = 0;
          // The composing letters and the candidates render together (the letters change with every key).
          const list = document.querySelector('.osk-candidates')!;
          setTimeout(() => resolve({ dom: NaN, frame: NaN }), 3000);
          const obs = new MutationObserver(() => {
            if (!start || domAt) return;
            domAt = performance.now();
            obs.disconnect();
            requestAnimationFrame(() => resolve({ dom: domAt - start, frame: performance.now() - start }));
          });
          obs.observe(list, { childList: true, subtree: true, characterData: true });
          document.addEventListener('click', (e) => (start = e.timeStamp), {
            capture: true,
            once: true,
          });
        });
      });
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const t = await page.evaluate(
        () => (window as unknown as { __keyTiming: Promise<{ dom: number; frame: number }> }).__keyTiming,
      );
      if (Number.isNaN(t.dom)) throw new Error(`no candidates rendered for "${letter}" in "${word}"`);
      dom.push(t.dom);
      frame.push(t.frame);
    }
    // Clear the field for the next word.
    await page.getByRole('button', { name: '清空搜索' }).click();
    await page.getByRole('searchbox').click();
  }
  return { dom, frame };
}

async function lighthouse(url: string, emit: Emit): Promise<void> {
  // Not a dependency (its tree breaks `npm ci` against this registry): installed beside the project, or anywhere
  // with LIGHTHOUSE_BIN pointing at its CLI (e.g. `npm i --prefix /tmp/lh lighthouse`).
  const bin = process.env.LIGHTHOUSE_BIN ?? join('node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) {
    emit({
      name: 'lighthouse',
      value: NaN,
      unit: 'score',
      note: 'lighthouse is not installed (set LIGHTHOUSE_BIN to its CLI)',
    });
    return;
  }
  const budgets: Record<string, number> = { accessibility: 100, 'best-practices': 95, performance: 90 };
  // Mobile (Lighthouse's default: 412 px, slow 4G, 4x CPU) and desktop (closest to the kiosk's landscape screen).
  for (const preset of ['mobile', 'desktop'] as const) {
    const out = join(tmpdir(), `kiosk-lighthouse-${process.pid}-${preset}.json`);
    await promisify(execFile)(
      bin,
      [
        url,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        '--only-categories=accessibility,best-practices,performance',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000 },
    );
    const report = JSON.parse(await readFile(out, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { numericValue?: number }>;
    };
    await rm(out, { force: true });
    for (const [id, cat] of Object.entries(report.categories)) {
      const value = Math.round((cat.score ?? 0) * 100);
      emit({ name: `lighthouse ${id} (${preset})`, value, unit: 'score', budget: budgets[id] });
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time']) {
      const v = report.audits[id]?.numericValue;
      if (v !== undefined) emit({ name: `lighthouse ${id} (${preset})`, value: Math.round(v), unit: 'ms' });
    }
    const cls = report.audits['cumulative-layout-shift']?.numericValue;
    if (cls !== undefined)
      emit({ name: `lighthouse cumulative-layout-shift (${preset})`, value: round(cls), unit: 'score' });
  }
}

export default async function bench(emit: Emit): Promise<void> {
  const { url, proc } = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    page.on('framenavigated', (f) => process.env.BENCH_DEBUG && console.error('navigated', f.url()));
    await page.goto(url);
    await page
      .getByRole('list', { name: '按领域浏览' })
      .getByRole('link')
      .first()
      .waitFor({ timeout: 120_000 });
    await page.getByRole('searchbox').click();
    await page.locator('.osk').waitFor();
    // Warm-up (vocabulary loaded from the bundle, code compiled).
    await typeWords(page);
    const cdp = await page.context().newCDPSession(page);
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const { dom, frame } = await typeWords(page);
      const d = stats(dom);
      const f = stats(frame);
      const label = rate === 1 ? 'unthrottled' : `${rate}x CPU throttling`;
      emit({
        name: `keyboard key → candidates in DOM, median (${label})`,
        value: round(d.median),
        unit: 'ms',
        p95: round(d.p95),
        max: round(d.max),
        keys: d.n,
        budget: rate === 4 ? 16 : undefined,
      });
      emit({
        name: `keyboard key → next frame, median (${label})`,
        value: round(f.median),
        unit: 'ms',
        p95: round(f.p95),
        max: round(f.max),
        keys: f.n,
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await lighthouse(url, emit);
  } finally {
    await browser.close();
    if (proc?.pid) {
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
