import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './dataDirLock.js';
import { socketPassword, startAuthFront, type AuthFront } from './socketAuth.js';

export interface EmbeddedPostgres {
  /** The database itself: this process talks to it directly (db/inProcess.ts). */
  pglite: PGlite;
  /**
   * Where other programs (psql, a console in another process) reach it, on 127.0.0.1, password included;
   * undefined when no port was asked for (the default: nothing listens).
   */
  url?: string;
  /** The password file, when a port is open and the database is persisted. */
  passwordFile?: string;
  /** Closes the socket server, then PGlite (a persisted dataDir is flushed). */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** undefined → in memory (tests, benchmarks); else PGlite's files live in `<dataDir>/pglite`. */
  dataDir?: string;
  /** undefined → no listener at all; 0 → any free port; else that port, on 127.0.0.1 and behind a password. */
  port?: number;
  /** Socket clients at once (other programs; this process does not use the socket). */
  maxConnections: number;
}

/**
 * Starts PGlite (with pgvector) in this thread and, when a port is given, serves it on 127.0.0.1 for other
 * programs behind a password (db/socketAuth.ts: pglite-socket has no authentication of its own).
 * PGlite has one backend session: socket clients and this process take turns, a transaction at a
 * time (pglite-socket's queue and the lock in db/inProcess.ts).
 *
 * Not in a worker thread: tried (bench/bot.ts, 6 A/B pairs), it was no faster — the next statement
 * cannot start before this thread has read the previous result, so the worker idled while this
 * thread worked, and every statement paid two thread wake-ups; it also rules out the direct
 * in-process connection, which removes the per-statement round trip altogether.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  let dataDir: string | undefined;
  // PGlite has no lock of its own: a second process on the same files would corrupt them.
  let unlock = (): void => undefined;
  if (opts.dataDir) {
    dataDir = path.resolve(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(opts.dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir, extensions: { vector } });
  } catch (err) {
    unlock();
    throw err;
  }
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
    if (opts.port === undefined) {
      return {
        pglite: db,
        async stop() {
          try {
            await db.close();
          } finally {
            unlock();
          }
        },
      };
    }
    const secret = socketPassword(opts.dataDir ? path.resolve(opts.dataDir) : undefined);
    // pglite-socket itself listens only on a Unix socket in a directory private to this user (mkdtemp: 0700).
    const sockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-pglite-'));
    const sockPath = path.join(sockDir, 's');
    const server = new PGLiteSocketServer({ db, path: sockPath, maxConnections: opts.maxConnections });
    let front: AuthFront | undefined;
    try {
      await server.start();
      front = await startAuthFront({ host: '127.0.0.1', port: opts.port, target: sockPath, password: secret.password, maxConnections: opts.maxConnections });
    } catch (err) {
      await server.stop().catch(() => undefined);
      fs.rmSync(sockDir, { recursive: true, force: true });
      throw err;
    }
    if (secret.created) {
      // Shown once, when made; afterwards it is read from the file (mode 0600).
      process.stderr.write(
        `Embedded database: password for PGLITE_PORT written to ${secret.file} (mode 0600): ${secret.password}\n` +
          `  psql "postgres://postgres:$(cat ${secret.file})@127.0.0.1:${front.port}/postgres"\n`,
      );
    }
    const running = front;
    return {
      pglite: db,
      url: `postgres://postgres:${secret.password}@127.0.0.1:${running.port}/postgres`,
      passwordFile: secret.file,
      async stop() {
        try {
          await running.close();
          await server.stop();
          await db.close();
        } finally {
          fs.rmSync(sockDir, { recursive: true, force: true });
          unlock();
        }
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    unlock();
    throw err;
  }
}
