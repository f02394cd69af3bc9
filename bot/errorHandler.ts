/**
 * The one error handler. It must never throw: in polling mode a throw here ends the poll loop.
 * It logs the update (never its text) and tells the user in their language.
 */
import type { Context } from 'telegraf';
import { AppError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import { refusalKey } from '../cases/policy.js';
import { hasMessage, t } from '../i18n/index.js';
import { langOf, updateType } from './middleware/state.js';

export function errorHandler(log: Logger): (err: unknown, ctx: Context) => Promise<void> {
  return async (err, ctx) => {
    const updateId = ctx.update.update_id;
    const appError = err instanceof AppError ? err : undefined;
    const fields = {
      updateId,
      type: updateType(ctx.update),
      userId: ctx.from?.id,
      errorId: appError?.id,
      err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack },
    };
    if (appError && !appError.report) log.info(fields, 'handler refused the update');
    else log.error(fields, 'handler failed');
    try {
      const lang = langOf(ctx);
      const refused = refusalKey(err, 'bot');
      const key = refused && hasMessage(refused) ? refused : 'error.generic';
      const text = t(lang, key);
      if (ctx.callbackQuery) await ctx.answerCbQuery(text.slice(0, 200)).catch(() => undefined);
      if (ctx.chat) await ctx.telegram.sendMessage(ctx.chat.id, text);
    } catch (replyErr) {
      log.warn({ updateId, err: (replyErr as Error).message }, 'could not tell the user about the error');
    }
  };
}
