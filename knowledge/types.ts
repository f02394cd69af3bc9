/** A retrieved passage with where it comes from, so answers can cite it. */
export interface RetrievedPassage {
  chunkId: number;
  /** Document file name without extension, e.g. 信访工作条例_2022 */
  source: string;
  title: string;
  /** Article heading such as 第三十五条, when the chunk is one article. */
  article?: string;
  text: string;
  score: number;
}

export interface SearchOptions {
  k?: number;
  /** Restrict to these sources (document names without extension). */
  sources?: string[];
  mode?: 'hybrid' | 'vector' | 'bm25';
}

/** The retrieval port triage and answers use; implemented over pgvector + BM25 in knowledge/. */
export interface Retriever {
  search(query: string, opts?: SearchOptions): Promise<RetrievedPassage[]>;
}

/** Embeddings behind one port: OpenAI-compatible with a key, a local deterministic one without. */
export interface Embedder {
  /** Recorded with every chunk; a different id means re-embed, never mix. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<number[][]>;
  /** One query's vector under the resident's budget (no retries, a short timeout); else embed([text]). */
  embedQuery?(text: string): Promise<number[]>;
}
