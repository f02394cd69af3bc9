/**
 * Text → sparse TF-IDF vectors. Three blocks, each TF-IDF weighted and L2-normalised on its own
 * and then scaled, so no block dominates just because it produces more terms:
 *   - words: jieba word n-grams (unigrams + bigrams by default),
 *   - chars: character n-grams (1–3 by default), robust to segmentation errors and unseen words,
 *   - title: words and character bigrams of the first line (petitions start with a subject line;
 *     a one-line message is its own title).
 * Works on raw or normalised text, Chinese, English or mixed; '' gives an all-zero vector.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
/** Loading the dictionary costs ~100 ms, so it happens once, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

export interface FeatureOptions {
  /** Word n-gram range [min, max] over jieba tokens. */
  wordNgrams: [number, number];
  /** Character n-gram range [min, max]. */
  charNgrams: [number, number];
  /** Character n-gram range for the title block. */
  titleCharNgrams: [number, number];
  /** Scale of each block after its own L2 normalisation (0 switches a block off). */
  wordWeight: number;
  charWeight: number;
  titleWeight: number;
  /** Terms seen in fewer documents than this are dropped from the vocabulary. */
  minDf: number;
  /** 1 + ln(tf) instead of tf. */
  sublinearTf: boolean;
  /** Longer inputs are cut (keeps predict time bounded on pasted novels). */
  maxChars: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  wordNgrams: [1, 2],
  charNgrams: [1, 3],
  titleCharNgrams: [1, 2],
  wordWeight: 1,
  charWeight: 1,
  titleWeight: 1,
  minDf: 2,
  sublinearTf: true,
  maxChars: 4000,
};

export const BLOCKS = ['word', 'char', 'title'] as const;
export type BlockName = (typeof BLOCKS)[number];

/** Term counts per block, before any vocabulary: computed once per text and reused across CV folds. */
export type AnalyzedDoc = Record<BlockName, Map<string, number>>;

export interface SparseVec {
  idx: Int32Array;
  val: Float64Array;
}

// Anything that is not a letter, number or mark separates tokens.
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;

/** Lower-case, NFKC (full-width → half-width), digits folded to 0 so numbers don't fragment the vocabulary. */
export function cleanText(text: string, maxChars: number): string {
  const cut = text.length > maxChars ? text.slice(0, maxChars) : text;
  return cut.normalize('NFKC').toLowerCase().replace(/\d+/g, '0');
}

function addCount(m: Map<string, number>, term: string, by = 1): void {
  m.set(term, (m.get(term) ?? 0) + by);
}

const SEPARATOR_TOKEN = /^[^\p{L}\p{N}\p{M}]*$/u;
const HAS_SURROGATE = /[\ud800-\udfff]/;

function charNgrams(segments: string[], [lo, hi]: [number, number], out: Map<string, number>): void {
  if (hi <= 0) return;
  for (const seg of segments) {
    if (HAS_SURROGATE.test(seg)) {
      // Rare (emoji, CJK extension B): slice by code point.
      const chars = Array.from(seg);
      for (let n = Math.max(1, lo); n <= hi; n++) {
        for (let i = 0; i + n <= chars.length; i++) addCount(out, chars.slice(i, i + n).join(''));
      }
    } else {
      for (let n = Math.max(1, lo); n <= hi; n++) {
        for (let i = 0; i + n <= seg.length; i++) addCount(out, seg.substring(i, i + n));
      }
    }
  }
}

/**
 * Word n-grams from one jieba pass over the whole text (one native call, not one per sentence);
 * punctuation/whitespace tokens end a run so n-grams never span a sentence boundary.
 */
function wordNgrams(text: string, [lo, hi]: [number, number], out: Map<string, number>): void {
  if (hi <= 0 || text === '') return;
  let run: string[] = [];
  const flush = (): void => {
    for (let n = Math.max(1, lo); n <= hi; n++) {
      for (let i = 0; i + n <= run.length; i++) addCount(out, n === 1 ? run[i]! : run.slice(i, i + n).join(' '));
    }
    run = [];
  };
  for (const t of segmenter().cut(text, true)) {
    if (SEPARATOR_TOKEN.test(t)) flush();
    else run.push(t);
  }
  flush();
}

/** Splits at punctuation/whitespace: n-grams never span a sentence boundary or a space. */
function segmentsOf(text: string): string[] {
  return text.split(SEPARATORS).filter((s) => s !== '');
}

export function analyze(text: string, opts: FeatureOptions): AnalyzedDoc {
  const clean = cleanText(typeof text === 'string' ? text : '', opts.maxChars);
  const firstLine = clean.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const doc: AnalyzedDoc = { word: new Map(), char: new Map(), title: new Map() };
  if (opts.wordWeight > 0) wordNgrams(clean, opts.wordNgrams, doc.word);
  if (opts.charWeight > 0) charNgrams(segmentsOf(clean), opts.charNgrams, doc.char);
  if (opts.titleWeight > 0) {
    wordNgrams(firstLine, [1, 1], doc.title);
    const chars = new Map<string, number>();
    charNgrams(segmentsOf(firstLine), opts.titleCharNgrams, chars);
    // Prefix keeps title words and title characters apart (a one-character word would collide).
    for (const [t, c] of chars) addCount(doc.title, `#${t}`, c);
  }
  return doc;
}

/** Smoothed IDF as in scikit-learn: ln((1 + N) / (1 + df)) + 1, never zero. */
export function idfOf(n: number, df: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** Vocabulary + IDF for every block, with feature indices laid out block after block. */
export class Vectorizer {
  private readonly index: Record<BlockName, Map<string, number>>;

  constructor(
    readonly opts: FeatureOptions,
    /** Terms per block, in feature-index order. */
    readonly terms: Record<BlockName, string[]>,
    /** IDF per feature (all blocks, concatenated). */
    readonly idf: Float64Array,
  ) {
    this.index = { word: new Map(), char: new Map(), title: new Map() };
    let offset = 0;
    for (const b of BLOCKS) {
      terms[b].forEach((t, i) => this.index[b].set(t, offset + i));
      offset += terms[b].length;
    }
    if (offset !== idf.length) throw new Error(`vocabulary has ${offset} terms but ${idf.length} IDF values`);
  }

  get size(): number {
    return this.idf.length;
  }

  /**
   * Builds the vocabulary from `docs` (terms with df ≥ minDf). IDF is computed on `docs` plus
   * `extraDocs` (unlabelled texts): more documents give steadier IDF without adding vocabulary
   * the model could never learn a weight for.
   */
  static fit(docs: AnalyzedDoc[], opts: FeatureOptions, extraDocs: AnalyzedDoc[] = []): Vectorizer {
    const terms: Record<BlockName, string[]> = { word: [], char: [], title: [] };
    const idfs: number[] = [];
    for (const b of BLOCKS) {
      const df = new Map<string, number>();
      for (const d of docs) for (const t of d[b].keys()) df.set(t, (df.get(t) ?? 0) + 1);
      const kept = [...df].filter(([, c]) => c >= opts.minDf).map(([t]) => t).sort();
      const extraDf = new Map<string, number>();
      if (extraDocs.length > 0) {
        const keep = new Set(kept);
        for (const d of extraDocs) for (const t of d[b].keys()) if (keep.has(t)) extraDf.set(t, (extraDf.get(t) ?? 0) + 1);
      }
      const n = docs.length + extraDocs.length;
      for (const t of kept) idfs.push(idfOf(n, (df.get(t) ?? 0) + (extraDf.get(t) ?? 0)));
      terms[b] = kept;
    }
    return new Vectorizer(opts, terms, Float64Array.from(idfs));
  }

  transform(doc: AnalyzedDoc): SparseVec {
    const idx: number[] = [];
    const val: number[] = [];
    const weights: Record<BlockName, number> = {
      word: this.opts.wordWeight,
      char: this.opts.charWeight,
      title: this.opts.titleWeight,
    };
    let total = 0;
    for (const b of BLOCKS) {
      const w = weights[b];
      if (w <= 0) continue;
      const start = idx.length;
      let norm = 0;
      for (const [t, c] of doc[b]) {
        const f = this.index[b].get(t);
        if (f === undefined) continue;
        const tf = this.opts.sublinearTf ? 1 + Math.log(c) : c;
        const v = tf * (this.idf[f] ?? 1);
        idx.push(f);
        val.push(v);
        norm += v * v;
      }
      if (norm > 0) {
        const s = w / Math.sqrt(norm);
        for (let i = start; i < val.length; i++) val[i] = (val[i] as number) * s;
        total += w * w;
      }
    }
    // Final L2 normalisation: a short message with only some blocks non-empty still has unit length.
    if (total > 0) {
      const s = 1 / Math.sqrt(total);
      for (let i = 0; i < val.length; i++) val[i] = (val[i] as number) * s;
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  }
}
