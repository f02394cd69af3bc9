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
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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

/** Methods whose calls count as "sent to a chat" for `sent()`. */
const OUTGOING = new Set([
  'sendMessage',
  'editMessageText',
  'editMessageReplyMarkup',
  'sendDocument',
  'sendPhoto',
  'sendChatAction',
  'deleteMessage',
]);

/** Fields telegraf (and other clients) send JSON-encoded inside form bodies. */
const JSON_FIELDS = new Set([
  'reply_markup',
  'commands',
  'scope',
  'allowed_updates',
  'entities',
  'caption_entities',
  'link_preview_options',
  'reply_parameters',
  'results',
  'media',
]);

const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA = 64;

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

class ApiFailure extends Error {
  constructor(public readonly spec: ApiErrorSpec) {
    super(spec.description);
  }
}

const bad = (description: string): ApiFailure => new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });

interface QueuedUpdate {
  update: Record<string, any>;
  delivered: boolean;
  /** Pushed with pushRaw: survives confirmation by offset until delivered once (a deliberate replay). */
  replay: boolean;
}

interface Poller {
  res: http.ServerResponse;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
  done: boolean;
}

export async function startBotApiEmulator(opts: { token?: string; botUsername?: string } = {}): Promise<BotApiEmulator> {
  const token = opts.token ?? '123456:TEST-emulator-token';
  const botId = Number(token.split(':')[0]) || 123456;
  const me = { id: botId, is_bot: true as const, first_name: 'Emulated Bot', username: opts.botUsername ?? 'emulated_bot' };

  let nextUpdateId = 100_000;
  let nextSeq = 1;
  let nextCallbackId = 1;
  let nextMessageIdIn = 1;
  let webhook: { url: string; secret_token?: string } | null = null;
  const queue: QueuedUpdate[] = [];
  const recorded: RecordedCall[] = [];
  const watchers = new Set<{ predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }>();
  const failures = new Map<string, ApiErrorSpec[]>();
  const holds = new Map<string, Array<{ arrive: (payload: Record<string, any>) => void; released: Promise<void> }>>();
  const memberships = new Map<number, Map<number, string>>();
  const blocked = new Map<number, string>();
  const migrations = new Map<number, number>();
  const chatFailures = new Map<number, { error: ApiErrorSpec; left: number; pass: number }>();
  const commandSets = new Map<string, Array<{ command: string; description: string }>>();
  const messageCounters = new Map<number, number>();
  const botMessages = new Map<string, Record<string, any>>();
  const files = new Map<string, { file_id: string; file_unique_id: string; file_size?: number; file_path: string }>();
  const callbackIds = new Set<string>();
  let poller: Poller | null = null;
  const idleWaiters = new Set<() => void>();
  function notifyIdle(): void {
    if (queue.length > 0 || !poller || poller.done) return;
    for (const w of [...idleWaiters]) w();
  }

  const commandKey = (scope: unknown, languageCode: unknown): string =>
    `${JSON.stringify(scope ?? { type: 'default' })}|${typeof languageCode === 'string' ? languageCode : ''}`;
  const now = () => Math.floor(Date.now() / 1000);

  function registerFiles(value: unknown): void {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(registerFiles);
    const v = value as Record<string, unknown>;
    if (typeof v.file_id === 'string') {
      files.set(v.file_id, {
        file_id: v.file_id,
        file_unique_id: typeof v.file_unique_id === 'string' ? v.file_unique_id : `u${v.file_id}`,
        file_size: typeof v.file_size === 'number' ? v.file_size : undefined,
        file_path: `files/${v.file_id}`,
      });
    }
    for (const child of Object.values(v)) if (child && typeof child === 'object') registerFiles(child);
  }

  function enqueue(update: Record<string, any>, replay = false): void {
    registerFiles(update);
    queue.push({ update, delivered: false, replay });
    flushPoller();
  }

  const confirmed = (q: QueuedUpdate, offset: number): boolean =>
    offset > 0 && q.update.update_id < offset && (q.delivered || !q.replay);

  function takeUpdates(offset: number, limit: number): Record<string, any>[] {
    if (offset > 0) {
      for (let i = queue.length - 1; i >= 0; i--) {
        const q = queue[i]!;
        if (confirmed(q, offset)) queue.splice(i, 1);
      }
    } else if (offset < 0) {
      // Negative offset: only the last |offset| updates are kept, as in the real API.
      const keep = -offset;
      if (queue.length > keep) queue.splice(0, queue.length - keep);
    }
    const batch = queue.slice(0, Math.max(1, Math.min(100, limit)));
    for (const q of batch) q.delivered = true;
    return batch.map((q) => q.update);
  }

  function reply(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  let holding = 0;
  function flushPoller(): void {
    if (holding > 0) return;
    const p = poller;
    if (!p || p.done) return;
    const remaining = queue.filter((q) => !confirmed(q, p.offset));
    if (remaining.length === 0) return;
    p.done = true;
    clearTimeout(p.timer);
    poller = null;
    reply(p.res, 200, { ok: true, result: takeUpdates(p.offset, p.limit) });
  }

  function record(call: Omit<RecordedCall, 'seq' | 'at'>): RecordedCall {
    const full: RecordedCall = { seq: nextSeq++, at: Date.now(), ...call };
    recorded.push(full);
    for (const w of [...watchers]) {
      if (w.predicate(full)) {
        watchers.delete(w);
        w.resolve(full);
      }
    }
    return full;
  }

  function chatOf(chatId: number): EmulatedChat {
    return { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' };
  }

  function requireChat(payload: Record<string, unknown>): number {
    const raw = payload.chat_id;
    if (raw === undefined || raw === null || raw === '') throw bad('chat_id is empty');
    const id = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isSafeInteger(id)) throw bad('chat not found');
    if (blocked.has(id)) throw new ApiFailure({ error_code: 403, description: blocked.get(id)! });
    const to = migrations.get(id);
    if (to !== undefined) {
      throw new ApiFailure({ error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: to } });
    }
    return id;
  }

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

  function newBotMessage(chatId: number, content: Record<string, unknown>): Record<string, any> {
    const id = (messageCounters.get(chatId) ?? 0) + 1;
    messageCounters.set(chatId, id);
    const message = { message_id: id, date: now(), chat: chatOf(chatId), from: me, ...content };
    botMessages.set(`${chatId}:${id}`, message);
    return message;
  }

  const methods: Record<string, (p: Record<string, any>, res: http.ServerResponse) => unknown> = {
    getMe: () => ({ ...me, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
    logOut: () => true,
    close: () => true,
    setWebhook: (p) => {
      if (typeof p.url !== 'string') throw bad('bad webhook: URL is empty');
      if (p.url === '') webhook = null;
      else webhook = { url: p.url, secret_token: p.secret_token };
      if (p.drop_pending_updates) queue.splice(0);
      return true;
    },
    deleteWebhook: (p) => {
      webhook = null;
      if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') queue.splice(0);
      return true;
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length }),
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
      if (webhook) {
        throw new ApiFailure({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
      }
      const offset = Number(p.offset ?? 0) || 0;
      const limit = Number(p.limit ?? 100) || 100;
      const timeout = Math.max(0, Math.min(50, Number(p.timeout ?? 0) || 0));
      if (poller && !poller.done) {
        const old = poller;
        old.done = true;
        clearTimeout(old.timer);
        poller = null;
        reply(old.res, 409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
      }
      const ready = takeUpdates(offset, limit);
      if (ready.length > 0 || timeout === 0) return ready;
      const p2: Poller = {
        res,
        offset,
        limit,
        done: false,
        timer: setTimeout(() => {
          if (p2.done) return;
          p2.done = true;
          if (poller === p2) poller = null;
          reply(res, 200, { ok: true, result: [] });
        }, timeout * 1000),
      };
      poller = p2;
      notifyIdle();
      // The client gave up (telegraf's stop() aborts the request): forget it.
      res.on('close', () => {
        if (p2.done) return;
        p2.done = true;
        clearTimeout(p2.timer);
        if (poller === p2) poller = null;
      });
      return LONG_POLL;
    },
    sendMessage: (p) => {
      const chatId = requireChat(p);
      const text = typeof p.text === 'string' ? p.text : p.text === undefined ? '' : String(p.text);
      if (text.trim() === '') throw bad('message text is empty');
      if (text.length > MAX_TEXT) throw bad('message is too long');
      validateMarkup(p.reply_markup);
      return newBotMessage(chatId, { text, ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}) });
    },
    editMessageText: (p) => {
      if (p.inline_message_id) return true;
      const chatId = requireChat(p);
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
      const chatId = requireChat(p);
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
      const chatId = requireChat(p);
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
      requireChat(p);
      if (typeof p.action !== 'string') throw bad('wrong parameter action in request');
      return true;
    },
    getChatMember: (p) => {
      const chatId = requireChat(p);
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
      const chatId = requireChat(p);
      const document = fileFrom(p.document, 'document');
      if (!document) throw bad('there is no document in the request');
      if (typeof p.caption === 'string' && p.caption.length > 1024) throw bad('message caption is too long');
      validateMarkup(p.reply_markup);
      return newBotMessage(chatId, { document, ...(p.caption ? { caption: p.caption } : {}) });
    },
    sendPhoto: (p) => {
      const chatId = requireChat(p);
      const photo = fileFrom(p.photo, 'photo');
      if (!photo) throw bad('there is no photo in the request');
      validateMarkup(p.reply_markup);
      return newBotMessage(chatId, { photo: [photo], ...(p.caption ? { caption: p.caption } : {}) });
    },
  };

  let nextFile = 1;
  function fileFrom(value: unknown, kind: string): Record<string, unknown> | undefined {
    if (typeof value === 'string' && value !== '') {
      return files.get(value) ?? { file_id: value, file_unique_id: `u${value}` };
    }
    if (value && typeof value === 'object' && 'uploaded' in value) {
      const up = value as unknown as { filename: string; size: number; contentType?: string };
      const file_id = `${kind}-${nextFile++}`;
      const f = { file_id, file_unique_id: `u${file_id}`, file_size: up.size, file_name: up.filename, ...(up.contentType ? { mime_type: up.contentType } : {}) };
      registerFiles(f);
      return f;
    }
    return undefined;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err) => {
        reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${(err as Error).message}` });
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, reqToken, method] = m as unknown as [string, string, string];
    if (reqToken !== token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let payload: Record<string, any>;
    try {
      payload = { ...Object.fromEntries(url.searchParams), ...parseBody(req.headers['content-type'] ?? '', body) };
    } catch (err) {
      return reply(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(err as Error).message}` });
    }
    delete payload.method; // telegraf repeats the method name inside multipart bodies
    const fn = Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : undefined;
    const chatId = payload.chat_id !== undefined && Number.isSafeInteger(Number(payload.chat_id)) ? Number(payload.chat_id) : undefined;
    if (!fn) {
      const error = { error_code: 404, description: 'Not Found: method not found' };
      record({ method, chatId, payload, ok: false, error });
      return reply(res, 404, { ok: false, ...error });
    }
    const hold = holds.get(method)?.shift();
    if (hold) {
      hold.arrive(payload);
      await hold.released;
    }
    const scripted = failures.get(method)?.shift();
    let perChat = chatId !== undefined && OUTGOING.has(method) ? chatFailures.get(chatId) : undefined;
    if (perChat && perChat.pass > 0) {
      perChat.pass--;
      perChat = undefined;
    } else if (perChat && --perChat.left <= 0) chatFailures.delete(chatId!);
    try {
      if (scripted) throw new ApiFailure(scripted);
      if (perChat) throw new ApiFailure(perChat.error);
      const result = fn(payload, res);
      if (result === LONG_POLL) return; // answered later by flushPoller or the timer
      if (method !== 'getUpdates') record({ method, chatId, payload, ok: true, result });
      reply(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      record({ method, chatId, payload, ok: false, error: err.spec });
      reply(res, err.spec.error_code, { ok: false, ...err.spec });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiRoot = `http://127.0.0.1:${port}`;

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
    return { message_id: nextMessageIdIn++, date: now(), chat: chat ?? privateChat(from), from: userOf(from), ...content };
  }

  const emu: BotApiEmulator = {
    apiRoot,
    token,
    me,
    pushUpdate(update) {
      const update_id = typeof update.update_id === 'number' ? update.update_id : nextUpdateId++;
      if (update_id >= nextUpdateId) nextUpdateId = update_id + 1;
      enqueue({ ...update, update_id });
      return update_id;
    },
    pushRaw(update) {
      if (typeof update.update_id === 'number' && update.update_id >= nextUpdateId) nextUpdateId = update.update_id + 1;
      enqueue(structuredClone(update), true);
    },
    sendText(from, text, chat) {
      const entities: Array<Record<string, unknown>> = [];
      const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
      const message = incomingMessage(from, { text, ...(entities.length ? { entities } : {}) }, chat);
      const update = { update_id: nextUpdateId++, message };
      enqueue(update);
      return update;
    },
    sendContent(from, content, chat) {
      const update = { update_id: nextUpdateId++, message: incomingMessage(from, content, chat) };
      enqueue(update);
      return update;
    },
    editText(from, messageId, text, chat) {
      const edited_message = { ...incomingMessage(from, { text }, chat), message_id: messageId, edit_date: now() };
      const update = { update_id: nextUpdateId++, edited_message };
      enqueue(update);
      return update;
    },
    pressButton(from, chatId, messageId, data) {
      const id = String(nextCallbackId++);
      callbackIds.add(id);
      const message = botMessages.get(`${chatId}:${messageId}`) ?? {
        message_id: messageId,
        date: now(),
        chat: chatOf(chatId),
        from: me,
        text: '…',
      };
      const update = {
        update_id: nextUpdateId++,
        callback_query: { id, from: userOf(from), message, chat_instance: String(chatId), data },
      };
      enqueue(update);
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
      holding++;
      try {
        return fn();
      } finally {
        holding--;
        flushPoller();
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
        notifyIdle();
      });
    },
    async stop() {
      if (poller) {
        poller.done = true;
        clearTimeout(poller.timer);
        reply(poller.res, 200, { ok: true, result: [] });
        poller = null;
      }
      for (const w of watchers) watchers.delete(w);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emu;
}

const LONG_POLL = Symbol('long-poll');

/** Parses JSON, urlencoded and multipart bodies into one flat payload, decoding JSON-valued fields. */
export function parseBody(contentType: string, body: Buffer): Record<string, any> {
  if (body.length === 0) return {};
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('request body must be a JSON object');
    return parsed as Record<string, any>;
  }
  const out: Record<string, any> = {};
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) out[k] = decodeField(k, v);
    return out;
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw new Error('multipart body without boundary');
    for (const part of splitMultipart(body, b)) {
      const headerEnd = part.indexOf('\r\n\r\n');
      if (headerEnd < 0) continue;
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (!name) continue;
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      // Uploads keep their bytes and type, so a test can read the file the bot sent (sendDocument).
      const mime = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim();
      out[name] = filename !== undefined
        ? { uploaded: true, filename, size: content.length, data: Buffer.from(content), ...(mime ? { contentType: mime } : {}) }
        : decodeField(name, content.toString('utf8'));
    }
    return out;
  }
  throw new Error(`unsupported content type ${type || '(none)'}`);
}

function decodeField(name: string, value: string): unknown {
  if (!JSON_FIELDS.has(name)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, from);
    if (next < 0) break;
    // Strip the CRLF after the delimiter and the one before the next delimiter.
    parts.push(body.subarray(from + 2, next - 2));
    start = next;
  }
  return parts;
}
