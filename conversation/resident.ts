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
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { AppError, NotFoundError, ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import { ACTION_CODES } from '../bot/callbackData.js';
import { Coalescer, ConversationStore, sqlLiteral, type ConversationSnapshot } from '../bot/conversationStore.js';
import type { CaseRecord, ResidentRecord } from '../cases/caseRepository.js';
import { DEFAULT_SHARED_FIELDS, OBLIGATION_CLOCKS, type CaseService } from '../cases/caseService.js';
import { refusalKey } from '../cases/policy.js';
import { isRef, shanghaiDay } from '../cases/refs.js';
import { OPEN_STATUSES, type SatisfactionRating } from '../cases/types.js';
import type { Pool } from '../db/pool.js';
import type { Directory, Organization } from '../directory/directory.js';
import type { Retriever, RetrievedPassage } from '../knowledge/types.js';
import { answer, type AnswerLlmOptions } from './answer.js';
import type { TriageDeps } from '../triage/pipeline.js';
import { triage } from '../triage/pipeline.js';
import { redact } from '../triage/redact.js';
import { isServiceCode, type Decision, type ServiceCode } from '../kernel/taxonomy.js';
import type { Language } from '../kernel/language.js';
import { t } from '../i18n/index.js';
import { emergencyMessageKey } from '../i18n/triage.js';
import type { Reply, ResidentCommand, ResidentConversationApi, ResidentRef } from './types.js';

/** Longest text accepted in one message (and for a petition with its added details): fits the state row. */
export const MAX_TEXT_CHARS = 2000;
/** A question or offer left unanswered longer than this is forgotten. */
export const PENDING_TTL_MS = 30 * 60 * 1000;
/** How long an emergency reply may wait for the office alert's write before going out anyway. */
export const ALERT_WRITE_BUDGET_MS = 1500;
const SEEN_UPDATES = 30;
const STATE_ATTEMPTS = 4;

/**
 * The "yes, submit" button of a petition. `consent_yes` is still accepted for it so buttons sent
 * before `confirm` existed keep working.
 */
export const CONFIRM_ACTION = 'confirm';

// ---------------------------------------------------------------------------------------------------
// Conversation state (one row per channel and chat)

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{6,32}$/);
const decisionSchema = z.record(z.string(), z.unknown());
const pendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clarify'), at: z.number(), text: z.string() }),
  z.object({ kind: z.literal('petition'), at: z.number(), token: tokenSchema, text: z.string(), decision: decisionSchema }),
  z.object({
    kind: z.literal('consent'),
    at: z.number(),
    token: tokenSchema,
    text: z.string(),
    decision: decisionSchema,
    purpose: z.enum(['legal_aid', 'service']),
  }),
  z.object({ kind: z.literal('inquiry'), at: z.number(), token: tokenSchema, text: z.string(), decision: decisionSchema }),
  z.object({ kind: z.literal('attach'), at: z.number(), token: tokenSchema, ref: z.string(), text: z.string(), decision: decisionSchema }),
  z.object({ kind: z.literal('comment'), at: z.number(), ref: z.string() }),
]);
export type Pending = z.infer<typeof pendingSchema>;
export const residentStateSchema = z.object({
  pending: pendingSchema.nullable().optional(),
  seen: z.array(z.number()).optional(),
});
export type ResidentState = z.infer<typeof residentStateSchema>;

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

interface Plan {
  /** Replies that need no side effect. */
  replies: Reply[];
  pending: Pending | null;
  /** Runs only after the state write won: at most once per button or message. */
  effect?: () => Promise<Reply[]>;
}

const TOKEN_ACTIONS = new Set(['consent_yes', 'consent_no', 'confirm', 'cancel', 'attach_yes', 'attach_no', 'open_case_anyway']);
const RATINGS: Record<string, SatisfactionRating> = {
  rate_satisfied: 'satisfied',
  rate_basically_satisfied: 'basically_satisfied',
  rate_dissatisfied: 'dissatisfied',
};

const r = (key: string, params?: Reply['params'], extra: Partial<Reply> = {}): Reply => ({ key, ...(params ? { params } : {}), ...extra });
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const newToken = () => crypto.randomBytes(9).toString('base64url');
const isOpen = (c: CaseRecord) => (OPEN_STATUSES as readonly string[]).includes(c.status);
/** A case shared with a social organization: its consent can be withdrawn even after it is finished. */
const isConsentCase = (c: CaseRecord) => c.category === 'out_of_scope' || c.category === 'legal_channel';
const canWithdraw = (c: CaseRecord) => isOpen(c) || (isConsentCase(c) && c.status !== 'withdrawn');

/** Text a person could have typed: no NUL, and not mostly control or replacement characters. */
export function isReadableText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const junk = text.match(/[\p{Cc}\uFFFD\p{Co}\p{Cs}]/gu)?.filter((c) => c !== '\n' && c !== '\r' && c !== '\t').length ?? 0;
  return junk === 0 || junk / [...text].length < 0.1;
}

/** Which procedure the law provides instead of a petition (信访工作条例 Art. 31), with the note that explains it. */
export function legalChannelOf(text: string): { channel: 'labour' | 'reconsideration' | 'court'; sources: string[] } {
  if (/劳动|勞動|工资|工資|欠薪|薪水|辞退|辭退|开除|開除|解雇|解僱|加班|社保|工伤|工傷|劳动合同|仲裁|wage|salary|fired|dismiss|overtime|employer|labou?r/i.test(text)) {
    return { channel: 'labour', sources: ['labour-disputes', 'legal-aid'] };
  }
  if (/行政|处罚|處罰|罚款|罰款|复议|覆議|復議|吊销|吊銷|拘留|执法|執法|\bfine\b|fined|penalt|licen[cs]e|reconsideration|administrative/i.test(text)) {
    return { channel: 'reconsideration', sources: ['administrative-reconsideration', 'legal-aid'] };
  }
  return { channel: 'court', sources: ['mediation', 'legal-aid', 'petitions'] };
}

export class ResidentConversation implements ResidentConversationApi {
  private readonly store: ConversationStore<ResidentState>;
  private readonly officeChatId: number | null;
  private readonly log?: Logger;

  /** Concurrent messages' resident-and-state reads, coalesced into one statement (see Coalescer). */
  private readonly loads = new Coalescer<LoadKey, LoadRow | undefined>(
    (keys) => this.loadMany(keys),
    async (k) => (await this.deps.pool.query<LoadRow>(loadSql(`(SELECT 0 AS i, ${sqlLiteral(k.channel)} AS c, ${sqlLiteral(k.externalId)} AS e, ${sqlLiteral(k.chat)}::bigint AS id) AS k`))).rows[0],
    () => String(this.loadSeq++),
  );
  private loadSeq = 0;

  constructor(private readonly deps: ResidentConversationDeps) {
    this.store = deps.store ?? new ConversationStore<ResidentState>(deps.pool, deps.clock, residentStateSchema);
    // Alerts and notes go where the case service sends them; deps.officeChatId only names it for the warning.
    this.officeChatId = deps.officeChatId !== undefined ? deps.officeChatId : deps.cases.officeChatId;
    this.log = deps.logger?.child({ component: 'resident-conversation' });
    if (this.officeChatId === null) this.log?.warn('no office chat: emergency alerts and residents’ notes reach nobody');
  }

  // -------------------------------------------------------------------------------------------------
  // Text

  async onText(ref: ResidentRef, text: string, opts: { updateId?: number } = {}): Promise<Reply[]> {
    if (typeof text !== 'string' || !isReadableText(text)) return [r('conversation.error.unreadable')];
    const trimmed = text.trim();
    if (trimmed === '') return [r('conversation.error.empty')];
    if ([...trimmed].length > MAX_TEXT_CHARS) return [r('conversation.error.too_long', { max: MAX_TEXT_CHARS })];

    // The rules run first and alone: an emergency reply never waits for the store or a model.
    let decision: Decision;
    try {
      decision = await triage(trimmed, this.deps.triage);
    } catch (err) {
      this.log?.error({ err: (err as Error).message }, 'triage failed');
      return [r('conversation.error.busy')];
    }
    if (decision.category === 'emergency') return this.emergency(ref, decision, opts.updateId);

    const { resident, snapshot } = await this.residentAndState(ref);
    // Concern (distress, no immediate danger): the warm reply and a normal-priority office note, then
    // the request is handled as usual. Inside the state write, so a replayed update adds neither.
    return this.withState(ref, opts.updateId, snapshot, this.withConcern(ref, decision, opts.updateId, async (state) => {
      const pending = this.live(state?.pending);
      if (pending?.kind === 'comment') {
        return { replies: [], pending: null, effect: () => this.note(resident, pending.ref, 'satisfaction_comment', trimmed) };
      }
      if (pending?.kind === 'petition') {
        // Typing while a summary waits for confirmation adds details to it.
        const combined = `${pending.text}\n${trimmed}`;
        if ([...combined].length > MAX_TEXT_CHARS) return { replies: [r('conversation.error.too_long', { max: MAX_TEXT_CHARS })], pending };
        const again = await triage(combined, this.deps.triage);
        const d = again.category === 'petition' ? again : { ...(pending.decision as unknown as Decision), redactedText: again.redactedText };
        return {
          replies: [r('conversation.petition.details_added', { summary: clip(d.redactedText, 500) }, { actions: [CONFIRM_ACTION, 'cancel'], token: pending.token })],
          pending: { ...pending, at: this.now(), text: combined, decision: stripDecision(d) },
        };
      }
      let d = decision;
      let full = trimmed;
      if (pending?.kind === 'clarify') {
        full = `${pending.text}\n${trimmed}`;
        if ([...full].length > MAX_TEXT_CHARS) full = trimmed;
        if (decision.category === 'unclear') {
          // Second unclear message in a row: the office reads it (a petition with no target is an office-review case).
          const officeDecision: Decision = { ...decision, category: 'petition', target: null, needsReview: true, reasons: [...decision.reasons, 'unclear_twice'] };
          officeDecision.redactedText = (await triage(full, this.deps.triage)).redactedText;
          return { replies: [r('conversation.unclear.to_office')], pending: null, effect: () => this.open(resident, officeDecision, full) };
        }
        const d2 = await triage(full, this.deps.triage);
        d = d2.category === 'unclear' || d2.category === 'emergency' ? decision : d2;
        if (d === decision) full = trimmed;
      }
      if (d.category === 'unclear') return { replies: [r('conversation.unclear.question')], pending: { kind: 'clarify', at: this.now(), text: trimmed } };
      // A policy question is answered, not filed: asking it is no duplicate of an open case.
      const open = d.category === 'inquiry' ? [] : (await this.deps.cases.listForResident(resident.id)).filter(isOpen);
      if (open.length > 0) {
        const latest = open[0]!;
        const token = newToken();
        // Several messages before the resident answers the offer are one follow-up: none is dropped.
        const text = pending?.kind === 'attach' && pending.ref === latest.ref && [...`${pending.text}\n${full}`].length <= MAX_TEXT_CHARS
          ? `${pending.text}\n${full}`
          : full;
        return {
          replies: [r('conversation.attach.offer', { ref: latest.ref }, { actions: ['attach_yes', 'attach_no'], token })],
          pending: { kind: 'attach', at: this.now(), token, ref: latest.ref, text, decision: stripDecision(d) },
        };
      }
      return this.categoryFlow(ref.language, d, full);
    }));
  }

  // -------------------------------------------------------------------------------------------------
  // Buttons

  async onAction(ref: ResidentRef, action: string, refOrToken: string | null, opts: { version?: number; updateId?: number } = {}): Promise<Reply[]> {
    const arg = typeof refOrToken === 'string' ? refOrToken : '';
    if (typeof action !== 'string' || !/^[A-Za-z0-9_-]{0,64}$/.test(arg)) return [r('conversation.error.expired')];
    if (TOKEN_ACTIONS.has(action)) return this.tokenAction(ref, action, arg, opts.updateId);
    if (action === 'status') return this.status(ref);
    if (!isRef(arg)) return [r('conversation.error.expired')];
    const rating = RATINGS[action];
    if (rating) return this.rate(ref, arg, rating, opts.updateId);
    if (action === 'withdraw') return this.offerWithdraw(ref, arg);
    if (action === 'withdraw_confirm') return this.withdraw(ref, arg);
    // Staff actions and anything else have no meaning in a resident's chat.
    return [r('conversation.error.case_unavailable')];
  }

  private async tokenAction(ref: ResidentRef, action: string, token: string, updateId?: number): Promise<Reply[]> {
    const { resident, snapshot } = await this.residentAndState(ref);
    return this.withState(ref, updateId, snapshot, async (state) => {
      const p = this.live(state?.pending);
      if (!p || !('token' in p) || p.token !== token || token === '') return { replies: [r('conversation.error.expired')], pending: p ?? null };
      const yes = action === 'consent_yes' || action === 'confirm';
      if (p.kind === 'petition' && yes) {
        return { replies: [], pending: null, effect: () => this.open(resident, p.decision as unknown as Decision, p.text) };
      }
      // consent_no: the label of this button before `cancel` existed.
      if (p.kind === 'petition' && (action === 'cancel' || action === 'consent_no')) return { replies: [r('conversation.petition.cancelled')], pending: null };
      if (p.kind === 'consent' && yes) {
        const d = p.decision as unknown as Decision;
        return { replies: [], pending: null, effect: () => this.open(resident, d, p.text, true) };
      }
      if (p.kind === 'consent' && action === 'consent_no') {
        if (p.purpose === 'legal_aid') return { replies: [r('conversation.legal.info_only')], pending: null };
        const notes = await this.passagesAnswer((p.decision as unknown as Decision).redactedText, ref.language);
        return { replies: [r('conversation.oos.info_only'), ...(notes ? [r('conversation.oos.notes', { text: notes })] : [])], pending: null };
      }
      if (p.kind === 'attach' && action === 'attach_yes') {
        return { replies: [], pending: null, effect: () => this.note(resident, p.ref, 'resident_note', p.text) };
      }
      if (p.kind === 'attach' && action === 'attach_no') return this.categoryFlow(ref.language, p.decision as unknown as Decision, p.text);
      if (p.kind === 'inquiry' && action === 'open_case_anyway') {
        const d = p.decision as unknown as Decision;
        const asPetition: Decision = { ...d, category: 'petition', target: null, needsReview: true, reasons: [...d.reasons, 'resident_asked_case'] };
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
        await this.resident(ref);
        return [r('conversation.welcome')];
      case 'help':
        return [r('conversation.help')];
      case 'privacy':
        return [r('conversation.privacy')];
      case 'status':
        return this.status(ref);
      case 'withdraw': {
        const a = typeof args === 'string' ? args.trim() : '';
        if (a !== '') return isRef(a) ? this.offerWithdraw(ref, a) : [r('conversation.error.case_unavailable')];
        const resident = await this.resident(ref);
        const open = (await this.deps.cases.listForResident(resident.id)).filter(isOpen);
        if (open.length === 0) return [r('conversation.withdraw.none')];
        return open.slice(0, 10).map((c) => this.withdrawOffer(c, ref.language));
      }
      default:
        return [r('conversation.help')];
    }
  }

  async onAttachment(ref: ResidentRef, kind: 'photo' | 'document', fileId: string): Promise<Reply[]> {
    if ((kind !== 'photo' && kind !== 'document') || typeof fileId !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(fileId)) {
      return [r('conversation.error.unreadable')];
    }
    const resident = await this.resident(ref);
    const open = (await this.deps.cases.listForResident(resident.id)).filter(isOpen);
    if (open.length === 0) return [r('conversation.attachment.describe_first')];
    return this.note(resident, open[0]!.ref, 'resident_attachment', null, { kind, fileId });
  }

  // -------------------------------------------------------------------------------------------------
  // Flows

  private async categoryFlow(lang: Language, d: Decision, text: string): Promise<Plan> {
    const token = newToken();
    const at = this.now();
    switch (d.category) {
      case 'inquiry': {
        const a = await this.passagesAnswer(d.redactedText, lang);
        return {
          replies: [
            r('conversation.text', { text: a ?? '' }),
            r('conversation.inquiry.more', undefined, { actions: ['open_case_anyway'], token }),
          ].filter((x) => x.key !== 'conversation.text' || a),
          pending: { kind: 'inquiry', at, token, text, decision: stripDecision(d) },
        };
      }
      case 'legal_channel': {
        const { channel, sources } = legalChannelOf(text);
        const basis = await this.passagesAnswer(d.redactedText, lang, sources);
        const replies = [r(`conversation.legal.${channel}`), ...(basis ? [r('conversation.legal.basis', { basis })] : [])];
        const org = await this.organizationFor('legal_aid');
        if (!org) return { replies, pending: null };
        replies.push(r('conversation.legal.aid_offer', { org: org.names[lang], shared: this.sharedText(lang) }, { actions: ['consent_yes', 'consent_no'], token }));
        const legal: Decision = { ...d, category: 'legal_channel', target: 'legal_aid' };
        return { replies, pending: { kind: 'consent', at, token, text, decision: stripDecision(legal), purpose: 'legal_aid' } };
      }
      case 'petition': {
        const dept = d.target ? this.deps.directory.department(d.target) : undefined;
        const handler = dept ? dept.names[lang] : t(lang, 'conversation.petition.office_decides');
        return {
          replies: [r('conversation.petition.confirm', { summary: clip(d.redactedText, 500), handler }, { actions: [CONFIRM_ACTION, 'cancel'], token })],
          pending: { kind: 'petition', at, token, text, decision: stripDecision(d) },
        };
      }
      case 'out_of_scope': {
        const service = isServiceCode(d.target) && d.target !== 'legal_aid' ? d.target : null;
        const org = service ? await this.organizationFor(service) : undefined;
        if (!org) {
          const notes = await this.passagesAnswer(d.redactedText, lang);
          return { replies: [r('conversation.oos.no_org'), ...(notes ? [r('conversation.oos.notes', { text: notes })] : [])], pending: null };
        }
        return {
          replies: [r('conversation.oos.offer', { org: org.names[lang], shared: this.sharedText(lang) }, { actions: ['consent_yes', 'consent_no'], token })],
          pending: { kind: 'consent', at, token, text, decision: stripDecision(d), purpose: 'service' },
        };
      }
      default:
        // emergency and unclear are handled before a flow is chosen
        return { replies: [r('conversation.unclear.question')], pending: { kind: 'clarify', at, text } };
    }
  }

  private withConcern(ref: ResidentRef, d: Decision, updateId: number | undefined, plan: (s: ResidentState | null) => Promise<Plan>) {
    if (d.crisis?.level !== 'concern') return plan;
    const warm = [r('triage.crisis.concern'), ...(d.crisis.kinds.includes('violence') ? [r('triage.crisis.concern.violence')] : [])];
    return async (s: ResidentState | null): Promise<Plan> => {
      const p = await plan(s);
      const effect = p.effect;
      return {
        ...p,
        replies: [...warm, ...p.replies],
        effect: async () => {
          await this.alertOffice(ref, d, d.crisis!.kinds, updateId, 'concern').catch((err) => {
            this.log?.error({ err: (err as Error).message }, 'concern note not written');
          });
          return effect ? effect() : [];
        },
      };
    };
  }

  private async emergency(ref: ResidentRef, d: Decision, updateId?: number): Promise<Reply[]> {
    const kinds = d.emergencyKinds?.length ? d.emergencyKinds : ['other'];
    const keys = [...new Set(kinds.map(emergencyMessageKey))];
    // Someone in danger reads the numbers best in the language they just wrote in, when that is clearly
    // not the one they chose in Telegram (English vs Chinese, or 繁體/Cantonese characters).
    const clear = d.language !== ref.language && (d.language === 'en' || ref.language === 'en' || d.language === 'zh-Hant');
    const replies = [...keys.map((k) => r(k)), r('triage.emergency.footer')].map((x) => (clear ? { ...x, language: d.language } : x));
    const write = this.alertOffice(ref, d, kinds, updateId).catch((err) => {
      this.log?.error({ err: (err as Error).message }, 'emergency alert not written');
    });
    // The numbers go out even if the database is slow; the write carries on in the background.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([write, new Promise((res) => (timer = setTimeout(res, ALERT_WRITE_BUDGET_MS)))]);
    clearTimeout(timer);
    return replies;
  }

  private async alertOffice(ref: ResidentRef, d: Decision, kinds: string[], updateId?: number, level: 'immediate' | 'concern' = 'immediate'): Promise<void> {
    if (this.officeChatId === null) return;
    const chat = this.chatKey(ref);
    const now = this.deps.clock.now();
    const id = updateId ?? crypto.createHash('sha256').update(`${d.redactedText}|${Math.floor(now.getTime() / 60_000)}`).digest('hex').slice(0, 16);
    // One outbox row through cases/ (no case, no lock, no transaction): nothing a case command holds can delay it.
    await this.deps.cases.alertOffice({
      level,
      channel: ref.channel,
      chat,
      requestId: String(id),
      // Which rules, cues and model scores fired: staff see why, and can judge a false alarm.
      params: { kinds: kinds.join(', '), channel: ref.channel, chat, cues: (d.crisis?.cues ?? d.reasons.filter((x) => x.startsWith('emergency_rule:') || x === 'engine_emergency')).join(', ') || '-', excerpt: clip(d.redactedText, 300) },
    });
    this.log?.warn({ kinds, level, channel: ref.channel }, level === 'immediate' ? 'emergency: office alerted' : 'crisis concern: office told');
  }

  private async open(resident: ResidentRecord, d: Decision, text: string, withConsent = false): Promise<Reply[]> {
    try {
      await this.deps.cases.openCase({
        residentId: resident.id,
        decision: d,
        originalText: text,
        language: resident.language,
        ...(withConsent ? { consent: { sharedFields: DEFAULT_SHARED_FIELDS } } : {}),
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
    return this.withState(ref, updateId, undefined, async () => ({
      replies: [r('conversation.survey.comment_prompt', { ref: caseRef })],
      pending: { kind: 'comment', at: this.now(), ref: caseRef },
    }));
  }

  private async ownCase(ref: ResidentRef, caseRef: string): Promise<CaseRecord | null> {
    const resident = await this.resident(ref);
    try {
      const c = await this.deps.cases.getCase(caseRef);
      return c.residentId === resident.id ? c : null;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof ValidationError) return null;
      throw err;
    }
  }

  private async offerWithdraw(ref: ResidentRef, caseRef: string): Promise<Reply[]> {
    const c = await this.ownCase(ref, caseRef);
    if (!c || !canWithdraw(c)) return [r('conversation.error.case_unavailable')];
    return [this.withdrawOffer(c, ref.language)];
  }

  private withdrawOffer(c: CaseRecord, lang: Language): Reply {
    const consent = isConsentCase(c);
    return r(consent ? 'conversation.withdraw.offer_consent' : 'conversation.withdraw.offer', { ref: c.ref, status: t(lang, `conversation.status.${c.status}`) }, {
      actions: ['withdraw_confirm'],
      caseRef: c.ref,
      caseVersion: c.version,
    });
  }

  private async withdraw(ref: ResidentRef, caseRef: string): Promise<Reply[]> {
    const c = await this.ownCase(ref, caseRef);
    if (!c || !canWithdraw(c)) return [r('conversation.error.case_unavailable')];
    try {
      if (isConsentCase(c)) {
        try {
          await this.deps.cases.withdrawConsent(caseRef, ref.externalId);
          return [];
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err; // no consent on record: a plain withdrawal
        }
      }
      await this.deps.cases.withdraw(caseRef, ref.externalId);
      return []; // cases.resident.withdrawn / consent_withdrawn come from the outbox
    } catch (err) {
      return this.caseError(err);
    }
  }

  private async status(ref: ResidentRef): Promise<Reply[]> {
    const resident = await this.resident(ref);
    const all = (await this.deps.cases.listForResident(resident.id)).slice(0, 10);
    if (all.length === 0) return [r('conversation.status.none')];
    const lines: Reply[] = [];
    for (const c of all) {
      let next: string | null = null;
      if (isOpen(c)) {
        const running = (await this.deps.cases.clocks(c.ref)).filter((k) => !k.stoppedAt && OBLIGATION_CLOCKS.includes(k.kind));
        const first = running.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
        if (first) next = shanghaiDay(first.dueAt);
      }
      lines.push(
        r('conversation.status.line', {
          ref: c.ref,
          status: t(ref.language, `conversation.status.${c.status}`),
          next: next ? t(ref.language, 'conversation.status.next', { date: next }) : '',
        }),
      );
    }
    return lines;
  }

  /** A resident's addition to their case: an audit event the office sees, and a note to the office chat. */
  private async note(
    resident: ResidentRecord,
    caseRef: string,
    type: 'resident_note' | 'satisfaction_comment' | 'resident_attachment',
    text: string | null,
    file?: { kind: 'photo' | 'document'; fileId: string },
  ): Promise<Reply[]> {
    const redacted = text === null ? null : redact(text).text;
    const ok = await this.deps.cases.addResidentNote({ residentId: resident.id, ref: caseRef, type, note: redacted, ...(file ? { file } : {}) });
    if (!ok) return [r('conversation.error.case_unavailable')];
    if (type === 'resident_attachment') return [r('conversation.attachment.saved', { ref: caseRef, kind: t(resident.language, `conversation.attachment.${file!.kind}`) })];
    return [r(type === 'satisfaction_comment' ? 'conversation.survey.comment_saved' : 'conversation.attach.done', { ref: caseRef })];
  }

  // -------------------------------------------------------------------------------------------------
  // Helpers

  private caseError(err: unknown): Reply[] {
    if (err instanceof AppError) {
      this.log?.info({ err: err.name }, 'resident case action refused');
      return [r(refusalKey(err, 'resident') ?? 'conversation.error.case_unavailable')];
    }
    throw err;
  }

  private async passagesAnswer(question: string, lang: Language, sources?: string[]): Promise<string | null> {
    if (!this.deps.retriever) return null;
    let passages: RetrievedPassage[] = [];
    try {
      if (sources) passages = await this.deps.retriever.search(question, { k: 3, sources });
      if (passages.length === 0) passages = await this.deps.retriever.search(question, { k: 5 });
    } catch (err) {
      this.log?.error({ err: (err as Error).message }, 'retrieval failed');
      return null;
    }
    const a = await answer(question, passages, { language: lang, ...(this.deps.answerLlm ? { llm: this.deps.answerLlm } : {}) });
    return a.text;
  }

  private async organizationFor(service: ServiceCode): Promise<Organization | undefined> {
    return this.deps.directory.nextOrganization(service, [], await this.deps.cases.handlerLoad());
  }

  private sharedText(lang: Language): string {
    return DEFAULT_SHARED_FIELDS.map((f) => t(lang, `conversation.shared.${f}`)).join(t(lang, 'conversation.shared.separator'));
  }

  private async resident(ref: ResidentRef): Promise<ResidentRecord> {
    return this.deps.cases.upsertResident({ channel: ref.channel, externalId: ref.externalId, chatId: this.chatKey(ref), language: ref.language });
  }

  private async loadMany(keys: LoadKey[]): Promise<Array<LoadRow | undefined>> {
    const rows = keys.map((k, i) => ({ i, c: k.channel, e: k.externalId, id: k.chat }));
    const r = await this.deps.pool.query<LoadRow>(loadSql(`jsonb_to_recordset(${sqlLiteral(JSON.stringify(rows))}::jsonb) AS k(i int, c text, e text, id bigint)`));
    const byIndex = new Map(r.rows.map((x) => [Number(x.i), x]));
    return keys.map((_, i) => byIndex.get(i));
  }

  /**
   * The resident and the conversation state in one read: what every message and button needs first.
   * The resident row is written (CaseService.upsertResident) only when it is new or its chat or
   * language changed, so an ordinary message costs this one statement before its state write.
   */
  private async residentAndState(ref: ResidentRef): Promise<{ resident: ResidentRecord; snapshot: ConversationSnapshot<ResidentState> }> {
    const chat = this.chatKey(ref);
    this.store.assertKey(ref.channel, chat);
    if (typeof ref.externalId !== 'string' || ref.externalId === '') return { resident: await this.resident(ref), snapshot: await this.store.get(ref.channel, chat) };
    const row = await this.loads.push({ channel: ref.channel, externalId: ref.externalId, chat });
    const snapshot = this.store.snapshotOf(row);
    if (!row || row.id === null || row.chat_id === null || Number(row.chat_id) !== chat || row.language !== ref.language) {
      return { resident: await this.resident(ref), snapshot };
    }
    return { resident: { id: row.id, channel: ref.channel, externalId: ref.externalId, chatId: chat, language: ref.language }, snapshot };
  }

  /** The chat the conversation lives in; a channel without chat ids gets a stable number from the resident id. */
  private chatKey(ref: ResidentRef): number {
    if (ref.chatId !== null && Number.isSafeInteger(ref.chatId)) return ref.chatId;
    const n = Number(ref.externalId);
    if (Number.isSafeInteger(n)) return n;
    return crypto.createHash('sha256').update(ref.externalId).digest().readUInt32BE(0);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private live(p: Pending | null | undefined): Pending | null {
    if (!p) return null;
    return this.now() - p.at > PENDING_TTL_MS ? null : p;
  }

  /**
   * Read the state, plan, write the state (optimistically), then run the plan's effect. A message or
   * button seen before (same update id) does nothing; a lost write race plans again from the new state.
   */
  private async withState(
    ref: ResidentRef,
    updateId: number | undefined,
    first: ConversationSnapshot<ResidentState> | undefined,
    plan: (s: ResidentState | null) => Promise<Plan>,
  ): Promise<Reply[]> {
    const chat = this.chatKey(ref);
    for (let i = 0; i < STATE_ATTEMPTS; i++) {
      // The first attempt may use a snapshot read together with the resident; a retry reads afresh.
      const snap: ConversationSnapshot<ResidentState> = i === 0 && first ? first : await this.store.get(ref.channel, chat);
      if (updateId !== undefined && snap.state?.seen?.includes(updateId)) return [];
      const p = await plan(snap.state);
      const seen = updateId === undefined ? (snap.state?.seen ?? []) : [...(snap.state?.seen ?? []), updateId].slice(-SEEN_UPDATES);
      const w = await this.store.set(ref.channel, chat, { pending: p.pending, seen }, snap.version);
      if (!w.ok) continue;
      const more = p.effect ? await p.effect() : [];
      return [...p.replies, ...more];
    }
    return [r('conversation.error.busy')];
  }
}

interface LoadKey {
  channel: ResidentRef['channel'];
  externalId: string;
  chat: number;
}

interface LoadRow {
  i: number;
  id: number | null;
  chat_id: number | string | null;
  language: string | null;
  state: unknown;
  version: number | null;
  updated_at: Date | null;
}

/** Residents and conversation states for a set of keys `k(i, c, e, id)`, one row per key. Simple protocol: literals only (sqlLiteral). */
function loadSql(keys: string): string {
  return `SELECT k.i, r.id, r.chat_id, r.language, s.state, s.version, s.updated_at
            FROM ${keys}
            LEFT JOIN residents r ON r.channel = k.c AND r.external_id = k.e
            LEFT JOIN conversation_state s ON s.channel = k.c AND s.chat_id = k.id`;
}

/** Decisions kept in the state lose their citations (large, and recomputed when needed). */
function stripDecision(d: Decision): Record<string, unknown> {
  const { citations: _c, ...rest } = d;
  return { ...rest, citations: [] };
}
