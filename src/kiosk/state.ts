// The kiosk's start-up state, shared by the boot code (lazy chunk) and the UI (first paint).
import { useEffect, useState } from 'preact/hooks';
import type { KioskConfig } from '../core/config/kiosk-config.ts';
import type { BundlePointer } from './db/meta-db.ts';

export type KioskPhase = 'starting' | 'importing' | 'ready' | 'empty';

export interface KioskState {
  phase: KioskPhase;
  live: BundlePointer | null;
  config: KioskConfig | null;
  progress: { phase: 'download' | 'import'; done: number; total: number } | null;
  /** Why there is no bundle or config, for the staff. */
  problem: string | null;
}

let state: KioskState = { phase: 'starting', live: null, config: null, progress: null, problem: null };
const listeners = new Set<(s: KioskState) => void>();

export function getKioskState(): KioskState {
  return state;
}

export function setKioskState(patch: Partial<KioskState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

export function subscribeKioskState(listener: (s: KioskState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useKioskState(): KioskState {
  const [s, set] = useState(state);
  useEffect(() => {
    set(state);
    return subscribeKioskState(set);
  }, []);
  return s;
}
