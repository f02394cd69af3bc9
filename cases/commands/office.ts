import { z } from 'zod';
import { residentName } from '../../directory/directory.js';
import { ForbiddenError, ValidationError } from '../../kernel/errors.js';
import type { TargetCode } from '../../kernel/taxonomy.js';
import type { CaseRecord } from '../caseRepository.js';
import type { Outgoing } from '../delivery.js';
import { msg, notAcceptedKey, SURVEY_ACTIONS } from '../messages.js';
import { shanghaiDay } from '../refs.js';
import { NOT_ACCEPTED_REASONS, type Actor, type HandlerActor, type HandlerKind, type NotAcceptedReason } from '../types.js';
import { optionalText, parse, requireOffice, text } from '../validation.js';
import { askConsentEffects } from './consent.js';
import { referEffects } from './refer.js';
import { checkHandlerFor, reviewCard, run, startSurvey, type CaseDeps, type CommandOptions } from './run.js';
import { clockFor } from '../statutory.js';
import { deadlineLabel, noClockReason } from '../cardLabels.js';

/* What the petition office does to a case: refer, propose another handler, ask, refuse, mark urgent, answer a 复查. */

export async function approveReferral(
  deps: CaseDeps,
  ref: string,
  actor: Actor,
  opts: CommandOptions & { handlerKind?: HandlerKind; handlerId?: string } = {},
): Promise<CaseRecord> {
  requireOffice(actor);
  return run(deps, { ref, actor, opts, action: 'approve', body: async (ctx) => {
    const { tx, c } = ctx;
    const kind = opts.handlerKind ?? c.handlerKind;
    const id = opts.handlerId ?? c.handlerId;
    if (!kind || !id) throw new ValidationError(`Case ${c.ref} has no proposed handler: choose a department or organization`);
    const h = checkHandlerFor(deps, c, kind, id);
    if (kind === 'department') return referEffects(deps, ctx, kind, id, null);
    // Consent is to one organization: any other one is first put to the resident, by name (cases/commands/consent.ts).
    const consent = await tx.consents.activeFor(c.id, id);
    return consent ? referEffects(deps, ctx, kind, id, consent) : askConsentEffects(deps, ctx, h, id);
  } });
}

export async function reassign(
  deps: CaseDeps,
  ref: string,
  actor: Actor,
  opts: CommandOptions & { handlerKind: HandlerKind; handlerId: string; note?: string },
): Promise<CaseRecord> {
  requireOffice(actor);
  const note = opts.note === undefined ? undefined : parse(text('note', 2000), opts.note, 'note');
  return run(deps, { ref, actor, opts, action: 'reassign', body: async (ctx) => {
    const { c, tx } = ctx;
    if (c.category === 'out_of_scope' && opts.handlerKind === 'department') return reclassify(deps, ctx, opts.handlerId, note);
    checkHandlerFor(deps, c, opts.handlerKind, opts.handlerId);
    // A question to the resident about another organization no longer stands: the office chose again.
    await tx.consents.supersedeOpen(c.id, ctx.now);
    // A department's code is its target; an organization keeps the service the case was read as.
    const target = opts.handlerKind === 'department' ? (opts.handlerId as TargetCode) : c.target;
    const updated = { ...c, target, handlerKind: opts.handlerKind, handlerId: opts.handlerId };
    const running = await tx.clocks.running(c.id, 'forward_notify');
    // No clock after a decline is no missing date: the card says why none runs (it had said 转送告知期限：—).
    const why = noClockReason({ ...c, lastReferral: (await tx.cases.referrals(c.id)).at(-1)?.status ?? null });
    const deadline = deadlineLabel(running ? { kind: 'forward_notify', dueDate: shanghaiDay(running.dueAt) } : null, why);
    return {
      patch: { target, handlerKind: opts.handlerKind, handlerId: opts.handlerId },
      data: { from: { kind: c.handlerKind, id: c.handlerId }, to: { kind: opts.handlerKind, id: opts.handlerId }, note: note ?? null },
      out: [{ to: { kind: 'office' }, message: reviewCard(deps, updated, deadline) }],
    };
  } });
}

/**
 * The office reads a 信访外 case as a petition after all (night-time piling read as insomnia and offered a
 * counselling centre): while it still reviews the case, reassigning it to a department makes it a petition to
 * that department. The consent to the organization is withdrawn (the organization never received anything), the
 * Art. 22 clock starts from the day the matter was received, and the resident is told why and to whom it goes.
 */
async function reclassify(deps: CaseDeps, ctx: Parameters<Parameters<typeof run>[1]['body']>[0], departmentId: string, note: string | undefined) {
  const { c, tx, now } = ctx;
  if (c.status !== 'office_review') throw new ValidationError(`Only a 信访外 case the office is still reviewing can become a petition (case ${c.ref} is ${c.status})`);
  const dept = deps.directory.department(departmentId);
  if (!dept) throw new ValidationError(`Unknown department: ${departmentId}`);
  await tx.consents.supersedeOpen(c.id, now);
  await tx.cases.withdrawConsents(c.id, now);
  const clock = await tx.clocks.start(c.id, clockFor('forward_notify', c.receivedAt, deps.calendar, deps.clockSettings), now);
  const dueDate = shanghaiDay(clock.dueAt);
  const target = departmentId as TargetCode;
  const updated = { ...c, category: 'petition' as const, target, handlerKind: 'department' as const, handlerId: departmentId };
  const res = await ctx.resident();
  return {
    patch: { category: 'petition' as const, target, handlerKind: 'department' as const, handlerId: departmentId },
    data: { from: { category: c.category, kind: c.handlerKind, id: c.handlerId }, to: { category: 'petition', kind: 'department', id: departmentId }, note: note ?? null },
    out: [
      { to: { kind: 'resident' as const }, message: msg('cases.resident.reclassified', { ref: c.ref, handler: residentName(dept, res.language), dueDate }) },
      { to: { kind: 'office' as const }, message: reviewCard(deps, updated, deadlineLabel({ kind: 'forward_notify', dueDate }, 'other')) },
    ],
  };
}

/** The office, or a member of the handler holding the case, asks the resident a question (no status change). */
export async function askResident(deps: CaseDeps, ref: string, actor: Actor, question: string, opts: CommandOptions = {}): Promise<CaseRecord> {
  const q = parse(text('question', 1000), question, 'question');
  if (actor.kind !== 'office' && actor.kind !== 'handler') throw new ForbiddenError('Only the office or the handler may ask the resident');
  return run(deps, { ref, actor, opts, action: 'ask', authorizeHandler: actor.kind === 'handler' ? (actor as HandlerActor) : undefined, body: async ({ c }) => ({
    eventType: 'question_asked',
    data: { question: q },
    out: [{ to: { kind: 'resident' }, message: msg('cases.resident.question', { ref: c.ref, question: q }) }],
  }) });
}

export async function notAccept(
  deps: CaseDeps,
  ref: string,
  actor: Actor,
  reasonCode: NotAcceptedReason,
  note?: string,
  opts: CommandOptions = {},
): Promise<CaseRecord> {
  requireOffice(actor);
  const reason = parse(z.enum(NOT_ACCEPTED_REASONS, { message: `reason must be one of ${NOT_ACCEPTED_REASONS.join(', ')}` }), reasonCode, 'reason');
  const n = optionalText(note, 'note', 2000);
  if (reason === 'other' && !n) throw new ValidationError('Reason "other" needs a note telling the resident why');
  return run(deps, { ref, actor, opts, action: 'not_accept', body: async ({ tx, c, now }) => {
    // Telling the resident is the office's answer within the Art. 22 period.
    await tx.clocks.stop(c.id, 'all', now, 'met');
    const out: Outgoing[] = [{ to: { kind: 'resident' }, message: msg(notAcceptedKey(reason), { ref: c.ref }) }];
    if (n) out.push({ to: { kind: 'resident' }, message: msg('cases.resident.office_note', { ref: c.ref, note: n }) });
    return { patch: { repliedAt: now }, data: { reason, note: n }, out };
  } });
}

export async function markUrgent(deps: CaseDeps, ref: string, actor: Actor, opts: CommandOptions = {}): Promise<CaseRecord> {
  requireOffice(actor);
  return run(deps, { ref, actor, opts, action: 'mark_urgent', precheck: async ({ c }) => (c.urgent ? 'noop' : undefined), body: async ({ tx, c }) => {
    const referral = await tx.cases.openReferral(c.id);
    return {
      patch: { urgent: true },
      out: referral
        ? [{ to: { kind: 'handler', handlerKind: referral.handlerKind, handlerId: referral.handlerId }, message: msg('cases.handler.urgent', { ref: c.ref }) }]
        : [],
    };
  } });
}

/** The office's 复查 opinion (Art. 35): the case is resolved again and a new survey round starts. */
export async function answerReview(deps: CaseDeps, ref: string, actor: Actor, outcome: string, opts: CommandOptions = {}): Promise<CaseRecord> {
  requireOffice(actor);
  const o = parse(text('review opinion', 4000), outcome, 'review opinion');
  return run(deps, { ref, actor, opts, action: 'answer_review', body: async ({ tx, c, now }) => {
    await tx.clocks.stop(c.id, ['review_answer'], now, 'met');
    const round = await startSurvey(deps, tx, c.id, now);
    return {
      eventType: 'review_answered',
      patch: { repliedAt: now, resolvedAt: now },
      data: { outcome: o, surveyRound: round },
      out: [
        { to: { kind: 'resident' }, message: msg('cases.resident.review_answered', { ref: c.ref, outcome: o }) },
        { to: { kind: 'resident' }, message: msg('cases.resident.survey', { ref: c.ref }, SURVEY_ACTIONS) },
      ],
    };
  } });
}
