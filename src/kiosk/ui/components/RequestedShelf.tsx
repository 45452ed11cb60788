// 常被申请的信息 (Art. 44): information many applicants asked for and that is now published, with where to find it.
// On the home screen all of it (newest first); beside search results the entries the query is about.
import type { PublishedOnRequest } from '../../../core/shelf/shelf.ts';
import { t } from '../../i18n/strings.ts';
import { loadShelf, shelfMatches } from '../../shelf/feed.ts';
import { useKioskState } from '../../state.ts';
import { useAsync } from '../hooks.ts';
import { href } from '../router.ts';

const HOME_SHOWN = 6;

function Entry({ e }: { e: PublishedOnRequest }) {
  const meta = [e.agencyName, t('shelf.published', { date: e.publishedOn })].filter(Boolean).join(' · ');
  // An item of the bundle opens here; a web page is shown as a QR code by the external-link guard.
  const to = e.itemId ? href(['item', e.itemId]) : (e.url ?? '#/');
  return (
    <li>
      <a class="row-link" lang="zh-CN" href={to}>
        <span>{e.title}</span> <span class="meta">{meta}</span>
      </a>
    </li>
  );
}

export function RequestedShelf({ query }: { query?: string }) {
  const { config } = useKioskState();
  const all = useAsync(() => loadShelf(config?.serverUrl ?? ''), [config?.serverUrl]).value ?? [];
  const entries = query === undefined ? all.slice(0, HOME_SHOWN) : shelfMatches(all, query);
  if (!entries.length) return null;
  // The home screen's shelf stays in the page (hidden) beside the one under the results: an id each.
  const heading = query === undefined ? 'shelf-heading' : 'shelf-heading-results';
  return (
    <section class="requested-shelf" aria-labelledby={heading}>
      <h2 id={heading}>{t('shelf.title')}</h2>
      <p class="hint">{t('shelf.lead')}</p>
      <ul class="link-list" aria-labelledby={heading}>
        {entries.map((e) => (
          <Entry key={e.id} e={e} />
        ))}
      </ul>
    </section>
  );
}
