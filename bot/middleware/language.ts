/**
 * Language, before anything that answers: the saved choice, cached in Redis (written through by
 * the /language button), else read from `residents` and cached, else the Telegram app's language.
 * The cached value arrives with the dedupe round trip (ordering.ts); this reads `residents` on a miss.
 */
import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'telegraf';
import type { Logger } from '../../kernel/logger.js';
import type { Language } from '../../kernel/language.js';
import type { Queryable } from '../../db/pool.js';
import { residentLanguage, setResidentLanguage } from '../../cases/commands/residents.js';
import { pgRepositories } from '../../cases/pgRepositories.js';
import { isLanguage, languageFromTelegram } from '../../i18n/index.js';
import { admittedOf, setLang, withTimeout } from './state.js';

/** How long Redis remembers a user's saved language (it is written through on every change). */
const LANGUAGE_CACHE_SECONDS = 24 * 3600;

/** The saved language is per Telegram user (residents.channel 'telegram'), whatever the bot. */
export const languageKey = (prefix: string, userId: number): string => `${prefix}:tg:lang:${userId}`;

/** The language a Telegram user saved (or was last answered in), from `residents`; null for none. */
export async function savedLanguage(pool: Queryable, userId: number): Promise<Language | null> {
  if (!Number.isSafeInteger(userId)) return null;
  const saved = await residentLanguage(pgRepositories(pool).residents, 'telegram', String(userId));
  return isLanguage(saved) ? saved : null;
}

export async function saveLanguage(pool: Queryable, userId: number, chatId: number, lang: Language): Promise<void> {
  await setResidentLanguage(pgRepositories(pool).residents, { channel: 'telegram', externalId: String(userId), chatId, language: lang });
}

export interface LanguageCache {
  /** Writes a user's language to Redis; a failure is logged, never thrown (the database has it). */
  cache(userId: number, lang: Language): Promise<void>;
}

export function languageCache(opts: { redis: Redis; keyPrefix: string; redisTimeoutMs: number; log: Logger }): LanguageCache {
  return {
    async cache(userId, lang) {
      try {
        await withTimeout(opts.redis.set(languageKey(opts.keyPrefix, userId), lang, 'EX', LANGUAGE_CACHE_SECONDS), opts.redisTimeoutMs);
      } catch (err) {
        opts.log.warn({ userId, err: (err as Error).message }, 'could not cache the saved language');
      }
    },
  };
}

export function language(opts: { pool: Queryable; cache: LanguageCache; log: Logger }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const from = ctx.from;
    const admitted = admittedOf(ctx);
    let lang: Language = languageFromTelegram(from?.language_code);
    if (from) {
      if (isLanguage(admitted?.lang)) lang = admitted.lang;
      else {
        try {
          const saved = await savedLanguage(opts.pool, from.id);
          if (saved) {
            lang = saved;
            if (admitted) void opts.cache.cache(from.id, saved);
          }
        } catch (err) {
          opts.log.warn({ updateId: ctx.update.update_id, err: (err as Error).message }, 'saved language unavailable; using the app language');
        }
      }
    }
    setLang(ctx, lang);
    return next();
  };
}
