// A PGlite data folder belongs to one server process: a lock file (pid, host, start time) held for the process's
// life, refused while its owner is alive, taken over when it is stale (the owner crashed). Two PGlite instances
// on one folder corrupt each other's pages: an application already answered 201 was lost that way (issue 12).
// And the errors a damaged folder gives (PGlite's "Aborted(). Build with -sASSERTIONS") turned into a message a
// hall's IT person can act on.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'zone-server.lock';

/** A problem with the data folder, with what to do about it; main.ts prints the message as is. */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
  constructor(
    message: string,
    readonly code: 'in-use' | 'damaged' | 'not-a-data-folder' | 'not-writable',
  ) {
    super(message);
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

/** Folders this process holds: a lock naming our own pid is ours only if listed here (a container restarted
 * after a crash often gets the same pid again, and must not find its old lock "alive"). */
const heldHere = new Set<string>();

export interface DataFolderLock {
  readonly file: string;
  /** Removes the lock file (idempotent). Also runs at process exit. */
  release(): void;
}

/** True when a process with this pid exists on this machine (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof v.pid === 'number' && typeof v.host === 'string') {
      return { pid: v.pid, host: v.host, startedAt: String(v.startedAt ?? '?') };
    }
  } catch {
    // Unreadable or half-written (a crash while writing it): stale.
  }
  return null;
}

/**
 * Takes the folder's lock or throws DataFolderError('in-use'). A lock left by a process that no longer exists on
 * this host is stale and taken over (`onStale` says so). A lock from another host (a shared network folder) cannot
 * be checked and is refused with the file to delete once that server is known to be stopped.
 */
export function lockDataFolder(dir: string, onStale?: (stale: LockContent | null) => void): DataFolderLock {
  const file = join(dir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(mine) + '\n');
      } finally {
        closeSync(fd);
      }
      heldHere.add(file);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= 2) throw e;
    }
    const held = readLock(file);
    if (held && held.host !== mine.host) {
      throw new DataFolderError(
        `数据目录 ${dir} 正被另一台主机上的区服务器使用（${held.host}，进程 ${held.pid}，${held.startedAt} 起）。` +
          ` The data folder ${dir} is in use by a zone server on host ${held.host} (pid ${held.pid}, since` +
          ` ${held.startedAt}). Stop that server first; if it is certainly stopped, delete ${file}.`,
        'in-use',
      );
    }
    const alive = held && (held.pid === process.pid ? heldHere.has(file) : processAlive(held.pid));
    if (held && alive) {
      throw new DataFolderError(
        `数据目录 ${dir} 正被另一个区服务器进程使用（进程 ${held.pid}，${held.startedAt} 起），本进程退出。` +
          ` The data folder ${dir} is in use by another zone server process (pid ${held.pid}, since` +
          ` ${held.startedAt}). Two servers on one PGlite folder corrupt it: stop the other one first, or give` +
          ` this one its own --data-dir.`,
        'in-use',
      );
    }
    onStale?.(held);
    try {
      unlinkSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.off('exit', release);
    // Only our own lock: never remove one another process took over after us.
    if (readLock(file)?.pid === process.pid) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
  };
  process.on('exit', release);
  return { file, release };
}

/**
 * Before PGlite opens the folder: it exists (created 0700: the files are the office's register), it is writable,
 * and it is either empty or a PGlite data folder. Throws DataFolderError with what to do.
 */
export async function prepareDataFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
  } catch (e) {
    throw new DataFolderError(
      `无法创建或写入数据目录 ${dir}（${(e as NodeJS.ErrnoException).code ?? String(e)}）。` +
        ` Cannot create or write the data folder ${dir}: check the path, its owner and free disk space.`,
      'not-writable',
    );
  }
  const entries = (await readdir(dir)).filter((f) => !f.startsWith('.') && f !== LOCK_FILE);
  const hasPg = entries.includes('PG_VERSION');
  const foreign = entries.filter((f) => !/\.json$/.test(f));
  if (!hasPg && foreign.length > 0) {
    throw new DataFolderError(
      `${dir} 不是区服务器的数据目录（没有 PG_VERSION，却有 ${foreign.slice(0, 3).join('、')} 等文件）。` +
        ` ${dir} is not a zone server data folder (no PG_VERSION, but other files). Check --data-dir; if the` +
        ` folder was damaged, restore it from the latest backup (docs/DEPLOY.md).`,
      'not-a-data-folder',
    );
  }
  if (hasPg && (await stat(join(dir, 'PG_VERSION'))).size === 0) {
    throw damagedFolder(dir, 'PG_VERSION is empty');
  }
}

/** The message for a folder PGlite cannot open. */
export function damagedFolder(dir: string, cause: string): DataFolderError {
  return new DataFolderError(
    `无法打开数据目录 ${dir} 中的数据库：文件已损坏或不完整（常见原因：磁盘写满、复制中断、断电）。` +
      `请停止服务器，先把整个目录复制一份留存，再按 docs/DEPLOY.md 从最近的备份恢复；` +
      `终端上未送达的申请会在服务器恢复后自动重发。` +
      ` The database in ${dir} cannot be opened: its files are damaged or incomplete (disk full, an interrupted` +
      ` copy, a power cut). Stop the server, keep a copy of the whole folder, then restore the latest backup as in` +
      ` docs/DEPLOY.md; applications still queued on the kiosks are sent again once the server is back.` +
      ` (PGlite: ${cause.slice(0, 200)})`,
    'damaged',
  );
}
