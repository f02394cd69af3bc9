/**
 * Seed data and a plain-SQL clock handler for the workers' tests and benchmark. Not imported by
 * application code: the real handler is cases/deadlines.ts createClockHandler.
 */
import type { Pool, Queryable, TxClient } from '../../db/pool.js';
import { FixedClock } from '../../kernel/clock.js';
import { silentLogger } from '../../kernel/logger.js';
import { startWorkers, type RunningWorkers, type StartWorkersOptions } from '../../workers/index.js';
import type { MessageSender, OutgoingMessage } from '../../workers/sender.js';
import type { ClockHandler, DueClock, ClockPhase } from '../../workers/sweeper.js';
import { TEST_REDIS_URL } from './redis.js';

/**
 * Writes what a due clock causes, the way the real handler does: one message to the resident
 * (outbox) and one audit event, in the sweep's transaction. No dedupe key on purpose, so a clock
 * handled twice shows up as two rows instead of a constraint error.
 */
export const sqlClockHandler: ClockHandler = async (tx: TxClient, clock: DueClock, phase: ClockPhase, now: Date) => {
  // One statement (one round trip) for both rows.
  await tx.query({
    text: `WITH msg AS (
        INSERT INTO outbox (case_id, chat_id, chat_kind, language, message, not_before)
        SELECT c.id, r.chat_id, 'private', r.language, $2::jsonb, $3 FROM cases c JOIN residents r ON r.id = c.resident_id WHERE c.id = $1
        RETURNING case_id)
      INSERT INTO case_events (case_id, at, actor_kind, actor_id, type, data)
      SELECT $1, $3, 'system', 'deadline-sweep', $4, $5::jsonb`,
    values: [
      clock.caseId,
      JSON.stringify({ key: `clock.${phase}`, params: { kind: clock.kind } }),
      now,
      `clock_${phase}`,
      JSON.stringify({ clockId: clock.id, kind: clock.kind }),
    ],
  });
};

let seq = 0;

/** One resident with one open case and one running clock; returns their ids. */
export async function seedCaseWithClock(
  db: Queryable,
  clock: { dueAt: Date; remindAt: Date | null; stoppedAt?: Date | null; kind?: string; chatId?: number },
): Promise<{ residentId: number; caseId: number; clockId: number; chatId: number }> {
  seq += 1;
  const chatId = clock.chatId ?? 100_000 + seq;
  const r = await db.query(
    `INSERT INTO residents (channel, external_id, chat_id) VALUES ('telegram', $1, $2)
     ON CONFLICT (channel, external_id) DO UPDATE SET chat_id = EXCLUDED.chat_id RETURNING id`,
    [`tk-${chatId}`, chatId],
  );
  const residentId = r.rows[0].id as number;
  const c = await db.query(
    `INSERT INTO cases (ref, resident_id, category, status, summary, original_text, received_at)
     VALUES ($1, $2, 'petition', 'accepted', 'summary', 'text', $3) RETURNING id`,
    [`TK-${process.pid}-${seq}-${Math.random().toString(36).slice(2, 8)}`, residentId, new Date(clock.dueAt.getTime() - 60 * 86_400_000)],
  );
  const caseId = c.rows[0].id as number;
  const k = await db.query(
    `INSERT INTO clocks (case_id, kind, article, starts_at, due_at, remind_at, stopped_at)
     VALUES ($1, $2, '信访工作条例 第三十四条', $3, $4, $5, $6) RETURNING id`,
    [caseId, clock.kind ?? 'resolve', new Date(clock.dueAt.getTime() - 60 * 86_400_000), clock.dueAt, clock.remindAt, clock.stoppedAt ?? null],
  );
  return { residentId, caseId, clockId: k.rows[0].id as number, chatId };
}

/** A pending outbox row addressed to one chat; returns its id. */
export async function seedOutbox(
  db: Queryable,
  row: { chatId: number; chatKind?: 'private' | 'group'; key?: string; notBefore?: Date; status?: 'pending' | 'sent' | 'failed' },
): Promise<number> {
  const r = await db.query(
    `INSERT INTO outbox (chat_id, chat_kind, message, not_before, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [row.chatId, row.chatKind ?? 'private', JSON.stringify({ key: row.key ?? 'test.hello' }), row.notBefore ?? new Date(0), row.status ?? 'pending'],
  );
  return r.rows[0].id as number;
}

/**
 * A MessageSender that records every call (outbox id, chat, time) and can be scripted to fail:
 * `script(outboxId, attempt)` returns an error to throw, or undefined to succeed.
 */
export class RecordingSender implements MessageSender {
  readonly calls: { outboxId: number; chatId: number; at: number; ok: boolean }[] = [];
  private readonly attempts = new Map<number, number>();
  private next = 1;

  constructor(private readonly script: (outboxId: number, attempt: number) => Error | undefined = () => undefined) {}

  async send(msg: OutgoingMessage): Promise<{ externalMessageId?: number }> {
    const attempt = (this.attempts.get(msg.outboxId) ?? 0) + 1;
    this.attempts.set(msg.outboxId, attempt);
    const err = this.script(msg.outboxId, attempt);
    this.calls.push({ outboxId: msg.outboxId, chatId: msg.chatId, at: Date.now(), ok: !err });
    if (err) throw err;
    return { externalMessageId: this.next++ };
  }

  /** Successful deliveries per outbox id. */
  deliveredCount(outboxId: number): number {
    return this.calls.filter((c) => c.outboxId === outboxId && c.ok).length;
  }
}

/** Resolves when `check` returns true, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Workers on the test Redis with a fixed clock, the SQL clock handler and no log, and neither a sweep at
 * start nor the outbox poll: the poll would keep a scheduled job in the queue (never idle) and pick up
 * other tests' rows. `over` sets anything else.
 */
export function startTestWorkers(pool: Pool, prefix: string, sender: MessageSender, now: Date, over: Partial<StartWorkersOptions> = {}): Promise<RunningWorkers> {
  return startWorkers({
    pool,
    redisUrl: TEST_REDIS_URL,
    prefix,
    sender,
    clockHandler: sqlClockHandler,
    clock: new FixedClock(now),
    logger: silentLogger(),
    sweepEveryMs: 60_000,
    sweepOnStart: false,
    outboxPollMs: 0,
    ...over,
  });
}

