/**
 * Rate limit per resident (private chats, messages and button presses): a fixed one-minute window
 * in Redis shared by all processes. Over the limit the resident hears it once per window; after
 * that, silence, so a flood costs one message and not one per update. The counter moves in the
 * dedupe round trip (ordering.ts), so a redelivered update never counts; this middleware only
 * decides. An emergency is never rate limited (emergency.ts): the rules are asked before anything is dropped.
 */
import type { Context, MiddlewareFn } from 'telegraf';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { t } from '../../i18n/index.js';
import { isEmergencyUpdate, type EmergencyCheck } from './emergency.js';
import { admittedOf, langOf } from './state.js';

const isLimited = (ctx: Context): boolean => ctx.chat?.type === 'private' && ctx.from !== undefined;
// Groups are limited as a whole (a flood in a group costs at most this many answers a minute), silently.
const isGroup = (ctx: Context): boolean => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
export const GROUP_UPDATES_PER_MINUTE = 30;

/** The Redis counter for this update's resident and minute; '' when the update is not rate limited. */
export function rateKey(ctx: Context, opts: { keyPrefix: string; botId: string; clock: Clock }): string {
  const windowIndex = Math.floor(opts.clock.now().getTime() / 60_000);
  if (isGroup(ctx)) return `${opts.keyPrefix}:tg:rate:${opts.botId}:g${ctx.chat!.id}:${windowIndex}`;
  if (!isLimited(ctx)) return '';
  return `${opts.keyPrefix}:tg:rate:${opts.botId}:${ctx.from!.id}:${windowIndex}`;
}

/** Over the limit, an emergency still goes through (asked of `emergency` first); it counts, but is never throttled. */
export function rateLimit(opts: { perMinute: number; groupPerMinute?: number; log: Logger; emergency?: EmergencyCheck }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const admitted = admittedOf(ctx);
    if (isGroup(ctx) && admitted && admitted.count > (opts.groupPerMinute ?? GROUP_UPDATES_PER_MINUTE) && !(opts.emergency && isEmergencyUpdate(ctx, opts.emergency))) {
      if (admitted.count === (opts.groupPerMinute ?? GROUP_UPDATES_PER_MINUTE) + 1) opts.log.warn({ chatId: ctx.chat!.id }, 'group over its rate limit: silent for the rest of the minute');
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      return;
    }
    if (!isLimited(ctx) || !admitted || admitted.count <= opts.perMinute) return next();
    if (opts.emergency && isEmergencyUpdate(ctx, opts.emergency)) {
      opts.log.warn({ userId: ctx.from!.id, count: admitted.count }, 'emergency from a resident over the rate limit: handled');
      return next();
    }
    opts.log.info({ userId: ctx.from!.id, count: admitted.count }, 'resident over the rate limit');
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (admitted.count === opts.perMinute + 1) await ctx.reply(t(langOf(ctx), 'bot.flood'));
  };
}
