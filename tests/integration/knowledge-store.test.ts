import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import type { Database } from '../../db/pool.js';
import { LocalHashEmbedder } from '../../knowledge/embedder.js';
import { ingestDocument, reembedStale, removeDocument } from '../../knowledge/store.js';
import { createRetriever } from '../../knowledge/retriever.js';
import { testDatabase } from '../helpers/db.js';

const LAWS = path.resolve(PROJECT_ROOT, '..', 'shared', 'knowledge', 'laws');
const law = (name: string) => ({ source: name, content: fs.readFileSync(path.join(LAWS, `${name}.md`), 'utf8') });

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const embedder = new LocalHashEmbedder();
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Plain BM25 (coordination factor off), as the hand computation. */
async function bm25(query: string, coord = 0) {
  const r = createRetriever({ pool: db.pool, embedder, hybrid: { bm25: { coord } } });
  const res = await r.search(query, { mode: 'bm25', k: 10 });
  return new Map(res.map((p) => [p.source, p.score]));
}

test('BM25 scores on a toy corpus equal the hand-computed values (k1=1.2, b=0.5, and b=0.75 on request)', async () => {
  await ingestDocument(db.pool, embedder, { source: 'toy_a', content: '仲裁 仲裁 调解' });
  await ingestDocument(db.pool, embedder, { source: 'toy_b', content: '调解 诉讼' });
  await ingestDocument(db.pool, embedder, { source: 'toy_c', content: '诉讼 信访 信访 信访' });
  // N = 3, avgdl = (3 + 2 + 4) / 3 = 3
  const one = await bm25('仲裁');
  assert.deepEqual([...one.keys()], ['toy_a']);
  assert.ok(near(one.get('toy_a')!, Math.log(1 + 2.5 / 1.5) * (2 * 2.2) / (2 + 1.2 * (0.5 + 0.5 * 3 / 3))));
  const two = await bm25('调解 诉讼');
  const idf = Math.log(1 + 1.5 / 2.5);
  assert.ok(near(two.get('toy_a')!, idf * 2.2 / (1 + 1.2 * (0.5 + 0.5 * 3 / 3))));
  assert.ok(near(two.get('toy_b')!, 2 * idf * 2.2 / (1 + 1.2 * (0.5 + 0.5 * 2 / 3))));
  assert.ok(near(two.get('toy_c')!, idf * 2.2 / (1 + 1.2 * (0.5 + 0.5 * 4 / 3))));
  // The default coordination factor scales by the share of query terms matched (1 of 2 for toy_a).
  // The textbook b = 0.75 through the options gives the textbook figure.
  const textbook = await createRetriever({ pool: db.pool, embedder, hybrid: { bm25: { coord: 0, b: 0.75 } } }).search('仲裁', { mode: 'bm25', k: 10 });
  assert.ok(near(textbook[0]!.score, Math.log(1 + 2.5 / 1.5) * (2 * 2.2) / (2 + 1.2 * (0.25 + 0.75 * 3 / 3))));
  const coord = await bm25('调解 诉讼', 1);
  assert.ok(near(coord.get('toy_a')!, two.get('toy_a')! * 0.5));
  assert.ok(near(coord.get('toy_b')!, two.get('toy_b')!));

  // Replacing a document updates df and avgdl: toy_b now has no 诉讼, dl = 1 → N = 3, avgdl = 8/3.
  assert.equal((await ingestDocument(db.pool, embedder, { source: 'toy_b', content: '仲裁' })).outcome, 'replaced');
  const after = await bm25('仲裁');
  const idf2 = Math.log(1 + 1.5 / 2.5);
  assert.ok(near(after.get('toy_b')!, idf2 * 2.2 / (1 + 1.2 * (0.5 + 0.5 * 1 / (8 / 3)))));
  assert.ok(near(after.get('toy_a')!, idf2 * 4.4 / (2 + 1.2 * (0.5 + 0.5 * 3 / (8 / 3)))));
  for (const s of ['toy_a', 'toy_b', 'toy_c']) assert.equal(await removeDocument(db.pool, s), true);
  const stats = (await db.pool.query('SELECT n_chunks, total_len FROM kb_stats')).rows[0];
  assert.deepEqual(stats, { n_chunks: 0, total_len: 0 });
  assert.equal((await db.pool.query('SELECT count(*)::int AS n FROM kb_terms')).rows[0].n, 0);
});

test('re-ingestion: unchanged is skipped, changed replaces its chunks, another embedder re-embeds', async () => {
  const doc = law('反家庭暴力法_2015');
  const first = await ingestDocument(db.pool, embedder, doc);
  assert.deepEqual(first, { source: doc.source, outcome: 'added', chunks: 38 });
  const idsBefore = (await db.pool.query('SELECT id FROM kb_chunks WHERE source = $1', [doc.source])).rows.map((r) => r.id);
  assert.equal((await ingestDocument(db.pool, embedder, doc)).outcome, 'unchanged');
  assert.deepEqual((await db.pool.query('SELECT id FROM kb_chunks WHERE source = $1', [doc.source])).rows.map((r) => r.id), idsBefore);

  const changed = { ...doc, content: doc.content.replace(/^第三十八条[^\n]*\n?/m, '') };
  const second = await ingestDocument(db.pool, embedder, changed);
  assert.deepEqual(second, { source: doc.source, outcome: 'replaced', chunks: 37 });
  const rows = (await db.pool.query('SELECT id, article FROM kb_chunks WHERE source = $1', [doc.source])).rows;
  assert.equal(rows.length, 37, 'no duplicates');
  assert.ok(rows.every((r) => !idsBefore.includes(r.id)), 'old chunks are gone');
  assert.ok(!rows.some((r) => r.article === '第三十八条'));
  // df of every term equals the chunks its posting blocks list, and N equals the stored chunks.
  const drift = (
    await db.pool.query(`SELECT count(*)::int AS n FROM kb_terms t FULL JOIN (SELECT term, sum(n)::int AS n FROM kb_postings GROUP BY term) p
                         ON p.term = t.term WHERE t.df IS DISTINCT FROM p.n`)
  ).rows[0].n;
  assert.equal(drift, 0);
  const stats = (await db.pool.query('SELECT n_chunks, (SELECT count(*) FROM kb_chunks) AS real FROM kb_stats')).rows[0];
  assert.equal(stats.n_chunks, stats.real);

  const small = new LocalHashEmbedder({ dimension: 256 });
  assert.equal((await ingestDocument(db.pool, small, changed)).outcome, 'reembedded');
  const dims = (await db.pool.query('SELECT DISTINCT dim, embedder_id FROM kb_chunks WHERE source = $1', [doc.source])).rows;
  assert.deepEqual(dims, [{ dim: 256, embedder_id: 'local-hash-v2-256' }]);
  const hits = await createRetriever({ pool: db.pool, embedder: small }).search('人身安全保护令的有效期', { mode: 'vector', k: 3 });
  assert.ok(hits.some((h) => h.article === '第三十条'), JSON.stringify(hits.map((h) => h.article)));
  // …and back to the default embedder from the stored text, without the file.
  assert.equal(await reembedStale(db.pool, embedder), 1);
  assert.deepEqual((await db.pool.query('SELECT DISTINCT dim FROM kb_chunks')).rows, [{ dim: 384 }]);
  // Vectors left by an older version of the local embedder (same dimension, other id) are stale
  // too: re-ingesting the unchanged file re-embeds it rather than mixing the two versions.
  await db.pool.query(`UPDATE kb_documents SET embedder_id = 'local-hash-v1-384' WHERE source = $1`, [doc.source]);
  await db.pool.query(`UPDATE kb_chunks SET embedder_id = 'local-hash-v1-384' WHERE source = $1`, [doc.source]);
  assert.equal((await ingestDocument(db.pool, embedder, changed)).outcome, 'reembedded');
  assert.deepEqual((await db.pool.query('SELECT DISTINCT embedder_id, dim FROM kb_chunks WHERE source = $1', [doc.source])).rows, [{ embedder_id: embedder.id, dim: 384 }]);
});

test('an empty document is refused and leaves the stored one intact', async () => {
  await assert.rejects(ingestDocument(db.pool, embedder, { source: '反家庭暴力法_2015', content: '  \n' }), /empty/);
  assert.equal((await db.pool.query('SELECT count(*)::int AS n FROM kb_chunks WHERE source = $1', ['反家庭暴力法_2015'])).rows[0].n, 37);
});

test('hybrid search finds the 复查 article for "对处理意见不服怎么办", and sources filter', async () => {
  for (const name of ['信访工作条例_2022', '劳动争议调解仲裁法_2007', '行政复议法_2023']) await ingestDocument(db.pool, embedder, law(name));
  const r = createRetriever({ pool: db.pool, embedder });
  const hits = await r.search('对处理意见不服怎么办', { k: 5 });
  assert.ok(
    hits.some((h) => h.source === '信访工作条例_2022' && h.article === '第三十五条'),
    JSON.stringify(hits.map((h) => `${h.source}/${h.article}`)),
  );
  assert.ok(hits[0]!.score >= hits.at(-1)!.score);
  const only = await r.search('申请期限', { k: 5, sources: ['劳动争议调解仲裁法_2007'] });
  assert.ok(only.length > 0 && only.every((h) => h.source === '劳动争议调解仲裁法_2007'));
  const vecOnly = await r.search('申请期限', { k: 5, mode: 'vector', sources: ['行政复议法_2023'] });
  assert.ok(vecOnly.length === 5 && vecOnly.every((h) => h.source === '行政复议法_2023'));
  assert.deepEqual(await r.search('   ', { k: 5 }), []);
});
