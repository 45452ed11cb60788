// Looks for a newer bundle on the channel (or in a folder from a USB stick), verifies it with the core check and
// imports it beside the live one. Trust: kiosk-config's keys (roots, less revokedKeys) plus keys delegated by
// bundles a root signed, recomputed from kiosk-config at every check (src/core/bundle/trust.ts).
import { utf8 } from '../../core/bundle/encoding.ts';
import type { Manifest, TrustedKey } from '../../core/bundle/schema.ts';
import { trustedSigners, type Delegation, type SignerRole } from '../../core/bundle/trust.ts';
import { MANIFEST_PATH, verifyBundle, type BundleReader } from '../../core/bundle/verify.ts';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { channelUrlOf } from '../config/channel.ts';
import { metaDb, type UpdateOutcome } from '../db/meta-db.ts';
import { activate, importBundle, stage, type ImportProgress } from '../db/store.ts';
import { channelBundleReader } from './channel-reader.ts';

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

/** The keys this kiosk accepts now: kiosk-config's roots and the delegations of roots still trusted. */
export async function trustedKeysOf(config: KioskConfig): Promise<TrustedKey[]> {
  const delegations = (await metaDb().getValue('delegations')) ?? [];
  return [...trustedSigners(config.trustedKeys, delegations, config.revokedKeys).values()].map((s) => s.key);
}

/** Remembers the keys a root-signed bundle delegates to, with that root; a delegated signer's are never kept. */
async function rememberDelegations(manifest: Manifest, signerRole: SignerRole): Promise<void> {
  if (signerRole !== 'root' || !manifest.delegatedKeys.length) return;
  const meta = metaDb();
  const known = (await meta.getValue('delegations')) ?? [];
  const added: Delegation[] = manifest.delegatedKeys
    .filter((k) => !known.some((d) => d.key.keyId === k.keyId && d.delegatedBy === manifest.keyId))
    .map((key) => ({ key, delegatedBy: manifest.keyId }));
  if (added.length) await meta.setValue('delegations', [...known, ...added]);
}

/** Reads the manifest's version without trusting it (only used to tell "equal" from "older" after a refusal). */
async function peekVersion(reader: BundleReader): Promise<number | null> {
  try {
    const bytes = await reader.read(MANIFEST_PATH);
    const v = bytes ? (JSON.parse(utf8.decode(bytes)) as { version?: unknown }).version : null;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a bundle from any reader and, if it is acceptable, imports it and stages or activates it.
 * Never throws; the outcome is also kept in kiosk-meta for the staff screen. The live bundle is never touched
 * by a refusal.
 */
export async function acceptBundle(
  reader: BundleReader,
  config: KioskConfig,
  opts: Omit<UpdateOptions, 'channelUrl' | 'fetchFn'>,
): Promise<UpdateOutcome> {
  const started = performance.now();
  const meta = metaDb();
  const at = () => new Date().toISOString();
  let outcome: UpdateOutcome;
  try {
    const highest = (await meta.getValue('highestAccepted')) ?? 0;
    const result = await verifyBundle(reader, {
      trustedKeys: config.trustedKeys,
      delegations: (await meta.getValue('delegations')) ?? [],
      revokedKeys: config.revokedKeys,
      site: config.site,
      ...(highest > 0 ? { highestAcceptedVersion: highest } : {}),
      ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      onProgress: (done, total) => opts.onProgress?.({ phase: 'download', done, total }),
    });
    if (!result.ok) {
      // The version is only compared after the signature checked out, so this version number is signed.
      const version = result.failure.code === 'not-newer' ? await peekVersion(reader) : null;
      outcome =
        version === highest
          ? { at: at(), status: 'current', version: highest }
          : {
              at: at(),
              status: 'rejected',
              failure: result.failure,
              message: result.failure.message,
              ...(version === null ? {} : { version }),
            };
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
      await rememberDelegations(result.manifest, result.signerRole);
      outcome = {
        at: at(),
        status: opts.mode === 'activate' ? 'activated' : 'staged',
        version: pointer.version,
        ms: Math.round(performance.now() - started),
        importMs: Math.round(performance.now() - importStarted),
      };
    }
  } catch (e) {
    // Quota errors, unreadable files and the like: the live bundle is untouched; a partial database is removed
    // at the next start.
    outcome = { at: at(), status: 'error', message: (e as Error).message };
  }
  await meta.setValue('lastUpdate', outcome);
  return outcome;
}

/** Checks the channel once. Never throws; the outcome is also kept in kiosk-meta for the staff screen. */
export async function checkForUpdate(config: KioskConfig, opts: UpdateOptions): Promise<UpdateOutcome> {
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
    if (typeof peek.version === 'number' && peek.version === highest) {
      outcome = { at: at(), status: 'current', version: highest };
      await meta.setValue('lastUpdate', outcome);
      await meta.setValue('lastCheckOk', outcome.at);
      return outcome;
    }
    outcome = await acceptBundle(channelBundleReader(channel, fetchFn), config, opts);
    if (outcome.status !== 'error') await meta.setValue('lastCheckOk', outcome.at);
    return outcome;
  } catch (e) {
    outcome = { at: at(), status: 'error', message: (e as Error).message };
    await meta.setValue('lastUpdate', outcome);
    return outcome;
  }
}
