// `npm start`: the kiosk with the sample district on http://localhost:8080/ — prepares the sample bundle and
// kiosk-config, builds the kiosk when its sources changed, and runs the zone server that serves both.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAgencyIds, resetSampleClerk } from '../src/server/desk/user-command.ts';
import { startServer } from '../src/server/server.ts';
import { prepareSample } from './prepare-sample.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const KIOSK_SOURCES = ['src/kiosk', 'src/core', 'public', 'index.html', 'vite.config.ts', 'package.json'];

async function newestMtime(path: string): Promise<number> {
  const s = await stat(path).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

async function buildKioskIfStale(): Promise<void> {
  const built = (await stat(join(root, 'dist/index.html')).catch(() => null))?.mtimeMs ?? 0;
  const sources = Math.max(...(await Promise.all(KIOSK_SOURCES.map((p) => newestMtime(join(root, p))))));
  if (built > sources) return;
  console.log('start: building the kiosk (vite build)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
const sample = await prepareSample((s) => console.log(`start: ${s}`));
await buildKioskIfStale();
const staffToken = process.env.KIOSK_STAFF_TOKEN ?? randomBytes(12).toString('hex');
const server = await startServer({
  port,
  host,
  databaseUrl: process.env.DATABASE_URL || null,
  dataDir: join(root, '.data/server'),
  staticDir: join(root, 'dist'),
  bundleDir: sample.bundleDir,
  kioskConfigFile: sample.configFile,
  staffToken,
  // The localhost demo: a fresh browser on this machine is enrolled by itself (a real server never does this).
  autoEnrol: loopback,
  logger: false,
});
const clerk = await resetSampleClerk(server.db, await bundleAgencyIds(sample.bundleDir));
console.log(`\n  政务公开专区 kiosk (sample district 某某区): http://localhost:${server.port}/`);
console.log(`  zone server API: http://localhost:${server.port}/api/v1/   staff token: ${staffToken}`);
console.log(
  `desk: http://localhost:${server.port}/desk/  user: ${clerk.username}  password: ${clerk.password}`,
);
if (!loopback)
  console.log('  kiosks enrol with a one-time code: POST /api/v1/staff/enrolment-codes (docs/DEPLOY.md)');
console.log('  Ctrl+C stops.\n');
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
