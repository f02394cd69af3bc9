import fs from 'node:fs';
import path from 'node:path';

/** The lock file's name inside DATA_DIR; it holds the pid of the process that has the database open. */
export const LOCK_FILE = 'pglite.lock';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in process ${pid} (lock file ${path.join(dataDir, LOCK_FILE)}). ` +
        'PGlite serves one process: stop that process first, or set DATABASE_URL so that several processes share a Postgres server. ' +
        `If no such process is running, delete the lock file.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Locks this process holds, so that one process opening the same directory twice is refused too. */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of `dataDir` (an existing directory) for this process, or throws DataDirLockedError naming the process that holds
 * it. A lock left by a process that is gone (a crash, a killed container) is taken over; so is one
 * that names this very pid without this process holding it (a restarted container reuses pids).
 * Returns the release function; the lock is also removed when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  if (held.has(file)) throw new DataDirLockedError(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        const owner = readPid(file);
        if ((err as NodeJS.ErrnoException).code === 'EEXIST' && owner !== undefined) throw new DataDirLockedError(dir, owner);
        throw err;
      }
      const owner = readPid(file);
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) throw new DataDirLockedError(dir, owner);
      // Stale (or unreadable half-written) lock: remove it and try once more; a process racing us wins the `wx`.
      fs.rmSync(file, { force: true });
    }
  }
  held.add(file);
  const release = () => {
    if (!held.delete(file)) return;
    process.off('exit', release);
    if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
  };
  // process.exit() skips the orderly close; the lock must not outlive the process even then.
  process.on('exit', release);
  return release;
}
