/** Starting and stopping a telegraf bot: polling by default, telegraf's webhook server when a URL is set. */
import type { Context, Telegraf } from 'telegraf';
import type { Logger } from '../kernel/logger.js';
import type { Menus } from './menus.js';
import { startWebhookServer, type WebhookServer } from './webhook.js';

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

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

export function lifecycle(bot: Telegraf<Context>, menus: Menus, log: Logger, webhook: WebhookOptions | undefined): Lifecycle {
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
        log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'telegram polling stopped with an error');
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
