import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { inProcessPool } from './inProcess.js';
import { migrate } from './migrate.js';

/** Anything that can run a query: the pool, or the client of an open transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;
export type Pool = pg.Pool;
export type TxClient = pg.PoolClient;

// int8 and numeric come back as strings by default; ids and counts here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface Database {
  pool: pg.Pool;
  /** The server's URL, or the embedded database's socket (password included) when PGLITE_PORT opened one. */
  url?: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Embedded only: undefined → no listener; 0 → any free port (tests); else that port, behind a password. */
  pgliteport?: number;
  poolMax: number;
  /** false → in-memory PGlite (tests, benchmarks). */
  persist?: boolean;
  migrate?: boolean;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = opts.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: opts.persist === false ? undefined : opts.dataDir,
      port: opts.pgliteport,
      maxConnections: opts.poolMax + 4,
    });
    url = embedded.url;
  }
  // Embedded: straight into PGlite, one client (its one session runs one statement at a time).
  const pool = embedded ? inProcessPool(embedded.pglite) : new pg.Pool({ connectionString: url, max: opts.poolMax });
  // An idle client's socket error must not crash the process; the pool replaces the client.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
    if (opts.migrate !== false) await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
  return {
    pool,
    url,
    embedded: Boolean(embedded),
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/**
 * Runs `fn` in one transaction on one client. Everything inside must use `tx`, never the pool:
 * on PGlite the pool's other connections wait while this transaction is open, so a pool call
 * from inside would deadlock.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
