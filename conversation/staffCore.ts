/**
 * What every staff action shares: which role a chat has, who may act in it, the case as it is now,
 * opening a prompt, and turning the service's refusals into answers. Split out of
 * conversation/staff.ts so the office's second steps (conversation/staffOffice.ts) use the same
 * checks and answers as the buttons and texts; the authorisation rules themselves are described there.
 */
import { AppError, IllegalTransitionError, StaleError } from '../kernel/errors.js';
import type { MessageParam } from '../kernel/language.js';
import { clip, STATUS_LABELS_ZH, StaffViews } from './staffViews.js';
import type { Reply } from './types.js';
import { PROMPT_KEY, StaffPrompts, type Pending } from './staffPrompts.js';
import type { StaffCallbackInput, StaffConversationDeps, StaffMessage, StaffResult } from './staffTypes.js';
import type { CaseRecord } from '../cases/caseRepository.js';
import { handlerLabel } from '../cases/cardLabels.js';
import { actionsFor, REFUSAL_KEYS, refusalOf, type CaseRole } from '../cases/policy.js';
import { canApply, type CaseAction } from '../cases/stateMachine.js';
import type { CaseStatus, HandlerActor } from '../cases/types.js';
import type { Handler } from '../directory/directory.js';
import { isServiceCode } from '../kernel/taxonomy.js';

export const OK: StaffResult['answer'] = { key: 'staff.ok', alert: false };

export type Role = { kind: 'office' } | { kind: 'handler'; handler: Handler; id: string };

export class StaffCore {
  readonly prompts: StaffPrompts;
  readonly views: StaffViews;

  constructor(readonly deps: StaffConversationDeps) {
    this.prompts = new StaffPrompts(deps.pool, deps.clock, deps.pendingTtlMs ?? 30 * 60_000, deps.promptNextMessageMs ?? 2 * 60_000);
    this.views = new StaffViews(deps);
  }

  /** roleOf, or else the role of the group this supergroup was (a recorded migration). */
  async roleIn(chatId: number): Promise<Role | null> {
    const direct = this.roleOf(chatId);
    if (direct || !this.deps.chatOrigins) return direct;
    return (await this.deps.chatOrigins(chatId)).map((origin) => this.roleOf(origin)).find((r) => r !== null) ?? null;
  }

  roleOf(chatId: number): Role | null {
    if (this.deps.officeChatId !== null && chatId === this.deps.officeChatId) return { kind: 'office' };
    const h = this.deps.directory.handlerForChat(chatId);
    return h ? { kind: 'handler', handler: h, id: this.deps.directory.handlerId(h) } : null;
  }

  // Fails closed: an empty list lets nobody act (issue 13).
  isOfficeMember(userId: number): boolean {
    return this.deps.officeMemberIds.includes(userId);
  }

  isHandlerMember(h: Handler, userId: number): boolean {
    return h.memberIds.includes(userId);
  }

  handlerActor(role: Extract<Role, { kind: 'handler' }>, userId: number): HandlerActor {
    return { kind: 'handler', id: String(userId), handler: { kind: role.handler.kind, id: role.id } };
  }

  candidatesFor(c: CaseRecord): Handler[] {
    if (c.category === 'petition') return this.deps.directory.departments;
    const service = c.category === 'legal_channel' ? 'legal_aid' : c.target;
    return isServiceCode(service) ? this.deps.directory.organizationsFor(service) : [];
  }

  handlerName(c: CaseRecord): string {
    return this.views.handlerName(c);
  }

  /** The case now, refusing a stale card or an action its status no longer allows before any prompt is shown. */
  async current(ref: string, version: number | undefined, action: CaseAction): Promise<CaseRecord> {
    const c = await this.deps.cases.getCase(ref);
    if (version !== undefined && version !== c.version) throw new StaleError(ref);
    if (!canApply(c.status, action)) throw new IllegalTransitionError(c.status, action, ref);
    return c;
  }

  async prompt(cb: StaffCallbackInput, p: Omit<Pending, 'at'>): Promise<StaffResult> {
    await this.prompts.open(cb.chatId, cb.userId, p);
    return {
      answer: OK,
      messages: [{ key: PROMPT_KEY[p.kind], params: { ref: p.ref, minutes: this.prompts.nextMessageMinutes }, forceReply: { placeholderKey: 'staff.prompt.placeholder' } }],
      prompt: { userId: cb.userId },
    };
  }

  /** Buttons for the handler holding an accepted case. */
  workButtons(c: CaseRecord): Pick<Reply, 'actions' | 'caseRef' | 'caseVersion'> {
    const actions = this.workActions(c);
    return actions.length ? { actions, caseRef: c.ref, caseVersion: c.version } : {};
  }

  private workActions(c: CaseRecord): string[] {
    return c.handlerKind && c.handlerId ? actionsFor({ kind: 'handler', handlerKind: c.handlerKind, handlerId: c.handlerId }, c) : [];
  }

  /** The current state of a case, with the buttons that apply to it now in this chat. */
  private async stateMessage(ref: string, role: Role): Promise<StaffMessage | null> {
    let c: CaseRecord;
    try {
      c = await this.deps.cases.getCase(ref);
    } catch {
      return null;
    }
    const caseRole: CaseRole = role.kind === 'office' ? { kind: 'office' } : { kind: 'handler', handlerKind: role.handler.kind, handlerId: role.id };
    const actions: string[] = actionsFor(caseRole, c);
    return {
      key: 'staff.state',
      // Labels as references: rendered in the language of the group that reads them (a handler's chatLanguage).
      params: { ref, status: { key: `console.status.${c.status}` }, urgent: c.urgent ? { key: 'staff.urgent_mark' } : '', handler: handlerLabel(this.deps.directory, c.handlerKind, c.handlerId) },
      ...(actions.length ? { actions, caseRef: c.ref, caseVersion: c.version } : {}),
    };
  }

  done(key: string, params: Record<string, MessageParam>, clearCard: boolean): StaffResult {
    return { answer: OK, messages: [{ key, params }], clearCard };
  }

  refuse(key: string, params: Record<string, string | number> = {}): StaffResult {
    return { answer: { key, params, alert: true }, messages: [] };
  }

  /** Runs a command and turns the service's refusals into clear answers; nothing is written when it refuses. */
  async attempt(ref: string, role: Role, fn: () => Promise<StaffResult>): Promise<StaffResult> {
    try {
      return await fn();
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      this.deps.logger?.info({ ref, errorId: (err as AppError).id }, 'staff action refused');
      const key = REFUSAL_KEYS[role.kind === 'office' ? 'office_chat' : 'handler_chat'][refusal];
      if (refusal === 'stale' || refusal === 'illegal') {
        const state = await this.stateMessage(ref, role);
        const from = err instanceof IllegalTransitionError ? err.from : '';
        const status = isStatus(from) ? { key: `console.status.${from}` } : from;
        return { answer: { key, params: { status }, alert: true }, messages: state ? [state] : [] };
      }
      if (refusal === 'invalid') {
        const detail = clip((err as Error).message, 150);
        return { answer: { key, params: { detail }, alert: true }, messages: [{ key, params: { detail } }] };
      }
      return this.refuse(key);
    }
  }
}

function isStatus(s: string): s is CaseStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_LABELS_ZH, s);
}
