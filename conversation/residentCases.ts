/**
 * A resident's own cases: /status and /withdraw (a plain withdrawal, or withdrawing consent where an
 * organization holds the case). Only cases that belong to the resident are ever shown or touched.
 */
import { AppError, NotFoundError, ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { CaseRecord, ResidentRecord } from '../cases/caseRepository.js';
import { redact } from '../triage/redact.js';
import { CONSENT_REQUEST_ACTIONS, consentButtonRef, consentRequestKey, OBLIGATION_CLOCKS, type CaseService } from '../cases/caseService.js';
import type { ConsentRequestRecord } from '../cases/consentRepository.js';
import { residentName, type Directory } from '../directory/directory.js';
import { refusalKey } from '../cases/policy.js';
import { shanghaiDay } from '../cases/refs.js';
import type { Language } from '../kernel/language.js';
import type { SatisfactionRating } from '../cases/types.js';
import { hasMessage, t } from '../i18n/index.js';
import { ownWords } from './ownWords.js';
import { canWithdraw, isConsentCase, isOpen } from './residentRules.js';
import { r, type ResidentStateAccess } from './residentState.js';
import type { Reply, ResidentRef } from './types.js';

/** How much of the resident's words the withdrawal prompt quotes: enough to tell two cases apart (English needs more letters). */
const WITHDRAW_SUMMARY_CHARS = 40;
const WITHDRAW_SUMMARY_LATIN = 80;

/**
 * The case in the resident's own words, as a withdrawal prompt quotes it: the start of the summary, whose personal data
 * (phone, ID, address) the pipeline hid, as in the note views; redacted again in case an older row kept the text as written.
 * What was hidden reads as a word in the resident's language (〔电话〕), not as the placeholder staff read ([PHONE]).
 */
export function withdrawSummary(c: Pick<CaseRecord, 'summary' | 'originalText'>, lang: Language): string {
  const own = redact((c.summary || c.originalText).replace(/\s+/g, ' ').trim()).text;
  return ownWords(own, lang, /\p{Script=Han}/u.test(own) ? WITHDRAW_SUMMARY_CHARS : WITHDRAW_SUMMARY_LATIN);
}

/** A refusal the resident can understand (a domain error → its message key); anything else is a bug and throws. */
export function caseRefusal(err: unknown, log?: Logger): Reply[] {
  if (err instanceof AppError) {
    log?.info({ err: err.name }, 'resident case action refused');
    return [r(refusalKey(err, 'resident') ?? 'conversation.error.case_unavailable')];
  }
  throw err;
}

// A bare yes ("ok, yes", "好，可以", "得"): too short to read as consent anywhere else (agreesInWords wants more), but
// enough to show the waiting consent question again when one waits.
const SHORT_YES = /^((yes|yeah|yep|ok|okay|sure|fine|alright|好|好的|可以|得|得啦|係|是的|同意|行|没问题|冇问题|沒問題|冇問題)[\s,，。.!！~]*){1,3}$/i;
export const saysShortYes = (text: string): boolean => SHORT_YES.test(text.trim());

export class ResidentOwnCases {
  constructor(
    private readonly cases: CaseService,
    private readonly state: ResidentStateAccess,
    private readonly directory: Pick<Directory, 'organization'>,
    private readonly log?: Logger,
  ) {}

  async ownCase(ref: ResidentRef, caseRef: string): Promise<CaseRecord | null> {
    const resident = await this.state.resident(ref);
    try {
      const c = await this.cases.getCase(caseRef);
      return c.residentId === resident.id ? c : null;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof ValidationError) return null;
      throw err;
    }
  }

  async offerWithdraw(ref: ResidentRef, caseRef: string): Promise<Reply[]> {
    const c = await this.ownCase(ref, caseRef);
    if (!c || !canWithdraw(c)) return [r('conversation.error.case_unavailable')];
    return [this.withdrawOffer(c, ref.language)];
  }

  /** Taking consent back in words: the withdrawal of each case shared with an organization, or that there is none. */
  async offerConsentBack(ref: ResidentRef): Promise<Reply[]> {
    const resident = await this.state.resident(ref);
    const shared = (await this.cases.listForResident(resident.id)).filter((c) => isConsentCase(c) && canWithdraw(c));
    return shared.length ? shared.slice(0, 10).map((c) => this.withdrawOffer(c, ref.language)) : [r('conversation.consent_back.none')];
  }

  withdrawOffer(c: CaseRecord, lang: Language): Reply {
    const consent = isConsentCase(c);
    return r(consent ? 'conversation.withdraw.offer_consent' : 'conversation.withdraw.offer', { ref: c.ref, status: t(lang, `conversation.status.${c.status}`), summary: withdrawSummary(c, lang) }, {
      // A way back out: with only 确认撤回 the resident who opened the prompt to check had no answer but to ignore it.
      actions: ['withdraw_confirm', 'withdraw_keep'],
      caseRef: c.ref,
      caseVersion: c.version,
    });
  }

  /** "Keep my case" at the withdrawal prompt: nothing changes; the resident is told so (only for their own case). */
  async keep(ref: ResidentRef, caseRef: string): Promise<Reply[]> {
    const c = await this.ownCase(ref, caseRef);
    return [c ? r('conversation.withdraw.kept', { ref: c.ref }) : r('conversation.error.case_unavailable')];
  }

  async withdraw(ref: ResidentRef, caseRef: string): Promise<Reply[]> {
    const c = await this.ownCase(ref, caseRef);
    if (!c || !canWithdraw(c)) return [r('conversation.error.case_unavailable')];
    try {
      if (isConsentCase(c)) {
        try {
          await this.cases.withdrawConsent(caseRef, ref.externalId);
          return [];
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err; // no consent on record: a plain withdrawal
        }
      }
      await this.cases.withdraw(caseRef, ref.externalId);
      return []; // cases.resident.withdrawn / withdrawn_with_consent come from the outbox
    } catch (err) {
      return caseRefusal(err, this.log);
    }
  }

  /** `howLong`: asked "how long does it take?" — with nothing registered yet, the statutory timeline answers it. */
  async status(ref: ResidentRef, opts: { howLong?: boolean } = {}): Promise<Reply[]> {
    const resident = await this.state.resident(ref);
    const all = (await this.cases.listForResident(resident.id)).slice(0, 10);
    if (all.length === 0) return [r(opts.howLong ? 'conversation.howlong' : 'conversation.status.none')];
    const lines: Reply[] = [];
    for (const c of all) {
      // The office chose another organization and waits for the resident's yes: "信访局审核中" had hidden that the next
      // step was theirs, and the question's buttons were far up the chat. The question comes again with them.
      const asked = isConsentCase(c) && c.status === 'office_review' ? await this.cases.openConsentQuestion(c.ref) : null;
      if (asked) {
        lines.push(...this.consentQuestion(c, asked, ref.language));
        continue;
      }
      // The earliest running obligation, told as what is due by then (the date to say where the case went is not an answer's).
      let next: { kind: string; date: string } | null = null;
      if (isOpen(c)) {
        const running = (await this.cases.clocks(c.ref)).filter((k) => !k.stoppedAt && OBLIGATION_CLOCKS.includes(k.kind));
        const first = running.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
        if (first) next = { kind: first.kind, date: shanghaiDay(first.dueAt) };
      }
      lines.push(
        r('conversation.status.line', {
          ref: c.ref,
          status: t(ref.language, `conversation.status.${c.status}`),
          next: next ? t(ref.language, hasMessage(`conversation.status.next.${next.kind}`) ? `conversation.status.next.${next.kind}` : 'conversation.status.next', { date: next.date }) : '',
        }),
      );
    }
    return lines;
  }

  /**
   * A yes typed while a case waits for the resident's consent to the organization the office chose ("好，可以"): the
   * question again with its buttons, since the button records the consent to that organization. Typed, it had been
   * read as a new question ("没有找到能回答这个问题的内容…仍然登记为诉求"). Null when no case waits.
   */
  async consentAwaitingYes(ref: ResidentRef): Promise<Reply[] | null> {
    const resident = await this.state.resident(ref);
    for (const c of (await this.cases.listForResident(resident.id)).slice(0, 10)) {
      const asked = isConsentCase(c) && c.status === 'office_review' ? await this.cases.openConsentQuestion(c.ref) : null;
      if (!asked) continue;
      const org = this.directory.organization(asked.organizationId);
      return [r('conversation.consent.press_button', { org: org ? residentName(org, ref.language) : asked.organizationId }), ...this.consentQuestion(c, asked, ref.language).slice(1)];
    }
    return null;
  }

  /** The question about another organization, as it was asked (the consent records that text), under a status line. */
  private consentQuestion(c: CaseRecord, q: ConsentRequestRecord, lang: Language): Reply[] {
    const org = this.directory.organization(q.organizationId);
    const name = org ? residentName(org, lang) : q.organizationId;
    const button = consentButtonRef(c.ref, q.id);
    return [
      r('conversation.status.awaiting_consent', { ref: c.ref, org: name }),
      r(consentRequestKey(q.sharedFields), { ref: c.ref, org: name, caseRef: button }, { actions: [...CONSENT_REQUEST_ACTIONS], caseRef: button }),
    ];
  }

  /** A resident's addition to their case: an audit event the office sees, and a note to the office chat. */
  async note(
    resident: ResidentRecord,
    caseRef: string,
    type: 'resident_note' | 'satisfaction_comment' | 'resident_attachment',
    text: string | null,
    file?: { kind: 'photo' | 'document'; fileId: string },
  ): Promise<Reply[]> {
    const redacted = text === null ? null : redact(text).text;
    const ok = await this.cases.addResidentNote({ residentId: resident.id, ref: caseRef, type, note: redacted, ...(file ? { file } : {}) });
    if (!ok) return [r('conversation.error.case_unavailable')];
    if (type === 'resident_attachment') return [r('conversation.attachment.saved', { ref: caseRef, kind: t(resident.language, `conversation.attachment.${file!.kind}`) })];
    return [r(type === 'satisfaction_comment' ? 'conversation.survey.comment_saved' : 'conversation.attach.done', { ref: caseRef })];
  }

  /**
   * A rating typed at the survey: recorded like the button, with what followed it as the comment (redacted, as
   * every resident note is). Without a comment the prompt for one follows, as after the button. The comment reaches
   * the office chat as after the button (满意度评价附言): "麻麻哋，修咗兩日又壞" had been stored with the rating only.
   */
  async rateInWords(resident: ResidentRecord, ref: ResidentRef, caseRef: string, rating: SatisfactionRating, comment: string | null): Promise<Reply[]> {
    try {
      await this.cases.recordSatisfaction(caseRef, ref.externalId, rating, comment === null ? undefined : redact(comment).text);
    } catch (err) {
      return caseRefusal(err, this.log);
    }
    if (comment === null) return [r('conversation.survey.comment_prompt', { ref: caseRef })];
    return this.note(resident, caseRef, 'satisfaction_comment', comment);
  }
}
