/**
 * The fixed commands (/start, /help, /privacy, /language, /status, /withdraw), the office's group
 * commands (→ handlers.onGroupCommand) and a polite answer to unknown ones.
 */
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { LANGUAGES, t } from '../i18n/index.js';
import type { CallbackCodec } from './callbackData.js';
import type { Menus } from './menus.js';
import { langOf } from './middleware/state.js';
import type { BotHandlers } from './types.js';

const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

export function commands(opts: { handlers: BotHandlers; callbacks: CallbackCodec; menus: Menus; retentionDays?: number }): Composer<Context> {
  const { handlers, callbacks, menus } = opts;
  // RETENTION_DAYS_AFTER_CLOSE, for the notice of a bot without a conversation (the conversation's own says it).
  const privacyDays = opts.retentionDays ?? 365;
  const composer = new Composer<Context>();

  composer.start(async (ctx) => {
    const lang = langOf(ctx);
    await ctx.reply(t(lang, 'bot.welcome'), { link_preview_options: { is_disabled: true } });
    // Telegram picks a menu by two-letter language; 繁體 users need a menu for their own chat.
    if (ctx.chat.type === 'private' && lang === 'zh-Hant') await menus.setChatCommands(ctx.chat.id, lang);
    const payload = START_PAYLOAD.test(ctx.payload) ? ctx.payload : null;
    if (handlers.onStart) await handlers.onStart(ctx, lang, payload);
  });
  composer.help((ctx) => ctx.reply(t(langOf(ctx), 'bot.help')));
  // The data-rights buttons act on the sender's own data: a private chat only.
  composer.command('privacy', async (ctx) => {
    const lang = langOf(ctx);
    if (ctx.chat.type !== 'private') return void (await ctx.reply(t(lang, 'bot.group_only_private')));
    if (handlers.onCommand) return handlers.onCommand(ctx, 'privacy', lang);
    await ctx.reply(t(lang, 'privacy.notice', { days: privacyDays }));
  });
  composer.command('language', async (ctx) => {
    const lang = langOf(ctx);
    if (ctx.chat.type !== 'private') return void (await ctx.reply(t(lang, 'bot.group_only_private')));
    await ctx.reply(t(lang, 'bot.language.choose'), {
      reply_markup: {
        inline_keyboard: [LANGUAGES.map((l) => ({ text: t(l, `bot.language.name.${l}`), callback_data: callbacks.build('language', l) }))],
      },
    });
  });
  composer.command(['status', 'withdraw'], async (ctx) => {
    const lang = langOf(ctx);
    if (ctx.chat.type !== 'private') return void (await ctx.reply(t(lang, 'bot.group_only_private')));
    if (handlers.onCommand) return handlers.onCommand(ctx, ctx.command as 'status' | 'withdraw', lang);
    await ctx.reply(t(lang, 'bot.not_available'));
  });

  // Any other `/command`: the office's in a group, else "unknown"; never free text.
  composer.on(message('text'), async (ctx, next) => {
    const text = ctx.message.text;
    const first = ctx.message.entities?.[0];
    if (first?.type !== 'bot_command' || first.offset !== 0) return next();
    const lang = langOf(ctx);
    const [, to] = text.slice(0, first.length).split('@');
    if (to && to.toLowerCase() !== ctx.me.toLowerCase()) return; // another bot's command in a group
    if (ctx.chat.type !== 'private' && handlers.onGroupCommand) {
      const [head = ''] = text.slice(1, first.length).split('@');
      const command = head.toLowerCase();
      const args = text.slice(first.length).trim();
      if (await handlers.onGroupCommand(ctx, command, args, lang)) return;
    }
    if (ctx.chat.type === 'private' || to) await ctx.reply(t(lang, 'bot.unknown_command'));
  });

  return composer;
}
