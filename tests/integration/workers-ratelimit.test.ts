import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import { SendRateLimiter, TELEGRAM_LIMITS, type SendLimits } from '../../workers/rateLimit.js';
import { cleanPrefix, testRedis, uniquePrefix } from '../helpers/redis.js';

describe('send rate limiter (real Redis)', () => {
  const redis = testRedis();
  const prefixes: string[] = [];
  const limiter = (limits: SendLimits) => {
    const prefix = uniquePrefix('rl');
    prefixes.push(prefix);
    return new SendRateLimiter(redis, prefix, limits);
  };
  afterAll(async () => {
    for (const p of prefixes) await cleanPrefix(redis, p);
    await redis.quit();
  });

  it('allows one message per window to a private chat and says how long to wait', async () => {
    assert.deepEqual(TELEGRAM_LIMITS.privateChat, { max: 1, windowMs: 1000 });
    // Windows of seconds rather than Telegram's 1 s keep the test independent of machine load.
    const rl = limiter({ ...TELEGRAM_LIMITS, privateChat: { max: 1, windowMs: 10_000 } });
    assert.deepEqual(await rl.acquire(1, 'private'), { ok: true });
    const second = await rl.acquire(1, 'private');
    assert.equal(second.ok, false);
    assert.ok(!second.ok && second.scope === 'chat' && second.waitMs > 5000 && second.waitMs <= 10_000);
    assert.deepEqual(await rl.acquire(2, 'private'), { ok: true }, 'another chat is not held back');
  });

  it('allows a burst up to the group limit within the window, then holds the group back', async () => {
    const rl = limiter({ ...TELEGRAM_LIMITS, groupChat: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) assert.deepEqual(await rl.acquire(-100, 'group'), { ok: true });
    const fourth = await rl.acquire(-100, 'group');
    assert.ok(!fourth.ok && fourth.scope === 'chat' && fourth.waitMs > 50_000);
  });

  it('caps all chats together at the global limit', async () => {
    const rl = limiter({ ...TELEGRAM_LIMITS, global: { max: 4, windowMs: 10_000 } });
    for (let chat = 1; chat <= 4; chat++) assert.deepEqual(await rl.acquire(chat, 'private'), { ok: true });
    const fifth = await rl.acquire(5, 'private');
    assert.ok(!fifth.ok && fifth.scope === 'global' && fifth.waitMs > 5000 && fifth.waitMs <= 10_000);
  });

  it('shares the limit between two limiter instances, as between two processes', async () => {
    const prefix = uniquePrefix('rl-shared');
    prefixes.push(prefix);
    const other = testRedis();
    try {
      const slow = { ...TELEGRAM_LIMITS, privateChat: { max: 1, windowMs: 10_000 } };
      const a = new SendRateLimiter(redis, prefix, slow);
      const b = new SendRateLimiter(other, prefix, slow);
      assert.deepEqual(await a.acquire(7, 'private'), { ok: true });
      assert.equal((await b.acquire(7, 'private')).ok, false);
    } finally {
      await other.quit();
    }
  });

  it('holds a chat (or everyone) back for the whole pause after a 429', async () => {
    const rl = limiter(TELEGRAM_LIMITS);
    await rl.pause('chat', 9, 5000);
    const held = await rl.acquire(9, 'private');
    assert.ok(!held.ok && held.scope === 'chat' && held.waitMs > 4000);
    await rl.pause('chat', 9, 100);
    const still = await rl.acquire(9, 'private');
    assert.ok(!still.ok && still.waitMs > 4000, 'a shorter pause does not cut a longer one');
    await rl.pause('global', 9, 3000);
    const all = await rl.acquire(10, 'private');
    assert.ok(!all.ok && all.scope === 'global' && all.waitMs > 2000);
  });
});
