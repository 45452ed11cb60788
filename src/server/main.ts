// The zone server entry: npx tsx src/server/main.ts --port 8080 [options]
import { parseArgs } from 'node:util';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createDeskUser } from './desk/user-command.ts';
import { generateDataKeyFile } from './data-key.ts';
import { DataFolderError } from './db/data-folder.ts';
import { checkStaffToken, MIN_STAFF_TOKEN_LENGTH, StaffTokenError } from './http/staff-token.ts';
import { generateIntakeKeyFile, readIntakeKeyFile } from './intake-key.ts';
import { runRetention } from './retention.ts';
import { createLogger, errorFields, type LogLevel } from './log.ts';
import { DEFAULT_DATA_DIR, startServer } from './server.ts';

const HELP = `政务公开专区 zone server: application intake, status look-up, bundle channel, kiosk heartbeats.

Usage:
  npx tsx src/server/main.ts [options]
  npx tsx src/server/main.ts intake-keygen --intake-key FILE
  npx tsx src/server/main.ts desk-user --username NAME --role admin|clerk|hall [--agencies ID,ID] [--name 姓名]
                        creates a desk account (/desk/) in the same database and prints its password once
  npx tsx src/server/main.ts data-keygen --data-key FILE
  npx tsx src/server/main.ts retention [--data-dir DIR] [--retention-days N]   run the retention job once and exit

Options:
  --port N              port to listen on (default 8080; 0 = any free port)
  --host ADDR           address to bind (default 0.0.0.0)
  --data-dir DIR        PGlite data folder (default ${DEFAULT_DATA_DIR}); ignored when DATABASE_URL is set
  --intake-key FILE     intake private key (default <data-dir>/intake-key.json; created when missing)
  --data-key FILE       key that encrypts applicants' personal data at rest (default data-key.json beside the
                        intake key; created when missing; back it up apart from the database)
  --retention-days N    days after a reply before an application's personal data is deleted (default 1095, or
                        kiosk-config's retention.applicationDays)
  --heartbeat-days N    days heartbeats are kept (default 30)
  --event-days N        days kiosk events are kept (default 90)
  --staff-token TOKEN   bearer token for /api/v1/staff/* (or env KIOSK_STAFF_TOKEN), at least
                        ${MIN_STAFF_TOKEN_LENGTH} characters; without it staff endpoints are disabled
  --static DIR          serve the built kiosk from DIR (SPA fallback to index.html for page navigations)
  --bundle-dir DIR      serve the content bundle under /bundle/ (its data/calendar.json gives due dates)
  --kiosk-config FILE   serve FILE as /kiosk-config.json (intakePublicKey filled in when null)
  --trust-proxy         take the client address from X-Forwarded-For (behind a reverse proxy)
  --auto-enrol          localhost demo only: kiosks on this machine enrol without a code (refused unless
                        --host is a loopback address; a real deployment enrols kiosks with codes)
  --desk-idle-seconds N  the desk logs a user out after N seconds without a request (default 900)
  --log-level LEVEL     debug | info | warn | error (default info)
  -h, --help            this help

Environment:
  DATABASE_URL          postgres://… : store in PostgreSQL instead of PGlite
  KIOSK_STAFF_TOKEN     staff token (when --staff-token is not given)

Endpoints:
  POST /api/v1/applications                 sealed application; Idempotency-Key header required
  GET  /api/v1/applications/status?code=&phone4=
  POST /api/v1/heartbeats                   (signed by an enrolled kiosk, as applications and events)
  POST /api/v1/enrolment                    { code, publicKey, kioskId }: a kiosk enrols with a one-time code
  POST /api/v1/staff/enrolment-codes        (staff) { name, site?, ttlMinutes? } → one-time code
  GET  /api/v1/staff/kiosks                 (staff) enrolled kiosks;  POST /api/v1/staff/kiosks/:id/revoke
  GET  /api/v1/intake-key                   public key (JWK) kiosks seal applications to
  POST /api/v1/staff/applications/:code/status   (staff) { status, note?, receivedOn? }
  GET  /api/v1/staff/export.csv | export.json    (staff) ?status=&since=
  GET  /api/v1/staff/heartbeats                  (staff)
  POST /api/v1/staff/retention/run               (staff) run the retention job now
  GET  /bundle/*, /kiosk-config.json, static files
  /desk/                                         the office's desk (desk accounts; see desk-user)
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'intake-key': { type: 'string' },
      'data-key': { type: 'string' },
      'retention-days': { type: 'string' },
      'heartbeat-days': { type: 'string' },
      'event-days': { type: 'string' },
      'staff-token': { type: 'string' },
      static: { type: 'string' },
      'bundle-dir': { type: 'string' },
      'kiosk-config': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'auto-enrol': { type: 'boolean' },
      'log-level': { type: 'string' },
      'desk-idle-seconds': { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      agencies: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const level = (values['log-level'] ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new Error(`--log-level: ${level}?`);
  const logger = createLogger({ level });
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;

  if (positionals[0] === 'intake-keygen') {
    const file = values['intake-key'] ?? `${dataDir}/intake-key.json`;
    try {
      const key = await generateIntakeKeyFile(file);
      process.stdout.write(JSON.stringify({ file, kid: key.kid, publicJwk: key.publicJwk }, null, 2) + '\n');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const key = await readIntakeKeyFile(file);
      process.stderr.write(`${file} already exists (kid ${key.kid}); not overwritten.\n`);
      return 1;
    }
    return 0;
  }
  if (positionals[0] === 'desk-user') {
    if (!values.username || !values.role) throw new Error('desk-user needs --username and --role');
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir });
    try {
      await migrate(db);
      const { user, password } = await createDeskUser(db, {
        username: values.username,
        role: values.role,
        agencies: (values.agencies ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        ...(values.name ? { displayName: values.name } : {}),
      });
      process.stdout.write(`desk user: ${user.username} (${user.role})  password: ${password}\n`);
    } finally {
      await db.close();
    }
    return 0;
  }
  const days = (name: 'retention-days' | 'heartbeat-days' | 'event-days') => {
    const v = values[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: ${v}?`);
    return n;
  };
  const retention = Object.fromEntries(
    Object.entries({
      applicationDays: days('retention-days'),
      heartbeatDays: days('heartbeat-days'),
      eventDays: days('event-days'),
    }).filter(([, v]) => v !== undefined),
  );
  const staffToken = values['staff-token'] ?? process.env.KIOSK_STAFF_TOKEN ?? null;
  if (staffToken !== null) checkStaffToken(staffToken);

  if (positionals[0] === 'retention') {
    const server = await startServer({
      port: 0,
      databaseUrl: process.env.DATABASE_URL || null,
      dataDir,
      intakeKeyFile: values['intake-key'],
      dataKeyFile: values['data-key'],
      kioskConfigFile: values['kiosk-config'] ?? null,
      retention,
      retentionEveryMs: null,
      logger,
    });
    try {
      const report = await runRetention(server.store, server.retention);
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } finally {
      await server.close();
    }
    return 0;
  }
  if (positionals[0] === 'data-keygen') {
    const file = values['data-key'] ?? `${dataDir}/data-key.json`;
    try {
      const key = await generateDataKeyFile(file);
      process.stdout.write(JSON.stringify({ file, kid: key.kid }, null, 2) + '\n');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      process.stderr.write(`${file} already exists; not overwritten.\n`);
      return 1;
    }
    return 0;
  }
  if (positionals.length > 0) throw new Error(`unknown command: ${positionals[0]} (see --help)`);

  const idleSeconds = values['desk-idle-seconds'];
  const deskIdle = idleSeconds === undefined ? undefined : Number(idleSeconds);
  if (deskIdle !== undefined && !(Number.isInteger(deskIdle) && deskIdle >= 5))
    throw new Error(`--desk-idle-seconds: ${idleSeconds}? (a whole number of seconds, at least 5)`);
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${values.port}?`);
  const server = await startServer({
    port,
    host: values.host ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir,
    intakeKeyFile: values['intake-key'],
    dataKeyFile: values['data-key'],
    retention,
    staffToken,
    staticDir: values.static ?? null,
    bundleDir: values['bundle-dir'] ?? null,
    kioskConfigFile: values['kiosk-config'] ?? null,
    trustProxy: values['trust-proxy'] ?? false,
    autoEnrol: values['auto-enrol'] ?? false,
    ...(deskIdle !== undefined ? { deskSessionIdleMs: deskIdle * 1000 } : {}),
    logger,
  });
  const stop = async (signal: string) => {
    logger.info('shutdown', { signal });
    // Every write is committed when it is answered: a close that hangs (an idle keep-alive socket, a timer) must
    // not keep a stopped server alive or its data-folder lock held.
    setTimeout(() => process.exit(0), 5_000).unref();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return -1; // keep running
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    createLogger().error('startup_failed', errorFields(e));
    // A person reads this one: the data folder's problem and what to do, or the cause in one line.
    process.stderr.write(
      `zone server: ${e instanceof DataFolderError || e instanceof StaffTokenError ? e.message : `cannot start: ${e instanceof Error ? e.message : String(e)}`}\n`,
    );
    process.exit(1);
  },
);
