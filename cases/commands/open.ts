import { NotFoundError, ValidationError } from '../../kernel/errors.js';
import { residentName } from '../../directory/directory.js';
import { isDepartmentCode, isServiceCode, targetsFor, type Decision, type ServiceCode } from '../../kernel/taxonomy.js';
import type { Language } from '../../kernel/language.js';
import type { CaseRecord } from '../caseRepository.js';
import { msg } from '../messages.js';
import { shanghaiDay } from '../refs.js';
import { transition } from '../stateMachine.js';
import { clockFor } from '../statutory.js';
import { CONSENT_PURPOSE, DEFAULT_SHARED_FIELDS, type HandlerKind } from '../types.js';
import { openCaseSchema, parse } from '../validation.js';
import { deadlineLabel } from '../cardLabels.js';
import { deliverOn, handlerLoadOn, reviewCard, type CaseDeps } from './run.js';

export interface OpenCaseInput {
  residentId: number;
  decision: Decision;
  originalText: string;
  language: Language;
  /** Required for referrals to social organizations (信访外, legal aid): 案主自愿. */
  consent?: { sharedFields?: string[]; organizationId?: string; textVersion?: string };
}

/**
 * Opens a case for a petition (to a department) or a 信访外 / legal-aid matter (to an organization, with the
 * resident's consent): the first clock, the `opened` event, the resident's confirmation and the office's
 * review card, in one transaction.
 */
export async function openCase(deps: CaseDeps, input: OpenCaseInput): Promise<CaseRecord> {
  const inp = parse(openCaseSchema, input, 'case');
  const d = inp.decision;
  let handlerKind: HandlerKind;
  let service: ServiceCode | null = null;
  if (d.category === 'petition') {
    handlerKind = 'department';
    if (d.target !== null && !isDepartmentCode(d.target)) {
      throw new ValidationError(`A petition's target must be a department code, got ${d.target}`);
    }
  } else if (d.category === 'out_of_scope' || d.category === 'legal_channel') {
    handlerKind = 'organization';
    const target = d.category === 'legal_channel' ? 'legal_aid' : d.target;
    if (!isServiceCode(target) || !targetsFor(d.category).includes(target)) {
      throw new ValidationError(`A ${d.category} case needs a service target among ${targetsFor(d.category).join(', ')}, got ${String(d.target)}`);
    }
    service = target;
    if (!inp.consent) {
      throw new ValidationError('Referring a matter to a social organization needs the resident’s consent (案主自愿); ask for it first', {
        field: 'consent',
      });
    }
  } else {
    throw new ValidationError(`No case is opened for category ${d.category}; only petition, out_of_scope and legal_channel (legal aid) are`);
  }
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const found = await tx.residents.withNewRef(inp.residentId, now);
    if (!found) throw new NotFoundError('resident', String(inp.residentId));
    const { resident, ref } = found;
    let handlerId: string | null = null;
    if (handlerKind === 'department') {
      handlerId = d.target && deps.directory.department(d.target) ? d.target : null;
    } else {
      // The consent names one organization: the case is proposed to it, or to none (the office then chooses,
      // and the resident is asked about that one) — never silently to another.
      const named = inp.consent?.organizationId;
      handlerId = named
        ? (deps.directory.organizationsFor(service!).some((o) => o.id === named) ? named : null)
        : (deps.directory.nextOrganization(service!, [], await handlerLoadOn(tx))?.id ?? null);
    }
    const status = transition('received', 'open', ref);
    const c = await tx.cases.insert({
      ref,
      residentId: resident.id,
      category: d.category,
      target: d.category === 'legal_channel' ? 'legal_aid' : (d.target as CaseRecord['target']),
      handlerKind: handlerId ? handlerKind : null,
      handlerId,
      status,
      summary: d.redactedText,
      originalText: inp.originalText,
      decision: d as Decision,
      language: inp.language,
      receivedAt: now,
    });
    let sharedFields: string[] | null = null;
    if (handlerKind === 'organization') {
      sharedFields = inp.consent?.sharedFields ?? DEFAULT_SHARED_FIELDS;
      await tx.cases.insertConsent({
        caseId: c.id,
        residentId: resident.id,
        purpose: CONSENT_PURPOSE,
        sharedFields,
        at: now,
        organizationId: inp.consent?.organizationId ?? handlerId,
        textVersion: inp.consent?.textVersion,
      });
    }
    let dueAt: Date;
    if (handlerKind === 'department') {
      dueAt = (await tx.clocks.start(c.id, clockFor('forward_notify', now, deps.calendar, deps.clockSettings), now, { newCase: true })).dueAt;
    } else {
      // Not a statutory clock: the office's promise to name the organization, shown to the resident.
      dueAt = clockFor('org_accept', now, deps.calendar, deps.clockSettings).dueAt;
    }
    await tx.events.insert({
      caseId: c.id,
      at: now,
      actorKind: 'resident',
      actorId: resident.externalId,
      type: 'opened',
      fromStatus: 'received',
      toStatus: status,
      data: { category: c.category, target: c.target, handlerKind: c.handlerKind, handlerId: c.handlerId, confidence: d.confidence, sharedFields },
    });
    const dueDate = shanghaiDay(dueAt);
    await deliverOn(deps, tx, c, resident, [
      {
        to: { kind: 'resident' },
        message: openedMessage(deps, handlerKind, handlerId && handlerId === inp.consent?.organizationId ? handlerId : null, ref, dueDate, inp.language),
      },
      {
        to: { kind: 'office' },
        // An organization's date is the office's promise to the resident, not a statutory period: the card says which.
        message: reviewCard(deps, c, handlerKind === 'department' ? deadlineLabel({ kind: 'forward_notify', dueDate }, 'other') : { key: 'cases.staff.deadline.org_promise', params: { dueDate } }),
      },
    ], `case:${c.id}:v${c.version}`, now);
    deps.logger?.info({ ref, category: c.category, target: c.target }, 'case opened');
    return c;
  });
}

/**
 * A resident who consented to one named organization is told that name back: "we will find an organization"
 * would read as if their details might go elsewhere. Without a handler (the named one does not take this
 * service, or none was named: the office chooses) the resident hears that an organization will be found.
 */
function openedMessage(deps: CaseDeps, handlerKind: HandlerKind, namedId: string | null, ref: string, dueDate: string, language: Language) {
  if (handlerKind === 'department') return msg('cases.resident.opened', { ref, dueDate });
  const org = namedId ? deps.directory.organization(namedId) : undefined;
  return org ? msg('cases.resident.opened_named_org', { ref, handler: residentName(org, language), dueDate }) : msg('cases.resident.opened_org', { ref, dueDate });
}
