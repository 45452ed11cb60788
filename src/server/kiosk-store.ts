// Enrolled kiosks and one-time enrolment codes (migration 004_kiosk_enrolment). The request guard asks `find` for
// every signed request: answers are cached in memory (with the imported key) and re-read after CACHE_MS, so a
// revocation made by another server process on the same PostgreSQL takes effect within that time.
import { createHash, randomInt, type KeyObject } from 'node:crypto';
import {
  KioskPublicKeySchema,
  keyIdOfKioskKey,
  type KioskPublicKey,
} from '../core/auth/request-signature.ts';
import type { Queryable } from './db/database.ts';
import { kioskVerifyKey } from './http/verify-signature.ts';

export const CACHE_MS = 30_000;
/** Digits of an enrolment code: typed on the kiosk's pad, one-time, short-lived, attempts limited per client. */
export const CODE_DIGITS = 10;
export const DEFAULT_CODE_TTL_MINUTES = 60;

export interface EnrolledKiosk {
  keyId: string;
  kioskId: string;
  site: string;
  name: string;
  publicKey: KioskPublicKey;
  enrolledBy: 'code' | 'auto';
  enrolledAt: string;
  revokedAt: string | null;
}

interface KioskRow {
  key_id: string;
  kiosk_id: string;
  site: string;
  name: string;
  public_key: unknown;
  enrolled_by: 'code' | 'auto';
  enrolled_at: Date | string;
  revoked_at: Date | string | null;
}

const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
const codeHash = (code: string) => createHash('sha256').update(`enrolment:${code}`).digest('hex');

function toKiosk(r: KioskRow): EnrolledKiosk {
  const key = typeof r.public_key === 'string' ? (JSON.parse(r.public_key) as unknown) : r.public_key;
  return {
    keyId: r.key_id,
    kioskId: r.kiosk_id,
    site: r.site,
    name: r.name,
    publicKey: KioskPublicKeySchema.parse(key),
    enrolledBy: r.enrolled_by,
    enrolledAt: iso(r.enrolled_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  };
}

export type EnrolOutcome =
  { ok: true; kiosk: EnrolledKiosk } | { ok: false; reason: 'bad_code' | 'kiosk_id_taken' };

export interface LiveKiosk {
  kiosk: EnrolledKiosk;
  verifyKey: KeyObject;
}

/** Formats a code as typed and shown: groups of 5 digits. */
export function formatCode(code: string): string {
  return code.replace(/(\d{5})(?=\d)/g, '$1 ');
}

export class KioskStore {
  private readonly cache = new Map<string, { at: number; live: LiveKiosk | null }>();

  constructor(
    private readonly db: Queryable,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** A new one-time code for one kiosk of `site`, named `name`; only its hash is stored. */
  async createCode(
    site: string,
    name: string,
    now: Date,
    ttlMinutes = DEFAULT_CODE_TTL_MINUTES,
  ): Promise<{ code: string; expiresAt: string }> {
    let code = '';
    for (let i = 0; i < CODE_DIGITS; i++) code += String(randomInt(10));
    const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
    await this.db.query(
      'INSERT INTO enrolment_codes (code_hash, site, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [codeHash(code), site, name, now.toISOString(), expiresAt.toISOString()],
    );
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** Uses a code (once, before it expires) to record the kiosk's key. */
  async enrolWithCode(
    code: string,
    publicKey: KioskPublicKey,
    kioskId: string,
    now: Date,
  ): Promise<EnrolOutcome> {
    const keyId = await keyIdOfKioskKey(publicKey);
    const used = await this.db.query<{ site: string; name: string }>(
      `UPDATE enrolment_codes SET used_at = $2, used_by_key = $3
        WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING site, name`,
      [codeHash(code.replace(/\s+/g, '')), now.toISOString(), keyId],
    );
    if (!used[0]) return { ok: false, reason: 'bad_code' };
    return this.record(keyId, publicKey, kioskId, used[0].site, used[0].name, 'code', now);
  }

  /** The localhost demo's enrolment without a code (the caller checked that it is allowed). */
  async enrolAuto(
    publicKey: KioskPublicKey,
    kioskId: string,
    site: string,
    now: Date,
  ): Promise<EnrolOutcome> {
    const keyId = await keyIdOfKioskKey(publicKey);
    return this.record(keyId, publicKey, kioskId, site, `自动登记 ${kioskId}`, 'auto', now);
  }

  private async record(
    keyId: string,
    publicKey: KioskPublicKey,
    kioskId: string,
    site: string,
    name: string,
    by: 'code' | 'auto',
    now: Date,
  ): Promise<EnrolOutcome> {
    const existing = await this.get(keyId);
    if (existing && !existing.revokedAt) return { ok: true, kiosk: existing };
    if (existing) return { ok: false, reason: 'bad_code' }; // a revoked key never comes back
    try {
      const rows = await this.db.query<KioskRow>(
        `INSERT INTO enrolled_kiosks (key_id, kiosk_id, site, name, public_key, enrolled_by, enrolled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [keyId, kioskId, site, name, JSON.stringify(publicKey), by, now.toISOString()],
      );
      this.cache.delete(keyId);
      return { ok: true, kiosk: toKiosk(rows[0]!) };
    } catch (e) {
      if (/unique|duplicate/i.test((e as Error).message)) return { ok: false, reason: 'kiosk_id_taken' };
      throw e;
    }
  }

  async get(keyId: string): Promise<EnrolledKiosk | null> {
    const rows = await this.db.query<KioskRow>('SELECT * FROM enrolled_kiosks WHERE key_id = $1', [keyId]);
    return rows[0] ? toKiosk(rows[0]) : null;
  }

  /** The enrolled, unrevoked kiosk signing under keyId, with its imported key; cached. */
  async find(keyId: string): Promise<LiveKiosk | null> {
    const hit = this.cache.get(keyId);
    if (hit && this.clock() - hit.at < CACHE_MS) return hit.live;
    const kiosk = await this.get(keyId);
    const live = kiosk && !kiosk.revokedAt ? { kiosk, verifyKey: kioskVerifyKey(kiosk.publicKey) } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(keyId, { at: this.clock(), live });
    return live;
  }

  async list(): Promise<EnrolledKiosk[]> {
    const rows = await this.db.query<KioskRow>('SELECT * FROM enrolled_kiosks ORDER BY enrolled_at, key_id');
    return rows.map(toKiosk);
  }

  /** Revokes by key id or kiosk id; returns the kiosks revoked now. */
  async revoke(id: string, now: Date): Promise<EnrolledKiosk[]> {
    const rows = await this.db.query<KioskRow>(
      `UPDATE enrolled_kiosks SET revoked_at = $2
        WHERE (key_id = $1 OR kiosk_id = $1) AND revoked_at IS NULL RETURNING *`,
      [id, now.toISOString()],
    );
    for (const r of rows) this.cache.delete(r.key_id);
    return rows.map(toKiosk);
  }
}
