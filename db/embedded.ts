import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './dataDirLock.js';

export interface EmbeddedPostgres {
  /** The database itself: this process talks to it directly (db/inProcess.ts). */
  pglite: PGlite;
  /** Where other programs (psql, a console in another process) reach it, on 127.0.0.1. */
  url: string;
  /** Closes the socket server, then PGlite (a persisted dataDir is flushed). */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** undefined → in memory (tests, benchmarks); else PGlite's files live in `<dataDir>/pglite`. */
  dataDir?: string;
  /** 0 or undefined → any free port. */
  port?: number;
  /** Socket clients at once (other programs; this process does not use the socket). */
  maxConnections: number;
}

/**
 * Starts PGlite (with pgvector) in this thread, and serves it on 127.0.0.1 for other programs.
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
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: opts.port ?? 0, maxConnections: opts.maxConnections });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    return {
      pglite: db,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          await server.stop();
          await db.close();
        } finally {
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
