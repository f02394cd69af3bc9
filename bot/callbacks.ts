/**
 * Button presses: the payload is verified first (forged, tampered or junk → "no longer valid",
 * never reaching a handler); the language chooser is answered here, the rest go to handlers.onCallback.
 */
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import type { Logger } from '../kernel/logger.js';
import type { Queryable } from '../db/pool.js';
import { isLanguage, t } from '../i18n/index.js';
import type { CallbackCodec } from './callbackData.js';
import type { Menus } from './menus.js';
import { saveLanguage, type LanguageCache } from './middleware/language.js';
import { langOf, setLang } from './middleware/state.js';
import type { BotHandlers } from './types.js';

export interface CallbacksOptions {
  handlers: BotHandlers;
  codec: CallbackCodec;
  pool: Queryable;
  languages: LanguageCache;
  menus: Menus;
  log: Logger;
}

export function callbacks(opts: CallbacksOptions): Composer<Context> {
  const { handlers, codec, pool, languages, menus, log } = opts;
  const composer = new Composer<Context>();

  composer.on(callbackQuery('data'), async (ctx) => {
    const lang = langOf(ctx);
    const parsed = codec.parse(ctx.callbackQuery.data);
    if (!parsed.ok) {
      log.info({ updateId: ctx.update.update_id, userId: ctx.from.id, reason: parsed.error }, 'callback payload rejected');
      await ctx.answerCbQuery(t(lang, 'bot.callback.invalid'));
      return;
    }
    if (parsed.action === 'language') {
      if (!isLanguage(parsed.ref)) {
        await ctx.answerCbQuery(t(lang, 'bot.callback.invalid'));
        return;
      }
      const chatId = ctx.chat?.id ?? ctx.from.id;
      await saveLanguage(pool, ctx.from.id, chatId, parsed.ref);
      await languages.cache(ctx.from.id, parsed.ref);
      setLang(ctx, parsed.ref);
      await ctx.answerCbQuery();
      // The menu first: when "saved" arrives, everything the resident sees is in the new language.
      if (ctx.chat?.type === 'private') await menus.setChatCommands(chatId, parsed.ref);
      await ctx.reply(t(parsed.ref, 'bot.language.saved'));
      return;
    }
    if (handlers.onCallback) return handlers.onCallback(ctx, parsed, lang);
    await ctx.answerCbQuery(t(lang, 'bot.not_available'));
  });
  // Buttons with other payload kinds (game, inline) are not ours: stop the client's spinner.
  composer.on('callback_query', (ctx) => ctx.answerCbQuery(t(langOf(ctx), 'bot.callback.invalid')));

  return composer;
}
