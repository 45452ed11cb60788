// The page's side of the service worker: registration and a waiting update, applied only when asked
// (the idle screen does it, never mid-visit).
import { Workbox } from 'workbox-window';
import { mayReload, type ReloadRecord } from './staff/reload-guard.ts';

let wb: Workbox | null = null;
let waiting = false;
let reloading = false;
const listeners = new Set<() => void>();

/** True when a new app version is installed and waits for applyUpdate(). */
export function updateReady(): boolean {
  return waiting;
}

/** Called once when an update becomes ready (immediately if it already is). Returns an unsubscribe. */
export function onUpdateReady(listener: () => void): () => void {
  if (waiting) listener();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Activates the waiting service worker and reloads the page once it controls it. */
export function applyUpdate(): boolean {
  if (!wb || !waiting || reloading) return false;
  // Reload-loop guard: at most one reload for an app update per RELOAD_GUARD_MS, remembered across the reload
  // (localStorage: the idle reset clears sessionStorage).
  const now = Date.now();
  if (!mayReload(readReloadRecord(), now)) return false;
  writeReloadRecord({ at: now, from: wbScript });
  reloading = true;
  wb.addEventListener('controlling', () => location.reload()); // once: the page goes away
  wb.messageSkipWaiting();
  return true;
}

const RELOAD_KEY = 'kiosk.appReload';
let wbScript = '';

function readReloadRecord(): ReloadRecord | undefined {
  try {
    const raw = localStorage.getItem(RELOAD_KEY);
    return raw ? (JSON.parse(raw) as ReloadRecord) : undefined;
  } catch {
    return undefined;
  }
}

function writeReloadRecord(r: ReloadRecord): void {
  try {
    localStorage.setItem(RELOAD_KEY, JSON.stringify(r));
  } catch {
    // storage unavailable: the in-memory flag still prevents a second reload from this page
  }
}

/**
 * Asks the browser to look for a new service worker now (a kiosk may run for weeks without a navigation, so
 * this is called on a timer). A new one installs in the background and waits; see onUpdateReady.
 */
export async function checkForAppUpdate(): Promise<void> {
  try {
    await wb?.update();
  } catch {
    // offline: the next check tries again
  }
}

/** Resolves when a service worker controls this page (offline starts work from then on). */
export function controlled(): Promise<void> {
  if (!('serviceWorker' in navigator)) return Promise.resolve();
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
}

export function registerServiceWorker(url = '/sw.js'): void {
  if (!('serviceWorker' in navigator) || wb) return;
  wb = new Workbox(url, { scope: '/', type: 'module' });
  wbScript = url;
  wb.addEventListener('waiting', () => {
    waiting = true;
    for (const l of listeners) l();
  });
  void wb.register().catch((e: unknown) => console.warn(`service worker: ${(e as Error).message}`));
}
