import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Redis } from 'ioredis';
import type { Update } from 'telegraf/types';
import { FixedClock } from '../../kernel/clock.js';
import { t } from '../../i18n/index.js';
import { createTelegramBot, type TelegramBot } from '../../bot/telegramBot.js';
import { useBotHarness } from '../helpers/botHarness.js';
import { testRedis } from '../helpers/redis.js';

const TOKEN = '777002:two-processes';
const LIMIT = 3;

/**
 * Two bot instances ("processes") share Redis and Postgres, and take updates from one shared queue
 * (as behind a webhook load balancer): each update goes to one of them, a redelivered one possibly
 * to the other.
 */
describe('two bot instances sharing Redis', () => {
  const harness = useBotHarness({ token: TOKEN, prefix: 'bot2' });
  const { emu } = harness;
  let redisB: Redis;
  let a: TelegramBot;
  let b: TelegramBot;
  const handledBy: Array<{ bot: 'A' | 'B'; userId: number; text: string }> = [];
  let nextUpdate = 1;
  let nextMessage = 1;

  const textUpdate = (userId: number, text: string): Update =>
    ({
      update_id: nextUpdate++,
      message: {
        message_id: nextMessage++,
        date: 1_795_000_000,
        chat: { id: userId, type: 'private', first_name: 'T' },
        from: { id: userId, is_bot: false, first_name: 'T', language_code: 'en' },
        text,
        ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
      },
    }) as Update;

  /** An instance on the harness's Redis client (A), or on its own client to the same Redis (B). */
  const make = (name: 'A' | 'B', redis: Redis = harness.redis) =>
    createTelegramBot(
      harness.options({
        redis,
        residentMessagesPerMinute: LIMIT,
        clock: new FixedClock('2026-11-23T10:00:10Z'),
        handlers: {
          async onText(ctx) {
            handledBy.push({ bot: name, userId: ctx.from.id, text: ctx.message.text });
            await ctx.reply(`handled by ${name}`);
          },
        },
      }),
    );

  beforeAll(() => {
    redisB = testRedis();
    a = make('A');
    b = make('B', redisB);
  });
  afterAll(async () => {
    await redisB?.quit();
  });

  it('the same update delivered to both instances at once is handled once', async () => {
    const update = textUpdate(9001, 'only once please');
    await Promise.all([a.handleUpdate(update), b.handleUpdate(structuredClone(update))]);
    assert.equal(handledBy.filter((h) => h.userId === 9001).length, 1);
    assert.equal(emu.sent(9001).length, 1);
    // and a third instance started later (same Redis) still knows it
    const c = make('A');
    await c.handleUpdate(structuredClone(update));
    assert.equal(handledBy.filter((h) => h.userId === 9001).length, 1);
  });

  it('the per-resident limit is one budget across instances: one notice, then silence', async () => {
    const queue = Array.from({ length: LIMIT + 3 }, (_, i) => textUpdate(9002, `m${i}`));
    // alternate the instances, one update at a time, like a round-robin balancer
    for (const [i, update] of queue.entries()) await (i % 2 === 0 ? a : b).handleUpdate(update);
    const handled = handledBy.filter((h) => h.userId === 9002);
    assert.equal(handled.length, LIMIT);
    assert.deepEqual(new Set(handled.map((h) => h.bot)), new Set(['A', 'B']));
    const texts = emu.sent(9002).map((c) => c.payload.text);
    assert.equal(texts.filter((x) => x === t('en', 'bot.flood')).length, 1);
    assert.equal(texts.length, LIMIT + 1);
    // another resident is not affected by 9002's flood
    await b.handleUpdate(textUpdate(9003, 'hello'));
    assert.equal(emu.sent(9003)[0]?.payload.text, 'handled by B');
  });

  it('with Redis unreachable the bot still answers (no dedupe, no limit) instead of hanging', { timeout: 10_000 }, async () => {
    const dead = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: () => 200 });
    dead.on('error', () => undefined);
    try {
      const bot = createTelegramBot(harness.options({ redis: dead, redisTimeoutMs: 150 }));
      await bot.handleUpdate(textUpdate(9004, '/help'));
      assert.equal(emu.sent(9004)[0]?.payload.text, t('en', 'bot.help'));
    } finally {
      dead.disconnect();
    }
  });
});
