// Form controls after the GOV.UK patterns: a visible label, an optional hint, the error right above the input, and
// an error summary whose links move focus to the field. Plain <input>/<textarea> (the on-screen keyboard hooks in).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/strings.ts';
import { issueText } from '../i18n/validation.ts';
import { layoutFromAttributes, type LayoutName } from '../keyboard/layouts.ts';
import { fieldDomId, type FieldIssue } from './draft.ts';

type InputMode = 'text' | 'tel' | 'numeric' | 'email' | 'none';

interface TextFieldProps {
  field: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (v: string) => void;
  error?: string | undefined;
  inputMode?: InputMode;
  type?: 'text' | 'tel' | 'email';
  multiline?: boolean;
  optional?: boolean;
  autoCapitalize?: 'characters' | 'off';
  width?: 'short' | 'medium' | 'full';
  /** The on-screen keyboard layout (data-keyboard); by default the keyboard picks one from type and inputmode. */
  keyboard?: LayoutName;
  /** Rewrites what is typed or pasted, in place (e.g. upper case), keeping the caret. */
  transform?: (value: string) => string;
  children?: ComponentChildren;
}

/** Applies a transform to the field's own value, keeping the caret where it was when the length is the same. */
function transformInPlace(
  el: HTMLInputElement | HTMLTextAreaElement,
  transform: (v: string) => string,
): string {
  const raw = el.value;
  const next = transform(raw);
  if (next === raw) return raw;
  let caret: number | null = null;
  try {
    caret = el.selectionStart;
  } catch {
    /* no selection API */
  }
  el.value = next;
  if (caret !== null && next.length === raw.length) {
    try {
      el.setSelectionRange(caret, caret);
    } catch {
      /* no selection API */
    }
  }
  return next;
}

/** A field's element ids, and what describes it: its hint and its error, when shown. */
function fieldIds(field: string, hint: string | undefined, error: string | undefined) {
  const id = fieldDomId(field);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/** The hint under a field's label and its error (announced with a prefix a screen reader reads). */
function HintAndError({
  ids,
  hint,
  error,
}: {
  ids: { hintId: string; errorId: string };
  hint: string | undefined;
  error: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p id={ids.hintId} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={ids.errorId} class="field-error">
          <span class="visually-hidden">{t('apply.errorPrefix')}</span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(p: TextFieldProps) {
  const ids = fieldIds(p.field, p.hint, p.error);
  const { id, describedBy } = ids;
  const common = {
    id,
    name: p.field,
    value: p.value,
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? true : undefined,
    autoComplete: 'off',
    autoCorrect: 'off',
    spellcheck: false,
    inputMode: p.inputMode ?? 'text',
    // Always written, so the keyboard reads this field's layout even when the element served another field before.
    'data-keyboard':
      p.keyboard ?? layoutFromAttributes({ type: p.type, inputMode: p.inputMode, name: p.field }),
    onInput: (e: Event) => {
      const el = e.currentTarget as HTMLInputElement;
      p.onInput(p.transform ? transformInPlace(el, p.transform) : el.value);
    },
  };
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <label for={id} class="field-label">
        {p.label}
        {p.optional ? <span class="optional">{t('apply.optional')}</span> : null}
      </label>
      <HintAndError ids={ids} hint={p.hint} error={p.error} />
      {p.multiline ? (
        <textarea {...common} rows={5} class="input textarea" />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          class={`input ${p.width ?? 'full'}`}
          autoCapitalize={p.autoCapitalize ?? 'off'}
        />
      )}
      {p.children}
    </div>
  );
}

interface Option<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

interface ChoiceProps<V extends string> {
  field: string;
  legend: string;
  hint?: string;
  options: Option<V>[];
  error?: string | undefined;
  /** Legend as the page heading (a one-question page). */
  asHeading?: boolean;
}

function Fieldset<V extends string>(
  p: ChoiceProps<V> & { children: ComponentChildren; kind: 'radio' | 'checkbox' },
) {
  const ids = fieldIds(p.field, p.hint, p.error);
  const { describedBy } = ids;
  return (
    <fieldset
      class={`field choices${p.error ? ' has-error' : ''}`}
      aria-describedby={describedBy}
      role={p.kind === 'radio' ? 'radiogroup' : 'group'}
      aria-invalid={p.error ? true : undefined}
    >
      <legend class="field-label">{p.legend}</legend>
      <HintAndError ids={ids} hint={p.hint} error={p.error} />
      <div class="choice-list">{p.children}</div>
    </fieldset>
  );
}

export function RadioGroup<V extends string>(
  p: ChoiceProps<V> & { value: V | ''; onChange: (v: V) => void },
) {
  const id = fieldDomId(p.field);
  return (
    <Fieldset {...p} kind="radio">
      {p.options.map((o, n) => (
        <label class="choice" key={o.value}>
          <input
            type="radio"
            name={p.field}
            id={n === 0 ? id : `${id}-${n}`}
            value={o.value}
            checked={p.value === o.value}
            onChange={() => p.onChange(o.value)}
          />
          <span class="choice-text">
            {o.label}
            {o.hint ? <span class="choice-hint">{o.hint}</span> : null}
          </span>
        </label>
      ))}
    </Fieldset>
  );
}

export function CheckboxGroup<V extends string>(
  p: ChoiceProps<V> & { value: readonly V[]; onChange: (v: V[]) => void },
) {
  const id = fieldDomId(p.field);
  const toggle = (v: V, on: boolean) =>
    p.onChange(on ? [...p.value.filter((x) => x !== v), v] : p.value.filter((x) => x !== v));
  return (
    <Fieldset {...p} kind="checkbox">
      {p.options.map((o, n) => (
        <label class="choice" key={o.value}>
          <input
            type="checkbox"
            name={p.field}
            id={n === 0 ? id : `${id}-${n}`}
            value={o.value}
            checked={p.value.includes(o.value)}
            onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span class="choice-text">{o.label}</span>
        </label>
      ))}
    </Fieldset>
  );
}

/** A single checkbox (consent, "I have checked the code"). */
export function Confirm(p: {
  field: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string | undefined;
}) {
  const id = fieldDomId(p.field);
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      {p.error ? (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{t('apply.errorPrefix')}</span>
          {p.error}
        </p>
      ) : null}
      <label class="choice">
        <input
          type="checkbox"
          id={id}
          checked={p.checked}
          aria-describedby={p.error ? `${id}-error` : undefined}
          aria-invalid={p.error ? true : undefined}
          onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="choice-text">{p.label}</span>
      </label>
    </div>
  );
}

/** Moves focus to a field's input (the error summary's links, the check page's 修改 links). */
export function focusField(field: string): void {
  const el = document.getElementById(fieldDomId(field));
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/** The list of problems at the top of the page; it takes focus when it appears so it is read out first. */
export function ErrorSummary({
  issues,
  labelOf,
  onPick,
  focusKey,
}: {
  issues: FieldIssue[];
  labelOf: (field: string) => string;
  onPick?: (issue: FieldIssue) => void;
  /** Changes on every submit attempt, so focus returns to the summary each time. */
  focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (issues.length > 0) ref.current?.focus();
  }, [focusKey]);
  if (issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('apply.errorSummary')}</h2>
      <ul>
        {issues.map((i) => (
          <li key={i.field}>
            <a
              href={`#${fieldDomId(i.field)}`}
              onClick={(e) => {
                e.preventDefault();
                if (onPick) onPick(i);
                else focusField(i.field);
              }}
            >
              {t('apply.errorSummaryItem', { label: labelOf(i.field), message: issueText(i) })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
