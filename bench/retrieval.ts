import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../kernel/paths.js';
import { openDatabase, withTransaction } from '../db/pool.js';
import { LocalHashEmbedder } from '../knowledge/embedder.js';
import { createRetriever } from '../knowledge/retriever.js';
import { fieldTerms, indexTerms, insertChunks, embeddingText } from '../knowledge/store.js';
import { termFrequencies } from '../knowledge/text.js';
import { makeRng } from '../triage/learner/prng.js';
import type { BenchModule, Report } from './types.js';

/**
 * Hybrid retrieval latency at 100k chunks on embedded PGlite. The corpus is synthetic: sentences
 * of the laws in /work/shared/knowledge/laws (read by path, never copied) recombined at random,
 * plus random Han characters so chunks differ, embedded with the local embedder. The HNSW index
 * is dropped during the load and rebuilt afterwards (a bulk build), which is what
 * `retrieval_index_build_s` measures.
 */
const LAWS = path.resolve(PROJECT_ROOT, '..', 'shared', 'knowledge', 'laws');

function lawSentences(): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(LAWS).filter((n) => n.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(LAWS, f), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const s of text.split(/[。；\n]/)) {
      const t = s.replace(/^#+\s*/, '').replace(/^第[一二三四五六七八九十百千零]+条\s*/, '').trim();
      if (t.length >= 8) out.push(t);
    }
  }
  return out;
}

export async function runRetrievalBench(report: Report, opts: { chunks: number; queries: number; batch?: number; buildIndex?: boolean; explain?: (pool: import('pg').Pool, r: ReturnType<typeof createRetriever>) => Promise<void> } = { chunks: 100_000, queries: 200 }): Promise<void> {
  const rand = makeRng(20261123);
  const sentences = lawSentences();
  const chars = [...new Set(sentences.join('').match(/\p{Script=Han}/gu) ?? [])];
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const embedder = new LocalHashEmbedder();
  const db = await openDatabase({ poolMax: 4, persist: false });
  try {
    const hnsw = (await db.pool.query<{ def: string }>(`SELECT pg_get_indexdef('kb_chunks_hnsw_${embedder.dimension}'::regclass) AS def`)).rows[0]!.def;
    await db.pool.query(`DROP INDEX kb_chunks_hnsw_${embedder.dimension}`);

    const batch = opts.batch ?? 2000;
    let embedMs = 0;
    const loadStart = performance.now();
    for (let start = 0, doc = 0; start < opts.chunks; start += batch, doc++) {
      const n = Math.min(batch, opts.chunks - start);
      const chunks = Array.from({ length: n }, (_, i) => {
        const parts = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(sentences));
        const noise = Array.from({ length: 4 + Math.floor(rand() * 8) }, () => pick(chars)).join('');
        return { article: `第${start + i + 1}条`, chapter: `第${doc + 1}章 合成`, text: `${parts.join('。')}。${noise}` };
      });
      const title = `合成文档${doc + 1}`;
      const t0 = performance.now();
      const vectors = await embedder.embed(chunks.map((c) => embeddingText(title, c)));
      embedMs += performance.now() - t0;
      const termLists = chunks.map((c) => termFrequencies(indexTerms(title, c)));
      const fieldLists = chunks.map((c) => fieldTerms(title, c));
      await withTransaction(db.pool, async (tx) => {
        const docId = (
          await tx.query<{ id: number }>(
            `INSERT INTO kb_documents (source, title, content_hash, embedder_id, dim, chunk_count) VALUES ($1, $2, 'synthetic', $3, $4, $5) RETURNING id`,
            [`synthetic_${doc + 1}`, title, embedder.id, embedder.dimension, n],
          )
        ).rows[0]!.id;
        await insertChunks(tx, { docId, source: `synthetic_${doc + 1}`, title, embedderId: embedder.id, dim: embedder.dimension, chunks, vectors, termLists, fieldLists });
      });
    }
    const loadS = (performance.now() - loadStart) / 1000;
    report('retrieval_load_s', loadS, 's');
    report('retrieval_embed_ms_per_chunk', embedMs / opts.chunks, 'ms');

    await db.pool.query(`SET maintenance_work_mem = '512MB'`);
    const buildStart = performance.now();
    if (opts.buildIndex !== false) await db.pool.query(hnsw);
    report('retrieval_index_build_s', (performance.now() - buildStart) / 1000, 's');
    await db.pool.query('ANALYZE kb_chunks');
    await db.pool.query('ANALYZE kb_postings');
    await db.pool.query('ANALYZE kb_terms');

    const retriever = createRetriever({ pool: db.pool, embedder });
    if (opts.explain) await opts.explain(db.pool, retriever);
    const questions = [
      '对处理意见不服怎么办', '公司拖欠工资怎么申请劳动仲裁', '被家暴了怎么申请人身安全保护令', '低保怎么申请',
      '请不起律师可以申请法律援助吗', '邻居装修挡住采光', '行政复议的申请期限', '人民调解收费吗',
    ];
    const queries = Array.from({ length: opts.queries }, (_, i) =>
      i % 2 === 0 ? pick(questions) : pick(sentences).slice(0, 6 + Math.floor(rand() * 14)),
    );
    for (const q of queries.slice(0, 10)) await retriever.search(q, { k: 10 }); // warm-up
    const times: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await retriever.search(q, { k: 10 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    const suffix = opts.chunks === 100_000 ? '100k_chunks' : `${opts.chunks}_chunks`;
    report(`retrieval_p50_ms_${suffix}`, pct(0.5), 'ms');
    report(`retrieval_p95_ms_${suffix}`, pct(0.95), 'ms');
  } finally {
    await db.close();
  }
}

export const bench: BenchModule = {
  name: 'retrieval',
  run: (report) => runRetrievalBench(report),
};
