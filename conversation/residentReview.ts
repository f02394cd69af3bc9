/**
 * 复查 (信访工作条例 第三十五条): a resident who does not accept the written reply to a petition may ask, within 30
 * days, for the body above the handler to review it. The reply to 不满意 said so with a date but gave no way to
 * do it: the button on that reply (or words such as 我要申请复查, "request a review") now asks for the reason, and
 * the next message is the request (cases/commands/resident.ts `requestReview`, which checks the period).
 */
import { ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { CaseRecord } from '../cases/caseRepository.js';
import type { CaseService } from '../cases/caseService.js';
import { caseRefusal } from './residentCases.js';
import { r, type Plan, type ResidentStateAccess } from './residentState.js';
import type { ResidentRef } from './types.js';

/** A petition that has had its written reply (and no 复查 answer yet): what a 复查 can be asked of. */
const reviewable = (c: CaseRecord) => c.category === 'petition' && c.repliedAt !== null && c.status !== 'review_requested' && c.status !== 'withdrawn';

export class ResidentReview {
  constructor(
    private readonly cases: CaseService,
    private readonly state: ResidentStateAccess,
    private readonly log?: Logger,
  ) {}

  /** The prompt for the reason, for the case given (the button) or the resident's latest reviewable one (words). */
  async ask(ref: ResidentRef, caseRef?: string): Promise<Plan> {
    const resident = await this.state.resident(ref);
    const mine = await this.cases.listForResident(resident.id);
    const c = caseRef ? mine.find((x) => x.ref === caseRef) : mine.find(reviewable);
    if (!c || !reviewable(c)) return { replies: [r('conversation.review.none')], pending: null };
    // Reviewed once already: the next step is 复核 by the body above (Art. 36), which is not asked here.
    if ((await this.cases.timeline(c.ref)).some((e) => e.type === 'review_answered')) return { replies: [r('conversation.review.already', { ref: c.ref })], pending: null };
    return { replies: [r('conversation.review.reason_prompt', { ref: c.ref })], pending: { kind: 'review', at: this.state.now(), ref: c.ref } };
  }

  /** The reason is the request; its confirmation with the answer date comes from the case service's outbox. */
  async submit(ref: ResidentRef, caseRef: string, reason: string): Promise<Plan> {
    try {
      await this.cases.requestReview(caseRef, ref.externalId, reason);
      return { replies: [], pending: null };
    } catch (err) {
      if (err instanceof ValidationError) {
        const deadline = err.options.details?.deadline;
        if (typeof deadline === 'string') return { replies: [r('conversation.review.expired', { ref: caseRef, deadline })], pending: null };
        if (/第三十六条/.test(err.message)) return { replies: [r('conversation.review.already', { ref: caseRef })], pending: null };
      }
      return { replies: caseRefusal(err, this.log), pending: null };
    }
  }
}
