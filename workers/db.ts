import type { QueryResult, QueryResultRow } from 'pg';
import { withTransaction, type Pool } from '../db/pool.js';

/**
 * One statement in its own transaction. On embedded PGlite every socket connection shares one
 * session, and a parameterised pool.query running beside another connection's transaction can
 * lose its unnamed portal ('portal "" does not exist'); the socket server keeps a transaction's
 * messages together, so the workers run every statement inside one. On a real Postgres this costs
 * two short round trips and changes nothing else. No named (prepared) statements either: in the
 * one shared PGlite session a second connection preparing the same name fails with
 * 'prepared statement "…" already exists'.
 */
export function txQuery<R extends QueryResultRow = QueryResultRow>(
  pool: Pool,
  text: string,
  params: unknown[] = [],
): Promise<QueryResult<R>> {
  // With a single connection nothing can interleave: skip the two extra round trips.
  if (pool.options.max === 1) return pool.query<R>(text, params);
  return withTransaction(pool, (tx) => tx.query<R>(text, params));
}
