/** Starting and stopping a telegraf bot: polling by default, telegraf's webhook server when a URL is set. */
import type { Context, Telegraf } from 'telegraf';
import type { Logger } from '../kernel/logger.js';
import type { Menus } from './menus.js';
import { startWebhookServer, type WebhookServer } from './webhook.js';

// my_chat_member: the bot added back or unblocked (bot/middleware/delivery.ts).
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

export interface WebhookOptions {
  url?: string;
  port?: number;
  secretToken?: string;
  host?: string;
}

export interface Lifecycle {
  launch(): Promise<void>;
  stop(reason?: string): Promise<void>;
  webhookPort(): number | undefined;
}

/**
 * Called when polling ends by itself with an error telegraf does not retry (401: the token was revoked;
 * 409: another process polls with the same token). The bot then receives nothing: the composition root
 * ends the process with a non-zero code so that its supervisor (compose `restart:`) notices and restarts it.
 */
export type PollingFailed = (err: Error) => void;

export function lifecycle(
  bot: Telegraf<Context>,
  menus: Menus,
  log: Logger,
  webhook: WebhookOptions | undefined,
  onPollingFailed?: PollingFailed,
): Lifecycle {
  let running: Promise<void> | undefined;
  let webhookServer: WebhookServer | undefined;
  return {
    async launch() {
      bot.botInfo ??= await bot.telegram.getMe();
      try {
        await menus.setCommands();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'could not set the command menus');
      }
      const webhookUrl = webhook?.url;
      if (webhookUrl) {
        const url = new URL(webhookUrl);
        // Our own server rather than telegraf's: the secret is mandatory, compared in constant time, refused with 401.
        webhookServer = await startWebhookServer(bot, {
          path: url.pathname,
          host: webhook?.host ?? '127.0.0.1',
          port: webhook?.port ?? 8443,
          secretToken: webhook?.secretToken ?? '',
          log,
        });
        try {
          await bot.telegram.setWebhook(webhookUrl, { allowed_updates: [...ALLOWED_UPDATES], secret_token: webhook?.secretToken });
        } catch (err) {
          await webhookServer.close();
          webhookServer = undefined;
          throw err;
        }
        log.info({ path: url.pathname, host: webhook?.host ?? '127.0.0.1', port: webhookServer.port() }, 'telegram bot started (webhook)');
        return;
      }
      // telegraf's launch() only settles when polling ends, so it runs in the background.
      running = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((err: unknown) => {
        const code = (err as { code?: unknown })?.code;
        log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message, code } }, 'telegram polling stopped with an error');
        onPollingFailed?.(err instanceof Error ? err : new Error(String(err)));
      });
      log.info('telegram bot started (polling)');
    },
    async stop(reason = 'stop') {
      if (webhookServer) {
        const server = webhookServer;
        webhookServer = undefined;
        await server.close();
        return;
      }
      if (!running) return;
      try {
        bot.stop(reason);
      } catch {
        // not running any more (the poll loop already ended)
      }
      await running;
      running = undefined;
    },
    webhookPort() {
      return webhookServer?.port();
    },
  };
}
