/**
 * Everything a chat sends that is not a command or a button: free text within the length limit
 * goes to handlers.onText; photos and documents to handlers.onAttachment; content the bot cannot
 * read gets a polite answer in private chats only, so staff groups stay quiet.
 */
import { Composer, type Context } from 'telegraf';
import { message, editedMessage } from 'telegraf/filters';
import { t } from '../i18n/index.js';
import { crisisRulesCheck, isEmergencyUpdate, type EmergencyCheck } from './middleware/emergency.js';
import { langOf } from './middleware/state.js';
import type { BotHandlers } from './types.js';

/**
 * Telegram's own limit for one message. Anything a Telegram client sends reaches the conversation, which keeps
 * what its state can hold and says so (conversation/residentLength.ts); at 2,000 a long paste had been refused whole.
 * Longer texts can only come from another Bot API server: they are refused here, unread.
 */
export const DEFAULT_MAX_TEXT_LENGTH = 4096;

const privateOnly = (ctx: Context) => ctx.chat?.type === 'private';

export function content(opts: { handlers: BotHandlers; maxTextLength: number; emergency?: EmergencyCheck }): Composer<Context> {
  const { handlers, maxTextLength: maxText, emergency = crisisRulesCheck } = opts;
  const composer = new Composer<Context>();

  composer.on(message('text'), async (ctx) => {
    const lang = langOf(ctx);
    const text = ctx.message.text;
    // An over-long text still goes on when the emergency rules see danger in it: the conversation
    // answers with the numbers and alerts the office instead of asking for a shorter message.
    if (text.length > maxText && !(handlers.onText && isEmergencyUpdate(ctx, emergency))) {
      await ctx.reply(t(lang, 'bot.content.too_long', { length: text.length, limit: maxText }));
      return;
    }
    if (handlers.onText) return handlers.onText(ctx, lang);
    if (privateOnly(ctx)) await ctx.reply(t(lang, 'bot.not_available'));
  });

  composer.on(message('sticker'), async (ctx) => {
    if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.sticker'));
  });
  for (const kind of ['voice', 'audio', 'video_note', 'video'] as const) {
    composer.on(message(kind), async (ctx) => {
      if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.voice'));
    });
  }
  for (const kind of ['photo', 'document'] as const) {
    composer.on(message(kind), async (ctx) => {
      if (!privateOnly(ctx)) return;
      const lang = langOf(ctx);
      const attached = handlers.onAttachment ? await handlers.onAttachment(ctx, kind, lang) : false;
      if (!attached) await ctx.reply(t(lang, 'bot.content.attachment_no_case'));
    });
  }
  composer.on(editedMessage('text'), async (ctx) => {
    if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.edited'));
  });
  composer.on('message', async (ctx) => {
    if (privateOnly(ctx)) await ctx.reply(t(langOf(ctx), 'bot.content.unsupported'));
  });

  return composer;
}
