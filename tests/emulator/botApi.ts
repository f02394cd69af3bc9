/**
 * A local Telegram Bot API emulator, good enough for telegraf 4.16 in polling mode and for the
 * Telegram sender. It speaks HTTP on 127.0.0.1, so the code under test runs its real network path
 * (node-fetch, JSON and multipart bodies, error mapping) with no Internet access.
 *
 * Fidelity notes (what the real API does that this one copies, because our code depends on it):
 * - `/bot<token>/<method>`: wrong token → 401, unknown method → 404, both `{ok:false, error_code, description}`.
 * - telegraf sends JSON for everything except uploads (multipart/form-data, with JSON-encoded
 *   `reply_markup`); plain form-encoded bodies and query strings are accepted too.
 * - getUpdates: long polling with offset/timeout/limit; an update stays queued until a later call
 *   confirms it with `offset > update_id`; a second concurrent getUpdates ends the first with 409;
 *   getUpdates while a webhook is set → 409.
 * - sendMessage: message ids count per chat; empty text → 400; more than 4096 characters → 400.
 * - sendDocument/sendPhoto: an upload (multipart) gets a new file_id; the recorded payload keeps its
 *   bytes (`document.data`, a Buffer) for tests to read; a caption over 1024 characters → 400.
 */
import { createMethods } from './methods.js';
import { chatOf, now, OUTGOING, reply } from './protocol.js';
import { startServer } from './server.js';
import { commandKey, EmulatorState } from './state.js';
import type { ApiErrorSpec, BotApiEmulator, EmulatedChat, EmulatedUser, RecordedCall } from './types.js';

export { parseBody } from './body.js';
export type { ApiErrorSpec, BotApiEmulator, EmulatedChat, EmulatedUser, RecordedCall };

export async function startBotApiEmulator(opts: { token?: string; botUsername?: string } = {}): Promise<BotApiEmulator> {
  const token = opts.token ?? '123456:TEST-emulator-token';
  const botId = Number(token.split(':')[0]) || 123456;
  const me = { id: botId, is_bot: true as const, first_name: 'Emulated Bot', username: opts.botUsername ?? 'emulated_bot' };
  const state = new EmulatorState(token, me);
  const { queue, recorded, watchers, failures, holds, memberships, blocked, migrations, chatFailures, commandSets, botMessages, callbackIds, idleWaiters } = state;
  const { server, apiRoot } = await startServer(state, createMethods(state));

  function userOf(from: EmulatedUser) {
    return {
      id: from.id,
      is_bot: from.is_bot ?? false,
      first_name: from.first_name ?? `User ${from.id}`,
      ...(from.username ? { username: from.username } : {}),
      ...(from.language_code ? { language_code: from.language_code } : {}),
    };
  }
  function privateChat(from: EmulatedUser): EmulatedChat {
    return { id: from.id, type: 'private' };
  }
  function incomingMessage(from: EmulatedUser, content: Record<string, unknown>, chat?: EmulatedChat) {
    return { message_id: state.nextMessageIdIn++, date: now(), chat: chat ?? privateChat(from), from: userOf(from), ...content };
  }

  const emu: BotApiEmulator = {
    apiRoot,
    token,
    me,
    pushUpdate(update) {
      const update_id = typeof update.update_id === 'number' ? update.update_id : state.nextUpdateId++;
      if (update_id >= state.nextUpdateId) state.nextUpdateId = update_id + 1;
      state.enqueue({ ...update, update_id });
      return update_id;
    },
    pushRaw(update) {
      if (typeof update.update_id === 'number' && update.update_id >= state.nextUpdateId) state.nextUpdateId = update.update_id + 1;
      state.enqueue(structuredClone(update), true);
    },
    sendText(from, text, chat) {
      const entities: Array<Record<string, unknown>> = [];
      const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
      const message = incomingMessage(from, { text, ...(entities.length ? { entities } : {}) }, chat);
      const update = { update_id: state.nextUpdateId++, message };
      state.enqueue(update);
      return update;
    },
    sendContent(from, content, chat) {
      const update = { update_id: state.nextUpdateId++, message: incomingMessage(from, content, chat) };
      state.enqueue(update);
      return update;
    },
    editText(from, messageId, text, chat) {
      const edited_message = { ...incomingMessage(from, { text }, chat), message_id: messageId, edit_date: now() };
      const update = { update_id: state.nextUpdateId++, edited_message };
      state.enqueue(update);
      return update;
    },
    pressButton(from, chatId, messageId, data) {
      const id = String(state.nextCallbackId++);
      callbackIds.add(id);
      const message = botMessages.get(`${chatId}:${messageId}`) ?? {
        message_id: messageId,
        date: now(),
        chat: chatOf(chatId),
        from: me,
        text: '…',
      };
      const update = {
        update_id: state.nextUpdateId++,
        callback_query: { id, from: userOf(from), message, chat_instance: String(chatId), data },
      };
      state.enqueue(update);
      return update;
    },
    sent(chatId) {
      return recorded.filter((c) => OUTGOING.has(c.method) && (chatId === undefined || c.chatId === chatId));
    },
    calls(method) {
      return recorded.filter((c) => method === undefined || c.method === method);
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = recorded.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = {
          predicate,
          resolve: (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          watchers.delete(w);
          reject(new Error(`waitFor: no matching call within ${timeoutMs} ms (calls so far: ${recorded.map((c) => c.method).join(', ') || 'none'})`));
        }, timeoutMs);
        watchers.add(w);
      });
    },
    holdNext(method) {
      let arrive!: (payload: Record<string, any>) => void;
      let release!: () => void;
      const arrived = new Promise<Record<string, any>>((r) => (arrive = r));
      const released = new Promise<void>((r) => (release = r));
      holds.set(method, [...(holds.get(method) ?? []), { arrive, released }]);
      return { arrived, release };
    },
    failNext(method, error) {
      const list = failures.get(method) ?? [];
      list.push(error);
      failures.set(method, list);
    },
    members(chatId, userIds, status = 'member') {
      const map = memberships.get(chatId) ?? new Map<number, string>();
      for (const id of userIds) map.set(id, status);
      memberships.set(chatId, map);
    },
    block(chatId, description = 'Forbidden: bot was blocked by the user') {
      blocked.set(chatId, description);
    },
    unblock(chatId) {
      blocked.delete(chatId);
    },
    migrate(fromChatId, toChatId) {
      migrations.set(fromChatId, toChatId);
    },
    failChat(chatId, error, times = 1, after = 0) {
      if (times <= 0) chatFailures.delete(chatId);
      else chatFailures.set(chatId, { error, left: times, pass: after });
    },
    commands(languageCode = '', scope) {
      return commandSets.get(commandKey(scope, languageCode));
    },
    message(chatId, messageId) {
      return botMessages.get(`${chatId}:${messageId}`);
    },
    batch(fn) {
      state.holding++;
      try {
        return fn();
      } finally {
        state.holding--;
        state.flushPoller();
      }
    },
    pending() {
      return queue.length;
    },
    idle(timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          idleWaiters.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(done);
          reject(new Error(`idle: ${queue.length} update(s) still unconfirmed after ${timeoutMs} ms`));
        }, timeoutMs);
        idleWaiters.add(done);
        state.notifyIdle();
      });
    },
    async stop() {
      if (state.poller) {
        state.poller.done = true;
        clearTimeout(state.poller.timer);
        reply(state.poller.res, 200, { ok: true, result: [] });
        state.poller = null;
      }
      for (const w of watchers) watchers.delete(w);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emu;
}
