// The 常被申请的信息 shelf as the zone server publishes it (GET /api/v1/published-on-request). The last good copy is
// kept in localStorage (titles staff wrote and addresses only, nothing a visitor typed), so an offline kiosk still
// shows it; a fresh copy is fetched at most every few minutes.
import {
  PublishedOnRequestFeedSchema,
  normaliseRequest,
  type PublishedOnRequest,
} from '../../core/shelf/shelf.ts';

const STORAGE_KEY = 'kiosk-shelf-v1';
const FRESH_MS = 5 * 60_000;
/** After a failed fetch (offline, an older server's 404), the last good copy serves this long before a retry. */
const RETRY_MS = 60_000;
let memory: { at: number; entries: PublishedOnRequest[]; freshMs: number } | null = null;

function stored(): PublishedOnRequest[] {
  try {
    const parsed = PublishedOnRequestFeedSchema.safeParse(
      JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'),
    );
    return parsed.success ? parsed.data.entries : [];
  } catch {
    return [];
  }
}

export async function loadShelf(
  serverUrl: string,
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
  now = Date.now(),
): Promise<PublishedOnRequest[]> {
  if (memory && now - memory.at < memory.freshMs) return memory.entries;
  // Offline: no request at all (a failed fetch is logged as an error in the kiosk's console).
  if (globalThis.navigator?.onLine === false) return memory?.entries ?? stored();
  try {
    const res = await fetchFn(`${serverUrl.replace(/\/$/, '')}/api/v1/published-on-request`, {
      cache: 'no-cache',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const feed = PublishedOnRequestFeedSchema.parse(await res.json());
    memory = { at: now, entries: feed.entries, freshMs: FRESH_MS };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(feed));
    } catch {
      // A full or missing storage only loses the offline copy.
    }
    return feed.entries;
  } catch {
    // Offline, an older server without the feed (404), or a bad answer: the last good copy, and no new request
    // for a while (every search would otherwise ask again).
    memory = { at: now, entries: memory?.entries ?? stored(), freshMs: RETRY_MS };
    return memory.entries;
  }
}

/** For tests and the idle reset of a long-running kiosk: forget the in-memory copy. */
export function forgetShelf(): void {
  memory = null;
}

/** The entries a search is about: the query's words (normalised) all appear in the entry's title or agency. */
export function shelfMatches(entries: readonly PublishedOnRequest[], query: string): PublishedOnRequest[] {
  const words = query
    .split(/\s+/u)
    .map((w) => normaliseRequest(w))
    .filter(Boolean);
  if (!words.length) return [];
  return entries.filter((e) => {
    const text = normaliseRequest(`${e.title}${e.agencyName}`);
    return words.every((w) => text.includes(w));
  });
}
