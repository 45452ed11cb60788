// Browse without typing: 领域 → 一级事项 → 二级事项 → 三级事项, and by department.
import { TIERS, type CatalogueItem } from '../../../core/bundle/schema.ts';
import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import {
  applyFilter,
  filterFromParams,
  filterOptions,
  filterParams,
  isFiltered,
  type BrowseFilter,
} from '../browse-filter.ts';
import { BrowseFilters } from '../components/BrowseFilters.tsx';
import { LinkSection } from '../components/ContentPage.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { Tile, TileGrid } from '../components/Tile.tsx';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { href, replace } from '../router.ts';

const LEVELS = ['level1', 'level2', 'level3'] as const;

export const itemName = (item: CatalogueItem): string =>
  [item.level1, item.level2, item.level3].filter(Boolean).join(' ');

/** Groups the items under a path by their next level; items that end here (or alone in a group) link directly. */
export function groupNext(items: CatalogueItem[], path: string[]) {
  const inPath = items.filter((i) => path.every((p, k) => i[LEVELS[k]!] === p));
  const level = LEVELS[path.length];
  const groups = new Map<string, CatalogueItem[]>();
  const direct: CatalogueItem[] = [];
  for (const item of inPath) {
    const key = level ? item[level] : null;
    if (!key) direct.push(item);
    else groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const folders: { name: string; count: number }[] = [];
  for (const [name, list] of groups) {
    if (list.length === 1) direct.push(list[0]!);
    else folders.push({ name, count: list.length });
  }
  return { folders, direct };
}

/** A tile's second line: its items, or for a domain of guides only, its documents. */
export function countLabel(d: { count: number; docs?: number | undefined }): string {
  return d.count > 0 || !d.docs ? t('home.itemsCount', { n: d.count }) : t('home.docsCount', { n: d.docs });
}

/** Summaries written before issue 15 listed guide-only domains with 0 items and departments with none. */
export const hasContent = (d: { count: number; docs?: number | undefined }): boolean =>
  d.count + (d.docs ?? 0) > 0;

/**
 * All domains. A 公开层级 filter (a township's zone wants its own 乡级 items) counts each domain's items at that
 * level, leaves out domains without any, and is carried into the domain.
 */
export function DomainList({ params = new URLSearchParams() }: { params?: URLSearchParams }) {
  const dbName = useKioskState().live?.dbName;
  const summary = useAsync(async () => (dbName ? (await repo()).getSummary(dbName) : null), [dbName]);
  const { tier } = filterFromParams(params);
  const domains = summary.value?.domains.filter(hasContent) ?? [];
  // Summaries written before issue 15 have no facets: no filter is offered.
  const tiers = TIERS.filter((x) => domains.some((d) => d.facets?.[x]));
  const shown = tier
    ? domains.flatMap((d) => (d.facets?.[tier] ? [{ ...d, count: d.facets[tier], docs: 0 }] : []))
    : domains;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('browse.title')}
      </h1>
      {summary.value ? (
        <>
          <BrowseFilters
            options={{ tier: tiers, how: [], dept: [] }}
            filter={{ tier }}
            onChange={(f) => replace(href(['browse'], filterParams({ tier: f.tier })))}
          />
          <TileGrid label={t('browse.title')}>
            {shown.map((d) => (
              <Tile
                key={d.name}
                to={href(['browse', d.name], filterParams({ tier }))}
                label={d.name}
                sub={countLabel(d)}
              />
            ))}
          </TileGrid>
        </>
      ) : summary.error ? (
        <ErrorNote error={summary.error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

export function DomainBrowse({
  domain,
  path,
  params = new URLSearchParams(),
}: {
  domain: string;
  path: string[];
  params?: URLSearchParams;
}) {
  const dbName = useKioskState().live?.dbName;
  const data = useAsync(async () => {
    if (!dbName) return null;
    const r = await repo();
    const [items, docs] = await Promise.all([
      r.itemsOfDomain(dbName, domain),
      r.documentsOfDomain(dbName, domain),
    ]);
    return { items, ...docs };
  }, [dbName, domain]);
  const filter = filterFromParams(params);
  const title = path.length ? path[path.length - 1]! : domain;
  const inPath = data.value ? groupNext(data.value.items, path) : null;
  const grouped = data.value ? groupNext(applyFilter(data.value.items, filter), path) : null;
  // The domain's own guides and interpretations are listed on its first page, beside the items.
  const docs = data.value && path.length === 0 ? data.value : null;
  const docCount = docs ? docs.guides.length + docs.interpretations.length : 0;
  const setFilter = (f: BrowseFilter) => replace(href(['browse', domain, ...path], filterParams(f)));
  const options =
    data.value && inPath
      ? filterOptions(data.value.items.filter((i) => path.every((p, k) => i[LEVELS[k]!] === p)))
      : null;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <p class="crumbs" lang="zh-CN">
        {[domain, ...path.slice(0, -1)].join(' › ')}
      </p>
      <h1 id="screen-title" tabIndex={-1} lang="zh-CN">
        {title}
      </h1>
      {!grouped || !inPath ? (
        data.error ? (
          <ErrorNote error={data.error} />
        ) : (
          <Loading />
        )
      ) : inPath.folders.length + inPath.direct.length + docCount === 0 ? (
        <p>{t('browse.empty')}</p>
      ) : (
        <>
          {options ? <BrowseFilters options={options} filter={filter} onChange={setFilter} /> : null}
          {grouped.folders.length + grouped.direct.length === 0 && isFiltered(filter) ? (
            <p class="status" role="status">
              {t('browse.filter.none')}{' '}
              <button type="button" class="button secondary" onClick={() => setFilter({})}>
                {t('browse.filter.clear')}
              </button>
            </p>
          ) : null}
          {grouped.folders.length > 0 ? (
            <TileGrid label={title}>
              {grouped.folders.map((f) => (
                <Tile
                  key={f.name}
                  to={href(['browse', domain, ...path, f.name], filterParams(filter))}
                  label={f.name}
                  sub={t('home.itemsCount', { n: f.count })}
                />
              ))}
            </TileGrid>
          ) : null}
          {grouped.direct.length > 0 ? (
            <ul class="link-list" aria-label={t('browse.items')}>
              {grouped.direct.map((item) => (
                <li key={item.id}>
                  <a class="row-link" lang="zh-CN" href={href(['item', item.id])}>
                    <span>{itemName(item)}</span> <span class="meta">{item.publisher}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {docs ? (
            <>
              <LinkSection
                id="domain-guides-heading"
                title={t('browse.guides')}
                links={docs.guides.map((g) => ({ key: g.id, href: href(['guide', g.id]), text: g.title }))}
              />
              <LinkSection
                id="domain-interp-heading"
                title={t('browse.interpretations')}
                links={docs.interpretations.map((p) => ({
                  key: p.id,
                  href: href(['interpretation', p.id]),
                  text: p.title,
                  validity: p.validity,
                }))}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

export function DepartmentList() {
  const dbName = useKioskState().live?.dbName;
  const summary = useAsync(async () => (dbName ? (await repo()).getSummary(dbName) : null), [dbName]);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('browse.departments')}
      </h1>
      {summary.value ? (
        <TileGrid label={t('browse.departments')}>
          {summary.value.departments.filter(hasContent).map((d) => (
            <Tile key={d.id} to={href(['department', d.id])} label={d.name} sub={countLabel(d)} />
          ))}
        </TileGrid>
      ) : (
        <Loading />
      )}
    </section>
  );
}
