/**
 * Shared before/after blocks. Call at the top of a `describe`; use the returned getter inside tests.
 * vitest runs after-hooks in reverse order (sequence.hooks 'stack'), so a fixture declared first is
 * torn down last: declare the database and Redis before what uses them.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/pool.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDatabase } from './db.js';
import { cleanPrefix, testRedis, uniquePrefix } from './redis.js';

/** A fresh migrated in-memory database for this file (testDatabase), closed after its tests. */
export function useTestDb(poolMax = 5): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await testDatabase(poolMax);
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('useTestDb: the database is opened in beforeAll; use it inside tests and hooks');
    return db;
  };
}

/** A Redis connection and a unique key prefix; every key under the prefix is deleted afterwards. */
export function useRedis(name: string): { redis: () => Redis; prefix: string } {
  const prefix = uniquePrefix(name);
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    if (!redis) return;
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });
  return {
    prefix,
    redis: () => {
      if (!redis) throw new Error('useRedis: connected in beforeAll; use it inside tests and hooks');
      return redis;
    },
  };
}

/** A plain petition to the housing bureau, as the engine decides it: the case the staff tests open. */
export const HOUSING_PETITION: Readonly<Decision> = Object.freeze({
  category: 'petition',
  target: 'housing',
  confidence: 0.9,
  needsReview: false,
  reasons: [],
  citations: [],
  redactedText: '小区物业不修电梯已经三个月了',
  language: 'zh-Hans',
  engine: 'offline',
});
