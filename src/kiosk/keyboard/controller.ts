// The on-screen keyboard's state: which field it types into, the layout, the pinyin being composed and its
// candidates. Letters being composed are written into the field as they are typed (the search field searches
// them as raw pinyin); picking a candidate replaces them. Nothing is remembered between visitors: reset() at the
// idle reset, and no user dictionary at all.
import type { Candidate, PinyinIme } from './ime.ts';
import { layoutFor, type LayoutName } from './layouts.ts';

export type Field = HTMLInputElement | HTMLTextAreaElement;

export interface KeyboardView {
  target: Field | null;
  layout: LayoutName;
  /** The layout the field asked for (the 中/英 and 123 keys switch away from it and back). */
  home: LayoutName;
  composing: string;
  candidates: Candidate[];
  /** Milliseconds from the key to the candidates being computed (the bench reads the rendered time itself). */
  lastMs: number;
}

const EMPTY: KeyboardView = {
  target: null,
  layout: 'pinyin',
  home: 'pinyin',
  composing: '',
  candidates: [],
  lastMs: 0,
};

let ime: PinyinIme | null = null;
let imeLoading: Promise<PinyinIme> | null = null;

/** The pinyin engine and its syllable table are fetched when a keyboard first shows (not for first paint). */
export function loadIme(): Promise<PinyinIme> {
  imeLoading ??= import('./ime.ts').then((m) => (ime = new m.PinyinIme([], m.parseWords())));
  return imeLoading;
}

let view: KeyboardView = { ...EMPTY };
let compStart = -1;
const listeners = new Set<(v: KeyboardView) => void>();

function set(patch: Partial<KeyboardView>): void {
  view = { ...view, ...patch };
  for (const l of listeners) l(view);
}

export function getKeyboard(): KeyboardView {
  return view;
}

export function subscribeKeyboard(l: (v: KeyboardView) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function isTextField(el: EventTarget | null): el is Field {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (!(el instanceof HTMLInputElement) || el.readOnly || el.disabled) return false;
  return ['text', 'search', 'tel', 'email', 'number', 'url', ''].includes(el.type);
}

/**
 * No system keyboard for the field; the inputmode the page set is kept (data-osk-inputmode) to pick the layout.
 * Recorded anew whenever the page has set one since (an element reused for another field on the next step).
 */
export function suppressSystemKeyboard(el: Field): void {
  const mode = el.getAttribute('inputmode');
  if (mode !== 'none' || el.dataset.oskInputmode === undefined) el.dataset.oskInputmode = mode ?? '';
  el.inputMode = 'none';
}

/**
 * Shows the keyboard for a field, in the layout the field asks for now. Touching the field it already types into
 * keeps the layer the visitor chose, unless the field has become another field since (same element, new step).
 */
export function attach(el: Field): void {
  suppressSystemKeyboard(el);
  void loadIme();
  const layout = layoutFor(el);
  if (view.target === el && view.home === layout) return;
  flushInput();
  compStart = -1;
  set({ target: el, layout, home: layout, composing: '', candidates: [] });
}

export function hide(): void {
  flushInput();
  compStart = -1;
  set({ target: null, composing: '', candidates: [] });
}

export function reset(): void {
  pending.clear();
  compStart = -1;
  view = { ...EMPTY };
  for (const l of listeners) l(view);
}

export function setLayout(layout: LayoutName): void {
  commitComposition();
  set({ layout });
}

function valueSetter(el: Field): (v: string) => void {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, 'value');
  return (v) => desc?.set?.call(el, v);
}

function caret(el: Field): number {
  try {
    return el.selectionStart ?? el.value.length;
  } catch {
    return el.value.length;
  }
}

/** The value each field should have once the app has seen the last key (see write). */
const pending = new Map<Field, { value: string; pos: number }>();

function setValue(el: Field, value: string, pos: number): void {
  valueSetter(el)(value);
  try {
    el.setSelectionRange(pos, pos);
  } catch {
    /* email and number fields have no selection */
  }
}

/**
 * Writes a new value and caret position at once, and lets the app's onInput see it after the next frame: the
 * letters and candidates are painted first, the app's own work (a search, a route update) follows. Several keys
 * within one frame make one input event. A re-render that put back the old value meanwhile is undone.
 */
function write(el: Field, value: string, pos: number): void {
  setValue(el, value, pos);
  const first = !pending.has(el);
  pending.set(el, { value, pos });
  if (first) requestAnimationFrame(() => setTimeout(() => flush(el), 0));
}

function flush(el: Field): void {
  const p = pending.get(el);
  if (!p) return;
  pending.delete(el);
  if (el.value !== p.value) setValue(el, p.value, p.pos);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Delivers pending input events now (before the keyboard is hidden or reset). */
export function flushInput(): void {
  for (const el of [...pending.keys()]) flush(el);
}

/** The composition is still what is in the field (the app may have cleared or changed it). */
function compositionValid(el: Field): boolean {
  return compStart >= 0 && el.value.slice(compStart, compStart + view.composing.length) === view.composing;
}

/** Keeps the typed letters as they are (switching layouts, touching the field). */
export function commitComposition(): void {
  compStart = -1;
  if (view.composing || view.candidates.length) set({ composing: '', candidates: [] });
}

function compose(letters: string): void {
  if (!ime) {
    set({ composing: letters, candidates: [] });
    void loadIme().then(() => {
      if (view.composing === letters) compose(letters);
    });
    return;
  }
  const t0 = performance.now();
  const candidates = letters ? ime.candidates(letters) : [];
  set({ composing: letters, candidates, lastMs: performance.now() - t0 });
}

/** Inserts text at the caret (replacing a selection). */
export function insert(text: string): void {
  const el = view.target;
  if (!el) return;
  let start = caret(el);
  let end = start;
  try {
    end = el.selectionEnd ?? start;
  } catch {
    /* no selection API */
  }
  if (
    el instanceof HTMLInputElement &&
    el.maxLength > 0 &&
    el.value.length - (end - start) + text.length > el.maxLength
  )
    return;
  start = Math.min(start, el.value.length);
  write(el, el.value.slice(0, start) + text + el.value.slice(end), start + text.length);
}

/** A letter, digit or sign key. */
export function press(key: string): void {
  const el = view.target;
  if (!el) return;
  if (view.layout === 'pinyin' && /^[a-z]$/.test(key)) {
    if (!view.composing || !compositionValid(el)) {
      compStart = caret(el);
      insert(key);
      compose(key);
    } else {
      const at = compStart + view.composing.length;
      const next = view.composing + key;
      write(el, el.value.slice(0, at) + key + el.value.slice(at), at + 1);
      compose(next);
    }
    return;
  }
  commitComposition();
  insert(key);
}

export function pick(c: Candidate): void {
  const el = view.target;
  if (!el) return;
  if (!compositionValid(el)) {
    commitComposition();
    insert(c.text);
    return;
  }
  const rest = view.composing.slice(c.consumes);
  const before = el.value.slice(0, compStart);
  const after = el.value.slice(compStart + view.composing.length);
  const pos = before.length + c.text.length;
  write(el, before + c.text + rest + after, pos + rest.length);
  if (rest) {
    compStart = pos;
    compose(rest);
  } else commitComposition();
}

export function backspace(): void {
  const el = view.target;
  if (!el) return;
  if (view.composing && compositionValid(el)) {
    const at = compStart + view.composing.length;
    write(el, el.value.slice(0, at - 1) + el.value.slice(at), at - 1);
    const next = view.composing.slice(0, -1);
    if (next) compose(next);
    else commitComposition();
    return;
  }
  commitComposition();
  const start = caret(el);
  let end = start;
  try {
    end = el.selectionEnd ?? start;
  } catch {
    /* no selection API */
  }
  if (end > start) write(el, el.value.slice(0, start) + el.value.slice(end), start);
  else if (start > 0) {
    // One character back (a character outside the BMP is two code units).
    const cut = /[\uDC00-\uDFFF]/.test(el.value[start - 1] ?? '') && start > 1 ? 2 : 1;
    write(el, el.value.slice(0, start - cut) + el.value.slice(start), start - cut);
  }
}

/** 空格: in pinyin with candidates, takes the first one (as a physical pinyin keyboard does). */
export function space(): void {
  if (view.layout === 'pinyin' && view.candidates[0]) pick(view.candidates[0]);
  else press(' ');
}
