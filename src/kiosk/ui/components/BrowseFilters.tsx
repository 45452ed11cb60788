// The filter bar of a domain's browse screen: one group of toggle buttons per facet that tells items apart.
import { DISCLOSURE_LABELS, TIER_LABELS } from '../../../core/bundle/schema.ts';
import { t } from '../../i18n/strings.ts';
import type { BrowseFilter, FilterOptions } from '../browse-filter.ts';

interface Choice {
  value: string | undefined;
  label: string;
}

function FilterGroup({
  label,
  choices,
  current,
  onPick,
}: {
  label: string;
  choices: Choice[];
  current: string | undefined;
  onPick: (value: string | undefined) => void;
}) {
  return (
    <div class="filter-group" role="group" aria-label={label}>
      <span class="filter-label" aria-hidden="true">
        {label}
      </span>
      {[{ value: undefined, label: t('browse.filter.all') }, ...choices].map((c) => (
        <button
          key={c.value ?? ''}
          type="button"
          class="button chip"
          aria-pressed={current === c.value}
          lang={c.value ? 'zh-CN' : undefined}
          onClick={() => onPick(c.value)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/**
 * A facet is offered when its items differ in it (two values or more), or while it is the active filter, so a
 * filter can always be taken back.
 */
export function BrowseFilters({
  options,
  filter,
  onChange,
}: {
  options: FilterOptions;
  filter: BrowseFilter;
  onChange: (f: BrowseFilter) => void;
}) {
  const show = (values: readonly string[], active: string | undefined) => values.length > 1 || !!active;
  const groups = [
    show(options.tier, filter.tier) ? (
      <FilterGroup
        key="tier"
        label={t('item.tier')}
        choices={options.tier.map((v) => ({ value: v, label: TIER_LABELS[v] }))}
        current={filter.tier}
        onPick={(v) => onChange({ ...filter, tier: v as BrowseFilter['tier'] })}
      />
    ) : null,
    show(options.how, filter.how) ? (
      <FilterGroup
        key="how"
        label={t('item.disclosure')}
        choices={options.how.map((v) => ({ value: v, label: DISCLOSURE_LABELS[v] }))}
        current={filter.how}
        onPick={(v) => onChange({ ...filter, how: v as BrowseFilter['how'] })}
      />
    ) : null,
    show(options.dept, filter.dept) ? (
      <FilterGroup
        key="dept"
        label={t('item.publisher')}
        choices={options.dept.map((v) => ({ value: v, label: v }))}
        current={filter.dept}
        onPick={(v) => onChange({ ...filter, dept: v })}
      />
    ) : null,
  ].filter(Boolean);
  if (!groups.length) return null;
  return (
    <section class="browse-filters" aria-label={t('browse.filters')}>
      {groups}
    </section>
  );
}
