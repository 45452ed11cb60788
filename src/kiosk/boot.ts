// Start-up, loaded right after first paint: clean up, read the config, find the live bundle or load the first one.
import { ensureEnrolment, enrolmentState } from './auth/enrolment.ts';
import { kioskFetch } from './auth/signed-fetch.ts';
import { pendingRootChange } from './bundle/trust-roots.ts';
import { loadConfig } from './config/load-config.ts';
import { channelUrlOf } from './config/channel.ts';
import { metaDb } from './db/meta-db.ts';
import { activateStaged, cleanupStale, requestPersistence } from './db/store.ts';
import { setKioskState } from './state.ts';
import { mountStaff } from './staff/mount.tsx';
import { checkChannel, runUpdate, startUpdates } from './staff/updates.ts';

declare const __APP_VERSION__: string;

export async function boot(): Promise<void> {
  const meta = metaDb();
  // A start is an empty kiosk: a bundle staged during the last visit becomes live now; leftovers go.
  await activateStaged();
  await cleanupStale();
  void requestPersistence();

  mountStaff();
  let configResult = await loadConfig();
  // This kiosk's key and enrolment (auth/enrolment.ts): kiosk-config's staff section is only served to a signed
  // request, so a kiosk enrolled just now (the localhost demo) reads it once more.
  const wasEnrolled = (await enrolmentState()) !== null;
  const enrolment = await ensureEnrolment(undefined, kioskFetch).catch((e: unknown) => {
    console.warn(`kiosk enrolment: ${(e as Error).message}`);
    return null;
  });
  if (enrolment && !wasEnrolled) configResult = await loadConfig();
  const config = configResult.ok ? configResult.config : null;
  if (configResult.ok && configResult.problem)
    console.warn(`kiosk-config: using the cached copy (${configResult.problem})`);
  let live = (await meta.getValue('live')) ?? null;
  setKioskState({
    config,
    live,
    phase: live ? 'ready' : 'starting',
    problem: configResult.ok ? null : configResult.problem,
  });
  // The outbox sends what an earlier run left queued at once, then on `online` and on a timer (its own chunk).
  void import('./outbox/index.ts')
    .then((m) => m.startOutbox(config))
    .catch((e: unknown) => console.error(`kiosk outbox: ${(e as Error).message}`));
  if (!config) {
    if (!live) setKioskState({ phase: 'empty' });
    return;
  }

  // The first start records kiosk-config's root keys; a later change waits for staff (staff/TrustRoots.tsx).
  await pendingRootChange(config);

  if (!live) {
    // First start: load the bundle served with the app, showing progress.
    setKioskState({ phase: 'importing' });
    // In the update worker, as later updates are: megabytes of JSON parsed, checked and written to IndexedDB
    // would otherwise hold the main thread for seconds on a kiosk CPU while the first screen is already up.
    const outcome = await runUpdate(
      {
        type: 'channel',
        config,
        channelUrl: channelUrlOf(config),
        mode: 'activate',
        appVersion: __APP_VERSION__,
      },
      (progress) => setKioskState({ progress }),
    );
    if (outcome.ms !== undefined) {
      console.info(
        `kiosk: bundle v${outcome.version} loaded in ${outcome.ms} ms (IndexedDB import ${outcome.importMs} ms)`,
      );
    }
    live = (await meta.getValue('live')) ?? null;
    setKioskState({
      live,
      progress: null,
      phase: live ? 'ready' : 'empty',
      problem: live ? null : (outcome.message ?? outcome.status),
    });
  } else if (navigator.onLine) {
    void checkChannel();
  }
  // Scheduled content and app checks, heartbeats, and applying what arrives on the idle screen (staff/updates.ts):
  // a newer bundle is imported and staged, and goes live at the next empty moment.
  startUpdates(config);
}
