// The attract screen (the empty kiosk): the zone's name, current notices from the bundle, 轻触屏幕开始.
import type { Notice } from '../../../core/bundle/schema.ts';
import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { useAsync } from '../hooks.ts';
import { replace } from '../router.ts';

/** Notices in force on a day (YYYY-MM-DD): from and until are inclusive, null means open. */
export function currentNotices(notices: Notice[], today: string): Notice[] {
  return notices.filter((n) => (!n.from || n.from <= today) && (!n.until || today <= n.until));
}

function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function loadNotices(dbName: string): Promise<Notice[]> {
  const { BundleDb } = await import('../../db/bundle-db.ts');
  const db = new BundleDb(dbName);
  try {
    return currentNotices(await db.notices.toArray(), localDate());
  } finally {
    db.close();
  }
}

export function Attract() {
  const kiosk = useKioskState();
  const dbName = kiosk.live?.dbName;
  const notices = useAsync(async () => (dbName ? loadNotices(dbName) : []), [dbName]).value ?? [];
  const start = () => replace('#/');
  return (
    <section class="attract" aria-labelledby="attract-title" onClick={start}>
      <h1 id="attract-title" lang="zh-CN" tabIndex={-1}>
        {kiosk.config?.hallName ?? kiosk.live?.siteName ?? t('app.title')}
      </h1>
      <p class="attract-hint">{t('attract.hint')}</p>
      <button type="button" class="button big attract-start" onClick={start}>
        {t('attract.start')}
      </button>
      {notices.length ? (
        <section class="notices" aria-labelledby="notices-title">
          <h2 id="notices-title">{t('attract.notices')}</h2>
          <ul class="notice-list" lang="zh-CN" data-content>
            {notices.map((n) => (
              <li key={n.id}>
                <h3>{n.title}</h3>
                {n.body ? <p>{n.body}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
