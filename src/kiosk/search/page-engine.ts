// A second copy of the search engine, on the page, built while the kiosk is idle: with it a keystroke's results are
// computed in the keystroke's own task and painted in the same frame as the typed character (issue 11, item 7).
// A worker's answer always arrives a frame later: its message is a task of its own, after the frame that shows
// the character. The worker stays for the time before this engine is ready, for a bundle just swapped in, and
// for bundles too big to hold twice.
import type { SearchEngine, SearchResponse } from '../../core/search/engine.ts';
import type { SearchAnswer } from './bridge.ts';

/**
 * Above this many documents the worker alone answers. The build is one long task on the page (measured at 4× CPU:
 * 0.35 s for the sample's 507 documents; the worker's load of a 10,000-document bundle takes 0.6–1.6 s, a freeze
 * a visitor would feel), run after each idle reset's reload while the attract screen shows; a district's
 * catalogue with its guides is a few hundred to two thousand documents.
 */
export const PAGE_ENGINE_MAX_DOCS = 3_000;
/** The visitor has not touched the screen for this long before the engine is built (a build is one long task). */
const QUIET_MS = 1_500;

let ready: { dbName: string; engine: SearchEngine } | null = null;
let wanted: string | null = null;
let lastInput = 0;

if (typeof addEventListener === 'function') {
  // Capture phase, passive: only the time of the latest touch or key is kept.
  const touched = () => void (lastInput = performance.now());
  for (const type of ['pointerdown', 'keydown', 'input'])
    addEventListener(type, touched, { capture: true, passive: true });
}

/** Resolves when the page is idle and the visitor has not touched anything for QUIET_MS. */
function quietMoment(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const wait = lastInput + QUIET_MS - performance.now();
      if (wait > 0) {
        setTimeout(check, wait);
        return;
      }
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => {
          if (lastInput + QUIET_MS > performance.now()) check();
          else resolve();
        });
      } else resolve();
    };
    check();
  });
}

/** Builds the page's engine over the live bundle `dbName` in a quiet moment (again after a bundle switch). */
export function preparePageEngine(dbName: string): void {
  if (wanted === dbName) return;
  wanted = dbName;
  if (ready && ready.dbName !== dbName) ready = null; // the old bundle's engine goes; the worker answers meanwhile
  void build(dbName).catch((e: unknown) => {
    // The worker keeps answering: a failure here costs one frame per keystroke, nothing else.
    console.warn(`search: no engine on the page (${(e as Error).message}); the worker answers`);
  });
}

async function build(dbName: string): Promise<void> {
  const [{ createSearchEngine }, { BundleDb, readBundleData }] = await Promise.all([
    import('../../core/search/engine.ts'),
    import('../db/bundle-db.ts'),
  ]);
  await quietMoment();
  if (wanted !== dbName) return;
  const db = new BundleDb(dbName);
  let data;
  try {
    const docs = (await db.items.count()) + (await db.guides.count()) + (await db.interpretations.count());
    if (docs > PAGE_ENGINE_MAX_DOCS) {
      console.info(`search: ${docs} documents; the worker alone answers`);
      return;
    }
    data = await readBundleData(db);
  } finally {
    db.close();
  }
  await quietMoment();
  if (wanted !== dbName) return;
  const started = performance.now();
  const engine = createSearchEngine(data);
  await quietMoment();
  if (wanted !== dbName) return;
  engine.warm();
  ready = { dbName, engine };
  console.info(
    `search: page engine ready over ${engine.docCount} documents (${Math.round(performance.now() - started)} ms of build)`,
  );
}

/** The answer now, in this task, or null when the page has no engine for `dbName` yet (ask the worker). */
export function searchOnPage(dbName: string, query: string, limit = 60): SearchAnswer | null {
  if (ready?.dbName !== dbName) return null;
  const started = performance.now();
  const response: SearchResponse = ready.engine.search(query, { limit });
  return { query, response, ms: performance.now() - started };
}

/** For tests: whether the page's engine serves `dbName`. */
export function pageEngineReady(dbName: string): boolean {
  return ready?.dbName === dbName;
}
