import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import type { Database } from '../../db/pool.js';
import { testDatabase } from '../helpers/db.js';

/*
 * `npm run console:user` as an operator runs it: a child process, pointed with DATABASE_URL at this file's
 * test database (served over the PGlite socket), so no child has to start a database of its own.
 */
describe('console:user CLI', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  // Asynchronous: this process serves the database the child talks to, so its event loop must keep running.
  const run = (args: string[], input = '') =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'console', 'cli.ts'), ...args], {
        env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
        timeout: 120_000,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(input);
    });

  it('adds accounts with the password from stdin, binds handlers to the directory, and lists them', async () => {
    const add = await run(['add', 'Wang', '--role', 'supervisor'], 'a-long-password-1\n');
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stdout, /created wang \(supervisor\)/);
    const handler = await run(['add', 'h1', '--role', 'handler', '--handler', 'housing'], 'a-long-password-2\n');
    assert.equal(handler.status, 0, handler.stderr);
    assert.match(handler.stdout, /department housing/);
    const bad = await run(['add', 'h2', '--role', 'handler', '--handler', 'no-such-office'], 'a-long-password-3\n');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /no such department or organization/);
    const short = await run(['add', 'x1', '--role', 'reviewer'], 'short\n');
    assert.equal(short.status, 1);
    assert.match(short.stderr, /at least 10 characters/);
    const list = await run(['list']);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /^h1\thandler\tdepartment:housing$/m);
    assert.match(list.stdout, /^wang\tsupervisor$/m);
    assert.equal((await run(['frobnicate'])).status, 2);
  });
});
