-- Knowledge base: policy documents split into chunks, each with an embedding (pgvector) and
-- BM25 postings over jieba tokens.
--
-- The embedding column is `vector` without a fixed dimension so that changing the embedding model
-- never needs a migration: every chunk records the embedder id and dimension it was embedded with,
-- and documents embedded by another embedder are re-embedded on the next ingest (never mixed).
-- HNSW needs a fixed dimension, so there is one partial expression index per supported dimension;
-- a query uses it by ordering on the same expression under the same predicate
-- (`embedding::vector(384) <=> $q … WHERE dim = 384`). vector HNSW stops at 2000 dimensions,
-- so 3072 (text-embedding-3-large) is indexed as halfvec. ef_construction 40 (default 64) keeps
-- the build of 100k vectors in single-threaded PGlite to minutes; recall stays high at m = 16.

CREATE TABLE kb_documents (
  id bigserial PRIMARY KEY,
  source text NOT NULL UNIQUE,
  title text NOT NULL,
  path text,
  content_hash text NOT NULL,
  embedder_id text NOT NULL,
  dim integer NOT NULL CHECK (dim > 0),
  chunk_count integer NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_chunks (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,
  source text NOT NULL,
  ord integer NOT NULL,
  title text NOT NULL,
  chapter text,
  article text,
  text text NOT NULL,
  content_hash text NOT NULL,
  embedder_id text NOT NULL,
  dim integer NOT NULL CHECK (dim > 0),
  embedding vector NOT NULL,
  -- BM25 document length: number of indexed tokens (text plus the boosted title/chapter tokens)
  doc_len integer NOT NULL,
  UNIQUE (document_id, ord)
);
CREATE INDEX kb_chunks_source_idx ON kb_chunks (source);
CREATE INDEX kb_chunks_hnsw_256 ON kb_chunks USING hnsw ((embedding::vector(256)) vector_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 256;
CREATE INDEX kb_chunks_hnsw_384 ON kb_chunks USING hnsw ((embedding::vector(384)) vector_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 384;
CREATE INDEX kb_chunks_hnsw_512 ON kb_chunks USING hnsw ((embedding::vector(512)) vector_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 512;
CREATE INDEX kb_chunks_hnsw_768 ON kb_chunks USING hnsw ((embedding::vector(768)) vector_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 768;
CREATE INDEX kb_chunks_hnsw_1024 ON kb_chunks USING hnsw ((embedding::vector(1024)) vector_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 1024;
CREATE INDEX kb_chunks_hnsw_1536 ON kb_chunks USING hnsw ((embedding::vector(1536)) vector_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 1536;
CREATE INDEX kb_chunks_hnsw_3072 ON kb_chunks USING hnsw ((embedding::halfvec(3072)) halfvec_cosine_ops) WITH (m = 16, ef_construction = 40) WHERE dim = 3072;

-- BM25 postings, one row per (term, document): a packed block with, per chunk of that document
-- containing the term, its chunk id (uint48 LE), tf (uint16 LE) and doc_len (uint16 LE). Blocks keep
-- the row count ~ distinct terms per document instead of terms per chunk (PGlite inserts ~30 µs
-- per row), a query reads one row per matching document and term, and replacing a document
-- deletes its blocks with it. Scoring happens in code (knowledge/retriever.ts).
-- Title/chapter terms are indexed with a '§' prefix and doc_len 0 (a second field).
CREATE TABLE kb_postings (
  term text NOT NULL,
  document_id bigint NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,
  n integer NOT NULL CHECK (n > 0),
  block bytea NOT NULL,
  PRIMARY KEY (term, document_id)
);
CREATE INDEX kb_postings_document_idx ON kb_postings (document_id);
-- Packed ids barely compress; storing them uncompressed saves a decompression per block read.
ALTER TABLE kb_postings ALTER COLUMN block SET STORAGE EXTERNAL;

-- Document frequency per term and corpus totals (N, sum of lengths → avgdl), maintained by the
-- ingest transaction so a query never has to count postings.
CREATE TABLE kb_terms (
  term text PRIMARY KEY,
  df integer NOT NULL CHECK (df >= 0)
);
CREATE TABLE kb_stats (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  n_chunks bigint NOT NULL DEFAULT 0,
  total_len bigint NOT NULL DEFAULT 0
);
INSERT INTO kb_stats (id) VALUES (true);
