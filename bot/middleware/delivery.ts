/**
 * Telegram's errors on the bot's direct replies, and which groups the bot speaks in.
 *
 * - Direct replies (the answer to a resident's message, emergency numbers included) are sent while the
 *   update is handled, not through the outbox: a 429 is waited out (retry_after) and the reply sent
 *   again, up to `maxWaitMs` in all, so it is never dropped. An emergency's numbers are the first
 *   reply of the update (bot/handlers.ts orderReplies), so they are also the first retried.
 * - The bot is silent in groups it does not serve (neither the office chat nor a directory entry's
 *   chat, nor a supergroup one of them became): no answer to /start, /help or long texts there.
 * - my_chat_member: a chat that adds the bot back or unblocks it gets its waiting messages at once
 *   (cases/outboxRepository.ts markChatReachable; the outbox poll sends them).
 */
import { TelegramError, type Context, type MiddlewareFn, type Telegram } from 'telegraf';
import type { Logger } from '../../kernel/logger.js';
import type { Clock } from '../../kernel/clock.js';
import type { Queryable } from '../../db/pool.js';
import { markChatReachable } from '../../cases/outboxRepository.js';

/** Methods that put something in a chat: worth waiting for after a 429. */
const SENDS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'editMessageText', 'editMessageReplyMarkup', 'copyMessage', 'forwardMessage']);

const GUARDED = Symbol('xf.directReplyRetry');

/** Makes this update's Telegram client wait out 429s on sends (telegraf builds one client per update). */
export function guardTelegram(tg: Telegram, opts: { log: Logger; maxWaitMs: number; sleep?: (ms: number) => Promise<void> }): void {
  const t = tg as Telegram & { [GUARDED]?: true };
  if (t[GUARDED]) return;
  t[GUARDED] = true;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const original = tg.callApi.bind(tg) as (method: string, payload: unknown, o?: unknown) => Promise<unknown>;
  (tg as unknown as { callApi: typeof original }).callApi = async (method, payload, o) => {
    let waited = 0;
    for (;;) {
      try {
        return await original(method, payload, o);
      } catch (err) {
        if (!(err instanceof TelegramError) || err.code !== 429 || !SENDS.has(method)) throw err;
        const seconds = Number(err.parameters?.retry_after);
        const ms = (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
        if (waited + ms > opts.maxWaitMs) throw err;
        waited += ms;
        const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
        opts.log.warn({ method, chatId, retryAfterSeconds: ms / 1000 }, 'direct reply got 429: waiting, then sending it again');
        await sleep(ms);
      }
    }
  };
}

export function directReplyRetry(opts: { log: Logger; maxWaitMs?: number; sleep?: (ms: number) => Promise<void> }): MiddlewareFn<Context> {
  const maxWaitMs = opts.maxWaitMs ?? 5 * 60_000;
  return (ctx, next) => {
    guardTelegram(ctx.telegram, { log: opts.log, maxWaitMs, sleep: opts.sleep });
    return next();
  };
}

const isGroup = (ctx: Context) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup' || ctx.chat?.type === 'channel';

/** Drops every update from a group the bot does not serve (membership changes excepted), without a word. */
export function servedGroupsOnly(opts: { serves?: (chatId: number) => boolean | Promise<boolean>; log: Logger }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!opts.serves || !isGroup(ctx) || 'my_chat_member' in ctx.update) return next();
    if (await opts.serves(ctx.chat!.id)) return next();
    opts.log.info({ chatId: ctx.chat!.id }, 'update from a group the bot does not serve: ignored');
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
  };
}

/** The bot's own membership in a chat changed: the chat is reachable again, or not. */
export function chatMembership(opts: { pool: Queryable; clock: Clock; log: Logger }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const change = 'my_chat_member' in ctx.update ? ctx.update.my_chat_member : undefined;
    if (!change) return next();
    const chatId = change.chat.id;
    const status = change.new_chat_member.status;
    const now = opts.clock.now();
    try {
      if (status === 'member' || status === 'administrator' || status === 'creator') {
        const due = await markChatReachable(opts.pool, 'telegram', chatId, now);
        if (due.length) opts.log.info({ chatId, due: due.length }, 'the bot is back in the chat: its waiting messages are due');
      }
      // Removed or blocked: the outbox finds out at its next send (403), marks the chat and tells the office once.
    } catch (err) {
      opts.log.warn({ chatId, err: (err as Error).message }, 'could not record the chat membership change');
    }
  };
}
