/**
 * The Telegram channel: a telegraf bot with the middleware every conversation needs (dedupe,
 * language, rate limit, one error handler), the fixed commands, and polite answers to content the
 * bot cannot process. Free text and button presses go to `handlers`, where the conversation lives.
 * Everything shared between processes (dedupe keys, rate counters, language, conversation state)
 * is in Redis or Postgres, so any number of these can run side by side.
 */
import type { Redis } from 'ioredis';
import { Telegraf, type Context, type NarrowedContext } from 'telegraf';
import { message, editedMessage, callbackQuery } from 'telegraf/filters';
import type { BotCommand, Message, Update } from 'telegraf/types';
import { systemClock, type Clock } from '../kernel/clock.js';
import { AppError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import { refusalKey } from '../cases/policy.js';
import { residentLanguage, setResidentLanguage } from '../cases/commands/residents.js';
import { pgRepositories } from '../cases/pgRepositories.js';
import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';
import { callbackKeyFromConfig, createCallbackCodec, type CallbackCodec, type ParsedCallback } from './callbackData.js';
import { hasMessage, isLanguage, languageFromTelegram, LANGUAGES, t } from '../i18n/index.js';

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
  /** /status and /withdraw in a private chat. */
  onCommand?(ctx: TextContext, command: 'status' | 'withdraw', lang: Language): Promise<void>;
  /** A photo or document in a private chat; return false when there is no open case to attach it to. */
  onAttachment?(ctx: Context, kind: AttachmentKind, lang: Language): Promise<boolean>;
  /**
   * A `/command args` in a group chat (the office's /queue, /case, /overdue, /stats). Return false
   * when the command is not one the handler knows; the bot then stays quiet unless it was addressed.
   */
  onGroupCommand?(ctx: TextContext, command: string, args: string, lang: Language): Promise<boolean>;
}

export interface TelegramBotOptions {
  token: string;
  apiRoot?: string;
  redis: Redis;
  pool: Queryable;
  logger: Logger;
  handlers?: BotHandlers;
  /** Signs and verifies button payloads; default: keyed from the bot token. */
  callbacks?: CallbackCodec;
  /** RESIDENT_MESSAGES_PER_MINUTE. */
  residentMessagesPerMinute?: number;
  /** Redis key prefix (QUEUE_PREFIX); tests pass a unique one. */
  keyPrefix?: string;
  /** Longest free text accepted, in characters. */
  maxTextLength?: number;
  /** How long a seen update_id is remembered. */
  dedupeTtlSeconds?: number;
  /** Give up on a Redis call after this long and carry on without dedupe/rate limit (default 2000 ms). */
  redisTimeoutMs?: number;
  clock?: Clock;
  /** WEBHOOK_URL/WEBHOOK_PORT/WEBHOOK_SECRET: when `url` is set, launch() serves a webhook instead of polling. */
  webhook?: { url?: string; port?: number; secretToken?: string; host?: string };
}

export interface TelegramBot {
  bot: Telegraf<Context>;
  callbacks: CallbackCodec;
  /** Sets the command menus, then starts polling (default) or the webhook; resolves once started. */
  launch(): Promise<void>;
  /** Stops polling/webhook and waits for the poll loop to confirm the last offset. */
  stop(reason?: string): Promise<void>;
  /** Feeds one update through the middleware (tests, or a custom webhook server). */
  handleUpdate(update: Update): Promise<void>;
  /** The command menus: '' (default) and 'zh' → 简体, 'en' → English. */
  setCommands(): Promise<void>;
  /** Command menu for one private chat in its saved language (how 繁體 users get their menu). */
  setChatCommands(chatId: number, lang: Language): Promise<void>;
  /** The local port the webhook server listens on (webhook mode, after launch). */
  webhookPort(): number | undefined;
}

export const DEFAULT_MAX_TEXT_LENGTH = 2000;
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;
const COMMANDS = ['start', 'status', 'withdraw', 'language', 'privacy', 'help'] as const;
const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** The menu in one language, as setMyCommands wants it. */
export function commandMenu(lang: Language): BotCommand[] {
  return COMMANDS.map((command) => ({ command, description: t(lang, `bot.command.${command}`) }));
}

/** The language a Telegram user saved (or was last answered in), from `residents`; null for none. */
export async function savedLanguage(pool: Queryable, userId: number): Promise<Language | null> {
  if (!Number.isSafeInteger(userId)) return null;
  const saved = await residentLanguage(pgRepositories(pool).residents, 'telegram', String(userId));
  return isLanguage(saved) ? saved : null;
}

/** The language of an update's user: saved choice in `residents`, else their Telegram app language. */
export async function resolveLanguage(pool: Queryable, userId: number, languageCode: string | undefined): Promise<Language> {
  return (await savedLanguage(pool, userId)) ?? languageFromTelegram(languageCode);
}

export async function saveLanguage(pool: Queryable, userId: number, chatId: number, lang: Language): Promise<void> {
  await setResidentLanguage(pgRepositories(pool).residents, { channel: 'telegram', externalId: String(userId), chatId, language: lang });
}

/** The language middleware put on the context (zh-Hans if it did not run). */
export function langOf(ctx: Context): Language {
  const lang = (ctx.state as { lang?: unknown }).lang;
  return isLanguage(lang) ? lang : 'zh-Hans';
}

/** How long Redis remembers a user's saved language (it is written through on every change). */
const LANGUAGE_CACHE_SECONDS = 24 * 3600;
const ADMIT_COMMAND = 'xfTelegramAdmit';
/**
 * KEYS: seen key, rate key ('' = not rate limited), language key ('' = no user). ARGV: dedupe TTL.
 * Returns {first (1|0), count in this window, cached language or nil}.
 */
const ADMIT_LUA = `
if not redis.call('SET', KEYS[1], '1', 'EX', ARGV[1], 'NX') then return {0, 0, false} end
local count = 0
if KEYS[2] ~= '' then
  count = redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], 120)
end
local lang = false
if KEYS[3] ~= '' then lang = redis.call('GET', KEYS[3]) end
return {1, count, lang}
`;
interface AdmitResult {
  first: boolean;
  count: number;
  lang: string | null;
}

class RedisTimeout extends Error {
  constructor(ms: number) {
    super(`redis did not answer within ${ms} ms`);
  }
}

/** A Redis client with maxRetriesPerRequest: null queues commands forever while disconnected; do not wait that long. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisTimeout(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

export function createTelegramBot(opts: TelegramBotOptions): TelegramBot {
  const { token, redis, pool, logger } = opts;
  const handlers = opts.handlers ?? {};
  const clock = opts.clock ?? systemClock;
  const prefix = opts.keyPrefix ?? 'xf';
  const perMinute = opts.residentMessagesPerMinute ?? 20;
  const maxText = opts.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  const dedupeTtl = opts.dedupeTtlSeconds ?? 24 * 3600;
  const redisTimeout = opts.redisTimeoutMs ?? 2000;
  const botId = token.split(':')[0] ?? 'bot';
  const callbacks =
    opts.callbacks ?? createCallbackCodec(callbackKeyFromConfig({ TELEGRAM_BOT_TOKEN: token, CALLBACK_SECRET: undefined }, 'telegram'));

  const bot = new Telegraf<Context>(token, { telegram: opts.apiRoot ? { apiRoot: opts.apiRoot } : {} });
  const log = logger.child({ component: 'telegram-bot' });

  // The saved language is per Telegram user (residents.channel 'telegram'), whatever the bot.
  const langKey = (userId: number) => `${prefix}:tg:lang:${userId}`;
  redis.defineCommand(ADMIT_COMMAND, { numberOfKeys: 3, lua: ADMIT_LUA });
  async function admit(seenKey: string, rateKey: string, languageKey: string, ttl: number): Promise<AdmitResult> {
    const run = (redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, number, string | null]>>)[ADMIT_COMMAND]!;
    const [first, count, lang] = await run.call(redis, seenKey, rateKey, languageKey, ttl);
    return { first: first === 1, count: Number(count), lang };
  }
  async function cacheLanguage(userId: number, lang: Language): Promise<void> {
    try {
      await withTimeout(redis.set(langKey(userId), lang, 'EX', LANGUAGE_CACHE_SECONDS), redisTimeout);
    } catch (err) {
      log.warn({ userId, err: (err as Error).message }, 'could not cache the saved language');
    }
  }

  // Polling hands a whole batch over at once (telegraf runs it with Promise.all), so two quick
  // messages from one resident would race. Within this process, a chat's updates run in arrival
  // order; across processes the conversation store's versions catch the rest. This comes first so
  // that what is read next (the saved language) is read after the chat's previous update changed it.
  const chatTails = new Map<number, Promise<unknown>>();
  bot.use(async (ctx, next) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return next();
    const previous = chatTails.get(chatId) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => next());
    chatTails.set(chatId, mine);
    try {
      await mine;
    } finally {
      if (chatTails.get(chatId) === mine) chatTails.delete(chatId);
    }
  });

  // Dedupe, rate limit and the cached language in one Redis round trip (a Lua script, so the
  // rate counter only moves for an update that is not a duplicate — as when they were separate).
  // 1. Dedupe: Telegram redelivers an update it thinks unconfirmed, and with several processes two
  //    may see the same one. SET NX is the shared "first one wins"; at-most-once is the right side
  //    to err on for chat messages (a resident can resend, a double case is harder to undo).
  // 2. Language, before anything that answers: the saved choice, cached in Redis (written through
  //    by saveLanguage), else read from `residents` and cached, else the app's language.
  // 3. Rate limit per resident (private chats): a fixed window in Redis shared by all processes.
  //    Over the limit the resident hears it once per window; after that, silence, so a flood costs
  //    one message and not one per update.
  bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    const from = ctx.from;
    const limited = ctx.chat?.type === 'private' && from !== undefined;
    const windowIndex = Math.floor(clock.now().getTime() / 60_000);
    const rateKey = limited ? `${prefix}:tg:rate:${botId}:${from.id}:${windowIndex}` : '';
    let admitted: AdmitResult | undefined;
    try {
      admitted = await withTimeout(admit(`${prefix}:tg:seen:${botId}:${id}`, rateKey, from ? langKey(from.id) : '', dedupeTtl), redisTimeout);
    } catch (err) {
      // Without Redis, answering twice beats not answering (the message may be an emergency).
      log.warn({ updateId: id, err: (err as Error).message }, 'update dedupe and rate limit unavailable; handling anyway');
    }
    if (admitted && !admitted.first) {
      log.info({ updateId: id }, 'duplicate update skipped');
      return;
    }
    log.debug({ updateId: id, type: updateType(ctx.update), userId: from?.id }, 'update');

    let lang: Language = languageFromTelegram(from?.language_code);
    if (from) {
      if (isLanguage(admitted?.lang)) lang = admitted.lang;
      else {
        try {
          const saved = await savedLanguage(pool, from.id);
          if (saved) {
            lang = saved;
            if (admitted) void cacheLanguage(from.id, saved);
          }
        } catch (err) {
          log.warn({ updateId: id, err: (err as Error).message }, 'saved language unavailable; using the app language');
        }
      }
    }
    ctx.state.lang = lang;

    if (!limited || !admitted || admitted.count <= perMinute) return next();
    log.info({ userId: from.id, count: admitted.count }, 'resident over the rate limit');
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (admitted.count === perMinute + 1) await ctx.reply(t(lang, 'bot.flood'));
  });

  bot.start(async (ctx) => {
    const lang = langOf(ctx);
    await ctx.reply(t(lang, 'bot.welcome'), { link_preview_options: { is_disabled: true } });
    // Telegram picks a menu by two-letter language; 繁體 users need a menu for their own chat.
    if (ctx.chat.type === 'private' && lang === 'zh-Hant') await setChatCommands(ctx.chat.id, lang);
    const payload = START_PAYLOAD.test(ctx.payload) ? ctx.payload : null;
    if (handlers.onStart) await handlers.onStart(ctx, lang, payload);
  });
  bot.help((ctx) => ctx.reply(t(langOf(ctx), 'bot.help')));
  bot.command('privacy', (ctx) => ctx.reply(t(langOf(ctx), 'bot.privacy')));
  bot.command('language', async (ctx) => {
    const lang = langOf(ctx);
    if (ctx.chat.type !== 'private') return void (await ctx.reply(t(lang, 'bot.group_only_private')));
    await ctx.reply(t(lang, 'bot.language.choose'), {
      reply_markup: {
        inline_keyboard: [LANGUAGES.map((l) => ({ text: t(l, `bot.language.name.${l}`), callback_data: callbacks.build('language', l) }))],
      },
    });
  });
  bot.command(['status', 'withdraw'], async (ctx) => {
    const lang = langOf(ctx);
    if (ctx.chat.type !== 'private') return void (await ctx.reply(t(lang, 'bot.group_only_private')));
    if (handlers.onCommand) return handlers.onCommand(ctx, ctx.command as 'status' | 'withdraw', lang);
    await ctx.reply(t(lang, 'bot.not_available'));
  });

  bot.on(callbackQuery('data'), async (ctx) => {
    const lang = langOf(ctx);
    const parsed = callbacks.parse(ctx.callbackQuery.data);
    if (!parsed.ok) {
      log.info({ updateId: ctx.update.update_id, userId: ctx.from.id, reason: parsed.error }, 'callback payload rejected');
      await ctx.answerCbQuery(t(lang, 'bot.callback.invalid'));
      return;
    }
    if (parsed.action === 'language') {
      if (!isLanguage(parsed.ref)) {
        await ctx.answerCbQuery(t(lang, 'bot.callback.invalid'));
        return;
      }
      const chatId = ctx.chat?.id ?? ctx.from.id;
      await saveLanguage(pool, ctx.from.id, chatId, parsed.ref);
      await cacheLanguage(ctx.from.id, parsed.ref);
      ctx.state.lang = parsed.ref;
      await ctx.answerCbQuery();
      // The menu first: when "saved" arrives, everything the resident sees is in the new language.
      if (ctx.chat?.type === 'private') await setChatCommands(chatId, parsed.ref);
      await ctx.reply(t(parsed.ref, 'bot.language.saved'));
      return;
    }
    if (handlers.onCallback) return handlers.onCallback(ctx, parsed, lang);
    await ctx.answerCbQuery(t(lang, 'bot.not_available'));
  });
  // Buttons with other payload kinds (game, inline) are not ours: stop the client's spinner.
  bot.on('callback_query', (ctx) => ctx.answerCbQuery(t(langOf(ctx), 'bot.callback.invalid')));

  bot.on(message('text'), async (ctx) => {
    const lang = langOf(ctx);
    const text = ctx.message.text;
    const first = ctx.message.entities?.[0];
    if (first?.type === 'bot_command' && first.offset === 0) {
      const [, to] = text.slice(0, first.length).split('@');
      if (to && to.toLowerCase() !== ctx.me.toLowerCase()) return; // another bot's command in a group
      if (ctx.chat.type !== 'private' && handlers.onGroupCommand) {
        const [head = ''] = text.slice(1, first.length).split('@');
        const command = head.toLowerCase();
        const args = text.slice(first.length).trim();
        if (await handlers.onGroupCommand(ctx, command, args, lang)) return;
      }
      if (ctx.chat.type === 'private' || to) await ctx.reply(t(lang, 'bot.unknown_command'));
      return;
    }
    if (text.length > maxText) {
      await ctx.reply(t(lang, 'bot.content.too_long', { length: text.length, limit: maxText }));
      return;
    }
    if (handlers.onText) return handlers.onText(ctx, lang);
    if (ctx.chat.type === 'private') await ctx.reply(t(lang, 'bot.not_available'));
  });

  // Content the bot cannot read: answered in private chats only (staff groups stay quiet).
  const privateOnly = (ctx: Context) => ctx.chat?.type === 'private';
  bot.on(message('sticker'), async (ctx) => {
    if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.sticker'));
  });
  for (const kind of ['voice', 'audio', 'video_note', 'video'] as const) {
    bot.on(message(kind), async (ctx) => {
      if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.voice'));
    });
  }
  for (const kind of ['photo', 'document'] as const) {
    bot.on(message(kind), async (ctx) => {
      if (!privateOnly(ctx)) return;
      const lang = langOf(ctx);
      const attached = handlers.onAttachment ? await handlers.onAttachment(ctx, kind, lang) : false;
      if (!attached) await ctx.reply(t(lang, 'bot.content.attachment_no_case'));
    });
  }
  bot.on(editedMessage('text'), async (ctx) => {
    if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.edited'));
  });
  bot.on('message', async (ctx) => {
    if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.unsupported'));
  });

  // The one error handler. It must never throw: in polling mode a throw here ends the poll loop.
  bot.catch(async (err, ctx) => {
    const updateId = ctx.update.update_id;
    const appError = err instanceof AppError ? err : undefined;
    const fields = {
      updateId,
      type: updateType(ctx.update),
      userId: ctx.from?.id,
      errorId: appError?.id,
      err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack },
    };
    if (appError && !appError.report) log.info(fields, 'handler refused the update');
    else log.error(fields, 'handler failed');
    try {
      const lang = langOf(ctx);
      const refused = refusalKey(err, 'bot');
      const key = refused && hasMessage(refused) ? refused : 'error.generic';
      const text = t(lang, key);
      if (ctx.callbackQuery) await ctx.answerCbQuery(text.slice(0, 200)).catch(() => undefined);
      if (ctx.chat) await ctx.telegram.sendMessage(ctx.chat.id, text);
    } catch (replyErr) {
      log.warn({ updateId, err: (replyErr as Error).message }, 'could not tell the user about the error');
    }
  });

  async function setCommands(): Promise<void> {
    await bot.telegram.setMyCommands(commandMenu('zh-Hans'));
    await bot.telegram.setMyCommands(commandMenu('zh-Hans'), { language_code: 'zh' });
    await bot.telegram.setMyCommands(commandMenu('en'), { language_code: 'en' });
  }

  async function setChatCommands(chatId: number, lang: Language): Promise<void> {
    try {
      await bot.telegram.setMyCommands(commandMenu(lang), { scope: { type: 'chat', chat_id: chatId } });
    } catch (err) {
      // A menu in the wrong language is cosmetic: never fail the user's request over it.
      log.warn({ chatId, err: (err as Error).message }, 'could not set the chat command menu');
    }
  }

  let running: Promise<void> | undefined;
  let webhookStarted = false;

  return {
    bot,
    callbacks,
    async launch() {
      bot.botInfo ??= await bot.telegram.getMe();
      try {
        await setCommands();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'could not set the command menus');
      }
      const webhookUrl = opts.webhook?.url;
      if (webhookUrl) {
        const url = new URL(webhookUrl);
        await bot.launch({
          allowedUpdates: [...ALLOWED_UPDATES],
          webhook: {
            domain: url.host,
            path: url.pathname === '/' ? undefined : url.pathname,
            port: opts.webhook?.port ?? 8443,
            ...(opts.webhook?.host ? { host: opts.webhook.host } : {}),
            ...(opts.webhook?.secretToken ? { secretToken: opts.webhook.secretToken } : {}),
          },
        });
        webhookStarted = true;
        log.info({ path: url.pathname }, 'telegram bot started (webhook)');
        return;
      }
      // telegraf's launch() only settles when polling ends, so it runs in the background.
      running = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((err: unknown) => {
        log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'telegram polling stopped with an error');
      });
      log.info('telegram bot started (polling)');
    },
    async stop(reason = 'stop') {
      if (!running && !webhookStarted) return;
      try {
        bot.stop(reason);
      } catch {
        // not running any more (the poll loop already ended)
      }
      await running;
      running = undefined;
      webhookStarted = false;
    },
    handleUpdate: (update) => bot.handleUpdate(update),
    webhookPort() {
      // telegraf keeps its server private; the address is all we read from it.
      const server = (bot as unknown as { webhookServer?: { address(): unknown } }).webhookServer;
      const address = server?.address();
      return address && typeof address === 'object' && 'port' in address ? Number((address as { port: number }).port) : undefined;
    },
    setCommands,
    setChatCommands,
  };
}
