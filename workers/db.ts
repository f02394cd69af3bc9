import type { QueryResult, QueryResultRow } from 'pg';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';

/**
 * One statement in its own transaction, for pools that reach embedded PGlite over its socket (another
 * program, or the crash tests' child process with DATABASE_URL pointing at PGLITE_PORT): every socket
 * connection shares PGlite's one session, and a parameterised query running beside another connection's
 * transaction can lose its unnamed portal ('portal "" does not exist'); the socket server keeps a
 * transaction's messages together. No named (prepared) statements either: in the shared session a second
 * connection preparing the same name fails. The app itself reaches embedded PGlite in process
 * (db/inProcess.ts, a one-client pool) and runs the plain query; on a real Postgres the wrapper costs two
 * short round trips and changes nothing else.
 */
export function txQuery<R extends QueryResultRow = QueryResultRow>(
  pool: Pool,
  text: string,
  params: unknown[] = [],
): Promise<QueryResult<R>> {
  return txRun(pool, (q) => q.query<R>(text, params));
}

/** `fn` in its own transaction, for the same reason as txQuery; with a single connection nothing can interleave, so no extra round trips. */
export function txRun<T>(pool: Pool, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return pool.options.max === 1 ? fn(pool) : withTransaction(pool, fn);
}
