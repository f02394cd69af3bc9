import { z } from 'zod';
import { resourcePath } from '../kernel/paths.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const intFrom = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));
const chatId = z.preprocess(emptyToUndefined, z.coerce.number().int().optional());
const idList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(z.coerce.number().int()),
);
const url = (hint: string) =>
  z.preprocess(emptyToUndefined, z.string().url({ message: `must be a URL, for example ${hint}` }).optional());

/**
 * Every environment variable the application reads. The README's configuration table documents each
 * one (tests/unit/readme.test.ts fails on a variable it does not list).
 */
export const configSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DATABASE_URL: url('postgres://user:pass@host:5432/db'),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  // Unset: the embedded database listens nowhere. Set (0 = any free port): 127.0.0.1, behind a password (db/socketAuth.ts).
  PGLITE_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  DB_POOL_MAX: intFrom(10, 1, 200),
  REDIS_URL: z.preprocess(emptyToUndefined, z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379')),
  QUEUE_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').default('xf')),
  TELEGRAM_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'looks like 123456:ABC-def… (from @BotFather)').optional()),
  TELEGRAM_API_ROOT: url('http://127.0.0.1:8081'),
  WEBHOOK_URL: url('https://bot.example.org/telegram'),
  WEBHOOK_PORT: intFrom(8443, 0, 65535),
  WEBHOOK_HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('127.0.0.1')),
  // Telegram's rule for secret_token (1–256 of A-Z a-z 0-9 _ -); at least 16 so it cannot be guessed.
  WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters from A-Z a-z 0-9 _ - (e.g. `openssl rand -hex 32`)').optional()),
  OFFICE_CHAT_ID: chatId,
  OFFICE_MEMBER_IDS: idList,
  CONSOLE_PORT: intFrom(8080, 0, 65535),
  CONSOLE_HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('127.0.0.1')),
  CONSOLE_SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional()),
  CONSOLE_COOKIE_SECURE: z.preprocess(emptyToUndefined, z.enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' }).default('auto')),
  CONSOLE_SESSION_HOURS: intFrom(12, 1, 720),
  CONSOLE_IDLE_MINUTES: intFrom(30, 1, 1440),
  CONSOLE_TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], { message: 'must be true or false' }).default('false')),
  CONSOLE_LOCKOUT_ATTEMPTS: intFrom(5, 1, 100),
  CONSOLE_LOCKOUT_MINUTES: intFrom(15, 1, 1440),
  CALLBACK_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)').optional()),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url('https://api.openai.com/v1'),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  OPENAI_EMBEDDING_MODEL: z.preprocess(emptyToUndefined, z.string().default('text-embedding-3-small')),
  LLM_TIMEOUT_MS: intFrom(15000, 100, 300000),
  // Budgets of outside calls made while a resident waits (docs/knowledge.md, "Budgets"): over them the
  // answer falls back (offline triage, BM25 alone, no document answer) and the provider is skipped for PROVIDER_COOLDOWN_MS.
  RESIDENT_LLM_TIMEOUT_MS: intFrom(4000, 100, 60000),
  EMBEDDING_TIMEOUT_MS: intFrom(1500, 100, 60000),
  RETRIEVAL_TIMEOUT_MS: intFrom(3000, 100, 60000),
  PROVIDER_COOLDOWN_MS: intFrom(30000, 0, 3600000),
  DIRECTORY_PATH: z.preprocess(emptyToUndefined, z.string().default(resourcePath('directory.yaml'))),
  HOLIDAYS_PATH: z.preprocess(emptyToUndefined, z.string().default(resourcePath('holidays.yaml'))),
  TRIAGE_MODEL_PATH: z.preprocess(emptyToUndefined, z.string().default(resourcePath('model', 'triage-model.json'))),
  ORG_ACCEPT_WORKING_DAYS: intFrom(3, 1, 60),
  ORG_FIRST_CONTACT_DAYS: intFrom(5, 1, 90),
  REMINDER_LEAD_WORKING_DAYS: intFrom(3, 0, 30),
  SURVEY_REMINDER_HOURS: intFrom(48, 1, 720),
  SURVEY_CLOSE_DAYS: intFrom(7, 1, 90),
  SWEEP_EVERY_MS: intFrom(60000, 1000, 3600000),
  OUTBOX_POLL_MS: intFrom(1000, 100, 60000),
  /** How often each process looks for directory edits made elsewhere (0: only before staff actions). */
  DIRECTORY_REFRESH_MS: intFrom(5000, 0, 3600000),
  RESIDENT_MESSAGES_PER_MINUTE: intFrom(20, 1, 1000),
  // Days after a case's last change, once finished, before its personal data is anonymised (docs/privacy.md);
  // at least 30 so the 复查 window (信访工作条例 第三十五条) has passed.
  RETENTION_DAYS_AFTER_CLOSE: intFrom(365, 30, 36500),
  // One office alert per resident (and level) per this many minutes; the rest are counted into one summary.
  OFFICE_ALERT_WINDOW_MINUTES: intFrom(10, 1, 1440),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the variables above (see README.md, "Configuration") and start again.`);
    this.name = 'ConfigError';
  }
}

/** The only place that reads the environment; everything else receives a Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    // The variable and the rule, never the value: a mistyped value may be a token or a password.
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${withoutValue(i.message, env[String(i.path[0])])}`));
  }
  const cfg = parsed.data;
  if (cfg.WEBHOOK_URL && !cfg.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError(['WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not: set the token from @BotFather or unset WEBHOOK_URL']);
  }
  if (cfg.WEBHOOK_URL && !cfg.WEBHOOK_SECRET) {
    // Without it anyone who finds the address can post updates as any resident or staff member.
    throw new ConfigError(['WEBHOOK_URL is set but WEBHOOK_SECRET is not: set it (e.g. `openssl rand -hex 32`) or unset WEBHOOK_URL']);
  }
  return cfg;
}

function withoutValue(message: string, value: string | undefined): string {
  const v = value?.trim();
  return v && v.length >= 3 ? message.split(v).join('…') : message;
}
