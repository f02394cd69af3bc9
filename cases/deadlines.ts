import type { Logger } from '../app/logger.js';
import type { TxClient } from '../db/pool.js';
import type { Directory } from '../knowledge/directory.js';
import * as repo from './caseRepository.js';
import { clockById, stopClocks } from './clockRepository.js';
import { deliver, type Outgoing } from './delivery.js';
import { CLOCK_LABELS_ZH, msg, SURVEY_ACTIONS } from './messages.js';
import { shanghaiDateTime } from './refs.js';
import { canApply, transition } from './stateMachine.js';
import { HANDLER_HELD_STATUSES, type CaseStatus, type ClockKind } from './types.js';

/** A clock the workers' sweeper found due (same shape as workers/sweeper.ts DueClock). */
export interface DueClock {
  id: number;
  caseId: number;
  kind: ClockKind;
  dueAt: Date;
  remindAt: Date | null;
  article: string | null;
}
export type ClockPhase = 'remind' | 'overdue';

export const SWEEPER_ACTOR_ID = 'deadline-sweeper';

/** The resident's own windows (复查/复核): nobody is chased when they run out. */
const RESIDENT_WINDOWS: ClockKind[] = ['review_request_window', 'recheck_request_window'];

/**
 * What happens when a clock is due. Runs inside the sweeper's transaction (it marks reminded_at/escalated_at);
 * this only does the effects. Every effect is guarded on current state and every outbox row has a dedupe key
 * derived from the clock, its phase and its due time, so running it twice with the same inputs changes nothing.
 */
export function createClockHandler(deps: {
  directory: Directory;
  settings: { officeChatId: number | null };
  logger?: Logger;
}): (tx: TxClient, clock: DueClock, phase: ClockPhase, now: Date) => Promise<void> {
  const ctx = { directory: deps.directory, officeChatId: deps.settings.officeChatId, logger: deps.logger };

  return async (tx, due, phase, now) => {
    const clock = await clockById(tx, due.id);
    if (!clock || clock.stoppedAt) return;
    const c = await repo.caseById(tx, clock.caseId, { forUpdate: true });
    if (!c) return;
    const prefix = `clock:${clock.id}:${phase}:${clock.dueAt.getTime()}`;

    if (clock.kind === 'survey_reminder' || clock.kind === 'survey_close') {
      if (phase !== 'overdue') return;
      const round = await repo.latestSurveyRound(tx, c.id);
      const waiting = c.status === 'resolved' && round !== null && round.answeredAt === null;
      if (!waiting) {
        await stopClocks(tx, c.id, [clock.kind], now, 'cancelled');
        return;
      }
      const resident = await repo.residentById(tx, c.residentId);
      if (clock.kind === 'survey_reminder') {
        await deliver(tx, ctx, c, resident, [{ to: { kind: 'resident' }, message: msg('cases.resident.survey_reminder', { ref: c.ref }, SURVEY_ACTIONS) }], prefix, now);
        await stopClocks(tx, c.id, ['survey_reminder'], now, 'fired');
        return;
      }
      await repo.answerSurvey(tx, round.id, 'no_answer', null, now);
      const to = transition(c.status, 'survey_timeout', c.ref);
      const updated = await repo.updateCase(tx, c, to, { closedAt: now }, now);
      await repo.insertEvent(tx, {
        caseId: c.id,
        at: now,
        actorKind: 'system',
        actorId: SWEEPER_ACTOR_ID,
        type: 'survey_timeout',
        fromStatus: c.status,
        toStatus: to,
        data: { clockId: clock.id, round: round.round },
      });
      await stopClocks(tx, c.id, ['survey_reminder', 'survey_close'], now, 'fired');
      await deliver(tx, ctx, updated, resident, [{ to: { kind: 'resident' }, message: msg('cases.resident.survey_closed', { ref: c.ref }) }], prefix, now);
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
      await deliver(tx, ctx, c, null, recipients('cases.staff.clock_reminder'), prefix, now);
      return;
    }

    // Overdue: escalate once per clock and due time (an Art. 34 extension moves the due time and re-arms it).
    if (await repo.hasEvent(tx, c.id, 'clock_overdue', { clockId: clock.id, dueAt: clock.dueAt.toISOString() })) return;
    const updated = await repo.updateCase(tx, c, c.status, { urgent: true }, now);
    await repo.insertEvent(tx, {
      caseId: c.id,
      at: now,
      actorKind: 'system',
      actorId: SWEEPER_ACTOR_ID,
      type: 'clock_overdue',
      fromStatus: c.status,
      toStatus: c.status,
      data: { clockId: clock.id, kind: clock.kind, dueAt: clock.dueAt.toISOString(), article: clock.article },
    });
    await deliver(tx, ctx, updated, null, recipients('cases.staff.clock_overdue'), prefix, now);
  };
}
