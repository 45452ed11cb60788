// A tiny hash router: #/item/sj-001, #/browse/社会救助/最低生活保障.
// history.state.depth counts in-app pages so 返回 never leaves the app. The search text is never in the address
// (Chromium's History database keeps every address, across idle resets): it is kept in memory per history entry
// (rememberQuery) and read back as the route's `q` parameter, and the idle reset's reload drops it.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** Decoded path segments: ['item', 'sj-001']. */
  parts: string[];
  params: URLSearchParams;
}

const ROUTE_EVENT = 'kiosk:route';

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, params: new URLSearchParams(query) };
}

/** The current route: the address, plus the search text remembered for this history entry. */
export function currentRoute(): Route {
  const route = parseHash(location.hash);
  const id = entryId();
  const q = id === undefined ? undefined : queries.get(id);
  if (q !== undefined) route.params.set('q', q);
  return route;
}

/** Builds a hash from path segments (each encoded) and optional query parameters. */
export function href(parts: string[], params?: Record<string, string>): string {
  const path = parts.map(encodeURIComponent).join('/');
  const qs =
    params && Object.values(params).some(Boolean) ? `?${new URLSearchParams(params).toString()}` : '';
  return `#/${path}${qs}`;
}

const depth = (): number => (history.state as { depth?: number } | null)?.depth ?? 0;
/** The history entry's own id (in history.state), keying its search text in `queries`. */
const entryId = (): string | undefined => (history.state as { entry?: string } | null)?.entry;
const newEntryId = (): string => Math.random().toString(36).slice(2);
/** Search text per history entry, in this page's memory only. */
const queries = new Map<string, string>();
/** The entry's visit id is carried on (src/kiosk/kiosk/visit.ts: entries of an earlier visit are never shown). */
const visit = (): string | undefined => (history.state as { visit?: string } | null)?.visit;

export function navigate(to: string): void {
  history.pushState({ depth: depth() + 1, visit: visit(), entry: newEntryId() }, '', to);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/** Changes the address without a new history entry (the search text as it is typed). */
export function replace(to: string): void {
  history.replaceState({ depth: depth(), visit: visit(), entry: entryId() ?? newEntryId() }, '', to);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/**
 * Remembers the search text for the current history entry without telling the app frame: the screen that owns the
 * text already shows it, and re-rendering the whole frame on every keystroke cost most of a kiosk's frame budget
 * (issue 3). 返回 from a result still comes back to the text. A `?q=` an older address carried is dropped.
 */
export function rememberQuery(text: string): void {
  let id = entryId();
  const hash = location.hash.includes('?') ? location.hash.replace(/\?.*$/, '') : null;
  if (id === undefined || hash !== null) {
    id ??= newEntryId();
    history.replaceState(
      { ...(history.state as object | null), depth: depth(), visit: visit(), entry: id },
      '',
      hash ?? undefined,
    );
  }
  if (text) queries.set(id, text);
  else queries.delete(id);
}

export function back(): void {
  if (depth() > 0) history.back();
  else replace('#/');
}

export function home(): void {
  // The home screen with a search text is another page than the empty home screen, though both are '#/'.
  const id = entryId();
  if ((location.hash && location.hash !== '#/') || (id !== undefined && queries.has(id))) navigate('#/');
}

export function useRoute(): Route {
  const [rendered] = useState(() => location.hash);
  const [route, setRoute] = useState(() => currentRoute());
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    window.addEventListener(ROUTE_EVENT, update);
    // An address change between the first render and this effect (a keystroke in the first frame) is not lost.
    if (location.hash !== rendered) update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
      window.removeEventListener(ROUTE_EVENT, update);
    };
  }, []);
  return route;
}
