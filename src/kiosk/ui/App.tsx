// The app frame: a top bar with 返回 and 首页 on every screen but home, and the screen for the current route.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/strings.ts';
import { installKiosk } from '../kiosk/install.ts';
import { usePrefs } from '../kiosk/prefs.ts';
import { useKioskState } from '../state.ts';
import { Attract } from './components/Attract.tsx';
import { ExternalLinkGuard } from './components/ExternalLink.tsx';
import { IdleWarning } from './components/IdleWarning.tsx';
import { KioskTools } from './components/KioskTools.tsx';
import { OnScreenKeyboard } from './components/OnScreenKeyboard.tsx';
import { Loading, NotFound } from './components/Status.tsx';
import { lazyComponent } from './hooks.ts';
import { back, home, useRoute, type Route } from './router.ts';
import { DepartmentList, DomainBrowse, DomainList } from './screens/Browse.tsx';
import { DepartmentPage } from './screens/DepartmentPage.tsx';
import { Home } from './screens/Home.tsx';

// The history guard and the idle timer run before the first render (issue 6).
installKiosk();

// Detail pages carry the schema labels, Markdown and QR code code: fetched on first use, precached for offline.
const ItemPage = lazyComponent(() => import('./screens/ItemPage.tsx').then((m) => m.ItemPage), Loading);
const GuidePage = lazyComponent(() => import('./screens/GuidePage.tsx').then((m) => m.GuidePage), Loading);
const InterpretationPage = lazyComponent(
  () => import('./screens/InterpretationPage.tsx').then((m) => m.InterpretationPage),
  Loading,
);
// The application flow (form, outbox, receipt): fetched when a visitor starts it, precached for offline.
const ApplyFlow = lazyComponent(() => import('../apply/ApplyFlow.tsx').then((m) => m.ApplyFlow), Loading);

function Screen({ route }: { route: Route }) {
  const [first, a, ...rest] = route.parts;
  switch (first) {
    case undefined:
      return <Home route={route} />;
    case 'browse':
      return a ? (
        <DomainBrowse domain={a} path={rest} params={route.params} />
      ) : (
        <DomainList params={route.params} />
      );
    case 'departments':
      return <DepartmentList />;
    case 'department':
      return a ? <DepartmentPage id={a} /> : <NotFound />;
    case 'item':
      return a ? <ItemPage id={a} /> : <NotFound />;
    case 'guide':
      return a ? <GuidePage id={a} /> : <NotFound />;
    case 'interpretation':
      return a ? <InterpretationPage id={a} /> : <NotFound />;
    case 'apply':
      return <ApplyFlow route={route} />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const route = useRoute();
  const { config } = useKioskState();
  const isHome = route.parts.length === 0;
  const path = route.parts.join('/');
  const main = useRef<HTMLElement>(null);
  // A language switch re-renders every screen.
  usePrefs();

  // A new page starts at the top with focus on its heading, so screen readers announce it.
  useEffect(() => {
    window.scrollTo(0, 0);
    if (!isHome) {
      const heading = main.current?.querySelector<HTMLElement>('h1');
      heading?.focus({ preventScroll: true });
    }
  }, [path, isHome]);

  if (route.parts[0] === 'attract') {
    return (
      <main id="main" class="app attract-app">
        <Attract />
      </main>
    );
  }

  return (
    <div class="app">
      <header class="topbar">
        <nav class="topnav" aria-label={t('nav.main')}>
          {/* A button that would do nothing keeps its place but is hidden (visibility: not in the tab order or
              the accessibility tree), so the buttons never move from screen to screen. */}
          <button
            type="button"
            class={isHome ? 'button nav placeholder' : 'button nav'}
            onClick={back}
            aria-hidden={isHome || undefined}
            tabIndex={isHome ? -1 : undefined}
          >
            <span aria-hidden="true">‹ </span>
            {t('nav.back')}
          </button>
          <button type="button" class="button nav" onClick={home}>
            {t('nav.home')}
          </button>
          {route.parts[0] !== 'apply' ? (
            <a class="button nav" href="#/apply">
              {t('nav.apply')}
            </a>
          ) : (
            <span class="button nav placeholder" aria-hidden="true">
              {t('nav.apply')}
            </span>
          )}
        </nav>
        <KioskTools path={path} />
        {/* Home shows the hall's name as its heading: the bar's line stays (no shift) but empty there. */}
        {isHome ? (
          <span class="hall" aria-hidden="true">
            {'\u00a0'}
          </span>
        ) : config?.hallName ? (
          <span class="hall" lang="zh-CN" data-content>
            {config.hallName}
          </span>
        ) : (
          <span class="hall">{t('app.title')}</span>
        )}
      </header>
      <main id="main" ref={main}>
        <Screen route={route} />
      </main>
      <OnScreenKeyboard />
      <IdleWarning />
      <ExternalLinkGuard />
    </div>
  );
}
