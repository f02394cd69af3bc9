// Worker-thread entry for the embedded database (started by db/embedded.ts `startEmbeddedPostgres`).
// Plain JavaScript on purpose: the worker then loads the same way under tsx, `node --import tsx`
// and plain node, without a TypeScript loader in the thread.
//
// Protocol with the main thread (parentPort):
//   worker → main  { type: 'ready', port }          PGlite open, pgvector created, socket listening
//   worker → main  { type: 'failed', error }        start failed; everything opened so far is closed
//   main → worker  { type: 'stop' }                 close the server, then PGlite (flushes a dataDir)
//   worker → main  { type: 'stopped' } | { type: 'stopFailed', error }
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @param {unknown} err */
function serializeError(err) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  // Structured clone keeps neither `code` nor the other fields of a Node system error, and the
  // main thread's callers match on them (EADDRINUSE, ENOENT…): copy them by hand.
  const e = /** @type {Error & Record<string, unknown>} */ (err);
  return { name: e.name, message: e.message, stack: e.stack, code: e.code, errno: e.errno, syscall: e.syscall, address: e.address, port: e.port, path: e.path };
}

const { dataDir, port, maxConnections } = workerData;
/** @type {PGlite | undefined} */
let db;
/** @type {PGLiteSocketServer | undefined} */
let server;

async function close() {
  // Server first so no connection sends another statement into a closing PGlite; then PGlite,
  // whose close() shuts the backend down cleanly and so writes a persisted dataDir to disk.
  if (server) await server.stop();
  server = undefined;
  if (db && !db.closed) await db.close();
  db = undefined;
}

parentPort.on('message', async (msg) => {
  if (msg?.type !== 'stop') return;
  try {
    await close();
    parentPort.postMessage({ type: 'stopped' });
  } catch (err) {
    parentPort.postMessage({ type: 'stopFailed', error: serializeError(err) });
  }
});

try {
  db = await PGlite.create({ dataDir, extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  await server.start();
  const conn = server.getServerConn();
  parentPort.postMessage({ type: 'ready', port: Number(conn.split(':').pop()) });
} catch (err) {
  // A server that failed to listen (port in use) must not leave PGlite open on a dataDir.
  await close().catch(() => undefined);
  parentPort.postMessage({ type: 'failed', error: serializeError(err) });
}
