// Home: the search field, big domain tiles, departments and recently updated; results replace the tiles as one types.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getLang, t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { search, type SearchAnswer } from '../../search/bridge.ts';
import { searchOnPage } from '../../search/page-engine.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { RequestedShelf } from '../components/RequestedShelf.tsx';
import { SearchResults } from '../components/SearchResults.tsx';
import { Tile, TileGrid } from '../components/Tile.tsx';
import { href, rememberQuery, type Route } from '../router.ts';
import { useAsync } from '../hooks.ts';
import { memo } from '../memo.ts';
import { repo } from '../repo-loader.ts';
import { countLabel, hasContent } from './Browse.tsx';

export function Home({ route }: { route: Route }) {
  const kiosk = useKioskState();
  // The text as typed lives here, not in the app frame: a keystroke re-renders this screen only (issue 3). The
  // router remembers it quietly (in memory, never in the address), so 返回 from a result comes back to it. A new route (返回, 首页, a link) wins over
  // what was typed under the previous one.
  const [typed, setTyped] = useState<{ route: Route; text: string } | null>(null);
  const query = typed && typed.route === route ? typed.text : (route.params.get('q') ?? '');
  const [workerAnswer, setAnswer] = useState<SearchAnswer | null>(null);
  const dbName = kiosk.live?.dbName;
  // The page's own engine answers in this render, so the results are painted in the keystroke's frame; until it is
  // built (or for a bundle too big for it) the worker answers a frame later.
  const pageAnswer = useMemo(
    () => (dbName && query.trim() ? searchOnPage(dbName, query) : null),
    [query, dbName],
  );
  const answer = pageAnswer ?? workerAnswer;

  // A layout effect: the query goes to the worker in the keystroke's own task, not after the next paint (a
  // useEffect waits for a frame), so the answer can be painted one frame sooner.
  useLayoutEffect(() => {
    if (!query.trim() || !dbName || pageAnswer) return;
    let alive = true;
    void search(query).then((a) => {
      if (alive && a) setAnswer(a);
    });
    return () => {
      alive = false;
    };
  }, [query, dbName, pageAnswer]);

  const address = useAddressWriter();
  const setQuery = (text: string) => {
    setTyped({ route, text });
    address.write(text);
  };

  return (
    <section class="screen home" aria-labelledby="home-title">
      <h1 id="home-title" lang="zh-CN">
        {kiosk.config?.hallName ?? kiosk.live?.siteName ?? t('app.title')}
      </h1>
      <SearchBox value={query} onInput={setQuery} autoFocus />
      <StartupNote />
      {dbName && query.trim() ? (
        <>
          <SearchResults
            query={query}
            answer={answer}
            deskLocation={kiosk.config?.deskLocation ?? ''}
            onPick={setQuery}
          />
          <RequestedShelf query={query} />
        </>
      ) : null}
      {dbName ? <HomeTiles dbName={dbName} hidden={query.trim() !== ''} lang={getLang()} /> : null}
    </section>
  );
}

/** After a pause in typing, the router's memory is brought up to date with the text. */
const ADDRESS_DELAY_MS = 400;

/**
 * Remembers the search text once typing pauses, not on every keystroke (it used to be a replaceState of the
 * address, which cost the kiosk a few milliseconds and made Chromium fetch the page icon again). A tap anywhere outside the keyboard and the
 * search field (a result, 返回, 首页) writes it first, so the history entry being left holds the text. Leaving the
 * screen otherwise (the idle reset) drops it.
 */
function useAddressWriter(): { write: (text: string) => void } {
  const pending = useRef<string | null>(null);
  const lastTyped = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const writeNow = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (pending.current === null) return;
    rememberQuery(pending.current);
    pending.current = null;
  };
  // One timer per pause, not a clearTimeout and a setTimeout per keystroke (together ~1.5 ms of a throttled
  // kiosk CPU's keystroke): a timer that fires while typing goes on waits for the rest of the pause.
  const whenPaused = () => {
    const wait = lastTyped.current + ADDRESS_DELAY_MS - performance.now();
    if (wait > 0) timer.current = setTimeout(whenPaused, wait);
    else writeNow();
  };
  useEffect(() => {
    const beforeTap = (event: Event) => {
      const target = event.target;
      if (target instanceof Element && target.closest('.osk, .searchbox')) return;
      writeNow();
    };
    addEventListener('click', beforeTap, true);
    return () => {
      removeEventListener('click', beforeTap, true);
      clearTimeout(timer.current);
    };
  }, []);
  return {
    write(text: string) {
      pending.current = text;
      lastTyped.current = performance.now();
      timer.current ??= setTimeout(whenPaused, ADDRESS_DELAY_MS);
    },
  };
}

function StartupNote() {
  const { phase, progress, problem } = useKioskState();
  if (phase === 'importing') {
    const done = progress?.done ?? 0;
    const total = progress?.total ?? 0;
    const label = t('state.importing', { done, total });
    return (
      <div class="startup">
        <p>{label}</p>
        <progress aria-label={label} max={total || 1} value={done} />
      </div>
    );
  }
  if (phase === 'empty') {
    return (
      <p class="status error" role="alert">
        {t('state.noBundle')}
        {problem ? <small class="problem">{problem}</small> : null}
      </p>
    );
  }
  return null;
}

/**
 * The tiles stay in the page while results show, hidden: the first keystroke only hides them and clearing the
 * field only shows them again, instead of tearing down and rebuilding dozens of links (and reading the summary
 * from IndexedDB again) in the frame a visitor waits for (issue 11, item 7). Memoised: a keystroke does not
 * render them again; a language switch does (`lang`, the interface language their labels are worded in).
 */
const HomeTiles = memo(function HomeTiles({
  dbName,
  hidden,
}: {
  dbName: string;
  hidden: boolean;
  lang: string;
}) {
  const summary = useAsync(async () => (await repo()).getSummary(dbName), [dbName]).value;
  if (!summary) return null;
  return (
    <div class="home-tiles" hidden={hidden}>
      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading">{t('home.domains')}</h2>
        <TileGrid label={t('home.domains')}>
          {summary.domains.filter(hasContent).map((d) => (
            <Tile key={d.name} to={href(['browse', d.name])} label={d.name} sub={countLabel(d)} />
          ))}
        </TileGrid>
        <p>
          <a class="button secondary" href={href(['departments'])}>
            {t('home.departments')}
          </a>
        </p>
      </section>
      <RequestedShelf />
      {summary.recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('home.recent')}</h2>
          <ul class="link-list" aria-label={t('home.recent')}>
            {summary.recent.map((r) => (
              <li key={`${r.type}:${r.id}`}>
                <a class="row-link" lang="zh-CN" href={href([r.type, r.id])}>
                  <span>{r.title}</span> <span class="meta">{r.date}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
});
