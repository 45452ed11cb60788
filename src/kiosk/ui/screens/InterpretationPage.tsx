// A 政策解读 in question-and-answer form.
import type { Interpretation } from '../../../core/bundle/schema.ts';
import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { TakeHome } from '../components/TakeHome.tsx';
import { ContentHeading, LinkSection } from '../components/ContentPage.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { Loading, NotFound } from '../components/Status.tsx';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { href } from '../router.ts';
import { itemName } from './Browse.tsx';

/** The interpretation with the items it explains, read from the live bundle. */
export function useInterpretationPageData(dbName: string | undefined, id: string) {
  return useAsync(async () => {
    if (!dbName) return null;
    const r = await repo();
    const interp = await r.getInterpretation(dbName, id);
    return interp ? { interp, items: await r.getItems(dbName, interp.itemIds) } : null;
  }, [dbName, id]);
}

/**
 * The top of an interpretation's page (also the search preview's): domain, title, policy and date, and a policy
 * no longer in force said in words, first thing under the title: not by colour, not only in a list elsewhere.
 */
export function InterpretationHeading({ interp, headingId }: { interp: Interpretation; headingId?: string }) {
  return (
    <>
      <ContentHeading
        crumb={interp.domain}
        title={interp.title}
        headingId={headingId}
        meta={[
          interp.policy && { label: t('interp.policy', { policy: '' }), published: interp.policy },
          interp.date && { label: t('interp.date', { date: interp.date }) },
        ]}
      />
      {interp.validity && interp.validity !== 'in-force' ? (
        <div class="validity-notice" role="note">
          <p>
            <strong>{t(`interp.validity.${interp.validity}`)}</strong>
          </p>
          {interp.validityNote ? <p lang="zh-CN">{interp.validityNote}</p> : null}
        </div>
      ) : null}
    </>
  );
}

export function InterpretationPage({ id }: { id: string }) {
  const dbName = useKioskState().live?.dbName;
  const data = useInterpretationPageData(dbName, id);
  if (data.loading) return <Loading />;
  if (!data.value) return <NotFound />;
  const { interp, items } = data.value;
  return (
    <article class="screen interp-page" aria-labelledby="screen-title">
      <InterpretationHeading interp={interp} />
      {interp.summary.trim() ? <Markdown source={interp.summary} /> : null}
      <h2>{t('interp.qa')}</h2>
      <ol class="qa">
        {interp.qa.map((qa, i) => (
          <li key={i}>
            <h3 class="question">
              <span class="qa-mark">{t('interp.q')}</span> <span lang="zh-CN">{qa.question}</span>
            </h3>
            <div class="answer">
              <span class="qa-mark" aria-hidden="true">
                {t('interp.a')}
              </span>
              <Markdown source={qa.answer} />
            </div>
          </li>
        ))}
      </ol>
      <LinkSection
        id="sec-items"
        title={t('guide.items')}
        links={items.map((item) => ({ key: item.id, href: href(['item', item.id]), text: itemName(item) }))}
      />
      <TakeHome kind="interpretation" id={interp.id} name={interp.title} />
    </article>
  );
}
