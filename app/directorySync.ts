/**
 * Directory edits made in one process (the console) reach every other process (bot, workers) without a
 * restart. Every edit is a row in `directory_overrides`; its version is a hash of the whole table
 * (a few hundred rows at most). A process compares that hash with the one it applied and re-applies the
 * overrides when it changed: before each staff action is authorised (`refresh()`, one small query, so
 * a member removed in the console cannot act from the next press on) and every DIRECTORY_REFRESH_MS
 * in the background (chats and capacities for messages and referrals). Postgres, not Redis, because
 * the console role runs without Redis.
 *
 * Groups upgraded to supergroups (chat_delivery.migrated_to, recorded by whichever process Telegram
 * told) are part of the same version: staff checks accept a supergroup for the group it was
 * (`chatOrigins`), so the office keeps working in its new supergroup before OFFICE_CHAT_ID is changed.
 */
import type { Logger } from '../kernel/logger.js';
import type { Queryable } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import { applyDirectoryOverrides } from '../console/directoryOverrides.js';
import { chatMigrations } from '../cases/outboxRepository.js';

const VERSION_SQL = `SELECT md5(
    coalesce((SELECT string_agg(o::text, '|' ORDER BY o.handler_kind, o.handler_id) FROM directory_overrides o), '') || '#' ||
    coalesce((SELECT string_agg(d.chat_id || '>' || d.migrated_to, '|' ORDER BY d.chat_id) FROM chat_delivery d
              WHERE d.channel = 'telegram' AND d.migrated_to IS NOT NULL), '')) AS v`;

/** Old group ids by the supergroup they became. */
function originsByChat(migrations: Map<number, number>): Map<number, number[]> {
  const by = new Map<number, number[]>();
  for (const [from, to] of migrations) by.set(to, [...(by.get(to) ?? []), from]);
  return by;
}

export interface DirectorySync {
  /** Re-applies the stored overrides if another process changed them since the last look. */
  refresh(): Promise<void>;
  /** The groups Telegram chat `chatId` was before it became a supergroup (as of the last refresh). */
  chatOrigins(chatId: number): readonly number[];
  /** Background refresh every `everyMs` (0: none). */
  start(everyMs: number): void;
  stop(): void;
}

export async function createDirectorySync(q: Queryable, directory: Directory, logger?: Logger): Promise<DirectorySync> {
  const versionNow = async (): Promise<string> => String((await q.query(VERSION_SQL)).rows[0]?.v ?? '');
  let applied = await versionNow();
  const n = await applyDirectoryOverrides(q, directory, logger);
  if (n) logger?.info({ overrides: n }, 'directory overrides applied');
  let origins = originsByChat(await chatMigrations(q, 'telegram'));
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const check = async () => {
    const v = await versionNow();
    if (v === applied) return;
    // Read the version first: an edit landing while we apply is seen at the next look, never lost.
    const n = await applyDirectoryOverrides(q, directory, logger);
    origins = originsByChat(await chatMigrations(q, 'telegram'));
    applied = v;
    logger?.info({ overrides: n }, 'directory changed in another process; overrides applied');
  };
  const refresh = (): Promise<void> =>
    (inFlight ??= check()
      .catch((err: unknown) => logger?.warn({ err: (err as Error).message }, 'directory refresh failed; using the directory as it is'))
      .finally(() => (inFlight = undefined)));

  return {
    refresh,
    chatOrigins: (chatId) => origins.get(chatId) ?? [],
    start(everyMs) {
      if (everyMs <= 0 || timer) return;
      timer = setInterval(() => void refresh(), everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
