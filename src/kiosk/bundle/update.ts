// Looks for a newer bundle on the channel, verifies it with the core check and imports it beside the live one.
import { httpBundleReader, verifyBundle } from '../../core/bundle/verify.ts';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { channelUrlOf } from '../config/channel.ts';
import { metaDb, type UpdateOutcome } from '../db/meta-db.ts';
import { activate, importBundle, stage, type ImportProgress } from '../db/store.ts';

export interface UpdateProgress {
  phase: 'download' | 'import';
  done: number;
  total: number;
}

export interface UpdateOptions {
  /** Absolute channel URL; defaults to config.bundleChannelUrl resolved against the page. */
  channelUrl?: string;
  appVersion?: string;
  /** 'activate' makes the bundle live at once (empty kiosk: first start); 'stage' keeps it for the idle screen. */
  mode: 'activate' | 'stage';
  fetchFn?: typeof fetch;
  onProgress?: (p: UpdateProgress) => void;
  now?: Date;
}

/** Checks the channel once. Never throws; the outcome is also kept in kiosk-meta for the staff screen. */
export async function checkForUpdate(config: KioskConfig, opts: UpdateOptions): Promise<UpdateOutcome> {
  const started = performance.now();
  const meta = metaDb();
  const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const at = () => new Date().toISOString();
  let outcome: UpdateOutcome;
  try {
    const channel = opts.channelUrl ?? channelUrlOf(config);
    const highest = (await meta.getValue('highestAccepted')) ?? 0;
    // A cheap look at the manifest first: most checks end here.
    let peek: { version?: unknown };
    try {
      const res = await fetchFn(`${channel}manifest.json`, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      peek = (await res.json()) as { version?: unknown };
    } catch (e) {
      outcome = { at: at(), status: 'unavailable', message: (e as Error).message };
      await meta.setValue('lastUpdate', outcome);
      return outcome;
    }
    if (typeof peek.version === 'number' && peek.version <= highest) {
      outcome = { at: at(), status: 'current', version: highest };
      await meta.setValue('lastUpdate', outcome);
      return outcome;
    }
    const result = await verifyBundle(httpBundleReader(channel, fetchFn), {
      trustedKeys: config.trustedKeys,
      ...(highest > 0 ? { highestAcceptedVersion: highest } : {}),
      ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      onProgress: (done, total) => opts.onProgress?.({ phase: 'download', done, total }),
    });
    if (!result.ok) {
      outcome = { at: at(), status: 'rejected', failure: result.failure, message: result.failure.message };
    } else {
      const importStarted = performance.now();
      const pointer = await importBundle(
        { manifest: result.manifest, data: result.data, files: result.files },
        {
          onProgress: (p: ImportProgress) =>
            opts.onProgress?.({ phase: 'import', done: p.done, total: p.total }),
        },
      );
      if (opts.mode === 'activate') await activate(pointer);
      else await stage(pointer);
      outcome = {
        at: at(),
        status: opts.mode === 'activate' ? 'activated' : 'staged',
        version: pointer.version,
        ms: Math.round(performance.now() - started),
        importMs: Math.round(performance.now() - importStarted),
      };
    }
  } catch (e) {
    // Quota errors and the like: the live bundle is untouched; the partial database is removed at next start.
    outcome = { at: at(), status: 'error', message: (e as Error).message };
  }
  await meta.setValue('lastUpdate', outcome);
  return outcome;
}
