/** The Bot API methods the emulator answers, each checking its arguments the way the real API does. */
import type http from 'node:http';
import { ApiFailure, bad, LONG_POLL, now, reply } from './protocol.js';
import { commandKey, type EmulatorState, type Poller } from './state.js';

const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA = 64;

export type MethodHandler = (p: Record<string, any>, res: http.ServerResponse) => unknown;

function validateMarkup(markup: unknown): void {
  if (markup === undefined) return;
  if (!markup || typeof markup !== 'object') throw bad("can't parse reply keyboard markup JSON object");
  const m = markup as Record<string, unknown>;
  if ('inline_keyboard' in m) {
    if (!Array.isArray(m.inline_keyboard)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const row of m.inline_keyboard) {
      if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      for (const button of row as Array<Record<string, unknown>>) {
        if (typeof button?.text !== 'string' || button.text === '') throw bad('text buttons are unallowed in the inline keyboard');
        if (typeof button.callback_data === 'string' && Buffer.byteLength(button.callback_data) > MAX_CALLBACK_DATA) {
          throw bad('BUTTON_DATA_INVALID');
        }
      }
    }
  }
}

export function createMethods(state: EmulatorState): Record<string, MethodHandler> {
  const { me, queue, commandSets, botMessages, callbackIds, memberships, files } = state;
  return {
    getMe: () => ({ ...me, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
    logOut: () => true,
    close: () => true,
    setWebhook: (p) => {
      if (typeof p.url !== 'string') throw bad('bad webhook: URL is empty');
      if (p.url === '') state.webhook = null;
      else state.webhook = { url: p.url, secret_token: p.secret_token };
      if (p.drop_pending_updates) queue.splice(0);
      return true;
    },
    deleteWebhook: (p) => {
      state.webhook = null;
      if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') queue.splice(0);
      return true;
    },
    getWebhookInfo: () => ({ url: state.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length }),
    setMyCommands: (p) => {
      if (!Array.isArray(p.commands)) throw bad("can't parse commands JSON object");
      if (p.commands.length > 100) throw bad('too much commands');
      for (const c of p.commands as Array<Record<string, unknown>>) {
        if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
        if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
          throw bad('command description is empty');
        }
      }
      if (p.language_code !== undefined && p.language_code !== '' && !/^[a-z]{2}$/.test(String(p.language_code))) {
        throw bad('invalid language code specified');
      }
      commandSets.set(commandKey(p.scope, p.language_code), p.commands.map((c: any) => ({ command: c.command, description: c.description })));
      return true;
    },
    getMyCommands: (p) => commandSets.get(commandKey(p.scope, p.language_code)) ?? [],
    deleteMyCommands: (p) => {
      commandSets.delete(commandKey(p.scope, p.language_code));
      return true;
    },
    getUpdates: (p, res) => {
      if (state.webhook) {
        throw new ApiFailure({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
      }
      const offset = Number(p.offset ?? 0) || 0;
      const limit = Number(p.limit ?? 100) || 100;
      const timeout = Math.max(0, Math.min(50, Number(p.timeout ?? 0) || 0));
      if (state.poller && !state.poller.done) {
        const old = state.poller;
        old.done = true;
        clearTimeout(old.timer);
        state.poller = null;
        reply(old.res, 409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
      }
      const ready = state.takeUpdates(offset, limit);
      if (ready.length > 0 || timeout === 0) return ready;
      const p2: Poller = {
        res,
        offset,
        limit,
        done: false,
        timer: setTimeout(() => {
          if (p2.done) return;
          p2.done = true;
          if (state.poller === p2) state.poller = null;
          reply(res, 200, { ok: true, result: [] });
        }, timeout * 1000),
      };
      state.poller = p2;
      state.notifyIdle();
      // The client gave up (telegraf's stop() aborts the request): forget it.
      res.on('close', () => {
        if (p2.done) return;
        p2.done = true;
        clearTimeout(p2.timer);
        if (state.poller === p2) state.poller = null;
      });
      return LONG_POLL;
    },
    sendMessage: (p) => {
      const chatId = state.requireChat(p);
      const text = typeof p.text === 'string' ? p.text : p.text === undefined ? '' : String(p.text);
      if (text.trim() === '') throw bad('message text is empty');
      if (text.length > MAX_TEXT) throw bad('message is too long');
      validateMarkup(p.reply_markup);
      return state.newBotMessage(chatId, { text, ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}) });
    },
    editMessageText: (p) => {
      if (p.inline_message_id) return true;
      const chatId = state.requireChat(p);
      const msg = botMessages.get(`${chatId}:${Number(p.message_id)}`);
      if (!msg) throw bad('message to edit not found');
      const text = typeof p.text === 'string' ? p.text : '';
      if (text.trim() === '') throw bad('message text is empty');
      if (text.length > MAX_TEXT) throw bad('MESSAGE_TOO_LONG');
      validateMarkup(p.reply_markup);
      if (msg.text === text && JSON.stringify(msg.reply_markup) === JSON.stringify(p.reply_markup)) {
        throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      }
      msg.text = text;
      if (p.reply_markup) msg.reply_markup = p.reply_markup;
      else delete msg.reply_markup;
      msg.edit_date = now();
      return msg;
    },
    editMessageReplyMarkup: (p) => {
      if (p.inline_message_id) return true;
      const chatId = state.requireChat(p);
      const msg = botMessages.get(`${chatId}:${Number(p.message_id)}`);
      if (!msg) throw bad('message to edit not found');
      validateMarkup(p.reply_markup);
      if (JSON.stringify(msg.reply_markup) === JSON.stringify(p.reply_markup)) {
        throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      }
      if (p.reply_markup) msg.reply_markup = p.reply_markup;
      else delete msg.reply_markup;
      msg.edit_date = now();
      return msg;
    },
    deleteMessage: (p) => {
      const chatId = state.requireChat(p);
      if (!botMessages.delete(`${chatId}:${Number(p.message_id)}`)) throw bad('message to delete not found');
      return true;
    },
    answerCallbackQuery: (p) => {
      if (typeof p.callback_query_id !== 'string' || !callbackIds.has(p.callback_query_id)) {
        throw bad('query is too old and response timeout expired or query ID is invalid');
      }
      callbackIds.delete(p.callback_query_id);
      if (typeof p.text === 'string' && p.text.length > 200) throw bad('MESSAGE_TOO_LONG');
      return true;
    },
    sendChatAction: (p) => {
      state.requireChat(p);
      if (typeof p.action !== 'string') throw bad('wrong parameter action in request');
      return true;
    },
    getChatMember: (p) => {
      const chatId = state.requireChat(p);
      const userId = Number(p.user_id);
      if (!Number.isSafeInteger(userId)) throw bad('invalid user_id specified');
      const status = memberships.get(chatId)?.get(userId) ?? 'left';
      return { status, user: { id: userId, is_bot: false, first_name: `User ${userId}` } };
    },
    getFile: (p) => {
      const f = typeof p.file_id === 'string' ? files.get(p.file_id) : undefined;
      if (!f) throw bad('invalid file_id');
      return f;
    },
    sendDocument: (p) => {
      const chatId = state.requireChat(p);
      const document = files.fileFrom(p.document, 'document');
      if (!document) throw bad('there is no document in the request');
      if (typeof p.caption === 'string' && p.caption.length > 1024) throw bad('message caption is too long');
      validateMarkup(p.reply_markup);
      return state.newBotMessage(chatId, { document, ...(p.caption ? { caption: p.caption } : {}) });
    },
    sendPhoto: (p) => {
      const chatId = state.requireChat(p);
      const photo = files.fileFrom(p.photo, 'photo');
      if (!photo) throw bad('there is no photo in the request');
      validateMarkup(p.reply_markup);
      return state.newBotMessage(chatId, { photo: [photo], ...(p.caption ? { caption: p.caption } : {}) });
    },
  };
}

