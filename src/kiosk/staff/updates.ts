// The kiosk's update service: checks the bundle channel on a schedule and on demand, loads bundles from a folder
// (a USB stick), keeps the staff screen informed, and applies staged content and a waiting app version only on
// the idle screen (applyPendingUpdates), never in the middle of a visit.
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { acceptBundle, checkForUpdate, type UpdateProgress } from '../bundle/update.ts';
import { fileListReader } from '../bundle/channel-reader.ts';
import type { UpdateWorkerRequest, UpdateWorkerResponse } from '../bundle/update-worker.ts';
import { channelUrlOf } from '../config/channel.ts';
import { metaDb, type BundlePointer, type UpdateOutcome } from '../db/meta-db.ts';
import { activateStaged } from '../db/store.ts';
import { getKioskState, setKioskState } from '../state.ts';
import { applyUpdate, checkForAppUpdate, onUpdateReady, updateReady } from '../sw-bridge.ts';
import { collectHealth, HEARTBEAT_MS, sendHeartbeat } from './health.ts';

declare const __APP_VERSION__: string;
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';

/** The idle screen must be quiet this long (no touch) before an update is applied. */
export const IDLE_QUIET_MS = 1500;

export interface UpdatesState {
  busy: 'channel' | 'file' | null;
  progress: UpdateProgress | null;
  last: UpdateOutcome | null;
  staged: BundlePointer | null;
  appUpdateReady: boolean;
  /** The staff screen is open: no app reload then (staff are using the kiosk). */
  staffOpen: boolean;
}

let state: UpdatesState = {
  busy: null,
  progress: null,
  last: null,
  staged: null,
  appUpdateReady: false,
  staffOpen: false,
};
const listeners = new Set<(s: UpdatesState) => void>();

export function getUpdatesState(): UpdatesState {
  return state;
}

function patch(p: Partial<UpdatesState>): void {
  state = { ...state, ...p };
  for (const l of listeners) l(state);
}

export function subscribeUpdates(listener: (s: UpdatesState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function refreshStaged(): Promise<void> {
  patch({ staged: (await metaDb().getValue('staged')) ?? null });
}

async function afterOutcome(outcome: UpdateOutcome): Promise<UpdateOutcome> {
  await refreshStaged();
  patch({ busy: null, progress: null, last: outcome });
  if (outcome.status === 'activated')
    setKioskState({ live: (await metaDb().getValue('live')) ?? null, phase: 'ready' });
  if (outcome.status === 'rejected') console.warn(`kiosk: bundle refused: ${outcome.message}`);
  void heartbeat();
  scheduleIdleApply();
  return outcome;
}

/**
 * Runs one update in the update worker (verification and import off the main thread); in the page itself when
 * a worker cannot be started. The first start uses it too (boot.ts).
 */
export function runUpdate(
  req: UpdateWorkerRequest,
  onProgress: (p: UpdateProgress) => void,
): Promise<UpdateOutcome> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../bundle/update-worker.ts', import.meta.url), {
      type: 'module',
      name: 'update',
    });
  } catch {
    const opts = { mode: req.mode, appVersion: req.appVersion, onProgress };
    return req.type === 'channel'
      ? checkForUpdate(req.config, { ...opts, channelUrl: req.channelUrl })
      : acceptBundle(fileListReader(req.files), req.config, opts);
  }
  return new Promise((resolve) => {
    const finish = (outcome: UpdateOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<UpdateWorkerResponse>) => {
      if (event.data.type === 'progress') onProgress(event.data.progress);
      else finish(event.data.outcome);
    };
    worker.onerror = (event) =>
      finish({ at: new Date().toISOString(), status: 'error', message: `update worker: ${event.message}` });
    worker.postMessage(req);
  });
}

/** Checks the bundle channel now. Resolves with the outcome (null when a check or load is already running). */
export async function checkChannel(): Promise<UpdateOutcome | null> {
  const { config, live } = getKioskState();
  if (!config || state.busy) return null;
  patch({ busy: 'channel', progress: null });
  const outcome = await runUpdate(
    {
      type: 'channel',
      config,
      channelUrl: channelUrlOf(config),
      mode: live ? 'stage' : 'activate',
      appVersion: APP_VERSION,
    },
    (progress) => patch({ progress }),
  );
  return afterOutcome(outcome);
}

/**
 * A check that must run after something changed (staff confirmed new root keys): one already running read the
 * state before the change, so this waits for it to end and then checks again.
 */
export async function checkChannelAfterCurrent(): Promise<UpdateOutcome | null> {
  await untilNotBusy();
  return checkChannel();
}

/** Resolves once no check or import is running. */
function untilNotBusy(): Promise<void> {
  if (!state.busy) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const stop = subscribeUpdates((s) => {
      if (s.busy) return;
      stop();
      resolve();
    });
  });
}

/** Verifies and imports a bundle folder picked from a USB stick. */
export async function loadFromFiles(files: Iterable<File>): Promise<UpdateOutcome | null> {
  const { config, live } = getKioskState();
  if (!config || state.busy) return null;
  patch({ busy: 'file', progress: null });
  const outcome = await runUpdate(
    { type: 'files', config, files: [...files], mode: live ? 'stage' : 'activate', appVersion: APP_VERSION },
    (progress) => patch({ progress }),
  );
  return afterOutcome(outcome);
}

/**
 * Applies what waits for an empty kiosk: a staged bundle goes live, then a waiting app version is activated
 * (one reload, guarded against loops). Call it only on the idle screen (after the idle reset, or on the
 * attract/home screen when no visit is in progress).
 */
export async function applyPendingUpdates(): Promise<{ content: number | null; app: boolean }> {
  let content: number | null = null;
  // A check or import still running may stage a newer bundle: 立即上线 waits for it instead of doing nothing.
  await untilNotBusy();
  const live = await activateStaged();
  if (live) {
    content = live.version;
    setKioskState({ live: (await metaDb().getValue('live')) ?? null, phase: 'ready' });
    await refreshStaged();
    console.info(`kiosk: bundle v${live.version} is live`);
    void heartbeat();
  }
  // applyUpdate() keeps the reload-loop guard (one reload per waiting version per 10 minutes).
  const app = updateReady() && !state.staffOpen ? applyUpdate() : false;
  return { content, app };
}

// ------------------------------------------------------------------------------------------
// The idle screen

let idleScreen = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleIdleApply(): void {
  clearTimeout(idleTimer);
  if (!idleScreen || !(state.staged || state.appUpdateReady)) return;
  idleTimer = setTimeout(() => {
    // Not while a check runs (its outcome schedules this again): a visitor may arrive while it waits.
    if (idleScreen && !state.busy) void applyPendingUpdates();
  }, IDLE_QUIET_MS);
}

const onTouch = () => scheduleIdleApply();

/** Whether the idle screen (the attract screen, the empty kiosk) is showing. */
export function setIdleScreen(idle: boolean): void {
  if (idle === idleScreen) return;
  idleScreen = idle;
  if (idle) {
    window.addEventListener('pointerdown', onTouch, true);
    window.addEventListener('keydown', onTouch, true);
  } else {
    window.removeEventListener('pointerdown', onTouch, true);
    window.removeEventListener('keydown', onTouch, true);
  }
  scheduleIdleApply();
}

/** The attract screen (#/attract, src/kiosk/kiosk/visit.ts) is where a kiosk waits between visitors. */
export const isIdleHash = (hash: string): boolean => /^#\/attract(\/|\?|$)/.test(hash);

function followRoute(): void {
  setIdleScreen(isIdleHash(location.hash));
}

export function setStaffOpen(open: boolean): void {
  patch({ staffOpen: open });
  if (!open) scheduleIdleApply();
}

// ------------------------------------------------------------------------------------------
// Timers (started once by boot)

let started = false;

async function heartbeat(): Promise<boolean> {
  const { config } = getKioskState();
  // Offline: nothing to send to (and no failed request in the console); the next beat tells the server.
  if (!config || !navigator.onLine) return false;
  return sendHeartbeat(config, await collectHealth(config, APP_VERSION, state.appUpdateReady));
}

export function startUpdates(config: KioskConfig): void {
  if (started) return;
  started = true;
  void refreshStaged();
  onUpdateReady(() => {
    patch({ appUpdateReady: true });
    scheduleIdleApply();
  });
  // The idle reset (src/kiosk/kiosk/session.ts) applies staged content and a waiting app version as it ends a
  // visit; a kiosk that waits on the attract screen for days applies what arrives there, once it is quiet.
  for (const type of ['hashchange', 'popstate', 'kiosk:route']) window.addEventListener(type, followRoute);
  followRoute();
  const every = config.updateCheckMinutes * 60_000;
  setInterval(() => {
    if (navigator.onLine) {
      void checkChannel();
      void checkForAppUpdate();
    }
  }, every);
  setInterval(() => void heartbeat(), HEARTBEAT_MS);
  void heartbeat();
}
