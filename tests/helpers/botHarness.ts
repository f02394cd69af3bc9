/**
 * A describe block's bot without the app around it: the Bot API emulator, a fresh PGlite, Redis under a unique
 * prefix, and (when asked) a telegraf bot launched on them with the handlers the test gives.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { callbackKeyFromConfig, createCallbackCodec } from '../../bot/callbackData.js';
import { createTelegramBot, type TelegramBot, type TelegramBotOptions } from '../../bot/telegramBot.js';
import type { Database } from '../../db/pool.js';
import { silentLogger } from '../../kernel/logger.js';
import { startBotApiEmulator, type BotApiEmulator } from '../emulator/botApi.js';
import { testDatabase } from './db.js';
import { lateBound } from './lateBound.js';
import { cleanPrefix, testRedis, uniquePrefix } from './redis.js';

export interface BotHarnessOptions {
  token: string;
  /** Names the unique Redis key prefix. */
  prefix: string;
  botUsername?: string;
  /** The bot launched in beforeAll, on top of `options()`; called then, so it may use what earlier hooks made. None: no bot. */
  launch?: () => Partial<TelegramBotOptions>;
}

export interface RunningBotHarness {
  emu: BotApiEmulator;
  db: Database;
  redis: Redis;
  prefix: string;
  /** Options for createTelegramBot on these parts: the token, its callback key, a silent logger; `overrides` win. */
  options(overrides?: Partial<TelegramBotOptions>): TelegramBotOptions;
  close(): Promise<void>;
}

export async function startBotHarness(opts: Omit<BotHarnessOptions, 'launch'>): Promise<RunningBotHarness> {
  const db = await testDatabase();
  const redis = testRedis();
  const prefix = uniquePrefix(opts.prefix);
  const emu = await startBotApiEmulator({ token: opts.token, ...(opts.botUsername ? { botUsername: opts.botUsername } : {}) });
  const callbacks = createCallbackCodec(callbackKeyFromConfig({ TELEGRAM_BOT_TOKEN: opts.token }, 'telegram'));
  return {
    emu,
    db,
    redis,
    prefix,
    options: (overrides = {}) => ({ token: opts.token, apiRoot: emu.apiRoot, redis, pool: db.pool, callbacks, logger: silentLogger(), keyPrefix: prefix, ...overrides }),
    async close() {
      await emu.stop();
      await cleanPrefix(redis, prefix);
      await redis.quit();
      await db.close();
    },
  };
}

export interface BotHarness {
  /** The emulator, database and launched bot; they exist from beforeAll on, so use them inside tests and hooks. */
  emu: BotApiEmulator;
  db: Database;
  tb: TelegramBot;
  /** The real Redis client and prefix, read once beforeAll ran. */
  readonly redis: Redis;
  readonly prefix: string;
  options(overrides?: Partial<TelegramBotOptions>): TelegramBotOptions;
}

/** Starts the harness (and the `launch` bot) in beforeAll of the calling describe block; stops it all in afterAll. */
export function useBotHarness(opts: BotHarnessOptions): BotHarness {
  let running: RunningBotHarness | undefined;
  let tb: TelegramBot | undefined;
  beforeAll(async () => {
    running = await startBotHarness(opts);
    if (opts.launch) {
      tb = createTelegramBot(running.options(opts.launch()));
      await tb.launch();
    }
  });
  afterAll(async () => {
    await tb?.stop();
    await running?.close();
  });
  const now = (): RunningBotHarness => {
    if (!running) throw new Error('the bot harness is used before its beforeAll ran');
    return running;
  };
  return {
    emu: lateBound('the Bot API emulator', () => running?.emu),
    db: lateBound('the test database', () => running?.db),
    tb: lateBound('the launched bot', () => tb),
    get redis() {
      return now().redis;
    },
    get prefix() {
      return now().prefix;
    },
    options: (overrides) => now().options(overrides),
  };
}
