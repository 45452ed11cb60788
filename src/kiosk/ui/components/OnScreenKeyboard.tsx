// The on-screen keyboard: docked at the bottom, never over the field it types into (the page gets room below
// and the field is scrolled above the keyboard). Keys are buttons with names; pressing one never takes the focus
// from the field. Layouts: pinyin (with candidates), letters, digits (ID numbers with X, phones), e-mail,
// upper-case credit codes (USCC) and receipt codes (查询码); every text layout reaches the 123/符号 layer (digits and
// punctuation) with one key and comes back with one.
import { memo } from '../memo.ts';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getLang, t } from '../../i18n/strings.ts';
import {
  attach,
  backspace,
  commitComposition,
  getKeyboard,
  hide,
  isTextField,
  press,
  reset,
  setLayout,
  space,
  subscribeKeyboard,
  suppressSystemKeyboard,
  type KeyboardView,
} from '../../keyboard/controller.ts';
import { HandwritingPad } from './HandwritingPad.tsx';
import { CandidatePages, Key } from './KeyboardKeys.tsx';
import {
  CODE_ROWS,
  DIGIT_ROW,
  digitRows,
  EMAIL_EXTRA,
  isDigitLayout,
  LETTER_ROWS,
  SYMBOL_ROWS,
  USCC_ROWS,
  type LayoutName,
} from '../../keyboard/layouts.ts';
import { onIdleReset } from '../../kiosk/visit.ts';
import { useKioskState } from '../../state.ts';
import { parseHash } from '../router.ts';

function useKeyboard(): KeyboardView {
  const [v, set] = useState(getKeyboard());
  useEffect(() => subscribeKeyboard(set), []);
  return v;
}

/** Shows the keyboard for a text field the visitor touches; hides it on a new page. */
function useAttach(): void {
  useEffect(() => {
    const down = (e: PointerEvent) => {
      const el = e.target;
      if (isTextField(el)) {
        if (getKeyboard().target === el) commitComposition();
        attach(el);
      }
    };
    const focus = (e: FocusEvent) => {
      // No system keyboard for any field, whoever focuses it; while the keyboard shows, it follows the focus
      // (an error summary link, Tab) and takes the new field's layout.
      if (!isTextField(e.target)) return;
      suppressSystemKeyboard(e.target);
      if (getKeyboard().target) attach(e.target);
    };
    // A new page (not the search text changing in the address) hides the keyboard.
    const pathOf = () => parseHash(location.hash).parts.join('/');
    let path = pathOf();
    const route = () => {
      const now = pathOf();
      if (now !== path) hide();
      path = now;
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('focusin', focus, true);
    window.addEventListener('kiosk:route', route);
    window.addEventListener('popstate', route);
    const off = onIdleReset(reset);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('focusin', focus, true);
      window.removeEventListener('kiosk:route', route);
      window.removeEventListener('popstate', route);
      off();
    };
  }, []);
}

/** Rows of character keys, ⌫ at the end of the row given (the last one by default). */
function CharRows({ rows, backspaceRow }: { rows: readonly string[][]; backspaceRow?: number }) {
  const at = backspaceRow ?? rows.length - 1;
  return (
    <>
      {rows.map((row, i) => (
        <div class="osk-row" key={i}>
          {row.map((k) => (
            <Key key={k} label={k} onPress={() => press(k)} />
          ))}
          {i === at ? <Key label="⌫" name={t('kb.backspace')} onPress={backspace} wide /> : null}
        </div>
      ))}
    </>
  );
}

/** The keys of a layout: they depend on the layout only, so a key press re-renders just the candidates. */
const KeyRows = memo(function KeyRows({ layout }: { layout: LayoutName }) {
  switch (layout) {
    case 'symbols':
      return <CharRows rows={SYMBOL_ROWS} />;
    case 'handwriting':
      return <HandwritingPad />;
    case 'code':
      return <CharRows rows={CODE_ROWS} />;
    case 'uscc':
      return <CharRows rows={[DIGIT_ROW, ...USCC_ROWS]} />;
    case 'email':
      return <CharRows rows={[DIGIT_ROW, ...LETTER_ROWS]} />;
    case 'pinyin':
    case 'letters':
      return <CharRows rows={LETTER_ROWS} />;
    default:
      return (
        <div class="osk-pad">
          {digitRows(layout).map((row, i) => (
            <div class="osk-row" key={i}>
              {row.map((k) => (
                <Key key={k} label={k} onPress={() => press(k)} />
              ))}
              {i === 3 ? <Key label="⌫" name={t('kb.backspace')} onPress={backspace} /> : null}
            </div>
          ))}
        </div>
      );
  }
});

/** The bottom row: it depends on the layouts only, so a key press does not re-render it. */
const BottomRow = memo(function BottomRow({ layout, home }: { layout: LayoutName; home: LayoutName }) {
  const homeLabel =
    home === 'pinyin'
      ? t('kb.toPinyin')
      : home === 'email'
        ? t('kb.toEmail')
        : isDigitLayout(home)
          ? t('kb.toDigits')
          : t('kb.toLetters');
  // The switch keys: pinyin ⇄ letters for text, 123/符号 from every text layout and back to the field's own; a
  // digits field can go to letters (a credit code) and back.
  const back = <Key label={homeLabel} onPress={() => setLayout(home)} wide />;
  const toSymbols = (
    <Key label={t('kb.symbolsKey')} more={t('kb.toSymbols')} onPress={() => setLayout('symbols')} wide />
  );
  const toHandwriting = <Key label={t('kb.handwriting')} onPress={() => setLayout('handwriting')} wide />;
  const switchKeys =
    layout === 'symbols' || layout === 'handwriting' ? (
      back
    ) : layout === 'pinyin' ? (
      <>
        <Key label={t('kb.toLetters')} onPress={() => setLayout('letters')} wide />
        {toSymbols}
        {toHandwriting}
      </>
    ) : layout === 'letters' ? (
      <>
        {home === 'letters' ? (
          <Key label={t('kb.toPinyin')} onPress={() => setLayout('pinyin')} wide />
        ) : (
          back
        )}
        {toSymbols}
        {toHandwriting}
      </>
    ) : layout === 'email' ? (
      toSymbols
    ) : layout !== home ? (
      back
    ) : isDigitLayout(layout) ? (
      <Key label={t('kb.toLetters')} onPress={() => setLayout('letters')} wide />
    ) : null;
  const spaceKey =
    layout === 'pinyin' || layout === 'letters' || layout === 'symbols' || layout === 'handwriting';
  return (
    <div class="osk-row">
      {layout === 'email' ? EMAIL_EXTRA.map((k) => <Key key={k} label={k} onPress={() => press(k)} />) : null}
      {switchKeys}
      {spaceKey ? <Key label={t('kb.space')} onPress={space} wide /> : null}
      <Key label={t('kb.hide')} onPress={hide} wide />
    </div>
  );
});

export function OnScreenKeyboard() {
  useAttach();
  const kb = useKeyboard();
  const { live } = useKioskState();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (kb.target && kb.layout === 'pinyin' && live) {
      // Dexie and the index reader stay out of the first-paint chunk.
      void import('../../keyboard/vocab.ts').then((m) => m.loadVocabulary(live.dbName));
    }
  }, [kb.target, kb.layout, live?.dbName]);

  // Room below the page for the keyboard, and the field scrolled into the space above it.
  useLayoutEffect(() => {
    const root = document.documentElement;
    const el = kb.target;
    const height = panel.current?.offsetHeight ?? 0;
    root.style.setProperty('--osk-height', el ? `${height}px` : '0px');
    if (!el || !height) return;
    const topbar = document.querySelector<HTMLElement>('.topbar')?.offsetHeight ?? 0;
    const rect = el.getBoundingClientRect();
    const limit = window.innerHeight - height - 16;
    if (rect.bottom > limit) window.scrollBy(0, rect.bottom - limit);
    else if (rect.top < topbar + 8) window.scrollBy(0, rect.top - topbar - 8);
  }, [kb.target, kb.layout, kb.candidates.length > 0]);

  if (!kb.target) return null;
  return (
    <div
      ref={panel}
      class="osk"
      role="group"
      aria-label={t('kb.label')}
      // Keys never take the focus (and the caret) from the field.
      onMouseDown={(e) => e.preventDefault()}
    >
      {kb.layout === 'pinyin' ? (
        <div class="osk-candidates">
          <span class="osk-composing" role="status" aria-label={t('kb.composing')} lang="en">
            {kb.composing}
          </span>
          <CandidatePages candidates={kb.candidates} />
        </div>
      ) : null}
      <KeyRows layout={kb.layout} key={getLang()} />
      <BottomRow layout={kb.layout} home={kb.home} key={getLang()} />
    </div>
  );
}
