import type { Department } from '../../../core/bundle/schema.ts';
import { getLang, t } from '../../i18n/strings.ts';

/** A department's address, hours, phone and window as a definition list (empty fields left out). */
export function DepartmentContact({ dept }: { dept: Department }) {
  const rows = [
    [t('dept.address'), dept.address],
    [t('dept.hours'), dept.hours],
    [t('dept.phone'), dept.phone],
    [t('dept.window'), dept.window],
  ].filter(([, v]) => v);
  return (
    <dl class="fields">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd lang="zh-CN">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The "contact" section of an item or guide page: the department's name as heading, then its contact details. */
export function DepartmentContactSection({ dept }: { dept: Department }) {
  return (
    <section aria-labelledby="sec-contact">
      <h2 id="sec-contact">
        {t('item.contact')}
        {getLang() === 'en' ? ': ' : '：'}
        <span lang="zh-CN">{dept.name}</span>
      </h2>
      <DepartmentContact dept={dept} />
    </section>
  );
}
