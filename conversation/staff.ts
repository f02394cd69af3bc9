/**
 * The staff side of the Telegram channel: the petition office group (review cards, /queue, /case,
 * /overdue, /stats) and the handlers' groups (accept, decline, progress, resolve, extend).
 *
 * Every action is authorised against the database by CaseService with the actor this class builds
 * from the chat and the user (never from the button alone): office actions need the office chat and a
 * user in OFFICE_MEMBER_IDS; handler actions need the handler's own chat, and CaseService checks the
 * open referral and the handler's memberIds. Membership fails closed: an empty list means nobody may
 * act in that chat (answered with `security.no_members`), never that everyone in it may.
 * A two-step action (a question, a reason, a note) keeps its pending step per (chat, user) in the
 * conversation store (conversation/staffPrompts.ts: which texts answer it, /cancel).
 */
import type { Clock } from '../kernel/clock.js';
import { AppError, ForbiddenError, IllegalTransitionError, StaleError, ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { Queryable } from '../db/pool.js';
import type { CallbackAction } from './actions.js';
import { handlerToken, REASON_BY_WIRE, REASON_WIRE, splitRef } from './staffWire.js';
import { clip, LANG, st, STATUS_LABELS_ZH, StaffViews } from './staffViews.js';
import type { Reply, ReplyButton, ReplyText } from './types.js';
import { PROMPT_KEY, StaffPrompts, type Pending, type PendingKind, type PromptBinding } from './staffPrompts.js';
import type { CaseRecord } from '../cases/caseRepository.js';
import type { CaseService } from '../cases/caseService.js';
import { actionsFor, mayExtend, REFUSAL_KEYS, refusalOf, type CaseRole } from '../cases/policy.js';
import { isRef, shanghaiDay } from '../cases/refs.js';
import { canApply, type CaseAction } from '../cases/stateMachine.js';
import { NOT_ACCEPTED_REASONS, type CaseStatus, type HandlerActor } from '../cases/types.js';
import type { Directory, Handler } from '../directory/directory.js';
import { isServiceCode } from '../kernel/taxonomy.js';

// ---------------------------------------------------------------------------------------------------
// Output

export { handlerToken, REASON_WIRE } from './staffWire.js';

/** A staff message: the same Reply the resident's conversation returns (keys, params, actions, buttons). */
export type StaffMessage = Reply;

export interface StaffResult {
  /** The acknowledgement of a pressed button (a catalogue text); `alert` when the action was refused. */
  answer?: ReplyText & { alert: boolean };
  /** Messages to send to the chat the action came from, in order. */
  messages: Reply[];
  /** The pressed card's buttons are spent: remove them. */
  clearCard?: boolean;
  /** The pending prompt stays open (the input had the wrong format). */
  keepPending?: boolean;
  /**
   * The last message is a prompt waiting for this user's text: the channel reports its message id
   * (`promptSent`) so that only a reply to it (or the user's next message soon after) answers it.
   */
  prompt?: { userId: number };
}

export interface StaffCallbackInput {
  chatId: number;
  userId: number;
  /** Telegram callback query id: the command's idempotency key. */
  callbackId: string;
  action: CallbackAction;
  ref: string;
  version?: number;
}

export interface StaffTextInput {
  chatId: number;
  userId: number;
  /** Telegram update id: the command's idempotency key. */
  updateId: number;
  text: string;
  /** The message this one replies to (Telegram reply_to_message), if any. */
  replyToMessageId?: number;
}

export interface StaffCommandInput {
  chatId: number;
  userId: number;
  command: string;
  args: string;
}

export interface StaffConversationDeps {
  cases: CaseService;
  directory: Directory;
  /** Where the pending two-step inputs live (conversation_state). */
  pool: Queryable;
  clock: Clock;
  officeChatId: number | null;
  /** OFFICE_MEMBER_IDS; empty → nobody may act in the office chat (fails closed, as for handlers without memberIds). */
  officeMemberIds: readonly number[];
  /**
   * Brings the directory up to date with edits other processes made (members, chats), before any staff
   * input is authorised against it (app/directorySync.ts). Absent: the directory as loaded.
   */
  refreshDirectory?: () => Promise<void>;
  /** Groups a supergroup was before Telegram upgraded it: it keeps their role until the config names it. */
  chatOrigins?: (chatId: number) => readonly number[] | Promise<readonly number[]>;
  logger?: Logger;
  /** How long a pending question/reason waits for its text (default 30 minutes). */
  pendingTtlMs?: number;
  /**
   * A prompt takes a reply to the prompt message, or the same user's next message (not a command)
   * within this long of the prompt; anything else leaves it open and is ignored (default 2 minutes).
   */
  promptNextMessageMs?: number;
}

// ---------------------------------------------------------------------------------------------------
// Pending inputs

const PENDING_ACTION: Record<PendingKind, CaseAction> = {
  ask: 'ask',
  not_accept_note: 'not_accept',
  decline: 'handler_decline',
  progress: 'report_progress',
  resolve: 'resolve',
  extend: 'request_extension',
};

const OFFICE_ACTIONS = new Set<CallbackAction>(['approve', 'reassign', 'ask', 'not_accept', 'urgent']);
const HANDLER_ACTIONS = new Set<CallbackAction>(['accept', 'decline', 'progress', 'resolve', 'extend']);
export const STAFF_ACTIONS: ReadonlySet<CallbackAction> = new Set([...OFFICE_ACTIONS, ...HANDLER_ACTIONS]);
export const STAFF_COMMANDS = ['queue', 'case', 'overdue', 'stats', 'staffhelp'] as const;

const OK: StaffResult['answer'] = { key: 'staff.ok', alert: false };

type Role = { kind: 'office' } | { kind: 'handler'; handler: Handler; id: string };

export class StaffConversation {
  private readonly prompts: StaffPrompts;
  /** The read-only commands' replies (also what a caller may show on its own). */
  readonly views: StaffViews;

  constructor(private readonly deps: StaffConversationDeps) {
    this.prompts = new StaffPrompts(deps.pool, deps.clock, deps.pendingTtlMs ?? 30 * 60_000, deps.promptNextMessageMs ?? 2 * 60_000);
    this.views = new StaffViews(deps);
  }

  /** The office group or a handler's group: chats whose texts and buttons this class answers. */
  isStaffChat(chatId: number): boolean {
    return this.roleOf(chatId) !== null;
  }

  // -------------------------------------------------------------------------------------------------
  // Buttons

  async onCallback(cb: StaffCallbackInput): Promise<StaffResult> {
    await this.deps.refreshDirectory?.();
    const role = await this.roleIn(cb.chatId);
    const parts = splitRef(cb.ref);
    if (!parts) return this.refuse('bot.callback.invalid');
    const { ref, arg } = parts;
    const key = `tg:cb:${cb.callbackId}`;
    if (OFFICE_ACTIONS.has(cb.action)) {
      if (role?.kind !== 'office') return this.refuse('staff.denied.wrong_chat');
      if (!this.isOfficeMember(cb.userId)) return this.refuse(this.deps.officeMemberIds.length ? 'staff.denied.not_member' : 'security.no_members');
      const actor = { kind: 'office' as const, id: String(cb.userId) };
      const opts = { expectedVersion: cb.version, idempotencyKey: key };
      return this.attempt(ref, role, async () => {
        switch (cb.action) {
          case 'approve': {
            const c = await this.deps.cases.approveReferral(ref, actor, opts);
            // Still in review: the organization was not the one the resident agreed to, so they were asked first.
            return this.done(c.status === 'office_review' ? 'staff.done.consent_asked' : 'staff.done.approved', { ref, handler: this.handlerName(c) }, true);
          }
          case 'urgent': {
            await this.deps.cases.markUrgent(ref, actor, opts);
            return this.done('staff.done.urgent', { ref }, false);
          }
          case 'ask': {
            const c = await this.current(ref, cb.version, 'ask');
            return this.prompt(cb, { kind: 'ask', ref, version: cb.version ?? c.version });
          }
          case 'reassign':
            return arg === null ? this.reassignChoices(ref, cb.version) : this.reassignTo(ref, arg, actor, opts);
          case 'not_accept':
            return arg === null ? this.reasonChoices(ref, cb.version) : this.notAcceptFor(cb, ref, arg, actor, opts);
          default:
            return this.refuse('bot.callback.invalid');
        }
      });
    }
    if (HANDLER_ACTIONS.has(cb.action)) {
      if (role?.kind !== 'handler') return this.refuse('staff.denied.wrong_chat');
      if (arg !== null) return this.refuse('bot.callback.invalid');
      if (!this.isHandlerMember(role.handler, cb.userId)) return this.refuse(role.handler.memberIds.length ? 'staff.denied.not_member' : 'security.no_members');
      const actor = this.handlerActor(role, cb.userId);
      return this.attempt(ref, role, async () => {
        if (cb.action === 'accept') {
          const c = await this.deps.cases.handlerAccept(ref, actor, { expectedVersion: cb.version, idempotencyKey: key });
          return { ...this.done('staff.done.accepted', { ref }, true), messages: [{ key: 'staff.done.accepted', params: { ref }, ...this.workButtons(c) }] };
        }
        const kind: PendingKind = cb.action === 'decline' ? 'decline' : cb.action === 'progress' ? 'progress' : cb.action === 'resolve' ? 'resolve' : 'extend';
        // Check before asking for text: a stranger's or stale button must not even open the prompt.
        await this.deps.cases.authorizeHandler(ref, role.handler.kind, role.id);
        const c = await this.current(ref, cb.version, PENDING_ACTION[kind]);
        if (kind === 'extend' && !mayExtend(c)) {
          throw new ValidationError('只有承办信访事项的部门可以申请延期（《信访工作条例》第三十四条）');
        }
        return this.prompt(cb, { kind, ref, version: cb.version ?? c.version });
      });
    }
    return this.refuse('staff.denied.wrong_chat');
  }

  // -------------------------------------------------------------------------------------------------
  // Text: the answer to a pending prompt

  /**
   * null: nothing pending for this user in this chat, or this message does not answer the prompt
   * (ordinary group chatter — stay quiet). Which texts answer a prompt: conversation/staffPrompts.ts.
   */
  async onText(m: StaffTextInput): Promise<StaffResult | null> {
    // Ordinary group chatter costs no directory check: the background refresh keeps the chat's role
    // current, and a message that answers a prompt refreshes before anyone's membership is judged.
    if (!(await this.roleIn(m.chatId))) return null;
    const bound = await this.prompts.bind(m);
    if (bound.kind === 'none') return null;
    await this.deps.refreshDirectory?.();
    const role = await this.roleIn(m.chatId);
    if (!role) return null;
    if (bound.kind === 'cancel') return { messages: [{ key: 'staff.cancelled' }] };
    const p = bound.pending;
    const key = `tg:u:${m.updateId}`;
    const opts = { expectedVersion: p.version, idempotencyKey: key };
    const text = m.text.trim();
    const result = await this.attempt(p.ref, role, async () => {
      if (p.kind === 'ask' || p.kind === 'not_accept_note') {
        if (role.kind !== 'office') throw new ForbiddenError('office action outside the office chat');
        if (!this.isOfficeMember(m.userId)) throw new ForbiddenError(`User ${m.userId} is not a member of the office`);
        const actor = { kind: 'office' as const, id: String(m.userId) };
        if (p.kind === 'ask') {
          await this.deps.cases.askResident(p.ref, actor, text, opts);
          return this.done('staff.done.asked', { ref: p.ref }, false);
        }
        await this.deps.cases.notAccept(p.ref, actor, 'other', text, opts);
        return this.done('staff.done.not_accepted', { ref: p.ref, reason: st('staff.reason.other') }, false);
      }
      if (role.kind !== 'handler') throw new ForbiddenError('handler action outside the handler chat');
      const actor = this.handlerActor(role, m.userId);
      switch (p.kind) {
        case 'decline':
          await this.deps.cases.handlerDecline(p.ref, actor, text, opts);
          return this.done('staff.done.declined', { ref: p.ref }, false);
        case 'progress': {
          const c = await this.deps.cases.reportProgress(p.ref, actor, text, opts);
          return { messages: [{ key: 'staff.done.progress', params: { ref: p.ref }, ...this.workButtons(c) }] };
        }
        case 'resolve':
          await this.deps.cases.resolve(p.ref, actor, text, opts);
          return this.done('staff.done.resolved', { ref: p.ref }, false);
        case 'extend': {
          const parsed = /^(\d{1,3})\s*(?:天|days?|d)?[\s,，、:：]*([\s\S]+)$/i.exec(text);
          if (!parsed) return { messages: [{ key: 'staff.prompt.extend_format', forceReply: { placeholderKey: 'staff.prompt.placeholder' } }], keepPending: true };
          const c = await this.deps.cases.requestExtension(p.ref, actor, Number(parsed[1]), parsed[2]!.trim(), opts);
          const clocks = await this.deps.cases.clocks(p.ref);
          const due = clocks.find((k) => k.kind === 'resolve' && !k.stoppedAt)?.dueAt;
          return { messages: [{ key: 'staff.done.extended', params: { ref: p.ref, dueDate: due ? shanghaiDay(due) : '—' }, ...this.workButtons(c) }] };
        }
      }
    });
    // A format problem keeps the prompt open; anything else (done, refused, stale) ends it.
    if (!result.keepPending) await this.prompts.clear(m.chatId, m.userId);
    return result.keepPending ? { ...result, prompt: { userId: m.userId } } : result;
  }

  /** The channel sent the prompt for `userId` as message `messageId`: a reply to it answers the prompt. */
  async promptSent(chatId: number, userId: number, messageId: number): Promise<void> {
    await this.prompts.sent(chatId, userId, messageId);
  }

  /** Names the user's open prompt, so a prompt message delivered later (outbox) binds to it, not to a later one. */
  promptBinding(chatId: number, userId: number): Promise<PromptBinding | undefined> {
    return this.prompts.binding(chatId, userId);
  }

  /** /cancel: ends this user's open prompt in this chat. null outside staff chats. */
  private async cancel(m: StaffCommandInput): Promise<StaffResult | null> {
    if (!(await this.roleIn(m.chatId))) return null;
    if (!(await this.prompts.has(m.chatId, m.userId))) return { messages: [{ key: 'safety.staff.nothing_to_cancel' }] };
    await this.prompts.clear(m.chatId, m.userId);
    return { messages: [{ key: 'staff.cancelled' }] };
  }

  // -------------------------------------------------------------------------------------------------
  // Commands in the office group

  /** null: not a staff command (the caller stays quiet). */
  async onCommand(m: StaffCommandInput): Promise<StaffResult | null> {
    const command = m.command.toLowerCase();
    if (command === 'cancel') return this.cancel(m);
    if (!(STAFF_COMMANDS as readonly string[]).includes(command)) return null;
    await this.deps.refreshDirectory?.();
    const role = await this.roleIn(m.chatId);
    if (role?.kind === 'office' && this.deps.officeMemberIds.length === 0) return { messages: [{ key: 'security.no_members' }] };
    if (role?.kind !== 'office' || !this.isOfficeMember(m.userId)) {
      return role ? { messages: [{ key: 'staff.command.office_only' }] } : null;
    }
    switch (command) {
      case 'queue':
        return { messages: [await this.views.queue()] };
      case 'case': {
        const ref = m.args.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
        if (!isRef(ref)) return { messages: [{ key: 'staff.command.case_usage' }] };
        return { messages: [await this.views.case(ref)] };
      }
      case 'overdue':
        return { messages: [await this.views.overdue()] };
      case 'stats': {
        const arg = m.args.trim();
        const days = arg === '' ? 30 : Number(arg);
        if (!Number.isInteger(days) || days < 1 || days > 366) return { messages: [{ key: 'staff.command.stats_usage' }] };
        return { messages: [await this.views.stats(days)] };
      }
      default:
        return { messages: [{ key: 'staff.command.help' }] };
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Office second steps

  private async reassignChoices(ref: string, version: number | undefined): Promise<StaffResult> {
    const c = await this.current(ref, version, 'reassign');
    const candidates = this.candidatesFor(c).filter((h) => !(h.kind === c.handlerKind && this.deps.directory.handlerId(h) === c.handlerId));
    if (candidates.length === 0) return { answer: OK, messages: [{ key: 'staff.reassign.none', params: { ref } }] };
    const buttons: ReplyButton[] = candidates.map((h) => ({
      label: { key: 'staff.choice.handler', params: { name: clip(h.names[LANG], 40) } },
      action: 'reassign',
      ref: `${ref}_${handlerToken(h.kind, this.deps.directory.handlerId(h))}`,
      version: c.version,
    }));
    return { answer: OK, messages: [{ key: 'staff.reassign.choose', params: { ref }, buttons: rows(buttons, 2) }] };
  }

  private async reassignTo(
    ref: string,
    token: string,
    actor: { kind: 'office'; id: string },
    opts: { expectedVersion?: number; idempotencyKey: string },
  ): Promise<StaffResult> {
    const c = await this.deps.cases.getCase(ref);
    const h = this.candidatesFor(c).find((x) => handlerToken(x.kind, this.deps.directory.handlerId(x)) === token);
    if (!h) return this.refuse('staff.handler_gone');
    await this.deps.cases.reassign(ref, actor, { ...opts, handlerKind: h.kind, handlerId: this.deps.directory.handlerId(h) });
    return this.done('staff.done.reassigned', { ref, handler: h.names[LANG] }, true);
  }

  private async reasonChoices(ref: string, version: number | undefined): Promise<StaffResult> {
    const c = await this.current(ref, version, 'not_accept');
    const buttons: ReplyButton[] = NOT_ACCEPTED_REASONS.map((r) => ({
      label: { key: `staff.reason.${r}` },
      action: 'not_accept',
      ref: `${ref}_${REASON_WIRE[r]}`,
      version: c.version,
    }));
    return { answer: OK, messages: [{ key: 'staff.not_accept.choose', params: { ref }, buttons: rows(buttons, 2) }] };
  }

  private async notAcceptFor(
    cb: StaffCallbackInput,
    ref: string,
    wire: string,
    actor: { kind: 'office'; id: string },
    opts: { expectedVersion?: number; idempotencyKey: string },
  ): Promise<StaffResult> {
    const reason = REASON_BY_WIRE.get(wire);
    if (!reason) return this.refuse('bot.callback.invalid');
    if (reason === 'other') {
      const c = await this.current(ref, cb.version, 'not_accept');
      return this.prompt(cb, { kind: 'not_accept_note', ref, version: cb.version ?? c.version });
    }
    await this.deps.cases.notAccept(ref, actor, reason, undefined, opts);
    return this.done('staff.done.not_accepted', { ref, reason: st(`staff.reason.${reason}`) }, true);
  }

  // -------------------------------------------------------------------------------------------------
  // Helpers

  /** roleOf, or else the role of the group this supergroup was (a recorded migration). */
  private async roleIn(chatId: number): Promise<Role | null> {
    const direct = this.roleOf(chatId);
    if (direct || !this.deps.chatOrigins) return direct;
    return (await this.deps.chatOrigins(chatId)).map((origin) => this.roleOf(origin)).find((r) => r !== null) ?? null;
  }

  private roleOf(chatId: number): Role | null {
    if (this.deps.officeChatId !== null && chatId === this.deps.officeChatId) return { kind: 'office' };
    const h = this.deps.directory.handlerForChat(chatId);
    return h ? { kind: 'handler', handler: h, id: this.deps.directory.handlerId(h) } : null;
  }

  // Fails closed: an empty list lets nobody act (issue 13).
  private isOfficeMember(userId: number): boolean {
    return this.deps.officeMemberIds.includes(userId);
  }

  private isHandlerMember(h: Handler, userId: number): boolean {
    return h.memberIds.includes(userId);
  }

  private handlerActor(role: Extract<Role, { kind: 'handler' }>, userId: number): HandlerActor {
    return { kind: 'handler', id: String(userId), handler: { kind: role.handler.kind, id: role.id } };
  }

  private candidatesFor(c: CaseRecord): Handler[] {
    if (c.category === 'petition') return this.deps.directory.departments;
    const service = c.category === 'legal_channel' ? 'legal_aid' : c.target;
    return isServiceCode(service) ? this.deps.directory.organizationsFor(service) : [];
  }

  private handlerName(c: CaseRecord): string {
    return this.views.handlerName(c);
  }

  /** The case now, refusing a stale card or an action its status no longer allows before any prompt is shown. */
  private async current(ref: string, version: number | undefined, action: CaseAction): Promise<CaseRecord> {
    const c = await this.deps.cases.getCase(ref);
    if (version !== undefined && version !== c.version) throw new StaleError(ref);
    if (!canApply(c.status, action)) throw new IllegalTransitionError(c.status, action, ref);
    return c;
  }

  private async prompt(cb: StaffCallbackInput, p: Omit<Pending, 'at'>): Promise<StaffResult> {
    await this.prompts.open(cb.chatId, cb.userId, p);
    return {
      answer: OK,
      messages: [{ key: PROMPT_KEY[p.kind], params: { ref: p.ref, minutes: this.prompts.nextMessageMinutes }, forceReply: { placeholderKey: 'staff.prompt.placeholder' } }],
      prompt: { userId: cb.userId },
    };
  }

  /** Buttons for the handler holding an accepted case. */
  private workButtons(c: CaseRecord): Pick<Reply, 'actions' | 'caseRef' | 'caseVersion'> {
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
      params: { ref, status: STATUS_LABELS_ZH[c.status], urgent: c.urgent ? st('staff.urgent_mark') : '', handler: this.handlerName(c) },
      ...(actions.length ? { actions, caseRef: c.ref, caseVersion: c.version } : {}),
    };
  }

  private done(key: string, params: Record<string, string | number>, clearCard: boolean): StaffResult {
    return { answer: OK, messages: [{ key, params }], clearCard };
  }

  private refuse(key: string, params: Record<string, string | number> = {}): StaffResult {
    return { answer: { key, params, alert: true }, messages: [] };
  }

  /** Runs a command and turns the service's refusals into clear answers; nothing is written when it refuses. */
  private async attempt(ref: string, role: Role, fn: () => Promise<StaffResult>): Promise<StaffResult> {
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
        const status = isStatus(from) ? STATUS_LABELS_ZH[from] : from;
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

function rows<T>(buttons: T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}
