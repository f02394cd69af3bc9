/**
 * Replies to danger: the emergency numbers with the office alert, and the warm reply with the office note for a
 * concern. Also the matter a resident raised in the same message as a danger ("公司拖欠工资三个月 我今晚就从楼上跳下去"):
 * the numbers go out first and alone; the unpaid wages are kept behind one button, for when the resident is safe.
 * Before, that matter was lost and had to be written again.
 */
import crypto from 'node:crypto';
import type { Logger } from '../kernel/logger.js';
import type { Decision } from '../kernel/taxonomy.js';
import { emergencyMessageKey } from '../i18n/triage.js';
import { besideTheDanger } from '../triage/besideDanger.js';
import { triage, type TriageDeps } from '../triage/pipeline.js';
import type { CaseService } from '../cases/caseService.js';
import type { Clock } from '../kernel/clock.js';
import type { Directory } from '../directory/directory.js';
import { denialOf } from './residentDenial.js';
import { ALERT_WRITE_BUDGET_MS, MAX_TEXT_CHARS, r, stillWaiting, type Kept, type Plan, type ResidentState, type ResidentStateAccess } from './residentState.js';
import { clip, concernReplies, newToken, officeKindLabels, stripDecision } from './residentRules.js';
import { fromModelAlone } from '../triage/crisis/types.js';
import type { Reply, ResidentRef } from './types.js';

/** What may be taken up after the emergency reply: a matter for a department, a channel or a service, or a question. */
const MATTERS = new Set<Decision['category']>(['petition', 'legal_channel', 'out_of_scope', 'inquiry']);
/** Below this the local reading of the clauses beside the danger is no matter worth a button. */
const MIN_CONFIDENCE = 0.5;

/**
 * Only the offline engine reads it: the emergency reply must never wait for a model server or a network,
 * and without a local engine there is no button (the office alert quotes the whole message anyway).
 */
function localDeps(deps: TriageDeps): TriageDeps | null {
  const local = deps.engine.name === 'offline' ? deps.engine : deps.fallback?.name === 'offline' ? deps.fallback : null;
  return local ? { ...deps, engine: local, fallback: undefined } : null;
}

/** The other matter of a message in danger, read alone, or null when it says nothing else clear enough. */
export async function matterBesideDanger(text: string, deps: TriageDeps): Promise<{ text: string; decision: Decision } | null> {
  const rest = besideTheDanger(text);
  const local = localDeps(deps);
  if (!rest || !local || [...rest].length > MAX_TEXT_CHARS) return null;
  const d = await triage(rest, local);
  if (!MATTERS.has(d.category) || d.confidence < MIN_CONFIDENCE) return null;
  // The office reviews it: the person who sent it was in danger a moment ago, and the alert already went out.
  return { text: rest, decision: { ...d, needsReview: true, reviewReason: d.reviewReason ?? 'after_emergency', reasons: [...d.reasons, 'after_emergency'] } };
}

/** A reading this sure of a petition or a question is what the message is about, whatever the crisis model alone says. */
const CLEAR_MATTER = 0.9;

export interface DangerDeps {
  cases: Pick<CaseService, 'alertOffice'>;
  directory: Directory;
  triage: TriageDeps;
  clock: Clock;
}

export class DangerReplies {
  constructor(
    private readonly deps: DangerDeps,
    private readonly state: ResidentStateAccess,
    private readonly log?: Logger,
  ) {}

  /** The warm reply and a normal-priority office note before the usual plan, for a concern (not immediate danger). */
  withConcern(ref: ResidentRef, d: Decision, updateId: number | undefined, aboutService: boolean, plan: (s: ResidentState | null) => Promise<Plan>, text = '') {
    const denial = denialOf(text, d);
    // "我没有想不开" / "I'm not going to hurt myself" after the concern reply answers it: no second note to the office,
    // no lines again. Said alone, it is no part of the matter either ("我不会做傻事的" had been added to the offer's text).
    const answered = async (s: ResidentState | null): Promise<Plan | null> => {
      if (!denial || !this.state.concernTold(s)) return null;
      const live = this.state.live(s?.pending);
      return denial.only ? { replies: [r('conversation.concern.denied'), ...stillWaiting(live, ref.language, this.deps.directory)], pending: live } : plan(s);
    };
    if (d.crisis?.level !== 'concern') return denial ? async (s: ResidentState | null) => (await answered(s)) ?? plan(s) : plan;
    const warm = concernReplies(d.crisis.kinds).map((k) => r(k));
    return async (s: ResidentState | null): Promise<Plan> => {
      const after = await answered(s);
      if (after) return after;
      // A comment on a case's outcome ("still broken, nobody came", "very bad service") is feedback the office
      // reads anyway; the model alone, with no rule or cue behind it, had answered such comments with
      // counselling lines. A comment with a distress cue or a rule still gets them.
      // Likewise a detail added to a summary that waits: each one (even "'; DROP TABLE cases; --") had repeated the lines.
      const step = this.state.live(s?.pending)?.kind;
      if ((aboutService || step === 'comment' || step === 'petition') && fromModelAlone(d.crisis!.cues)) return plan(s);
      // A clear complaint or question that only the model read as distress ("盞路燈今日終於修好咗", "餐馆的油烟今晚更严重
      // 了…") had been told "听起来你最近压力很大" with the hotlines: the office still gets its note and decides, the
      // resident gets the reply to what they wrote. Any rule or cue (a despair word, a plan) keeps the lines.
      // So is a detail told while a 信访外 or legal-aid offer waits (or just after 不同意), which goes on with that matter:
      // "我上去跟他说过几次，他还骂我" after a neighbour's noise had been told "听起来您最近压力很大" above the same offer.
      const told = (step === 'consent' || step === 'declined') && fromModelAlone(d.crisis!.cues);
      const quiet = told || (fromModelAlone(d.crisis!.cues) && (d.category === 'petition' || d.category === 'inquiry') && d.confidence >= CLEAR_MATTER);
      const p = await plan(s);
      const effect = p.effect;
      return {
        ...p,
        concernAt: this.state.now(),
        replies: quiet ? p.replies : [...warm, ...p.replies],
        effect: async () => {
          await this.alertOffice(ref, d, d.crisis!.kinds, updateId, 'concern', !quiet).catch((err) => {
            this.log?.error({ err: (err as Error).message }, 'concern note not written');
          });
          return effect ? effect() : [];
        },
      };
    };
  }

  /** The numbers first, the urgent office alert, and the matter said beside the danger kept behind a button. */
  async emergency(ref: ResidentRef, d: Decision, updateId?: number, text: string | null = null): Promise<Reply[]> {
    const kinds = d.emergencyKinds?.length ? d.emergencyKinds : ['other'];
    const keys = [...new Set(kinds.map(emergencyMessageKey))];
    // Someone in danger reads the numbers best in the language they just wrote in, when that is clearly
    // not the one they chose in Telegram (English vs Chinese, or 繁體/Cantonese characters).
    const clear = d.language !== ref.language && (d.language === 'en' || ref.language === 'en' || d.language === 'zh-Hant');
    const replies = [...keys.map((k) => r(k)), r('triage.emergency.footer')].map((x) => (clear ? { ...x, language: d.language } : x));
    const write = this.alertOffice(ref, d, kinds, updateId).catch((err) => {
      this.log?.error({ err: (err as Error).message }, 'emergency alert not written');
    });
    // The other matter of the message, kept behind a button (matterBesideDanger): read by the local engine, beside the
    // alert write and within its budget — the numbers wait for it at most as long as for the alert (1.5 s; a few ms
    // in practice), never for a model server, and go out without the button when it is not ready by then.
    let kept: Reply | null = null;
    const token = newToken();
    const keep = text === null ? Promise.resolve() : matterBesideDanger(text, this.deps.triage)
      .then(async (m) => {
        if (!m) return;
        const held: Kept = { at: this.state.now(), token, text: m.text, decision: stripDecision(m.decision) };
        // Whatever step was waiting stays (a summary typed before the danger is still there to confirm).
        await this.state.withState(ref, undefined, undefined, async (s) => ({ replies: [], pending: this.state.live(s?.pending), kept: held }));
        // Quoted without its closing mark: 「…干净。”。」 had doubled it.
        const matter = clip(m.text, 200).replace(/[。．.!！?？；;，,\s]+$/u, '');
        kept = r('conversation.emergency.matter_later', { matter }, { actions: ['resume_matter'], token });
      })
      .catch((err) => {
        this.log?.error({ err: (err as Error).message }, 'matter beside an emergency not kept');
      });
    // The numbers go out even if the database is slow; the writes carry on in the background.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([write, keep]), new Promise((res) => (timer = setTimeout(res, ALERT_WRITE_BUDGET_MS)))]);
    clearTimeout(timer);
    return kept ? [...replies, clear ? { ...(kept as Reply), language: d.language } : kept] : replies;
  }

  private async alertOffice(ref: ResidentRef, d: Decision, kinds: string[], updateId?: number, level: 'immediate' | 'concern' = 'immediate', linesGiven = true): Promise<void> {
    // Without an office chat the alert still goes to the outbox: it waits there for OFFICE_CHAT_ID.
    const chat = this.state.chatKey(ref);
    const now = this.deps.clock.now();
    const id = updateId ?? crypto.createHash('sha256').update(`${d.redactedText}|${Math.floor(now.getTime() / 60_000)}`).digest('hex').slice(0, 16);
    // One outbox row through cases/ (no case, no lock, no transaction): nothing a case command holds can delay it.
    await this.deps.cases.alertOffice({
      level,
      channel: ref.channel,
      chat,
      requestId: String(id),
      // Which rules, cues and model scores fired: staff see why, and can judge a false alarm.
      params: { kinds: officeKindLabels(kinds), channel: ref.channel, chat, cues: (d.crisis?.cues ?? d.reasons.filter((x) => x.startsWith('emergency_rule:') || x.startsWith('emergency_model:') || x === 'engine_emergency')).join(', ') || '-', excerpt: clip(d.redactedText, 300) },
      ...(linesGiven ? {} : { linesGiven }),
    });
    this.log?.warn({ kinds, level, channel: ref.channel }, level === 'immediate' ? 'emergency: office alerted' : 'crisis concern: office told');
  }
}
