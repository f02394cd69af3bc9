import type { Clock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import type { ClockKind } from '../cases/types.js';
import { withTransaction, type Pool, type TxClient } from '../db/pool.js';
import { txQuery } from './db.js';

/** Same shape as cases/deadlines.ts DueClock; declared here so workers/ does not import cases/. */
export interface DueClock {
  id: number;
  caseId: number;
  kind: ClockKind;
  dueAt: Date;
  remindAt: Date | null;
  article: string | null;
}
export type ClockPhase = 'remind' | 'overdue';
/** Does the effects of a due clock (outbox rows, audit events…) inside the sweep's transaction. */
export type ClockHandler = (tx: TxClient, clock: DueClock, phase: ClockPhase, now: Date) => Promise<void>;

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
  enqueue: (ids: number[]) => Promise<void>;
  batchSize?: number;
}

interface ClockRow {
  id: number;
  case_id: number;
  kind: ClockKind;
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

/**
 * One batch in one transaction: lock due clocks, run the handler for each, mark them. The fast path
 * runs the whole batch without savepoints; if any handler throws, the batch is rolled back and
 * redone with a savepoint per clock so one broken clock cannot hold back the rest.
 */
async function sweepBatch(
  deps: SweepDeps,
  phase: ClockPhase,
  now: Date,
  exclude: number[],
  limit: number,
): Promise<{ seen: number; done: number; failedIds: number[] }> {
  const run = (careful: boolean) =>
    withTransaction(deps.pool, async (tx) => {
      const rows = (await tx.query<ClockRow>(SELECT_DUE[phase], [now, exclude, limit])).rows;
      const doneIds: number[] = [];
      const failedIds: number[] = [];
      for (const row of rows) {
        const clock = toDueClock(row);
        if (!careful) {
          try {
            await deps.clockHandler(tx, clock, phase, now);
          } catch (err) {
            throw new HandlerFailed((err as Error).message);
          }
          doneIds.push(row.id);
          continue;
        }
        await tx.query('SAVEPOINT clock_effect');
        try {
          await deps.clockHandler(tx, clock, phase, now);
          await tx.query('RELEASE SAVEPOINT clock_effect');
          doneIds.push(row.id);
        } catch (err) {
          await tx.query('ROLLBACK TO SAVEPOINT clock_effect');
          failedIds.push(row.id);
          deps.logger.error(
            { clockId: row.id, caseId: row.case_id, kind: row.kind, phase, err: { name: (err as Error).name, message: (err as Error).message } },
            'clock handler failed; the clock stays due and is retried by the next sweep',
          );
        }
      }
      if (doneIds.length) await tx.query(MARK[phase], [doneIds, now]);
      return { seen: rows.length, done: doneIds.length, failedIds };
    });
  try {
    return await run(false);
  } catch (err) {
    if (!(err instanceof HandlerFailed)) throw err;
    return run(true);
  }
}

async function sweepPhase(deps: SweepDeps, phase: ClockPhase, now: Date): Promise<{ done: number; failed: number }> {
  const limit = deps.batchSize ?? 500;
  const failed: number[] = [];
  let done = 0;
  for (;;) {
    const batch = await sweepBatch(deps, phase, now, failed, limit);
    done += batch.done;
    failed.push(...batch.failedIds);
    if (batch.seen < limit) break;
  }
  return { done, failed: failed.length };
}

/**
 * Offers every pending outbox row whose time has come to the delivery queue. Job ids are
 * `outbox-<id>`, so rows already queued collapse; this is what makes a Redis flush lose nothing.
 * Keyset paging over (not_before, id) follows the outbox_pending index.
 */
export async function requeueDueOutbox(pool: Pool, now: Date, enqueue: (ids: number[]) => Promise<void>, batchSize = 1000): Promise<number> {
  let total = 0;
  let after: { nb: Date; id: number } | undefined;
  for (;;) {
    const rows = (
      await txQuery<{ id: number; not_before: Date }>(
        pool,
        after
          ? `SELECT id, not_before FROM outbox WHERE status = 'pending' AND not_before <= $1 AND (not_before, id) > ($3, $4)
             ORDER BY not_before, id LIMIT $2`
          : `SELECT id, not_before FROM outbox WHERE status = 'pending' AND not_before <= $1 ORDER BY not_before, id LIMIT $2`,
        after ? [now, batchSize, after.nb, after.id] : [now, batchSize],
      )
    ).rows;
    if (rows.length) await enqueue(rows.map((r) => r.id));
    total += rows.length;
    if (rows.length < batchSize) return total;
    const last = rows[rows.length - 1]!;
    after = { nb: last.not_before, id: last.id };
  }
}

/**
 * One full sweep: escalations first (so an already-overdue clock is escalated, not reminded),
 * then reminders, then the outbox re-enqueue, which also picks up the rows the handlers just wrote.
 * Safe to run twice or concurrently: each clock effect happens once.
 */
export async function runSweep(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const started = performance.now();
  const overdue = await sweepPhase(deps, 'overdue', now);
  const remind = await sweepPhase(deps, 'remind', now);
  const requeued = await requeueDueOutbox(deps.pool, now, deps.enqueue);
  const result: SweepResult = { reminded: remind.done, escalated: overdue.done, requeued, failed: overdue.failed + remind.failed };
  deps.logger.info({ ...result, ms: Math.round(performance.now() - started) }, 'deadline sweep done');
  return result;
}
