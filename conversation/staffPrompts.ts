/**
 * Staff prompts (a question for the resident, a reason, a note, the outcome…) and the rule that binds
 * a text to its prompt. A prompt is kept per (chat, user) in the conversation store, so it survives a
 * restart and works across bot processes. It is answered by:
 *  - a reply to the prompt message (Telegram reply_to_message; the channel reports the message id, or
 *    the outbox worker does once it delivers a prompt Telegram did not take at first:
 *    cases/staffPromptBindings.ts), or
 *  - the same user's next message within `nextMessageMs` of the prompt that replies to nothing and is
 *    not a command.
 * Anything else — another user's message, a command, a reply to another message, a later message —
 * leaves the prompt open and is ignored; after the user's first such message only a reply answers it.
 * "取消"/"cancel" as the answer, or /cancel at any time, ends it.
 */
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import type { Queryable } from '../db/pool.js';
import { isRef } from '../cases/refs.js';
import { recordPromptMessage, type PromptBinding } from '../cases/staffPromptBindings.js';
import { ConversationStore } from './store.js';

export const PENDING_KINDS = ['ask', 'not_accept_note', 'decline', 'progress', 'resolve', 'extend'] as const;
export type PendingKind = (typeof PENDING_KINDS)[number];
const pendingSchema = z.object({
  kind: z.enum(PENDING_KINDS),
  ref: z.string().refine(isRef),
  version: z.number().int().positive().optional(),
  at: z.string(),
  /** The prompt message (a reply to it answers the prompt). */
  messageId: z.number().int().optional(),
  /**
   * When the prompt reached the chat (recorded with its message): the time limits count from here, so a
   * prompt the outbox delivered late is not already spent when the staff member first sees it.
   */
  sentAt: z.string().optional(),
  /** The user already wrote something else after the prompt: from then on only a reply answers it. */
  nextUsed: z.boolean().optional(),
});
export type Pending = z.infer<typeof pendingSchema>;
const staffStateSchema = z.object({ pending: z.record(z.string(), pendingSchema) });
type StaffState = z.infer<typeof staffStateSchema>;

export const PROMPT_KEY: Record<PendingKind, string> = {
  ask: 'safety.staff.prompt.ask',
  not_accept_note: 'safety.staff.prompt.not_accept_note',
  decline: 'safety.staff.prompt.decline',
  progress: 'safety.staff.prompt.progress',
  resolve: 'safety.staff.prompt.resolve',
  extend: 'safety.staff.prompt.extend',
};

export const CANCEL = /^\s*(取消|cancel|\/cancel)\s*$/i;

export interface PromptText {
  chatId: number;
  userId: number;
  text: string;
  replyToMessageId?: number;
}

export type { PromptBinding };

export type Binding = { kind: 'none' } | { kind: 'cancel' } | { kind: 'answer'; pending: Pending };

export class StaffPrompts {
  private readonly store: ConversationStore<StaffState>;

  constructor(
    private readonly pool: Queryable,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    readonly nextMessageMs: number,
  ) {
    this.store = new ConversationStore(pool, clock, staffStateSchema);
  }

  /** Whole minutes of the next-message window, as the prompt text names it. */
  get nextMessageMinutes(): number {
    return Math.max(1, Math.round(this.nextMessageMs / 60_000));
  }

  async open(chatId: number, userId: number, p: Omit<Pending, 'at'>): Promise<void> {
    const entry: Pending = { ...p, at: this.clock.now().toISOString() };
    await this.store.update('telegram', chatId, (s) => ({ pending: { ...(s?.pending ?? {}), [String(userId)]: entry } }));
  }

  /** The channel sent the prompt as message `messageId` (the outbox records a late one the same way). */
  async sent(chatId: number, userId: number, messageId: number): Promise<void> {
    await recordPromptMessage(this.pool, { chatId, userId }, messageId, this.clock.now());
  }

  /** Names the user's open prompt (its opening time tells it from a later one); undefined if none. */
  async binding(chatId: number, userId: number): Promise<PromptBinding | undefined> {
    const p = (await this.store.get('telegram', chatId)).state?.pending[String(userId)];
    return p ? { chatId, userId, openedAt: p.at } : undefined;
  }

  async has(chatId: number, userId: number): Promise<boolean> {
    return Boolean((await this.store.get('telegram', chatId)).state?.pending[String(userId)]);
  }

  /** Does this text answer (or cancel) the user's open prompt? Ends an expired prompt; marks the "next message" spent. */
  async bind(m: PromptText): Promise<Binding> {
    const p = (await this.store.get('telegram', m.chatId)).state?.pending[String(m.userId)];
    if (!p) return { kind: 'none' };
    const age = this.clock.now().getTime() - Date.parse(p.sentAt ?? p.at);
    if (age > this.ttlMs) {
      await this.clear(m.chatId, m.userId);
      return { kind: 'none' };
    }
    const cancel = CANCEL.test(m.text);
    // A command is never an answer (/cancel aside): it neither answers nor spends the next message.
    if (m.text.trimStart().startsWith('/') && !cancel) return { kind: 'none' };
    const bound = m.replyToMessageId !== undefined ? p.messageId !== undefined && m.replyToMessageId === p.messageId : !p.nextUsed && age <= this.nextMessageMs;
    if (!bound) {
      if (!p.nextUsed) await this.patch(m.chatId, m.userId, (x) => ({ ...x, nextUsed: true }));
      return { kind: 'none' };
    }
    if (cancel) {
      await this.clear(m.chatId, m.userId);
      return { kind: 'cancel' };
    }
    return { kind: 'answer', pending: p };
  }

  async clear(chatId: number, userId: number): Promise<void> {
    await this.store.update('telegram', chatId, (s) => {
      if (!s?.pending[String(userId)]) return s;
      const { [String(userId)]: _gone, ...rest } = s.pending;
      return { pending: rest };
    });
  }

  private async patch(chatId: number, userId: number, fn: (p: Pending) => Pending): Promise<void> {
    await this.store.update('telegram', chatId, (s) => {
      const p = s?.pending[String(userId)];
      return p ? { pending: { ...s!.pending, [String(userId)]: fn(p) } } : s;
    });
  }
}
