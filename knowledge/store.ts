import crypto from 'node:crypto';
import { withTransaction, type Queryable } from '../db/pool.js';
import type pg from 'pg';
import type { Embedder } from './types.js';
import { splitDocument, type Chunk } from './split.js';
import { conceptTags, FIELD_PREFIX, termFrequencies, tokenize } from './text.js';

/**
 * Bumped whenever splitting or BM25 tokenisation changes, so the next ingest re-chunks documents
 * whose text did not change (their stored hash includes this version).
 */
export const INDEX_VERSION = 'kb-v2';

export type IngestOutcome = 'added' | 'replaced' | 'reembedded' | 'unchanged';

export interface IngestResult {
  source: string;
  outcome: IngestOutcome;
  chunks: number;
}

export interface DocumentInput {
  /** File name without extension; unique key of the document. */
  source: string;
  content: string;
  path?: string;
}

export function contentHash(content: string): string {
  return crypto.createHash('sha256').update(INDEX_VERSION).update('\0').update(content).digest('hex');
}

/** The text a chunk is embedded with: title and chapter give a short article its context. */
export function embeddingText(title: string, chunk: Pick<Chunk, 'chapter' | 'text'>): string {
  return [title, chunk.chapter, chunk.text].filter(Boolean).join('\n');
}

/** BM25 index terms of a chunk: its text, plus the document title and chapter as boosted fields. */
export function indexTerms(title: string, chunk: Pick<Chunk, 'chapter' | 'text'>): string[] {
  return [...tokenize(chunk.text), ...conceptTags(chunk.text, 'doc')];
}

/**
 * Title and chapter terms, indexed as separate `§term` postings (a second BM25 field, without
 * length normalisation), so a question naming the law or the chapter picks the right document
 * without favouring its shortest articles.
 */
export function fieldTerms(title: string, chunk: Pick<Chunk, 'chapter'>): string[] {
  return [...new Set([...tokenize(title), ...(chunk.chapter ? tokenize(chunk.chapter) : [])])].map((t) => FIELD_PREFIX + t);
}

/** pgvector's text input format. */
export function toVectorLiteral(v: number[]): string {
  return `[${v.join(',')}]`;
}

/**
 * Ingests one document. Unchanged (same content hash and embedder) → skipped; changed → its chunks
 * are replaced in one transaction (old chunks, postings and statistics removed, new ones written);
 * same text but another embedder → re-embedded the same way. Splitting and embedding happen
 * before the transaction so a slow embedding call never holds locks.
 */
export async function ingestDocument(pool: pg.Pool, embedder: Embedder, doc: DocumentInput): Promise<IngestResult> {
  if (!doc.source.trim()) throw new Error('Document source (file name) must not be empty');
  if (!doc.content.trim()) throw new Error(`${doc.source}: the document is empty`);
  const hash = contentHash(doc.content);
  const existing = (
    await pool.query<{ content_hash: string; embedder_id: string; chunk_count: number }>(
      'SELECT content_hash, embedder_id, chunk_count FROM kb_documents WHERE source = $1',
      [doc.source],
    )
  ).rows[0];
  if (existing && existing.content_hash === hash && existing.embedder_id === embedder.id) {
    return { source: doc.source, outcome: 'unchanged', chunks: existing.chunk_count };
  }
  const outcome: IngestOutcome = !existing ? 'added' : existing.content_hash === hash ? 'reembedded' : 'replaced';

  const split = await splitDocument(doc.content, doc.source);
  if (split.chunks.length === 0) throw new Error(`${doc.source}: no text to index after removing headings and comments`);
  const vectors = await embedInBatches(embedder, split.chunks.map((c) => embeddingText(split.title, c)));
  const termLists = split.chunks.map((c) => termFrequencies(indexTerms(split.title, c)));
  const fieldLists = split.chunks.map((c) => fieldTerms(split.title, c));

  await withTransaction(pool, async (tx) => {
    const docId = (
      await tx.query<{ id: number }>(
        `INSERT INTO kb_documents (source, title, path, content_hash, embedder_id, dim, chunk_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (source) DO UPDATE SET title = EXCLUDED.title, path = EXCLUDED.path, content_hash = EXCLUDED.content_hash,
           embedder_id = EXCLUDED.embedder_id, dim = EXCLUDED.dim, chunk_count = EXCLUDED.chunk_count, ingested_at = now()
         RETURNING id`,
        [doc.source, split.title, doc.path ?? null, hash, embedder.id, embedder.dimension, split.chunks.length],
      )
    ).rows[0]!.id;
    await removeChunks(tx, docId);
    await insertChunks(tx, {
      docId,
      source: doc.source,
      title: split.title,
      embedderId: embedder.id,
      dim: embedder.dimension,
      chunks: split.chunks,
      vectors,
      termLists,
      fieldLists,
    });
  });
  return { source: doc.source, outcome, chunks: split.chunks.length };
}

async function embedInBatches(embedder: Embedder, texts: string[], batch = 64): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += batch) {
    const part = await embedder.embed(texts.slice(i, i + batch));
    if (part.length !== Math.min(batch, texts.length - i)) throw new Error(`Embedder ${embedder.id} returned ${part.length} vectors for ${Math.min(batch, texts.length - i)} texts`);
    for (const v of part) {
      if (v.length !== embedder.dimension) throw new Error(`Embedder ${embedder.id} returned ${v.length} dimensions, expected ${embedder.dimension}`);
      if (!v.every(Number.isFinite)) throw new Error(`Embedder ${embedder.id} returned a non-finite value`);
    }
    out.push(...part);
  }
  return out;
}

/** Deletes a document's chunks and posting blocks and takes them out of df and corpus totals. */
async function removeChunks(tx: Queryable, docId: number): Promise<void> {
  await tx.query(
    `UPDATE kb_terms t SET df = t.df - p.n FROM kb_postings p WHERE p.document_id = $1 AND t.term = p.term`,
    [docId],
  );
  await tx.query('DELETE FROM kb_terms WHERE df <= 0');
  await tx.query(
    `UPDATE kb_stats SET n_chunks = n_chunks - x.n, total_len = total_len - x.len
     FROM (SELECT count(*) AS n, coalesce(sum(doc_len), 0) AS len FROM kb_chunks WHERE document_id = $1) x`,
    [docId],
  );
  await tx.query('DELETE FROM kb_postings WHERE document_id = $1', [docId]);
  await tx.query('DELETE FROM kb_chunks WHERE document_id = $1', [docId]);
}

/** Bytes per posting in a block: chunk id uint48, tf uint16, doc_len uint16 (little endian). */
export const POSTING_BYTES = 10;
const MAX_U16 = 0xffff;

/** Packs one term's postings within a document. */
export function packBlock(postings: Array<{ id: number; tf: number; len: number }>): Buffer {
  const buf = Buffer.alloc(postings.length * POSTING_BYTES);
  postings.forEach((p, i) => {
    buf.writeUIntLE(p.id, i * POSTING_BYTES, 6);
    buf.writeUInt16LE(Math.min(p.tf, MAX_U16), i * POSTING_BYTES + 6);
    buf.writeUInt16LE(Math.min(p.len, MAX_U16), i * POSTING_BYTES + 8);
  });
  return buf;
}

export interface ChunkRows {
  docId: number;
  source: string;
  title: string;
  embedderId: string;
  dim: number;
  chunks: Chunk[];
  vectors: number[][];
  termLists: Map<string, number>[];
  /** Field (`§`) terms per chunk; stored with tf 1 and doc_len 0 (not counted in the body length). */
  fieldLists?: string[][];
}

/** Writes chunks, their postings, df and corpus totals with a few array-parameter statements. */
export async function insertChunks(tx: Queryable, rows: ChunkRows): Promise<void> {
  const lens = rows.termLists.map((tf) => [...tf.values()].reduce((a, b) => a + b, 0));
  const ids = (
    await tx.query<{ id: number; ord: number }>(
      `INSERT INTO kb_chunks (document_id, source, ord, title, chapter, article, text, content_hash, embedder_id, dim, embedding, doc_len)
       SELECT $1, $2, u.ord, $3, u.chapter, u.article, u.text, u.hash, $4, $5, u.emb::vector, u.len
       FROM unnest($6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[])
         AS u(ord, chapter, article, text, hash, emb, len)
       RETURNING id, ord`,
      [
        rows.docId,
        rows.source,
        rows.title,
        rows.embedderId,
        rows.dim,
        rows.chunks.map((_, i) => i),
        rows.chunks.map((c) => c.chapter ?? null),
        rows.chunks.map((c) => c.article ?? null),
        rows.chunks.map((c) => c.text),
        rows.chunks.map((c) => crypto.createHash('sha256').update(c.text).digest('hex')),
        rows.vectors.map(toVectorLiteral),
        lens,
      ],
    )
  ).rows;
  if (ids.length !== rows.chunks.length) throw new Error('chunk insert returned an unexpected row count');
  const idByOrd = new Map(ids.map((r) => [r.ord, r.id]));
  const byTerm = new Map<string, Array<{ id: number; tf: number; len: number }>>();
  const post = (term: string, p: { id: number; tf: number; len: number }) => {
    let list = byTerm.get(term);
    if (!list) byTerm.set(term, (list = []));
    list.push(p);
  };
  rows.termLists.forEach((tf, ord) => {
    const id = idByOrd.get(ord)!;
    for (const [term, n] of tf) post(term, { id, tf: n, len: lens[ord]! });
    for (const term of rows.fieldLists?.[ord] ?? []) post(term, { id, tf: 1, len: 0 });
  });
  // Sorted so concurrent ingests lock kb_terms rows in the same order (no deadlock).
  const terms = [...byTerm.keys()].sort();
  if (terms.length) {
    await tx.query(
      `INSERT INTO kb_postings (term, document_id, n, block) SELECT u.term, $1, u.n, u.block FROM unnest($2::text[], $3::int[], $4::bytea[]) AS u(term, n, block)`,
      [rows.docId, terms, terms.map((t) => byTerm.get(t)!.length), terms.map((t) => packBlock(byTerm.get(t)!))],
    );
    await tx.query(
      `INSERT INTO kb_terms (term, df) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (term) DO UPDATE SET df = kb_terms.df + EXCLUDED.df`,
      [terms, terms.map((t) => byTerm.get(t)!.length)],
    );
  }
  await tx.query('UPDATE kb_stats SET n_chunks = n_chunks + $1, total_len = total_len + $2', [rows.chunks.length, lens.reduce((a, b) => a + b, 0)]);
}

/** Removes a document and everything indexed from it. Returns false when there was none. */
export async function removeDocument(pool: pg.Pool, source: string): Promise<boolean> {
  return withTransaction(pool, async (tx) => {
    const doc = (await tx.query<{ id: number }>('SELECT id FROM kb_documents WHERE source = $1 FOR UPDATE', [source])).rows[0];
    if (!doc) return false;
    await removeChunks(tx, doc.id);
    await tx.query('DELETE FROM kb_documents WHERE id = $1', [doc.id]);
    return true;
  });
}

/**
 * Re-embeds, from their stored text, the chunks of every document embedded by another embedder,
 * so switching the embedding model (for example adding OPENAI_API_KEY) does not need the source
 * files. One transaction per document. Returns the number of documents re-embedded.
 */
export async function reembedStale(pool: pg.Pool, embedder: Embedder): Promise<number> {
  const docs = (
    await pool.query<{ id: number; title: string }>('SELECT id, title FROM kb_documents WHERE embedder_id <> $1 ORDER BY id', [embedder.id])
  ).rows;
  for (const doc of docs) {
    const chunks = (
      await pool.query<{ id: number; chapter: string | null; text: string }>('SELECT id, chapter, text FROM kb_chunks WHERE document_id = $1 ORDER BY ord', [doc.id])
    ).rows;
    const vectors = await embedInBatches(embedder, chunks.map((c) => embeddingText(doc.title, { chapter: c.chapter ?? undefined, text: c.text })));
    await withTransaction(pool, async (tx) => {
      await tx.query(
        `UPDATE kb_chunks c SET embedding = u.emb::vector, dim = $2, embedder_id = $3
         FROM unnest($4::bigint[], $5::text[]) AS u(id, emb) WHERE c.id = u.id AND c.document_id = $1`,
        [doc.id, embedder.dimension, embedder.id, chunks.map((c) => c.id), vectors.map(toVectorLiteral)],
      );
      await tx.query('UPDATE kb_documents SET embedder_id = $2, dim = $3 WHERE id = $1', [doc.id, embedder.id, embedder.dimension]);
    });
  }
  return docs.length;
}
