/**
 * A describe block's setup for tests of the workers on real parts: a fresh PGlite from beforeAll on, one Redis
 * client, and the prefixes and running workers the tests register, cleaned up for them.
 */
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Database } from '../../db/pool.js';
import type { RunningWorkers } from '../../workers/index.js';
import { testDatabase } from './db.js';
import { lateBound } from './lateBound.js';
import { cleanPrefix, testRedis } from './redis.js';

export interface WorkersSuite {
  /** The block's database; it opens in beforeAll, so use it inside tests and hooks. */
  db: Database & { url: string };
  redis: Redis;
  /** Queue prefixes the tests used: their keys are deleted after the block. */
  prefixes: string[];
  /** Workers started by the current test, closed after it: one left running would poll and deliver the next test's rows itself. */
  running: RunningWorkers[];
}

export function useWorkersSuite(): WorkersSuite {
  let db: (Database & { url: string }) | undefined;
  const redis = testRedis();
  const prefixes: string[] = [];
  const running: RunningWorkers[] = [];
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((w) => w.close()));
  });
  afterAll(async () => {
    for (const p of prefixes) await cleanPrefix(redis, p);
    await redis.quit();
    await db?.close();
  });
  return { db: lateBound('the test database', () => db), redis, prefixes, running };
}
