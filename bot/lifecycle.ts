/** Starting and stopping a telegraf bot: polling by default, telegraf's webhook server when a URL is set. */
import type { Context, Telegraf } from 'telegraf';
import type { Logger } from '../kernel/logger.js';
import type { Menus } from './menus.js';

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
  let webhookStarted = false;
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
        await bot.launch({
          allowedUpdates: [...ALLOWED_UPDATES],
          webhook: {
            domain: url.host,
            path: url.pathname === '/' ? undefined : url.pathname,
            port: webhook?.port ?? 8443,
            ...(webhook?.host ? { host: webhook.host } : {}),
            ...(webhook?.secretToken ? { secretToken: webhook.secretToken } : {}),
          },
        });
        webhookStarted = true;
        log.info({ path: url.pathname }, 'telegram bot started (webhook)');
        return;
      }
      // telegraf's launch() only settles when polling ends, so it runs in the background.
      running = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((err: unknown) => {
        log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'telegram polling stopped with an error');
      });
      log.info('telegram bot started (polling)');
    },
    async stop(reason = 'stop') {
      if (!running && !webhookStarted) return;
      try {
        bot.stop(reason);
      } catch {
        // not running any more (the poll loop already ended)
      }
      await running;
      running = undefined;
      webhookStarted = false;
    },
    webhookPort() {
      // telegraf keeps its server private; the address is all we read from it.
      const server = (bot as unknown as { webhookServer?: { address(): unknown } }).webhookServer;
      const address = server?.address();
      return address && typeof address === 'object' && 'port' in address ? Number((address as { port: number }).port) : undefined;
    },
  };
}
