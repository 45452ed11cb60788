// The one search field. The router remembers its text per history entry (never in the address, which Chromium's
// History database keeps) so 返回 from a result comes back to it.
import { useRef } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';

interface Props {
  value: string;
  onInput: (value: string) => void;
  autoFocus?: boolean;
}

export function SearchBox({ value, onInput, autoFocus }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <form class="searchbox" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="search-label" for="kiosk-search">
        {t('search.short')}
      </label>
      <input
        ref={input}
        id="kiosk-search"
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        autoCorrect="off"
        spellcheck={false}
        enterKeyHint="search"
        value={value}
        autoFocus={autoFocus}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {value ? (
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            onInput('');
            input.current?.focus();
          }}
        >
          {t('search.clear')}
        </button>
      ) : null}
    </form>
  );
}
