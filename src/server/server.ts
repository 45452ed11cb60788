// startServer(): opens storage, runs migrations, loads the intake key and listens. Used by main.ts, tests and bench.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { BundleDataSchemas, type CalendarYear } from '../core/bundle/schema.ts';
import type { IntakeKey } from '../core/crypto/sealed-box.ts';
import { DEFAULT_RETENTION, RetentionSchema, type Retention } from '../core/config/retention.ts';
import { createApp, DEFAULT_LIMITS, type AppLimits } from './app.ts';
import { dataKeyFromBytes, loadOrCreateDataKey, type DataKey } from './data-key.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { loadOrCreateIntakeKey } from './intake-key.ts';
import { createLogger, silentLogger, type Logger } from './log.ts';
import { personalDataCipher } from './personal-data.ts';
import { runRetention, scheduleRetention } from './retention.ts';
import { ApplicationStore } from './store.ts';

export interface ServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 to serve kiosks on the hall network. */
  host?: string;
  /** An open database (tests share one PGlite per file); it is migrated but not closed by close(). */
  database?: Database;
  /** PostgreSQL URL; otherwise PGlite in dataDir. */
  databaseUrl?: string | null;
  /** PGlite data folder (default .data/server). */
  dataDir?: string;
  /** Intake private key file (created when missing). */
  intakeKeyFile?: string;
  /** Or the key itself (tests). */
  intakeKey?: IntakeKey;
  /** Data key file that encrypts personal data at rest (default: data-key.json beside the intake key; created). */
  dataKeyFile?: string;
  /** Or the key itself (tests). Without either, a server on a caller's database uses a key of this run only. */
  dataKey?: DataKey;
  /** Retention periods (over kiosk-config's `retention`, over the defaults). */
  retention?: Partial<Retention>;
  /** How often the retention job runs, ms (default hourly); null: only on demand. */
  retentionEveryMs?: number | null;
  /** How long a health write probe's result is reused, ms (default 1000). */
  healthProbeMs?: number;
  staffToken?: string | null;
  staticDir?: string | null;
  bundleDir?: string | null;
  kioskConfigFile?: string | null;
  limits?: Partial<AppLimits>;
  statusRateLimit?: { capacity: number; refillPerSecond: number };
  /** Overrides the calendar read from <bundleDir>/data/calendar.json. */
  calendar?: CalendarYear[] | null;
  trustProxy?: boolean;
  /**
   * The localhost demo only (npm start, the e2e server): kiosks on this machine enrol without a code. Refused
   * unless the server listens on a loopback address; even then only loopback clients are enrolled so.
   */
  autoEnrol?: boolean;
  logger?: Logger | false;
  now?: () => Date;
  /** The desk's session idle timeout, ms (default 15 minutes; the e2e server shortens it). */
  deskSessionIdleMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  intakeKey: IntakeKey;
  store: ApplicationStore;
  retention: Retention;
  close(): Promise<void>;
}

/** kiosk-config's `retention`, when the file has one (read leniently: the kiosk validates the rest). */
async function readConfigRetention(file: string | null | undefined): Promise<Partial<Retention>> {
  if (!file) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return {};
  }
  const r = (raw as { retention?: unknown } | null)?.retention;
  if (r === undefined) return {};
  const parsed = RetentionSchema.safeParse(r);
  if (!parsed.success) throw new Error(`${file}: retention: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export const DEFAULT_DATA_DIR = '.data/server';

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

async function readBundleCalendar(bundleDir: string): Promise<CalendarYear[] | null> {
  let text: string;
  try {
    text = await readFile(join(bundleDir, 'data', 'calendar.json'), 'utf8');
  } catch {
    return null;
  }
  return BundleDataSchemas.calendar.parse(JSON.parse(text));
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger === false ? silentLogger : (options.logger ?? createLogger());
  const host = options.host ?? '127.0.0.1';
  if (options.autoEnrol && !isLoopbackHost(host))
    throw new Error(
      `--auto-enrol is for the localhost demo only; this server listens on ${host}. Enrol kiosks with codes (docs/DEPLOY.md).`,
    );
  const ownsDb = !options.database;
  const db =
    options.database ??
    (await openDatabase({
      databaseUrl: options.databaseUrl ?? null,
      dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
      onStaleLock: (stale) =>
        logger.warn('stale_lock_taken_over', {
          pid: stale?.pid ?? null,
          startedAt: stale?.startedAt ?? null,
        }),
    }));
  try {
    const applied = await migrate(db);
    if (applied.length) logger.info('migrations_applied', { migrations: applied });

    let intakeKey = options.intakeKey;
    if (!intakeKey) {
      const file = options.intakeKeyFile ?? join(options.dataDir ?? DEFAULT_DATA_DIR, 'intake-key.json');
      const loaded = await loadOrCreateIntakeKey(file);
      intakeKey = loaded.key;
      if (loaded.created) logger.warn('intake_key_created', { file: resolve(file), kid: intakeKey.kid });
    }

    let dataKey = options.dataKey;
    if (!dataKey && !options.dataKeyFile && options.database && !options.intakeKeyFile) {
      dataKey = dataKeyFromBytes(randomBytes(32));
      logger.warn('data_key_ephemeral', {});
    }
    if (!dataKey) {
      const file =
        options.dataKeyFile ??
        join(
          dirname(options.intakeKeyFile ?? join(options.dataDir ?? DEFAULT_DATA_DIR, 'intake-key.json')),
          'data-key.json',
        );
      const loaded = await loadOrCreateDataKey(file);
      dataKey = loaded.key;
      if (loaded.created) logger.warn('data_key_created', { file: resolve(file), kid: dataKey.kid });
    }
    const store = new ApplicationStore(db, personalDataCipher(dataKey));
    const encrypted = await store.encryptPlainRows();
    if (encrypted) logger.warn('plain_rows_encrypted', { count: encrypted });

    const retention: Retention = {
      ...DEFAULT_RETENTION,
      ...(await readConfigRetention(options.kioskConfigFile)),
      ...options.retention,
    };
    const now = options.now ?? (() => new Date());

    const bundleDir = options.bundleDir ? resolve(options.bundleDir) : null;
    const app = createApp({
      store,
      retention,
      healthProbeMs: options.healthProbeMs ?? 1000,
      intakeKey,
      logger,
      staffToken: options.staffToken ?? null,
      staticDir: options.staticDir ? resolve(options.staticDir) : null,
      bundleDir,
      kioskConfigFile: options.kioskConfigFile ? resolve(options.kioskConfigFile) : null,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      statusRateLimit: options.statusRateLimit ?? { capacity: 10, refillPerSecond: 1 / 6 },
      calendar: async () =>
        options.calendar !== undefined ? options.calendar : bundleDir ? readBundleCalendar(bundleDir) : null,
      now,
      trustProxy: options.trustProxy ?? false,
      autoEnrol: options.autoEnrol ?? false,
      ...(options.deskSessionIdleMs ? { deskSessionIdleMs: options.deskSessionIdleMs } : {}),
    });

    const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => ok(s));
      s.once('error', fail);
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    logger.info('server_started', { url, db: db.description, kid: intakeKey.kid, dataKid: dataKey.kid });
    const retentionJob =
      options.retentionEveryMs === null
        ? null
        : scheduleRetention(() => runRetention(store, retention, now()), logger, options.retentionEveryMs);

    let closed = false;
    return {
      url,
      port,
      db,
      intakeKey,
      store,
      retention,
      async close() {
        if (closed) return;
        closed = true;
        retentionJob?.stop();
        await retentionJob?.idle();
        await new Promise<void>((ok) => {
          server.close(() => ok());
          const s = server as unknown as { closeAllConnections?: () => void };
          s.closeAllConnections?.();
        });
        if (ownsDb) await db.close();
        logger.info('server_stopped', {});
      },
    };
  } catch (e) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw e;
  }
}
