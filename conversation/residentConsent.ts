/**
 * The resident's answer to a consent question about another organization (cases/commands/consent.ts):
 * the button carries the case and the question, so an old button never answers a newer question.
 * What follows (the referral, or the end of the referral path) reaches the resident through the outbox.
 */
import { parseConsentButtonRef, type CaseService } from '../cases/caseService.js';
import { caseRefusal } from './residentCases.js';
import { r } from './residentState.js';
import type { Reply, ResidentRef } from './types.js';

export async function answerConsentQuestion(
  cases: Pick<CaseService, 'getCase' | 'giveConsent' | 'declineConsent'>,
  ref: ResidentRef,
  yes: boolean,
  arg: string,
): Promise<Reply[]> {
  const q = parseConsentButtonRef(arg);
  if (!q) return [r('conversation.error.expired')];
  try {
    const before = await cases.getCase(q.ref);
    const after = yes ? await cases.giveConsent(q.ref, ref.externalId, q.requestId) : await cases.declineConsent(q.ref, ref.externalId, q.requestId);
    // Unchanged: the question was answered already (a double tap) or a newer one replaced it.
    return after.version === before.version ? [r('consent.resident.answered')] : [];
  } catch (err) {
    return caseRefusal(err);
  }
}
