import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { silentLogger } from '../../kernel/logger.js';
import { withTransaction, type Database } from '../../db/pool.js';
import { enqueueOutbox } from '../../workers/outbox.js';
import { createQueues, type WorkerQueues } from '../../workers/queues.js';
import { runSweep, SELECT_DUE, type ClockHandler, type SweepDeps } from '../../workers/sweeper.js';
import { seedCaseWithClock, sqlClockHandler } from '../helpers/workers.js';
import { testDatabase } from '../helpers/db.js';
import { cleanPrefix, testRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';

const DAY = 86_400_000;
const T0 = new Date('2026-12-01T02:00:00Z');

describe('deadline sweeper (real PGlite, real Redis)', () => {
  let db: Database;
  let queues: WorkerQueues;
  const prefix = uniquePrefix('sweep');
  const clock = new FixedClock(T0);

  const deps = (over: Partial<SweepDeps> = {}): SweepDeps => ({
    pool: db.pool,
    clockHandler: sqlClockHandler,
    clock,
    logger: silentLogger(),
    enqueue: (ids) => enqueueOutbox(queues, ids),
    ...over,
  });

  const events = async (caseId: number) =>
    (await db.pool.query<{ type: string }>('SELECT type FROM case_events WHERE case_id = $1 ORDER BY id', [caseId])).rows.map((r) => r.type);
  const marks = async (clockId: number) =>
    (await db.pool.query('SELECT reminded_at, escalated_at FROM clocks WHERE id = $1', [clockId])).rows[0] as {
      reminded_at: Date | null;
      escalated_at: Date | null;
    };

  beforeAll(async () => {
    db = await testDatabase();
    queues = createQueues({ redisUrl: TEST_REDIS_URL, prefix });
  });
  afterAll(async () => {
    await queues.queues.outbox.obliterate({ force: true }).catch(() => undefined);
    await queues.close();
    const redis = testRedis();
    await cleanPrefix(redis, prefix);
    await redis.quit();
    await db.close();
  });

  it('reminds once and later escalates once, however many times the sweep runs', async () => {
    clock.set(T0);
    const c = await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 1000), dueAt: new Date(T0.getTime() + 3 * DAY) });
    await runSweep(deps());
    await runSweep(deps());
    assert.deepEqual(await events(c.caseId), ['clock_remind']);
    assert.equal((await marks(c.clockId)).escalated_at, null);

    clock.advance(3 * DAY + 1);
    await runSweep(deps());
    await runSweep(deps());
    assert.deepEqual(await events(c.caseId), ['clock_remind', 'clock_overdue']);
    const m = await marks(c.clockId);
    assert.equal(m.reminded_at?.getTime(), T0.getTime(), 'the reminder time is kept when the clock escalates');
    assert.equal(m.escalated_at?.getTime(), T0.getTime() + 3 * DAY + 1);
  });

  it('splits work between concurrent sweeps with each clock handled exactly once', async () => {
    clock.set(T0);
    const seeded = [];
    for (let i = 0; i < 24; i++) {
      const overdue = i % 2 === 0;
      seeded.push(
        await seedCaseWithClock(db.pool, {
          remindAt: new Date(T0.getTime() - DAY - i * 1000),
          dueAt: overdue ? new Date(T0.getTime() - i * 1000) : new Date(T0.getTime() + DAY + i),
        }),
      );
    }
    // Small batches so the sweeps interleave across many transactions.
    const results = await Promise.all([1, 2, 3, 4].map(() => runSweep(deps({ batchSize: 3 }))));
    for (const [i, s] of seeded.entries()) {
      assert.deepEqual(await events(s.caseId), [i % 2 === 0 ? 'clock_overdue' : 'clock_remind'], `case #${i}`);
    }
    assert.equal(results.reduce((n, r) => n + r.escalated, 0), 12);
    assert.equal(results.reduce((n, r) => n + r.reminded, 0), 12);
    const again = await runSweep(deps());
    assert.equal(again.escalated + again.reminded, 0);
  });

  it('never reminds or escalates a stopped clock', async () => {
    clock.set(T0);
    const c = await seedCaseWithClock(db.pool, {
      remindAt: new Date(T0.getTime() - 2 * DAY),
      dueAt: new Date(T0.getTime() - DAY),
      stoppedAt: new Date(T0.getTime() - 3 * DAY),
    });
    await runSweep(deps());
    clock.advance(10 * DAY);
    await runSweep(deps());
    assert.deepEqual(await events(c.caseId), []);
    assert.deepEqual(await marks(c.clockId), { reminded_at: null, escalated_at: null });
  });

  it('gives a clock first seen overdue one escalation and no late reminder', async () => {
    clock.set(T0);
    const c = await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 5 * DAY), dueAt: new Date(T0.getTime() - DAY) });
    await runSweep(deps());
    await runSweep(deps());
    assert.deepEqual(await events(c.caseId), ['clock_overdue']);
    const m = await marks(c.clockId);
    assert.equal(m.escalated_at?.getTime(), T0.getTime());
    assert.equal(m.reminded_at?.getTime(), T0.getTime(), 'marked reminded too, so no reminder follows');
  });

  it('keeps going when one clock handler fails, and retries that clock on the next sweep', async () => {
    clock.set(T0);
    const good = await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 1000), dueAt: new Date(T0.getTime() + DAY) });
    const bad = await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 2000), dueAt: new Date(T0.getTime() + DAY) });
    let broken = true;
    const flaky: ClockHandler = async (tx, dueClock, phase, now) => {
      await sqlClockHandler(tx, dueClock, phase, now);
      if (broken && dueClock.id === bad.clockId) throw new Error('handler bug');
    };
    const first = await runSweep(deps({ clockHandler: flaky }));
    assert.equal(first.failed, 1);
    assert.deepEqual(await events(good.caseId), ['clock_remind']);
    assert.deepEqual(await events(bad.caseId), [], 'the failed clock left no partial effects');
    assert.equal((await marks(bad.clockId)).reminded_at, null);

    broken = false;
    const second = await runSweep(deps({ clockHandler: flaky }));
    assert.equal(second.failed, 0);
    assert.deepEqual(await events(bad.caseId), ['clock_remind']);
    assert.deepEqual(await events(good.caseId), ['clock_remind']);
  });

  it('enqueues each due pending outbox row once under its fixed job id, and not the ones still waiting', async () => {
    clock.set(T0);
    const c = await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 1000), dueAt: new Date(T0.getTime() + DAY) });
    const later = await db.pool.query(
      `INSERT INTO outbox (chat_id, chat_kind, message, not_before) VALUES (1, 'private', '{"key":"x"}', $1) RETURNING id`,
      [new Date(T0.getTime() + DAY)],
    );
    await runSweep(deps());
    await runSweep(deps());
    const rows = (await db.pool.query<{ id: number }>('SELECT id FROM outbox WHERE case_id = $1', [c.caseId])).rows;
    assert.equal(rows.length, 1);
    const job = await queues.queues.outbox.getJob(`outbox-${rows[0]!.id}`);
    assert.ok(job, 'the reminder message is on the delivery queue');
    assert.deepEqual(job.data, { outboxId: rows[0]!.id });
    assert.equal(await queues.queues.outbox.getJob(`outbox-${later.rows[0].id}`), undefined, 'a message not yet due is not enqueued');
    // Every pending row was due at some sweep of this file, except `later`.
    const pending = (await db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`)).rows[0].n;
    assert.equal(await queues.queues.outbox.getJobCountByTypes('waiting', 'delayed', 'prioritized'), pending - 1, 'one job per row, no duplicates');
  });

  it('selects due clocks through the partial indexes', async () => {
    for (const phase of ['overdue', 'remind'] as const) {
      const plan = await withTransaction(db.pool, async (tx) => {
        // Only proves the predicate matches the index; on a tiny table the planner would rightly seq-scan.
        await tx.query('SET LOCAL enable_seqscan = off');
        const sql = SELECT_DUE[phase].replace(/\$1/g, `'${T0.toISOString()}'::timestamptz`).replace('$2::bigint[]', `'{}'::bigint[]`).replace('$3', '500');
        return (await tx.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      assert.match(plan, /Index Scan using clocks_\w+ on clocks/, `${phase} plan:\n${plan}`);
      assert.doesNotMatch(plan, /Seq Scan/, `${phase} plan:\n${plan}`);
    }
  });
});
