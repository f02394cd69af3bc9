import { idf as idfBytes } from '@node-rs/jieba/dict.js';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './types.js';
import { CONCEPTS, normalizeText, segmenter, STOPWORDS } from './text.js';

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;

let idfTable: Map<string, number> | undefined;
let idfMedian = 10;
/**
 * jieba's bundled IDF table (≈270k words, learned once from a large general corpus). Using a fixed
 * table rather than one learned from the ingested documents keeps every vector a pure function of
 * its text: ingesting another document never changes existing vectors, so nothing has to be
 * re-embedded when the corpus grows.
 */
function idfOf(word: string): number {
  if (!idfTable) {
    idfTable = new Map();
    const values: number[] = [];
    for (const line of Buffer.from(idfBytes).toString('utf8').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp <= 0) continue;
      const v = Number(line.slice(sp + 1));
      if (Number.isFinite(v)) {
        idfTable.set(line.slice(0, sp), v);
        values.push(v);
      }
    }
    values.sort((a, b) => a - b);
    idfMedian = values[Math.floor(values.length / 2)] ?? 10;
  }
  return idfTable.get(word) ?? idfMedian;
}

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across platforms and Node versions. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface LocalEmbedderOptions {
  dimension?: number;
  /** Weight of a Han character bigram feature (words carry their IDF, ~5–14). */
  bigramWeight?: number;
  /** Weight of a concept tag feature. */
  conceptWeight?: number;
  /** Multiplier of word features (their weight is wordWeight × IDF). */
  wordWeight?: number;
  /** Segment in jieba search mode (compounds also as their parts). */
  searchMode?: boolean;
}

/**
 * Deterministic local embedding, no download: TF-IDF weighted jieba words plus character
 * bigrams of the Chinese text, signed feature hashing into `dimension` buckets, L2-normalised.
 * It captures lexical overlap (including partial word overlap through bigrams), not meaning;
 * hybrid search pairs it with BM25 and a synonym table.
 */
export class LocalHashEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly bigramWeight: number;
  private readonly conceptWeight: number;
  private readonly searchMode: boolean;
  private readonly wordWeight: number;

  constructor(opts: LocalEmbedderOptions = {}) {
    this.dimension = opts.dimension ?? 384;
    this.bigramWeight = opts.bigramWeight ?? 2;
    this.conceptWeight = opts.conceptWeight ?? 12;
    this.searchMode = opts.searchMode ?? false;
    this.wordWeight = opts.wordWeight ?? 1;

    if (!Number.isInteger(this.dimension) || this.dimension < 16 || this.dimension > 2000) {
      throw new RangeError(`LocalHashEmbedder dimension must be an integer in 16..2000, got ${this.dimension}`);
    }
    // v2: more concept tags (⟨内容⟩, ⟨效力⟩) change document vectors; a new id makes stored v1
    // vectors stale, so ingest and reembedStale re-embed them instead of mixing the two.
    this.id = `local-hash-v2-${this.dimension}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): number[] {
    const features = new Map<string, number>();
    const add = (key: string, w: number) => features.set(key, (features.get(key) ?? 0) + w);
    const norm = normalizeText(text);
    // Concept tags: from the text itself (documents) or spelled out by expandQueryText (queries).
    for (const c of CONCEPTS) if (c.doc.test(norm) || norm.includes(c.tag)) add(`c:${c.tag}`, 1);
    for (const raw of (this.searchMode ? segmenter().cutForSearch(norm, true) : segmenter().cut(norm, true))) {
      const w = raw.trim();
      if (!w || !WORDLIKE.test(w) || STOPWORDS.has(w)) continue;
      add(`w:${w}`, 1);
    }
    // Character bigrams over runs of Han characters give partial credit for related compounds
    // (仲裁委员会 ~ 仲裁) that segment differently.
    for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) add(`b:${run.slice(i, i + 2)}`, 1);
    }
    const v = new Float64Array(this.dimension);
    for (const [key, tf] of features) {
      const kind = key[0];
      const token = key.slice(2);
      // Sublinear tf; words weighted by IDF, bigrams by a flat lower weight, concepts like a mid-frequency word.
      const weight = (1 + Math.log(tf)) * (kind === 'w' ? this.wordWeight * idfOf(token) : kind === 'c' ? this.conceptWeight : HAN.test(token) ? this.bigramWeight : this.bigramWeight / 2);
      const h = fnv1a(key);
      const idx = h % this.dimension;
      const sign = (fnv1a(key, 0x9747b28c) & 1) === 0 ? 1 : -1;
      v[idx]! += sign * weight;
    }
    let sum = 0;
    for (const x of v) sum += x * x;
    const n = Math.sqrt(sum);
    // An empty or punctuation-only text gets a fixed unit vector rather than NaNs (cosine needs a norm).
    if (n === 0) {
      const out = new Array<number>(this.dimension).fill(0);
      out[0] = 1;
      return out;
    }
    return Array.from(v, (x) => Math.round((x / n) * 1e6) / 1e6);
  }
}

/**
 * Wraps LangChain's OpenAIEmbeddings behind the port; the id names the model and dimension. Documents
 * (ingest) are embedded with LangChain's retries; a resident's query once, within `queryTimeoutMs`:
 * a retry schedule (6 × 15 s by default) is time the resident would spend waiting.
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  private readonly client: OpenAIEmbeddings;
  private readonly queryClient: OpenAIEmbeddings;

  constructor(
    opts: { apiKey: string; model: string; baseURL?: string; timeoutMs?: number; queryTimeoutMs?: number },
    readonly dimension: number,
  ) {
    this.id = `openai:${opts.model}:${dimension}`;
    const common = {
      apiKey: opts.apiKey,
      model: opts.model,
      dimensions: OPENAI_NATIVE_DIMS[opts.model] === dimension ? undefined : dimension,
      configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
    };
    this.client = new OpenAIEmbeddings({ ...common, timeout: opts.timeoutMs });
    this.queryClient = new OpenAIEmbeddings({ ...common, timeout: opts.queryTimeoutMs ?? opts.timeoutMs, maxRetries: 0 });
  }

  async embedQuery(text: string): Promise<number[]> {
    const v = await this.queryClient.embedQuery(text);
    if (v.length !== this.dimension) throw new Error(`Embedding model returned ${v.length} dimensions, expected ${this.dimension}`);
    return v;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const out = await this.client.embedDocuments(texts);
    for (const v of out) {
      if (v.length !== this.dimension) {
        throw new Error(`Embedding model returned ${v.length} dimensions, expected ${this.dimension}; set the dimension to match the model`);
      }
    }
    return out;
  }
}

const OPENAI_NATIVE_DIMS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/** Dimensions that have an HNSW index (see db/migrations/20261123T1200_knowledge.sql). */
export const INDEXED_DIMENSIONS = [256, 384, 512, 768, 1024, 1536, 3072] as const;

/**
 * With OPENAI_API_KEY: OpenAI-compatible embeddings (OPENAI_EMBEDDING_MODEL at OPENAI_BASE_URL);
 * without: the local hashed embedding. Unknown models are assumed to return 1536 dimensions
 * (checked on every call).
 */
/** The embedding settings of the app's Config (OPENAI_*, LLM_TIMEOUT_MS). */
export interface EmbedderConfig {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_EMBEDDING_MODEL: string;
  LLM_TIMEOUT_MS: number;
  /** A resident's query embedding: one try within this (no retries). */
  EMBEDDING_TIMEOUT_MS?: number;
}

export function createEmbedder(config: EmbedderConfig): Embedder {
  if (!config.OPENAI_API_KEY) return new LocalHashEmbedder();
  const dim = OPENAI_NATIVE_DIMS[config.OPENAI_EMBEDDING_MODEL] ?? 1536;
  return new OpenAIEmbedder(
    {
      apiKey: config.OPENAI_API_KEY,
      model: config.OPENAI_EMBEDDING_MODEL,
      baseURL: config.OPENAI_BASE_URL,
      timeoutMs: config.LLM_TIMEOUT_MS,
      queryTimeoutMs: config.EMBEDDING_TIMEOUT_MS,
    },
    dim,
  );
}
