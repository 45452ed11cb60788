// The search results' preview on a wide landscape screen: the top of the selected result's page, read from the
// bundle by the full page's own loader and drawn by its own components, with 查看全文 to open the page.
import type { SearchHit } from '../../search/types.ts';
import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { href } from '../router.ts';
import { ApplyFor, ItemFields, useItemPageData, type ItemField } from '../screens/ItemPage.tsx';
import { GuideHeading, useGuidePageData } from '../screens/GuidePage.tsx';
import { InterpretationHeading, useInterpretationPageData } from '../screens/InterpretationPage.tsx';
import { itemName } from '../screens/Browse.tsx';
import { ContentHeading } from './ContentPage.tsx';
import { Markdown } from './Markdown.tsx';

const HEADING_ID = 'preview-title';
/** What matters of an item before opening it: what is published, by whom, when and how. */
const ITEM_FIELDS: readonly ItemField[] = ['content', 'publisher', 'timeLimit', 'disclosure'];

/**
 * 查看全文 stands at the top of the pane, in the same place whatever is previewed, and stays in view above the
 * on-screen keyboard while the visitor types; the region is named 预览 plus the title, so a screen reader entering
 * it hears what the link opens.
 */
export function ResultPreview({ hit }: { hit: SearchHit }) {
  const dbName = useKioskState().live?.dbName;
  const props = { dbName, hit };
  return (
    <section class="result-preview" aria-labelledby={`preview-label ${HEADING_ID}`}>
      <div class="preview-head">
        <p id="preview-label" class="preview-label">
          {t('search.preview')}
        </p>
        <a class="button big" href={href([hit.type, hit.id])}>
          {t('search.preview.open')}
        </a>
      </div>
      {hit.type === 'item' ? (
        <ItemPreview {...props} />
      ) : hit.type === 'guide' ? (
        <GuidePreview {...props} />
      ) : (
        <InterpretationPreview {...props} />
      )}
    </section>
  );
}

interface PreviewProps {
  dbName: string | undefined;
  hit: SearchHit;
}

/**
 * Until the document of the newly selected result is read (a few milliseconds), its title from the search result:
 * the tap is answered at once and the previous document's details never stand under the new title.
 */
function Pending({ hit }: PreviewProps) {
  return (
    <div aria-busy="true">
      <ContentHeading crumb={hit.domain} title={hit.title} headingId={HEADING_ID} />
    </div>
  );
}

function ItemPreview(props: PreviewProps) {
  const { dbName, hit } = props;
  const data = useItemPageData(dbName, hit.id).value;
  if (data?.item.id !== hit.id) return <Pending {...props} />;
  const { item } = data;
  return (
    <>
      <ContentHeading crumb={item.domain} title={itemName(item)} headingId={HEADING_ID} />
      <ItemFields item={item} only={ITEM_FIELDS} />
      <ApplyFor item={item} />
    </>
  );
}

function GuidePreview(props: PreviewProps) {
  const { dbName, hit } = props;
  const data = useGuidePageData(dbName, hit.id).value;
  if (data?.guide.id !== hit.id) return <Pending {...props} />;
  const { guide } = data;
  return (
    <>
      <GuideHeading guide={guide} headingId={HEADING_ID} />
      {guide.body.trim() ? <Markdown source={guide.body} /> : null}
    </>
  );
}

function InterpretationPreview(props: PreviewProps) {
  const { dbName, hit } = props;
  const data = useInterpretationPageData(dbName, hit.id).value;
  if (data?.interp.id !== hit.id) return <Pending {...props} />;
  const { interp } = data;
  return (
    <>
      <InterpretationHeading interp={interp} headingId={HEADING_ID} />
      {interp.summary.trim() ? <Markdown source={interp.summary} /> : null}
    </>
  );
}
