import type { MessageParam } from '../kernel/language.js';
import type { Queryable } from '../db/pool.js';
import { caseListFields, type CaseListFields } from './caseRepository.js';
import type { CaseStatus, ClockKind, HandlerKind, ReferralStatus } from './types.js';
import type { Row } from './rows.js';


/* Read-side SQL: the queue (the one case list of the office, handlers and the console), overdue clocks, statistics, trends and handler load. */

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

export interface OutboxLine {
  id: number;
  chatKind: 'private' | 'group';
  language: string;
  message: { key: string; params?: Record<string, MessageParam> };
  status: 'pending' | 'sent' | 'failed' | 'cancelled';
  createdAt: Date;
  sentAt: Date | null;
}

/** Messages written for a case (out to the resident, the office or a handler), oldest first. */
export async function outboxForCase(q: Queryable, caseId: number): Promise<OutboxLine[]> {
  const res = await q.query(
    'SELECT id, chat_kind, language, message, status, created_at, sent_at FROM outbox WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  return res.rows.map((r) => ({
    id: r.id,
    chatKind: r.chat_kind,
    language: r.language,
    message: r.message,
    status: r.status,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

/** A queue row: the columns a list shows, plus the earliest running obligation clock. */
export interface QueueRow extends CaseListFields {
  confidence: number | null;
  dueAt: Date | null;
  dueKind: string | null;
  dueArticle: string | null;
  /** The answer of the case's latest referral (null: never referred): why no clock runs (cases/cardLabels.ts). */
  lastReferral: ReferralStatus | null;
}

export interface QueueQuery {
  statuses: readonly CaseStatus[];
  category?: string;
  target?: string;
  urgentOnly?: boolean;
  /** Only cases whose earliest running obligation clock is due before this time. */
  dueBefore?: Date;
  /** Only cases with no running obligation clock. */
  noDeadline?: boolean;
  sort: 'oldest' | 'urgent';
  obligationKinds: readonly string[];
  limit: number;
  offset: number;
  /** Only cases referred to this handler (pending, accepted or completed referral). */
  handler?: { kind: HandlerKind; id: string };
}

const QUEUE_COLUMNS = `c.id, c.ref, c.category, c.target, c.handler_kind, c.handler_id, c.status, c.urgent,
  (c.decision->>'confidence')::float8 AS confidence, c.version, c.received_at`;

const toQueueRow = (r: Row): QueueRow => ({
  ...caseListFields(r),
  confidence: r.confidence,
  dueAt: r.due_at ?? null,
  dueKind: r.due_kind ?? null,
  dueArticle: r.due_article ?? null,
  lastReferral: r.last_referral ?? null,
});

/**
 * One page of a case list and its total. Order and deadline filters use cases.next_due_at (indexed);
 * the clock's kind and article for the page's rows come from a LATERAL lookup on clocks_one_running.
 */
/** Counting stops here: an exact count of a 20k-case queue reads every row (tens of ms), a capped one reads ≤ this many. */
export const QUEUE_COUNT_CAP = 500;

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  capped: boolean;
  hasMore: boolean;
}

export async function queue(q: Queryable, f: QueueQuery): Promise<QueuePage> {
  const values: unknown[] = [f.statuses, f.obligationKinds];
  const where = ['c.status = ANY($1::text[])'];
  if (f.category) where.push(`c.category = $${values.push(f.category)}`);
  if (f.target) where.push(`c.target = $${values.push(f.target)}`);
  if (f.urgentOnly) where.push('c.urgent');
  if (f.handler) {
    where.push(`EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.handler_kind = $${values.push(f.handler.kind)}
      AND r.handler_id = $${values.push(f.handler.id)} AND r.status IN ('pending', 'accepted', 'completed'))`);
  }
  // cases.next_due_at is the earliest running obligation clock, kept by a trigger on clocks (migration
  // 20261124T0910): filtering and sorting on it reads the queue in index order.
  if (f.dueBefore) where.push(`c.next_due_at < $${values.push(f.dueBefore)}`);
  if (f.noDeadline) where.push('c.next_due_at IS NULL');
  const lateral = `LEFT JOIN LATERAL (
      SELECT due_at, kind AS due_kind, article AS due_article FROM clocks
      WHERE case_id = c.id AND stopped_at IS NULL AND kind = ANY($2::text[]) ORDER BY due_at LIMIT 1) k ON true
    LEFT JOIN LATERAL (SELECT status AS last_referral FROM referrals WHERE case_id = c.id ORDER BY id DESC LIMIT 1) rf ON true`;
  const order = f.sort === 'urgent' ? 'c.urgent DESC, c.next_due_at, c.received_at, c.id' : 'c.received_at, c.id';
  const countValues = [...values];
  // One row more than asked tells whether a next page exists without counting the whole queue.
  values.push(f.limit + 1, f.offset);
  const [page, count] = [
    // The page is chosen first and the clock looked up for its rows only, not for the rows an OFFSET skips.
    await q.query(
      `SELECT ${QUEUE_COLUMNS}, k.due_at, k.due_kind, k.due_article, rf.last_referral
       FROM (SELECT * FROM cases c WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${values.length - 1} OFFSET $${values.length}) c
       ${lateral} ORDER BY ${order}`,
      values,
    ),
    // $2 (the clock kinds) is unused by the count but keeps the parameter numbering of `where`.
    await q.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c WHERE ${where.join(' AND ')} AND $2::text[] IS NOT NULL LIMIT ${QUEUE_COUNT_CAP + 1}) t`,
      countValues,
    ),
  ];
  const n = count.rows[0]!.n as number;
  return {
    rows: page.rows.slice(0, f.limit).map(toQueueRow),
    total: Math.min(n, QUEUE_COUNT_CAP),
    capped: n > QUEUE_COUNT_CAP,
    hasMore: page.rows.length > f.limit,
  };
}

/** Whether `handler` has (or had, until it completed) a referral of this case: what a handler account may see. */
export async function caseVisibleToHandler(q: Queryable, caseId: number, kind: HandlerKind, id: string): Promise<boolean> {
  const res = await q.query(
    `SELECT 1 FROM referrals WHERE case_id = $1 AND handler_kind = $2 AND handler_id = $3 AND status IN ('pending', 'accepted', 'completed') LIMIT 1`,
    [caseId, kind, id],
  );
  return res.rows.length > 0;
}

/** Referrals to organizations created in [from, to), by organization and answer. */
export async function referralAnswers(q: Queryable, from: Date, to: Date): Promise<Array<{ handlerId: string; status: ReferralStatus; n: number }>> {
  const res = await q.query(
    `SELECT handler_id, status, count(*)::int AS n FROM referrals
     WHERE handler_kind = 'organization' AND created_at >= $1 AND created_at < $2 GROUP BY 1, 2`,
    [from, to],
  );
  return res.rows.map((r) => ({ handlerId: r.handler_id, status: r.status, n: r.n }));
}

export interface TrendRow {
  bucket: string;
  received: number;
  resolved: number;
  answered: number;
  satisfied: number;
}

/** Per Shanghai day or ISO week in [from, to): cases received, cases resolved, survey answers and positive ones. */
export async function trendRows(q: Queryable, from: Date, to: Date, bucket: 'day' | 'week'): Promise<TrendRow[]> {
  const b = (col: string) => `to_char(date_trunc('${bucket}', ${col} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;
  const res = await q.query(
    `WITH r AS (SELECT ${b('received_at')} AS k, count(*)::int AS n FROM cases WHERE received_at >= $1 AND received_at < $2 GROUP BY 1),
          s AS (SELECT ${b('resolved_at')} AS k, count(*)::int AS n FROM cases WHERE resolved_at >= $1 AND resolved_at < $2 GROUP BY 1),
          a AS (SELECT ${b('answered_at')} AS k,
                  count(*) FILTER (WHERE rating IN ('satisfied', 'basically_satisfied', 'dissatisfied'))::int AS answered,
                  count(*) FILTER (WHERE rating IN ('satisfied', 'basically_satisfied'))::int AS satisfied
                FROM satisfaction WHERE answered_at >= $1 AND answered_at < $2 GROUP BY 1)
     SELECT k, coalesce(r.n, 0) AS received, coalesce(s.n, 0) AS resolved, coalesce(a.answered, 0) AS answered, coalesce(a.satisfied, 0) AS satisfied
     FROM r FULL JOIN s USING (k) FULL JOIN a USING (k) ORDER BY k`,
    [from, to],
  );
  return res.rows.map((r) => ({ bucket: r.k, received: r.received, resolved: r.resolved, answered: r.answered, satisfied: r.satisfied }));
}
