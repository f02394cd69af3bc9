import type { Logger } from '../kernel/logger.js';
import type { Queryable, TxClient } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import { residentFrom, type CaseEventRecord, type CaseRecord, type ResidentRecord, type SatisfactionRecord } from './caseRepository.js';
import { stopClocksMany, type ClockRecord, type ClockStopReason } from './clockRepository.js';
import { outboxRowsFor, type Outgoing } from './delivery.js';
import { CLOCK_LABELS_ZH, msg, SURVEY_ACTIONS } from './messages.js';
import { insertOutboxRows, type OutboxRow } from './outboxRepository.js';
import { shanghaiDateTime } from './refs.js';
import { canApply, transition } from './stateMachine.js';
import { HANDLER_HELD_STATUSES, type CaseStatus, type ClockKind } from './types.js';
import { columnsOf, type Row } from './rows.js';

/** A clock the workers' sweeper found due; workers/sweeper.ts uses this type too. */
export interface DueClock {
  id: number;
  caseId: number;
  kind: ClockKind;
  dueAt: Date;
  remindAt: Date | null;
  article: string | null;
}
export type ClockPhase = 'remind' | 'overdue';

/** One due clock's effects, and (`handleBatch`) a whole batch's, in the caller's transaction. */
export type ClockHandlerFn = ((tx: TxClient, clock: DueClock, phase: ClockPhase, now: Date) => Promise<void>) & {
  /** Returns the ids of the outbox rows it wrote, so the sweeper can enqueue them as soon as it commits. */
  handleBatch: (tx: TxClient, clocks: readonly DueClock[], phase: ClockPhase, now: Date) => Promise<{ outboxIds: number[] }>;
};

export const SWEEPER_ACTOR_ID = 'deadline-sweeper';

/** The resident's own windows (复查/复核): nobody is chased when they run out. */
const RESIDENT_WINDOWS: ClockKind[] = ['review_request_window', 'recheck_request_window'];

type Ctx = { directory: Directory; officeChatId: number | null; logger?: Logger };

// ---------------------------------------------------------------------------------------------------
// What the batch reads: every due clock with its case (locked), resident, latest survey round and the
// escalations already recorded for the case.

/** The columns of a case a due clock reads or changes (not the texts: they can be long and are not needed). */
type SweptCase = Pick<CaseRecord, 'id' | 'ref' | 'residentId' | 'status' | 'handlerKind' | 'handlerId' | 'urgent' | 'language' | 'version' | 'closedAt'>;
type SweptClock = Pick<ClockRecord, 'id' | 'caseId' | 'kind' | 'article' | 'dueAt' | 'stoppedAt' | 'stopReason'>;

interface CaseState {
  c: SweptCase;
  /** The version read under the row lock: the guard of the one UPDATE that writes the final state. */
  lockedVersion: number;
  changed: boolean;
  resident: ResidentRecord | null;
  round: SatisfactionRecord | null;
  /** `data` of the case's clock_overdue events: the "escalate once per clock and due time" guard. */
  overdueEvents: Record<string, unknown>[];
}

interface Snapshot {
  clocks: Map<number, SweptClock>;
  cases: Map<number, CaseState>;
}


/*
 * Cases are locked by a statement of their own, in id order, before anything is read: two sweeps
 * whose batches share cases then lock them in the same order (no deadlock), and the read that follows
 * runs on a fresh snapshot, so it sees whatever a command that held a case lock committed before we
 * got it (a SELECT … FOR UPDATE re-reads the locked row, but not the other tables in its joins).
 * A clock's case never changes, so the DueClock's caseId is the one to lock.
 */
const LOCK_CASES = `SELECT id FROM cases WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`;

const READ_SNAPSHOT = `
  SELECT c.id, c.ref, c.resident_id, c.status, c.handler_kind, c.handler_id, c.urgent, c.language, c.version, c.closed_at,
    k.id AS k_id, k.case_id AS k_case_id, k.kind AS k_kind, k.article AS k_article, k.due_at AS k_due_at,
    k.stopped_at AS k_stopped_at, k.stop_reason AS k_stop_reason,
    r.id AS r_id, r.channel AS r_channel, r.external_id AS r_external_id, r.chat_id AS r_chat_id, r.language AS r_language,
    s.id AS s_id, s.round AS s_round, s.rating AS s_rating, s.comment AS s_comment, s.asked_at AS s_asked_at,
    s.answered_at AS s_answered_at,
    CASE WHEN $2 THEN (SELECT coalesce(jsonb_agg(e.data ORDER BY e.id), '[]'::jsonb) FROM case_events e
      WHERE e.case_id = c.id AND e.type = 'clock_overdue') END AS overdue_events
  FROM clocks k
  JOIN cases c ON c.id = k.case_id
  LEFT JOIN residents r ON r.id = c.resident_id AND k.kind IN ('survey_reminder', 'survey_close')
  LEFT JOIN LATERAL (SELECT * FROM satisfaction WHERE case_id = c.id ORDER BY round DESC LIMIT 1) s
    ON k.kind IN ('survey_reminder', 'survey_close')
  WHERE k.id = ANY($1::bigint[])`;

const roundFrom = (r: Row): SatisfactionRecord => ({
  id: r.s_id,
  caseId: r.id,
  round: r.s_round,
  rating: r.s_rating,
  comment: r.s_comment,
  askedAt: r.s_asked_at,
  answeredAt: r.s_answered_at,
});

/**
 * Only what the phase needs is read: escalations already recorded (overdue phase), and the resident and
 * the latest survey round (survey clocks, the only ones that write to the resident or read the survey).
 */
async function readSnapshot(tx: Queryable, clocks: readonly DueClock[], phase: ClockPhase): Promise<Snapshot> {
  await tx.query(LOCK_CASES, [[...new Set(clocks.map((k) => k.caseId))]]);
  const rows = (await tx.query(READ_SNAPSHOT, [[...new Set(clocks.map((k) => k.id))], phase === 'overdue'])).rows as Row[];
  const snap: Snapshot = { clocks: new Map(), cases: new Map() };
  for (const r of rows) {
    snap.clocks.set(r.k_id, {
      id: r.k_id,
      caseId: r.k_case_id,
      kind: r.k_kind,
      article: r.k_article,
      dueAt: r.k_due_at,
      stoppedAt: r.k_stopped_at,
      stopReason: r.k_stop_reason,
    });
    const known = snap.cases.get(r.id);
    if (known) {
      // Resident and survey round come only with a survey clock's row; keep them whichever row comes first.
      if (r.r_id !== null && !known.resident) known.resident = residentFrom(r, 'r_');
      if (r.s_id !== null && !known.round) known.round = roundFrom(r);
      continue;
    }
    const c: SweptCase = {
      id: r.id,
      ref: r.ref,
      residentId: r.resident_id,
      status: r.status,
      handlerKind: r.handler_kind,
      handlerId: r.handler_id,
      urgent: r.urgent,
      language: r.language,
      version: r.version,
      closedAt: r.closed_at,
    };
    snap.cases.set(c.id, {
      c,
      lockedVersion: c.version,
      changed: false,
      resident: r.r_id === null ? null : residentFrom(r, 'r_'),
      round: r.s_id === null ? null : roundFrom(r),
      overdueEvents: r.overdue_events ?? [],
    });
  }
  return snap;
}

// ---------------------------------------------------------------------------------------------------
// What the batch writes. Clocks are planned one after the other against the in-memory snapshot, which
// each planned effect updates (case status and version, survey answer, stopped clocks), so a clock sees
// exactly what it would have seen had the clocks before it been written one by one. Then every kind of
// effect is written with one set-based statement.

type NewEvent = Omit<CaseEventRecord, 'id'>;

class Effects {
  readonly outbox: OutboxRow[] = [];
  readonly events: NewEvent[] = [];
  readonly surveyAnswers: number[] = [];
  /** (case, kind) → reason; the first stop wins, as with stops run in order (the clock is no longer running). */
  readonly stops = new Map<string, { caseId: number; kind: ClockKind; reason: ClockStopReason }>();

  constructor(
    private readonly snap: Snapshot,
    private readonly now: Date,
  ) {}

  updateCase(s: CaseState, status: CaseStatus, patch: { urgent?: boolean; closedAt?: Date }): SweptCase {
    s.c = { ...s.c, ...patch, status, version: s.c.version + 1 };
    s.changed = true;
    return s.c;
  }

  stopClocks(caseId: number, kinds: ClockKind[], reason: ClockStopReason): void {
    for (const kind of kinds) {
      const key = `${caseId}|${kind}`;
      if (!this.stops.has(key)) this.stops.set(key, { caseId, kind, reason });
    }
    // A later clock of this batch that was just stopped must see it stopped.
    for (const k of this.snap.clocks.values()) {
      if (k.caseId === caseId && kinds.includes(k.kind) && !k.stoppedAt) Object.assign(k, { stoppedAt: this.now, stopReason: reason });
    }
  }

  /** Writes everything planned; returns the ids of the outbox rows written. */
  async write(tx: Queryable): Promise<number[]> {
    const changed = [...this.snap.cases.values()].filter((s) => s.changed);
    if (changed.length) {
      // The final state of each case, guarded on the version read under its row lock (as updateCase is).
      const res = await tx.query(
        `UPDATE cases c SET status = u.status, version = u.version, urgent = u.urgent, closed_at = u.closed_at, updated_at = $7
         FROM unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::boolean[], $6::timestamptz[])
           AS u(id, locked_version, status, version, urgent, closed_at)
         WHERE c.id = u.id AND c.version = u.locked_version`,
        [
          changed.map((s) => s.c.id),
          changed.map((s) => s.lockedVersion),
          changed.map((s) => s.c.status),
          changed.map((s) => s.c.version),
          changed.map((s) => s.c.urgent),
          changed.map((s) => s.c.closedAt),
          this.now,
        ],
      );
      if ((res.rowCount ?? 0) !== changed.length) throw new Error('a case changed under its row lock');
    }
    if (this.surveyAnswers.length) {
      await tx.query(
        `UPDATE satisfaction SET rating = 'no_answer', comment = NULL, answered_at = $2 WHERE id = ANY($1::bigint[]) AND answered_at IS NULL`,
        [this.surveyAnswers, this.now],
      );
    }
    if (this.stops.size) await stopClocksMany(tx, [...this.stops.values()], this.now);
    if (this.events.length) {
      const e = this.events;
      await tx.query(
        `INSERT INTO case_events (case_id, at, actor_kind, actor_id, type, from_status, to_status, data)
         SELECT e.case_id, e.at, e.actor_kind, e.actor_id, e.type, e.from_status, e.to_status, e.data::jsonb
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           WITH ORDINALITY AS e(case_id, at, actor_kind, actor_id, type, from_status, to_status, data, ord)
         ORDER BY e.ord`,
        columnsOf(e, [(x) => x.caseId, (x) => x.at, (x) => x.actorKind, (x) => x.actorId, (x) => x.type, (x) => x.fromStatus, (x) => x.toStatus, (x) => JSON.stringify(x.data)]),
      );
    }
    return insertOutboxRows(tx, this.outbox);
  }
}

/** What one due clock does, against the snapshot; effects are collected, not written. */
function planClock(ctx: Ctx, snap: Snapshot, fx: Effects, due: DueClock, phase: ClockPhase, now: Date): void {
  const clock = snap.clocks.get(due.id);
  if (!clock || clock.stoppedAt) return;
  const s = snap.cases.get(clock.caseId);
  if (!s) return;
  const c = s.c;
  const prefix = `clock:${clock.id}:${phase}:${clock.dueAt.getTime()}`;
  const deliver = (to: SweptCase, resident: ResidentRecord | null, out: Outgoing[]) =>
    fx.outbox.push(...outboxRowsFor(ctx, to, resident, out, prefix, now));

  if (clock.kind === 'survey_reminder' || clock.kind === 'survey_close') {
    if (phase !== 'overdue') return;
    const round = s.round;
    const waiting = c.status === 'resolved' && round !== null && round.answeredAt === null;
    if (!waiting) {
      fx.stopClocks(c.id, [clock.kind], 'cancelled');
      return;
    }
    if (clock.kind === 'survey_reminder') {
      deliver(c, s.resident, [{ to: { kind: 'resident' }, message: msg('cases.resident.survey_reminder', { ref: c.ref }, SURVEY_ACTIONS) }]);
      fx.stopClocks(c.id, ['survey_reminder'], 'fired');
      return;
    }
    fx.surveyAnswers.push(round.id);
    s.round = { ...round, rating: 'no_answer', comment: null, answeredAt: now };
    const to = transition(c.status, 'survey_timeout', c.ref);
    const updated = fx.updateCase(s, to, { closedAt: now });
    fx.events.push({
      caseId: c.id,
      at: now,
      actorKind: 'system',
      actorId: SWEEPER_ACTOR_ID,
      type: 'survey_timeout',
      fromStatus: c.status,
      toStatus: to,
      data: { clockId: clock.id, round: round.round },
    });
    fx.stopClocks(c.id, ['survey_reminder', 'survey_close'], 'fired');
    deliver(updated, s.resident, [{ to: { kind: 'resident' }, message: msg('cases.resident.survey_closed', { ref: c.ref }) }]);
    return;
  }

  if (RESIDENT_WINDOWS.includes(clock.kind)) return;
  if (!canApply(c.status, 'escalate')) return; // finished cases are not chased

  const params = {
    ref: c.ref,
    clock: CLOCK_LABELS_ZH[clock.kind] ?? clock.kind,
    dueDate: shanghaiDateTime(clock.dueAt),
    article: clock.article ?? '—',
  };
  const handlerHolds = (HANDLER_HELD_STATUSES as readonly CaseStatus[]).includes(c.status) && c.handlerKind && c.handlerId;
  const recipients = (key: 'cases.staff.clock_reminder' | 'cases.staff.clock_overdue'): Outgoing[] => {
    const out: Outgoing[] = [{ to: { kind: 'office' }, message: msg(key, params) }];
    if (handlerHolds) out.unshift({ to: { kind: 'handler', handlerKind: c.handlerKind!, handlerId: c.handlerId! }, message: msg(key, params) });
    return out;
  };

  if (phase === 'remind') {
    deliver(c, null, recipients('cases.staff.clock_reminder'));
    return;
  }

  // Overdue: escalate once per clock and due time (an Art. 34 extension moves the due time and re-arms it).
  // The same test as `data @> {clockId, dueAt}` on the case's clock_overdue events.
  const dueIso = clock.dueAt.toISOString();
  if (s.overdueEvents.some((d) => d.clockId === clock.id && d.dueAt === dueIso)) return;
  const updated = fx.updateCase(s, c.status, { urgent: true });
  const data = { clockId: clock.id, kind: clock.kind, dueAt: dueIso, article: clock.article };
  s.overdueEvents.push(data);
  fx.events.push({
    caseId: c.id,
    at: now,
    actorKind: 'system',
    actorId: SWEEPER_ACTOR_ID,
    type: 'clock_overdue',
    fromStatus: c.status,
    toStatus: c.status,
    data,
  });
  deliver(updated, null, recipients('cases.staff.clock_overdue'));
}

/**
 * What happens when a clock is due. Runs inside the sweeper's transaction (it marks reminded_at/escalated_at);
 * this only does the effects. Every effect is guarded on current state and every outbox row has a dedupe key
 * derived from the clock, its phase and its due time, so running it twice with the same inputs changes nothing.
 *
 * `handleBatch` does a whole batch in a constant number of statements (lock the cases, read, then one write
 * per kind of effect), whatever the batch size: on embedded PGlite each statement is a socket round trip
 * through one single-threaded session, and one clock at a time cost four to seven of them. Calling the
 * handler with one clock runs the same code with a batch of one.
 */
export function createClockHandler(deps: {
  directory: Directory;
  settings: { officeChatId: number | null };
  logger?: Logger;
}): ClockHandlerFn {
  const ctx: Ctx = { directory: deps.directory, officeChatId: deps.settings.officeChatId, logger: deps.logger };

  const handleBatch = async (tx: TxClient, clocks: readonly DueClock[], phase: ClockPhase, now: Date): Promise<{ outboxIds: number[] }> => {
    if (!clocks.length) return { outboxIds: [] };
    const snap = await readSnapshot(tx, clocks, phase);
    const fx = new Effects(snap, now);
    // In the given order (the sweeper's: by due time), as if the clocks were handled one after the other.
    for (const due of clocks) planClock(ctx, snap, fx, due, phase, now);
    return { outboxIds: await fx.write(tx) };
  };
  const handle = async (tx: TxClient, clock: DueClock, phase: ClockPhase, now: Date): Promise<void> => {
    await handleBatch(tx, [clock], phase, now);
  };
  return Object.assign(handle, { handleBatch });
}
