// A zone server of a spec's own, beside the shared e2e server (playwright.config.ts): its own port, data folder,
// channel and kiosk-config, given as main.ts options. Started through tsx in its own process group so stop() ends
// npx, tsx and the server together; what it wrote to stderr is in the error when it does not come up.
import { spawn } from 'node:child_process';

export interface ZoneServer {
  url: string;
  /** Ends the server's process group and resolves once none of it is left (its data folder can then go). */
  stop(): Promise<void>;
}

export async function startZoneServer(port: number, args: string[]): Promise<ZoneServer> {
  const env = { ...process.env };
  delete env.DATABASE_URL; // PGlite in the spec's own folder, whatever the environment says
  const child = spawn(
    'npx',
    [
      'tsx',
      'src/server/main.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
      ...args,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => void (stderr = (stderr + b.toString()).slice(-4000)));
  let exited: number | null | undefined;
  child.on('exit', (code) => void (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const signal = (sig: NodeJS.Signals | 0): boolean => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // no process of the group is left
    }
  };
  const stop = async () => {
    signal('SIGTERM');
    // npx exits at once; the server behind it closes its database first (removing its folder meanwhile fails).
    for (let i = 0; i < 150 && signal(0); i++) await new Promise((r) => setTimeout(r, 100));
    signal('SIGKILL');
  };
  // Up to 2 minutes: tsx and a fresh PGlite folder start slowly on a busy machine.
  for (let i = 0; i < 600 && exited === undefined; i++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { url, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(
    `zone server on port ${port} did not start${exited !== undefined ? ` (exited with ${exited})` : ''}: ${stderr}`,
  );
}
