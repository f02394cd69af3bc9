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
 *
 * This file decides who may do what; the parts it shares or hands on live beside it, so callers keep
 * importing from here: the input/output types (staffTypes.ts), the role, refusal and prompt helpers
 * (staffCore.ts), the office's second steps (staffOffice.ts), the read-only views (staffViews.ts).
 */
import { ForbiddenError, ValidationError } from '../kernel/errors.js';
import type { CallbackAction } from './actions.js';
import { splitRef } from './staffWire.js';
import { StaffViews } from './staffViews.js';
import type { PendingKind, PromptBinding } from './staffPrompts.js';
import { StaffCore } from './staffCore.js';
import { notAcceptFor, reasonChoices, reassignChoices, reassignTo } from './staffOffice.js';
import type { StaffCallbackInput, StaffCommandInput, StaffConversationDeps, StaffResult, StaffTextInput } from './staffTypes.js';
import { mayExtend } from '../cases/policy.js';
import { isRef, shanghaiDay } from '../cases/refs.js';
import type { CaseAction } from '../cases/stateMachine.js';

export { handlerToken, REASON_WIRE } from './staffWire.js';
export type { StaffCallbackInput, StaffCommandInput, StaffConversationDeps, StaffMessage, StaffResult, StaffTextInput } from './staffTypes.js';

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

export class StaffConversation {
  private readonly core: StaffCore;
  /** The read-only commands' replies (also what a caller may show on its own). */
  readonly views: StaffViews;

  constructor(private readonly deps: StaffConversationDeps) {
    this.core = new StaffCore(deps);
    this.views = this.core.views;
  }

  /** The office group or a handler's group: chats whose texts and buttons this class answers. */
  isStaffChat(chatId: number): boolean {
    return this.core.roleOf(chatId) !== null;
  }

  // -------------------------------------------------------------------------------------------------
  // Buttons

  async onCallback(cb: StaffCallbackInput): Promise<StaffResult> {
    const core = this.core;
    await this.deps.refreshDirectory?.();
    const role = await core.roleIn(cb.chatId);
    const parts = splitRef(cb.ref);
    if (!parts) return core.refuse('bot.callback.invalid');
    const { ref, arg } = parts;
    const key = `tg:cb:${cb.callbackId}`;
    if (OFFICE_ACTIONS.has(cb.action)) {
      if (role?.kind !== 'office') return core.refuse('staff.denied.wrong_chat');
      if (!core.isOfficeMember(cb.userId)) return core.refuse(this.deps.officeMemberIds.length ? 'staff.denied.not_member' : 'security.no_members');
      const actor = { kind: 'office' as const, id: String(cb.userId) };
      const opts = { expectedVersion: cb.version, idempotencyKey: key };
      return core.attempt(ref, role, async () => {
        switch (cb.action) {
          case 'approve': {
            const c = await this.deps.cases.approveReferral(ref, actor, opts);
            // Still in review: the organization was not the one the resident agreed to, so they were asked first.
            return core.done(c.status === 'office_review' ? 'staff.done.consent_asked' : 'staff.done.approved', { ref, handler: core.handlerName(c) }, true);
          }
          case 'urgent': {
            await this.deps.cases.markUrgent(ref, actor, opts);
            return core.done('staff.done.urgent', { ref }, false);
          }
          case 'ask': {
            const c = await core.current(ref, cb.version, 'ask');
            return core.prompt(cb, { kind: 'ask', ref, version: cb.version ?? c.version });
          }
          case 'reassign':
            return arg === null ? reassignChoices(core, ref, cb.version) : reassignTo(core, ref, arg, actor, opts);
          case 'not_accept':
            return arg === null ? reasonChoices(core, ref, cb.version) : notAcceptFor(core, cb, ref, arg, actor, opts);
          default:
            return core.refuse('bot.callback.invalid');
        }
      });
    }
    if (HANDLER_ACTIONS.has(cb.action)) {
      if (role?.kind !== 'handler') return core.refuse('staff.denied.wrong_chat');
      if (arg !== null) return core.refuse('bot.callback.invalid');
      if (!core.isHandlerMember(role.handler, cb.userId)) return core.refuse(role.handler.memberIds.length ? 'staff.denied.not_member' : 'security.no_members');
      const actor = core.handlerActor(role, cb.userId);
      return core.attempt(ref, role, async () => {
        if (cb.action === 'accept') {
          const c = await this.deps.cases.handlerAccept(ref, actor, { expectedVersion: cb.version, idempotencyKey: key });
          return { ...core.done('staff.done.accepted', { ref }, true), messages: [{ key: 'staff.done.accepted', params: { ref }, ...core.workButtons(c) }] };
        }
        const kind: PendingKind = cb.action === 'decline' ? 'decline' : cb.action === 'progress' ? 'progress' : cb.action === 'resolve' ? 'resolve' : 'extend';
        // Check before asking for text: a stranger's or stale button must not even open the prompt.
        await this.deps.cases.authorizeHandler(ref, role.handler.kind, role.id);
        const c = await core.current(ref, cb.version, PENDING_ACTION[kind]);
        if (kind === 'extend' && !mayExtend(c)) {
          throw new ValidationError('只有承办信访事项的部门可以申请延期（《信访工作条例》第三十四条）');
        }
        return core.prompt(cb, { kind, ref, version: cb.version ?? c.version });
      });
    }
    return core.refuse('staff.denied.wrong_chat');
  }

  // -------------------------------------------------------------------------------------------------
  // Text: the answer to a pending prompt

  /**
   * null: nothing pending for this user in this chat, or this message does not answer the prompt
   * (ordinary group chatter — stay quiet). Which texts answer a prompt: conversation/staffPrompts.ts.
   */
  async onText(m: StaffTextInput): Promise<StaffResult | null> {
    const core = this.core;
    // Ordinary group chatter costs no directory check: the background refresh keeps the chat's role
    // current, and a message that answers a prompt refreshes before anyone's membership is judged.
    if (!(await core.roleIn(m.chatId))) return null;
    const bound = await core.prompts.bind(m);
    if (bound.kind === 'none') return null;
    await this.deps.refreshDirectory?.();
    const role = await core.roleIn(m.chatId);
    if (!role) return null;
    if (bound.kind === 'cancel') return { messages: [{ key: 'staff.cancelled' }] };
    const p = bound.pending;
    const key = `tg:u:${m.updateId}`;
    const opts = { expectedVersion: p.version, idempotencyKey: key };
    const text = m.text.trim();
    const result = await core.attempt(p.ref, role, async () => {
      if (p.kind === 'ask' || p.kind === 'not_accept_note') {
        if (role.kind !== 'office') throw new ForbiddenError('office action outside the office chat');
        if (!core.isOfficeMember(m.userId)) throw new ForbiddenError(`User ${m.userId} is not a member of the office`);
        const actor = { kind: 'office' as const, id: String(m.userId) };
        if (p.kind === 'ask') {
          await this.deps.cases.askResident(p.ref, actor, text, opts);
          return core.done('staff.done.asked', { ref: p.ref }, false);
        }
        await this.deps.cases.notAccept(p.ref, actor, 'other', text, opts);
        return core.done('staff.done.not_accepted', { ref: p.ref, reason: { key: 'staff.reason.other' } }, false);
      }
      if (role.kind !== 'handler') throw new ForbiddenError('handler action outside the handler chat');
      const actor = core.handlerActor(role, m.userId);
      switch (p.kind) {
        case 'decline':
          await this.deps.cases.handlerDecline(p.ref, actor, text, opts);
          return core.done('staff.done.declined', { ref: p.ref }, false);
        case 'progress': {
          const c = await this.deps.cases.reportProgress(p.ref, actor, text, opts);
          return { messages: [{ key: 'staff.done.progress', params: { ref: p.ref }, ...core.workButtons(c) }] };
        }
        case 'resolve':
          await this.deps.cases.resolve(p.ref, actor, text, opts);
          return core.done('staff.done.resolved', { ref: p.ref }, false);
        case 'extend': {
          const parsed = /^(\d{1,3})\s*(?:天|days?|d)?[\s,，、:：]*([\s\S]+)$/i.exec(text);
          if (!parsed) return { messages: [{ key: 'staff.prompt.extend_format', forceReply: { placeholderKey: 'staff.prompt.placeholder' } }], keepPending: true };
          const c = await this.deps.cases.requestExtension(p.ref, actor, Number(parsed[1]), parsed[2]!.trim(), opts);
          const clocks = await this.deps.cases.clocks(p.ref);
          const due = clocks.find((k) => k.kind === 'resolve' && !k.stoppedAt)?.dueAt;
          return { messages: [{ key: 'staff.done.extended', params: { ref: p.ref, dueDate: due ? shanghaiDay(due) : '—' }, ...core.workButtons(c) }] };
        }
      }
    });
    // A format problem keeps the prompt open; anything else (done, refused, stale) ends it.
    if (!result.keepPending) await core.prompts.clear(m.chatId, m.userId);
    return result.keepPending ? { ...result, prompt: { userId: m.userId } } : result;
  }

  /** The channel sent the prompt for `userId` as message `messageId`: a reply to it answers the prompt. */
  async promptSent(chatId: number, userId: number, messageId: number): Promise<void> {
    await this.core.prompts.sent(chatId, userId, messageId);
  }

  /** Names the user's open prompt, so a prompt message delivered later (outbox) binds to it, not to a later one. */
  promptBinding(chatId: number, userId: number): Promise<PromptBinding | undefined> {
    return this.core.prompts.binding(chatId, userId);
  }

  /** /cancel: ends this user's open prompt in this chat. null outside staff chats. */
  private async cancel(m: StaffCommandInput): Promise<StaffResult | null> {
    if (!(await this.core.roleIn(m.chatId))) return null;
    if (!(await this.core.prompts.has(m.chatId, m.userId))) return { messages: [{ key: 'safety.staff.nothing_to_cancel' }] };
    await this.core.prompts.clear(m.chatId, m.userId);
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
    const role = await this.core.roleIn(m.chatId);
    if (role?.kind === 'office' && this.deps.officeMemberIds.length === 0) return { messages: [{ key: 'security.no_members' }] };
    if (role?.kind !== 'office' || !this.core.isOfficeMember(m.userId)) {
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
}
