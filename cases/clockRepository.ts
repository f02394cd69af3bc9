import type { Queryable } from '../db/pool.js';
import type { ClockSpec } from './statutory.js';
import type { ClockKind } from './types.js';
import type { Row } from './rows.js';

/** Why a clock stopped: only `met` counts towards the on-time rate. */
export type ClockStopReason = 'met' | 'cancelled' | 'superseded' | 'fired';

export interface ClockRecord {
  id: number;
  caseId: number;
  kind: ClockKind;
  article: string | null;
  startsAt: Date;
  dueAt: Date;
  remindAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  stoppedAt: Date | null;
  stopReason: ClockStopReason | null;
  extendedAt: Date | null;
  extensionReason: string | null;
}

const toClock = (r: Row): ClockRecord => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  article: r.article,
  startsAt: r.starts_at,
  dueAt: r.due_at,
  remindAt: r.remind_at,
  remindedAt: r.reminded_at,
  escalatedAt: r.escalated_at,
  stoppedAt: r.stopped_at,
  stopReason: r.stop_reason,
  extendedAt: r.extended_at,
  extensionReason: r.extension_reason,
});

/** Starts a clock; a running clock of the same kind is superseded (one running per case and kind). */
export async function startClock(q: Queryable, caseId: number, spec: ClockSpec, now: Date, opts: { newCase?: boolean } = {}): Promise<ClockRecord> {
  // A case inserted in this same transaction has no clock to supersede: one round trip saved.
  if (!opts.newCase) await stopClocks(q, caseId, [spec.kind], now, 'superseded');
  const res = await q.query(
    `INSERT INTO clocks (case_id, kind, article, starts_at, due_at, remind_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [caseId, spec.kind, spec.article, spec.startsAt, spec.dueAt, spec.remindAt, now],
  );
  return toClock(res.rows[0]!);
}

/** Stops the running clocks of `kinds` (all running clocks when kinds is 'all'); returns how many stopped. */
export async function stopClocks(q: Queryable, caseId: number, kinds: ClockKind[] | 'all', now: Date, reason: ClockStopReason): Promise<number> {
  const res =
    kinds === 'all'
      ? await q.query('UPDATE clocks SET stopped_at = $2, stop_reason = $3 WHERE case_id = $1 AND stopped_at IS NULL', [caseId, now, reason])
      : await q.query(
          'UPDATE clocks SET stopped_at = $2, stop_reason = $3 WHERE case_id = $1 AND stopped_at IS NULL AND kind = ANY($4::text[])',
          [caseId, now, reason, kinds],
        );
  return res.rowCount ?? 0;
}

/**
 * stopClocks for many (case, kind) pairs in one statement: the deadline sweeper stops the clocks of a whole
 * batch at once. Each pair names at most one running clock (clocks_one_running), which it stops with its
 * reason; returns how many stopped.
 */
export async function stopClocksMany(
  q: Queryable,
  stops: readonly { caseId: number; kind: ClockKind; reason: ClockStopReason }[],
  now: Date,
): Promise<number> {
  if (!stops.length) return 0;
  const res = await q.query(
    `UPDATE clocks k SET stopped_at = $4, stop_reason = s.reason
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS s(case_id, kind, reason)
     WHERE k.case_id = s.case_id AND k.kind = s.kind AND k.stopped_at IS NULL`,
    [stops.map((s) => s.caseId), stops.map((s) => s.kind), stops.map((s) => s.reason), now],
  );
  return res.rowCount ?? 0;
}

export async function runningClock(q: Queryable, caseId: number, kind: ClockKind): Promise<ClockRecord | null> {
  const res = await q.query('SELECT * FROM clocks WHERE case_id = $1 AND kind = $2 AND stopped_at IS NULL', [caseId, kind]);
  return res.rows[0] ? toClock(res.rows[0]) : null;
}

export async function clockById(q: Queryable, id: number): Promise<ClockRecord | null> {
  const res = await q.query('SELECT * FROM clocks WHERE id = $1', [id]);
  return res.rows[0] ? toClock(res.rows[0]) : null;
}

export async function clocksForCase(q: Queryable, caseId: number): Promise<ClockRecord[]> {
  const res = await q.query('SELECT * FROM clocks WHERE case_id = $1 ORDER BY id', [caseId]);
  return res.rows.map(toClock);
}

/** Moves a running clock's deadline (Art. 34 extension); the reminder and escalation may fire again. */
export async function extendClock(q: Queryable, id: number, spec: ClockSpec, reason: string, now: Date): Promise<ClockRecord> {
  const res = await q.query(
    `UPDATE clocks SET due_at = $2, remind_at = $3, extended_at = $4, extension_reason = $5, reminded_at = NULL, escalated_at = NULL
     WHERE id = $1 RETURNING *`,
    [id, spec.dueAt, spec.remindAt, now, reason],
  );
  return toClock(res.rows[0]!);
}
