import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from './registry.js';

export class RedisUnavailableError extends Error {
  constructor(url: string, cause: string) {
    super(
      `Redis is not reachable at ${redactUrl(url)} (REDIS_URL): ${cause}.\n` +
        `Start it with "redis-server --daemonize yes" or "docker compose up -d redis", ` +
        `or set REDIS_URL to a reachable server (redis://host:6379).`,
    );
    this.name = 'RedisUnavailableError';
  }
}

/** Never print a Redis password into logs or error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Fails fast with a message that says what to do, instead of BullMQ retrying a dead socket forever.
 * Returns the server's maxmemory-policy when it can be read (BullMQ needs `noeviction`).
 */
export async function checkRedis(url: string, timeoutMs = 2000): Promise<{ maxmemoryPolicy?: string }> {
  let client: Redis;
  try {
    client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
  } catch (err) {
    throw new RedisUnavailableError(url, (err as Error).message);
  }
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    let maxmemoryPolicy: string | undefined;
    try {
      const res = (await Promise.race([client.config('GET', 'maxmemory-policy'), timeout])) as string[];
      maxmemoryPolicy = res[1];
    } catch {
      // CONFIG is often disabled on managed Redis; the policy is then the operator's business.
    }
    return { maxmemoryPolicy };
  } catch (err) {
    throw new RedisUnavailableError(url, (err as Error).message || 'connection refused');
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

export interface QueuesOptions {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX); every key this module writes starts with `<prefix>:`. */
  prefix: string;
  /** Where queue-level errors go (a Queue with no listener would crash the process on 'error'). */
  onError?: (err: Error, source: string) => void;
}

export interface WorkerQueues {
  prefix: string;
  queues: Record<QueueName, Queue>;
  /** Shared non-blocking connection: queues, the rate limiter. */
  connection: Redis;
  /** A fresh connection for one Worker (BullMQ blocks on it); closed by close(). */
  workerConnection(): Redis;
  close(): Promise<void>;
}

export function createQueues(opts: QueuesOptions): WorkerQueues {
  const owned: Redis[] = [];
  const open = (): Redis => {
    // null: a worker must wait out a Redis restart rather than fail its blocking command.
    const r = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    // Errors are reported by the Queue/Worker wrapping the connection; this keeps an unwrapped one from crashing the process.
    r.on('error', () => undefined);
    owned.push(r);
    return r;
  };
  const connection = open();
  const queues = Object.fromEntries(
    QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix: opts.prefix })]),
  ) as Record<QueueName, Queue>;
  for (const [name, q] of Object.entries(queues)) q.on('error', (err) => opts.onError?.(err, `queue:${name}`));
  let closing: Promise<void> | undefined;
  return {
    prefix: opts.prefix,
    queues,
    connection,
    workerConnection: open,
    close() {
      closing ??= (async () => {
        await Promise.allSettled(Object.values(queues).map((q) => q.close()));
        await Promise.allSettled(owned.map((r) => (r.status === 'end' ? Promise.resolve() : r.quit().catch(() => r.disconnect()))));
      })();
      return closing;
    },
  };
}
