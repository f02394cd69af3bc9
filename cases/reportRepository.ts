import type { Queryable } from '../db/pool.js';
import { caseFromRow, type CaseRecord } from './caseRepository.js';
import type { CaseStatus, ClockKind, HandlerKind } from './types.js';

/* Read-side SQL: the office queue, overdue clocks, statistics and handler load. */

export interface OverdueClock {
  clockId: number;
  caseId: number;
  ref: string;
  status: CaseStatus;
  kind: ClockKind;
  article: string | null;
  dueAt: Date;
  handlerKind: HandlerKind | null;
  handlerId: string | null;
  urgent: boolean;
}

/** The open referral of `ref` to this handler, if any. */
export async function openReferralTo(
  q: Queryable,
  ref: string,
  handlerKind: HandlerKind,
  handlerId: string,
): Promise<{ caseId: number; referralId: number; referralStatus: string } | null> {
  const res = await q.query(
    `SELECT c.id AS case_id, r.id AS referral_id, r.status FROM cases c
     JOIN referrals r ON r.case_id = c.id AND r.status IN ('pending', 'accepted')
     WHERE c.ref = $1 AND r.handler_kind = $2 AND r.handler_id = $3`,
    [ref, handlerKind, handlerId],
  );
  const row = res.rows[0];
  return row ? { caseId: row.case_id, referralId: row.referral_id, referralStatus: row.status } : null;
}

export async function queue(
  q: Queryable,
  f: { statuses: CaseStatus[]; category?: string; target?: string; urgentOnly?: boolean; limit: number },
): Promise<CaseRecord[]> {
  const values: unknown[] = [f.statuses];
  const where = ['status = ANY($1::text[])'];
  if (f.category) where.push(`category = $${values.push(f.category)}`);
  if (f.target) where.push(`target = $${values.push(f.target)}`);
  if (f.urgentOnly) where.push('urgent');
  values.push(f.limit);
  const res = await q.query(
    `SELECT * FROM cases WHERE ${where.join(' AND ')} ORDER BY urgent DESC, received_at, id LIMIT $${values.length}`,
    values,
  );
  return res.rows.map(caseFromRow);
}

export async function overdueClocks(q: Queryable, now: Date, kinds: ClockKind[]): Promise<OverdueClock[]> {
  const res = await q.query(
    `SELECT k.id AS clock_id, k.case_id, c.ref, c.status, k.kind, k.article, k.due_at, c.handler_kind, c.handler_id, c.urgent
     FROM clocks k JOIN cases c ON c.id = k.case_id
     WHERE k.stopped_at IS NULL AND k.due_at < $1 AND k.kind = ANY($2::text[])
     ORDER BY k.due_at, k.id`,
    [now, kinds],
  );
  return res.rows.map((r) => ({
    clockId: r.clock_id,
    caseId: r.case_id,
    ref: r.ref,
    status: r.status,
    kind: r.kind,
    article: r.article,
    dueAt: r.due_at,
    handlerKind: r.handler_kind,
    handlerId: r.handler_id,
    urgent: r.urgent,
  }));
}

const IN_RANGE = 'c.received_at >= $1 AND c.received_at < $2';
const GROUP_COLUMNS = { category: 'c.category', target: 'c.target', status: 'c.status' } as const;

/** Cases received in [from, to) counted by one column; a null value counts as 'none'. */
export async function countCasesBy(q: Queryable, by: keyof typeof GROUP_COLUMNS, from: Date, to: Date): Promise<Record<string, number>> {
  const res = await q.query(`SELECT ${GROUP_COLUMNS[by]} AS k, count(*)::int AS n FROM cases c WHERE ${IN_RANGE} GROUP BY 1`, [from, to]);
  return Object.fromEntries(res.rows.map((r) => [r.k ?? 'none', r.n]));
}

/** Per clock kind: met on time, and late (met late, or still running past its due time at `now`). */
export async function clockPunctuality(
  q: Queryable,
  from: Date,
  to: Date,
  now: Date,
  kinds: ClockKind[],
): Promise<Record<string, { met: number; late: number }>> {
  const res = await q.query(
    `SELECT k.kind,
       count(*) FILTER (WHERE k.stop_reason = 'met' AND k.stopped_at <= k.due_at)::int AS met,
       count(*) FILTER (WHERE (k.stop_reason = 'met' AND k.stopped_at > k.due_at) OR (k.stopped_at IS NULL AND k.due_at < $3))::int AS late
     FROM clocks k JOIN cases c ON c.id = k.case_id
     WHERE ${IN_RANGE} AND k.kind = ANY($4::text[]) GROUP BY k.kind`,
    [from, to, now, kinds],
  );
  return Object.fromEntries(res.rows.map((r) => [r.kind, { met: r.met, late: r.late }]));
}

/** Answered survey rounds by rating, for cases received in [from, to). */
export async function ratingCounts(q: Queryable, from: Date, to: Date): Promise<Record<string, number>> {
  const res = await q.query(
    `SELECT s.rating, count(*)::int AS n FROM satisfaction s JOIN cases c ON c.id = s.case_id
     WHERE ${IN_RANGE} AND s.rating IS NOT NULL GROUP BY s.rating`,
    [from, to],
  );
  return Object.fromEntries(res.rows.map((r) => [r.rating, r.n]));
}

/** Cases per handler id in the given statuses. */
export async function loadByHandler(q: Queryable, statuses: readonly CaseStatus[]): Promise<Record<string, number>> {
  const res = await q.query(
    `SELECT handler_id, count(*)::int AS n FROM cases WHERE status = ANY($1::text[]) AND handler_id IS NOT NULL GROUP BY handler_id`,
    [statuses],
  );
  return Object.fromEntries(res.rows.map((r) => [r.handler_id, r.n]));
}
