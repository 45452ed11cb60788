// A tiny hash router: #/item/sj-001, #/browse/社会救助/最低生活保障, #/?q=低保.
// history.state.depth counts in-app pages so 返回 never leaves the app.
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

/** Builds a hash from path segments (each encoded) and optional query parameters. */
export function href(parts: string[], params?: Record<string, string>): string {
  const path = parts.map(encodeURIComponent).join('/');
  const qs =
    params && Object.values(params).some(Boolean) ? `?${new URLSearchParams(params).toString()}` : '';
  return `#/${path}${qs}`;
}

const depth = (): number => (history.state as { depth?: number } | null)?.depth ?? 0;
/** The entry's visit id is carried on (src/kiosk/kiosk/visit.ts: entries of an earlier visit are never shown). */
const visit = (): string | undefined => (history.state as { visit?: string } | null)?.visit;

export function navigate(to: string): void {
  history.pushState({ depth: depth() + 1, visit: visit() }, '', to);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/** Changes the address without a new history entry (the search text as it is typed). */
export function replace(to: string): void {
  history.replaceState({ depth: depth(), visit: visit() }, '', to);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/**
 * Records the search text in the address without telling the app frame: the screen that owns the text already
 * shows it, and re-rendering the whole frame on every keystroke cost most of a kiosk's frame budget (issue 3).
 * 返回 from a result still comes back to the text, since the address holds it.
 */
export function replaceQuietly(to: string): void {
  history.replaceState({ depth: depth(), visit: visit() }, '', to);
}

export function back(): void {
  if (depth() > 0) history.back();
  else replace('#/');
}

export function home(): void {
  if (location.hash && location.hash !== '#/') navigate('#/');
}

export function useRoute(): Route {
  const [rendered] = useState(() => location.hash);
  const [route, setRoute] = useState(() => parseHash(rendered));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
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
