import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FixedClock } from '../../app/clock.js';
import { silentLogger } from '../../app/logger.js';
import type { Database } from '../../db/pool.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { RecordingSender, seedOutbox, sqlClockHandler, waitFor } from '../../workers/testkit.js';
import { testDatabase } from '../helpers/db.js';
import { cleanPrefix, testRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';

describe('outbox poll (real PGlite, real Redis)', () => {
  let db: Database;
  let workers: RunningWorkers;
  const redis = testRedis();
  const prefix = uniquePrefix('poll');
  const sender = new RecordingSender();

  beforeAll(async () => {
    db = await testDatabase();
    workers = await startWorkers({
      pool: db.pool,
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
    await workers.close();
    await db.close();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  it('delivers a row committed by any writer within moments, without an explicit enqueue or a sweep', async () => {
    const id = await seedOutbox(db.pool, { chatId: 777 });
    await waitFor(() => sender.deliveredCount(id) === 1, `outbox row ${id} delivered by the poll`, 10_000);
    // Polls keep running; the row is not sent again.
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(sender.deliveredCount(id), 1);
    const r = await db.pool.query('SELECT status FROM outbox WHERE id = $1', [id]);
    assert.equal(r.rows[0].status, 'sent');
  });

  it('does not deliver a row before its not_before time', async () => {
    const id = await seedOutbox(db.pool, { chatId: 778, notBefore: new Date('2026-12-01T03:00:00Z') });
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(sender.deliveredCount(id), 0);
  });
});
