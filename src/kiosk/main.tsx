// Entry: paint the shell at once, then start (config, bundle store, search worker) from a lazy chunk.
import './zod-jitless.ts';
import { render } from 'preact';
import { setLang } from './i18n/strings.ts';
import { App } from './ui/App.tsx';
import { navigate } from './ui/router.ts';
import { subscribeKioskState } from './state.ts';
import { openBundle, openLive } from './search/bridge.ts';
import { preparePageEngine } from './search/page-engine.ts';
import { registerServiceWorker } from './sw-bridge.ts';
import './ui/styles.css';
import './ui/layout.css';

setLang('zh-CN');

// In-app links go through the router so 返回 knows the in-app history depth.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
  if (!link) return;
  event.preventDefault();
  navigate(link.getAttribute('href')!);
});

// The search engine starts loading at once (the worker reads the live pointer itself); the page's own start-up
// tells it again, and about every later switch. The page's own copy of the engine follows in a quiet moment.
openLive();
subscribeKioskState((s) => {
  if (!s.live) return;
  openBundle(s.live.dbName);
  preparePageEngine(s.live.dbName);
});

render(<App />, document.getElementById('app')!);

if (import.meta.env.PROD) registerServiceWorker();

void import('./boot.ts')
  .then((m) => m.boot())
  .catch((e: unknown) => console.error(`kiosk start failed: ${(e as Error).message}`));
