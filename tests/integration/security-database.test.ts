import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded.js';
import { PASSWORD_FILE } from '../../db/socketAuth.js';

/** TCP servers this process is listening with (a database port would be one). */
function listeningPorts(): number[] {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles
    .filter((h): h is net.Server => h instanceof net.Server && h.listening)
    .map((s) => s.address())
    .filter((a): a is net.AddressInfo => Boolean(a) && typeof a === 'object')
    .map((a) => a.port);
}

async function refusal(url: string): Promise<{ code?: string; message: string }> {
  const client = new pg.Client(url);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  assert.fail(`connected to ${url.replace(/:[^:@/]+@/, ':***@')}`);
}

/** A client that skips the password and sends a query straight after its startup message. */
function rawStartupThenQuery(port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c));
    s.on('error', reject);
    s.on('close', () => resolve(Buffer.concat(chunks)));
    s.on('connect', () => {
      const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
      const startup = Buffer.alloc(8);
      startup.writeInt32BE(8 + params.length, 0);
      startup.writeInt32BE(196608, 4);
      const sql = Buffer.from('SELECT secret FROM probe\0');
      const query = Buffer.alloc(5);
      query.write('Q', 0);
      query.writeInt32BE(4 + sql.length, 1);
      s.write(Buffer.concat([startup, params, query, sql]));
    });
  });
}

describe('embedded database socket', () => {
  it('listens nowhere unless a port is asked for', async () => {
    const before = listeningPorts();
    const db = await startEmbeddedPostgres({ maxConnections: 2 });
    try {
      assert.equal(db.url, undefined);
      assert.deepEqual(listeningPorts(), before);
      assert.equal((await db.pglite.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one, 1);
    } finally {
      await db.stop();
    }
  });

  describe('with a port: a password generated into the data directory', () => {
    let dataDir: string;
    let db: EmbeddedPostgres;
    let port: number;
    let password: string;
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-pgsec-'));
      process.stderr.write = ((chunk: string | Uint8Array) => {
        stderr.push(String(chunk));
        return true;
      }) as typeof process.stderr.write;
      try {
        db = await startEmbeddedPostgres({ dataDir, port: 0, maxConnections: 4 });
      } finally {
        process.stderr.write = write;
      }
      await db.pglite.exec(`CREATE TABLE probe (secret text); INSERT INTO probe VALUES ('s3cret')`);
      const url = new URL(db.url!);
      port = Number(url.port);
      password = decodeURIComponent(url.password);
    });
    afterAll(async () => {
      await db?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps the password in a file only its owner can read, and shows it once with the psql command', async () => {
      const file = path.join(dataDir, PASSWORD_FILE);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.equal(fs.readFileSync(file, 'utf8').trim(), password);
      assert.ok(password.length >= 32);
      const shown = stderr.join('');
      assert.ok(shown.includes(password), 'printed at creation');
      assert.match(shown, /psql "postgres:\/\/postgres:\$\(cat .*pglite-password\)@127\.0\.0\.1:\d+\/postgres"/);
    });

    it('refuses a wrong password and a client that skips it; the right one reads the data', async () => {
      const wrong = await refusal(`postgres://postgres:not-the-password@127.0.0.1:${port}/postgres`);
      assert.equal(wrong.code, '28P01');
      assert.match(wrong.message, /password authentication failed/);

      const none = await refusal(`postgres://postgres@127.0.0.1:${port}/postgres`);
      assert.match(none.message, /password/i);

      const raw = await rawStartupThenQuery(port);
      assert.equal(String.fromCharCode(raw[0]!), 'R', 'asked for a password first');
      assert.ok(!raw.includes(Buffer.from('s3cret')), 'the query was never run');
      assert.ok(raw.includes(Buffer.from('expected a password message')));

      const client = new pg.Client(db.url);
      await client.connect();
      try {
        assert.equal((await client.query('SELECT secret FROM probe')).rows[0].secret, 's3cret');
      } finally {
        await client.end();
      }
    });

    it('reuses the password after a restart, without showing it again', async () => {
      await db.stop();
      stderr.length = 0;
      process.stderr.write = ((chunk: string | Uint8Array) => {
        stderr.push(String(chunk));
        return true;
      }) as typeof process.stderr.write;
      try {
        db = await startEmbeddedPostgres({ dataDir, port: 0, maxConnections: 4 });
      } finally {
        process.stderr.write = write;
      }
      assert.equal(decodeURIComponent(new URL(db.url!).password), password);
      assert.ok(!stderr.join('').includes(password));
      const client = new pg.Client(db.url);
      await client.connect();
      await client.end();
    });
  });
});
