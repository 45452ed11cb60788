import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { LinkSection } from '../components/ContentPage.tsx';
import { DepartmentContact } from '../components/DepartmentContact.tsx';
import { Loading, NotFound } from '../components/Status.tsx';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { href } from '../router.ts';
import { itemName } from './Browse.tsx';

export function DepartmentPage({ id }: { id: string }) {
  const dbName = useKioskState().live?.dbName;
  const data = useAsync(async () => {
    if (!dbName) return null;
    const r = await repo();
    const dept = await r.getDepartment(dbName, id);
    if (!dept) return null;
    const [items, guides] = await Promise.all([
      r.itemsOfDepartment(dbName, dept),
      r.guidesOfDepartment(dbName, dept),
    ]);
    return { dept, items, guides };
  }, [dbName, id]);
  if (data.loading) return <Loading />;
  if (!data.value) return <NotFound />;
  const { dept, items, guides } = data.value;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1} lang="zh-CN">
        {dept.name}
      </h1>
      <DepartmentContact dept={dept} />
      {items.length ? <h2>{t('dept.items')}</h2> : null}
      {items.length ? (
        <ul class="link-list" aria-label={t('dept.items')}>
          {items.map((item) => (
            <li key={item.id}>
              <a class="row-link" lang="zh-CN" href={href(['item', item.id])}>
                <span>{itemName(item)}</span> <span class="meta">{item.domain}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : guides.length ? null : (
        <p>{t('browse.empty')}</p>
      )}
      <LinkSection
        id="dept-guides-heading"
        title={t('browse.guides')}
        links={guides.map((g) => ({ key: g.id, href: href(['guide', g.id]), text: g.title }))}
      />
    </section>
  );
}
