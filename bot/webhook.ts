/** The webhook's HTTP server: the secret is checked here, before telegraf sees the request. */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, Telegraf } from 'telegraf';
import type { Logger } from '../kernel/logger.js';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Telegram's updates are small; anything bigger is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookServer {
  port(): number | undefined;
  close(): Promise<void>;
}

/**
 * Compares digests, so neither the secret's content nor its length shows in the time taken
 * (telegraf's own check uses safe-compare, which returns early on a length mismatch, and answers 403).
 */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(secret).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Serves `path` on host:port. A request without the right X-Telegram-Bot-Api-Secret-Token gets 401 and
 * its body is never read; any other path or method gets 404.
 */
export async function startWebhookServer(
  bot: Telegraf<Context>,
  o: { path: string; host: string; port: number; secretToken: string; log: Logger },
): Promise<WebhookServer> {
  if (!o.secretToken) throw new Error('webhook: a secret token is required');
  const handle = bot.webhookCallback(o.path);
  const server = http.createServer((req, res) => {
    const reqPath = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || reqPath !== o.path) {
      res.writeHead(404).end();
      return;
    }
    if (!secretMatches(req.headers[SECRET_HEADER], o.secretToken)) {
      o.log.warn({ remote: req.socket.remoteAddress, header: SECRET_HEADER in req.headers }, 'webhook request without the right secret refused');
      // The body stays unread; closing the connection discards it.
      res.writeHead(401, { connection: 'close' }).end();
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.writeHead(413, { connection: 'close' }).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      o.log.error({ err: (err as Error)?.message }, 'webhook update failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: () => (server.address() as AddressInfo | null)?.port,
    close: () =>
      new Promise<void>((resolve) => {
        // In-flight updates finish; idle keep-alive connections are dropped so close() does not wait on them.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
