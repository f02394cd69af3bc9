import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { ClockPhase, DueClock } from '../cases/deadlines.js';
import { withTransaction, type Pool, type TxClient } from '../db/pool.js';
import { txQuery } from './db.js';
import type { EnqueueOutboxOptions } from './outbox.js';

export type { ClockPhase, DueClock };

/**
 * Does the effects of a due clock (outbox rows, audit events…) inside the sweep's transaction.
 * `handleBatch`, when present, does a whole batch at once (the clocks in the order given, with the
 * same effects as one after the other), so a batch costs a few statements instead of several per
 * clock; it may return the ids of the outbox rows it wrote, which the sweeper then enqueues as soon
 * as the batch commits.
 */
export type ClockHandler = ((tx: TxClient, clock: DueClock, phase: ClockPhase, now: Date) => Promise<void>) & {
  handleBatch?: (tx: TxClient, clocks: readonly DueClock[], phase: ClockPhase, now: Date) => Promise<{ outboxIds?: readonly number[] } | void>;
};

export interface SweepResult {
  reminded: number;
  escalated: number;
  /** Pending, due outbox rows offered to the queue (already-queued ones collapse on their job id). */
  requeued: number;
  /** Clocks whose handler threw; left unmarked so the next sweep tries them again. */
  failed: number;
}

export interface SweepDeps {
  pool: Pool;
  clockHandler: ClockHandler;
  clock: Clock;
  logger: Logger;
  /** Puts outbox rows on the delivery queue (enqueueOutbox bound to a queue). */
  enqueue: (ids: number[], opts?: EnqueueOutboxOptions) => Promise<void>;
  batchSize?: number;
}

interface ClockRow {
  id: number;
  case_id: number;
  kind: DueClock['kind'];
  due_at: Date;
  remind_at: Date | null;
  article: string | null;
}

/*
 * The WHERE clauses repeat the partial-index predicates (clocks_escalate_due, clocks_remind_due)
 * word for word so the planner can use them; ORDER BY the indexed column keeps it an index scan
 * that stops after LIMIT rows. `due_at > $1` on the reminder side: a clock that is already overdue
 * gets its escalation and never a late reminder, even if a concurrent sweep reaches it first.
 * SKIP LOCKED lets concurrent sweeps split the work; a row another sweep has just marked fails
 * the re-checked WHERE and is not returned twice.
 */
export const SELECT_DUE: Record<ClockPhase, string> = {
  overdue: `SELECT id, case_id, kind, due_at, remind_at, article FROM clocks
    WHERE due_at <= $1 AND stopped_at IS NULL AND escalated_at IS NULL AND NOT (id = ANY($2::bigint[]))
    ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
  remind: `SELECT id, case_id, kind, due_at, remind_at, article FROM clocks
    WHERE remind_at <= $1 AND stopped_at IS NULL AND reminded_at IS NULL AND due_at > $1 AND NOT (id = ANY($2::bigint[]))
    ORDER BY remind_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
};

const MARK: Record<ClockPhase, string> = {
  // Both marks: an escalated clock must never be picked up later for a reminder.
  overdue: `UPDATE clocks SET escalated_at = $2, reminded_at = COALESCE(reminded_at, $2) WHERE id = ANY($1::bigint[])`,
  remind: `UPDATE clocks SET reminded_at = $2 WHERE id = ANY($1::bigint[])`,
};

class HandlerFailed extends Error {}

const toDueClock = (r: ClockRow): DueClock => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  dueAt: r.due_at,
  remindAt: r.remind_at,
  article: r.article,
});

interface BatchResult {
  seen: number;
  done: number;
  failedIds: number[];
  /** Outbox rows the handler reported writing; committed by the time the batch returns. */
  outboxIds: readonly number[];
}

/**
 * One batch in one transaction: lock due clocks, run the handler, mark the clocks it did. The fast
 * path runs the whole batch without savepoints (handleBatch once, or the handler clock by clock).
 * If the handler throws, the batch is rolled back and redone carefully, so one broken clock cannot
 * hold back the rest.
 */
async function sweepBatch(deps: SweepDeps, phase: ClockPhase, now: Date, exclude: number[], limit: number): Promise<BatchResult> {
  const run = (careful: boolean) =>
    withTransaction(deps.pool, async (tx) => {
      const rows = (await tx.query<ClockRow>(SELECT_DUE[phase], [now, exclude, limit])).rows;
      const result: BatchResult = careful ? await handleCarefully(deps, tx, rows, phase, now) : await handleFast(deps, tx, rows, phase, now);
      const failed = new Set(result.failedIds);
      const doneIds = rows.filter((r) => !failed.has(r.id)).map((r) => r.id);
      if (doneIds.length) await tx.query(MARK[phase], [doneIds, now]);
      return result;
    });
  try {
    return await run(false);
  } catch (err) {
    if (!(err instanceof HandlerFailed)) throw err;
    return run(true);
  }
}

async function handleFast(deps: SweepDeps, tx: TxClient, rows: ClockRow[], phase: ClockPhase, now: Date): Promise<BatchResult> {
  const { handleBatch } = deps.clockHandler;
  let outboxIds: readonly number[] = [];
  try {
    if (handleBatch) {
      if (rows.length) outboxIds = (await handleBatch(tx, rows.map(toDueClock), phase, now))?.outboxIds ?? [];
    } else {
      for (const row of rows) await deps.clockHandler(tx, toDueClock(row), phase, now);
    }
  } catch (err) {
    throw new HandlerFailed((err as Error).message);
  }
  return { seen: rows.length, done: rows.length, failedIds: [], outboxIds };
}

/**
 * Each part of the batch under its own savepoint. With handleBatch, a failing part is split in two
 * and each half retried, down to single clocks: k broken clocks in a batch of n cost about
 * 2·k·log2(n) handler calls instead of n one-clock calls. A clock that fails on its own is rolled back,
 * logged and left unmarked (the next sweep retries it); the others go through.
 */
async function handleCarefully(deps: SweepDeps, tx: TxClient, rows: ClockRow[], phase: ClockPhase, now: Date): Promise<BatchResult> {
  const { handleBatch } = deps.clockHandler;
  const failedIds: number[] = [];
  const outboxIds: number[] = [];
  const split = async (part: ClockRow[]): Promise<void> => {
    const mid = Math.ceil(part.length / 2);
    await attempt(part.slice(0, mid));
    await attempt(part.slice(mid));
  };
  const attempt = async (part: ClockRow[]): Promise<void> => {
    await tx.query('SAVEPOINT clock_effect');
    try {
      let written: readonly number[] = [];
      if (part.length === 1) await deps.clockHandler(tx, toDueClock(part[0]!), phase, now);
      else written = (await handleBatch!(tx, part.map(toDueClock), phase, now))?.outboxIds ?? [];
      await tx.query('RELEASE SAVEPOINT clock_effect');
      outboxIds.push(...written);
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT clock_effect');
      if (part.length > 1) return split(part);
      const row = part[0]!;
      failedIds.push(row.id);
      deps.logger.error(
        { clockId: row.id, caseId: row.case_id, kind: row.kind, phase, err: { name: (err as Error).name, message: (err as Error).message } },
        'clock handler failed; the clock stays due and is retried by the next sweep',
      );
    }
  };
  // The whole batch has just failed on the fast path: start from its halves.
  if (handleBatch && rows.length > 1) await split(rows);
  else for (const row of rows) await attempt([row]);
  return { seen: rows.length, done: rows.length - failedIds.length, failedIds, outboxIds };
}

/**
 * Puts outbox rows on the queue in the background while the sweep goes on: on embedded PGlite the
 * database work runs in this process and Redis in its own, so the two overlap. Only ids whose
 * enqueue succeeded count as offered; the others are offered again by the re-enqueue at the end.
 */
class EarlyEnqueue {
  readonly offered = new Set<number>();
  private readonly running: Promise<void>[] = [];

  constructor(
    private readonly enqueue: (ids: number[]) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  offer(ids: readonly number[]): void {
    if (!ids.length) return;
    const copy = [...ids];
    this.running.push(
      Promise.resolve()
        .then(() => this.enqueue(copy))
        .then(
          () => copy.forEach((id) => this.offered.add(id)),
          (err: Error) =>
            this.logger.warn({ rows: copy.length, err: { name: err.name, message: err.message } }, 'enqueue after a sweep batch failed; the re-enqueue at the end of the sweep offers these rows again'),
        ),
    );
  }

  /** Never rejects: a failed early enqueue only means the final re-enqueue offers those rows. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }
}

async function sweepPhase(deps: SweepDeps, phase: ClockPhase, now: Date, early: EarlyEnqueue): Promise<{ done: number; failed: number }> {
  const limit = deps.batchSize ?? 500;
  const failed: number[] = [];
  let done = 0;
  for (;;) {
    const batch = await sweepBatch(deps, phase, now, failed, limit);
    early.offer(batch.outboxIds);
    done += batch.done;
    failed.push(...batch.failedIds);
    if (batch.seen < limit) break;
  }
  return { done, failed: failed.length };
}

/**
 * Offers every pending outbox row whose time has come to the delivery queue. Job ids are
 * `outbox-<id>`, so rows already queued collapse; this is what makes a Redis flush lose nothing.
 * Urgent rows (priority > 0, an emergency's numbers) are offered first and `urgent`, i.e. to the head
 * of the queue, ahead of other chats' waiting messages; newest first, so the oldest ends up at the
 * very head. Keyset paging over (not_before, id) follows the outbox_pending index.
 */
export async function requeueDueOutbox(
  pool: Pool,
  now: Date,
  enqueue: (ids: number[], opts?: EnqueueOutboxOptions) => Promise<void>,
  batchSize = 1000,
  /** Rows already offered (by this sweep): passed over, not offered twice. */
  skip: ReadonlySet<number> = new Set(),
): Promise<number> {
  let total = 0;
  for (const urgent of [true, false]) {
    const [cmp, dir] = urgent ? ['<', 'DESC'] : ['>', 'ASC'];
    const due = `status = 'pending' AND chat_id IS NOT NULL AND not_before <= $1 AND priority ${urgent ? '> 0' : '<= 0'}`;
    let after: { nb: Date; id: number } | undefined;
    for (;;) {
      const rows = (
        await txQuery<{ id: number; not_before: Date }>(
          pool,
          `SELECT id, not_before FROM outbox WHERE ${due}${after ? ` AND (not_before, id) ${cmp} ($3, $4)` : ''}
           ORDER BY not_before ${dir}, id ${dir} LIMIT $2`,
          after ? [now, batchSize, after.nb, after.id] : [now, batchSize],
        )
      ).rows;
      const ids = rows.map((r) => r.id).filter((id) => !skip.has(id));
      if (ids.length) await (urgent ? enqueue(ids, { urgent: true }) : enqueue(ids));
      total += ids.length;
      if (rows.length < batchSize) break;
      const last = rows[rows.length - 1]!;
      after = { nb: last.not_before, id: last.id };
    }
  }
  return total;
}

/**
 * One full sweep: escalations first (so an already-overdue clock is escalated, not reminded),
 * then reminders, then the outbox re-enqueue. Rows a batch handler reports writing are enqueued as
 * soon as their batch commits; the re-enqueue picks up every other pending due row (and any whose
 * early enqueue failed). Safe to run twice or concurrently: each clock effect happens once.
 */
export async function runSweep(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const started = performance.now();
  const early = new EarlyEnqueue(deps.enqueue, deps.logger);
  let overdue: { done: number; failed: number };
  let remind: { done: number; failed: number };
  try {
    overdue = await sweepPhase(deps, 'overdue', now, early);
    remind = await sweepPhase(deps, 'remind', now, early);
  } finally {
    // Also on failure: no enqueue is left running past the sweep.
    await early.settle();
  }
  const requeued = early.offered.size + (await requeueDueOutbox(deps.pool, now, deps.enqueue, undefined, early.offered));
  const result: SweepResult = { reminded: remind.done, escalated: overdue.done, requeued, failed: overdue.failed + remind.failed };
  deps.logger.info({ ...result, ms: Math.round(performance.now() - started) }, 'deadline sweep done');
  return result;
}
