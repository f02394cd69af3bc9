import crypto from 'node:crypto';
import os from 'node:os';
import { Redis } from 'ioredis';
import { FixedClock } from '../kernel/clock.js';
import { loadConfig } from '../app/config.js';
import { resourcePath } from '../kernel/paths.js';
import { silentLogger } from '../kernel/logger.js';
import { createClockHandler } from '../cases/deadlines.js';
import { insertOutboxRows } from '../cases/outboxRepository.js';
import { openDatabase, withTransaction } from '../db/pool.js';
import { loadDirectory } from '../directory/directory.js';
import { txQuery } from '../workers/db.js';
import { startWorkers } from '../workers/index.js';
import { enqueueOutbox } from '../workers/outbox.js';
import { createQueues } from '../workers/queues.js';
import type { MessageSender } from '../workers/sender.js';
import { runSweep, SELECT_DUE, type ClockHandler } from '../workers/sweeper.js';
import { sqlClockHandler, waitFor } from '../tests/helpers/workers.js';
import type { BenchModule } from './types.js';
import { cleanPrefix } from '../tests/helpers/redis.js';

const CASES = 100_000;
const MESSAGES = 5_000;
const OUTBOX_CONCURRENCY = 20;
const NOW = new Date('2026-12-01T02:00:00Z');
const OFFICE_CHAT = -900;

async function cleanRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  try {
    await cleanPrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
}

/**
 * sweep_100k_open_cases_ms: one full sweep over 100k open cases, each with a running Art. 34 clock,
 * of which 1% are due (0.5% overdue, 0.5% due a reminder), with the real clock handler
 * (cases/deadlines.ts createClockHandler, as app/main.ts wires it): a reminder writes an outbox row
 * to the office, an escalation marks the case urgent and writes an audit event and an outbox row;
 * the sweep enqueues those rows into Redis. Target ≤ 2000 ms.
 * outbox_dispatch_msgs_per_s: 5,000 pending rows delivered by the real dispatcher (claim, send,
 * mark, all in Postgres) through a no-op sender with the Telegram limits OFF — it measures the
 * pipeline, not Telegram, which allows 30 msg/s per bot.
 */
export const bench: BenchModule = {
  name: 'workers',
  async run(report) {
    const config = loadConfig();
    const redisUrl = config.REDIS_URL;
    const prefix = `bench-workers-${crypto.randomBytes(4).toString('hex')}`;
    const db = await openDatabase({ poolMax: 5, persist: false });
    try {
      const base = NOW.getTime();
      await withTransaction(db.pool, async (tx) => {
        await tx.query(
          `INSERT INTO residents (channel, external_id, chat_id) SELECT 'telegram', 'b' || g, 9000000 + g FROM generate_series(1, $1) g`,
          [CASES],
        );
        await tx.query(
          `INSERT INTO cases (ref, resident_id, category, status, summary, original_text, received_at)
           SELECT 'BENCH-' || g, g, 'petition', 'accepted', 'summary', 'text', $2::timestamptz - interval '20 days'
           FROM generate_series(1, $1) g`,
          [CASES, NOW],
        );
        // g % 200 = 0: overdue; g % 200 = 1: reminder due; the rest due in 2–3 weeks.
        await tx.query(
          `INSERT INTO clocks (case_id, kind, article, starts_at, due_at, remind_at)
           SELECT g, 'resolve', '信访工作条例 第三十四条', $2::timestamptz - interval '20 days',
             CASE WHEN g % 200 = 0 THEN $2::timestamptz - interval '1 hour'
                  WHEN g % 200 = 1 THEN $2::timestamptz + interval '2 days'
                  ELSE $2::timestamptz + interval '14 days' + g * interval '1 second' END,
             CASE WHEN g % 200 IN (0, 1) THEN $2::timestamptz - interval '2 hours'
                  ELSE $2::timestamptz + interval '11 days' + g * interval '1 second' END
           FROM generate_series(1, $1) g`,
          [CASES, NOW],
        );
      });
      await db.pool.query('ANALYZE');
      for (const phase of ['overdue', 'remind'] as const) {
        const sql = SELECT_DUE[phase].replace(/\$1/g, `'${NOW.toISOString()}'::timestamptz`).replace('$2::bigint[]', `'{}'::bigint[]`).replace('$3', '500');
        const plan = (await db.pool.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN'] as string);
        console.log(`# ${phase} plan: ${plan.find((l) => /Scan/.test(l))?.trim()}`);
      }

      console.log(`# load average before the sweeps: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      const queues = createQueues({ redisUrl, prefix });
      try {
        const sweep = async (clockHandler: ClockHandler) => {
          const started = performance.now();
          const result = await runSweep({
            pool: db.pool,
            clockHandler,
            clock: new FixedClock(NOW),
            logger: silentLogger(),
            enqueue: (ids) => enqueueOutbox(queues, ids),
          });
          const ms = performance.now() - started;
          console.log(`# sweep: ${JSON.stringify(result)}`);
          if (result.escalated + result.reminded !== CASES / 100) throw new Error(`sweep handled ${result.escalated + result.reminded} clocks, expected ${CASES / 100}`);
          return ms;
        };
        // The sweeper's own cost (select, lock, mark, re-enqueue): a handler that does nothing.
        const own = await sweep(async () => undefined);
        report('sweep_100k_open_cases_noop_handler_ms', Math.round(own), 'ms');
        await db.pool.query('UPDATE clocks SET reminded_at = NULL, escalated_at = NULL WHERE reminded_at IS NOT NULL OR escalated_at IS NOT NULL');
        // The figure that matters: the real handler, as app/main.ts wires it.
        const directory = loadDirectory(resourcePath('directory.yaml'));
        const full = await sweep(createClockHandler({ directory, settings: { officeChatId: OFFICE_CHAT }, logger: silentLogger() }));
        report('sweep_100k_open_cases_ms', Math.round(full), 'ms');
        // A figure is only worth something if the work was done: a row per clock, an event and an urgent case per escalation.
        const done = (
          await db.pool.query(`SELECT (SELECT count(*)::int FROM outbox) AS rows, (SELECT count(*)::int FROM case_events WHERE type = 'clock_overdue') AS events,
             (SELECT count(*)::int FROM cases WHERE urgent) AS urgent`)
        ).rows[0] as { rows: number; events: number; urgent: number };
        console.log(`# full sweep wrote: ${JSON.stringify(done)}`);
        if (done.rows !== CASES / 100 || done.events !== CASES / 200 || done.urgent !== CASES / 200) throw new Error(`unexpected effects ${JSON.stringify(done)}`);
        await queues.queues.outbox.obliterate({ force: true });
      } finally {
        await queues.close();
      }
      // BENCH_SWEEP_ONLY=1 skips the dispatch figure (over a minute on a loaded box) while tuning the sweep.
      if (process.env.BENCH_SWEEP_ONLY === '1') return;

      // Dispatch: a fresh outbox of MESSAGES rows to distinct chats.
      await db.pool.query('DELETE FROM outbox');
      const ids = await insertOutboxRows(
        db.pool,
        Array.from({ length: MESSAGES }, (_, i) => ({
          caseId: null,
          channel: 'telegram' as const,
          chatId: 8_000_001 + i,
          chatKind: 'private' as const,
          language: 'zh-Hans' as const,
          message: { key: 'bench.hello' },
          dedupeKey: `bench:hello:${i + 1}`,
          notBefore: new Date(base - 1000),
        })),
      );
      const noop: MessageSender = { send: async () => ({ externalMessageId: 1 }) };
      const workers = await startWorkers({
        pool: db.pool,
        redisUrl,
        prefix,
        sender: noop,
        clockHandler: sqlClockHandler,
        clock: new FixedClock(NOW),
        logger: silentLogger(),
        sweepEveryMs: 3_600_000,
        sweepOnStart: false,
        limits: false,
        outboxConcurrency: OUTBOX_CONCURRENCY,
      });
      try {
        console.log(`# load average before the dispatch: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
        const t0 = performance.now();
        await workers.enqueueOutbox(ids);
        await waitFor(
          async () => (await txQuery(db.pool, `SELECT count(*)::int AS n FROM outbox WHERE status = 'sent'`)).rows[0]?.n === MESSAGES,
          'all bench messages to be sent',
          900_000,
          50,
        );
        const s = (performance.now() - t0) / 1000;
        console.log(`# dispatch: ${MESSAGES} messages in ${s.toFixed(2)} s, concurrency ${OUTBOX_CONCURRENCY}, limits off`);
        report('outbox_dispatch_msgs_per_s', Math.round(MESSAGES / s), 'msg/s');
        await Promise.all(Object.values(workers.queues.queues).map((q) => q.obliterate({ force: true })));
      } finally {
        await workers.close();
      }
    } finally {
      await cleanRedisPrefix(redisUrl, prefix).catch(() => undefined);
      await db.close();
    }
  },
};
