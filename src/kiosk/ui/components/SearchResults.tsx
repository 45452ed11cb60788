// Results grouped 事项 / 办事指南 / 政策解读 in one list named 搜索结果; a helpful screen when nothing matches.
import { useMemo, useRef, useState } from 'preact/hooks';
import { getLang, t, type StringId } from '../../i18n/strings.ts';
import type { SearchHit, ResultType } from '../../search/types.ts';
import type { SearchAnswer } from '../../search/bridge.ts';
import { href } from '../router.ts';
import { useKioskState } from '../../state.ts';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { CallStaff } from './CallStaff.tsx';
import { DepartmentContact } from './DepartmentContact.tsx';
import { ValidityTag } from './ContentPage.tsx';
import { Highlight } from './Highlight.tsx';

const GROUPS: ResultType[] = ['item', 'guide', 'interpretation'];
/** Results shown at first, and how many more each 显示更多 adds. */
const FIRST_SHOWN = 20;
const MORE_STEP = 20;

function ResultLink({ hit, query }: { hit: SearchHit; query: string }) {
  return (
    <li>
      <a class="result" lang="zh-CN" href={href([hit.type, hit.id])}>
        <span class="result-title">
          <Highlight text={hit.title} query={query} highlights={hit.highlights} />
          <ValidityTag validity={hit.validity} />
        </span>{' '}
        <span class="result-meta">{hit.domain}</span>
      </a>
    </li>
  );
}

interface Props {
  query: string;
  answer: SearchAnswer | null;
  deskLocation: string;
  onPick: (query: string) => void;
}

export function SearchResults({ query, answer, deskLocation, onPick }: Props) {
  // The pick handler changes identity with every render of the screen; the answer view reads it through a ref so
  // it can stay memoised on the answer alone.
  const pick = useRef(onPick);
  pick.current = onPick;
  // A keystroke changes the query at once but the answer only when the worker replies: the list (dozens of links
  // with highlights) is rebuilt for a new answer only, not for every keystroke in between (issue 3).
  const view = useMemo(
    () =>
      answer ? (
        // Keyed by the text asked: a new search starts with the first few results again.
        <AnswerView key={answer.query} answer={answer} deskLocation={deskLocation} pick={pick} />
      ) : null,
    [answer, deskLocation, getLang()],
  );
  if (!view) {
    return (
      <p class="status" role="status">
        {t('search.searching')}
      </p>
    );
  }
  // While the answer for the newest text is on its way, the previous one stays (no flicker between keystrokes).
  return <div aria-busy={answer?.query !== query}>{view}</div>;
}

function AnswerView({
  answer,
  deskLocation,
  pick,
}: {
  answer: SearchAnswer;
  deskLocation: string;
  pick: { current: (query: string) => void };
}) {
  const shown = answer.query;
  const { results: ranked, didYouMean, closest, contactDept } = answer.response;
  // The best few first: a visitor reads the top of the list, and every row rendered is layout work the next
  // keystroke waits for on a kiosk CPU (issue 3). The rest are one tap away.
  const [limit, setLimit] = useState(FIRST_SHOWN);
  const results = ranked.slice(0, limit);
  const more = ranked.length - results.length;
  if (ranked.length === 0) {
    return (
      <NoResults
        query={shown}
        didYouMean={didYouMean ?? []}
        deskLocation={deskLocation}
        onPick={(q) => pick.current(q)}
      />
    );
  }
  return (
    <section class="results">
      {closest ? (
        // Nothing matched in full: say so before the closest documents, never an empty screen (issue 11).
        <p class="results-count closest-note" role="status">
          {t('search.closest.title')}
        </p>
      ) : (
        <p class="results-count" role="status">
          {t('search.count', { n: ranked.length })}
        </p>
      )}
      {contactDept ? <ContactCard name={contactDept} /> : null}
      <ul class="result-groups" aria-label={`${t('search.results')}：${shown}`}>
        {GROUPS.map((type) => {
          const hits = results.filter((r) => r.type === type);
          if (hits.length === 0) return null;
          const label = t(`search.group.${type}` as StringId);
          return (
            <li key={type} class="result-group">
              <h3 id={`group-${type}`}>
                {label}（{ranked.filter((r) => r.type === type).length}）
              </h3>
              <ul class="result-list" aria-labelledby={`group-${type}`}>
                {hits.map((hit) => (
                  <ResultLink key={`${hit.type}:${hit.id}`} hit={hit} query={shown} />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {more > 0 ? (
        <p>
          <button type="button" class="button secondary" onClick={() => setLimit((n) => n + MORE_STEP)}>
            {t('search.more', { n: more })}
          </button>
        </p>
      ) : null}
      {closest ? (
        <nav class="closest-help" aria-label={t('search.closest.help')}>
          <ul class="actions">
            <li>
              <CallStaff />
            </li>
            <li>
              <a class="button" href={href(['apply'])}>
                {t('search.none.apply')}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

function NoResults({
  query,
  didYouMean,
  deskLocation,
  onPick,
}: {
  query: string;
  didYouMean: string[];
  deskLocation: string;
  onPick: (q: string) => void;
}) {
  return (
    <section class="no-results" aria-labelledby="none-heading">
      <h2 id="none-heading" role="status">
        {t('search.none.title', { q: query })}
      </h2>
      {didYouMean.length > 0 ? (
        <div class="did-you-mean">
          <h3>{t('search.none.didYouMean')}</h3>
          <ul class="chips">
            {didYouMean.map((s) => (
              <li key={s}>
                <button type="button" class="button" onClick={() => onPick(s)}>
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t('search.none.tips')}</p>
      <ul class="actions">
        <li>
          <a class="button" href={href(['browse'])}>
            {t('search.none.browse')}
          </a>
        </li>
        <li>
          <a class="button" href={href(['apply'])}>
            {t('search.none.apply')}
          </a>
        </li>
      </ul>
      <p class="desk">
        {t('search.none.desk')}
        {deskLocation ? `（${t('search.none.deskAt', { where: deskLocation })}）` : ''}
      </p>
    </section>
  );
}

/** A where/when/phone question (在哪办, 电话多少): the department's contact above the list (issue 11). */
function ContactCard({ name }: { name: string }) {
  const dbName = useKioskState().live?.dbName;
  const dept = useAsync(async () => {
    if (!dbName) return null;
    return (await repo()).departmentByName(dbName, name);
  }, [dbName, name]);
  if (!dept.value) return null;
  return (
    <section class="contact-card" aria-labelledby="contact-card-title">
      <h3 id="contact-card-title">
        {t('item.contact')}
        {getLang() === 'en' ? ': ' : '：'}
        <span lang="zh-CN" data-content>
          {dept.value.name}
        </span>
      </h3>
      <DepartmentContact dept={dept.value} />
    </section>
  );
}
