/**
 * Which updates are handled, and in what order: per-chat order inside one process, then dedupe by
 * `update_id` across processes. Everything shared between processes is in Redis, so any number of
 * bots can run side by side.
 */
import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'telegraf';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { rateKey } from './admission.js';
import { isEmergencyUpdate, type EmergencyCheck } from './emergency.js';
import { languageKey } from './language.js';
import { setAdmitted, updateType, withTimeout, type AdmitResult } from './state.js';
import { IN_PROGRESS, IN_PROGRESS_MS, updateClaims } from './delivery.js';

/**
 * Polling hands a whole batch over at once (telegraf runs it with Promise.all), so two quick
 * messages from one resident would race. Within this process, a chat's updates run in arrival
 * order; across processes the conversation store's versions catch the rest. This comes first so
 * that what is read next (the saved language) is read after the chat's previous update changed it.
 * An emergency does not wait its turn: behind a flood of the same resident's messages (each may wait
 * for a model) it would; it needs no order, only the numbers.
 */
export function chatOrder(opts: { emergency?: EmergencyCheck; log?: Logger } = {}): MiddlewareFn<Context> {
  const chatTails = new Map<number, Promise<unknown>>();
  return async (ctx, next) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return next();
    const tail = chatTails.get(chatId);
    if (tail && opts.emergency && isEmergencyUpdate(ctx, opts.emergency)) {
      opts.log?.warn({ updateId: ctx.update.update_id }, 'emergency overtakes the chat\'s earlier updates');
      return next();
    }
    const previous = tail ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => next());
    chatTails.set(chatId, mine);
    try {
      await mine;
    } finally {
      if (chatTails.get(chatId) === mine) chatTails.delete(chatId);
    }
  };
}

const ADMIT_COMMAND = 'xfTelegramAdmit';
/**
 * KEYS: seen key, rate key ('' = not rate limited), language key ('' = no user). ARGV: in-progress TTL ms.
 * Returns {first (1|0), count in this window, cached language or nil, the claim seen when not first}.
 */
const ADMIT_LUA = `
if not redis.call('SET', KEYS[1], '${IN_PROGRESS}', 'PX', ARGV[1], 'NX') then return {0, 0, false, redis.call('GET', KEYS[1])} end
local count = 0
if KEYS[2] ~= '' then
  count = redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], 120)
end
local lang = false
if KEYS[3] ~= '' then lang = redis.call('GET', KEYS[3]) end
return {1, count, lang}
`;

export interface DedupeOptions {
  redis: Redis;
  keyPrefix: string;
  botId: string;
  dedupeTtlSeconds: number;
  redisTimeoutMs: number;
  clock: Clock;
  log: Logger;
  /** Asked before a duplicate is dropped: an emergency is handled again (the office alert is deduped by update). */
  emergency?: EmergencyCheck;
}

/**
 * Dedupe, the rate counter and the cached language in one Redis round trip (a Lua script, so the
 * rate counter only moves for an update that is not a duplicate). Telegram redelivers an update it
 * thinks unconfirmed, and with several processes two may see the same one. SET NX is the shared
 * "first one wins"; at-most-once is the right side to err on for chat messages (a resident can
 * resend, a double case is harder to undo). The counter and language are left on the context for
 * admission.ts and language.ts. The claim is "in progress" until the update's replies are sent or
 * kept, then "done" (delivery.ts updateClaims): a redelivery after a crash mid-update is handled again.
 */
export function dedupe(opts: DedupeOptions): MiddlewareFn<Context> {
  const { redis, keyPrefix, botId, log } = opts;
  redis.defineCommand(ADMIT_COMMAND, { numberOfKeys: 3, lua: ADMIT_LUA });
  const claims = updateClaims(redis);
  async function admit(seenKey: string, rate: string, lang: string): Promise<AdmitResult & { seen?: string | null }> {
    const run = (redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, number, string | null, string | null]>>)[ADMIT_COMMAND]!;
    const [first, count, cached, seen] = await run.call(redis, seenKey, rate, lang, IN_PROGRESS_MS);
    return { first: first === 1, count: Number(count), lang: cached, seen };
  }

  return async (ctx, next) => {
    const id = ctx.update.update_id;
    const from = ctx.from;
    const seenKey = `${keyPrefix}:tg:seen:${botId}:${id}`;
    let admitted: (AdmitResult & { seen?: string | null }) | undefined;
    try {
      const ask = () => withTimeout(admit(seenKey, rateKey(ctx, opts), from ? languageKey(keyPrefix, from.id) : ''), opts.redisTimeoutMs);
      admitted = await ask();
      // Held by another handling (alive, or dead and about to expire): wait until it is done or gone.
      if (!admitted.first && admitted.seen === IN_PROGRESS && !(opts.emergency && isEmergencyUpdate(ctx, opts.emergency))) admitted = await claims.waitFor(ask, admitted);
    } catch (err) {
      // Without Redis, answering twice beats not answering (the message may be an emergency).
      log.warn({ updateId: id, err: (err as Error).message }, 'update dedupe and rate limit unavailable; handling anyway');
    }
    if (admitted && !admitted.first) {
      // The first delivery may have died before answering; the numbers twice beat none.
      if (!(opts.emergency && isEmergencyUpdate(ctx, opts.emergency))) {
        log.info({ updateId: id }, 'duplicate update skipped');
        return;
      }
      log.warn({ updateId: id }, 'duplicate update is an emergency: handled again');
    }
    log.debug({ updateId: id, type: updateType(ctx.update), userId: from?.id }, 'update');
    setAdmitted(ctx, admitted);
    if (!admitted?.first) return next();
    claims.hold(seenKey);
    try {
      await next();
    } catch (err) {
      claims.drop(seenKey);
      throw err;
    }
    await withTimeout(claims.done(seenKey, opts.dedupeTtlSeconds), opts.redisTimeoutMs).catch((err: Error) => log.warn({ updateId: id, err: err.message }, 'could not mark the update done'));
  };
}
