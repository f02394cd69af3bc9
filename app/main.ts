/**
 * Composition root: reads the configuration once, builds the ports and starts the roles asked for.
 *   npm start                       → all roles
 *   npm start -- --role bot|workers|console|all
 */
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { ChannelRouter } from './channels.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from '../kernel/logger.js';
import { checkMembership, checkOfficeMigration, checkWaitingMessages } from './startupCheck.js';
import { createDirectorySync, type DirectorySync } from './directorySync.js';
import { buildTriageDeps } from './triageDeps.js';
import { callbackKeyFromConfig, createCallbackCodec, type CallbackCodec } from '../bot/callbackData.js';
import { telegramHandlersFor } from '../bot/handlers.js';
import { createTelegramBot, type BotHandlers, type TelegramBot } from '../bot/telegramBot.js';
import { TelegramSender } from '../bot/telegramSender.js';
import { loadHolidayCalendar, type WorkingCalendar } from '../cases/calendar.js';
import { CaseService } from '../cases/caseService.js';
import { createClockHandler } from '../cases/deadlines.js';
import type { ClockSettings } from '../cases/statutory.js';
import { DataDirLockedError } from '../db/dataDirLock.js';
import { openDatabase, type Database } from '../db/pool.js';
import { loadDirectory, type Directory } from '../directory/directory.js';
import { createEmbedder } from '../knowledge/embedder.js';
import { ingestBundledNotes } from '../knowledge/ingest.js';
import { createRetriever, retrievalBudget, type KnowledgeRetriever } from '../knowledge/retriever.js';
import type { TriageDeps } from '../triage/pipeline.js';
import { ConsoleAuth } from '../console/auth.js';
import { startConsole, type RunningConsole } from '../console/server.js';
import { checkRedis, RedisUnavailableError, startWorkers, type RunningWorkers } from '../workers/index.js';
import type { MessageSender } from '../workers/sender.js';

export const ROLES = ['bot', 'workers', 'console', 'all'] as const;
export type Role = (typeof ROLES)[number];

export function parseRole(argv: string[]): Role {
  const i = argv.indexOf('--role');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
  if (value === undefined) return 'all';
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new ConfigError([`--role ${JSON.stringify(value)}: must be one of ${ROLES.join(', ')}`]);
}

export function clockSettings(cfg: Config): ClockSettings & { officeChatId: number | null; alertWindowMinutes: number; retentionDaysAfterClose: number } {
  return {
    orgAcceptWorkingDays: cfg.ORG_ACCEPT_WORKING_DAYS,
    orgFirstContactDays: cfg.ORG_FIRST_CONTACT_DAYS,
    reminderLeadWorkingDays: cfg.REMINDER_LEAD_WORKING_DAYS,
    surveyReminderHours: cfg.SURVEY_REMINDER_HOURS,
    surveyCloseDays: cfg.SURVEY_CLOSE_DAYS,
    officeChatId: cfg.OFFICE_CHAT_ID ?? null,
    alertWindowMinutes: cfg.OFFICE_ALERT_WINDOW_MINUTES,
    retentionDaysAfterClose: cfg.RETENTION_DAYS_AFTER_CLOSE,
  };
}

/** Everything the roles share, built once per process. */
export interface Core {
  cfg: Config;
  logger: Logger;
  clock: Clock;
  db: Database;
  calendar: WorkingCalendar;
  directory: Directory;
  /** Brings the directory up to date with edits made in other processes (app/directorySync.ts). */
  directorySync?: DirectorySync;
  cases: CaseService;
  retriever: KnowledgeRetriever;
  triage: TriageDeps;
  close(): Promise<void>;
}

export async function buildCore(cfg: Config, logger: Logger, clock: Clock = systemClock): Promise<Core> {
  // Data files first: a bad directory or calendar should stop start-up before anything opens.
  const calendar = loadHolidayCalendar(cfg.HOLIDAYS_PATH);
  const calendarWarning = calendar.coverageWarning(calendar.shanghaiDate(clock.now()));
  if (calendarWarning) logger.warn({ file: cfg.HOLIDAYS_PATH }, calendarWarning);
  const directory = loadDirectory(cfg.DIRECTORY_PATH);
  for (const warning of directory.warnings) logger.warn({ file: cfg.DIRECTORY_PATH }, warning);

  const db = await openDatabase({
    databaseUrl: cfg.DATABASE_URL,
    dataDir: cfg.DATA_DIR,
    pgliteport: cfg.PGLITE_PORT,
    poolMax: cfg.DB_POOL_MAX,
  });
  logger.info({ embedded: db.embedded, dataDir: db.embedded ? cfg.DATA_DIR : undefined }, 'database ready');
  try {
    // Supervisors' directory edits (web console) apply over the file in every process, now and as they are made.
    const directorySync = await createDirectorySync(db.pool, directory, logger);
    // Messages kept for a chat configured since: released; what still waits: a warning per recipient.
    await checkWaitingMessages(db.pool, directory, cfg.OFFICE_CHAT_ID ?? null, logger);
    // The office group became a supergroup: it works through the recorded migration; the variable should follow.
    await checkOfficeMigration(db.pool, cfg.OFFICE_CHAT_ID ?? null, logger);
    // Membership fails closed: every staff chat nobody may act in, named once.
    checkMembership(directory, { chatId: cfg.OFFICE_CHAT_ID ?? null, memberIds: cfg.OFFICE_MEMBER_IDS }, logger);
    const embedder = createEmbedder(cfg);
    const notes = await ingestBundledNotes(db.pool, embedder);
    logger.info({ added: notes.added, replaced: notes.replaced, unchanged: notes.unchanged }, 'policy notes indexed');
    const retriever = createRetriever({ pool: db.pool, embedder, budget: retrievalBudget(cfg), logger });
    const cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings: clockSettings(cfg), logger });
    const triage = buildTriageDeps(cfg, { directory, logger, retriever });
    return {
      cfg, logger, clock, db, calendar, directory, directorySync, cases, retriever, triage,
      close: () => {
        directorySync.stop();
        return db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

export interface RunningApp {
  core: Core;
  workers?: RunningWorkers;
  bot?: TelegramBot;
  console?: RunningConsole;
  stop(): Promise<void>;
}

export interface StartOptions {
  role: Role;
  /** Senders for channels other than Telegram (the terminal chat adds its own). */
  extraSenders?: Partial<Record<'terminal', MessageSender>>;
  botHandlers?: (core: Core, callbacks: CallbackCodec) => BotHandlers;
  /**
   * The app can no longer do its job and should end (today: Telegram polling stopped with 401 or 409).
   * main() exits non-zero so the supervisor restarts it; without it the error is only logged.
   */
  onFatal?: (err: Error) => void;
}

export async function startApp(cfg: Config, logger: Logger, opts: StartOptions): Promise<RunningApp> {
  // The console alone reads and writes Postgres only; every other role needs Redis.
  if (opts.role !== 'console') {
    try {
      await checkRedis(cfg.REDIS_URL);
    } catch (err) {
      if (err instanceof RedisUnavailableError) throw err;
      throw new RedisUnavailableError(cfg.REDIS_URL, (err as Error).message);
    }
  }
  const core = await buildCore(cfg, logger);
  core.directorySync?.start(cfg.DIRECTORY_REFRESH_MS);
  const running: RunningApp = { core, stop: async () => undefined };
  const redis = opts.role === 'console' ? null : new Redis(cfg.REDIS_URL, { maxRetriesPerRequest: null });
  redis?.on('error', (err) => logger.error({ err: err.message }, 'redis error'));
  try {
    const callbacks = cfg.TELEGRAM_BOT_TOKEN ? createCallbackCodec(callbackKeyFromConfig(cfg, 'telegram', logger)) : undefined;
    const wantsBot = opts.role === 'bot' || opts.role === 'all';
    const wantsWorkers = opts.role === 'workers' || opts.role === 'all';
    const wantsConsole = opts.role === 'console' || opts.role === 'all';

    if (wantsBot && !cfg.TELEGRAM_BOT_TOKEN) {
      logger.warn(
        'Telegram bot disabled: TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather, put its token in TELEGRAM_BOT_TOKEN ' +
          'and start again. Meanwhile `npm run chat` talks to the same services in this terminal.',
      );
    }
    if (wantsBot && cfg.TELEGRAM_BOT_TOKEN && callbacks) {
      running.bot = createTelegramBot({
        token: cfg.TELEGRAM_BOT_TOKEN,
        apiRoot: cfg.TELEGRAM_API_ROOT,
        redis: redis!,
        pool: core.db.pool,
        logger,
        handlers: opts.botHandlers?.(core, callbacks),
        callbacks,
        residentMessagesPerMinute: cfg.RESIDENT_MESSAGES_PER_MINUTE,
        keyPrefix: cfg.QUEUE_PREFIX,
        onPollingFailed: opts.onFatal,
        webhook: cfg.WEBHOOK_URL ? { url: cfg.WEBHOOK_URL, host: cfg.WEBHOOK_HOST, port: cfg.WEBHOOK_PORT, secretToken: cfg.WEBHOOK_SECRET } : undefined,
      });
      await running.bot.launch();
      logger.info({ mode: cfg.WEBHOOK_URL ? 'webhook' : 'polling' }, 'telegram bot started');
    }
    if (wantsWorkers) {
      const telegram = cfg.TELEGRAM_BOT_TOKEN && callbacks
        ? new TelegramSender({ token: cfg.TELEGRAM_BOT_TOKEN, apiRoot: cfg.TELEGRAM_API_ROOT, callbacks, logger })
        : undefined;
      running.workers = await startWorkers({
        pool: core.db.pool,
        redisUrl: cfg.REDIS_URL,
        prefix: cfg.QUEUE_PREFIX,
        sender: new ChannelRouter({ telegram, ...opts.extraSenders }, logger),
        clockHandler: createClockHandler({ directory: core.directory, settings: clockSettings(cfg), logger }),
        clock: core.clock,
        logger,
        sweepEveryMs: cfg.SWEEP_EVERY_MS,
        outboxPollMs: cfg.OUTBOX_POLL_MS,
        officeChatId: cfg.OFFICE_CHAT_ID ?? null,
        directory: core.directory,
        retention: { run: () => core.cases.retentionSweep() },
      });
    }
    if (wantsConsole) {
      running.console = await startConsole(
        { pool: core.db.pool, cases: core.cases, directory: core.directory, clock: core.clock, auth: consoleAuth(cfg, core, logger), logger },
        { host: cfg.CONSOLE_HOST, port: cfg.CONSOLE_PORT, secureCookies: consoleSecureCookies(cfg), trustProxy: cfg.CONSOLE_TRUST_PROXY === 'true' },
      );
      logger.info({ url: running.console.url }, 'web console listening (create an account: npm run console:user -- add <name> --role reviewer)');
    }
  } catch (err) {
    await running.console?.close().catch(() => undefined);
    await running.bot?.stop().catch(() => undefined);
    await running.workers?.close().catch(() => undefined);
    redis?.disconnect();
    await core.close().catch(() => undefined);
    throw err;
  }
  let stopped: Promise<void> | undefined;
  running.stop = () =>
    (stopped ??= (async () => {
      await running.console?.close().catch((err) => logger.error({ err: (err as Error).message }, 'console close failed'));
      await running.bot?.stop('shutdown').catch((err) => logger.error({ err: (err as Error).message }, 'bot stop failed'));
      await running.workers?.close().catch((err) => logger.error({ err: (err as Error).message }, 'workers close failed'));
      redis?.disconnect();
      await core.close();
    })());
  return running;
}

export function consoleSecureCookies(cfg: Config): boolean {
  return cfg.CONSOLE_COOKIE_SECURE === 'auto' ? cfg.NODE_ENV === 'production' : cfg.CONSOLE_COOKIE_SECURE === 'true';
}

/** Console accounts and sessions; the sign-in form's key is random per process unless CONSOLE_SESSION_SECRET is set. */
export function consoleAuth(cfg: Config, core: Pick<Core, 'db' | 'clock'>, logger: Logger): ConsoleAuth {
  if (!cfg.CONSOLE_SESSION_SECRET && cfg.NODE_ENV === 'production') {
    logger.warn('CONSOLE_SESSION_SECRET is not set: sign-in forms are signed with a per-process key (set it when running several console processes)');
  }
  return new ConsoleAuth({
    pool: core.db.pool,
    clock: core.clock,
    sessionHours: cfg.CONSOLE_SESSION_HOURS,
    idleMinutes: cfg.CONSOLE_IDLE_MINUTES,
    lockoutAttempts: cfg.CONSOLE_LOCKOUT_ATTEMPTS,
    lockoutMinutes: cfg.CONSOLE_LOCKOUT_MINUTES,
    secret: cfg.CONSOLE_SESSION_SECRET ?? crypto.randomBytes(32).toString('hex'),
    logger,
  });
}

/** Prints a start-up failure as the fix it needs, not a stack trace. */
export function describeStartupError(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  if (err instanceof RedisUnavailableError) return err.message;
  if (err instanceof DataDirLockedError) return err.message;
  if (err instanceof Error && err.name.endsWith('Error') && /directory|holiday|calendar/i.test(err.name)) return err.message;
  return `Start-up failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
}

async function main(): Promise<void> {
  let cfg: Config;
  let role: Role;
  try {
    cfg = loadConfig();
    role = parseRole(process.argv.slice(2));
  } catch (err) {
    console.error(describeStartupError(err));
    process.exit(2);
  }
  const logger = createLogger(cfg.LOG_LEVEL);
  let app: RunningApp | undefined;
  // Liveness: a bot that can no longer poll ends the process (exit 1) so its supervisor restarts it
  // (compose `restart: unless-stopped`), rather than staying up and answering nobody.
  let fatal: Error | undefined;
  const onFatal = (err: Error) => {
    if (fatal) return;
    fatal = err;
    logger.fatal({ err: { name: err.name, message: err.message } }, 'cannot carry on; exiting with code 1 for the supervisor to restart');
    if (app) shutdown('fatal', 1);
  };
  try {
    app = await startApp(cfg, logger, { role, botHandlers: telegramHandlersFor, onFatal });
  } catch (err) {
    console.error(describeStartupError(err));
    process.exit(1);
  }
  logger.info({ role }, 'started; press Ctrl+C to stop');
  function shutdown(signal: string, code = 0) {
    logger.info({ signal }, 'shutting down');
    app!.stop().then(
      () => process.exit(code),
      (err) => {
        logger.error({ err: (err as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  }
  if (fatal) shutdown('fatal', 1);
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
