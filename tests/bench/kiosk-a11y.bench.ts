// On-screen keyboard budget (issue 6): time from a key press to the pinyin candidates being in the page, in
// Debian's Chromium at 4× CPU throttling, with an unthrottled baseline in the same run and the browser's floor: the
// same typing on a bare page with a keyboard and no app (BARE_KEYBOARD), passes alternating. Starts its own zone server
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
/** Times the words are typed per page and throttling rate (52 keys a pass). */
const PASSES = 3;

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

/**
 * The floor for "key → candidates" in this browser: a bare page with the same kind of keyboard (a focused field
 * without a system keyboard, 60 px letter keys, a candidate bar) whose key handler writes the letter into the field
 * and 8 new candidate buttons synchronously: no framework, no pinyin look-up, no other content. Typed and timed
 * exactly like the kiosk (typeWords).
 */
const BARE_KEYBOARD = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bare keyboard</title>
<style>
body{font:24px/1.6 'Noto Sans CJK SC',sans-serif;margin:24px}
input{font:inherit;width:40em;min-height:60px}
.osk{position:fixed;left:0;right:0;bottom:0;display:flex;flex-direction:column;align-items:center;gap:8px;padding:12px}
.osk-row,.osk-candidates{display:flex;flex-wrap:wrap;gap:8px}
button{font:inherit;min-width:60px;min-height:60px;border:2px solid #000;border-radius:10px;background:#fff}
button:active{background:#000;color:#fff}
</style>
<input type="search" inputmode="none" aria-label="搜索" autocomplete="off">
<button type="button" id="clear">清空搜索</button>
<div class="osk" role="group" aria-label="键盘">
<div class="osk-candidates"><span id="composing"></span></div>
<div class="osk-row" id="keys"></div>
</div>
<script>
const input = document.querySelector('input');
const bar = document.querySelector('.osk-candidates');
const composing = document.getElementById('composing');
const CHARS = '的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长';
let typed = '';
document.querySelector('.osk').addEventListener('mousedown', (e) => e.preventDefault());
for (const k of 'qwertyuiopasdfghjklzxcvbnm') {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = k;
  b.addEventListener('click', () => {
    typed += k;
    input.value = typed;
    input.setSelectionRange(typed.length, typed.length);
    composing.textContent = typed;
    const at = (typed.length * 7) % (CHARS.length - 8);
    bar.replaceChildren(composing, ...Array.from(CHARS.slice(at, at + 8), (ch) => {
      const c = document.createElement('button');
      c.type = 'button';
      c.textContent = ch;
      return c;
    }));
  });
  document.getElementById('keys').append(b);
}
document.getElementById('clear').addEventListener('click', () => {
  typed = '';
  input.value = '';
  composing.textContent = '';
  bar.replaceChildren(composing);
});
input.focus();
</script></html>`;

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
    // The browser's own floor, in a page of its own (same browser, same run).
    const barePage = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    await barePage.setContent(BARE_KEYBOARD);
    await barePage.getByRole('searchbox').click();
    await typeWords(barePage);
    const pages = { kiosk: page, bare: barePage };
    const cdp = {
      kiosk: await page.context().newCDPSession(page),
      bare: await barePage.context().newCDPSession(barePage),
    };
    for (const rate of [1, 4]) {
      for (const which of ['kiosk', 'bare'] as const)
        await cdp[which].send('Emulation.setCPUThrottlingRate', { rate });
      // Passes alternate between the two pages, so a drift in the machine's speed touches both alike.
      const keys = {
        kiosk: { dom: [] as number[], frame: [] as number[] },
        bare: { dom: [] as number[], frame: [] as number[] },
      };
      for (let pass = 0; pass < PASSES; pass++) {
        for (const which of ['bare', 'kiosk'] as const) {
          const t = await typeWords(pages[which]);
          keys[which].dom.push(...t.dom);
          keys[which].frame.push(...t.frame);
        }
      }
      const label = rate === 1 ? 'unthrottled' : `${rate}x CPU throttling`;
      const bare = { dom: stats(keys.bare.dom), frame: stats(keys.bare.frame) };
      for (const which of ['bare', 'kiosk'] as const) {
        const prefix = which === 'bare' ? 'bare-page keyboard' : 'keyboard';
        for (const metric of ['dom', 'frame'] as const) {
          const m = stats(keys[which][metric]);
          emit({
            name: `${prefix} key → ${metric === 'dom' ? 'candidates in DOM' : 'next frame'}, median (${label})`,
            value: round(m.median),
            unit: 'ms',
            p95: round(m.p95),
            max: round(m.max),
            keys: m.n,
            ...(which === 'kiosk'
              ? {
                  budget: rate === 4 && metric === 'dom' ? 16 : undefined,
                  ratioToBarePage: round(m.median / bare[metric].median),
                  ratioP95ToBarePage: round(m.p95 / bare[metric].p95),
                }
              : {}),
          });
        }
      }
    }
    await barePage.close();
    await cdp.kiosk.send('Emulation.setCPUThrottlingRate', { rate: 1 });
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
