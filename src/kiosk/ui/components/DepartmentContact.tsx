import type { Department } from '../../../core/bundle/schema.ts';
import { t } from '../../i18n/strings.ts';

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
