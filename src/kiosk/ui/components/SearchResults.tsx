// Results grouped 事项 / 办事指南 / 政策解读 in one list named 搜索结果; a helpful screen when nothing matches. On a wide
// landscape screen the list takes the left part and a preview of the selected result the right part.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getLang, t, type StringId } from '../../i18n/strings.ts';
import type { SearchHit, ResultType } from '../../search/types.ts';
import { search, type SearchAnswer } from '../../search/bridge.ts';
import { href } from '../router.ts';
import { useKioskState } from '../../state.ts';
import { lazyComponent, useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { useWideLandscape } from '../wide-screen.ts';
import { CallStaff } from './CallStaff.tsx';
import { DepartmentContact } from './DepartmentContact.tsx';
import { ValidityTag } from './ContentPage.tsx';
import { Highlight } from './Highlight.tsx';
import { Loading } from './Status.tsx';
import { firstScreenful, measureRowsInView, useSettled } from '../first-screenful.ts';
import { memo } from '../memo.ts';

// The preview draws the detail pages' own components: fetched with them, the first time a wide screen shows results.
const ResultPreview = lazyComponent(
  () => import('./ResultPreview.tsx').then((m) => m.ResultPreview),
  Loading,
);

const GROUPS: ResultType[] = ['item', 'guide', 'interpretation'];
/** Results shown at first, and how many more each 显示更多 adds. */
const FIRST_SHOWN = 20;
const MORE_STEP = 20;
/** While typing on, the preview waits this long without a keystroke before it shows the new top result. */
const TYPING_PAUSE_MS = 300;
/** While typing on, the rows below the screenful wait this long without a new answer before they are drawn. */
const REST_OF_PAGE_PAUSE_MS = 150;

const keyOf = (hit: SearchHit) => `${hit.type}:${hit.id}`;

/** The result at the top of the list as shown: the first few, grouped 事项, 办事指南, 政策解读 in that order. */
function firstShown(ranked: readonly SearchHit[]): SearchHit | null {
  const shown = ranked.slice(0, FIRST_SHOWN);
  for (const type of GROUPS) {
    const hit = shown.find((r) => r.type === type);
    if (hit) return hit;
  }
  return null;
}

/** On a wide screen: the key of the previewed result, and what a tap on a result does instead of opening it. */
interface Selection {
  key: string | null;
  select: (hit: SearchHit) => void;
}

/** Same [start, end) spans, in the same order. */
function sameRanges(a: SearchHit['highlights'], b: SearchHit['highlights']): boolean {
  if (a.length !== b.length) return false;
  return a.every(([s, e], i) => s === b[i]![0] && e === b[i]![1]);
}

interface ResultLinkProps {
  hit: SearchHit;
  query: string;
  /** The previewed result on a wide screen. */
  current: boolean;
  /** On a wide screen: what a tap does instead of opening the result (stable across renders). */
  onSelect: ((hit: SearchHit) => void) | undefined;
  /** The interface language: the validity tag is worded in it. */
  lang: string;
}

/**
 * Each result stays a link to its page, so it is announced, focused and opened as every other link of the kiosk.
 * On a wide screen a tap selects it for the preview instead of leaving the list (the visitor compares results
 * beside each other), the selected row carries aria-current (the list is not a listbox of options: it is
 * navigation, and only links may be activated); the preview's 查看全文 link, next in reading order, opens it.
 *
 * Every answer brings new result objects, but most rows of a keystroke's answer show what they showed for the
 * previous one (the same document with the same marks): those keep their DOM untouched instead of being diffed
 * again, which a keystroke waits for on a kiosk CPU (issue 11, item 7).
 */
const ResultLink = memo(
  function ResultLink({ hit, query, current, onSelect }: ResultLinkProps) {
    return (
      <li>
        <a
          class="result"
          lang="zh-CN"
          href={href([hit.type, hit.id])}
          aria-current={current ? 'true' : undefined}
          onClick={
            onSelect
              ? (event) => {
                  event.preventDefault();
                  onSelect(hit);
                }
              : undefined
          }
        >
          <span class="result-title">
            <Highlight text={hit.title} query={query} highlights={hit.highlights} />
            <ValidityTag validity={hit.validity} />
          </span>{' '}
          <span class="result-meta">{hit.domain}</span>
        </a>
      </li>
    );
  },
  (prev, next) =>
    prev.current === next.current &&
    prev.onSelect === next.onSelect &&
    prev.lang === next.lang &&
    prev.hit.type === next.hit.type &&
    prev.hit.id === next.hit.id &&
    prev.hit.title === next.hit.title &&
    prev.hit.domain === next.hit.domain &&
    prev.hit.validity === next.hit.validity &&
    sameRanges(prev.hit.highlights, next.hit.highlights) &&
    // Without the engine's spans the marks come from the query's characters.
    (prev.hit.highlights.length > 0 || prev.query === next.query),
);

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
  const wide = useWideLandscape();
  // The result tapped, with the text it was found for: a new search previews its own first result again.
  const [tapped, setTapped] = useState<{ query: string; hit: SearchHit } | null>(null);
  const tappedNow = answer && tapped?.query === answer.query ? tapped.hit : null;
  const selected = wide && answer ? (tappedNow ?? firstShown(answer.response.results)) : null;
  const selectedKey = selected ? keyOf(selected) : null;
  const select = useRef((hit: SearchHit) => setTapped({ query: answer?.query ?? '', hit }));
  select.current = (hit) => setTapped({ query: answer?.query ?? '', hit });
  // One function for the screen's life, so a memoised row is not drawn again for a new handler.
  const selectHit = useRef((hit: SearchHit) => select.current(hit)).current;
  // A keystroke changes the query at once but the answer only when the worker replies: the list (dozens of links
  // with highlights) is rebuilt for a new answer (or a tap on a wide screen) only, not for every keystroke in
  // between (issue 3).
  const view = useMemo(
    () =>
      answer ? (
        // Not keyed by the text asked: rows common to the old and new answer are updated in place (keyed by
        // document), far less DOM work per keystroke than a new list; AnswerView resets its own page of results.
        <AnswerView
          answer={answer}
          deskLocation={deskLocation}
          pick={pick}
          selection={wide ? { key: selectedKey, select: selectHit } : null}
        />
      ) : null,
    [answer, deskLocation, getLang(), wide, selectedKey],
  );
  // The preview follows the selection after the list is painted (an effect), so a keystroke's own task renders
  // the list alone. A tap, or the first results of a search, are previewed at once; while the visitor types on,
  // the new top result once typing pauses: the preview does not run through every intermediate result, and its
  // reads never compete with the next keystroke. It is rebuilt only when another result is previewed.
  const [previewed, setPreviewed] = useState<SearchHit | null>(null);
  useEffect(() => {
    if (!selected) {
      setPreviewed(null);
      return;
    }
    if (selected === tappedNow || !previewed) {
      setPreviewed(selected);
      return;
    }
    const timer = setTimeout(() => setPreviewed(selected), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [selectedKey]);
  const previewedKey = previewed ? keyOf(previewed) : null;
  const preview = useMemo(
    () => (previewed ? <ResultPreview hit={previewed} /> : null),
    [previewedKey, getLang()],
  );
  if (!view) {
    return (
      <p class="status" role="status">
        {t('search.searching')}
      </p>
    );
  }
  // While the answer for the newest text is on its way, the previous one stays (no flicker between keystrokes).
  const list = <div aria-busy={answer?.query !== query}>{view}</div>;
  if (!selected) return list;
  return (
    <div class="results-beside-preview">
      {list}
      <div class="preview-pane">
        {preview}
        <p class="visually-hidden" role="status">
          {tappedNow ? t('search.preview.shown', { title: tappedNow.title }) : ''}
        </p>
      </div>
    </div>
  );
}

function AnswerView({
  answer,
  deskLocation,
  pick,
  selection,
}: {
  answer: SearchAnswer;
  deskLocation: string;
  pick: { current: (query: string) => void };
  selection: Selection | null;
}) {
  const shown = answer.query;
  const { results: ranked, didYouMean, closest, contactDept, implied } = answer.response;
  // The best few first: a visitor reads the top of the list, and every row rendered is layout work the next
  // keystroke waits for on a kiosk CPU (issue 3). The rest are one tap away.
  // A new search starts with the first few results again.
  const [paged, setPaged] = useState({ query: shown, limit: FIRST_SHOWN });
  const limit = paged.query === shown ? paged.limit : FIRST_SHOWN;
  const results = ranked.slice(0, limit);
  const more = ranked.length - results.length;
  // In the order shown (grouped), so the first screenful is the top of the very list drawn once typing pauses:
  // rows are only added below it, nothing on screen moves.
  const ordered = GROUPS.flatMap((type) => results.filter((r) => r.type === type));
  const settled = useSettled(answer, REST_OF_PAGE_PAUSE_MS);
  const drawn = settled ? ordered : ordered.slice(0, firstScreenful());
  const whole = drawn.length === ordered.length;
  const list = useRef<HTMLUListElement>(null);
  // Measured once the whole page is drawn (a layout effect: in the same task, no after-paint callback per key).
  useLayoutEffect(() => {
    if (settled && list.current) measureRowsInView(list.current);
  }, [settled, answer]);
  if (ranked.length === 0) {
    return (
      <NoResults
        query={shown}
        didYouMean={didYouMean ?? []}
        suggestionsLater={answer.response.suggestionsLater === true}
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
      {implied?.length ? <ImpliedServices names={implied} onPick={(q) => pick.current(q)} /> : null}
      {contactDept ? <ContactCard name={contactDept} /> : null}
      {selection ? (
        <p id="preview-hint" class="visually-hidden">
          {t('search.preview.hint')}
        </p>
      ) : null}
      <ul
        ref={list}
        class="result-groups"
        aria-label={`${t('search.results')}：${shown}`}
        aria-describedby={selection ? 'preview-hint' : undefined}
      >
        {GROUPS.map((type) => {
          const hits = drawn.filter((r) => r.type === type);
          if (hits.length === 0) return null;
          const label = t(`search.group.${type}` as StringId);
          return (
            <li key={type} class="result-group">
              <h3 id={`group-${type}`}>
                {label}（{ranked.filter((r) => r.type === type).length}）
              </h3>
              <ul class="result-list" aria-labelledby={`group-${type}`}>
                {hits.map((hit) => (
                  <ResultLink
                    key={keyOf(hit)}
                    hit={hit}
                    query={shown}
                    current={selection?.key === keyOf(hit)}
                    onSelect={selection?.select}
                    lang={getLang()}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {whole && more > 0 ? (
        <p>
          <button
            type="button"
            class="button secondary"
            onClick={() => setPaged({ query: shown, limit: limit + MORE_STEP })}
          >
            {t('search.more', { n: more })}
          </button>
        </p>
      ) : null}
      {whole && closest ? (
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

/**
 * The did-you-mean a keystroke's search left for later (`suggestionsLater`: the fuzzy pass over the vocabulary,
 * the slowest part of a search that finds nothing): asked of the worker once typing pauses, off the page's thread.
 */
function useLaterSuggestions(query: string, later: boolean): string[] | null {
  const settled = useSettled(query, REST_OF_PAGE_PAUSE_MS);
  const [found, setFound] = useState<{ query: string; list: string[] } | null>(null);
  // A layout effect: a keystroke schedules no after-paint callback; it does nothing until typing pauses.
  useLayoutEffect(() => {
    if (!settled || !later) return;
    let alive = true;
    void search(query).then((a) => {
      if (alive && a) setFound({ query, list: a.response.didYouMean });
    });
    return () => {
      alive = false;
    };
  }, [settled, later, query]);
  return found?.query === query ? found.list : null;
}

function NoResults({
  query,
  didYouMean: now,
  suggestionsLater,
  deskLocation,
  onPick,
}: {
  query: string;
  didYouMean: string[];
  suggestionsLater: boolean;
  deskLocation: string;
  onPick: (q: string) => void;
}) {
  const didYouMean = useLaterSuggestions(query, suggestionsLater) ?? now;
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

/**
 * What the visitor told (老伴去世了) points to services no word of it names: offered by name, one tap to search each,
 * and saying why their rows are among the results (issue 11).
 */
function ImpliedServices({ names, onPick }: { names: string[]; onPick: (q: string) => void }) {
  return (
    <div class="implied">
      <h3 id="implied-heading">{t('search.implied')}</h3>
      <ul class="chips" aria-labelledby="implied-heading">
        {names.map((name) => (
          <li key={name}>
            <button
              type="button"
              class="button secondary"
              lang="zh-CN"
              data-content
              onClick={() => onPick(name)}
            >
              {name}
            </button>
          </li>
        ))}
      </ul>
    </div>
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
