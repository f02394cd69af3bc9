/**
 * The conversation plugged into the Telegram channel: private chats go to the resident's
 * conversation, the office group and the handlers' groups to the staff conversation. This file only
 * routes and renders (Reply[] → catalogue text + signed keyboard); decisions live in conversation/.
 */
import type { Context } from 'telegraf';
import type { Logger } from '../kernel/logger.js';
import { residentConversationFor, type ConversationServices } from '../conversation/wiring.js';
import { StaffConversation, STAFF_ACTIONS, type StaffResult } from '../conversation/staff.js';
import type { Reply, ResidentConversationApi, ResidentRef } from '../conversation/types.js';
import { groupLanguage, type Directory } from '../directory/directory.js';
import type { Language } from '../kernel/language.js';
import type { CallbackCodec, ParsedCallback } from './callbackData.js';
import { t } from '../i18n/index.js';
import type { AttachmentKind, BotHandlers, CallbackContext, TextContext } from './types.js';
import { migratedFrom, recordChatMigration } from '../cases/outboxRepository.js';
import { withTransaction } from '../db/pool.js';
import { sendDocumentReply } from './document.js';
import { renderReply, renderStaffResult, type RenderedMessage } from './render.js';
import { sendDirectText, type DirectReplyStore } from './middleware/delivery.js';
import type { PromptBinding } from '../cases/staffPromptBindings.js';

/** What the Telegram conversations need of the app's core (app/main.ts's `Core` is one). */
export interface BotServices extends ConversationServices {
  cfg: { CALLBACK_SECRET?: string; TELEGRAM_BOT_TOKEN?: string; OFFICE_CHAT_ID?: number; OFFICE_MEMBER_IDS: number[] };
  /** Directory edits made in other processes, checked before each staff action (app/directorySync.ts). */
  directorySync?: { refresh(): Promise<void>; chatOrigins?(chatId: number): readonly number[] };
}

export interface BotHandlerDeps {
  resident: ResidentConversationApi;
  staff: StaffConversation;
  directory: Directory;
  officeChatId: number | null;
  /** The codec the bot verifies buttons with (createTelegramBot's `callbacks`). */
  callbacks: CallbackCodec;
  logger?: Logger;
  /** Where a reply Telegram did not take is kept for the outbox (bot/middleware/delivery.ts); without it such a send throws. */
  replies?: DirectReplyStore;
}

/**
 * BotHandlers plus the staff commands of the office group: bot/commands.ts calls `onGroupCommand` for a
 * `/command` in a group chat (see docs/staff-and-e2e.md).
 */
export interface ConversationHandlers extends BotHandlers {
  onGroupCommand(ctx: TextContext, command: string, args: string, lang: Language): Promise<boolean>;
}

/** Emergency replies carry the numbers to call: they go out before anything else. */
export const isEmergencyReply = (r: Reply): boolean => r.key.startsWith('triage.emergency.');

export function orderReplies(replies: readonly Reply[]): Reply[] {
  return [...replies.filter(isEmergencyReply), ...replies.filter((r) => !isEmergencyReply(r))];
}

export function createBotHandlers(deps: BotHandlerDeps): ConversationHandlers {
  const { resident, staff, callbacks } = deps;
  const log = deps.logger?.child({ component: 'conversation-handlers' });

  const residentRef = (ctx: Context, lang: Language): ResidentRef => ({
    channel: 'telegram',
    externalId: String(ctx.from!.id),
    chatId: ctx.chat?.id ?? ctx.from!.id,
    language: lang,
  });

  async function sendReplies(ctx: Context, chatId: number, lang: Language, replies: readonly Reply[]): Promise<void> {
    for (const r of orderReplies(replies)) {
      const m = renderReply(callbacks, lang, r);
      if (r.document) {
        await sendDocumentReply(ctx, deps.replies, { chatId, doc: r.document, text: m.text, language: lang });
        continue;
      }
      await sendText(ctx, chatId, lang, m, isEmergencyReply(r));
    }
  }

  /**
   * Sends a rendered message (split at Telegram's limit, the markup on the last part) directly; one
   * Telegram does not take is kept in the outbox (bot/middleware/delivery.ts). Returns the last
   * part's id when it went out now.
   */
  async function sendText(ctx: Context, chatId: number, language: Language, m: RenderedMessage, urgent = false, prompt?: PromptBinding): Promise<number | undefined> {
    const markup = m.keyboard ?? (m.forceReply ? { force_reply: true as const, input_field_placeholder: m.forceReply.placeholder.slice(0, 64) } : undefined);
    return sendDirectText(ctx, deps.replies, { chatId, text: m.text, ...(markup ? { markup } : {}), urgent, language, ...(prompt ? { prompt } : {}) });
  }

  async function sendStaff(ctx: Context, chatId: number, staffResult: StaffResult): Promise<void> {
    // A handler's group reads its own language (directory chatLanguage); the office chat reads 简体.
    const lang = groupLanguage(deps.directory.handlerForChat(chatId));
    const result = renderStaffResult(callbacks, staffResult, lang);
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery(result.answer?.text, result.answer?.alert ? { show_alert: true } : undefined).catch((err: Error) => {
        log?.warn({ err: err.message }, 'could not answer the callback query');
      });
    }
    // A prompt binds to its message: only a reply to it (or the user's next message soon after) answers it.
    // A prompt Telegram does not take now is kept with its binding: the outbox records its message once delivered.
    const prompt = staffResult.prompt ? await staff.promptBinding(chatId, staffResult.prompt.userId) : undefined;
    let lastId: number | undefined;
    for (const [i, m] of result.messages.entries()) lastId = await sendText(ctx, chatId, lang, m, false, i === result.messages.length - 1 ? prompt : undefined);
    if (staffResult.prompt && lastId !== undefined) await staff.promptSent(chatId, staffResult.prompt.userId, lastId);
    const card = ctx.callbackQuery?.message;
    if (result.clearCard && card) {
      // Spent buttons off the card, so nobody presses them again; cosmetic, so a failure is ignored.
      await ctx.telegram.editMessageReplyMarkup(chatId, card.message_id, undefined, undefined).catch(() => undefined);
    }
  }

  const isPrivate = (ctx: Context) => ctx.chat?.type === 'private';

  return {
    async onText(ctx: TextContext, lang: Language) {
      const chatId = ctx.chat.id;
      if (isPrivate(ctx)) {
        const replies = await resident.onText(residentRef(ctx, lang), ctx.message.text, { updateId: ctx.update.update_id });
        await sendReplies(ctx, chatId, lang, replies);
        return;
      }
      const replyTo = ctx.message.reply_to_message?.message_id;
      const result = await staff.onText({
        chatId,
        userId: ctx.from.id,
        updateId: ctx.update.update_id,
        text: ctx.message.text,
        ...(replyTo !== undefined ? { replyToMessageId: replyTo } : {}),
      });
      if (result) await sendStaff(ctx, chatId, result);
    },

    async onCallback(ctx: CallbackContext, parsed: ParsedCallback, lang: Language) {
      const chatId = ctx.chat?.id ?? ctx.from.id;
      if (STAFF_ACTIONS.has(parsed.action)) {
        const result = await staff.onCallback({
          chatId,
          userId: ctx.from.id,
          callbackId: ctx.callbackQuery.id,
          action: parsed.action,
          ref: parsed.ref,
          version: parsed.version,
        });
        await sendStaff(ctx, chatId, result);
        return;
      }
      if (!isPrivate(ctx)) {
        // A resident's button pressed (or forged) in a group: nothing of a resident's happens there.
        await ctx.answerCbQuery(t(lang, 'bot.callback.invalid'), { show_alert: true });
        return;
      }
      const replies = await resident.onAction(residentRef(ctx, lang), parsed.action, parsed.ref === '' ? null : parsed.ref, {
        version: parsed.version,
        updateId: ctx.update.update_id,
      });
      await ctx.answerCbQuery().catch(() => undefined);
      await sendReplies(ctx, chatId, lang, replies);
    },

    async onStart(ctx: TextContext, lang: Language, payload: string | null) {
      // The bot has already welcomed the resident; only a deep link needs the conversation.
      if (!isPrivate(ctx) || payload === null) return;
      const replies = await resident.onCommand(residentRef(ctx, lang), 'start', payload);
      await sendReplies(ctx, ctx.chat.id, lang, replies);
    },

    async onCommand(ctx: TextContext, command: 'status' | 'withdraw' | 'privacy', lang: Language) {
      const args = ctx.message.text.replace(/^\/\S+\s*/, '');
      const replies = await resident.onCommand(residentRef(ctx, lang), command, args === '' ? undefined : args);
      await sendReplies(ctx, ctx.chat.id, lang, replies);
    },

    async onAttachment(ctx: Context, kind: AttachmentKind, lang: Language) {
      const msg = ctx.message as { photo?: Array<{ file_id: string }>; document?: { file_id: string } } | undefined;
      const fileId = kind === 'photo' ? msg?.photo?.at(-1)?.file_id : msg?.document?.file_id;
      if (!fileId || !ctx.chat) return false;
      const replies = await resident.onAttachment(residentRef(ctx, lang), kind, fileId);
      if (replies.length === 0) return false;
      await sendReplies(ctx, ctx.chat.id, lang, replies);
      return true;
    },

    async onGroupCommand(ctx: TextContext, command: string, args: string) {
      const result = await staff.onCommand({ chatId: ctx.chat.id, userId: ctx.from.id, command, args });
      if (!result) return false;
      await sendStaff(ctx, ctx.chat.id, result);
      return true;
    },
  };
}

/**
 * The wiring app/main.ts uses: `startApp(cfg, logger, { role, botHandlers: telegramHandlersFor })`.
 * Builds the resident and staff conversations on the core's services; `callbacks` is the one codec
 * app/main.ts builds (CALLBACK_SECRET, else derived from TELEGRAM_BOT_TOKEN) and the bot verifies with.
 */
export function telegramHandlersFor(core: BotServices, callbacks: CallbackCodec): ConversationHandlers {
  const officeChatId = core.cfg.OFFICE_CHAT_ID ?? null;
  if (officeChatId === null) core.logger.warn('OFFICE_CHAT_ID is not set: review cards go nowhere and office buttons are refused');
  // An office chat without members is reported once, with every other such chat, by app/startupCheck.ts.
  const sync = core.directorySync;
  // Supergroups a served group became (recorded migrations): cached by the directory sync when there is one.
  const chatOrigins = (id: number) => (sync?.chatOrigins ? sync.chatOrigins(id) : migratedFrom(core.db.pool, 'telegram', id));
  const staff = new StaffConversation({
    cases: core.cases,
    directory: core.directory,
    pool: core.db.pool,
    clock: core.clock,
    officeChatId,
    officeMemberIds: core.cfg.OFFICE_MEMBER_IDS,
    logger: core.logger,
    ...(sync ? { refreshDirectory: () => sync.refresh() } : {}),
    chatOrigins,
  });
  const resident = residentConversationFor(core, officeChatId);
  const replies = { pool: core.db.pool, clock: core.clock, log: core.logger.child({ component: 'direct-replies' }) };
  const handlers = createBotHandlers({ resident, staff, directory: core.directory, officeChatId, callbacks, logger: core.logger, replies });
  // The office's and the directory's groups, and a supergroup one of them became (bot/middleware/delivery.ts).
  const served = (id: number) => id === officeChatId || core.directory.handlerForChat(id) !== undefined;
  handlers.servesGroup = async (chatId) => served(chatId) || (await migratedFrom(core.db.pool, 'telegram', chatId)).some(served);
  // Telegram says in the group that it became a supergroup: recorded for every process (staff checks, outbox).
  handlers.chatMigrated = async (from, to) => {
    if (!served(from)) return false;
    const h = core.directory.handlerForChat(from);
    const known = h ? [{ kind: h.kind, id: core.directory.handlerId(h) }] : [];
    await withTransaction(core.db.pool, (q) => recordChatMigration(q, 'telegram', from, to, core.clock.now(), known));
    await sync?.refresh();
    return true;
  };
  return handlers;
}
