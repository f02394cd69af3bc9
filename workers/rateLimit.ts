import crypto from 'node:crypto';
import type { Redis } from 'ioredis';

export interface Window {
  /** At most `max` sends in any `windowMs` sliding window. */
  max: number;
  windowMs: number;
}

export interface SendLimits {
  privateChat: Window;
  groupChat: Window;
  global: Window;
}

/** Telegram Bot API limits (core.telegram.org/bots/faq): 1/s per chat, 20/min per group, 30/s overall. */
export const TELEGRAM_LIMITS: SendLimits = {
  privateChat: { max: 1, windowMs: 1000 },
  groupChat: { max: 20, windowMs: 60_000 },
  global: { max: 30, windowMs: 1000 },
};

export type Verdict = { ok: true } | { ok: false; scope: 'chat' | 'global'; waitMs: number };

/*
 * One atomic check-and-reserve for every process sharing this Redis: pauses set after a 429 first,
 * then the chat's window, then the global window. Time comes from Redis (TIME) so processes on
 * machines with skewed clocks agree. A slot is reserved only when every check passes.
 * KEYS: chat window, global window, chat pause, global pause.
 * ARGV: chat max, chat window ms, global max, global window ms, member.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gp = redis.call('PTTL', KEYS[4])
if gp > 0 then return {2, gp} end
local cp = redis.call('PTTL', KEYS[3])
if cp > 0 then return {1, cp} end
local function wait(key, max, window)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= max then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return math.max(1, tonumber(oldest[2]) + window - now)
  end
  return 0
end
local cw = wait(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
if cw > 0 then return {1, cw} end
local gw = wait(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
if gw > 0 then return {2, gw} end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return {0, 0}
`;

type WithAcquire = Redis & {
  xfSendAcquire(k1: string, k2: string, k3: string, k4: string, ...argv: (string | number)[]): Promise<[number, number]>;
};

/**
 * Telegram's send limits, shared across processes through Redis. Keys live under the queue prefix
 * (`<prefix>:ratelimit:*`) so cleaning a prefix cleans them too.
 */
export class SendRateLimiter {
  private readonly redis: WithAcquire;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly limits: SendLimits,
  ) {
    if (!(redis as unknown as Partial<WithAcquire>).xfSendAcquire) redis.defineCommand('xfSendAcquire', { numberOfKeys: 4, lua: ACQUIRE });
    this.redis = redis as unknown as WithAcquire;
  }

  private key(...parts: (string | number)[]): string {
    return [this.prefix, 'ratelimit', ...parts].join(':');
  }

  async acquire(chatId: number, chatKind: 'private' | 'group'): Promise<Verdict> {
    const w = chatKind === 'group' ? this.limits.groupChat : this.limits.privateChat;
    const [code, waitMs] = await this.redis.xfSendAcquire(
      this.key('chat', chatId),
      this.key('global'),
      this.key('pause', chatId),
      this.key('pause', 'global'),
      w.max,
      w.windowMs,
      this.limits.global.max,
      this.limits.global.windowMs,
      crypto.randomUUID(),
    );
    if (code === 0) return { ok: true };
    return { ok: false, scope: code === 1 ? 'chat' : 'global', waitMs: Number(waitMs) };
  }

  /** After a 429: nobody sends to this chat (or at all, when global) until retry_after has passed. */
  async pause(scope: 'chat' | 'global', chatId: number, ms: number): Promise<void> {
    const key = scope === 'global' ? this.key('pause', 'global') : this.key('pause', chatId);
    // Keep the longer of an existing and the new pause.
    const current = await this.redis.pttl(key);
    if (current < ms) await this.redis.set(key, '1', 'PX', Math.max(1, Math.ceil(ms)));
  }
}
