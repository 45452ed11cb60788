// The second floor of "keystroke to results painted" (kiosk-search.bench.ts): a bare page doing the kiosk's work
// without its UI. It builds the same search engine over the same live bundle, read from IndexedDB (it opens in a
// browser context where the kiosk imported the bundle), and its input handler searches and writes the first 20
// titles as rows, synchronously: no framework, no worker, no other content. The kiosk's ratio to it is what its UI
// costs on top of the search; the ratio of this page to the plain bare page is what the search itself costs.
import '../../src/kiosk/zod-jitless.ts';
import { createSearchEngine } from '../../src/core/search/engine.ts';
import { BundleDb, readSearchSource } from '../../src/kiosk/db/bundle-db.ts';
import { metaDb } from '../../src/kiosk/db/meta-db.ts';

/** As many results as the kiosk asks its engine for (src/kiosk/search/page-engine.ts), 20 of them drawn. */
const LIMIT = 60;
const DRAWN = 20;

async function start(): Promise<void> {
  const live = await metaDb().getValue('live');
  if (!live) throw new Error('no live bundle in this browser context: open the kiosk first');
  const db = new BundleDb(live.dbName);
  const engine = createSearchEngine(await readSearchSource(db));
  db.close();
  engine.warm();
  const input = document.getElementById('kiosk-search') as HTMLInputElement;
  const list = document.getElementById('r')!;
  input.addEventListener('input', () => {
    const q = input.value;
    const { results } = engine.search(q, { limit: LIMIT, typing: true }); // as the kiosk's keystroke asks
    list.setAttribute('aria-label', '搜索结果：' + q);
    list.replaceChildren(
      ...results.slice(0, DRAWN).map((r) => {
        const li = document.createElement('li');
        li.textContent = r.title;
        return li;
      }),
    );
  });
  console.info(`bare search page ready over ${engine.docCount} documents`);
}

start().catch((e: unknown) => console.error(`bare search page: ${(e as Error).message}`));
