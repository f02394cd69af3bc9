import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { InProcessConnection, inProcessPool, type LockWaiters } from '../../db/inProcess.js';
import { withTransaction, type Database } from '../../db/pool.js';
import { testDatabase } from '../helpers/db.js';

/** `p` with a flag that says whether it has settled. */
function track(p: Promise<unknown>): { settled: boolean } {
  const state = { settled: false };
  p.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

/** The waiting state of the PGlite lock behind `pool` (shared by all its connections). */
async function lockWaitersOf(pool: pg.Pool): Promise<LockWaiters> {
  const client = await pool.connect();
  try {
    return (client as unknown as { connection: InProcessConnection }).connection.waiters;
  } finally {
    client.release();
  }
}

describe('embedded PGlite: this process straight in, other programs over the socket', () => {
  let db: Database;
  let other: pg.Client;
  beforeAll(async () => {
    db = await testDatabase();
    await db.pool.query('CREATE TABLE ip_probe (v int, note text)');
    other = new pg.Client(db.url);
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await db.close();
  });

  it('answers through the direct connection, not the socket', async () => {
    const client = await db.pool.connect();
    try {
      assert.ok((client as unknown as { connection: unknown }).connection instanceof InProcessConnection);
      assert.equal((await client.query('SELECT 1 AS one')).rows[0].one, 1);
    } finally {
      client.release();
    }
    const viaSocket = await other.query('SELECT 41 + 1 AS n');
    assert.equal(viaSocket.rows[0].n, 42);
  });

  it("waits while a socket client's transaction is open and never runs inside it", async () => {
    await db.pool.query('TRUNCATE ip_probe');
    await other.query('BEGIN');
    await other.query(`INSERT INTO ip_probe VALUES (1, 'socket')`);
    const waiters = await lockWaitersOf(db.pool);
    const mine = db.pool.query(`INSERT INTO ip_probe VALUES (2, 'app')`);
    const state = track(mine);
    await waiters.atLeast(1);
    assert.equal(state.settled, false, 'the app statement must wait for the other transaction');
    // Had the app's insert run inside that transaction, this rollback would take it away too.
    await other.query('ROLLBACK');
    await mine;
    const r = await db.pool.query('SELECT v, note FROM ip_probe ORDER BY v');
    assert.deepEqual(r.rows, [{ v: 2, note: 'app' }]);
  });

  it("keeps a socket client out of this process's open transaction", async () => {
    await db.pool.query('TRUNCATE ip_probe');
    const waiters = await lockWaitersOf(db.pool);
    let theirs: Promise<unknown> | undefined;
    await assert.rejects(
      withTransaction(db.pool, async (tx) => {
        await tx.query(`INSERT INTO ip_probe VALUES (1, 'app')`);
        theirs = other.query(`INSERT INTO ip_probe VALUES (2, 'socket')`);
        const state = track(theirs);
        await waiters.atLeast(1);
        assert.equal(state.settled, false, 'the socket statement must wait for the app transaction');
        await tx.query(`INSERT INTO ip_probe VALUES (3, 'app')`);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    await theirs;
    const r = await db.pool.query('SELECT v, note FROM ip_probe ORDER BY v');
    assert.deepEqual(r.rows, [{ v: 2, note: 'socket' }]);
  });

  it('rolls back the transaction of a client dropped in the middle of it, and goes on', async () => {
    await db.pool.query('TRUNCATE ip_probe');
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO ip_probe VALUES (7, 'lost')`);
    client.release(new Error('request aborted'));
    const r = await db.pool.query('SELECT count(*)::int AS n FROM ip_probe');
    assert.equal(r.rows[0].n, 0);
    const viaSocket = await other.query('SELECT count(*)::int AS n FROM ip_probe');
    assert.equal(viaSocket.rows[0].n, 0, 'the socket side is not left waiting on an open transaction');
  });

  it('reports SQL errors with their code and stays usable, in and out of a transaction', async () => {
    await assert.rejects(db.pool.query('SELEC 1'), (err: pg.DatabaseError) => {
      assert.equal(err.code, '42601');
      assert.match(err.message, /syntax error/);
      return true;
    });
    await assert.rejects(
      withTransaction(db.pool, async (tx) => {
        await tx.query('INSERT INTO ip_probe VALUES ($1, $2)', [1, 'a']);
        await tx.query('SELECT 1/0');
      }),
      { code: '22012' },
    );
    await assert.rejects(db.pool.query('INSERT INTO ip_probe VALUES ($1)', ['not a number']), { code: '22P02' });
    const r = await db.pool.query('SELECT 1 + 1 AS n');
    assert.equal(r.rows[0].n, 2);
  });

  it('runs named prepared statements, parameters of every kind, and large results', async () => {
    for (const v of [10, 11]) await db.pool.query({ name: 'ip_insert', text: 'INSERT INTO ip_probe VALUES ($1, $2)', values: [v, `n${v}`] });
    const named = await db.pool.query({ name: 'ip_count', text: 'SELECT count(*)::int AS n FROM ip_probe WHERE v >= $1', values: [10] });
    assert.equal(named.rows[0].n, 2);
    const kinds = await db.pool.query(`SELECT $1::jsonb AS j, $2::bytea AS b, $3::text[] AS a, $4::vector AS e, $5::timestamptz AS t, $6::text AS z`, [
      JSON.stringify({ 信访: ['满意', null] }),
      Buffer.from([0, 1, 255]),
      ['a', 'b'],
      '[1,2,3]',
      new Date('2026-12-01T00:00:00Z'),
      null,
    ]);
    assert.deepEqual(kinds.rows[0].j, { 信访: ['满意', null] });
    assert.deepEqual([...kinds.rows[0].b], [0, 1, 255]);
    assert.deepEqual(kinds.rows[0].a, ['a', 'b']);
    assert.equal(kinds.rows[0].e, '[1,2,3]');
    assert.equal((kinds.rows[0].t as Date).toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(kinds.rows[0].z, null);
    // Several chunks from PGlite, split across message boundaries.
    const big = await db.pool.query<{ g: number; s: string }>(`SELECT g, repeat('字', 50) AS s FROM generate_series(1, 50000) g`);
    assert.equal(big.rowCount, 50000);
    assert.equal(big.rows[49999]!.g, 50000);
    assert.equal(big.rows[1234]!.s, '字'.repeat(50));
    // A multi-statement simple query (migrations use them).
    await db.pool.query(`INSERT INTO ip_probe VALUES (20, 'x'); INSERT INTO ip_probe VALUES (21, 'y')`);
    const both = await db.pool.query('SELECT count(*)::int AS n FROM ip_probe WHERE v IN (20, 21)');
    assert.equal(both.rows[0].n, 2);
  });

  it('keeps statements of concurrent callers apart and in order', async () => {
    await db.pool.query('TRUNCATE ip_probe');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? withTransaction(db.pool, async (tx) => {
              await tx.query('INSERT INTO ip_probe VALUES ($1, $2)', [i, 'tx']);
              await tx.query('UPDATE ip_probe SET note = $2 WHERE v = $1', [i, 'tx-done']);
            })
          : db.pool.query('INSERT INTO ip_probe VALUES ($1, $2)', [i, 'plain']),
      ),
    );
    const r = await db.pool.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE note = 'tx-done')::int AS done FROM ip_probe`);
    assert.deepEqual(r.rows[0], { n: 20, done: 10 });
  });
});

describe('embedded PGlite gone', () => {
  it('fails queries at once with a clear error instead of hanging or crashing the process', async () => {
    const embedded = await startEmbeddedPostgres({ maxConnections: 2 });
    const pool = inProcessPool(embedded.pglite);
    pool.on('error', () => undefined);
    try {
      assert.equal((await pool.query('SELECT 1 AS one')).rows[0].one, 1);
      await embedded.stop();
      // A hang would never settle (the test's timeout reports it); each query is refused, twice over.
      for (let i = 0; i < 2; i++) await assert.rejects(pool.query('SELECT 2'), /embedded database is closed/);
    } finally {
      await pool.end();
    }
  });
});
