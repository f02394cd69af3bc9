/**
 * The whole bot on real parts, for end-to-end tests and the bot bench: telegraf polling the Bot API
 * emulator over HTTP, real PGlite (testDatabase), real Redis under a unique prefix, the real workers
 * delivering the outbox through the real TelegramSender into the emulator, the offline triage engine,
 * and the conversation wiring app/main.ts uses (`telegramHandlersFor(core)`).
 */
import fs from 'node:fs';
import type { Redis } from 'ioredis';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { systemClock, type Clock } from '../../kernel/clock.js';
import { loadConfig, type Config } from '../../app/config.js';
import { resourcePath } from '../../kernel/paths.js';
import { createLogger, type Logger } from '../../kernel/logger.js';
import { clockSettings, type Core } from '../../app/main.js';
import { buildTriageDeps } from '../../app/triageDeps.js';
import { callbackKeyFromConfig, createCallbackCodec, type CallbackAction, type CallbackCodec } from '../../bot/callbackData.js';
import { telegramHandlersFor } from '../../bot/handlers.js';
import { createTelegramBot, type TelegramBot } from '../../bot/telegramBot.js';
import { TelegramSender } from '../../bot/telegramSender.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { createClockHandler } from '../../cases/deadlines.js';
import type { Database } from '../../db/pool.js';
import { createEmbedder } from '../../knowledge/embedder.js';
import { ingestBundledNotes } from '../../knowledge/ingest.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import { createRetriever, retrievalBudget } from '../../knowledge/retriever.js';
import { txQuery } from '../../workers/db.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { startBotApiEmulator, type BotApiEmulator, type EmulatedChat, type RecordedCall } from '../emulator/botApi.js';
import { testDatabase } from './db.js';
import { cleanPrefix, testRedis, TEST_REDIS_URL, uniquePrefix } from './redis.js';

export const OFFICE_CHAT = -100500;
export const OFFICE_MEMBERS = [9001, 9002];
export const officeChat: EmulatedChat = { id: OFFICE_CHAT, type: 'supergroup', title: '信访办工作群' };

/** The bundled directory with a group and one member per handler, as a deployment fills them in. */
export function e2eDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -200000 - i, memberIds: [7000 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -300000 - i, memberIds: [8000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'e2e directory');
}

export const groupChat = (id: number): EmulatedChat => ({ id, type: 'supergroup' });

export interface E2E {
  emu: BotApiEmulator;
  db: Database;
  redis: Redis;
  prefix: string;
  cfg: Config;
  core: Core;
  cases: CaseService;
  directory: Directory;
  callbacks: CallbackCodec;
  bot: TelegramBot;
  workers: RunningWorkers;
  /** Queues every pending outbox row and waits until none is pending (the fast outbox poll, done by hand). */
  deliver(timeoutMs?: number): Promise<void>;
  /** The bot handled everything pushed so far, then the outbox went out. */
  settle(): Promise<void>;
  /** The latest message in `chatId` with a button for `action` (its verified payload and message id). */
  button(chatId: number, action: CallbackAction, opts?: { ref?: string; text?: RegExp }): { data: string; messageId: number; ref: string; version?: number };
  /** Texts the bot sent to `chatId` (sendMessage only), in order. */
  texts(chatId: number): string[];
  close(): Promise<void>;
}

export interface E2EOptions {
  residentMessagesPerMinute?: number;
  outboxConcurrency?: number;
  logger?: Logger;
  clock?: Clock;
  poolMax?: number;
  /** More configuration (e.g. OPENAI_BASE_URL of a fake provider, budgets); wins over the defaults above. */
  env?: Record<string, string>;
}

export async function startE2E(opts: E2EOptions = {}): Promise<E2E> {
  const emu = await startBotApiEmulator();
  const db = await testDatabase(opts.poolMax ?? 10);
  const redis = testRedis();
  const prefix = uniquePrefix('e2e');
  const logger = opts.logger ?? createLogger('silent');
  const clock = opts.clock ?? systemClock;
  const cfg = loadConfig({
    TELEGRAM_BOT_TOKEN: emu.token,
    TELEGRAM_API_ROOT: emu.apiRoot,
    OFFICE_CHAT_ID: String(OFFICE_CHAT),
    OFFICE_MEMBER_IDS: OFFICE_MEMBERS.join(','),
    QUEUE_PREFIX: prefix,
    REDIS_URL: TEST_REDIS_URL,
    RESIDENT_MESSAGES_PER_MINUTE: String(opts.residentMessagesPerMinute ?? 20),
    ...opts.env,
  });
  const directory = e2eDirectory();
  const calendar = loadHolidayCalendar(cfg.HOLIDAYS_PATH);
  const embedder = createEmbedder(cfg);
  await ingestBundledNotes(db.pool, embedder);
  const retriever = createRetriever({ pool: db.pool, embedder, budget: retrievalBudget(cfg), logger });
  const cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings: clockSettings(cfg), logger });
  const triage = buildTriageDeps(cfg, { directory, logger, retriever });
  const core: Core = { cfg, logger, clock, db, calendar, directory, cases, retriever, triage, close: async () => undefined };
  const callbacks = createCallbackCodec(callbackKeyFromConfig(cfg, 'telegram'));

  const handlers = telegramHandlersFor(core, callbacks);
  const bot = createTelegramBot({
    token: cfg.TELEGRAM_BOT_TOKEN!,
    apiRoot: cfg.TELEGRAM_API_ROOT,
    redis,
    pool: db.pool,
    logger,
    handlers,
    callbacks,
    residentMessagesPerMinute: cfg.RESIDENT_MESSAGES_PER_MINUTE,
    keyPrefix: prefix,
    clock,
  });
  const workers = await startWorkers({
    pool: db.pool,
    redisUrl: TEST_REDIS_URL,
    prefix,
    sender: new TelegramSender({ token: cfg.TELEGRAM_BOT_TOKEN!, apiRoot: cfg.TELEGRAM_API_ROOT, callbacks, logger }),
    clockHandler: createClockHandler({ directory, settings: clockSettings(cfg), logger }),
    clock,
    logger,
    sweepEveryMs: 3_600_000,
    sweepOnStart: false,
    outboxPollMs: 200,
    // Telegram's pacing (1 msg/s per chat) would only slow the tests; the rate limiter has its own tests.
    limits: false,
    outboxConcurrency: opts.outboxConcurrency ?? 10,
    officeChatId: OFFICE_CHAT,
    directory,
  });
  await bot.launch();

  async function pendingIds(): Promise<number[]> {
    // Rows waiting for a chat, or due later (a held-back alert summary), are not for this delivery.
    const r = await txQuery<{ id: number }>(db.pool, `SELECT id FROM outbox WHERE status = 'pending' AND chat_id IS NOT NULL AND not_before <= $1 ORDER BY id`, [clock.now()]);
    return r.rows.map((x) => Number(x.id));
  }

  async function deliver(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let ids = await pendingIds();
    if (ids.length) await workers.enqueueOutbox(ids);
    while (ids.length) {
      if (Date.now() > deadline) throw new Error(`outbox rows still pending after ${timeoutMs} ms: ${ids.join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
      const now = await pendingIds();
      // Rows written meanwhile (a command finishing) are queued too; duplicates collapse by job id.
      const fresh = now.filter((id) => !ids.includes(id));
      if (fresh.length) await workers.enqueueOutbox(fresh);
      ids = now;
    }
  }

  const e2e: E2E = {
    emu,
    db,
    redis,
    prefix,
    cfg,
    core,
    cases,
    directory,
    callbacks,
    bot,
    workers,
    deliver,
    async settle() {
      await emu.idle(15_000);
      await deliver();
    },
    button(chatId, action, o = {}) {
      const found: Array<{ data: string; messageId: number; ref: string; version?: number }> = [];
      for (const call of emu.sent(chatId)) {
        if (call.method !== 'sendMessage' || !call.ok) continue;
        if (o.text && !o.text.test(String(call.payload.text))) continue;
        const rows = (call.payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
        for (const b of rows.flat()) {
          const parsed = b.callback_data ? callbacks.parse(b.callback_data) : undefined;
          if (!parsed?.ok || parsed.action !== action) continue;
          if (o.ref && !parsed.ref.startsWith(o.ref)) continue;
          found.push({ data: b.callback_data!, messageId: (call.result as { message_id: number }).message_id, ref: parsed.ref, version: parsed.version });
        }
      }
      const last = found.at(-1);
      if (!last) throw new Error(`no ${action} button in chat ${chatId}; texts: ${JSON.stringify(e2e.texts(chatId))}`);
      return last;
    },
    texts(chatId) {
      return emu
        .sent(chatId)
        .filter((c: RecordedCall) => c.method === 'sendMessage' && c.ok)
        .map((c) => String(c.payload.text));
    },
    async close() {
      await bot.stop().catch(() => undefined);
      await workers.close().catch(() => undefined);
      await emu.stop().catch(() => undefined);
      await cleanPrefix(redis, prefix).catch(() => undefined);
      redis.disconnect();
      await db.close().catch(() => undefined);
    },
  };
  return e2e;
}
