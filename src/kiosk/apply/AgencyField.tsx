// Step 5, 向哪个机关申请？: the agencies the description points to at the top (from the 公开主体 of the catalogue items
// the search worker matches), then every agency in its group (区政府及部门 / 街道、镇 / 学校、医院等) by name, each
// street and town its own choice. Filed to the department (agencyId), under the name chosen (agencyName).
import type { Department } from '../../core/bundle/schema.ts';
import { t, type StringId } from '../i18n/strings.ts';
import { search } from '../search/bridge.ts';
import { useKioskState } from '../state.ts';
import { useAsync } from '../ui/hooks.ts';
import { repo } from '../ui/repo-loader.ts';
import {
  agencyChoices,
  groupChoices,
  suggestAgencies,
  type AgencyChoice,
  type MatchedItem,
} from './agency.ts';
import { fieldDomId, updateDraft, type Draft } from './draft.ts';

const FIELD = 'request.agencyId';
/** Matched items whose 公开主体 are counted. */
const ITEMS_READ = 10;

async function matchedItems(dbName: string, text: string): Promise<MatchedItem[]> {
  if ([...text].length < 2) return [];
  const answer = await search(text.slice(0, 60), 20);
  const ids = (answer?.response.results ?? [])
    .filter((r) => r.type === 'item')
    .slice(0, ITEMS_READ)
    .map((r) => r.id);
  const r = await repo();
  const items = await Promise.all(ids.map((id) => r.getItem(dbName, id)));
  return items.flatMap((i) => (i ? [{ publisher: i.publisher }] : []));
}

export function AgencyField({ d, error }: { d: Draft; error: string | undefined }) {
  const { live } = useKioskState();
  const dbName = live?.dbName;
  const text = `${d.title} ${d.description}`.trim();
  const data = useAsync(async (): Promise<{ departments: Department[]; suggested: AgencyChoice[] }> => {
    if (!dbName) return { departments: [], suggested: [] };
    const departments = await (await repo()).getDepartments(dbName);
    // A failed look-up only loses the suggestion, never the list.
    const items = await matchedItems(dbName, text).catch(() => []);
    return { departments, suggested: suggestAgencies(text, items, departments) };
  }, [dbName, text]).value;

  if (!data) return <p class="status">{t('state.loading')}</p>;
  if (data.departments.length === 0) return <p class="status error">{t('apply.agency.none')}</p>;

  const choices = agencyChoices(data.departments);
  const suggestedKeys = new Set(data.suggested.map((c) => c.key));
  const groups = groupChoices(choices, suggestedKeys);
  const current = choices.find((c) => c.key === `${d.agencyId}#${d.agencyName}`)?.key ?? d.agencyId;
  const id = fieldDomId(FIELD);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  let n = 0;
  const radio = (c: AgencyChoice) => {
    const k = n++;
    return (
      <label class="choice" key={c.key}>
        <input
          type="radio"
          name={FIELD}
          id={k === 0 ? id : `${id}-${k}`}
          value={c.key}
          checked={current === c.key}
          onChange={() => updateDraft({ agencyId: c.departmentId, agencyName: c.name })}
        />
        <span class="choice-text" lang="zh-CN">
          {c.name}
        </span>
      </label>
    );
  };

  return (
    <fieldset
      class={`field choices agency-field${error ? ' has-error' : ''}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend class="field-label">{t('apply.f.request.agencyId')}</legend>
      <p id={`${id}-hint`} class="hint">
        {t('apply.hint.agency')}
      </p>
      {error ? (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{t('apply.errorPrefix')}</span>
          {error}
        </p>
      ) : null}
      {data.suggested.length > 0 ? (
        <fieldset class="agency-group suggested">
          <legend>{t('apply.agency.suggested')}</legend>
          <div class="choice-list agency-grid">{data.suggested.map(radio)}</div>
        </fieldset>
      ) : null}
      {groups.map((g) => (
        <fieldset class="agency-group" key={g.id}>
          <legend>{t(`apply.agency.group.${g.id}` as StringId)}</legend>
          <div class="choice-list agency-grid">{g.choices.map(radio)}</div>
        </fieldset>
      ))}
    </fieldset>
  );
}
