import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /** Closes the socket server, then PGlite (a persisted dataDir is flushed), then ends the worker. */
  stop(): Promise<void>;
  /** The thread running PGlite, when `inWorker` (diagnostics and tests). */
  worker?: Worker;
}

export interface EmbeddedOptions {
  /** undefined → in memory (tests, benchmarks); else PGlite's files live in `<dataDir>/pglite`. */
  dataDir?: string;
  /** 0 or undefined → any free port. */
  port?: number;
  maxConnections: number;
  /**
   * Run PGlite and its socket server in a worker thread (embeddedWorker.mjs) instead of this one.
   * Off by default: measured with `npm run bench bot` on 2 shared cores (6 A/B pairs, load 3–7) it
   * was not better — median 188 vs 220 msg/s, 4.6 vs 4.4 ms CPU/msg, emergency-under-load p95 4.5
   * vs 3.9 s, with the runs' noise larger than the differences. The pool has one connection (see
   * pool.ts), so the worker cannot run the next statement before this thread has read the previous
   * result: it idles while this thread is busy, and every statement pays two thread wake-ups
   * (SELECT 1: ~0.5 vs ~0.35 ms). It does help a statement waiting behind CPU work here (2.7 vs
   * 4.7 ms with 2 ms tasks queued) and keeps this thread's timers running during a long statement.
   */
  inWorker?: boolean;
  /**
   * With `inWorker`: called when the worker dies after start (uncaught error in PGlite, out of memory, terminated).
   * Default: rethrown as an uncaught exception, so the process exits with the reason instead of
   * running on without a database; every change is committed with its outbox rows, so a restart
   * loses nothing.
   */
  onCrash?: (err: Error) => void;
}

/** How long `stop()` waits for PGlite to close before ending the worker anyway. */
const STOP_TIMEOUT_MS = 60_000;

/**
 * Starts PGlite (with pgvector) and serves it on 127.0.0.1 so the rest of the application talks
 * plain Postgres wire protocol through `pg`, the same as against a server.
 * All socket connections share one PGlite session, so `maxConnections` must exceed the pool size
 * or pool clients would queue at the socket.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  let dataDir: string | undefined;
  if (opts.dataDir) {
    // Resolved and created here, so an unusable directory fails with the same error in either mode.
    dataDir = path.resolve(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const settings = { dataDir, port: opts.port ?? 0, maxConnections: opts.maxConnections };
  return opts.inWorker ? startInWorker(settings, opts.onCrash) : startInThread(settings);
}

interface Settings {
  dataDir: string | undefined;
  port: number;
  maxConnections: number;
}

async function startInThread(s: Settings): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({ dataDir: s.dataDir, extensions: { vector } });
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: s.port, maxConnections: s.maxConnections });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    return {
      url: urlFor(port),
      async stop() {
        await server.stop();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

type FromWorker =
  | { type: 'ready'; port: number }
  | { type: 'failed'; error: SerializedError }
  | { type: 'stopped' }
  | { type: 'stopFailed'; error: SerializedError };

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

/** Rebuilds the worker's error with its code/syscall/port, so callers see what the in-thread version threw. */
function toError(s: SerializedError): Error {
  const { name, message, stack, ...fields } = s;
  const err = new Error(message) as Error & Record<string, unknown>;
  err.name = name;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) err[k] = v;
  if (stack) err.stack = `${stack}\n    at <embedded PGlite worker>`;
  return err;
}

function startInWorker(s: Settings, onCrash: ((err: Error) => void) | undefined): Promise<EmbeddedPostgres> {
  // execArgv [] → no tsx loader in the thread: the entry is plain JavaScript and loading tsx's hooks
  // again would only add start-up time.
  const worker = new Worker(new URL('./embeddedWorker.mjs', import.meta.url), { workerData: s, execArgv: [] });
  type Phase = 'starting' | 'running' | 'stopping' | 'exited';
  let phase: Phase = 'starting';
  let uncaught: Error | undefined;
  let exitReason: Error | undefined;
  let stopping: Promise<void> | undefined;
  let onMessage: (m: FromWorker) => void = () => undefined;
  let onExit: (err: Error) => void = () => undefined;

  worker.on('message', (m: FromWorker) => onMessage(m));
  // An uncaught exception inside the worker arrives here, then the worker exits: keep it as the reason.
  worker.on('error', (err) => {
    uncaught = err;
  });
  worker.on('exit', (code) => {
    const was = phase;
    phase = 'exited';
    exitReason = uncaught
      ? new Error(`embedded PGlite worker died: ${uncaught.message}`, { cause: uncaught })
      : new Error(`embedded PGlite worker exited unexpectedly with code ${code}${was === 'starting' ? ' while starting' : ''}`);
    onExit(exitReason);
    if (was === 'running') {
      if (onCrash) onCrash(exitReason);
      else throw exitReason;
    }
  });

  const stop = (): Promise<void> => (stopping ??= stopWorker());

  return new Promise<EmbeddedPostgres>((resolve, reject) => {
    onExit = reject;
    onMessage = (m) => {
      if (m.type === 'failed') {
        phase = 'stopping';
        onExit = () => undefined;
        // The worker has closed what it opened; ending it is all that is left.
        void worker.terminate().finally(() => reject(toError(m.error)));
        return;
      }
      if (m.type !== 'ready') return;
      phase = 'running';
      resolve({ url: urlFor(m.port), stop, worker });
    };
  });

  async function stopWorker(): Promise<void> {
    // Dead already: nothing to close, but the caller learns that the data may not have been flushed.
    if (phase === 'exited') throw exitReason;
    phase = 'stopping';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`embedded PGlite did not close within ${STOP_TIMEOUT_MS} ms; its data may not be flushed`)),
          STOP_TIMEOUT_MS,
        );
        const done = (err?: Error) => {
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        };
        onMessage = (m) => {
          if (m.type === 'stopped') done();
          else if (m.type === 'stopFailed') done(toError(m.error));
        };
        onExit = (err) => done(err);
        worker.postMessage({ type: 'stop' });
      });
    } finally {
      onExit = () => undefined;
      // The 'exit' listener may have run meanwhile; TypeScript cannot see that.
      if ((phase as Phase) !== 'exited') await worker.terminate();
    }
  }
}

function urlFor(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
