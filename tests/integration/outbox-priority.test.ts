/**
 * An emergency's kept numbers (outbox priority 1) jump the delivery queue across chats: under a global
 * 429 every chat's messages wait in one BullMQ list, and the urgent rows the sweep offers during the
 * pause go out first once it ends, ahead of the other chats' messages already waiting
 * (workers/sweeper.ts requeueDueOutbox, workers/outbox.ts enqueueOutbox `urgent`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { URGENT_PRIORITY } from '../../cases/directReplies.js';
import { FixedClock } from '../../kernel/clock.js';
import { silentLogger } from '../../kernel/logger.js';
import { txQuery } from '../../workers/db.js';
import { enqueueOutbox } from '../../workers/index.js';
import { outboxJobId } from '../../workers/outbox.js';
import { createQueues } from '../../workers/queues.js';
import { RetryAfterError, type MessageSender } from '../../workers/sender.js';
import { runSweep } from '../../workers/sweeper.js';
import { RecordingSender, seedOutbox, sqlClockHandler, startTestWorkers, waitFor } from '../helpers/workers.js';
import { TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { useWorkersSuite } from '../helpers/workersSuite.js';

const T0 = new Date('2026-12-01T02:00:00Z');
const ORDINARY = 20;

describe('urgent outbox rows across chats (real PGlite, real Redis)', () => {
  const { db, redis, prefixes, running } = useWorkersSuite();
  const prefix = uniquePrefix('outbox-prio');
  prefixes.push(prefix);

  const start = async (sender: MessageSender, outboxPollMs = 0) => {
    // One job at a time: the order of sends is the order of the queue.
    const w = await startTestWorkers(db.pool, prefix, sender, T0, { outboxPollMs, outboxConcurrency: 1 });
    running.push(w);
    return w;
  };
  /** Ordinary messages to ORDINARY chats, held by a global 429 of an hour on the first send: every chat waits. */
  const holdBacklog = async (firstChat: number, outboxPollMs = 0) => {
    const ordinary: number[] = [];
    for (let i = 0; i < ORDINARY; i++) ordinary.push(await seedOutbox(db.pool, { chatId: firstChat + i }));
    const rec = new RecordingSender((id, attempt) => (id === ordinary[0] && attempt === 1 ? new RetryAfterError(3600, 'global') : undefined));
    const paused = await start(rec, outboxPollMs);
    const outbox = paused.queues.queues.outbox;
    await paused.enqueueOutbox(ordinary);
    // Waited on as one state: BullMQ re-takes a job for a moment while the worker re-reads the limit, and
    // the send limiter's global pause sends it straight back, so a single look can fall in between.
    await waitFor(async () => {
      const c = await outbox.getJobCounts('waiting', 'active');
      return rec.calls.length === 1 && c.active === 0 && c.waiting === ORDINARY && (await outbox.getRateLimitTtl()) > 60_000;
    }, 'the first message refused, every message waiting and the queue held for the 429');
    return { ordinary, rec, paused, outbox };
  };
  const statuses = async (ids: number[]) =>
    (await txQuery<{ status: string }>(db.pool, 'SELECT status FROM outbox WHERE id = ANY($1::bigint[])', [ids])).rows.map((r) => r.status);
  const seedUrgent = async (chatId: number) =>
    Number(
      (
        await db.pool.query(
          `INSERT INTO outbox (chat_id, chat_kind, message, not_before, priority, dedupe_key) VALUES ($1, 'private', $2, $3, $4, $5) RETURNING id`,
          [chatId, JSON.stringify({ key: 'conversation.text', params: { text: '110' } }), new Date(0), URGENT_PRIORITY, `direct|prio|${chatId}`],
        )
      ).rows[0].id,
    );

  it('after a global 429 the urgent rows offered during the pause are sent before the other chats\' waiting messages', async () => {
    const { ordinary, rec, paused } = await holdBacklog(6_100_000);
    await paused.close();

    // During the pause a resident's emergency numbers are kept (two chats, the older first); the sweep offers them.
    const urgent = [await seedUrgent(6_200_001), await seedUrgent(6_200_002)];
    const queues = createQueues({ redisUrl: TEST_REDIS_URL, prefix, onError: () => undefined });
    try {
      const swept = await runSweep({
        pool: db.pool,
        clockHandler: sqlClockHandler,
        clock: new FixedClock(T0),
        logger: silentLogger(),
        enqueue: (ids, opts) => enqueueOutbox(queues, ids, opts),
      });
      assert.equal(swept.requeued, ORDINARY + urgent.length, 'every pending row offered; the waiting ones keep their jobs');
      assert.equal((await queues.queues.outbox.getJobCounts('waiting')).waiting, ORDINARY + urgent.length);
    } finally {
      await queues.close();
    }

    // The hour is over (for the queue and for the send limiter).
    await redis.del(`${prefix}:outbox:limiter`, `${prefix}:ratelimit:pause:global`);
    await start(rec);
    await waitFor(async () => (await statuses([...ordinary, ...urgent])).every((s) => s === 'sent'), 'every message sent', 30_000);

    const sent = rec.calls.filter((c) => c.ok).map((c) => c.outboxId);
    assert.deepEqual(sent.slice(0, urgent.length), urgent, `the urgent rows first, the older first; sent: ${sent.join(',')}`);
    assert.deepEqual([...sent].sort((a, b) => a - b), [...ordinary, ...urgent].sort((a, b) => a - b), 'each message sent once');
  });

  it('urgent numbers held by their own chat\'s pace wait in place, not behind the messages queued for other chats', async () => {
    const rec = new RecordingSender();
    const w = await start(rec);
    // The resident's chat has just had a message: its 1-a-second pace holds the next one.
    const first = await seedOutbox(db.pool, { chatId: 6_500_001 });
    await w.enqueueOutbox([first]);
    await waitFor(async () => (await statuses([first]))[0] === 'sent', 'the first message to the resident sent');
    const urgent = await seedUrgent(6_500_001);
    await w.enqueueOutbox([urgent], { urgent: true });
    const ordinary: number[] = [];
    for (let i = 0; i < ORDINARY; i++) ordinary.push(await seedOutbox(db.pool, { chatId: 6_600_000 + i }));
    await w.enqueueOutbox(ordinary);
    await waitFor(async () => (await statuses([urgent, ...ordinary])).every((s) => s === 'sent'), 'every message sent', 30_000);
    const sent = rec.calls.filter((c) => c.ok && [urgent, ...ordinary].includes(c.outboxId)).map((c) => c.outboxId);
    // A delayed BullMQ job rejoins the tail of the wait list: the numbers used to go out after all 20.
    assert.equal(sent[0], urgent, `the urgent row first; sent: ${sent.join(',')}`);
  });

  it('the poll keeps offering urgent rows while the 429 holds the delivery queue (it runs on the deadlines queue)', async () => {
    const { ordinary, rec, paused, outbox } = await holdBacklog(6_300_000, 100);

    // A resident's emergency numbers are kept during the pause: no sweep, no explicit enqueue — the poll finds them.
    const urgent = await seedUrgent(6_400_001);
    await waitFor(async () => (await outbox.getJob(outboxJobId(urgent))) !== undefined, 'the poll offered the urgent row while the queue was held', 15_000);
    assert.ok((await outbox.getRateLimitTtl()) > 60_000, 'still inside the 429');
    await paused.close();

    await redis.del(`${prefix}:outbox:limiter`, `${prefix}:ratelimit:pause:global`);
    await start(rec);
    await waitFor(async () => (await statuses([...ordinary, urgent])).every((s) => s === 'sent'), 'every message sent', 30_000);
    const sent = rec.calls.filter((c) => c.ok && [...ordinary, urgent].includes(c.outboxId)).map((c) => c.outboxId);
    assert.equal(sent[0], urgent, `the urgent row first; sent: ${sent.join(',')}`);
  });
});
