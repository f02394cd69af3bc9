import type { Queryable } from '../db/pool.js';
import { Cooldown, withDeadline } from '../kernel/deadline.js';
import type { Logger } from '../kernel/logger.js';
import type { Embedder, RetrievedPassage, Retriever, SearchOptions } from './types.js';
import { expandQueryText, FIELD_PREFIX, queryTerms, type QueryWeights } from './text.js';
import { POSTING_BYTES, toVectorLiteral } from './store.js';

export const BM25_K1 = 1.2;
/**
 * b = 0.5 rather than the textbook 0.75: articles that list items (（一）…（八）) are long but still
 * one rule, and full length normalisation pushed them below short neighbouring articles.
 */
export const BM25_B = 0.5;
export const RRF_K = 60;
/** Weight of a match in the title/chapter field relative to one in the article text. */
export const FIELD_WEIGHT = 0.6;
/**
 * RRF weights and constant by embedder. The local hashed embedding is lexical and weaker than
 * BM25 over the same words, so it must reorder BM25's close top ranks without pulling in passages
 * BM25 ranks far down: a small k (10) makes the top ranks dominate (BM25 rank 1 → 1/11, rank 5 →
 * 1/15), and weight 0.25 lets the vector's top hit lift a passage by one or two BM25 places only.
 * With k = 60 any weight high enough to help lowered recall. A semantic model gets equal weights
 * and the usual k = 60.
 */
export const LOCAL_WEIGHTS = { vector: 0.25, bm25: 1, k: 10 };
export const SEMANTIC_WEIGHTS = { vector: 1, bm25: 1, k: RRF_K };
export const defaultWeights = (embedderId: string) => (embedderId.startsWith('local-hash-') ? LOCAL_WEIGHTS : SEMANTIC_WEIGHTS);

export type SearchMode = 'hybrid' | 'vector' | 'bm25';

export interface HybridOptions {
  /** Candidates taken from each ranking before fusion (default max(30, 3k)). */
  candidates?: number;
  /** RRF weights of the two rankings (and the RRF constant k, default by embedder); BM25 is weighted higher with the local embedding. */
  weights?: { vector: number; bm25: number; k?: number };
  /** BM25 query-side weights (title/chapter field, synonym expansions, concept tags). */
  bm25?: QueryWeights & { field?: number; coord?: number; k1?: number; b?: number };
}

/**
 * Budgets of a search made while a resident waits (app/config.ts: EMBEDDING_TIMEOUT_MS,
 * RETRIEVAL_TIMEOUT_MS, PROVIDER_COOLDOWN_MS). A query embedding over `embedMs` (or failing) leaves
 * the search to BM25 alone, and the embedder is skipped for `cooldownMs`; a whole search over
 * `searchMs` fails, so the caller answers without documents.
 */
export interface RetrievalBudget {
  embedMs: number;
  searchMs: number;
  cooldownMs: number;
}

/** The budget from the app's Config. */
export const retrievalBudget = (cfg: { EMBEDDING_TIMEOUT_MS: number; RETRIEVAL_TIMEOUT_MS: number; PROVIDER_COOLDOWN_MS: number }): RetrievalBudget => ({
  embedMs: cfg.EMBEDDING_TIMEOUT_MS,
  searchMs: cfg.RETRIEVAL_TIMEOUT_MS,
  cooldownMs: cfg.PROVIDER_COOLDOWN_MS,
});

export interface KnowledgeRetriever extends Retriever {
  search(query: string, opts?: SearchOptions): Promise<RetrievedPassage[]>;
  /** Ranked chunk ids with scores from one ranking only (used by evaluation and tests). */
  rank(query: string, mode: 'vector' | 'bm25', n: number, sources?: string[]): Promise<Array<{ chunkId: number; score: number }>>;
}

const MAX_QUERY_CHARS = 2000;
const MAX_K = 100;

function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Vector expression that matches the partial HNSW index for a dimension. */
function vectorCast(dim: number): string {
  if (!Number.isInteger(dim) || dim <= 0) throw new RangeError(`Invalid embedding dimension ${dim}`);
  return dim > 2000 ? `halfvec(${dim})` : `vector(${dim})`;
}

/**
 * Hybrid retrieval over the knowledge tables: pgvector cosine (HNSW) and BM25 over jieba tokens,
 * each taking the top candidates, fused by reciprocal rank fusion.
 *
 * Note on PGlite: every socket connection shares one Postgres session, so the per-query
 * `SET hnsw.ef_search` is session-wide. Each vector query sends it in the same batch as the
 * query, so the worst case is a concurrent query running with another query's (similar)
 * ef_search — acceptable for recall, and harmless on a real server (per connection).
 */
export function createRetriever(deps: { pool: Queryable; embedder: Embedder; hybrid?: HybridOptions; budget?: RetrievalBudget; logger?: Logger }): KnowledgeRetriever {
  const { pool, embedder, budget } = deps;
  const embedderDown = new Cooldown(budget?.cooldownMs ?? 0);

  async function queryVector(text: string): Promise<number[] | undefined> {
    if (!budget) return (await embedder.embed([text]))[0];
    const call = embedder.embedQuery ? embedder.embedQuery(text) : embedder.embed([text]).then((v) => v[0]);
    call.catch(() => undefined); // abandoned after the deadline: its late failure is not ours to report
    return withDeadline(call, budget.embedMs, `embedder ${embedder.id}`);
  }

  /** The vector ranking in a hybrid search under the budget: [] (BM25 alone) when the embedder is slow, failing or cooling down. */
  async function budgetedVectorRank(query: string, n: number, sources?: string[]) {
    if (!budget) return vectorRank(query, n, sources);
    if (embedderDown.open) return [];
    try {
      const ranked = await vectorRank(query, n, sources);
      embedderDown.succeeded();
      return ranked;
    } catch (err) {
      embedderDown.failed();
      deps.logger?.warn({ embedder: embedder.id, err: err instanceof Error ? err.name : typeof err, cooldownMs: budget.cooldownMs }, 'query embedding failed or too slow: BM25 only for a while');
      return [];
    }
  }
  const weights = deps.hybrid?.weights ?? defaultWeights(embedder.id);
  const rrfK = weights.k ?? defaultWeights(embedder.id).k;

  async function vectorRank(query: string, n: number, sources?: string[]) {
    const v = await queryVector(expandQueryText(query));
    if (!v) return [];
    if (v.length !== embedder.dimension || !v.every(Number.isFinite)) throw new Error(`Embedder ${embedder.id} returned an invalid query vector`);
    const cast = vectorCast(embedder.dimension);
    const lit = toVectorLiteral(v);
    if (sources?.length) {
      // A source filter leaves few rows: exact search over them (no index expression → no HNSW,
      // which would otherwise filter after the graph walk and return too few rows).
      const { rows } = await pool.query<{ id: number; dist: number }>(
        `SELECT id, embedding <=> $1::vector AS dist FROM kb_chunks
         WHERE source = ANY($2) AND embedder_id = $3 AND dim = $4 ORDER BY dist, id LIMIT $5`,
        [lit, sources, embedder.id, embedder.dimension, n],
      );
      return rows.map((r) => ({ chunkId: r.id, score: 1 - r.dist }));
    }
    // One round trip: the session settings and the query as one simple-protocol batch. Every
    // value is generated here (numbers, the vector literal, the escaped embedder id).
    const ef = Math.min(1000, Math.max(40, n * 2));
    const results = (await pool.query(
      `SET hnsw.ef_search = ${ef}; SET hnsw.iterative_scan = relaxed_order;
       SELECT id, embedding::${cast} <=> '${lit}'::${cast} AS dist FROM kb_chunks
       WHERE dim = ${embedder.dimension} AND embedder_id = ${quoteLiteral(embedder.id)}
       ORDER BY embedding::${cast} <=> '${lit}'::${cast} LIMIT ${Math.floor(n)}`,
    )) as unknown as Array<{ rows: Array<{ id: number; dist: number }> }>;
    const rows = results[results.length - 1]!.rows;
    // relaxed_order may return neighbours slightly out of order; sort by the exact distance.
    return rows.sort((a, b) => a.dist - b.dist || a.id - b.id).map((r) => ({ chunkId: r.id, score: 1 - r.dist }));
  }

  async function bm25Rank(query: string, n: number, sources?: string[]) {
    const terms = queryTerms(query, deps.hybrid?.bm25);
    if (terms.size === 0) return [];
    const fieldWeight = deps.hybrid?.bm25?.field ?? FIELD_WEIGHT;
    for (const [t, w] of [...terms]) if (!t.startsWith('⟨')) terms.set(FIELD_PREFIX + t, w * fieldWeight);
    const stats = await pool.query<{ term: string; df: number; n_chunks: number; total_len: number }>(
      `SELECT t.term, t.df, s.n_chunks, s.total_len FROM kb_terms t CROSS JOIN kb_stats s WHERE t.term = ANY($1::text[]) AND t.df > 0`,
      [[...terms.keys()]],
    );
    if (!stats.rows.length) return [];
    const kept = withinBudget(stats.rows, POSTINGS_BUDGET);
    const dfByTerm = new Map(kept.map((r) => [r.term, r.df]));
    const filter = sources?.length ? 'JOIN kb_documents d ON d.id = p.document_id AND d.source = ANY($2)' : '';
    const params: unknown[] = [[...dfByTerm.keys()]];
    if (sources?.length) params.push(sources);
    const blocks = await pool.query<{ term: string; block: Buffer }>(
      `SELECT p.term, p.block FROM kb_postings p ${filter} WHERE p.term = ANY($1::text[])`,
      params,
    );
    const rows = blocks.rows.map((r) => ({ ...r, df: dfByTerm.get(r.term) ?? 0 }));
    if (!rows.length) return [];
    const scores = bm25Scores(rows, terms, { nChunks: stats.rows[0]!.n_chunks, totalLen: stats.rows[0]!.total_len }, deps.hybrid?.bm25?.k1, deps.hybrid?.bm25?.b);
    const coord = deps.hybrid?.bm25?.coord ?? COORD_EXPONENT;
    if (coord > 0) applyCoord(scores, rows, terms, coord);
    // A block read during a concurrent re-ingest may name chunks that are gone; fetchPassages drops them.
    return topN(scores, n);
  }

  async function rank(query: string, mode: 'vector' | 'bm25', n: number, sources?: string[]) {
    return mode === 'vector' ? vectorRank(query, n, sources) : bm25Rank(query, n, sources);
  }

  /**
   * Fetches the passages for ranked chunk ids and collapses near-duplicates across documents
   * (token Jaccard ≥ DUPLICATE_JACCARD): when a regulation and the newer one that replaced it
   * (信访条例_2005 → 信访工作条例_2022) say the same thing, only the newer document's article is
   * kept, at the better of the two ranks. The year is the `_YYYY` suffix of the source name.
   */
  async function passages(scored: Array<{ chunkId: number; score: number }>, k: number): Promise<RetrievedPassage[]> {
    const all = await fetchPassages(scored.slice(0, k * 3));
    const kept: Array<RetrievedPassage & { tokens: Set<string> }> = [];
    for (const p of all) {
      const tokens = bigramSet(p.text);
      const dup = kept.findIndex((q) => q.source !== p.source && jaccard(q.tokens, tokens) >= DUPLICATE_JACCARD);
      if (dup < 0) kept.push({ ...p, tokens });
      else if (sourceYear(p.source) > sourceYear(kept[dup]!.source)) kept[dup] = { ...p, score: kept[dup]!.score, tokens };
    }
    return kept.slice(0, k).map(({ tokens: _t, ...p }) => p);
  }

  async function fetchPassages(scored: Array<{ chunkId: number; score: number }>): Promise<RetrievedPassage[]> {
    if (!scored.length) return [];
    const { rows } = await pool.query<{ id: number; source: string; title: string; article: string | null; text: string }>(
      'SELECT id, source, title, article, text FROM kb_chunks WHERE id = ANY($1::bigint[])',
      [scored.map((s) => s.chunkId)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return scored.flatMap((s) => {
      const r = byId.get(s.chunkId);
      if (!r) return []; // replaced by a concurrent re-ingest between the two queries
      return [{ chunkId: r.id, source: r.source, title: r.title, article: r.article ?? undefined, text: r.text, score: s.score }];
    });
  }

  async function search(query: string, opts: SearchOptions = {}): Promise<RetrievedPassage[]> {
    if (typeof query !== 'string') throw new TypeError('query must be a string');
    const q = query.slice(0, MAX_QUERY_CHARS).trim();
    if (!q) return [];
    const k = Math.max(1, Math.min(MAX_K, Math.floor(Number.isFinite(opts.k) ? opts.k! : 5)));
    const mode = opts.mode ?? 'hybrid';
    if (mode !== 'hybrid' && mode !== 'vector' && mode !== 'bm25') throw new TypeError(`Unknown search mode: ${String(mode)}`);
    const sources = opts.sources?.length ? opts.sources : undefined;
    if (mode !== 'hybrid') return passages(await rank(q, mode, k * 3, sources), k);
    const n = deps.hybrid?.candidates ?? Math.max(30, k * 3);
    const [vec, lex] = await Promise.all([budgetedVectorRank(q, n, sources), bm25Rank(q, n, sources)]);
    return passages(fuse([{ list: vec, weight: weights.vector }, { list: lex, weight: weights.bm25 }], rrfK), k);
  }

  return {
    rank,
    search: (query, opts) => (budget ? withDeadline(search(query, opts), budget.searchMs, 'document search') : search(query, opts)),
  };
}

/**
 * Coordination factor: a chunk's BM25 score is multiplied by (matched query weight / total query
 * weight)^exponent over the resident's own terms, so an article that covers more of the question
 * beats one that repeats a single rare word. 0 disables it (plain BM25).
 */
export const COORD_EXPONENT = 1;

function applyCoord(scores: Map<number, number>, blocks: Array<{ term: string; block: Buffer }>, terms: Map<string, number>, exponent: number): void {
  let total = 0;
  for (const [t, w] of terms) if (!t.startsWith(FIELD_PREFIX)) total += w;
  if (total <= 0) return;
  const matched = new Map<number, number>();
  for (const blk of blocks) {
    if (blk.term.startsWith(FIELD_PREFIX)) continue;
    const w = terms.get(blk.term) ?? 0;
    for (let off = 0; off + POSTING_BYTES <= blk.block.length; off += POSTING_BYTES) {
      const id = blk.block.readUIntLE(off, 6);
      matched.set(id, (matched.get(id) ?? 0) + w);
    }
  }
  for (const [key, s] of scores) scores.set(key, s * Math.pow(Math.min(1, (matched.get(key) ?? 0) / total), exponent));
}

/** The n best entries by score (ties by id), without sorting every scored chunk. */
export function topN(scores: Map<number, number>, n: number): Array<{ chunkId: number; score: number }> {
  const better = (a: { chunkId: number; score: number }, b: { chunkId: number; score: number }) =>
    a.score > b.score || (a.score === b.score && a.chunkId < b.chunkId);
  const top: Array<{ chunkId: number; score: number }> = [];
  for (const [chunkId, score] of scores) {
    const item = { chunkId, score };
    if (top.length === n && !better(item, top[n - 1]!)) continue;
    let i = top.length < n ? top.length : n - 1;
    if (top.length < n) top.push(item);
    while (i > 0 && better(item, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = item;
  }
  return top;
}

/**
 * Most postings a BM25 query reads. Terms are taken rarest first while their df fits; the most
 * common terms (lowest idf, smallest contribution) are the ones left out. On the laws (≈1,100
 * chunks) every query fits, so scoring is exact; on a 100k-chunk corpus it bounds the work.
 * The rarest term is always kept.
 */
export const POSTINGS_BUDGET = 5_000;

function withinBudget<T extends { df: number; term: string }>(rows: T[], budget: number): T[] {
  const sorted = [...rows].sort((a, b) => a.df - b.df || a.term.localeCompare(b.term));
  const out: T[] = [];
  let used = 0;
  for (const r of sorted) {
    if (out.length > 0 && used + r.df > budget) continue;
    out.push(r);
    used += r.df;
  }
  return out;
}

/** Token-set Jaccard from which two passages of different documents count as the same rule. */
export const DUPLICATE_JACCARD = 0.4;

/** Character bigrams: a cheap stand-in for tokens when comparing two passages of the same language. */
function bigramSet(text: string): Set<string> {
  const out = new Set<string>();
  // The article heading differs between versions (第三十四条 → 第三十五条) and is not content.
  const t = text.replace(/\s+/g, '').replace(/^第[一二三四五六七八九十百千零〇两\d]+条/, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Year from a source name such as 信访条例_2005; 0 when there is none. */
export function sourceYear(source: string): number {
  const m = /_((?:19|20)\d{2})(?:_|$)/.exec(source);
  return m ? Number(m[1]) : 0;
}

/**
 * Okapi BM25 over packed posting blocks: Σ_terms qw · idf · tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl)),
 * idf = ln(1 + (N − df + 0.5)/(df + 0.5)). Field postings carry dl = 0, so they get no length
 * normalisation beyond the constant (1 − b).
 */
export function bm25Scores(
  blocks: Array<{ term: string; block: Buffer; df: number }>,
  queryWeights: Map<string, number>,
  stats: { nChunks: number; totalLen: number },
  k1 = BM25_K1,
  b = BM25_B,
): Map<number, number> {
  const N = Math.max(stats.nChunks, 1);
  const avgdl = Math.max(stats.totalLen / N, 1);
  const scores = new Map<number, number>();
  for (const blk of blocks) {
    const qw = queryWeights.get(blk.term) ?? 0;
    if (qw === 0 || blk.df <= 0) continue;
    const idf = Math.log(1 + (N - blk.df + 0.5) / (blk.df + 0.5));
    for (let off = 0; off + POSTING_BYTES <= blk.block.length; off += POSTING_BYTES) {
      const id = blk.block.readUIntLE(off, 6);
      const tf = blk.block.readUInt16LE(off + 6);
      const dl = blk.block.readUInt16LE(off + 8);
      const s = (qw * idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * dl) / avgdl));
      scores.set(id, (scores.get(id) ?? 0) + s);
    }
  }
  return scores;
}

/** Reciprocal rank fusion: score = Σ weight / (RRF_K + rank), rank from 1. Ties by chunk id for determinism. */
export function fuse(rankings: Array<{ list: Array<{ chunkId: number }>; weight: number }>, k = RRF_K): Array<{ chunkId: number; score: number }> {
  const scores = new Map<number, number>();
  for (const { list, weight } of rankings) {
    list.forEach((item, i) => scores.set(item.chunkId, (scores.get(item.chunkId) ?? 0) + weight / (k + i + 1)));
  }
  return [...scores].map(([chunkId, score]) => ({ chunkId, score })).sort((a, b) => b.score - a.score || a.chunkId - b.chunkId);
}
