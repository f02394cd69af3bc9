import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { silentLogger } from '../../kernel/logger.js';
import { createClockHandler } from '../../cases/deadlines.js';
import { loadDirectory } from '../../directory/directory.js';
import { txQuery } from '../../workers/db.js';
import { startWorkers } from '../../workers/index.js';
import { RecordingSender, seedCaseWithClock, seedOutbox, waitFor } from '../helpers/workers.js';
import { CRASH_WORKER_TIMING } from '../helpers/crashTiming.js';
import { TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { useWorkersSuite } from '../helpers/workersSuite.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'crashChild.ts');
const DAY = 86_400_000;

/** Starts the crash child and resolves with the process and the first line it prints. */
function spawnChild(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child never reached its moment; stderr: ${err}`));
    }, 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve({ child, line: out.slice(0, nl) });
      }
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`the child exited (${code}) early: ${err}`));
    });
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('a process killed between a transition and its delivery loses nothing (real PGlite, real Redis)', () => {
  const { db, prefixes, running } = useWorkersSuite();
  const directory = loadDirectory(resourcePath('directory.yaml'));

  const startParent = async (prefix: string, sender: RecordingSender) => {
    const w = await startWorkers({
      pool: db.pool,
      redisUrl: TEST_REDIS_URL,
      prefix,
      sender,
      clockHandler: createClockHandler({ directory, settings: { officeChatId: -100 } }),
      clock: systemClock,
      logger: silentLogger(),
      ...CRASH_WORKER_TIMING,
    });
    running.push(w);
    return w;
  };
  const status = async (ids: number[]) =>
    (await txQuery<{ id: number; status: string }>(db.pool, 'SELECT id, status FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id', [ids])).rows;

  it('killed after the reminder committed, before anything was queued: a restarted worker delivers it once', async () => {
    const now = Date.now();
    const seeded = await seedCaseWithClock(db.pool, { remindAt: new Date(now - 60_000), dueAt: new Date(now + 3 * DAY) });
    const prefix = uniquePrefix('crash-commit');
    prefixes.push(prefix);

    // The child must be the only user of the single embedded session while it runs.
    const { child, line } = await spawnChild(['after-commit', prefix], { DATABASE_URL: db.url! });
    assert.equal(line, 'committed');
    await kill(child);

    const rows = (await txQuery<{ id: number }>(db.pool, 'SELECT id FROM outbox WHERE case_id = $1', [seeded.caseId])).rows.map((r) => r.id);
    assert.ok(rows.length >= 1, 'the reminder and its messages were committed before the kill');
    assert.ok((await status(rows)).every((r) => r.status === 'pending'), 'nothing was delivered before the kill');
    const reminded = await txQuery(db.pool, 'SELECT reminded_at FROM clocks WHERE id = $1', [seeded.clockId]);
    assert.ok(reminded.rows[0]?.reminded_at, 'the clock is marked reminded');
    const eventsBefore = (await txQuery(db.pool, `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [seeded.caseId])).rows[0]?.n;

    const sender = new RecordingSender();
    await startParent(prefix, sender);
    for (const id of rows) await waitFor(async () => (await status([id]))[0]?.status === 'sent', `message ${id} to be delivered after the restart`);
    for (const id of rows) assert.equal(sender.deliveredCount(id), 1, `message ${id} delivered exactly once`);
    await running.at(-1)!.sweepNow();
    const again = await txQuery(db.pool, `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [seeded.caseId]);
    assert.equal(again.rows[0]?.n, eventsBefore, 'the reminder itself did not happen twice');
    const outboxAfter = await txQuery(db.pool, 'SELECT count(*)::int AS n FROM outbox WHERE case_id = $1', [seeded.caseId]);
    assert.equal(outboxAfter.rows[0]?.n, rows.length, 'no second reminder was written');
  });

  it('killed while sending: the claim expires and a restarted worker on the same queue delivers the message once', async () => {
    const prefix = uniquePrefix('crash-send');
    prefixes.push(prefix);
    const id = await seedOutbox(db.pool, { chatId: 7_000_001 });

    const { child, line } = await spawnChild(['mid-send', prefix], { DATABASE_URL: db.url!, REDIS_URL: TEST_REDIS_URL });
    assert.equal(line, `sending ${id}`);
    await kill(child);
    const claimed = await txQuery<{ status: string; claim_token: string | null }>(db.pool, 'SELECT status, claim_token FROM outbox WHERE id = $1', [id]);
    assert.equal(claimed.rows[0]?.status, 'pending');
    assert.ok(claimed.rows[0]?.claim_token, 'the killed process held the claim');

    const sender = new RecordingSender();
    const w = await startParent(prefix, sender);
    await waitFor(async () => (await status([id]))[0]?.status === 'sent', 'the message to be delivered after the restart', 20_000);
    assert.equal(sender.deliveredCount(id), 1);
    // The killed process's job stays active until its lock expires and it is run again as stalled:
    // wait until nothing but the schedulers' next runs is left in the queue.
    const outbox = w.queues.queues.outbox;
    await waitFor(
      async () => (await outbox.getJobs(['active', 'waiting', 'delayed', 'prioritized'])).every((j) => j.id?.startsWith('repeat:')),
      "the killed process's job to be recovered and finished",
      20_000,
    );
    assert.equal(sender.calls.length, 1, 'sent once, not again by the stalled job and the poll');
  });
});
