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

/** Marks the title block's character n-grams, so they stay apart from its words (a one-character word would collide). */
const TITLE_CHARS = '#';

/** The cleaned text and its title: the first non-empty line (a one-line message is its own title). */
function prepare(text: string, opts: FeatureOptions): { clean: string; firstLine: string } {
  const clean = cleanText(typeof text === 'string' ? text : '', opts.maxChars);
  return { clean, firstLine: clean.split(/\r?\n/).find((l) => l.trim() !== '') ?? '' };
}

export function analyze(text: string, opts: FeatureOptions): AnalyzedDoc {
  const { clean, firstLine } = prepare(text, opts);
  const doc: AnalyzedDoc = { word: new Map(), char: new Map(), title: new Map() };
  if (opts.wordWeight > 0) wordNgrams(clean, opts.wordNgrams, doc.word);
  if (opts.charWeight > 0) charNgrams(segmentsOf(clean), opts.charNgrams, doc.char);
  if (opts.titleWeight > 0) {
    wordNgrams(firstLine, [1, 1], doc.title);
    const chars = new Map<string, number>();
    charNgrams(segmentsOf(firstLine), opts.titleCharNgrams, chars);
    for (const [t, c] of chars) addCount(doc.title, `${TITLE_CHARS}${t}`, c);
  }
  return doc;
}

/** Smoothed IDF as in scikit-learn: ln((1 + N) / (1 + df)) + 1, never zero. */
export function idfOf(n: number, df: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** A character trie over one block's n-gram vocabulary: code point → child; `f` the feature index or -1. */
interface TrieNode {
  f: number;
  next: Map<number, TrieNode> | undefined;
}

function trieOf(terms: Iterable<[string, number]>): TrieNode {
  const root: TrieNode = { f: -1, next: undefined };
  for (const [term, f] of terms) {
    let node = root;
    for (const ch of term) {
      const cp = ch.codePointAt(0)!;
      node.next ??= new Map();
      let child = node.next.get(cp);
      if (!child) node.next.set(cp, (child = { f: -1, next: undefined }));
      node = child;
    }
    node.f = f;
  }
  return root;
}

/**
 * Counts the character n-grams of `segments` that are in the vocabulary, by walking the trie from
 * every position: the same terms `charNgrams` produces, without making a string per n-gram.
 */
function countCharNgrams(segments: string[], [lo, hi]: [number, number], trie: TrieNode, out: Map<number, number>): void {
  if (hi <= 0) return;
  const from = Math.max(1, lo);
  for (const seg of segments) {
    const cps: ArrayLike<number> = HAS_SURROGATE.test(seg) ? Array.from(seg, (c) => c.codePointAt(0)!) : codeUnits(seg);
    for (let i = 0; i < cps.length; i++) {
      let node: TrieNode | undefined = trie;
      for (let n = 1; n <= hi && i + n <= cps.length; n++) {
        node = node.next?.get(cps[i + n - 1]!);
        if (!node) break;
        if (n >= from && node.f >= 0) out.set(node.f, (out.get(node.f) ?? 0) + 1);
      }
    }
  }
}

let unitBuffer = new Uint16Array(256);
/** The segment's UTF-16 code units in a reused buffer (a view valid until the next call). */
function codeUnits(seg: string): Uint16Array {
  if (unitBuffer.length < seg.length) unitBuffer = new Uint16Array(Math.max(seg.length, unitBuffer.length * 2));
  for (let i = 0; i < seg.length; i++) unitBuffer[i] = seg.charCodeAt(i);
  return unitBuffer.subarray(0, seg.length);
}

/** Vocabulary + IDF for every block, with feature indices laid out block after block. */
export class Vectorizer {
  private readonly index: Record<BlockName, Map<string, number>>;
  /** For `vectorize`: the char block's vocabulary, and the title block's character terms. */
  private tries: { char: TrieNode; title: TrieNode } | undefined;

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
    return this.weigh({ word: this.known('word', doc.word), char: this.known('char', doc.char), title: this.known('title', doc.title) });
  }

  /**
   * `transform(analyze(text, opts))`, for prediction: character n-grams are looked up by walking a
   * trie of the vocabulary instead of being cut out as strings, counted into a map and looked up
   * again — the bulk of a message's features, and of the garbage they left behind.
   */
  vectorize(text: string): SparseVec {
    const o = this.opts;
    this.tries ??= {
      char: trieOf(this.index.char),
      title: trieOf([...this.index.title].filter(([t]) => t.startsWith(TITLE_CHARS)).map(([t, f]) => [t.slice(TITLE_CHARS.length), f] as [string, number])),
    };
    const { clean, firstLine } = prepare(text, o);
    const counts: Record<BlockName, Iterable<[number, number]>> = { word: [], char: [], title: [] };
    if (o.wordWeight > 0) {
      const words = new Map<string, number>();
      wordNgrams(clean, o.wordNgrams, words);
      counts.word = this.known('word', words);
    }
    if (o.charWeight > 0) {
      const chars = new Map<number, number>();
      countCharNgrams(segmentsOf(clean), o.charNgrams, this.tries.char, chars);
      counts.char = chars;
    }
    if (o.titleWeight > 0) {
      const words = new Map<string, number>();
      wordNgrams(firstLine, [1, 1], words);
      const title = new Map<number, number>(this.known('title', words));
      const chars = new Map<number, number>();
      countCharNgrams(segmentsOf(firstLine), o.titleCharNgrams, this.tries.title, chars);
      for (const [f, c] of chars) title.set(f, (title.get(f) ?? 0) + c);
      counts.title = title;
    }
    return this.weigh(counts);
  }

  /** The block's terms that are in the vocabulary, as (feature index, count). */
  private known(b: BlockName, terms: Map<string, number>): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const index = this.index[b];
    for (const [t, c] of terms) {
      const f = index.get(t);
      if (f !== undefined) out.push([f, c]);
    }
    return out;
  }

  /** TF-IDF, each block L2-normalised and scaled by its weight, then the whole vector normalised. */
  private weigh(counts: Record<BlockName, Iterable<[number, number]>>): SparseVec {
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
      for (const [f, c] of counts[b]) {
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
