/** What the Telegram bot's pieces share: the narrowed contexts and the hooks the conversation plugs into. */
import type { Context, NarrowedContext } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import type { Language } from '../kernel/language.js';
import type { ParsedCallback } from './callbackData.js';

export type TextContext = NarrowedContext<Context, Update.MessageUpdate<Message.TextMessage>>;
export type CallbackContext = NarrowedContext<Context, Update.CallbackQueryUpdate>;
export type AttachmentKind = 'photo' | 'document';

/** Where the conversation plugs in. Every method is optional; a missing one gets a polite "not available yet". */
export interface BotHandlers {
  /** Free text (not a command, within the length limit) in any chat. */
  onText?(ctx: TextContext, lang: Language): Promise<void>;
  /** A button press whose payload verified; authorisation against the database is the handler's job. */
  onCallback?(ctx: CallbackContext, parsed: ParsedCallback, lang: Language): Promise<void>;
  /** After the welcome; `payload` is the deep-link parameter of `/start <payload>` when valid. */
  onStart?(ctx: TextContext, lang: Language, payload: string | null): Promise<void>;
  /** /status, /withdraw and /privacy in a private chat. */
  onCommand?(ctx: TextContext, command: 'status' | 'withdraw' | 'privacy', lang: Language): Promise<void>;
  /** A photo or document in a private chat; return false when there is no open case to attach it to. */
  onAttachment?(ctx: Context, kind: AttachmentKind, lang: Language): Promise<boolean>;
  /**
   * A `/command args` in a group chat (the office's /queue, /case, /overdue, /stats). Return false
   * when the command is not one the handler knows; the bot then stays quiet unless it was addressed.
   */
  onGroupCommand?(ctx: TextContext, command: string, args: string, lang: Language): Promise<boolean>;
  /** Whether the bot works in this group (the office's, a directory entry's); elsewhere it stays silent. Absent: every group. */
  servesGroup?(chatId: number): boolean | Promise<boolean>;
  /** Telegram upgraded served group `from` to supergroup `to`: record it (false: not a group the bot serves). */
  chatMigrated?(from: number, to: number): Promise<boolean>;
}
