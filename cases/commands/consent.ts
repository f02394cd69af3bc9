import { ValidationError } from '../../kernel/errors.js';
import type { Language, MessageParam } from '../../kernel/language.js';
import { staffName } from '../cardLabels.js';
import { residentName, type Handler } from '../../directory/directory.js';
import type { CaseRecord } from '../caseRepository.js';
import type { Outgoing } from '../delivery.js';
import { CONSENT_PURPOSE, DEFAULT_SHARED_FIELDS, type OutboxMessage } from '../types.js';
import { externalIdSchema, parse } from '../validation.js';
import { referEffects } from './refer.js';
import { requireOwner, run, type CaseDeps, type CommandOptions, type Ctx, type Effects } from './run.js';

/*
 * Consent is to one organization, for one purpose, with the words shown. When the office approves a
 * referral to an organization the resident has not agreed to (the first one declined and the card
 * proposes the next), the resident is asked about that organization by name, and nothing is sent to it
 * until they agree; their "no" ends the referral path and tells the office.
 */

/**
 * The version of the consent texts (i18n/consent.ts and the offers in i18n/conversation.ts). Bump it with
 * any change of their wording: tests/unit/consent-texts.test.ts pins the texts to it, and every consent
 * row records the version (and the key and language) the resident read.
 */
export const CONSENT_TEXT_VERSION = '2026-12-06b';

export const consentTextVersion = (key: string, language: Language): string => `${key}@${CONSENT_TEXT_VERSION}/${language}`;

/** The question about another organization, one text per set of shared fields (i18n/consent.ts builds them all). */
export const consentRequestKey = (fields: readonly string[]): string => `consent.resident.request.${[...new Set(fields)].sort().join('+')}`;

export const CONSENT_REQUEST_ACTIONS = ['consent_org_yes', 'consent_org_no'];

/** A consent button's argument: the case and the question it answers, so an old button never answers a newer question. */
export const consentButtonRef = (ref: string, requestId: number): string => `${ref}_q${requestId}`;

export function parseConsentButtonRef(arg: string): { ref: string; requestId: number } | null {
  const m = /^(YT-\d{8}-\d{4,})_q(\d{1,12})$/.exec(arg);
  return m ? { ref: m[1]!, requestId: Number(m[2]) } : null;
}

const message = (key: string, params: Record<string, MessageParam>, actions?: string[]): OutboxMessage => ({ key, params, ...(actions ? { actions } : {}) });

/**
 * The office approved a referral to `orgId`, which the resident has not agreed to: ask them (the case
 * stays in office review, proposed to that organization). Asking again about the same organization
 * while the question is open is refused, so a second press does not send the resident a second question.
 */
export async function askConsentEffects(deps: CaseDeps, ctx: Ctx, h: Handler, orgId: string): Promise<Effects> {
  const { tx, c, now, resident } = ctx;
  const open = await tx.consents.openRequest(c.id);
  if (open && open.organizationId === orgId) {
    throw new ValidationError(`Case ${c.ref}: the resident has been asked to consent to ${h.names['zh-Hans']} and has not answered yet`);
  }
  // No status change: the case waits in office review for the resident's answer.
  ctx.to = null;
  const fields = (await tx.cases.consents(c.id)).at(-1)?.sharedFields ?? DEFAULT_SHARED_FIELDS;
  const res = await resident();
  const key = consentRequestKey(fields);
  const q = await tx.consents.ask({
    caseId: c.id,
    organizationId: orgId,
    purpose: CONSENT_PURPOSE,
    sharedFields: fields,
    textVersion: consentTextVersion(key, res.language),
    askedAt: now,
  });
  deps.logger?.info({ ref: c.ref, organization: orgId, request: q.id }, 'consent asked for another organization');
  return {
    eventType: 'consent_requested',
    patch: { handlerKind: 'organization', handlerId: orgId },
    data: { organizationId: orgId, requestId: q.id, sharedFields: fields, textVersion: q.textVersion },
    out: [
      { to: { kind: 'resident' }, message: message(key, { ref: c.ref, org: residentName(h, res.language), caseRef: consentButtonRef(c.ref, q.id) }, CONSENT_REQUEST_ACTIONS) },
      { to: { kind: 'office' }, message: message('consent.staff.requested', { ref: c.ref, org: staffName(h) }) },
    ],
  };
}

async function openQuestion(ctx: Ctx, ext: string, requestId: number): Promise<'noop' | void> {
  await requireOwner(ctx, ext);
  const q = await ctx.tx.consents.request(requestId);
  if (!q || q.caseId !== ctx.c.id) throw new ValidationError(`Case ${ctx.c.ref} has no such consent question`);
  // Answered already (a double tap) or superseded by a newer question: nothing changes.
  if (q.answer) return 'noop';
}

const orgName = (deps: CaseDeps, id: string, lang: Language) => deps.directory.handler('organization', id)?.names[lang] ?? id;
/** The same, as the resident reads it (no sample marker). */
const orgNameForResident = (deps: CaseDeps, id: string, lang: Language) => {
  const h = deps.directory.handler('organization', id);
  return h ? residentName(h, lang) : id;
};

/** The resident agrees to the organization named in question `requestId`: consent recorded, then the referral goes out. */
export async function giveConsent(deps: CaseDeps, ref: string, residentExternalId: string, requestId: number, opts: CommandOptions = {}): Promise<CaseRecord> {
  const ext = parse(externalIdSchema, residentExternalId, 'resident id');
  return run(deps, {
    ref,
    actor: { kind: 'resident', id: ext },
    // The office approved this organization already; the resident's yes completes that approval.
    action: 'approve',
    opts: { idempotencyKey: opts.idempotencyKey },
    precheck: (ctx) => openQuestion(ctx, ext, requestId),
    body: async (ctx) => {
      const q = (await ctx.tx.consents.request(requestId))!;
      await ctx.tx.consents.answer(q.id, 'given', ctx.now);
      const res = await ctx.resident();
      const consent = await ctx.tx.cases.insertConsent({
        caseId: ctx.c.id,
        residentId: res.id,
        purpose: q.purpose,
        sharedFields: q.sharedFields,
        at: ctx.now,
        organizationId: q.organizationId,
        textVersion: q.textVersion,
      });
      const e = await referEffects(deps, ctx, 'organization', q.organizationId, consent);
      const out: Outgoing[] = [...(e.out ?? []), { to: { kind: 'office' }, message: message('consent.staff.given', { ref: ctx.c.ref, org: orgName(deps, q.organizationId, 'zh-Hans') }) }];
      return { ...e, out, eventType: 'consent_given', data: { ...e.data, requestId: q.id, organizationId: q.organizationId, textVersion: q.textVersion } };
    },
  });
}

/** The resident says no to the organization named in question `requestId`: the referral path ends (withdrawn) and the office is told. */
export async function declineConsent(deps: CaseDeps, ref: string, residentExternalId: string, requestId: number, opts: CommandOptions = {}): Promise<CaseRecord> {
  const ext = parse(externalIdSchema, residentExternalId, 'resident id');
  return run(deps, {
    ref,
    actor: { kind: 'resident', id: ext },
    action: 'withdraw',
    opts: { idempotencyKey: opts.idempotencyKey },
    precheck: (ctx) => openQuestion(ctx, ext, requestId),
    body: async ({ tx, c, now, resident }) => {
      const q = (await tx.consents.request(requestId))!;
      await tx.consents.answer(q.id, 'declined', now);
      const referral = await tx.cases.openReferral(c.id);
      if (referral) await tx.cases.answerReferral(referral.id, 'withdrawn', now);
      await tx.clocks.stop(c.id, 'all', now, 'cancelled');
      const res = await resident();
      return {
        eventType: 'consent_declined',
        data: { requestId: q.id, organizationId: q.organizationId },
        out: [
          { to: { kind: 'resident' }, message: message('consent.resident.declined', { ref: c.ref, org: orgNameForResident(deps, q.organizationId, res.language) }) },
          { to: { kind: 'office' }, message: message('consent.staff.declined', { ref: c.ref, org: orgName(deps, q.organizationId, 'zh-Hans') }) },
        ],
      };
    },
  });
}
