/**
 * Telegram tells a group that it became a supergroup with a service message: `migrate_to_chat_id` in
 * the old group, `migrate_from_chat_id` in the new supergroup. Either is recorded at once (handlers'
 * chatMigrated → cases/outboxRepository.ts recordChatMigration), so the office's and handlers' buttons
 * and commands keep working in the supergroup and its messages follow it, without waiting for a send
 * to fail. Runs before servedGroupsOnly: the new supergroup is not served until this is recorded.
 */
import type { Context, MiddlewareFn } from 'telegraf';
import type { Logger } from '../../kernel/logger.js';

export function chatMigration(opts: { record?: (from: number, to: number) => Promise<boolean>; log: Logger }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const msg = ctx.message as { migrate_to_chat_id?: number; migrate_from_chat_id?: number } | undefined;
    const chatId = ctx.chat?.id;
    const from = msg?.migrate_to_chat_id !== undefined ? chatId : msg?.migrate_from_chat_id;
    const to = msg?.migrate_to_chat_id ?? (msg?.migrate_from_chat_id !== undefined ? chatId : undefined);
    if (from === undefined || to === undefined) return next();
    if (!opts.record) return;
    try {
      const recorded = await opts.record(from, to);
      if (recorded) opts.log.warn({ fromChatId: from, toChatId: to }, 'a served group became a supergroup: recorded; staff actions and messages follow it');
    } catch (err) {
      // Not lost: the next send to the old id gets migrate_to_chat_id and records it (workers/chatErrors.ts).
      opts.log.warn({ fromChatId: from, toChatId: to, err: (err as Error).message }, 'could not record the group migration');
    }
  };
}
