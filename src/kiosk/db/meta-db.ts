// kiosk-meta: the small database that says which bundle is live. Switching bundles is one write here.
import Dexie, { type Table } from 'dexie';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import type { VerifyFailure } from '../../core/bundle/verify.ts';
import type { KioskPublicKey } from '../../core/auth/request-signature.ts';
import type { Delegation } from '../../core/bundle/trust.ts';

export const META_DB_NAME = 'kiosk-meta';

export interface BundlePointer {
  dbName: string;
  version: number;
  bundleId: string;
  siteName: string;
  createdAt: string;
  expiresAt: string;
  /** When the pointer was written. */
  at: string;
}

export interface PersistAnswer {
  /** true: the browser promised not to evict our storage; false: refused; null: API not available. */
  granted: boolean | null;
  at: string;
}

export interface CachedConfig {
  config: KioskConfig;
  fetchedAt: string;
}

export interface UpdateOutcome {
  at: string;
  status: 'current' | 'unavailable' | 'rejected' | 'staged' | 'activated' | 'error';
  version?: number;
  failure?: VerifyFailure;
  message?: string;
  /** Milliseconds spent in all (download, verify, import), and importing into IndexedDB alone. */
  ms?: number;
  importMs?: number;
}

/** This kiosk as the zone server enrolled it (POST /api/v1/enrolment's answer). */
export interface Enrolment {
  kioskId: string;
  site: string;
  name: string;
  keyId: string;
  enrolledAt: string;
}

/** Every key of kiosk-meta with the type of its value. */
export interface MetaValues {
  live: BundlePointer;
  /** A fully imported, verified bundle waiting for an empty kiosk to become live. */
  staged: BundlePointer;
  /** A bundle database being written; if it is still here at start, the import was interrupted. */
  importing: { dbName: string; startedAt: string };
  /** Rollback protection: the highest bundle version ever accepted. */
  highestAccepted: number;
  persist: PersistAnswer;
  config: CachedConfig;
  lastUpdate: UpdateOutcome;
  /** When the bundle channel last answered (current, staged or refused: the check itself worked). */
  lastCheckOk: string;
  /**
   * Keys vouched for by accepted bundles signed with a root key (key rotation), each with the root that vouched:
   * trusted only while that root is in kiosk-config (recomputed at every check).
   */
  delegations: Delegation[];
  /** The root key ids of kiosk-config when staff last confirmed them: new roots ask for the recovery step. */
  trustRoots: string[];
  /** Staff screen PIN attempts: survives a reload so the lockout cannot be reset by one. */
  staffLock: { failures: number; lockedUntil: number | null };
  /** This kiosk's id in heartbeats (generated once). */
  kioskId: string;
  /** This kiosk's request-signing key: the private half is a non-extractable CryptoKey. */
  kioskKey: { privateKey: CryptoKey; publicJwk: KioskPublicKey; keyId: string; createdAt: string };
  enrolment: Enrolment;
}
export type MetaKey = keyof MetaValues;

interface MetaRow {
  key: MetaKey;
  value: unknown;
}

export class MetaDb extends Dexie {
  kv!: Table<MetaRow, MetaKey>;

  constructor() {
    super(META_DB_NAME);
    this.version(1).stores({ kv: 'key' });
  }

  async getValue<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    const row = await this.kv.get(key);
    return row?.value as MetaValues[K] | undefined;
  }

  async setValue<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await this.kv.put({ key, value });
  }
}

let shared: MetaDb | null = null;

/** The one MetaDb connection of this JS context. */
export function metaDb(): MetaDb {
  shared ??= new MetaDb();
  return shared;
}

/** For tests: forget the shared connection (after closing it). */
export function resetMetaDb(): void {
  shared?.close();
  shared = null;
}
