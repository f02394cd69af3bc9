import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { FixedClock } from '../../kernel/clock.js';
import { createLogger, silentLogger } from '../../kernel/logger.js';
import { txQuery } from '../../workers/db.js';
import { type StartWorkersOptions } from '../../workers/index.js';
import { enqueueOutbox, outboxJobId } from '../../workers/outbox.js';
import { createQueues } from '../../workers/queues.js';
import { PermanentSendError, RetryAfterError, type MessageSender } from '../../workers/sender.js';
import { runSweep } from '../../workers/sweeper.js';
import { RecordingSender, seedCaseWithClock, seedOutbox, sqlClockHandler, startTestWorkers, waitFor } from '../helpers/workers.js';
import { cleanPrefix, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { useWorkersSuite } from '../helpers/workersSuite.js';

const DAY = 86_400_000;
const T0 = new Date('2026-12-01T02:00:00Z');

describe('outbox dispatcher (real PGlite, real Redis)', () => {
  const { db, redis, prefixes, running } = useWorkersSuite();
  let chat = 5_000_000;
  const nextChat = () => ++chat;

  const start = async (sender: MessageSender, over: Partial<StartWorkersOptions> = {}) => {
    const prefix = over.prefix ?? uniquePrefix('outbox');
    prefixes.push(prefix);
    const w = await startTestWorkers(db.pool, prefix, sender, T0, over);
    running.push(w);
    return w;
  };
  interface OutboxRow {
    status: string;
    attempts: number;
    sent_at: Date | null;
    external_message_id: number | null;
    last_error: string | null;
    claim_token: string | null;
  }
  const row = async (id: number): Promise<OutboxRow> => {
    const r = await txQuery<OutboxRow>(db.pool, 'SELECT status, attempts, sent_at, external_message_id, last_error, claim_token FROM outbox WHERE id = $1', [id]);
    assert.ok(r.rows[0], `outbox row ${id} exists`);
    return r.rows[0];
  };
  const statusIs = (id: number, status: string) => async () => (await row(id)).status === status;
  const idle = (q: Queue) => async () => {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0);
  };

  /** A sender that notes, at every send, how long the given pause key (chat or global) still had to run. */
  const pauseWatching = (rec: RecordingSender, pauseKey: () => string) => {
    const pauseLeftAtSend: number[] = [];
    const sender: MessageSender = {
      async send(m) {
        pauseLeftAtSend.push(await redis.pttl(pauseKey()));
        return rec.send(m);
      },
    };
    return { sender, pauseLeftAtSend };
  };

  it('waits out a 429 retry_after and then delivers the message once', async () => {
    const prefix = uniquePrefix('outbox');
    const chatId = nextChat();
    const rec = new RecordingSender((_, attempt) => (attempt === 1 ? new RetryAfterError(1) : undefined));
    const { sender, pauseLeftAtSend } = pauseWatching(rec, () => `${prefix}:ratelimit:pause:${chatId}`);
    // The queue announces the retry's scheduled time: an explicit event instead of a stopwatch.
    const events = new QueueEvents('outbox', { connection: { url: TEST_REDIS_URL }, prefix });
    await events.waitUntilReady();
    const retryScheduledFor = new Promise<number>((resolve) => events.once('delayed', ({ delay }) => resolve(Number(delay))));
    try {
      const w = await start(sender, { prefix });
      const id = await seedOutbox(db.pool, { chatId });
      await w.enqueueOutbox([id]);
      await waitFor(statusIs(id, 'sent'), 'the message to be sent');
      assert.equal(rec.deliveredCount(id), 1);
      assert.equal(rec.calls.length, 2);
      assert.ok((await retryScheduledFor) >= rec.calls[0]!.at + 1000, 'the retry was scheduled no sooner than retry_after (1 s)');
      assert.deepEqual(pauseLeftAtSend.map((ms) => ms <= 0), [true, true], "the retry went out once the chat's pause had ended");
      const r = await row(id);
      assert.equal(r.attempts, 1, 'a 429 does not count as a failed attempt');
      assert.equal(r.claim_token, null);
      assert.ok(r.external_message_id);
    } finally {
      await events.close();
    }
  });

  it('pauses every chat after a global 429 and still delivers each message once', async () => {
    const prefix = uniquePrefix('outbox');
    let first: number | undefined;
    const rec = new RecordingSender((id, attempt) => (id === first && attempt === 1 ? new RetryAfterError(1, 'global') : undefined));
    const { sender, pauseLeftAtSend } = pauseWatching(rec, () => `${prefix}:ratelimit:pause:global`);
    const w = await start(sender, { prefix });
    first = await seedOutbox(db.pool, { chatId: nextChat() });
    await w.enqueueOutbox([first]);
    await waitFor(() => rec.calls.length === 1, 'the first attempt');
    const other = await seedOutbox(db.pool, { chatId: nextChat() });
    await w.enqueueOutbox([other]);
    await waitFor(statusIs(first, 'sent'), 'the paused message to be sent');
    await waitFor(statusIs(other, 'sent'), 'the other message to be sent');
    // No send, to any chat, while the global pause was in force.
    assert.deepEqual(pauseLeftAtSend.slice(1).map((ms) => ms <= 0), [true, true]);
    assert.equal(rec.deliveredCount(first), 1);
    assert.equal(rec.deliveredCount(other), 1);
  });

  it('marks a permanently refused message failed and does not retry it', async () => {
    const sender = new RecordingSender(() => new PermanentSendError('403: bot was blocked by the user'));
    const w = await start(sender);
    const id = await seedOutbox(db.pool, { chatId: nextChat() });
    await w.enqueueOutbox([id]);
    await waitFor(statusIs(id, 'failed'), 'the message to be marked failed');
    // Drained: no job is left that could send it again.
    await waitFor(idle(w.queues.queues.outbox), 'the queue to drain');
    assert.equal(sender.calls.length, 1);
    const r = await row(id);
    assert.match(r.last_error ?? '', /bot was blocked/);
    assert.equal(r.sent_at, null);
  });

  it('retries a transient failure with backoff, then gives up after the allowed attempts', async () => {
    const sender = new RecordingSender((id, attempt) => (id === flaky && attempt === 1) || id === broken ? new Error('ECONNRESET') : undefined);
    const w = await start(sender, { maxAttempts: 2 });
    const flaky = await seedOutbox(db.pool, { chatId: nextChat() });
    const broken = await seedOutbox(db.pool, { chatId: nextChat() });
    await w.enqueueOutbox([flaky, broken]);
    await waitFor(statusIs(flaky, 'sent'), 'the flaky message to be sent');
    await waitFor(statusIs(broken, 'failed'), 'the broken message to be given up');
    assert.equal(sender.deliveredCount(flaky), 1);
    assert.equal((await row(flaky)).attempts, 2);
    const b = await row(broken);
    assert.equal(b.attempts, 2);
    assert.match(b.last_error ?? '', /gave up after 2 attempts.*ECONNRESET/);
    assert.equal(sender.calls.filter((c) => c.outboxId === broken).length, 2);
  });

  it('does not send again a message already marked sent when its job runs twice', async () => {
    const sender = new RecordingSender();
    const w = await start(sender);
    const id = await seedOutbox(db.pool, { chatId: nextChat() });
    const alreadySent = await seedOutbox(db.pool, { chatId: nextChat(), status: 'sent' });
    await w.enqueueOutbox([id, alreadySent]);
    await waitFor(statusIs(id, 'sent'), 'the message to be sent');
    await waitFor(idle(w.queues.queues.outbox), 'the first jobs to finish');
    await w.enqueueOutbox([id, alreadySent]);
    await waitFor(idle(w.queues.queues.outbox), 'the second jobs to finish');
    assert.equal(sender.deliveredCount(id), 1);
    assert.equal(sender.deliveredCount(alreadySent), 0);
    assert.equal(sender.calls.length, 1);
  });

  it("paces two messages to the same private chat: the second waits for the chat's one-a-second window", async () => {
    const prefix = uniquePrefix('outbox');
    const sender = new RecordingSender();
    // Which jobs the pacing held back, as the queue announces it (an event, not a stopwatch).
    const events = new QueueEvents('outbox', { connection: { url: TEST_REDIS_URL }, prefix });
    await events.waitUntilReady();
    const heldBack = new Set<string>();
    events.on('delayed', ({ jobId }) => heldBack.add(jobId));
    try {
      const w = await start(sender, { prefix });
      const chatId = nextChat();
      const ids = [await seedOutbox(db.pool, { chatId }), await seedOutbox(db.pool, { chatId })];
      await w.enqueueOutbox(ids);
      for (const id of ids) await waitFor(statusIs(id, 'sent'), `message ${id} to be sent`);
      assert.equal(sender.calls.length, 2);
      const [firstSent, secondSent] = sender.calls.map((c) => c.outboxId);
      await waitFor(() => heldBack.has(outboxJobId(secondSent!)), 'the delayed event of the second message');
      assert.ok(!heldBack.has(outboxJobId(firstSent!)), 'the first message went out at once');
    } finally {
      await events.close();
    }
  });

  it('delivers messages to one chat in the order they were written: later ones wait while the first is retried', async () => {
    let first = 0;
    const sender = new RecordingSender((id, attempt) => (id === first && attempt === 1 ? new Error('ECONNRESET') : undefined));
    const w = await start(sender, { limits: false });
    const chatId = nextChat();
    const ids = [await seedOutbox(db.pool, { chatId }), await seedOutbox(db.pool, { chatId }), await seedOutbox(db.pool, { chatId })];
    first = ids[0]!;
    const other = await seedOutbox(db.pool, { chatId: nextChat() });
    await w.enqueueOutbox([ids[2]!, other, ids[1]!, ids[0]!]);
    for (const id of [...ids, other]) await waitFor(statusIs(id, 'sent'), `message ${id} to be sent`);
    const toChat = sender.calls.filter((c) => c.chatId === chatId).map((c) => [c.outboxId, c.ok]);
    assert.deepEqual(toChat, [[ids[0], false], [ids[0], true], [ids[1], true], [ids[2], true]], 'in order, after the first one’s retry');
    const otherAt = sender.calls.find((c) => c.outboxId === other)!.at;
    assert.ok(otherAt < sender.calls.find((c) => c.outboxId === ids[0] && c.ok)!.at, 'another chat does not wait');
  });

  it('rejects a malformed job payload without retrying it and without logging its values', async () => {
    const lines: string[] = [];
    const sender = new RecordingSender();
    const w = await start(sender, { logger: createLogger('info', { write: (s: string) => void lines.push(s) }) });
    const q = w.queues.queues.outbox;
    const job = await q.add('outbox-deliver', { outboxId: 'x', phone: '13800138000' }, { attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    await waitFor(async () => (await job.getState()) === 'failed', 'the job to fail');
    const failed = await q.getJob(job.id!);
    assert.equal(failed?.attemptsMade, 1, 'not retried');
    assert.match(failed?.failedReason ?? '', /Invalid payload for job "outbox-deliver"/);
    assert.equal(sender.calls.length, 0);
    assert.ok(lines.some((l) => l.includes('job payload rejected')));
    assert.ok(lines.every((l) => !l.includes('13800138000')));
  });

  it('loses nothing when Redis is flushed between the transition and the delivery', async () => {
    const prefix = uniquePrefix('flush');
    prefixes.push(prefix);
    const clock = new FixedClock(T0);
    const seeded = [];
    for (let i = 0; i < 3; i++) {
      seeded.push(await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 1000), dueAt: new Date(T0.getTime() + DAY) }));
    }
    const extra = await seedOutbox(db.pool, { chatId: nextChat() });
    // The transition happens (and its messages are queued) while no worker runs.
    const q = createQueues({ redisUrl: TEST_REDIS_URL, prefix });
    const first = await runSweep({ pool: db.pool, clockHandler: sqlClockHandler, clock, logger: silentLogger(), enqueue: (ids) => enqueueOutbox(q, ids) });
    assert.equal(first.reminded, 3);
    assert.ok((await q.queues.outbox.getJobCountByTypes('waiting')) >= 4);
    await cleanPrefix(redis, prefix);
    // Checked before any worker starts: a starting worker polls the outbox at once and may re-enqueue.
    assert.equal(await q.queues.outbox.getJobCountByTypes('waiting', 'delayed'), 0, 'the flush emptied the queue');
    await q.close();

    const sender = new RecordingSender();
    const w = await start(sender, { prefix, clock });
    const again = await w.sweepNow();
    assert.equal(again.reminded, 0, 'no clock fires twice');
    const ids = (
      await txQuery<{ id: number }>(db.pool, 'SELECT id FROM outbox WHERE case_id = ANY($1::bigint[]) OR id = $2', [seeded.map((s) => s.caseId), extra])
    ).rows.map((r) => r.id);
    assert.equal(ids.length, 4);
    for (const id of ids) await waitFor(statusIs(id, 'sent'), `message ${id} to be delivered`);
    await w.sweepNow();
    await waitFor(idle(w.queues.queues.outbox), 'the queue to drain');
    for (const id of ids) assert.equal(sender.deliveredCount(id), 1, `message ${id} delivered exactly once`);
    for (const s of seeded) {
      const ev = await txQuery(db.pool, `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [s.caseId]);
      assert.equal(ev.rows[0]?.n, 1);
    }
  });

  it('sweeps on its schedule without being called, and delivers what the sweep produced', async () => {
    const sender = new RecordingSender();
    const w = await start(sender, { sweepEveryMs: 250 });
    const scheduler = await w.queues.queues.deadlines.getJobScheduler('deadline-sweep');
    assert.equal(scheduler?.every, 250);
    const c = await seedCaseWithClock(db.pool, { remindAt: new Date(T0.getTime() - 1000), dueAt: new Date(T0.getTime() + DAY) });
    await waitFor(
      async () => (await txQuery(db.pool, `SELECT count(*)::int AS n FROM outbox WHERE case_id = $1 AND status = 'sent'`, [c.caseId])).rows[0]?.n === 1,
      'the scheduled sweep to remind and the reminder to be delivered',
    );
    const ev = await txQuery(db.pool, 'SELECT type FROM case_events WHERE case_id = $1', [c.caseId]);
    assert.deepEqual(ev.rows.map((r) => r.type), ['clock_remind']);
  });

  it('delivers after a restart what was written while no worker ran, and finishes a batch cut short by a shutdown exactly once', async () => {
    const prefix = uniquePrefix('restart');
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await seedOutbox(db.pool, { chatId: nextChat() }));

    // A slow channel so close() lands mid-flight.
    const slow = (rec: RecordingSender): MessageSender => ({
      async send(m) {
        await new Promise((r) => setTimeout(r, 80));
        return rec.send(m);
      },
    });
    const rec = new RecordingSender();
    const w1 = await start(slow(rec), { prefix, sweepOnStart: true, outboxConcurrency: 2 });
    await waitFor(() => rec.calls.length >= 3, 'some messages to go out');
    await w1.close();
    const sentBefore = rec.calls.length;
    assert.ok(sentBefore < ids.length, 'the shutdown came before everything was sent');
    const claimed = await txQuery(db.pool, 'SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::bigint[]) AND claim_token IS NOT NULL', [ids]);
    assert.equal(claimed.rows[0]?.n, 0, 'a graceful close leaves no message claimed');

    await start(slow(rec), { prefix, sweepOnStart: true, outboxConcurrency: 4 });
    for (const id of ids) await waitFor(statusIs(id, 'sent'), `message ${id} to be delivered`, 15_000);
    for (const id of ids) assert.equal(rec.deliveredCount(id), 1, `message ${id} delivered exactly once`);
    assert.equal(rec.calls.length, ids.length);
  });
});
