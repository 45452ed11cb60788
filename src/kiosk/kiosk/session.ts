// Wires the idle timer to the page: activity in the capture phase (so touches inside any component count), the
// route (longer time inside the form, none on the attract screen), the kiosk-config timings, the warning dialog's
// state, and the reset (staged bundle and waiting app update applied here, while the kiosk is empty).
import { useEffect, useState } from 'preact/hooks';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { getKioskState, subscribeKioskState } from '../state.ts';
import { applyUpdate, updateReady } from '../sw-bridge.ts';
import { parseHash } from '../ui/router.ts';
import { IdleTimer, idleOverride, timingsFor } from './idle.ts';
import { resetPrefs } from './prefs.ts';
import { stopSpeaking } from './speech.ts';
import { ATTRACT_HASH, onIdleReset, resetVisit } from './visit.ts';

export interface IdleView {
  warning: boolean;
  secondsLeft: number;
}

let view: IdleView = { warning: false, secondsLeft: 0 };
const listeners = new Set<(v: IdleView) => void>();
function setView(v: IdleView): void {
  view = v;
  for (const l of listeners) l(v);
}

export function useIdleView(): IdleView {
  const [v, set] = useState(view);
  useEffect(() => {
    set(view);
    listeners.add(set);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return v;
}

const DEFAULT_IDLE: KioskConfig['idle'] = { browseSeconds: 90, formSeconds: 300, warningSeconds: 30 };

function idleSettings(): KioskConfig['idle'] {
  const automated = import.meta.env.DEV || navigator.webdriver === true;
  return idleOverride(location.search, automated) ?? getKioskState().config?.idle ?? DEFAULT_IDLE;
}

let timer: IdleTimer | null = null;

/** 继续使用. */
export function continueVisit(): void {
  timer?.continueVisit();
}

/** Ends the visit now (also what the countdown does when it runs out). */
export function endVisit(reason: 'idle' | 'visitor' = 'visitor'): void {
  console.info(`kiosk: visit ended (${reason}); resetting for the next visitor`);
  timer?.stop();
  setView({ warning: false, secondsLeft: 0 });
  void resetVisit({
    reload: () => {
      // A waiting app version is applied now (it reloads the page itself); the plain reload is the fallback.
      if (updateReady()) {
        applyUpdate();
        setTimeout(() => location.reload(), 5000);
      } else location.reload();
    },
  });
}

export function installIdle(): void {
  timer = new IdleTimer(() => timingsFor(parseHash(location.hash).parts, idleSettings()), {
    onWarn: (s) => {
      console.info(`kiosk: idle warning, ${s} s to go`);
      setView({ warning: true, secondsLeft: s });
    },
    onTick: (s) => setView({ warning: true, secondsLeft: s }),
    onContinue: () => setView({ warning: false, secondsLeft: 0 }),
    onExpire: () => endVisit('idle'),
  });
  const t = timer;
  const activity = () => t.activity();
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const)
    window.addEventListener(type, activity, { capture: true, passive: true });

  // No countdown on the attract screen (it is the empty kiosk) or before the kiosk is ready.
  const follow = () => {
    const onAttract = location.hash.startsWith(ATTRACT_HASH);
    if (onAttract) t.stop();
    else if (t.phase === 'stopped') t.start();
  };
  window.addEventListener('hashchange', follow);
  window.addEventListener('popstate', follow);
  window.addEventListener('kiosk:route', follow);
  subscribeKioskState(follow);
  follow();

  // What the reset applies: the visitor's display choices, speech, and updates staged during the visit.
  onIdleReset(() => {
    resetPrefs();
    stopSpeaking();
  });
  onIdleReset(async () => {
    const { activateStaged } = await import('../db/store.ts');
    const live = await activateStaged();
    if (live) console.info(`kiosk: staged bundle v${live.version} is live`);
  });
}
