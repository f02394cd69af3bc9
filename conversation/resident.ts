/**
 * The resident's side of the conversation, shared by every channel (Telegram private chats, the
 * terminal chat). Each text is triaged; the category decides the next step (numbers and an office
 * alert, a question, a cited answer, the proper legal channel, a confirmation, a consent question).
 * State between steps lives in Postgres (ConversationStore), never in process memory.
 *
 * Rule against double messages: whatever CaseService reports to the resident (case opened with its
 * reference and date, withdrawn, thanks for rating, 复查 right…) goes out through the outbox only;
 * the replies returned here never repeat it. A command that only changes a case returns [] (or a
 * reply about the conversation itself, such as the comment prompt).
 */
import type { Clock } from '../kernel/clock.js';
import { ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';

import type { ConversationStore } from './store.js';
import { CONFIRM_ACTION, keptButton, MAX_EMERGENCY_SCAN_CHARS, MAX_TEXT_CHARS, r, ResidentStateAccess, stillWaiting, type Pending, type Plan, type ResidentState } from './residentState.js';
import type { CaseRecord, ResidentRecord } from '../cases/caseRepository.js';
import { consentTextVersion, DEFAULT_SHARED_FIELDS, type CaseService } from '../cases/caseService.js';
import { isRef } from '../cases/refs.js';
import type { SatisfactionRating } from '../cases/types.js';
import type { Pool } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import type { Retriever } from '../knowledge/types.js';
import type { AnswerLlmOptions } from './answer.js';
import type { TriageDeps } from '../triage/pipeline.js';
import { isTooVague, looksLikeCode, triage } from '../triage/pipeline.js';
import { normalize } from '../triage/normalize.js';
import { isServiceCode, type Decision } from '../kernel/taxonomy.js';
import {
  canWithdraw, clip, isCourtesyOnly, isOpen, isOtherMatter, isReadableText, isThanksOnly, joinMessages, newToken, RATINGS,
  refusesService, saysNeverMind, speaksOfSafety, stripDecision, TOKEN_ACTIONS, typedRating,
} from './residentRules.js';
import { agreesInWords, asksHowLong, asksToWithdraw, commandInWords, isClosingOnly, onlyPrivacyQuestions, saysSafeNow } from '../triage/commandWords.js';
import { answerConsentQuestion } from './residentConsent.js';
import { PRIVACY_ACTIONS, PrivacyConversation } from './privacy.js';
import { caseRefusal, ResidentOwnCases, saysShortYes } from './residentCases.js';
import { dropsReview, isReason, ResidentReview, withWaiting } from './residentReview.js';
import { CategoryFlow, privateLine } from './residentFlow.js';
import { DangerReplies } from './residentEmergency.js';
import { asksForOtherOrg, otherOrganization } from './residentOtherOrg.js';
import { handleKeptStart } from './residentLength.js';
import { goesOnWith, joinAccount, withCut } from './residentAccount.js';
import { caseAbout, isAnswerText, openQuestion, recordAnswer, refusedServicePetition, wantsToReport } from './residentFollowUp.js';
import { awaitingRating, heldText, joinHeld, namesCase, notAboutCase, readTogether, takeUpHeld } from './residentMatters.js';
import type { Reply, ResidentCommand, ResidentConversationApi, ResidentRef } from './types.js';

// State, its schema and limits: ./residentState.ts; pure rules: ./residentRules.ts.

export { concernReplies, officeKindLabels, isCourtesyOnly, isOtherMatter, isReadableText, joinMessages, legalChannelOf, runnerUpService } from './residentRules.js';
export { ALERT_WRITE_BUDGET_MS, CONFIRM_ACTION, MAX_TEXT_CHARS, PENDING_TTL_MS, residentStateSchema, type Pending, type ResidentState } from './residentState.js';

export interface ResidentConversationDeps {
  cases: CaseService;
  triage: TriageDeps;
  retriever?: Retriever;
  answerLlm?: AnswerLlmOptions;
  pool: Pool;
  clock: Clock;
  directory: Directory;
  logger?: Logger;
  store?: ConversationStore<ResidentState>;
  /** Where emergency alerts and residents' notes go (OFFICE_CHAT_ID). */
  officeChatId?: number | null;
}

/** How sure the reading of a 信访外 need must be before it is taken as a new matter beside open cases. */
const OWN_NEED = 0.9;

export class ResidentConversation implements ResidentConversationApi {
  private readonly state: ResidentStateAccess;
  private readonly officeChatId: number | null;
  private readonly log?: Logger;
  private readonly ownCases: ResidentOwnCases;
  private readonly review: ResidentReview;
  private readonly flow: CategoryFlow;
  private readonly danger: DangerReplies;

  constructor(private readonly deps: ResidentConversationDeps) {
    this.state = new ResidentStateAccess(deps);
    // Alerts and notes go where the case service sends them; deps.officeChatId only names it for the warning.
    this.officeChatId = deps.officeChatId !== undefined ? deps.officeChatId : deps.cases.officeChatId;
    this.log = deps.logger?.child({ component: 'resident-conversation' });
    this.ownCases = new ResidentOwnCases(deps.cases, this.state, deps.directory, this.log);
    this.review = new ResidentReview(deps.cases, this.state, this.log);
    this.flow = new CategoryFlow(deps, this.state, this.log);
    this.danger = new DangerReplies(deps, this.state, this.log);
    if (this.officeChatId === null) this.log?.warn('no office chat: emergency alerts and residents’ notes wait in the outbox until OFFICE_CHAT_ID is set');
  }

  // -------------------------------------------------------------------------------------------------
  // Text

  async onText(ref: ResidentRef, text: string, opts: { updateId?: number } = {}): Promise<Reply[]> {
    if (typeof text !== 'string' || !isReadableText(text)) return [r('conversation.error.unreadable')];
    const trimmed = text.trim();
    if (trimmed === '') return [r('conversation.error.empty')];
    // A text over the limit is still read for danger, whole: someone in crisis who writes at length must get
    // the numbers first. Otherwise its start is kept and handled (./residentLength.ts).
    const tooLong = [...trimmed].length > MAX_TEXT_CHARS;

    // The rules run first and alone: an emergency reply never waits for the store or a model.
    let decision: Decision;
    try {
      decision = await triage(tooLong ? [...trimmed].slice(0, MAX_EMERGENCY_SCAN_CHARS).join('') : trimmed, this.deps.triage);
    } catch (err) {
      this.log?.error({ err: (err as Error).message }, 'triage failed');
      return [r('conversation.error.busy')];
    }
    if (decision.category === 'emergency') return this.danger.emergency(ref, decision, opts.updateId, tooLong ? null : trimmed);
    if (tooLong) return handleKeptStart(trimmed, (kept) => this.onText(ref, kept, opts));

    const { resident, snapshot } = await this.state.residentAndState(ref);
    // Concern (distress, no immediate danger): the warm reply and a normal-priority office note, then
    // the request is handled as usual. Inside the state write, so a replayed update adds neither.
    // A question about the resident's data gets the privacy answer; the model alone had read such questions as distress.
    // Asked with more ("可以匿名举报吗？我们20个工人被拖欠工资…"), the rest is the matter: it goes the usual way.
    const privacyQuestion = onlyPrivacyQuestions(trimmed);
    // A command said in words ("有进展吗？", "帮我撤销", "转人工", triage/commandWords.ts) is answered as such, not
    // read as a new matter or appended to a summary that waits ("…any update on my case? pls withdraw my
    // complaint" had been about to go to the police); whatever was pending stays, and a waiting summary shows its buttons again.
    const asked = commandInWords(trimmed) ?? (asksToWithdraw(trimmed) ? 'withdraw' : null);
    const closing = isThanksOnly(trimmed) || isClosingOnly(trimmed);
    const courtesy = closing || isCourtesyOnly(trimmed);
    // The resident's cases, read at most once for this message.
    let cases: Promise<CaseRecord[]> | undefined;
    const ownCases = () => (cases ??= this.deps.cases.listForResident(resident.id));
    // The office or the handler asked about a case ("请问具体是哪个路段？…请直接回复本消息"): the reply is the answer.
    // It had been offered as a note to the newest case ("Is this about case …?") and kept only if "Attach" was pressed.
    // A command, a privacy question or thanks is not an answer; an emergency was answered above.
    const question = asked || privacyQuestion || closing || !isAnswerText(trimmed) ? null
      : await ownCases().then((all) => openQuestion(this.deps.cases, all, all.filter(isOpen), this.state.live(snapshot.state?.pending), this.deps.clock.now()));
    // "It's between Houhai Avenue and Chuangye Road…" had got counselling lines from the model alone, and so had a
    // rating typed at the survey ("meh, it's ok I guess but it took ages"): both speak of the service.
    // "I'm safe now" after an emergency reply is no new distress either (the model alone read it as one); a rule or cue still counts.
    const typed = typedRating(trimmed);
    const safe = saysSafeNow(trimmed);
    const aboutService = privacyQuestion || question !== null || typed !== null || safe;
    return this.state.withState(ref, opts.updateId, snapshot, this.danger.withConcern(ref, decision, opts.updateId, aboutService, async (state) => {
      const live = this.state.live(state?.pending);
      // "还是帮我转介吧" just after saying no: the same offer again, with fresh buttons.
      if (live?.kind === 'declined' && agreesInWords(trimmed)) return { ...(await this.flow.plan(ref.language, live.decision as unknown as Decision, live.text, { org: live.org })), offerAnyway: true };
      // "有冇其他機構" at an offer or just after 不同意: the next organization, or that there is none (./residentOtherOrg.ts).
      if ((live?.kind === 'declined' || live?.kind === 'consent') && asksForOtherOrg(trimmed)) return otherOrganization({ flow: this.flow, state: this.state, directory: this.deps.directory }, ref.language, live, state);
      const pending = live?.kind === 'declined' ? null : live;
      if (pending?.kind === 'correction') return new PrivacyConversation(this.deps, this.state).correction(ref, trimmed);
      // "我没事了" / "I'm safe now" or a thank-you after an emergency: the matter kept from that message is offered again
      // (read as a message, "I'm safe now" had been joined to "I called the hotline" and filed as an empty case).
      const kept = this.state.kept(state);
      if (kept && !asked && (courtesy || safe)) return { replies: [keptButton(kept), ...stillWaiting(live, ref.language, this.deps.directory)], pending: live };
      // "我现在安全了" / "I'm ok now, I won't do anything stupid" with nothing kept: had been asked for details, or
      // summarised as a petition to the police.
      if (!asked && safe && speaksOfSafety(trimmed) && (!live || live.kind === 'clarify')) return { replies: [r('conversation.safe_now')], pending: null };
      // A step begun before the question (a summary to confirm) stays, with its buttons shown again.
      if (question && (!live || live.at <= question.at.getTime())) {
        const waiting = stillWaiting(live, ref.language, this.deps.directory);
        return { replies: [], pending: live, effect: async () => [...(await recordAnswer(this.deps.cases, resident, question, trimmed, this.log)), ...waiting] };
      }
      // A change of mind at the reason prompt takes the 复查 back, before the words are read as a command: "算了吧，不申请了"
      // had offered to withdraw the whole case, and "forget it, I don't want a review anymore" asked for the reason again.
      if (pending?.kind === 'review' && dropsReview(trimmed)) return this.review.submit(ref, pending.ref, trimmed);
      // The 复查 reason is the next real sentence: "谢谢", "2" or "有进展吗？" had been filed as the reason.
      if (pending?.kind === 'review' && !asked && !privacyQuestion && !courtesy) {
        return isReason(trimmed) ? this.review.submit(ref, pending.ref, trimmed) : { replies: [r('conversation.review.reason_prompt', { ref: pending.ref })], pending };
      }
      // "不满意，路灯修了两天又坏了" typed at the survey is the answer to it, not a new matter.
      // It answers the survey still waiting (the latest sent), even while another case's comment prompt is open:
      // "唔係好滿意" had been saved as a comment on the case just rated 一般般, and the waiting survey stayed unanswered.
      const rated = !asked && pending?.kind !== 'petition' ? typed : null;
      const awaiting = rated ? awaitingRating(await ownCases()) : undefined;
      if (rated && awaiting) {
        const next: Pending | null = rated.comment === null ? { kind: 'comment', at: this.state.now(), ref: awaiting.ref } : null;
        return { replies: [], pending: next, effect: () => this.ownCases.rateInWords(resident, ref, awaiting.ref, rated.rating, rated.comment) };
      }
      if (pending?.kind === 'comment' && asked !== 'review') {
        return { replies: [], pending: null, effect: () => this.ownCases.note(resident, pending.ref, 'satisfaction_comment', trimmed) };
      }
      const again = stillWaiting(pending, ref.language, this.deps.directory);
      const keep = pending ?? null;
      if (asked === 'status') {
        // Asked while a summary waits ("这个一般多久能处理？"): the timeline, and the buttons again.
        if (pending?.kind === 'petition' && asksHowLong(trimmed)) return { replies: [r('conversation.howlong'), ...again], pending };
        return { replies: [...(await this.ownCases.status(ref, { howLong: asksHowLong(trimmed) })), ...again], pending: keep };
      }
      // "算了，先不提交了" while a summary waits: the summary is what they take back (it had been appended to it),
      // unless the words name a registered case ("pls withdraw my complaint", a reference). "唔使喇，我唔想投訴住" had
      // offered to withdraw two old cases; /withdraw is named for those instead.
      const registered = asked === 'withdraw' && pending?.kind === 'petition' ? (await ownCases()).some(isOpen) : false;
      if (asked === 'withdraw' && pending?.kind === 'petition' && (/提交|submit/i.test(trimmed) || !namesCase(trimmed) || !registered)) {
        return { replies: [r('conversation.petition.cancelled'), ...(registered ? [r('conversation.petition.withdraw_hint')] : [])], pending: null };
      }
      // At "Is this about case …?" the words are about the message just sent ("不用了，我不想投诉了" had offered to
      // withdraw the unrelated open case, and the message was dropped without a word); likewise "算了，不用了" after the
      // clarifying question (it had been filed with the first message as an empty case).
      if ((asked === 'withdraw' && pending?.kind === 'attach' && !namesCase(trimmed)) || (pending?.kind === 'clarify' && saysNeverMind(trimmed))) {
        return { replies: [r('conversation.petition.cancelled')], pending: null };
      }
      if (asked === 'withdraw') return { replies: [...(await this.onCommand(ref, 'withdraw')), ...again], pending: keep };
      if (asked === 'consent_back') return { replies: [...(await this.ownCases.offerConsentBack(ref)), ...again], pending: keep };
      if (asked === 'person') return { replies: [r('conversation.person'), ...again], pending: keep };
      if (asked === 'review') return withWaiting(await this.review.ask(ref), keep, again);
      if (privacyQuestion) return { replies: [r('conversation.privacy_question'), ...(await new PrivacyConversation(this.deps, this.state).menu()), ...again], pending: keep };
      // "不是这个意思，我是要投诉他们违规搭建鸽棚" at "Is this about case …?" is its No, with more of the matter: the
      // offer had come back. The refusal itself stays out of the summary.
      const rest = pending?.kind === 'attach' ? notAboutCase(trimmed) : null;
      if (pending?.kind === 'attach' && rest !== null) {
        const matter = rest === '' ? { text: pending.text, decision: pending.decision as unknown as Decision } : await readTogether(this.deps.triage, pending.text, rest, decision);
        return this.flow.plan(ref.language, matter.decision, matter.text);
      }
      if (pending?.kind === 'petition' && courtesy) return { replies: again, pending };
      if (pending?.kind === 'petition') {
        // A message that reads as a different matter on its own is held, not appended: a question about a
        // protection order had been added to a wage petition as its "detail". One button adds it after all.
        if (isOtherMatter(decision, pending.decision as unknown as Decision, trimmed)) {
          return {
            replies: [r('conversation.petition.other_matter', undefined, { actions: ['add_detail', CONFIRM_ACTION, 'cancel'], token: pending.token })],
            // Every message held is kept: a second other matter had replaced the first.
            pending: { ...pending, at: this.state.now(), held: joinHeld(pending.held, trimmed) },
          };
        }
        // Typing while a summary waits for confirmation adds details to it.
        return this.addDetail(pending, trimmed);
      }
      // A yes in words while the offer waits ("yes", "好的", "可以"): the button gives the consent (to the organization it
      // names). No part of the account: "yes" had been added to the case's text, and "好的" answered "you're welcome".
      if (pending?.kind === 'consent' && (agreesInWords(trimmed) || saysShortYes(trimmed))) {
        return { replies: stillWaiting(pending, ref.language, this.deps.directory, 'conversation.consent.press_button'), pending };
      }
      // "Thanks, all good now." after a clarifying question ends it: read as a second unclear message, it had filed an empty case.
      if (closing) return { replies: [r('conversation.courtesy'), ...(pending?.kind === 'consent' ? again : [])], pending: pending?.kind === 'clarify' ? null : (pending ?? null) };
      const awaitingYes = pending?.kind !== 'consent' && (agreesInWords(trimmed) || saysShortYes(trimmed)) ? await this.ownCases.consentAwaitingYes(ref) : null;
      if (awaitingYes) return { replies: awaitingYes, pending: pending ?? null };
      // "不是要心理咨询，是要投诉工地夜间违规施工": the offer was the wrong reading. The complaint goes on as a petition,
      // told with the first message (read together they had brought the same offer back, a dead end).
      // Also just after 不同意 (`declined`): "我是要投诉这个工厂的噪音，不是要心理咨询" had been filed without the facts
      // of the first message.
      // "不是这个意思，我是要举报那个网吧让未成年人进去上网" at a 信访外 offer: a report asked for in so many words, even
      // without naming the service refused. When no reading is a petition, the office decides where it goes: the same
      // offer, word for word, had come back to both "不是这个意思，…" and "我不需要社工，我要举报网吧违规接纳未成年人".
      const offered = live?.kind === 'consent' || live?.kind === 'declined' ? live : null;
      const complaint = offered ? (refusesService(trimmed) ?? ((offered.decision as unknown as Decision).category === 'out_of_scope' ? wantsToReport(trimmed) : null)) : null;
      if (offered && complaint) {
        const both = joinMessages(offered.text, complaint);
        const joined = [...both].length <= MAX_TEXT_CHARS ? both : complaint;
        const [alone, dj] = await Promise.all([triage(complaint, this.deps.triage), triage(joined, this.deps.triage)]);
        return this.flow.plan(ref.language, dj.category === 'petition' ? dj : refusedServicePetition(dj, alone), joined);
      }
      // A detail or correction typed while a 信访外 or legal-aid offer waits ("不对，是B栋", "学校是南山实验学校"), just after
      // saying no to it, or after a question on the same thing belongs to that matter: the account goes on
      // (./residentAccount.ts). Read alone, the case had carried only the last line.
      const account = await goesOnWith(this.deps.triage, live, trimmed, decision);
      if (account) return withCut(account.cut, await this.flow.plan(ref.language, account.decision, account.text));
      let d = decision;
      let full = trimmed;
      let cut: Reply | null = null;
      if (pending?.kind === 'clarify') {
        // A first message that said nothing ("hi", "我要投诉") is not part of the matter the resident confirms.
        const firstSaidNothing = isTooVague(normalize(pending.text).normalized);
        const told = firstSaidNothing ? { text: trimmed, cut: null } : joinAccount(pending.text, trimmed);
        full = told.text;
        cut = told.cut;
        // Nor an unknown command or code after one ("😡😡😡" then "'; DROP TABLE cases; --" had become an office case).
        const secondSaysNothing = decision.reasons.includes('too_vague') || looksLikeCode(trimmed) || /^\/[a-z_]+\b/i.test(trimmed);
        if (decision.category === 'unclear' && secondSaysNothing && firstSaidNothing) {
          // Greetings or "are you there?" twice carry no matter: a case would start a statutory clock on nothing.
          // An example of what to write helps more.
          return { replies: [r('conversation.unclear.example')], pending: { kind: 'clarify', at: this.state.now(), text: pending.text } };
        }
        if (decision.category === 'unclear') {
          // Second unclear message in a row: the office reads it (a petition with no target is an office-review case).
          // No reading to be sure of: the card shows 0.00, not the certainty that the text was unclear.
          const officeDecision: Decision = { ...decision, category: 'petition', target: null, confidence: 0, needsReview: true, reasons: [...decision.reasons, 'unclear_twice'] };
          officeDecision.redactedText = (await triage(full, this.deps.triage)).redactedText;
          return { replies: [r('conversation.unclear.to_office')], pending: null, effect: () => this.open(resident, officeDecision, full) };
        }
        // The answer to the question goes on with the first message: read together as unclear, the answer's own reading
        // stands with both texts redacted (the first had been dropped).
        const d2 = await triage(full, this.deps.triage);
        d = d2.category === 'emergency' ? decision : d2.category === 'unclear' ? { ...decision, redactedText: d2.redactedText } : d2;
        if (d === decision) [full, cut] = [trimmed, null];
      }
      // A policy question is answered, not filed: asking it is no duplicate of an open case.
      const open = d.category === 'inquiry' ? [] : (await ownCases()).filter(isOpen);
      // With an open case, an unclear message is most likely about it ("also my colleague, same problem"): the
      // offer to add it beats a clarifying question, which had led to a second, empty case. A bare greeting is not.
      if (d.category === 'unclear' && (open.length === 0 || d.reasons.includes('too_vague'))) {
        return { replies: [r('conversation.unclear.question')], pending: { kind: 'clarify', at: this.state.now(), text: trimmed } };
      }
      // A 信访外 need none of the open cases is about ("I would like to talk to a counsellor" after a wage case, as the
      // concern reply invites) is its own matter: it had been offered as an attachment to the wage case.
      const ownNeed = d.category === 'out_of_scope' && d.target !== null && d.confidence >= OWN_NEED && !open.some((c) => c.target === d.target);
      if (open.length > 0 && !ownNeed) {
        const latest = caseAbout(open, d, full);
        const token = newToken();
        // Several messages before the resident answers the offer are one follow-up, whichever case each is offered to,
        // read together: after No the summary had held only the last ("还有摊贩收摊后垃圾扔得到处都是", the fire lane gone).
        const follow = pending?.kind === 'attach' ? await readTogether(this.deps.triage, pending.text, full, d) : { text: full, decision: d };
        return {
          replies: [r('conversation.attach.offer', { ref: latest.ref }, { actions: ['attach_yes', 'attach_no'], token })],
          pending: { kind: 'attach', at: this.state.now(), token, ref: latest.ref, text: follow.text, decision: stripDecision(follow.decision) },
        };
      }
      return withCut(cut, await this.flow.plan(ref.language, d, full));
    }, trimmed));
  }

  /** Appends a detail to the petition summary that waits for confirmation, and shows it again. */
  private async addDetail(pending: Extract<Pending, { kind: 'petition' }>, detail: string): Promise<Plan> {
    const { held: _, ...rest } = pending;
    const combined = joinMessages(pending.text, detail);
    // Only the summary with it is over the limit: "That message is too long" had been said of a 1,960-character detail.
    if ([...combined].length > MAX_TEXT_CHARS) {
      const params = { max: MAX_TEXT_CHARS, current: [...pending.text].length, added: [...detail].length };
      return { replies: [r('conversation.petition.too_long_combined', params, { actions: [CONFIRM_ACTION, 'cancel'], token: pending.token })], pending: rest };
    }
    const again = await triage(combined, this.deps.triage);
    const d = again.category === 'petition' ? again : { ...(pending.decision as unknown as Decision), redactedText: again.redactedText };
    return {
      // Their own words back, as with the first summary (residentFlow.ts); the case keeps the redacted reading.
      replies: [r('conversation.petition.details_added', { summary: clip(combined, 500) }, { actions: [CONFIRM_ACTION, 'cancel'], token: pending.token, ...privateLine(d, combined) })],
      pending: { ...rest, at: this.state.now(), text: combined, decision: stripDecision(d) },
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Buttons

  async onAction(ref: ResidentRef, action: string, refOrToken: string | null, opts: { version?: number; updateId?: number } = {}): Promise<Reply[]> {
    const arg = typeof refOrToken === 'string' ? refOrToken : '';
    if (typeof action !== 'string' || !/^[A-Za-z0-9_-]{0,64}$/.test(arg)) return [r('conversation.error.expired')];
    if (TOKEN_ACTIONS.has(action)) return this.tokenAction(ref, action, arg, opts.updateId);
    if (action === 'status') return this.ownCases.status(ref);
    if (PRIVACY_ACTIONS.has(action)) return new PrivacyConversation(this.deps, this.state).onAction(ref, action, arg, opts.updateId);
    if (action === 'consent_org_yes' || action === 'consent_org_no') return answerConsentQuestion(this.deps.cases, ref, action === 'consent_org_yes', arg);
    if (!isRef(arg)) return [r('conversation.error.expired')];
    const rating = RATINGS[action];
    if (rating) return this.rate(ref, arg, rating, opts.updateId);
    if (action === 'withdraw') return this.ownCases.offerWithdraw(ref, arg);
    if (action === 'withdraw_confirm') return this.ownCases.withdraw(ref, arg);
    if (action === 'withdraw_keep') return this.ownCases.keep(ref, arg);
    if (action === 'request_review') return this.state.withState(ref, opts.updateId, undefined, () => this.review.ask(ref, arg));
    // Staff actions and anything else have no meaning in a resident's chat.
    return [r('conversation.error.case_unavailable')];
  }

  private async tokenAction(ref: ResidentRef, action: string, token: string, updateId?: number): Promise<Reply[]> {
    const { resident, snapshot } = await this.state.residentAndState(ref);
    return this.state.withState(ref, updateId, snapshot, async (state) => {
      const p = this.state.live(state?.pending);
      // The matter kept beside an emergency has its own token, whatever step waits meanwhile.
      const kept = action === 'resume_matter' ? this.state.kept(state) : null;
      if (action === 'resume_matter') {
        if (!kept || kept.token !== token) return { replies: [r('conversation.error.expired')], pending: p };
        return { ...(await this.flow.plan(ref.language, kept.decision as unknown as Decision, kept.text)), kept: null };
      }
      if (!p || !('token' in p) || p.token !== token || token === '') return { replies: [r('conversation.error.expired')], pending: p ?? null };
      const yes = action === 'consent_yes' || action === 'confirm';
      if (p.kind === 'petition' && yes) {
        const open = () => this.open(resident, p.decision as unknown as Decision, p.text);
        // The other matter held back while this summary waited is taken up next: after 确认提交 it had been dropped
        // and had to be typed again.
        const next = p.held ? await takeUpHeld(p.held, this.deps.triage, (d, text) => this.flow.plan(ref.language, d, text)) : null;
        if (next) return { replies: [r('conversation.petition.held_next'), ...next.replies], pending: next.pending, effect: open };
        return { replies: [], pending: null, effect: open };
      }
      if (p.kind === 'petition' && action === 'add_detail' && p.held) return this.addDetail(p, heldText(p.held));
      // consent_no: the label of this button before `cancel` existed.
      if (p.kind === 'petition' && (action === 'cancel' || action === 'consent_no')) return { replies: [r('conversation.petition.cancelled')], pending: null };
      if (p.kind === 'consent' && yes) {
        const d = p.decision as unknown as Decision;
        // The consent is to the organization named in the offer, read in this text and language.
        const consent = { organizationId: p.org, textVersion: p.textKey ? consentTextVersion(p.textKey, ref.language) : undefined };
        return { replies: [], pending: null, effect: () => this.open(resident, d, p.text, consent) };
      }
      if (p.kind === 'consent' && action === 'consent_other' && p.alt && isServiceCode(p.alt)) {
        const d = p.decision as unknown as Decision;
        // The same offer for the runner-up, with a new token: the first offer's buttons are spent.
        const reasons = [...(d.reasons ?? []).filter((x) => !x.startsWith('target_unsure')), `resident_chose_service:${p.alt}`];
        return this.flow.plan(ref.language, { ...d, target: p.alt, reviewReason: undefined, runnerUp: undefined, reasons }, p.text);
      }
      if (p.kind === 'consent' && action === 'consent_no') {
        const declined: Pending = { kind: 'declined', at: this.state.now(), text: p.text, decision: p.decision, purpose: p.purpose, ...(p.org ? { org: p.org } : {}) };
        // Remembered for the conversation: legal aid is not offered again with the next message about the dispute.
        const refused = this.state.refusing(state, p);
        if (p.purpose === 'legal_aid') return { replies: [r('conversation.legal.info_only')], pending: declined, refused };
        const notes = await this.flow.passagesAnswer((p.decision as unknown as Decision).redactedText, ref.language);
        return { replies: [r('conversation.oos.info_only'), ...(notes ? [r('conversation.oos.notes', { text: notes })] : [])], pending: declined, refused };
      }
      if (p.kind === 'attach' && action === 'attach_yes') {
        return { replies: [], pending: null, effect: () => this.ownCases.note(resident, p.ref, 'resident_note', p.text) };
      }
      if (p.kind === 'attach' && action === 'attach_no') return this.flow.plan(ref.language, p.decision as unknown as Decision, p.text);
      if (p.kind === 'inquiry' && action === 'open_case_anyway') {
        const d = p.decision as unknown as Decision;
        // The office still reviews it: the proposed handler is the department the question concerns, if any.
        // Its confidence is the routing's for that department (0 when none was weighed), not the inquiry's.
        const asPetition: Decision = {
          ...d, category: 'petition', target: d.topicTarget ?? null, confidence: d.topicConfidence ?? 0, targetConfidence: d.topicConfidence ?? 0,
          needsReview: true, reasons: [...d.reasons, 'resident_asked_case'],
        };
        return { replies: [], pending: null, effect: () => this.open(resident, asPetition, p.text) };
      }
      // A valid token with the wrong button (forged or mixed-up payload): nothing happens.
      return { replies: [r('conversation.error.expired')], pending: p };
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Commands and attachments

  async onCommand(ref: ResidentRef, command: ResidentCommand, args?: string): Promise<Reply[]> {
    switch (command) {
      case 'start':
        await this.state.resident(ref);
        return [r('conversation.welcome')];
      case 'help':
        return [r('conversation.help')];
      case 'privacy': return new PrivacyConversation(this.deps, this.state).menu();
      case 'status': {
        // What waits for a button is part of "where is my matter": /status during an unsubmitted summary had said only
        // "no registered cases", and the summary seemed lost.
        const { snapshot } = await this.state.residentAndState(ref);
        return [...(await this.ownCases.status(ref)), ...stillWaiting(this.state.live(snapshot.state?.pending), ref.language, this.deps.directory)];
      }
      case 'withdraw': {
        const a = typeof args === 'string' ? args.trim() : '';
        if (a !== '') return isRef(a) ? this.ownCases.offerWithdraw(ref, a) : [r('conversation.error.case_unavailable')];
        const resident = await this.state.resident(ref);
        // Every case a withdrawal can still act on (a finished referral's consent too), each with its own words.
        const open = (await this.deps.cases.listForResident(resident.id)).filter(canWithdraw);
        if (open.length === 0) return [r('conversation.withdraw.none')];
        return open.slice(0, 10).map((c) => this.ownCases.withdrawOffer(c, ref.language));
      }
      default:
        return [r('conversation.help')];
    }
  }

  async onAttachment(ref: ResidentRef, kind: 'photo' | 'document', fileId: string): Promise<Reply[]> {
    if ((kind !== 'photo' && kind !== 'document') || typeof fileId !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(fileId)) {
      return [r('conversation.error.unreadable')];
    }
    const resident = await this.state.resident(ref);
    const all = await this.deps.cases.listForResident(resident.id);
    const open = all.filter(isOpen);
    if (open.length === 0) return [r('conversation.attachment.describe_first')];
    // "合同在家里，明天拍给你们": the photo belongs to the case the office asked about, not merely the newest.
    const asked = await openQuestion(this.deps.cases, all, open, null, this.deps.clock.now(), { file: true });
    return this.ownCases.note(resident, asked?.ref ?? open[0]!.ref, 'resident_attachment', null, { kind, fileId });
  }

  // -------------------------------------------------------------------------------------------------
  // Flows

  private async open(resident: ResidentRecord, d: Decision, text: string, consent?: { organizationId?: string; textVersion?: string }): Promise<Reply[]> {
    try {
      await this.deps.cases.openCase({
        residentId: resident.id,
        decision: d,
        originalText: text,
        language: resident.language,
        ...(consent ? { consent: { sharedFields: DEFAULT_SHARED_FIELDS, ...consent } } : {}),
      });
      // The reference and the date reach the resident through the case's outbox row (cases.resident.opened*).
      return [];
    } catch (err) {
      if (err instanceof ValidationError) return [r('conversation.error.rejected', { reason: err.message })];
      throw err;
    }
  }

  private async rate(ref: ResidentRef, caseRef: string, rating: SatisfactionRating, updateId?: number): Promise<Reply[]> {
    try {
      await this.deps.cases.recordSatisfaction(caseRef, ref.externalId, rating);
    } catch (err) {
      return this.caseError(err);
    }
    // Thanks / reopened / 复查 right come from the case service's outbox; only the comment prompt is ours.
    return this.state.withState(ref, updateId, undefined, async () => ({
      replies: [r('conversation.survey.comment_prompt', { ref: caseRef })],
      pending: { kind: 'comment', at: this.state.now(), ref: caseRef },
    }));
  }

  // -------------------------------------------------------------------------------------------------
  // Helpers

  private caseError(err: unknown): Reply[] {
    return caseRefusal(err, this.log);
  }
}
