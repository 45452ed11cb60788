// The keyboard's buttons: a key, and the candidates a page at a time (pinyin and handwriting share them).
import { useState } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';
import { pick } from '../../keyboard/controller.ts';
import type { Candidate } from '../../keyboard/ime.ts';

export function Key({
  label,
  name,
  more,
  onPress,
  wide,
}: {
  label: string;
  /** The name when the label is a sign (⌫ → 删除). */
  name?: string;
  /** Said after the visible label, not shown (the name keeps the label's own words first). */
  more?: string;
  onPress: () => void;
  wide?: boolean;
}) {
  return (
    <button type="button" class={`key${wide ? ' wide' : ''}`} aria-label={name} onClick={onPress}>
      {label}
      {more ? <span class="visually-hidden">{more}</span> : null}
    </button>
  );
}

/** Candidates shown at once: a page that always fits the list's rows (none clipped), and less to draw per key. */
const CANDIDATES_PER_PAGE = 8;

export function CandidatePages({
  candidates,
  onPick = pick,
}: {
  candidates: readonly Candidate[];
  onPick?: (c: Candidate) => void;
}) {
  // New candidates (a new key) start again at the first page.
  const [paged, setPaged] = useState({ of: candidates, page: 0 });
  const page = paged.of === candidates ? paged.page : 0;
  const pages = Math.max(1, Math.ceil(candidates.length / CANDIDATES_PER_PAGE));
  const shown = candidates.slice(page * CANDIDATES_PER_PAGE, (page + 1) * CANDIDATES_PER_PAGE);
  return (
    <div class="osk-candidate-list" role="group" aria-label={t('kb.candidates')} lang="zh-CN">
      {page > 0 ? (
        <Key
          label="‹"
          name={t('kb.prevCandidates')}
          onPress={() => setPaged({ of: candidates, page: page - 1 })}
        />
      ) : null}
      {/* Keyed by place: a key changes the buttons' text, not the buttons (less to build per key). */}
      {shown.map((c, i) => (
        <button key={i} type="button" class="key candidate" onClick={() => onPick(c)}>
          {c.text}
        </button>
      ))}
      {page < pages - 1 ? (
        <Key
          label="›"
          name={t('kb.nextCandidates')}
          onPress={() => setPaged({ of: candidates, page: page + 1 })}
        />
      ) : null}
    </div>
  );
}
