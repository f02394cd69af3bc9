import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { Pool } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import { createOutboxHandler, enqueueOutbox, type EnqueueOutboxOptions } from './outbox.js';
import { checkRedis, createQueues, type WorkerQueues } from './queues.js';
import { SendRateLimiter, TELEGRAM_LIMITS, type SendLimits } from './rateLimit.js';
import { JOBS, JobRegistry, QUEUE_NAMES, type QueueName } from './registry.js';
import { retentionHandler, scheduleRetention, type RetentionOptions } from './retention.js';
import type { MessageSender } from './sender.js';
import { requeueDueOutbox, runSweep, type ClockHandler, type SweepResult } from './sweeper.js';

export { enqueueOutbox, type EnqueueOutboxOptions } from './outbox.js';
export { checkRedis, createQueues, RedisUnavailableError, type WorkerQueues } from './queues.js';
export { TELEGRAM_LIMITS, type SendLimits } from './rateLimit.js';
export { JOBS, JobRegistry, RegistryError } from './registry.js';
export type { ClockHandler, ClockPhase, DueClock, SweepResult } from './sweeper.js';

export const SWEEP_SCHEDULER_ID = 'deadline-sweep';
export const OUTBOX_POLL_SCHEDULER_ID = 'outbox-poll';
const STARTUP_SWEEP_JOB_ID = 'deadline-sweep-startup';

export interface StartWorkersOptions {
  pool: Pool;
  redisUrl: string;
  /** QUEUE_PREFIX: all Redis keys live under `<prefix>:`. */
  prefix: string;
  sender: MessageSender;
  clockHandler: ClockHandler;
  clock: Clock;
  logger: Logger;
  /** SWEEP_EVERY_MS */
  sweepEveryMs: number;
  /**
   * OUTBOX_POLL_MS: how often pending outbox rows are picked up (default 1000). 0 turns the poll
   * off (tests that count queue jobs); the sweep still re-enqueues pending rows every minute.
   */
  outboxPollMs?: number;
  /** Telegram's limits by default; `false` turns pacing off (raw-throughput benchmarks only). */
  limits?: SendLimits | false;
  outboxConcurrency?: number;
  /** Send attempts before a message is marked failed (default 5). */
  maxAttempts?: number;
  /** How long a delivery claim lasts (default 120 s); must exceed the sender's own timeout. */
  leaseMs?: number;
  /**
   * How long a running job's lock lasts and how often stalled jobs are looked for (BullMQ's
   * lockDuration/stalledInterval, default 30 s): after a crash, another worker picks up the killed
   * process's jobs within about twice this.
   */
  lockDurationMs?: number;
  /** Clocks per sweep transaction (default 500). */
  batchSize?: number;
  /** Run one sweep right after start, so work left from before a restart goes out at once (default true). */
  sweepOnStart?: boolean;
  /** OFFICE_CHAT_ID: told once when a chat removes or blocks the bot (workers/chatErrors.ts). */
  officeChatId?: number | null;
  /** The directory: the unreachable-chat alert names the department or organization, not an internal key. */
  directory?: Directory;
  /** The retention policy's sweep (workers/retention.ts); without it the repeatable job is removed. */
  retention?: RetentionOptions;
}

export interface RunningWorkers {
  queues: WorkerQueues;
  /** Runs one sweep in this process now and returns its counts. */
  sweepNow(): Promise<SweepResult>;
  /** enqueueOutbox bound to these queues. */
  enqueueOutbox(ids: readonly number[], opts?: EnqueueOutboxOptions): Promise<void>;
  /** Stops taking jobs, waits for running ones, closes queues and connections. Idempotent. */
  close(): Promise<void>;
}

/**
 * Composition of the worker role: checks Redis, registers the job handlers (and fails if any job
 * has none or two), starts one Worker per queue on its own connection, and upserts the sweep
 * scheduler. app/main.ts calls close() on SIGINT/SIGTERM.
 */
export async function startWorkers(opts: StartWorkersOptions): Promise<RunningWorkers> {
  const { logger } = opts;
  const { maxmemoryPolicy } = await checkRedis(opts.redisUrl);
  if (maxmemoryPolicy && maxmemoryPolicy !== 'noeviction') {
    logger.warn({ maxmemoryPolicy }, 'Redis maxmemory-policy should be noeviction: an evicted job key breaks BullMQ');
  }

  const queues = createQueues({
    redisUrl: opts.redisUrl,
    prefix: opts.prefix,
    onError: (err, source) => logger.error({ source, err: err.message }, 'queue error'),
  });
  const enqueue = (ids: readonly number[], opts?: EnqueueOutboxOptions) => enqueueOutbox(queues, ids, opts);
  const sweepDeps = {
    pool: opts.pool,
    clockHandler: opts.clockHandler,
    clock: opts.clock,
    logger,
    enqueue,
    batchSize: opts.batchSize,
  };

  const registry = new JobRegistry(JOBS, logger);
  registry.register('deadline-sweep', async () => runSweep(sweepDeps));
  registry.register(
    'outbox-deliver',
    createOutboxHandler({
      pool: opts.pool,
      sender: opts.sender,
      clock: opts.clock,
      logger,
      queue: queues.queues.outbox,
      limiter: opts.limits === false ? undefined : new SendRateLimiter(queues.connection, opts.prefix, opts.limits ?? TELEGRAM_LIMITS),
      maxAttempts: opts.maxAttempts ?? 5,
      leaseMs: opts.leaseMs ?? 120_000,
      officeChatId: opts.officeChatId,
      directory: opts.directory,
    }),
  );
  registry.register('outbox-poll', async () => requeueDueOutbox(opts.pool, opts.clock.now(), enqueue));
  registry.register('retention-sweep', retentionHandler(opts.retention, logger));
  registry.assertRegistry();

  const workers: Worker[] = [];
  const connections: Redis[] = [];
  const concurrency: Record<QueueName, number> = { deadlines: 1, outbox: opts.outboxConcurrency ?? 10 };
  try {
    for (const name of QUEUE_NAMES) {
      const connection = queues.workerConnection();
      connections.push(connection);
      const lock = opts.lockDurationMs ? { lockDuration: opts.lockDurationMs, stalledInterval: opts.lockDurationMs } : {};
      const worker = new Worker(name, registry.processor(name), { connection, prefix: opts.prefix, concurrency: concurrency[name], ...lock });
      worker.on('error', (err) => logger.error({ queue: name, err: err.message }, 'worker error'));
      worker.on('failed', (job, err) =>
        logger.warn({ queue: name, job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed'),
      );
      workers.push(worker);
    }
    await Promise.all(workers.map((w) => w.waitUntilReady()));

    const sweepOpts = { removeOnComplete: true, removeOnFail: 50 };
    await queues.queues.deadlines.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: opts.sweepEveryMs },
      { name: 'deadline-sweep', data: {}, opts: sweepOpts },
    );
    const pollMs = opts.outboxPollMs ?? 1000;
    // Where an earlier version scheduled the poll: its jobs would find no handler on the outbox queue.
    await queues.queues.outbox.removeJobScheduler(OUTBOX_POLL_SCHEDULER_ID);
    if (pollMs > 0) {
      await queues.queues.deadlines.upsertJobScheduler(
        OUTBOX_POLL_SCHEDULER_ID,
        { every: pollMs },
        { name: 'outbox-poll', data: {}, opts: { removeOnComplete: true, removeOnFail: 10 } },
      );
    } else {
      await queues.queues.deadlines.removeJobScheduler(OUTBOX_POLL_SCHEDULER_ID);
    }
    await scheduleRetention(queues.queues.deadlines, opts.retention);
    if (opts.sweepOnStart !== false) {
      // Fixed id: several processes starting at once add one sweep, not one each.
      await queues.queues.deadlines.add('deadline-sweep', {}, { ...sweepOpts, removeOnFail: true, jobId: STARTUP_SWEEP_JOB_ID });
    }
  } catch (err) {
    await Promise.allSettled(workers.map((w) => w.close()));
    await queues.close();
    throw err;
  }
  logger.info({ prefix: opts.prefix, sweepEveryMs: opts.sweepEveryMs, limits: opts.limits === false ? 'off' : 'on' }, 'workers started');

  let closing: Promise<void> | undefined;
  return {
    queues,
    sweepNow: () => runSweep(sweepDeps),
    enqueueOutbox: enqueue,
    close() {
      closing ??= (async () => {
        await Promise.allSettled(workers.map((w) => w.close()));
        await queues.close();
        logger.info('workers closed');
      })();
      return closing;
    },
  };
}
