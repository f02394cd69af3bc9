import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { migrate } from '../../db/migrate.js';
import { openDatabase, withTransaction, type Database } from '../../db/pool.js';
import { testDatabase } from '../helpers/db.js';

describe('database (embedded PGlite, in process)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('has pgvector and the core tables', async () => {
    const r = await db.pool.query(`SELECT '[1,2,3]'::vector <-> '[1,2,4]'::vector AS d`);
    assert.equal(r.rows[0].d, 1);
    const t = await db.pool.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('cases','clocks','outbox','case_events')`);
    assert.equal(t.rows[0].n, 4);
  });

  it('applies migrations once: a second run applies nothing', async () => {
    assert.deepEqual(await migrate(db.pool), []);
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.writeFileSync(path.join(dir, '20990101T0000_x.sql'), 'CREATE TABLE mig_x (a int);');
    assert.deepEqual(await migrate(db.pool, dir), ['20990101T0000_x.sql']);
    fs.writeFileSync(path.join(dir, '20990101T0000_x.sql'), 'CREATE TABLE mig_x (a int, b int);');
    await assert.rejects(migrate(db.pool, dir), /changed after it was applied/);
  });

  it('rolls a failed transaction back and keeps concurrent transactions apart', async () => {
    await db.pool.query('CREATE TABLE tx_probe (v int)');
    await assert.rejects(
      withTransaction(db.pool, async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (1)');
        throw new Error('boom');
      }),
    );
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        withTransaction(db.pool, async (tx) => {
          await tx.query('INSERT INTO tx_probe VALUES ($1)', [i + 10]);
          await tx.query('INSERT INTO tx_probe VALUES ($1)', [i + 100]);
        }),
      ),
    );
    const r = await db.pool.query('SELECT count(*)::int AS n, min(v) AS lo FROM tx_probe');
    assert.equal(r.rows[0].n, 16);
    assert.equal(r.rows[0].lo, 10);
  });

  it('persists under DATA_DIR across restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgdata-'));
    const first = await openDatabase({ poolMax: 2, dataDir: dir });
    await first.pool.query(`INSERT INTO residents (channel, external_id) VALUES ('terminal', 'persist-me')`);
    await first.close();
    const second = await openDatabase({ poolMax: 2, dataDir: dir });
    const r = await second.pool.query(`SELECT count(*)::int AS n FROM residents WHERE external_id = 'persist-me'`);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.rows[0].n, 1);
  });
});

describe('database under concurrent use', () => {
  it('serves parallel queries alongside parallel transactions on the embedded database', async () => {
    const db = await testDatabase();
    try {
      await db.pool.query('CREATE TABLE conc (v int)');
      const writes = Array.from({ length: 3 }, (_, i) =>
        withTransaction(db.pool, async (tx) => {
          await tx.query('INSERT INTO conc VALUES ($1)', [i]);
          await tx.query('INSERT INTO conc VALUES ($1)', [i + 10]);
        }),
      );
      const reads = Array.from({ length: 5 }, (_, i) => db.pool.query('SELECT $1::int AS n, count(*) AS c FROM conc', [i]));
      const results = await Promise.all([...writes, ...reads]);
      assert.equal(results.length, 8);
      const r = await db.pool.query('SELECT count(*)::int AS n FROM conc');
      assert.equal(r.rows[0].n, 6);
    } finally {
      await db.close();
    }
  });
});

describe('embedded PGlite start-up', () => {
  it('rejects start with the cause: port in use, data dir unusable', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await assert.rejects(startEmbeddedPostgres({ port, maxConnections: 2 }), (err: NodeJS.ErrnoException) => {
        assert.equal(err.code, 'EADDRINUSE');
        assert.match(err.message, /address already in use/);
        return true;
      });
    } finally {
      blocker.close();
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pgbad-')), 'not-a-dir');
    fs.writeFileSync(file, '');
    await assert.rejects(startEmbeddedPostgres({ dataDir: file, maxConnections: 2 }), { code: 'ENOTDIR' });
  });
});
