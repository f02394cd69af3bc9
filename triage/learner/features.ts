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
function wordNgrams(text: string, range: [number, number], out: Map<string, number>, tokens?: string[]): void {
  const [lo, hi] = range;
  if (hi <= 0 || text === '') return;
  let run: string[] = [];
  const flush = (): void => {
    for (let n = Math.max(1, lo); n <= hi; n++) {
      for (let i = 0; i + n <= run.length; i++) addCount(out, n === 1 ? run[i]! : run.slice(i, i + n).join(' '));
    }
    run = [];
  };
  for (const t of tokens ?? segmenter().cut(text, true)) {
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
function prepare(text: string, maxChars: number): { clean: string; firstLine: string } {
  const clean = cleanText(typeof text === 'string' ? text : '', maxChars);
  return { clean, firstLine: clean.split(/\r?\n/).find((l) => l.trim() !== '') ?? '' };
}

export function analyze(text: string, opts: FeatureOptions): AnalyzedDoc {
  const { clean, firstLine } = prepare(text, opts.maxChars);
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

/**
 * A character trie over one block's n-gram vocabulary, in typed arrays: node 0 is the root, `f[node]` the
 * feature index or -1; the root's children by UTF-16 unit in `root`, deeper edges (node, code point) in
 * an open-addressing hash. It replaced a trie of Map objects: the same walk without a Map lookup and a
 * pointer chase per character, and nothing for the garbage collector to trace.
 */
interface Trie {
  f: Int32Array;
  root: Int32Array;
  /** Edge table: parent node and code point as keys, child node as value; `child` 0 marks an empty slot. */
  parent: Int32Array;
  cp: Int32Array;
  child: Int32Array;
  mask: number;
}

const edgeSlot = (parent: number, cp: number, mask: number): number => (Math.imul(parent, 0x9e3779b1) ^ Math.imul(cp, 0x85ebca6b)) & mask;

function trieChild(t: Trie, node: number, cp: number): number {
  if (node === 0) return cp < 0x10000 ? t.root[cp]! : edgeChild(t, 0, cp);
  return edgeChild(t, node, cp);
}

function edgeChild(t: Trie, node: number, cp: number): number {
  for (let s = edgeSlot(node, cp, t.mask); ; s = (s + 1) & t.mask) {
    const c = t.child[s]!;
    if (c === 0) return 0;
    if (t.parent[s] === node && t.cp[s] === cp) return c;
  }
}

function trieOf(terms: Iterable<[string, number]>): Trie {
  const list = [...terms];
  let edges = 1;
  for (const [term] of list) edges += term.length;
  let size = 16;
  while (size < edges * 2) size *= 2;
  const t: Trie = {
    f: new Int32Array(edges + 1).fill(-1),
    root: new Int32Array(0x10000),
    parent: new Int32Array(size),
    cp: new Int32Array(size),
    child: new Int32Array(size),
    mask: size - 1,
  };
  let nodes = 1;
  for (const [term, f] of list) {
    let node = 0;
    for (const ch of term) {
      const cp = ch.codePointAt(0)!;
      let next = trieChild(t, node, cp);
      if (next === 0) {
        next = nodes++;
        if (node === 0 && cp < 0x10000) t.root[cp] = next;
        else {
          let s = edgeSlot(node, cp, t.mask);
          while (t.child[s] !== 0) s = (s + 1) & t.mask;
          t.parent[s] = node;
          t.cp[s] = cp;
          t.child[s] = next;
        }
      }
      node = next;
    }
    t.f[node] = f;
  }
  return t;
}

/** Feature indices in the order `charNgrams` would produce their terms (one entry per occurrence). */
class Hits {
  buf = new Int32Array(1024);
  n = 0;
  push(f: number): void {
    if (this.n === this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = f;
  }
}

/**
 * The character n-grams of `segments` that are in the vocabulary, by walking the trie from every
 * position: the same terms `charNgrams` produces, without making a string per n-gram.
 */
function countCharNgrams(segments: string[], [lo, hi]: [number, number], trie: Trie, out: Hits): void {
  out.n = 0;
  if (hi <= 0) return;
  const from = Math.max(1, lo);
  for (const seg of segments) {
    const cps: ArrayLike<number> = HAS_SURROGATE.test(seg) ? Array.from(seg, (c) => c.codePointAt(0)!) : codeUnits(seg);
    for (let i = 0; i < cps.length; i++) {
      let node = 0;
      for (let n = 1; n <= hi && i + n <= cps.length; n++) {
        node = trieChild(trie, node, cps[i + n - 1]!);
        if (node === 0) break;
        const f = trie.f[node]!;
        if (n >= from && f >= 0) out.push(f);
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

/**
 * What every model reads of one text before its own vocabulary comes in: the cleaned text, its jieba
 * word n-grams and its segments, for the whole text and its title line. The offline engine asks two
 * models (category, then department, service or legal aid) about the same text in a row; they share
 * these instead of cutting the text with jieba twice. One entry (the last text): it never grows, and
 * the maps are only read.
 */
class SharedAnalysis {
  readonly clean: string;
  readonly firstLine: string;
  private wordCounts = new Map<string, Map<string, number>>();
  private segs: string[] | undefined;
  private tokens: string[] | undefined;
  private title: Map<string, number> | undefined;
  private titleSegs: string[] | undefined;

  constructor(
    readonly text: string,
    readonly maxChars: number,
  ) {
    ({ clean: this.clean, firstLine: this.firstLine } = prepare(text, maxChars));
  }

  words(range: [number, number]): Map<string, number> {
    const key = `${range[0]},${range[1]}`;
    let m = this.wordCounts.get(key);
    if (!m) {
      m = new Map();
      wordNgrams(this.clean, range, m, this.cleanTokens());
      this.wordCounts.set(key, m);
    }
    return m;
  }

  /** jieba's tokens of the cleaned text, cut once; a one-line message is its own title and reuses them. */
  private cleanTokens(): string[] {
    return (this.tokens ??= this.clean === '' ? [] : segmenter().cut(this.clean, true));
  }

  segments(): string[] {
    return (this.segs ??= segmentsOf(this.clean));
  }

  titleWords(): Map<string, number> {
    if (!this.title) {
      this.title = new Map();
      wordNgrams(this.firstLine, [1, 1], this.title, this.firstLine === this.clean ? this.cleanTokens() : undefined);
    }
    return this.title;
  }

  titleSegments(): string[] {
    return (this.titleSegs ??= segmentsOf(this.firstLine));
  }
}

let lastAnalysis: SharedAnalysis | undefined;

/** The shared analysis of `text`: the last one when it is the same text, else a new one that replaces it. */
export function sharedAnalysis(text: string, maxChars: number): SharedAnalysis {
  if (lastAnalysis?.text === text && lastAnalysis.maxChars === maxChars) return lastAnalysis;
  lastAnalysis = new SharedAnalysis(text, maxChars);
  return lastAnalysis;
}

/** A block's (feature index, count) pairs, in the order their terms first occur. */
interface Counts {
  f: ArrayLike<number>;
  c: ArrayLike<number>;
  n: number;
}

/** Vocabulary + IDF for every block, with feature indices laid out block after block. */
export class Vectorizer {
  private readonly index: Record<BlockName, Map<string, number>>;
  /** For `vectorize`: the char block's vocabulary, and the title block's character terms. */
  private tries: { char: Trie; title: Trie } | undefined;
  /** Scratch for `vectorize`: trie hits, and a count per feature (zero between calls). */
  private hits = new Hits();
  private scratch: Int32Array | undefined;

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
    const shared = sharedAnalysis(text, o.maxChars);
    const empty: Counts = { f: [], c: [], n: 0 };
    const counts: Record<BlockName, Counts> = { word: empty, char: empty, title: empty };
    if (o.wordWeight > 0) counts.word = this.known('word', shared.words(o.wordNgrams));
    const scratch = (this.scratch ??= new Int32Array(this.size));
    if (o.charWeight > 0) {
      countCharNgrams(shared.segments(), o.charNgrams, this.tries.char, this.hits);
      // Features in order of first occurrence, as a Map would have kept them (the sums in weigh follow it).
      const { buf, n } = this.hits;
      const f = new Int32Array(n);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const x = buf[i]!;
        if (scratch[x] === 0) f[k++] = x;
        scratch[x] = scratch[x]! + 1;
      }
      const c = new Int32Array(k);
      for (let i = 0; i < k; i++) {
        c[i] = scratch[f[i]!]!;
        scratch[f[i]!] = 0;
      }
      counts.char = { f, c, n: k };
    }
    if (o.titleWeight > 0) {
      const title = new Map<number, number>();
      const words = this.known('title', shared.titleWords());
      for (let i = 0; i < words.n; i++) title.set(words.f[i]!, words.c[i]!);
      countCharNgrams(shared.titleSegments(), o.titleCharNgrams, this.tries.title, this.hits);
      for (let i = 0; i < this.hits.n; i++) {
        const x = this.hits.buf[i]!;
        title.set(x, (title.get(x) ?? 0) + 1);
      }
      counts.title = { f: [...title.keys()], c: [...title.values()], n: title.size };
    }
    return this.weigh(counts);
  }

  /** The block's terms that are in the vocabulary, as (feature index, count). */
  private known(b: BlockName, terms: Map<string, number>): Counts {
    const f: number[] = [];
    const c: number[] = [];
    const index = this.index[b];
    for (const [t, n] of terms) {
      const x = index.get(t);
      if (x !== undefined) {
        f.push(x);
        c.push(n);
      }
    }
    return { f, c, n: f.length };
  }

  /** TF-IDF, each block L2-normalised and scaled by its weight, then the whole vector normalised. */
  private weigh(counts: Record<BlockName, Counts>): SparseVec {
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
      const { f: fs, c: cs, n } = counts[b];
      for (let i = 0; i < n; i++) {
        const f = fs[i]!;
        const c = cs[i]!;
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
