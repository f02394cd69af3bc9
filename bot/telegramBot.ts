/**
 * The Telegram channel: a telegraf bot composed of middleware every conversation needs, in this
 * order — ordering (per-chat order, dedupe), language, admission (rate limit) — then the commands,
 * (an emergency is never held back or dropped by any of these: middleware/emergency.ts),
 * the button presses, the content, and one error handler. Free text and button presses go to
 * `handlers`, where the conversation lives. Everything shared between processes (dedupe keys, rate
 * counters, language, conversation state) is in Redis or Postgres, so any number can run side by side.
 */
import type { Redis } from 'ioredis';
import { Telegraf, type Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import { systemClock, type Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { Language } from '../kernel/language.js';
import type { Queryable } from '../db/pool.js';
import type { CallbackCodec } from './callbackData.js';
import { callbacks } from './callbacks.js';
import { commands } from './commands.js';
import { content, DEFAULT_MAX_TEXT_LENGTH } from './content.js';
import { errorHandler } from './errorHandler.js';
import { lifecycle, type PollingFailed, type WebhookOptions } from './lifecycle.js';
import { createMenus } from './menus.js';
import { rateLimit } from './middleware/admission.js';
import { crisisRulesCheck, type EmergencyCheck } from './middleware/emergency.js';
import { language, languageCache } from './middleware/language.js';
import { chatOrder, dedupe } from './middleware/ordering.js';
import { chatMembership, directReplyRetry, servedGroupsOnly } from './middleware/delivery.js';
import { chatLine } from '../cases/directReplies.js';
import { chatMigration } from './middleware/chatMigration.js';
import type { BotHandlers } from './types.js';

export type { AttachmentKind, BotHandlers, CallbackContext, TextContext } from './types.js';
export { commandMenu } from './menus.js';
export { langOf } from './middleware/state.js';
export { DEFAULT_MAX_TEXT_LENGTH } from './content.js';

export interface TelegramBotOptions {
  token: string;
  apiRoot?: string;
  redis: Redis;
  pool: Queryable;
  logger: Logger;
  handlers?: BotHandlers;
  /** Signs and verifies button payloads: the one codec, built in app/main.ts. */
  callbacks: CallbackCodec;
  /**
   * The emergency rules, asked before a resident's text is held back or dropped (chat order, duplicate,
   * rate limit); an emergency goes through. Default: the crisis layer's rules (triage/crisis).
   */
  emergency?: EmergencyCheck;
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
  /** WEBHOOK_URL/WEBHOOK_HOST/WEBHOOK_PORT/WEBHOOK_SECRET: when `url` is set, launch() serves a webhook (secret required) instead of polling. */
  webhook?: WebhookOptions;
  /** Polling ended with an error telegraf does not retry (401 revoked token, 409 another poller): see lifecycle.ts. */
  onPollingFailed?: PollingFailed;
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

export function createTelegramBot(opts: TelegramBotOptions): TelegramBot {
  const { token, redis, pool, callbacks: codec } = opts;
  const handlers = opts.handlers ?? {};
  const keyPrefix = opts.keyPrefix ?? 'xf';
  const redisTimeoutMs = opts.redisTimeoutMs ?? 2000;
  const bot = new Telegraf<Context>(token, { telegram: opts.apiRoot ? { apiRoot: opts.apiRoot } : {} });
  const log = opts.logger.child({ component: 'telegram-bot' });
  const menus = createMenus(bot.telegram, log);
  const languages = languageCache({ redis, keyPrefix, redisTimeoutMs, log });
  const emergency = opts.emergency ?? crisisRulesCheck;

  // First: every reply of this update, an emergency's numbers included, waits out a 429, or is kept in the outbox, instead of being lost.
  bot.use(directReplyRetry({ log, store: { pool, clock: opts.clock ?? systemClock, line: chatLine(redis, keyPrefix) } }));
  bot.use(chatMembership({ pool, clock: opts.clock ?? systemClock, log }));
  bot.use(chatMigration({ record: handlers.chatMigrated?.bind(handlers), log }));
  bot.use(servedGroupsOnly({ serves: handlers.servesGroup?.bind(handlers), log }));
  bot.use(chatOrder({ emergency, log }));
  bot.use(
    dedupe({
      redis,
      keyPrefix,
      botId: token.split(':')[0] ?? 'bot',
      dedupeTtlSeconds: opts.dedupeTtlSeconds ?? 24 * 3600,
      redisTimeoutMs,
      clock: opts.clock ?? systemClock,
      log,
      emergency,
    }),
  );
  bot.use(language({ pool, cache: languages, log }));
  bot.use(rateLimit({ perMinute: opts.residentMessagesPerMinute ?? 20, log, emergency }));
  bot.use(commands({ handlers, callbacks: codec, menus }));
  bot.use(callbacks({ handlers, codec, pool, languages, menus, log }));
  bot.use(content({ handlers, maxTextLength: opts.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH, emergency }));
  bot.catch(errorHandler(log));

  return {
    bot,
    callbacks: codec,
    ...lifecycle(bot, menus, log, opts.webhook, opts.onPollingFailed),
    handleUpdate: (update) => bot.handleUpdate(update),
    ...menus,
  };
}
