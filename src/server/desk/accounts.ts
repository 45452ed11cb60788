// Staff accounts, their sessions and the audit log (PIPL: who viewed or exported whose personal data).
// Sessions: a random token in an HttpOnly cookie, only its SHA-256 in the table; each has its own CSRF token.
import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import { sha256Hex } from '../store.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

export const STAFF_ROLES = ['hall', 'clerk', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLE_LABELS: Record<StaffRole, string> = {
  hall: '大厅工作人员',
  clerk: '经办人',
  admin: '管理员',
};

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  /** Agency ids a clerk handles. */
  agencies: string[];
  disabled: boolean;
}

export interface Session {
  user: StaffUser;
  csrfToken: string;
}

/** A session ends after this long without a request (the desk logs a clerk out after idle). */
export const SESSION_IDLE_MS = 15 * 60_000;
/** And after this long whatever happens. */
export const SESSION_MAX_MS = 10 * 60 * 60_000;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: StaffRole;
  agencies: string[] | string;
  disabled: boolean;
  password_hash: string;
}

const toUser = (r: UserRow): StaffUser => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  agencies: Array.isArray(r.agencies) ? r.agencies : parsePgArray(r.agencies),
  disabled: r.disabled,
});

/** text[] comes back as a JS array from both drivers; this handles a '{a,b}' literal all the same. */
function parsePgArray(s: string): string[] {
  const inner = s.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
}

export class AccountError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

export class DeskAccounts {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    /** How long a session lasts without a request (a server option; the e2e test shortens it). */
    private readonly idleMs: number = SESSION_IDLE_MS,
  ) {}

  async createUser(input: {
    username: string;
    displayName: string;
    role: StaffRole;
    agencies: string[];
    password: string;
  }): Promise<StaffUser> {
    if (!USERNAME.test(input.username))
      throw new AccountError(
        'username_invalid',
        '用户名：3–32 位小写字母、数字或 . _ -，以字母开头',
        'username',
      );
    if (input.password.length < MIN_PASSWORD_LENGTH)
      throw new AccountError('password_too_short', `密码至少 ${MIN_PASSWORD_LENGTH} 位`, 'password');
    if (input.role === 'clerk' && !input.agencies.length)
      throw new AccountError('agencies_missing', '经办人至少要负责一个机关', 'agencies');
    const hash = await hashPassword(input.password);
    const rows = await this.db.query<UserRow>(
      `INSERT INTO staff_users (username, display_name, role, agencies, password_hash)
       VALUES ($1, $2, $3, $4::text[], $5) ON CONFLICT (username) DO NOTHING RETURNING *`,
      [input.username, input.displayName || input.username, input.role, input.agencies, hash],
    );
    if (!rows[0]) throw new AccountError('username_taken', `用户名 ${input.username} 已存在`, 'username');
    return toUser(rows[0]);
  }

  async listUsers(): Promise<StaffUser[]> {
    return (await this.db.query<UserRow>('SELECT * FROM staff_users ORDER BY id')).map(toUser);
  }

  async findUser(username: string): Promise<StaffUser | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM staff_users WHERE username = $1', [username]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** The user when the password is right and the account enabled; null otherwise (the caller cannot tell why). */
  async checkPassword(username: string, password: string): Promise<StaffUser | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM staff_users WHERE username = $1', [username]);
    const row = rows[0];
    // Hash anyway when the user does not exist, so the answer takes as long either way.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    return row && ok && !row.disabled ? toUser(row) : null;
  }

  async startSession(user: StaffUser): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const at = this.now().toISOString();
    await this.db.query(
      'INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)',
      [sha256Hex(token), user.id, csrfToken, at],
    );
    return { token, csrfToken };
  }

  /** The session for a cookie's token, touched; null when unknown, idle too long, too old or the user disabled. */
  async session(token: string): Promise<Session | null> {
    const rows = await this.db.query<
      UserRow & { csrf_token: string; created_at: Date | string; last_seen_at: Date | string }
    >(
      `SELECT u.*, s.csrf_token, s.created_at AS created_at, s.last_seen_at FROM staff_sessions s
       JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [sha256Hex(token)],
    );
    const r = rows[0];
    if (!r) return null;
    const now = this.now().getTime();
    const idle = now - new Date(r.last_seen_at).getTime();
    const age = now - new Date(r.created_at).getTime();
    if (r.disabled || idle > this.idleMs || age > SESSION_MAX_MS) {
      await this.endSession(token);
      return null;
    }
    await this.db.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1', [
      sha256Hex(token),
      this.now().toISOString(),
    ]);
    return { user: toUser(r), csrfToken: r.csrf_token };
  }

  async endSession(token: string): Promise<void> {
    await this.db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [sha256Hex(token)]);
  }

  async audit(
    user: StaffUser | null,
    action: string,
    applicationId: number | null,
    detail: Record<string, unknown> = {},
    q: Queryable = this.db,
  ): Promise<void> {
    await q.query(
      'INSERT INTO staff_audit (at, user_id, username, action, application_id, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        this.now().toISOString(),
        user?.id ?? null,
        user?.username ?? '-',
        action,
        applicationId,
        JSON.stringify(detail),
      ],
    );
  }

  async auditLog(
    limit = 200,
  ): Promise<
    Array<{ at: string; username: string; action: string; applicationId: number | null; detail: unknown }>
  > {
    const rows = await this.db.query<{
      at: Date | string;
      username: string;
      action: string;
      application_id: number | null;
      detail: unknown;
    }>('SELECT at, username, action, application_id, detail FROM staff_audit ORDER BY id DESC LIMIT $1', [
      limit,
    ]);
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      username: r.username,
      action: r.action,
      applicationId: r.application_id === null ? null : Number(r.application_id),
      detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
    }));
  }
}

/** A valid hash of a random password: checked when the user does not exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
