// One visit = one visitor. Every history entry the app makes carries the visit's id; an entry of an earlier
// visit (reached with Back or Forward, or restored after the reset's reload) is turned into the attract screen,
// so nothing the previous visitor saw can be reached. The idle reset runs the onIdleReset hooks (keyboard,
// language and display modes, staged bundle, waiting app update), starts a new visit and reloads the page, which
// drops every input, result list, scroll position, dialog and in-memory form.

const VISIT_KEY = 'kiosk.visit';
export const ATTRACT_HASH = '#/attract';

type ResetHook = () => void | Promise<void>;
const hooks = new Set<ResetHook>();

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

let visit: string | null = null;

export function currentVisit(): string {
  if (visit) return visit;
  try {
    visit = sessionStorage.getItem(VISIT_KEY);
    if (!visit) {
      visit = newId();
      sessionStorage.setItem(VISIT_KEY, visit);
    }
  } catch {
    visit = newId();
  }
  return visit;
}

interface EntryState {
  depth?: number;
  visit?: string;
}

/** True when the current history entry belongs to an earlier visit. */
function stale(): boolean {
  const s = history.state as EntryState | null;
  return !!s?.visit && s.visit !== currentVisit();
}

function toAttract(): void {
  history.replaceState(
    { depth: 0, visit: currentVisit() },
    '',
    `${location.pathname}${location.search}${ATTRACT_HASH}`,
  );
}

/**
 * At start (before the first render): stamp a fresh entry with this visit, turn a stale one into the attract
 * screen; then keep doing so on every Back/Forward. Registered before the router's listeners, so they see the
 * corrected address.
 */
export function installHistoryGuard(): void {
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  if (stale()) toAttract();
  else {
    const s = (history.state as EntryState | null) ?? {};
    history.replaceState({ ...s, depth: s.depth ?? 0, visit: currentVisit() }, '');
  }
  window.addEventListener('popstate', () => {
    if (stale()) toAttract();
  });
}

/** Registers work to do at the idle reset, before the page reloads. Returns an unsubscribe. */
export function onIdleReset(hook: ResetHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export interface ResetDeps {
  /** Reloads the page (or applies a waiting app update, which reloads it). */
  reload: () => void;
}

/** Ends the visit: hooks, fresh session storage and visit id, the attract entry, a reload. */
export async function resetVisit(deps: ResetDeps): Promise<void> {
  for (const hook of [...hooks]) {
    try {
      await hook();
    } catch (e) {
      console.warn(`idle reset: ${(e as Error).message}`);
    }
  }
  visit = newId();
  try {
    sessionStorage.clear();
    sessionStorage.setItem(VISIT_KEY, visit);
  } catch {
    /* storage unavailable: the in-memory id still marks old entries stale */
  }
  toAttract();
  window.scrollTo(0, 0);
  deps.reload();
}
