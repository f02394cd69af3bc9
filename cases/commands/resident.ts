import { z } from 'zod';
import { ValidationError } from '../../kernel/errors.js';
import type { CaseRecord } from '../caseRepository.js';
import type { Outgoing } from '../delivery.js';
import { CARD_WITHDRAWN } from '../consentRepository.js';
import { msg } from '../messages.js';
import { isFinished } from '../policy.js';
import { shanghaiDay } from '../refs.js';
import { clockFor } from '../statutory.js';
import { CONSENT_PURPOSE, SURVEY_CLOCKS, type ClockKind, type SatisfactionRating } from '../types.js';
import { clip, externalIdSchema, optionalText, parse, text } from '../validation.js';
import { requireOwner, run, type CaseDeps, type Ctx, type Effects } from './run.js';

/* What a resident does to their own case: rate it, ask for a 复查, withdraw it or their consent. */

export async function recordSatisfaction(
  deps: CaseDeps,
  ref: string,
  residentExternalId: string,
  rating: SatisfactionRating,
  comment?: string,
): Promise<CaseRecord> {
  const r = parse(
    z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], { message: 'rating must be satisfied, basically_satisfied or dissatisfied' }),
    rating,
    'rating',
  );
  const cm = optionalText(comment, 'comment', 2000);
  const ext = parse(externalIdSchema, residentExternalId, 'resident id');
  return run(deps, {
    ref,
    actor: { kind: 'resident', id: ext },
    action: r === 'dissatisfied' ? 'rate_dissatisfied' : 'rate_satisfied',
    precheck: async (ctx) => {
      await requireOwner(ctx, ext);
      const round = await ctx.tx.cases.latestSurveyRound(ctx.c.id);
      // A second answer (double tap, retried callback) changes nothing.
      if (!round || round.answeredAt) return 'noop';
    },
    body: async ({ tx, c, now }) => {
      const round = (await tx.cases.latestSurveyRound(c.id))!;
      await tx.cases.answerSurvey(round.id, r, cm, now);
      await tx.clocks.stop(c.id, SURVEY_CLOCKS, now, 'met');
      const data = { rating: r, round: round.round, comment: cm };
      if (r !== 'dissatisfied') {
        return { eventType: 'satisfaction_recorded', patch: { closedAt: now }, data, out: [{ to: { kind: 'resident' }, message: msg('cases.resident.thanks', { ref: c.ref }) }] };
      }
      const out: Outgoing[] = [{ to: { kind: 'office' }, message: msg('cases.staff.dissatisfied', { ref: c.ref, comment: cm ? clip(cm, 500) : '—' }, ['approve', 'reassign']) }];
      if (c.category === 'petition' && c.repliedAt) {
        const reviewed = await tx.events.has(c.id, 'review_answered');
        const kind: ClockKind = reviewed ? 'recheck_request_window' : 'review_request_window';
        const window = await tx.clocks.start(c.id, clockFor(kind, c.repliedAt, deps.calendar, deps.clockSettings), now);
        const deadline = shanghaiDay(window.dueAt);
        out.unshift({
          to: { kind: 'resident' },
          message: reviewed
            ? msg('cases.resident.reopened_recheck_right', { ref: c.ref, deadline })
            : msg('cases.resident.reopened_review_right', { ref: c.ref, deadline }, ['request_review']),
        });
      } else {
        out.unshift({ to: { kind: 'resident' }, message: msg('cases.resident.reopened', { ref: c.ref }) });
      }
      return { eventType: 'satisfaction_recorded', data, out };
    },
  });
}

/** 复查 (Art. 35): petition cases, within 30 days of the written reply. */
export async function requestReview(deps: CaseDeps, ref: string, residentExternalId: string, reason: string): Promise<CaseRecord> {
  const ext = parse(externalIdSchema, residentExternalId, 'resident id');
  const why = parse(text('review reason', 2000), reason, 'review reason');
  return run(deps, {
    ref,
    actor: { kind: 'resident', id: ext },
    action: 'request_review',
    precheck: (ctx) => requireOwner(ctx, ext),
    body: async ({ tx, c, now }) => {
      if (c.category !== 'petition') throw new ValidationError('复查 (review) applies to petition cases only (信访工作条例 第三十五条)');
      if (await tx.events.has(c.id, 'review_answered')) {
        throw new ValidationError(
          `Case ${c.ref} has already been reviewed (复查); a further re-examination (复核) is requested from the body above the reviewing body (信访工作条例 第三十六条)`,
        );
      }
      if (!c.repliedAt) throw new ValidationError(`Case ${c.ref} has no written reply yet, so there is nothing to review`);
      const deadline = clockFor('review_request_window', c.repliedAt, deps.calendar, deps.clockSettings).dueAt;
      if (now.getTime() > deadline.getTime()) {
        throw new ValidationError(
          `The 30-day period to request a review (复查) of case ${c.ref} ended on ${shanghaiDay(deadline)} (信访工作条例 第三十五条: within 30 days of the written reply)`,
          { deadline: shanghaiDay(deadline) },
        );
      }
      await tx.clocks.stop(c.id, ['review_request_window'], now, 'met');
      await tx.clocks.stop(c.id, SURVEY_CLOCKS, now, 'cancelled');
      const answer = await tx.clocks.start(c.id, clockFor('review_answer', now, deps.calendar, deps.clockSettings), now);
      const dueDate = shanghaiDay(answer.dueAt);
      return {
        data: { reason: why, deadline: shanghaiDay(deadline), answerDueAt: answer.dueAt.toISOString() },
        out: [
          { to: { kind: 'resident' }, message: msg('cases.resident.review_requested', { ref: c.ref, dueDate }) },
          { to: { kind: 'office' }, message: msg('cases.staff.review_requested', { ref: c.ref, dueDate, reason: clip(why, 500) }) },
        ],
      };
    },
  });
}

export async function withdraw(deps: CaseDeps, ref: string, residentExternalId: string, reason?: string): Promise<CaseRecord> {
  const ext = parse(externalIdSchema, residentExternalId, 'resident id');
  const why = optionalText(reason, 'reason', 1000);
  return run(deps, {
    ref,
    actor: { kind: 'resident', id: ext },
    action: 'withdraw',
    precheck: (ctx) => requireOwner(ctx, ext),
    body: async (ctx) => withdrawEffects(ctx, { reason: why }, 'cases.handler.withdrawn', 'cases.resident.withdrawn'),
  });
}

/**
 * The resident withdraws consent to share with an organization: the referral stops and an open case is
 * withdrawn; the organization is told without any personal data.
 */
export async function withdrawConsent(deps: CaseDeps, ref: string, residentExternalId: string): Promise<CaseRecord> {
  const ext = parse(externalIdSchema, residentExternalId, 'resident id');
  return run(deps, {
    ref,
    actor: { kind: 'resident', id: ext },
    action: (c) => (isFinished(c.status) ? null : 'withdraw'),
    precheck: async (ctx) => {
      await requireOwner(ctx, ext);
      if (!(await ctx.tx.cases.activeConsent(ctx.c.id, CONSENT_PURPOSE))) {
        throw new ValidationError(`Case ${ctx.c.ref} has no consent to withdraw`);
      }
    },
    body: async (ctx) => {
      await ctx.tx.cases.withdrawConsents(ctx.c.id, ctx.now);
      await ctx.tx.consents.supersedeOpen(ctx.c.id, ctx.now);
      // Nothing not yet sent reaches an organization; a card it already has is replaced (and the dispatcher
      // checks the consent again at send time, for a row being sent right now).
      const retracted = await ctx.tx.consents.retract(ctx.c.id, CARD_WITHDRAWN(ctx.c.ref), ctx.now);
      // An organization that never received the case's card hears nothing of it; one that answered a referral had it.
      const answered = (await ctx.tx.cases.referrals(ctx.c.id)).filter((r) => r.handlerKind === 'organization' && r.answeredAt).map((r) => r.handlerId);
      const had = new Set([...retracted.deliveredTo, ...answered]);
      const received = (o: Outgoing) => o.to.kind !== 'handler' || o.to.handlerKind !== 'organization' || had.has(o.to.handlerId);
      const data = { cancelled: retracted.cancelled, replaced: retracted.replaced };
      if (ctx.to !== null) {
        // The case ends with the consent: the resident is told both, not only that the referral stopped.
        const e = await withdrawEffects(ctx, data, 'cases.handler.consent_withdrawn', 'cases.resident.withdrawn_with_consent');
        return { ...e, out: (e.out ?? []).filter(received), eventType: 'consent_withdrawn' };
      }
      // Case already finished: still tell the last organization to delete what it received.
      const last = (await ctx.tx.cases.referrals(ctx.c.id)).filter((r) => r.handlerKind === 'organization').at(-1);
      const out: Outgoing[] = [{ to: { kind: 'resident' }, message: msg('cases.resident.consent_withdrawn', { ref: ctx.c.ref }) }];
      if (last) out.push({ to: { kind: 'handler', handlerKind: 'organization', handlerId: last.handlerId }, message: msg('cases.handler.consent_withdrawn', { ref: ctx.c.ref }) });
      return { eventType: 'consent_withdrawn', data, out: out.filter(received) };
    },
  });
}

async function withdrawEffects(
  { tx, c, now }: Ctx,
  data: Record<string, unknown>,
  handlerKey: 'cases.handler.withdrawn' | 'cases.handler.consent_withdrawn',
  residentKey: 'cases.resident.withdrawn' | 'cases.resident.withdrawn_with_consent',
): Promise<Effects> {
  const referral = await tx.cases.openReferral(c.id);
  if (referral) await tx.cases.answerReferral(referral.id, 'withdrawn', now);
  await tx.clocks.stop(c.id, 'all', now, 'cancelled');
  const out: Outgoing[] = [
    { to: { kind: 'resident' }, message: msg(residentKey, { ref: c.ref }) },
    { to: { kind: 'office' }, message: msg('cases.staff.withdrawn', { ref: c.ref }) },
  ];
  if (referral) out.push({ to: { kind: 'handler', handlerKind: referral.handlerKind, handlerId: referral.handlerId }, message: msg(handlerKey, { ref: c.ref }) });
  return { data: { ...data, referralId: referral?.id ?? null }, out };
}
