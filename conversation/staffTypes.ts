/**
 * The staff conversation's contract with its channel: what it takes (a button, a text, a command) and
 * what it returns. Kept apart from conversation/staff.ts so the helpers it is split into can name
 * these types without importing the class (a cycle the layer rule forbids).
 */
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { Queryable } from '../db/pool.js';
import type { CallbackAction } from './actions.js';
import type { Reply, ReplyText } from './types.js';
import type { CaseService } from '../cases/caseService.js';
import type { Directory } from '../directory/directory.js';

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
