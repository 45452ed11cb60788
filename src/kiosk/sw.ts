/// <reference lib="webworker" />
// The service worker: precaches the app shell (never the bundle), serves navigations from it offline,
// and waits to activate until the page asks (SKIP_WAITING from sw-bridge on the idle screen).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PrecacheEntry } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app navigation gets index.html; the bundle channel, the API and the config go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/bundle\//, /^\/kiosk-config\.json$/],
  }),
);

// The first install takes control at once so the very first visit is already offline-ready;
// later versions wait for SKIP_WAITING (see above).
self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});
