import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE } from '../../db/dataDirLock.js';
import { openDatabase } from '../../db/pool.js';

// The second *process* on a running app's DATA_DIR is tried black-box in process-sigterm.test.ts;
// here the lock's own cases: live owner, dead owner, the same process twice.
describe('the embedded database in DATA_DIR belongs to one process', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('refuses a directory whose lock names a running process, naming it and the way out', async () => {
    const dir = tempDir();
    // The parent process (vitest's) is running and is not this one.
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
    const err = await openDatabase({ poolMax: 2, dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain(`already open in process ${process.ppid}`);
    expect((err as Error).message).toContain('DATABASE_URL');
    // and leaves the owner's lock alone
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that is gone, refuses a second opening meanwhile, and removes its lock on close', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${gone}\n`);
    const db = await openDatabase({ poolMax: 2, dataDir: dir });
    try {
      expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
      expect((await db.pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      // the same directory again, from this same process, is refused too
      await expect(openDatabase({ poolMax: 2, dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
