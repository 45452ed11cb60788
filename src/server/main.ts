// The zone server entry: npx tsx src/server/main.ts --port 8080 [options]
import { parseArgs } from 'node:util';
import { generateIntakeKeyFile, readIntakeKeyFile } from './intake-key.ts';
import { createLogger, errorFields, type LogLevel } from './log.ts';
import { DEFAULT_DATA_DIR, startServer } from './server.ts';

const HELP = `政务公开专区 zone server: application intake, status look-up, bundle channel, kiosk heartbeats.

Usage:
  npx tsx src/server/main.ts [options]
  npx tsx src/server/main.ts intake-keygen --intake-key FILE

Options:
  --port N              port to listen on (default 8080; 0 = any free port)
  --host ADDR           address to bind (default 0.0.0.0)
  --data-dir DIR        PGlite data folder (default ${DEFAULT_DATA_DIR}); ignored when DATABASE_URL is set
  --intake-key FILE     intake private key (default <data-dir>/intake-key.json; created when missing)
  --staff-token TOKEN   bearer token for /api/v1/staff/* (or env KIOSK_STAFF_TOKEN); without it staff
                        endpoints are disabled
  --static DIR          serve the built kiosk from DIR (SPA fallback to index.html for page navigations)
  --bundle-dir DIR      serve the content bundle under /bundle/ (its data/calendar.json gives due dates)
  --kiosk-config FILE   serve FILE as /kiosk-config.json (intakePublicKey filled in when null)
  --trust-proxy         take the client address from X-Forwarded-For (behind a reverse proxy)
  --auto-enrol          localhost demo only: kiosks on this machine enrol without a code (refused unless
                        --host is a loopback address; a real deployment enrols kiosks with codes)
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
  GET  /bundle/*, /kiosk-config.json, static files
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
      'staff-token': { type: 'string' },
      static: { type: 'string' },
      'bundle-dir': { type: 'string' },
      'kiosk-config': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'auto-enrol': { type: 'boolean' },
      'log-level': { type: 'string' },
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
  if (positionals.length > 0) throw new Error(`unknown command: ${positionals[0]} (see --help)`);

  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${values.port}?`);
  const server = await startServer({
    port,
    host: values.host ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir,
    intakeKeyFile: values['intake-key'],
    staffToken: values['staff-token'] ?? process.env.KIOSK_STAFF_TOKEN ?? null,
    staticDir: values.static ?? null,
    bundleDir: values['bundle-dir'] ?? null,
    kioskConfigFile: values['kiosk-config'] ?? null,
    trustProxy: values['trust-proxy'] ?? false,
    autoEnrol: values['auto-enrol'] ?? false,
    logger,
  });
  const stop = async (signal: string) => {
    logger.info('shutdown', { signal });
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
    process.exit(1);
  },
);
