// The recovery step after a leaked root key: kiosk-config names a new root (and revokes the old one), staff
// confirm it on the staff screen, and the version guard starts again from the new root's first bundle. Without
// the confirmation a new root is trusted, but the guard still holds whatever version the leaked key pushed.
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { metaDb } from '../db/meta-db.ts';

export interface RootChange {
  /** Root key ids in kiosk-config that staff have not confirmed yet. */
  added: string[];
  /** Confirmed roots that kiosk-config no longer trusts (removed or revoked). */
  removed: string[];
}

function rootsOf(config: KioskConfig): string[] {
  return config.trustedKeys.map((k) => k.keyId).filter((id) => !config.revokedKeys.includes(id));
}

/**
 * What changed in kiosk-config's roots since staff last confirmed them, or null when nothing needs them. The
 * first start records the roots as they are; a root only removed needs no confirmation either.
 */
export async function pendingRootChange(config: KioskConfig): Promise<RootChange | null> {
  const meta = metaDb();
  const current = rootsOf(config);
  const confirmed = await meta.getValue('trustRoots');
  if (!confirmed) {
    await meta.setValue('trustRoots', current);
    return null;
  }
  const added = current.filter((id) => !confirmed.includes(id));
  const removed = confirmed.filter((id) => !current.includes(id));
  if (added.length) return { added, removed };
  if (removed.length) await meta.setValue('trustRoots', current);
  return null;
}

/** Staff confirmed the new roots: they are recorded and the next accepted bundle sets the version guard anew. */
export async function confirmNewRoots(config: KioskConfig): Promise<void> {
  const meta = metaDb();
  await meta.transaction('rw', meta.kv, async () => {
    await meta.setValue('trustRoots', rootsOf(config));
    await meta.kv.delete('highestAccepted');
    // A bundle staged under the old roots does not go live after the change (its database goes at next start).
    await meta.kv.delete('staged');
  });
}
