// Browse without typing: 领域 → 一级事项 → 二级事项 → 三级事项, and by department.
import type { CatalogueItem } from '../../../core/bundle/schema.ts';
import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { Tile, TileGrid } from '../components/Tile.tsx';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { href } from '../router.ts';

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

export function DomainList() {
  const dbName = useKioskState().live?.dbName;
  const summary = useAsync(async () => (dbName ? (await repo()).getSummary(dbName) : null), [dbName]);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('browse.title')}
      </h1>
      {summary.value ? (
        <TileGrid label={t('browse.title')}>
          {summary.value.domains.map((d) => (
            <Tile
              key={d.name}
              to={href(['browse', d.name])}
              label={d.name}
              sub={t('home.itemsCount', { n: d.count })}
            />
          ))}
        </TileGrid>
      ) : summary.error ? (
        <ErrorNote error={summary.error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

export function DomainBrowse({ domain, path }: { domain: string; path: string[] }) {
  const dbName = useKioskState().live?.dbName;
  const items = useAsync(
    async () => (dbName ? (await repo()).itemsOfDomain(dbName, domain) : []),
    [dbName, domain],
  );
  const title = path.length ? path[path.length - 1]! : domain;
  const grouped = items.value ? groupNext(items.value, path) : null;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <p class="crumbs" lang="zh-CN">
        {[domain, ...path.slice(0, -1)].join(' › ')}
      </p>
      <h1 id="screen-title" tabIndex={-1} lang="zh-CN">
        {title}
      </h1>
      {!grouped ? (
        items.error ? (
          <ErrorNote error={items.error} />
        ) : (
          <Loading />
        )
      ) : grouped.folders.length + grouped.direct.length === 0 ? (
        <p>{t('browse.empty')}</p>
      ) : (
        <>
          {grouped.folders.length > 0 ? (
            <TileGrid label={title}>
              {grouped.folders.map((f) => (
                <Tile
                  key={f.name}
                  to={href(['browse', domain, ...path, f.name])}
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
          {summary.value.departments.map((d) => (
            <Tile
              key={d.id}
              to={href(['department', d.id])}
              label={d.name}
              sub={t('home.itemsCount', { n: d.count })}
            />
          ))}
        </TileGrid>
      ) : (
        <Loading />
      )}
    </section>
  );
}
