// An item of the 政务公开事项标准目录 with every element, its guides, interpretations, department and a QR code.
import {
  AUDIENCE_LABELS,
  DISCLOSURE_LABELS,
  STAGE_LABELS,
  TIER_LABELS,
  type CatalogueItem,
} from '../../../core/bundle/schema.ts';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';
import { reportItemOpened } from '../../shelf/item-opened.ts';
import { useKioskState } from '../../state.ts';
import { ContentHeading, LinkSection } from '../components/ContentPage.tsx';
import { DepartmentContactSection } from '../components/DepartmentContact.tsx';
import { TakeHome } from '../components/TakeHome.tsx';
import { Loading, NotFound } from '../components/Status.tsx';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { href } from '../router.ts';
import { itemName } from './Browse.tsx';

const join = (list: string[]) => (list.length ? list.join('、') : t('item.none'));
/** 公开层级 and “五公开”阶段 are columns of template B only: a template-A item does not say, which is not 无. */
const joinListed = (list: string[]) => (list.length ? list.join('、') : t('item.notListed'));

const FIELDS = {
  name: (item) => [t('item.name'), itemName(item)],
  domain: (item) => [t('item.domain'), item.domain],
  content: (item) => [t('item.content'), item.content],
  basis: (item) => [t('item.basis'), item.basis],
  timeLimit: (item) => [t('item.timeLimit'), item.timeLimit],
  publisher: (item) => [t('item.publisher'), item.publisher],
  disclosure: (item) => [t('item.disclosure'), join(item.disclosure.map((d) => DISCLOSURE_LABELS[d]))],
  channels: (item) => [t('item.channels'), join(item.channels)],
  audience: (item) => [t('item.audience'), join(item.audience.map((a) => AUDIENCE_LABELS[a]))],
  tier: (item) => [t('item.tier'), joinListed(item.tier.map((x) => TIER_LABELS[x]))],
  stages: (item) => [t('item.stages'), joinListed(item.stages.map((s) => STAGE_LABELS[s]))],
} satisfies Record<string, (item: CatalogueItem) => [string, string]>;
export type ItemField = keyof typeof FIELDS;
const ALL_FIELDS = Object.keys(FIELDS) as ItemField[];

/** The item's elements as label and value, in the page's order: all of them, or the ones named. */
export function ItemFields({
  item,
  only = ALL_FIELDS,
}: {
  item: CatalogueItem;
  only?: readonly ItemField[];
}) {
  return (
    <dl class="fields">
      {only.map((field) => {
        const [k, v] = FIELDS[field](item);
        return (
          <div key={field}>
            <dt>{k}</dt>
            <dd lang={v ? 'zh-CN' : undefined}>{v || t('item.none')}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** An 依申请公开 item's way into the application form; nothing for other items. */
export function ApplyFor({ item }: { item: CatalogueItem }) {
  if (!item.disclosure.includes('onRequest')) return null;
  return (
    <div class="apply-for">
      <p>{t('item.applyFor.why')}</p>
      <a class="button" href={href(['apply', 'item', item.id])}>
        {t('item.applyFor')}
      </a>
    </div>
  );
}

/** The item with its related guides, interpretations and department, read from the live bundle. */
export function useItemPageData(dbName: string | undefined, id: string) {
  return useAsync(async () => {
    if (!dbName) return null;
    const r = await repo();
    const item = await r.getItem(dbName, id);
    if (!item) return null;
    const [related, dept] = await Promise.all([
      r.relatedOfItem(dbName, item),
      r.departmentByName(dbName, item.publisher),
    ]);
    return { item, ...related, dept };
  }, [dbName, id]);
}

export function ItemPage({ id }: { id: string }) {
  const { live, config } = useKioskState();
  const dbName = live?.dbName;
  // Counted on the zone server for the frequently requested shelf (which item only).
  useEffect(() => {
    if (config) void reportItemOpened(config.serverUrl, config.site, id);
  }, [id, config]);
  const data = useItemPageData(dbName, id);
  if (data.loading) return <Loading />;
  if (!data.value) return <NotFound />;
  const { item, guides, interpretations, dept } = data.value;
  const name = itemName(item);
  return (
    <article class="screen item-page" aria-labelledby="screen-title">
      <ContentHeading crumb={item.domain} title={name} />
      <ItemFields item={item} />
      <ApplyFor item={item} />
      <LinkSection
        id="guides-heading"
        title={t('item.guides')}
        links={guides.map((g) => ({ key: g.id, href: href(['guide', g.id]), text: g.title }))}
      />
      <LinkSection
        id="interp-heading"
        title={t('item.interpretations')}
        links={interpretations.map((p) => ({
          key: p.id,
          href: href(['interpretation', p.id]),
          text: p.title,
          validity: p.validity,
        }))}
      />
      {dept ? <DepartmentContactSection dept={dept} /> : null}
      <TakeHome kind="item" id={item.id} name={name} url={item.url} />
    </article>
  );
}
