// A second copy of the search engine, on the page, built while the kiosk is idle: with it a keystroke's results are
// computed in the keystroke's own task and painted in the same frame as the typed character (issue 11, item 7).
// A worker's answer always arrives a frame later: its message is a task of its own, after the frame that shows
// the character. The worker stays for the time before this engine is ready, for a bundle just swapped in, and
// for bundles too big to hold twice. The build runs in slices of a few milliseconds, each in an idle moment with
// nobody touching the screen, so a visitor who arrives mid-build waits for one slice, not for the whole build.
import type { SearchEngine, SearchResponse } from '../../core/search/engine.ts';
import type { Steps } from '../../core/search/steps.ts';
import type { SearchAnswer } from './bridge.ts';

/**
 * Above this many documents the worker alone answers: the page would hold a second copy of a big bundle's engine
 * (the page's heap after the build: 12 MB for the sample's 507 documents; see the kiosk-search bench for 10k).
 */
export const PAGE_ENGINE_MAX_DOCS = 20_000;
/** The visitor has not touched the screen for this long before a slice of the build runs. */
const QUIET_MS = 1_500;
/** One slice of the build gives the page back after about this long (wall clock, so 4× slower CPUs do less). */
const SLICE_MS = 8;
/** Documents read from IndexedDB at once: a read's deserialising stays a short task too. */
const PAGE_SIZE = 500;

let ready: { dbName: string; engine: SearchEngine } | null = null;
let wanted: string | null = null;
let lastInput = 0;

if (typeof addEventListener === 'function') {
  // Capture phase, passive: only the time of the latest touch or key is kept.
  const touched = () => void (lastInput = performance.now());
  for (const type of ['pointerdown', 'keydown', 'input'])
    addEventListener(type, touched, { capture: true, passive: true });
}

/**
 * Resolves in an idle period once the visitor has not touched anything for QUIET_MS, with that period's deadline
 * (null where the browser has no idle callbacks).
 */
function quietMoment(): Promise<IdleDeadline | null> {
  return new Promise((resolve) => {
    const check = () => {
      const wait = lastInput + QUIET_MS - performance.now();
      if (wait > 0) {
        setTimeout(check, wait);
        return;
      }
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback((deadline) => {
          if (lastInput + QUIET_MS > performance.now()) check();
          else resolve(deadline);
        });
      } else setTimeout(() => resolve(null), 0);
    };
    check();
  });
}

/** Builds the page's engine over the live bundle `dbName` in quiet moments (again after a bundle switch). */
export function preparePageEngine(dbName: string): void {
  if (wanted === dbName) return;
  wanted = dbName;
  if (ready && ready.dbName !== dbName) ready = null; // the old bundle's engine goes; the worker answers meanwhile
  void build(dbName).catch((e: unknown) => {
    // The worker keeps answering: a failure here costs one frame per keystroke, nothing else.
    console.warn(`search: no engine on the page (${(e as Error).message}); the worker answers`);
  });
}

/** What a build cost: work done in slices, their number and the longest, for the log and the bench. */
interface SliceStats {
  workMs: number;
  slices: number;
  longestMs: number;
}

/**
 * Runs `steps` a slice at a time, each in a quiet idle period, until done; null if `dbName` stopped being wanted
 * meanwhile. A touch waits for one slice at most, never for the whole build.
 */
async function runInSlices<T>(steps: Steps<T>, dbName: string, stats: SliceStats): Promise<T | null> {
  for (;;) {
    const deadline = await quietMoment();
    if (wanted !== dbName) return null;
    const started = performance.now();
    let result: IteratorResult<void, T>;
    do result = steps.next();
    while (
      !result.done &&
      performance.now() - started < SLICE_MS &&
      (deadline ? deadline.timeRemaining() > 0 : true)
    );
    const ms = performance.now() - started;
    stats.workMs += ms;
    stats.slices++;
    stats.longestMs = Math.max(stats.longestMs, ms);
    if (result.done) return result.value;
  }
}

async function build(dbName: string): Promise<void> {
  const [{ searchEngineInSteps }, { BundleDb, readSearchSource }] = await Promise.all([
    import('../../core/search/engine.ts'),
    import('../db/bundle-db.ts'),
  ]);
  await quietMoment();
  if (wanted !== dbName) return;
  const startedAt = performance.now();
  const db = new BundleDb(dbName);
  let data;
  try {
    const docs = (await db.items.count()) + (await db.guides.count()) + (await db.interpretations.count());
    if (docs > PAGE_ENGINE_MAX_DOCS) {
      console.info(`search: ${docs} documents; the worker alone answers`);
      return;
    }
    data = await readSearchSource(db, {
      pageSize: PAGE_SIZE,
      between: async () => {
        await quietMoment();
      },
    });
  } finally {
    db.close();
  }
  if (wanted !== dbName) return;
  const stats: SliceStats = { workMs: 0, slices: 0, longestMs: 0 };
  const engine = await runInSlices(searchEngineInSteps(data), dbName, stats);
  if (!engine || wanted !== dbName) return;
  ready = { dbName, engine };
  const round = Math.round;
  console.info(
    `search: page engine ready over ${engine.docCount} documents (${round(stats.workMs)} ms of build in ` +
      `${stats.slices} slices, longest ${round(stats.longestMs)} ms; ${round(performance.now() - startedAt)} ms from start)`,
  );
}

/**
 * The answer now, in this task, or null when the page has no engine for `dbName` yet (ask the worker). It is a
 * keystroke's search: the did-you-mean pass that only an empty result needs is left for the pause in typing
 * (`suggestionsLater`; the worker answers it then).
 */
export function searchOnPage(dbName: string, query: string, limit = 60): SearchAnswer | null {
  if (ready?.dbName !== dbName) return null;
  const started = performance.now();
  const response: SearchResponse = ready.engine.search(query, { limit, typing: true });
  return { query, response, ms: performance.now() - started };
}

/** For tests: whether the page's engine serves `dbName`. */
export function pageEngineReady(dbName: string): boolean {
  return ready?.dbName === dbName;
}
