/**
 * 复查 (信访工作条例 第三十五条): a resident who does not accept the written reply to a petition may ask, within 30
 * days, for the body above the handler to review it. The reply to 不满意 said so with a date but gave no way to
 * do it: the button on that reply (or words such as 我要申请复查, "request a review") now asks for the reason, and
 * the next message is the request (cases/commands/resident.ts `requestReview`, which checks the period).
 */
import { ValidationError } from '../kernel/errors.js';
import { hanCount } from '../kernel/language.js';
import { normalize } from '../triage/normalize.js';
import type { Logger } from '../kernel/logger.js';
import type { CaseRecord } from '../cases/caseRepository.js';
import type { CaseService } from '../cases/caseService.js';
import { caseRefusal } from './residentCases.js';
import { r, type Pending, type Plan, type ResidentStateAccess } from './residentState.js';
import type { Reply, ResidentRef } from './types.js';

// A change of mind at the reason prompt: "算啦，唔覆查住" and "我唔要覆查，幫我取消" had been filed as the 复查 request,
// with those words as its reason. Only when nothing else is said: "处理意见不对，不能就这样算了" is a reason.
const DROP_ZH = /(算了|算啦|算喇|算数啦|算数了|算数|罢了|不用了|不要了|唔使喇?|不用住|改变主意了?|改主意了?)|(不要|唔要|不想|唔想|不用|唔使|不需要|不打算|不申请|不|唔|别)(再)?(申请)?(复查|覆查|复核|覆核)?(了|啦|喇|住)?|(取消|撤回|撤销)(复查|覆查|复核|覆核|申请|请求)?/g;
const DROP_ZH_FILLER = /还是|還是|我|帮|幫|请|請|麻烦|麻煩|你们|你哋|先|那|就|的|吧|啦|喇|了|呀|啊|住|谢谢|謝謝|唔该|唔該|复查|覆查|复核|覆核|申请|申請/g;
const DROP_EN_CORE =
  /never\s*mind(?:\s+(?:the|my|about\s+the)\s+review)?|forget\s+(?:it|that)|cancel(?:\s+(?:it|that|the\s+review|my\s+review)(?:\s+request)?)?|i\s+(?:don'?t|do\s+not)\s+want\s+(?:a|the)\s+review(?:\s+any\s*more)?|(?:i'?ve\s+|i\s+have\s+|i\s+)?changed\s+my\s+mind|don'?t\s+(?:file|submit|send)\s+(?:it|that|the\s+review)|no\s+review/i;
const DROP_EN = new RegExp(`^(?:(?:actually|ok(?:ay)?|no|sorry|please|pls|${DROP_EN_CORE.source})[\\s,.!]*)+$`, 'i');

/** "算啦，唔覆查住", "我唔要覆查，幫我取消", "never mind, cancel the review": taking the 复查 back before it is filed. */
export function dropsReview(text: string): boolean {
  const s = text.trim();
  // English takes more letters to say it: "forget it, I don't want a review anymore" (40) had been asked for a reason again.
  if (s === '' || [...s].length > (hanCount(s) === 0 ? 60 : 30)) return false;
  if (hanCount(s) === 0) return DROP_EN.test(s) && DROP_EN_CORE.test(s);
  const plain = normalize(s).normalized;
  return plain.search(DROP_ZH) >= 0 && hanCount(plain.replace(DROP_ZH, '').replace(DROP_ZH_FILLER, '')) === 0 && !/[a-z]{3,}/i.test(plain);
}

/**
 * A reason a reviewer could act on: a sentence, not "2", "ok" or a lone word. A change of mind counts too, so that
 * the caller hands it to `submit`, which takes the pending 复查 back instead of filing it.
 */
export const isReason = (text: string): boolean => {
  const han = hanCount(text);
  const words = text.match(/[a-z]+/gi)?.length ?? 0;
  return han >= 4 || words >= 3 || dropsReview(text);
};

/**
 * "我要申请复查" said while a summary or an offer waits, with no 复查 to ask (none answered, one under way, the period
 * over): the answer, and what waits stays with its buttons shown again. The summary had been dropped without a word.
 * A 复查 prompt takes the step's place, as a button pressed would.
 */
export function withWaiting(plan: Plan, waiting: Pending | null, again: Reply[]): Plan {
  return plan.pending || !waiting ? plan : { ...plan, replies: [...plan.replies, ...again], pending: waiting };
}

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
    const c = caseRef ? mine.find((x) => x.ref === caseRef) : await this.likeliest(mine);
    if (!c || !reviewable(c)) {
      const running = caseRef ? mine.find((x) => x.ref === caseRef && x.status === 'review_requested') : mine.find((x) => x.status === 'review_requested');
      return { replies: [running ? r('conversation.review.under_way', { ref: running.ref }) : r('conversation.review.none')], pending: null };
    }
    // Reviewed once already: the next step is 复核 by the body above (Art. 36), which is not asked here.
    if ((await this.cases.timeline(c.ref)).some((e) => e.type === 'review_answered')) return { replies: [r('conversation.review.already', { ref: c.ref })], pending: null };
    return { replies: [r('conversation.review.reason_prompt', { ref: c.ref })], pending: { kind: 'review', at: this.state.now(), ref: c.ref } };
  }

  /** Said in words: the reviewable case rated 不满意 (its 复查 window runs) before any other — not simply the latest. */
  private async likeliest(mine: CaseRecord[]): Promise<CaseRecord | undefined> {
    const candidates = mine.filter(reviewable);
    for (const c of candidates) {
      if ((await this.cases.clocks(c.ref)).some((k) => k.kind === 'review_request_window' && !k.stoppedAt)) return c;
    }
    return candidates[0];
  }

  /** The reason is the request; its confirmation with the answer date comes from the case service's outbox. */
  async submit(ref: ResidentRef, caseRef: string, reason: string): Promise<Plan> {
    if (dropsReview(reason)) return { replies: [r('conversation.review.cancelled', { ref: caseRef })], pending: null };
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
