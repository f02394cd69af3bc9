import assert from 'node:assert/strict';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import type { Database } from '../../db/pool.js';
import { LocalHashEmbedder } from '../../knowledge/embedder.js';
import { evaluate, loadQueries, type ModeMetrics } from '../../knowledge/eval.js';
import { ingestPaths } from '../../knowledge/ingest.js';
import { createRetriever } from '../../knowledge/retriever.js';
import { testDatabase } from '../helpers/db.js';

const LAWS = path.resolve(PROJECT_ROOT, '..', 'shared', 'knowledge', 'laws');
const QUERIES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'retrieval-queries.jsonl');

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

/**
 * The whole fixture against all 17 laws with the local embedder: the targets (hybrid
 * recall@5 ≥ 0.90, MRR@10 ≥ 0.70, hybrid better than BM25-only and vector-only on both), plus a
 * BM25 floor a little below today's figure, so a regression in splitting, tokenisation, the
 * synonym table or fusion fails here. See docs/knowledge.md, "Limits".
 */
test('retrieval eval over the laws: recall@5 and MRR@10 per mode stay above their floors', async () => {
  const summary = await ingestPaths(db.pool, new LocalHashEmbedder(), [LAWS]);
  assert.equal(summary.failed, 0);
  assert.equal(summary.added, 17);
  const queries = loadQueries(QUERIES);
  assert.ok(queries.length >= 40);
  const retriever = createRetriever({ pool: db.pool, embedder: new LocalHashEmbedder() });
  const m: Record<string, ModeMetrics> = {};
  for (const mode of ['bm25', 'vector', 'hybrid'] as const) m[mode] = (await evaluate(retriever, queries, mode)).metrics;
  const shown = JSON.stringify(m);
  assert.ok(m.hybrid!.recallAt5 >= 0.9, shown);
  assert.ok(m.hybrid!.mrrAt10 >= 0.7, shown);
  assert.ok(m.bm25!.recallAt5 >= 0.88, shown);
  assert.ok(m.hybrid!.recallAt5 > m.vector!.recallAt5 && m.hybrid!.mrrAt10 > m.vector!.mrrAt10, shown);
  assert.ok(m.hybrid!.recallAt5 > m.bm25!.recallAt5 && m.hybrid!.mrrAt10 > m.bm25!.mrrAt10, shown);
});
