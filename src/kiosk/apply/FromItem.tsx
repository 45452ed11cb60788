// #/apply/item/<id>: an 依申请公开 item's 申请公开此信息. The form starts with the information's name and, when its
// 公开主体 is one of the bundle's departments, that agency; otherwise the visitor chooses the agency in the form.
import { t } from '../i18n/strings.ts';
import { useKioskState } from '../state.ts';
import { Loading, NotFound } from '../ui/components/Status.tsx';
import { useAsync } from '../ui/hooks.ts';
import { repo } from '../ui/repo-loader.ts';
import { href, navigate } from '../ui/router.ts';
import { itemName } from '../ui/screens/Browse.tsx';
import { outboxDb } from '../outbox/db.ts';
import { getIntakeKey } from '../outbox/intake-key.ts';
import { isDraftStarted, startDraft, stepOfField, STEPS, updateDraft, type DraftPrefill } from './draft.ts';
import { prefillFromItem } from './prefill.ts';

export function FromItem({ id }: { id: string }) {
  const { config, live } = useKioskState();
  const dbName = live?.dbName;
  const data = useAsync(async () => {
    if (!dbName) return null;
    const r = await repo();
    const item = await r.getItem(dbName, id);
    if (!item) return null;
    const [departments, key] = await Promise.all([
      r.getDepartments(dbName),
      getIntakeKey(outboxDb(), config),
    ]);
    return { prefill: prefillFromItem(item, departments), name: itemName(item), hasKey: !!key };
  }, [dbName, id, config]);
  if (data.loading) return <Loading />;
  if (!data.value) return <NotFound />;
  const { prefill, name, hasKey } = data.value;
  const start = (staffAssisted: boolean, p: DraftPrefill) => {
    if (!hasKey) return navigate(href(['apply', 'unavailable']));
    // A visitor already filling in the form (who looked at a suggested item) keeps what they typed: only the
    // information and the agency change, and they go back to that step.
    if (isDraftStarted()) {
      updateDraft({ agencyId: '', agencyName: '', ...p });
      return navigate(href(['apply', 'form', String(STEPS.indexOf(stepOfField('request.title')) + 1)]));
    }
    startDraft(staffAssisted, p);
    navigate(href(['apply', 'form', '1']));
  };
  const agency = prefill.agencyName
    ? t('apply.fromItem.agency', { name: prefill.agencyName })
    : t('apply.fromItem.noAgency');
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.fromItem.title')}
      </h1>
      <p class="from-item-name" lang="zh-CN">
        {name}
      </p>
      <p>{t('apply.fromItem.lead', { agency })}</p>
      <div class="form-actions">
        <button type="button" class="button" onClick={() => start(false, prefill)}>
          {t('apply.fromItem.start')}
        </button>
        <button type="button" class="button secondary" onClick={() => start(true, prefill)}>
          {t('apply.triage.staff')}
        </button>
      </div>
    </section>
  );
}
