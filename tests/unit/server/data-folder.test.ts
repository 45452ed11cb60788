// Issue 12, items 4 and 6 on disk: one server per PGlite data folder, damaged folders explained, health from a
// write probe, and no personal data in clear anywhere in the data folder (tables, WAL) after 100 intakes.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../src/server/db/data-folder.ts';
import { startServer } from '../../../src/server/server.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { postApplication, sealedBody } from './helpers.ts';
import { enrolTestKiosk } from './kiosk-client.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'zone-folder-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

// A migrated data folder made once and copied for each test: creating one costs PGlite's initdb (seconds).
let template: string;
beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'zone-folder-template-'));
  const s = await startServer({ dataDir: template, logger: false, retentionEveryMs: null });
  await s.close();
}, 60_000);
afterAll(() => rm(template, { recursive: true, force: true }));

/** A fresh copy of the template folder (its keys included). */
async function dataFolder(): Promise<string> {
  const d = await tempDir();
  await cp(template, d, { recursive: true });
  return d;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Runs src/server/main.ts; resolves on exit, or once `until` appears in its output (the child keeps running). */
function runMain(args: string[], until?: string) {
  // Without DATABASE_URL: `npm test` runs the unit tests with one set (scripts/with-postgres.sh), and a child that
  // inherited it would store in PostgreSQL and never touch the data folder under test.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let out = '';
  const done = new Promise<{ code: number | null; out: string }>((resolve) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (until && out.includes(until)) resolve({ code: null, out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, out }));
  });
  return { child, done };
}

describe('one server per data folder', () => {
  it('a second server on the same folder is refused with who holds it; the first keeps working', async () => {
    const dir = await dataFolder();
    const first = await startServer({ dataDir: dir, logger: false, retentionEveryMs: null });
    try {
      await expect(startServer({ dataDir: dir, logger: false, retentionEveryMs: null })).rejects.toThrow(
        new RegExp(`in use by another zone server process \\(pid ${process.pid}`),
      );
      const app = citizenApplication();
      const kiosk = await enrolTestKiosk(first.db);
      const res = await postApplication(
        first.url,
        await sealedBody(first.intakeKey.publicJwk, app),
        app.clientId,
        kiosk.fetch,
      );
      expect(res.status).toBe(201);
    } finally {
      await first.close();
    }
    // Released on close: the folder opens again, with the application still there.
    const again = await startServer({ dataDir: dir, logger: false, retentionEveryMs: null });
    try {
      expect(await again.store.count()).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('takes over a stale lock left by a crashed server', async () => {
    const dir = await dataFolder();
    // A process that has exited: its pid is free.
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = dead.pid!;
    await new Promise((r) => dead.on('exit', r));
    const { hostname } = await import('node:os');
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: 'x' }));
    const warnings: string[] = [];
    const server = await startServer({
      dataDir: dir,
      retentionEveryMs: null,
      logger: { ...silentish(), warn: (e: string) => void warnings.push(e) },
    });
    try {
      expect(warnings).toContain('stale_lock_taken_over');
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    } finally {
      await server.close();
    }
  });

  it('a lock naming this very pid, left by an earlier run (a restarted container), is stale', async () => {
    const dir = await dataFolder();
    const { hostname } = await import('node:os');
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 'x' }),
    );
    const server = await startServer({ dataDir: dir, logger: false, retentionEveryMs: null });
    await server.close();
  });

  it('a second main.ts process exits with a clear message', async () => {
    const dir = await dataFolder();
    const first = runMain(['--data-dir', dir, '--port', '0', '--host', '127.0.0.1'], 'server_started');
    try {
      const started = await first.done;
      expect(started.out).toContain('server_started');
      const second = await runMain(['--data-dir', dir, '--port', '0', '--host', '127.0.0.1']).done;
      expect(second.code).toBe(1);
      expect(second.out).toContain(
        `zone server: 数据目录 ${dir} 正被另一个区服务器进程使用（进程 ${first.child.pid}`,
      );
      expect(second.out).toContain('stop the other one first');
    } finally {
      first.child.kill('SIGTERM');
      await first.done;
      await new Promise((r) => (first.child.exitCode === null ? first.child.on('exit', r) : r(null)));
    }
    // Two server processes start one after the other through tsx: a few seconds each, more on a loaded machine.
  }, 90_000);

  it('a damaged data folder gives a message a hall IT person can act on', async () => {
    const dir = await dataFolder();
    await writeFile(join(dir, 'global', 'pg_control'), Buffer.alloc(100, 7));
    const err = await startServer({ dataDir: dir, logger: false, retentionEveryMs: null }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`The database in ${dir} cannot be opened`);
    expect((err as Error).message).toContain('restore the latest backup');
    expect((err as Error).message).not.toMatch(/^Aborted/);
    // The lock is not left behind by the failed start.
    await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();

    const notOurs = await tempDir();
    await writeFile(join(notOurs, 'notes.txt'), 'something else');
    await expect(startServer({ dataDir: notOurs, logger: false })).rejects.toThrow(
      /not a zone server data folder/,
    );
  }, 30_000);
});

function silentish() {
  const noop = () => undefined;
  return { log: noop, debug: noop, info: noop, warn: noop, error: noop };
}

describe('health', () => {
  it('is 503 when the database cannot commit a write, 200 again once it can', async () => {
    const dir = await dataFolder();
    const server = await startServer({
      dataDir: dir,
      logger: false,
      healthProbeMs: 0,
      retentionEveryMs: null,
    });
    try {
      const ok = await fetch(`${server.url}/api/v1/health`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true });
      // Every write fails, reads still work (as on a full disk).
      await server.db.exec(`CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;
        CREATE TRIGGER refuse_write BEFORE UPDATE OR INSERT ON health_probe FOR EACH ROW EXECUTE FUNCTION refuse_write();`);
      const bad = await fetch(`${server.url}/api/v1/health`);
      expect(bad.status).toBe(503);
      const body = await bad.json();
      expect(body).toMatchObject({ ok: false, error: { code: 'db_write_failed' } });
      expect(JSON.stringify(body)).not.toContain('No space left'); // details go to the log, not the public
      await server.db.exec('DROP TRIGGER refuse_write ON health_probe; DROP FUNCTION refuse_write();');
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('personal data at rest', () => {
  it('no ID number, name or phone in clear anywhere in the data folder after 100 intakes', async () => {
    const dir = await tempDir();
    const keys = await tempDir();
    const server = await startServer({
      dataDir: dir,
      intakeKeyFile: join(keys, 'intake-key.json'),
      logger: false,
      retentionEveryMs: null,
    });
    const names: string[] = [];
    const kiosk = await enrolTestKiosk(server.db);
    try {
      for (let i = 0; i < 100; i++) {
        const app = citizenApplication({ createdAt: new Date().toISOString() });
        const name = `欧阳明${String.fromCharCode(0x4e00 + i)}`;
        names.push(name);
        (app.applicant as { name: string }).name = name;
        const res = await postApplication(
          server.url,
          await sealedBody(server.intakeKey.publicJwk, app),
          app.clientId,
          kiosk.fetch,
        );
        expect(res.status).toBe(201);
      }
      // Staff still read them.
      const rows = await server.store.list();
      expect(rows).toHaveLength(100);
      expect(rows[99]!.application!.applicant.name).toBe(names[99]);
    } finally {
      await server.close();
    }
    // The data key lives beside the intake key, not in the data folder, readable by its owner only.
    const keyFile = join(keys, 'data-key.json');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);

    const needles = ['11010519491231002', '13812345678', '138 1234 5678', '八一七北路', '欧阳明', ...names];
    const found: string[] = [];
    const files = await filesUnder(dir);
    expect(files.some((f) => f.includes('pg_wal'))).toBe(true);
    for (const f of files) {
      const bytes = await readFile(f);
      for (const n of needles) if (bytes.includes(Buffer.from(n, 'utf8'))) found.push(`${n} in ${f}`);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
