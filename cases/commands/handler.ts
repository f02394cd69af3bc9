import { z } from 'zod';
import { ValidationError } from '../../kernel/errors.js';
import { residentName, type Handler } from '../../directory/directory.js';
import { isServiceCode } from '../../kernel/taxonomy.js';
import type { CaseRecord } from '../caseRepository.js';
import type { Outgoing } from '../delivery.js';
import { staffName } from '../cardLabels.js';
import { msg, SURVEY_ACTIONS } from '../messages.js';
import { mayExtend } from '../policy.js';
import { shanghaiDay } from '../refs.js';
import { clockFor, extendResolveClock } from '../statutory.js';
import type { HandlerActor } from '../types.js';
import { parse, text } from '../validation.js';
import { handlerLoadOn, run, startSurvey, type CaseDeps, type CommandOptions } from './run.js';

/* What the department or organization holding a case does: accept, decline, report progress, extend, resolve. */

export async function handlerAccept(deps: CaseDeps, ref: string, actor: HandlerActor, opts: CommandOptions = {}): Promise<CaseRecord> {
  return run(deps, { ref, actor, opts, action: 'handler_accept', authorizeHandler: actor, body: async ({ tx, c, now, resident }) => {
    const referral = (await tx.cases.openReferral(c.id))!;
    await tx.cases.answerReferral(referral.id, 'accepted', now);
    const h = deps.directory.handler(referral.handlerKind, referral.handlerId)!;
    const res = await resident();
    const out: Outgoing[] = [{ to: { kind: 'office' }, message: msg('cases.staff.accepted', { ref: c.ref, handler: staffName(h) }) }];
    if (referral.handlerKind === 'department') {
      await tx.clocks.stop(c.id, ['forward_notify'], now, 'met');
      const clock = await tx.clocks.start(c.id, clockFor('resolve', now, deps.calendar, deps.clockSettings), now);
      out.unshift({
        to: { kind: 'resident' },
        message: msg('cases.resident.accepted', { ref: c.ref, handler: residentName(h, res.language), dueDate: shanghaiDay(clock.dueAt) }),
      });
    } else {
      await tx.clocks.stop(c.id, ['org_accept'], now, 'met');
      const clock = await tx.clocks.start(c.id, clockFor('org_first_contact', now, deps.calendar, deps.clockSettings), now);
      out.unshift({
        to: { kind: 'resident' },
        message: msg('cases.resident.accepted_org', { ref: c.ref, handler: residentName(h, res.language), dueDate: shanghaiDay(clock.dueAt) }),
      });
    }
    return { patch: { acceptedAt: now }, data: { referralId: referral.id, handlerKind: referral.handlerKind, handlerId: referral.handlerId }, out };
  } });
}

/** Back to the office, with the next organization with spare capacity proposed (never one that declined). */
export async function handlerDecline(deps: CaseDeps, ref: string, actor: HandlerActor, reason: string, opts: CommandOptions = {}): Promise<CaseRecord> {
  const why = parse(text('reason', 1000), reason, 'decline reason');
  return run(deps, { ref, actor, opts, action: 'handler_decline', authorizeHandler: actor, body: async ({ tx, c, now, resident }) => {
    const referral = (await tx.cases.openReferral(c.id))!;
    await tx.cases.answerReferral(referral.id, 'declined', now, why);
    await tx.clocks.stop(c.id, ['org_accept'], now, 'met');
    const declinedBy = deps.directory.handler(referral.handlerKind, referral.handlerId);
    let next: Handler | undefined;
    if (referral.handlerKind === 'organization' && isServiceCode(c.target)) {
      const declined = (await tx.cases.referrals(c.id)).filter((r) => r.status === 'declined').map((r) => r.handlerId);
      next = deps.directory.nextOrganization(c.target, declined, await handlerLoadOn(tx));
    }
    const nextId = next ? deps.directory.handlerId(next) : null;
    const res = await resident();
    return {
      patch: { handlerKind: next ? next.kind : null, handlerId: nextId },
      data: { referralId: referral.id, handlerKind: referral.handlerKind, handlerId: referral.handlerId, reason: why, proposed: nextId },
      out: [
        {
          to: { kind: 'office' },
          message: msg(
            'cases.staff.declined',
            {
              ref: c.ref,
              handler: declinedBy ? staffName(declinedBy) : referral.handlerId,
              reason: why,
              proposal: next ? staffName(next) : { key: referral.handlerKind === 'organization' ? 'cases.staff.proposal.no_org' : 'cases.staff.proposal.choose_department' },
            },
            next ? ['approve', 'reassign', 'not_accept'] : ['reassign', 'not_accept'],
          ),
        },
        { to: { kind: 'resident' }, message: msg('cases.resident.returned', { ref: c.ref, handler: declinedBy ? residentName(declinedBy, res.language) : referral.handlerId }) },
      ],
    };
  } });
}

export async function reportProgress(deps: CaseDeps, ref: string, actor: HandlerActor, note: string, opts: CommandOptions = {}): Promise<CaseRecord> {
  const n = parse(text('progress note', 2000), note, 'progress note');
  return run(deps, { ref, actor, opts, action: 'report_progress', authorizeHandler: actor, body: async ({ tx, c, now, resident }) => {
    // A progress report relayed to the resident is the organization's first contact.
    await tx.clocks.stop(c.id, ['org_first_contact'], now, 'met');
    const res = await resident();
    const h = deps.directory.handler(c.handlerKind!, c.handlerId!);
    return {
      data: { note: n },
      out: [{ to: { kind: 'resident' }, message: msg('cases.resident.progress', { ref: c.ref, handler: h ? residentName(h, res.language) : '—', note: n }) }],
    };
  } });
}

/** Art. 34: a department may extend the 60-day period once, by at most 30 days, telling the resident why. */
export async function requestExtension(
  deps: CaseDeps,
  ref: string,
  actor: HandlerActor,
  days: number,
  reason: string,
  opts: CommandOptions = {},
): Promise<CaseRecord> {
  const d = parse(z.number().int('days must be a whole number').min(1, 'at least 1 day').max(30, 'at most 30 days (Art. 34)'), days, 'extension days');
  const why = parse(text('extension reason', 1000), reason, 'extension reason');
  return run(deps, { ref, actor, opts, action: 'request_extension', authorizeHandler: actor, body: async ({ tx, c, now }) => {
    if (!mayExtend(c)) throw new ValidationError('Only a department handling a petition can extend its period (信访工作条例 第三十四条)');
    const clock = await tx.clocks.running(c.id, 'resolve');
    if (!clock) throw new ValidationError(`Case ${c.ref} has no running resolve period to extend`);
    if (clock.extendedAt || (await tx.events.has(c.id, 'extension_granted'))) {
      throw new ValidationError(`Case ${c.ref} was already extended once; the period can be extended only once (信访工作条例 第三十四条)`);
    }
    const spec = extendResolveClock(
      { kind: 'resolve', article: clock.article ?? '', startsAt: clock.startsAt, dueAt: clock.dueAt, remindAt: clock.remindAt },
      d,
      why,
      deps.calendar,
      deps.clockSettings.reminderLeadWorkingDays,
    );
    const extended = await tx.clocks.extend(clock.id, spec, why, now);
    const dueDate = shanghaiDay(extended.dueAt);
    const h = deps.directory.handler(c.handlerKind!, c.handlerId!);
    return {
      eventType: 'extension_granted',
      data: { days: d, reason: why, previousDueAt: clock.dueAt.toISOString(), dueAt: extended.dueAt.toISOString() },
      out: [
        { to: { kind: 'resident' }, message: msg('cases.resident.extended', { ref: c.ref, dueDate, reason: why }) },
        { to: { kind: 'office' }, message: msg('cases.staff.extended', { ref: c.ref, handler: h ? staffName(h) : c.handlerId!, dueDate, reason: why }) },
      ],
    };
  } });
}

export async function resolve(deps: CaseDeps, ref: string, actor: HandlerActor, outcome: string, opts: CommandOptions = {}): Promise<CaseRecord> {
  const o = parse(text('outcome', 4000), outcome, 'outcome');
  return run(deps, { ref, actor, opts, action: 'resolve', authorizeHandler: actor, body: async ({ tx, c, now, resident }) => {
    await tx.clocks.stop(c.id, ['resolve', 'forward_notify', 'org_accept', 'org_first_contact'], now, 'met');
    const referral = await tx.cases.openReferral(c.id);
    if (referral) await tx.cases.answerReferral(referral.id, 'completed', now);
    const round = await startSurvey(deps, tx, c.id, now);
    const res = await resident();
    const h = deps.directory.handler(c.handlerKind!, c.handlerId!);
    return {
      patch: { repliedAt: now, resolvedAt: now },
      data: { outcome: o, surveyRound: round },
      out: [
        { to: { kind: 'resident' }, message: msg('cases.resident.resolved', { ref: c.ref, handler: h ? residentName(h, res.language) : '—', outcome: o }) },
        { to: { kind: 'resident' }, message: msg('cases.resident.survey', { ref: c.ref }, SURVEY_ACTIONS) },
      ],
    };
  } });
}
