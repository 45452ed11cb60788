// The visitor's display choices: language, 长辈版 (elder mode: larger text) and high contrast. Held in memory only
// and reset at the idle reset, so the next visitor starts in zh-CN at the normal size.
import { useEffect, useState } from 'preact/hooks';
import { setLang, type Lang } from '../i18n/strings.ts';

export interface Prefs {
  lang: Lang;
  elder: boolean;
  contrast: boolean;
}

export const DEFAULT_PREFS: Prefs = { lang: 'zh-CN', elder: false, contrast: false };

let prefs: Prefs = { ...DEFAULT_PREFS };
const listeners = new Set<(p: Prefs) => void>();

function apply(p: Prefs): void {
  setLang(p.lang);
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.classList.toggle('elder', p.elder);
  root.classList.toggle('contrast', p.contrast);
}

export function getPrefs(): Prefs {
  return prefs;
}

export function setPrefs(patch: Partial<Prefs>): void {
  prefs = { ...prefs, ...patch };
  apply(prefs);
  for (const l of listeners) l(prefs);
}

export function resetPrefs(): void {
  setPrefs({ ...DEFAULT_PREFS });
}

export function usePrefs(): Prefs {
  const [p, set] = useState(prefs);
  useEffect(() => {
    set(prefs);
    listeners.add(set);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return p;
}
