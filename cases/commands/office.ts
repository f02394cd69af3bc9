import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../../kernel/errors.js';
import type { CaseRecord, ConsentRecord } from '../caseRepository.js';
import type { Outgoing } from '../delivery.js';
import { CATEGORY_LABELS_ZH, HANDLER_REFERRAL_ACTIONS, msg, notAcceptedKey, SURVEY_ACTIONS } from '../messages.js';
import { shanghaiDay } from '../refs.js';
import { clockFor } from '../statutory.js';
import { CONSENT_PURPOSE, NOT_ACCEPTED_REASONS, type Actor, type HandlerActor, type HandlerKind, type NotAcceptedReason } from '../types.js';
import { clip, optionalText, parse, requireOffice, text } from '../validation.js';
import { CARD_SUMMARY_MAX, checkHandlerFor, reviewCard, run, startSurvey, type CaseDeps, type CommandOptions } from './run.js';

/* What the petition office does to a case: refer, propose another handler, ask, refuse, mark urgent, answer a 复查. */

const NOT_SHARED = '（未授权共享）';

export async function approveReferral(
  deps: CaseDeps,
  ref: string,
  actor: Actor,
  opts: CommandOptions & { handlerKind?: HandlerKind; handlerId?: string } = {},
): Promise<CaseRecord> {
  requireOffice(actor);
  return run(deps, { ref, actor, opts, action: 'approve', body: async ({ tx, c, now, resident }) => {
    const kind = opts.handlerKind ?? c.handlerKind;
    const id = opts.handlerId ?? c.handlerId;
    if (!kind || !id) throw new ValidationError(`Case ${c.ref} has no proposed handler: choose a department or organization`);
    const h = checkHandlerFor(deps, c, kind, id);
    let consent: ConsentRecord | null = null;
    if (kind === 'organization') {
      consent = await tx.cases.activeConsent(c.id, CONSENT_PURPOSE);
      if (!consent) throw new ValidationError(`Case ${c.ref}: the resident has not consented (or withdrew consent) to a referral to an organization`);
    }
    const referral = await tx.cases.insertReferral({ caseId: c.id, handlerKind: kind, handlerId: id, at: now });
    let dueAt: Date;
    if (kind === 'organization') {
      dueAt = (await tx.clocks.start(c.id, clockFor('org_accept', now, deps.calendar, deps.clockSettings), now)).dueAt;
    } else {
      dueAt = (await tx.clocks.running(c.id, 'forward_notify'))?.dueAt ?? clockFor('forward_notify', now, deps.calendar, deps.clockSettings).dueAt;
    }
    const res = await resident();
    const shares = (field: string) => kind === 'department' || (consent?.sharedFields.includes(field) ?? false);
    return {
      patch: { handlerKind: kind, handlerId: id },
      data: { handlerKind: kind, handlerId: id, referralId: referral.id, sharedFields: consent?.sharedFields ?? null },
      out: [
        {
          to: { kind: 'handler', handlerKind: kind, handlerId: id },
          message: msg(
            'cases.handler.referral_card',
            {
              ref: c.ref,
              category: CATEGORY_LABELS_ZH[c.category] ?? c.category,
              target: c.target ?? '—',
              // The redacted summary only; the original text never leaves the office.
              summary: shares('summary') ? clip(c.summary, CARD_SUMMARY_MAX) : NOT_SHARED,
              contact: shares('contact_chat') && res.chatId !== null ? `${res.channel} chat ${res.chatId}` : NOT_SHARED,
              dueDate: shanghaiDay(dueAt),
            },
            HANDLER_REFERRAL_ACTIONS,
          ),
        },
        { to: { kind: 'resident' }, message: msg('cases.resident.referred', { ref: c.ref, handler: h.names[res.language] }) },
      ],
    };
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
  return run(deps, { ref, actor, opts, action: 'reassign', body: async ({ c, tx }) => {
    checkHandlerFor(deps, c, opts.handlerKind, opts.handlerId);
    const updated = { ...c, handlerKind: opts.handlerKind, handlerId: opts.handlerId };
    const running = await tx.clocks.running(c.id, 'forward_notify');
    return {
      patch: { handlerKind: opts.handlerKind, handlerId: opts.handlerId },
      data: { from: { kind: c.handlerKind, id: c.handlerId }, to: { kind: opts.handlerKind, id: opts.handlerId }, note: note ?? null },
      out: [{ to: { kind: 'office' }, message: reviewCard(deps, updated, running ? shanghaiDay(running.dueAt) : '—') }],
    };
  } });
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
