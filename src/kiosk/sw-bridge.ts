// The page's side of the service worker: registration and a waiting update, applied only when asked
// (the idle screen does it, never mid-visit).
import { Workbox } from 'workbox-window';

let wb: Workbox | null = null;
let waiting = false;
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
export function applyUpdate(): void {
  if (!wb || !waiting) return;
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
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
  wb.addEventListener('waiting', () => {
    waiting = true;
    for (const l of listeners) l();
  });
  void wb.register().catch((e: unknown) => console.warn(`service worker: ${(e as Error).message}`));
}
