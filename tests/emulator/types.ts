/** The emulator's public types, re-exported by botApi.ts so importers never reach in here. */

export interface ApiErrorSpec {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface RecordedCall {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** chat_id of the call when it has one (numbers as numbers). */
  chatId?: number;
  payload: Record<string, unknown>;
  /** Milliseconds since the epoch when the emulator received the call. */
  at: number;
  ok: boolean;
  result?: unknown;
  error?: ApiErrorSpec;
}

export interface EmulatedUser {
  id: number;
  language_code?: string;
  first_name?: string;
  username?: string;
  is_bot?: boolean;
}

export interface EmulatedChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
}

export interface BotApiEmulator {
  apiRoot: string;
  token: string;
  /** The bot's own user, as getMe returns it. */
  me: { id: number; is_bot: true; first_name: string; username: string };
  /** Queues an update (update_id assigned when missing) and returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number;
  /** Queues an update exactly as given, even with an update_id seen before (replays, duplicates). */
  pushRaw(update: Record<string, unknown>): void;
  /** A private (or given) chat text message from `from`; commands get their bot_command entity. */
  sendText(from: EmulatedUser, text: string, chat?: EmulatedChat): Record<string, any>;
  /** Any message content (sticker, voice, photo…) from `from`. */
  sendContent(from: EmulatedUser, content: Record<string, unknown>, chat?: EmulatedChat): Record<string, any>;
  /** An edited_message update. */
  editText(from: EmulatedUser, messageId: number, text: string, chat?: EmulatedChat): Record<string, any>;
  /** A callback_query update as if `from` pressed a button with `data` under message `messageId`. */
  pressButton(from: EmulatedUser, chatId: number, messageId: number, data: string): Record<string, any>;
  /** Outgoing calls (send*, edit*, chat actions) in order, optionally for one chat. */
  sent(chatId?: number): RecordedCall[];
  /** Every call of `method` (or every call) in order. */
  calls(method?: string): RecordedCall[];
  /** Resolves with the first recorded call (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** The next call of `method` fails with this error (queue several by calling again). */
  failNext(method: string, error: ApiErrorSpec): void;
  /**
   * The next call of `method` is held, unanswered, until `release()`: a request in flight for as long
   * as a test needs (e.g. across a shutdown). `arrived` resolves with its payload when it comes in.
   */
  holdNext(method: string): { arrived: Promise<Record<string, any>>; release(): void };
  /** Sets who is a member of `chatId` (getChatMember answers "member" for them, "left" for others). */
  members(chatId: number, userIds: number[], status?: 'member' | 'administrator' | 'creator'): void;
  /** The user blocked the bot (or a group removed it: pass its description): every send to this chat gets 403 from now on. */
  block(chatId: number, description?: string): void;
  /** The user unblocked the bot (or the group added it back): sends work again. */
  unblock(chatId: number): void;
  /** The group became supergroup `toChatId`: every send to `fromChatId` gets 400 with parameters.migrate_to_chat_id. */
  migrate(fromChatId: number, toChatId: number): void;
  /** After `after` more sends (send*, edit*, delete) to `chatId` succeed, the next `times` fail with `error` (e.g. a 429 with retry_after); `times` 0 ends the failures. */
  failChat(chatId: number, error: ApiErrorSpec, times?: number, after?: number): void;
  /** Commands as set by setMyCommands, by scope and language_code ('' = default). */
  commands(languageCode?: string, scope?: Record<string, unknown>): Array<{ command: string; description: string }> | undefined;
  /** The message the bot sent as `messageId` in `chatId`, in its current (possibly edited) form. */
  message(chatId: number, messageId: number): Record<string, any> | undefined;
  /** Updates pushed inside `fn` reach a waiting getUpdates together, as one batch. */
  batch<T>(fn: () => T): T;
  /** Updates waiting (not yet confirmed). */
  pending(): number;
  /**
   * Resolves when the polling bot has confirmed every queued update and is waiting for more —
   * i.e. it has finished handling everything pushed so far (telegraf confirms a batch only after
   * handling all of it). Rejects after `timeoutMs`.
   */
  idle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}
