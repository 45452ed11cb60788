// Storage in the PostgreSQL dialect: PGlite (embedded, a data folder) by default, PostgreSQL when a URL is given.
// Both behind one small interface so the store and the migrations are written once.
import { resolve } from 'node:path';
import { damagedFolder, lockDataFolder, prepareDataFolder, type DataFolderLock } from './data-folder.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements (no parameters). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Human description for logs, without credentials. */
  readonly description: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… : use PostgreSQL through pg. */
  databaseUrl?: string | null;
  /** PGlite data folder; undefined = in memory (tests). */
  dataDir?: string;
  /** PostgreSQL only: a schema to work in (created if missing); isolates test runs sharing a server. */
  schema?: string;
  /** PostgreSQL only: pool size (default 10). */
  poolSize?: number;
  /** PGlite only: told when a lock left by a crashed server is taken over. */
  onStaleLock?: (stale: { pid: number; startedAt: string } | null) => void;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts)
    : openPglite(opts.dataDir, { onStaleLock: opts.onStaleLock });
}

/**
 * A data folder is locked for this process's life (a second server on it exits with a clear message) and its
 * open errors are explained (see data-folder.ts). `onStaleLock` hears about a lock left by a crashed process.
 */
export async function openPglite(
  dataDir?: string,
  opts: { onStaleLock?: (stale: { pid: number; startedAt: string } | null) => void } = {},
): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  let dir: string | undefined;
  let lock: DataFolderLock | undefined;
  let db: InstanceType<typeof PGlite>;
  if (dataDir) {
    dir = resolve(dataDir);
    await prepareDataFolder(dir);
    lock = lockDataFolder(dir, opts.onStaleLock);
    try {
      db = await PGlite.create(dir);
      await db.query('SELECT 1');
    } catch (e) {
      lock.release();
      throw damagedFolder(dir, e instanceof Error ? e.message : String(e));
    }
  } else {
    db = await PGlite.create();
  }
  const wrap = (q: { query: typeof db.query; exec: typeof db.exec }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    description: dir ? `PGlite ${dir}` : 'PGlite (in memory)',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** postgres://user:secret@host/db → postgres://user@host/db */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export async function openPostgres(
  url: string,
  opts: Pick<OpenDatabaseOptions, 'schema' | 'poolSize'> = {},
): Promise<Database> {
  const pg = (await import('pg')).default;
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw new Error(`invalid schema name: ${opts.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  if (opts.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
  const wrap = (q: {
    query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;
  }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    description: `PostgreSQL ${redactUrl(url)}${opts.schema ? ` (schema ${opts.schema})` : ''}`,
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
