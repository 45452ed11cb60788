// "Already published?": while the visitor describes what they want, matching catalogue items and guides from the
// search worker. One tap opens one (返回 comes back to the form, nothing lost); filing anyway is the 下一步 below.
import { useEffect, useState } from 'preact/hooks';
import { search, type SearchAnswer } from '../search/bridge.ts';
import { t } from '../i18n/strings.ts';
import { useKioskState } from '../state.ts';
import { href } from '../ui/router.ts';

const MAX = 5;
const DEBOUNCE_MS = 350;

export function Suggestions({ text }: { text: string }) {
  const { live } = useKioskState();
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const query = text.slice(0, 60);
  const dbName = live?.dbName;

  useEffect(() => {
    if (!dbName || [...query].length < 2) {
      setAnswer(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      void search(query, 20).then((a) => {
        if (alive && a) setAnswer(a);
      });
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query, dbName]);

  const hits = (answer?.response.results ?? []).filter((r) => r.type !== 'interpretation').slice(0, MAX);
  if (!answer || hits.length === 0 || [...query].length < 2) return null;
  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('apply.suggest.title')}</h2>
      <p class="hint">{t('apply.suggest.lead')}</p>
      <ul class="link-list" aria-label={t('apply.suggest.title')}>
        {hits.map((h) => (
          <li key={`${h.type}:${h.id}`}>
            <a class="row-link" href={href([h.type, h.id])}>
              <span>{h.title}</span> <span class="meta">{t(`type.${h.type}`)}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="hint">{t('apply.suggest.fileAnyway')}</p>
    </section>
  );
}
