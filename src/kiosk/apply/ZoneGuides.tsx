// The application start page links to the zone's own guides (the 政务公开 domain: 政府信息公开申请指南, Art. 12).
import { t } from '../i18n/strings.ts';
import { useKioskState } from '../state.ts';
import { useAsync } from '../ui/hooks.ts';
import { repo } from '../ui/repo-loader.ts';
import { href } from '../ui/router.ts';

/** The domain of the disclosure work itself, as the 26 pilot domains' catalogues and the sample district name it. */
export const ZONE_DOMAIN = '政务公开';

export function ZoneGuides() {
  const dbName = useKioskState().live?.dbName;
  const guides = useAsync(
    async () => (dbName ? (await repo()).documentsOfDomain(dbName, ZONE_DOMAIN) : null),
    [dbName],
  ).value?.guides;
  if (!guides?.length) return null;
  return (
    <nav class="zone-guides" aria-label={t('apply.triage.guide')}>
      <p>{t('apply.triage.guide')}</p>
      <ul class="link-list">
        {guides.map((g) => (
          <li key={g.id}>
            <a class="row-link" lang="zh-CN" href={href(['guide', g.id])}>
              {g.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
