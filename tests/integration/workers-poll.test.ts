import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { FixedClock } from '../../kernel/clock.js';
import { silentLogger } from '../../kernel/logger.js';
import { OUTBOX_POLL_SCHEDULER_ID, startWorkers, type RunningWorkers } from '../../workers/index.js';
import { RecordingSender, seedOutbox, sqlClockHandler, waitFor } from '../helpers/workers.js';
import { useRedis, useTestDb } from '../helpers/fixtures.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';

describe('outbox poll (real PGlite, real Redis)', () => {
  const db = useTestDb();
  const { prefix } = useRedis('poll');
  let workers: RunningWorkers;
  const sender = new RecordingSender();
  let events: QueueEvents;
  let pollsDone = 0;

  /** Resolves once the poll has run `n` more times from now: each run looked at every pending row. */
  const pollRuns = (n: number) => {
    const target = pollsDone + n;
    return waitFor(() => pollsDone >= target, `${n} more poll runs`, 10_000);
  };

  beforeAll(async () => {
    events = new QueueEvents('deadlines', { connection: { url: TEST_REDIS_URL }, prefix });
    events.on('completed', ({ jobId }) => {
      if (jobId.startsWith(`repeat:${OUTBOX_POLL_SCHEDULER_ID}:`)) pollsDone += 1;
    });
    await events.waitUntilReady();
    workers = await startWorkers({
      pool: db().pool,
      redisUrl: TEST_REDIS_URL,
      prefix,
      sender,
      clockHandler: sqlClockHandler,
      clock: new FixedClock('2026-12-01T02:00:00Z'),
      logger: silentLogger(),
      // The sweep would also find the row, but not for an hour: only the poll can deliver it here.
      sweepEveryMs: 3_600_000,
      sweepOnStart: false,
      outboxPollMs: 200,
      limits: false,
    });
  });
  afterAll(async () => {
    await events.close();
    await workers.close();
  });

  it('delivers a row committed by any writer within moments, without an explicit enqueue or a sweep', async () => {
    const id = await seedOutbox(db().pool, { chatId: 777 });
    await waitFor(() => sender.deliveredCount(id) === 1, `outbox row ${id} delivered by the poll`, 10_000);
    // Polls keep running; the row is not sent again.
    await pollRuns(2);
    assert.equal(sender.deliveredCount(id), 1);
    const r = await db().pool.query('SELECT status FROM outbox WHERE id = $1', [id]);
    assert.equal(r.rows[0].status, 'sent');
  });

  it('does not deliver a row before its not_before time', async () => {
    const id = await seedOutbox(db().pool, { chatId: 778, notBefore: new Date('2026-12-01T03:00:00Z') });
    await pollRuns(2);
    assert.equal(sender.deliveredCount(id), 0);
  });
});
