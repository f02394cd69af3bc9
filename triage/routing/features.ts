/**
 * Hashed TF-IDF features for letters. Six blocks, each TF-IDF weighted (sublinear tf), L2-normalised on
 * its own and scaled by its weight, then the whole vector L2-normalised; a block of weight 0 is not
 * computed at all (jieba is the slow part):
 *   text  — character 1–3-grams of the whole prepared message, punctuation and courtesies included;
 *   body  — character 1–3-grams of the body (salutation/closing removed, first `bodyChars` characters);
 *   words — jieba words and word bigrams of the same text;
 *   subject — words and character 1–2-grams of a subject line;
 *   request — words and character 2-grams of the request sentences (要求/希望/请…/建议);
 *   bodies — names of bodies and places (交警, 教育局, 街道…), see letter.ts.
 * Terms are hashed (FNV-1a) into 2^bits buckets: no vocabulary to store, a fixed-size model.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { bodiesIn, letterParts } from './letter.js';

let jieba: Jieba | undefined;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

export interface RoutingFeatureOptions {
  bits: number;
  bodyChars: number;
  weights: { text: number; body: number; words: number; subject: number; request: number; bodies: number };
}

export const DEFAULT_ROUTING_FEATURES: RoutingFeatureOptions = {
  bits: 20,
  bodyChars: 1200,
  // The plain character view beat every letter-aware block on held-out letters (docs/routing.md's table):
  // the other blocks stay available at weight 0.
  weights: { text: 1, body: 0, words: 0, subject: 0, request: 0, bodies: 0 },
};

export interface HashedVec {
  idx: Int32Array;
  val: Float32Array;
}

const BLOCK_SEEDS = { text: 0x06, body: 0x01, words: 0x02, subject: 0x03, request: 0x04, bodies: 0x05 } as const;
type Block = keyof typeof BLOCK_SEEDS;

/** FNV-1a over UTF-16 code units, seeded per block so blocks do not share buckets systematically. */
export function hashTerm(term: string, seed: number, mask: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & mask;
}

const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
const SEPARATOR_TOKEN = /^[^\p{L}\p{N}\p{M}]*$/u;

function foldDigits(s: string): string {
  return s.replace(/\d+/g, '0');
}

function addChars(text: string, lo: number, hi: number, out: Map<string, number>): void {
  for (const seg of text.split(SEPARATORS)) {
    if (seg === '') continue;
    const cs = Array.from(seg);
    for (let n = lo; n <= hi; n++) {
      for (let i = 0; i + n <= cs.length; i++) {
        const t = n === 1 ? cs[i]! : cs.slice(i, i + n).join('');
        out.set(t, (out.get(t) ?? 0) + 1);
      }
    }
  }
}

function addWords(text: string, bigrams: boolean, out: Map<string, number>): void {
  if (text === '') return;
  let prev = '';
  for (const t of segmenter().cut(text, true)) {
    if (SEPARATOR_TOKEN.test(t)) {
      prev = '';
      continue;
    }
    out.set(t, (out.get(t) ?? 0) + 1);
    if (bigrams && prev !== '') {
      const b = `${prev} ${t}`;
      out.set(b, (out.get(b) ?? 0) + 1);
    }
    prev = t;
  }
}

/** Character 1–3-grams over the whole text, whitespace runs as one space (a plain char analyser). */
function addPlainChars(text: string, out: Map<string, number>): void {
  const cs = Array.from(text.replace(/\s+/gu, ' ').trim());
  const add = (t: string): void => void out.set(t, (out.get(t) ?? 0) + 1);
  for (let i = 0; i < cs.length; i++) {
    add(cs[i]!);
    if (i + 1 < cs.length) add(cs[i]! + cs[i + 1]!);
    if (i + 2 < cs.length) add(cs[i]! + cs[i + 1]! + cs[i + 2]!);
  }
}

/** Raw term counts per block; hashing and weighting come later (shared by IDF fitting and prediction). */
export function analyzeLetter(prepared: string, opts: RoutingFeatureOptions): Record<Block, Map<string, number>> {
  const w = opts.weights;
  const out: Record<Block, Map<string, number>> = { text: new Map(), body: new Map(), words: new Map(), subject: new Map(), request: new Map(), bodies: new Map() };
  if (w.text > 0) addPlainChars(prepared, out.text);
  if (w.body <= 0 && w.words <= 0 && w.subject <= 0 && w.request <= 0 && w.bodies <= 0) return out;
  const parts = letterParts(prepared);
  const body = foldDigits(parts.body.length > opts.bodyChars ? parts.body.slice(0, opts.bodyChars) : parts.body);
  if (w.body > 0) addChars(body, 1, 3, out.body);
  if (w.words > 0) addWords(body, true, out.words);
  if (parts.subject && w.subject > 0) {
    const s = foldDigits(parts.subject);
    addWords(s, false, out.subject);
    addChars(s, 1, 2, out.subject);
  }
  if (w.request > 0) {
    for (const r of parts.requests) {
      const s = foldDigits(r);
      addWords(s, false, out.request);
      addChars(s, 2, 2, out.request);
    }
  }
  // Bodies named anywhere in the letter count, including beyond the body cut.
  if (w.bodies > 0) for (const b of bodiesIn(prepared)) out.bodies.set(b, 1);
  return out;
}

const BLOCK_NAMES = Object.keys(BLOCK_SEEDS) as Block[];

/** Buckets present in each block of a document (for document frequencies). */
export function bucketsOf(doc: Record<Block, Map<string, number>>, bits: number): Int32Array {
  const mask = (1 << bits) - 1;
  const set = new Set<number>();
  for (const b of BLOCK_NAMES) for (const t of doc[b].keys()) set.add(hashTerm(t, BLOCK_SEEDS[b], mask));
  return Int32Array.from(set);
}

/** TF-IDF vector of an analysed document with per-block L2 normalisation and block weights. */
export function vectorize(doc: Record<Block, Map<string, number>>, idf: Float32Array, opts: RoutingFeatureOptions): HashedVec {
  const mask = (1 << opts.bits) - 1;
  const acc = new Map<number, number>();
  for (const b of BLOCK_NAMES) {
    const w = opts.weights[b];
    if (w <= 0 || doc[b].size === 0) continue;
    const local = new Map<number, number>();
    for (const [t, c] of doc[b]) {
      const h = hashTerm(t, BLOCK_SEEDS[b], mask);
      const v = (1 + Math.log(c)) * (idf[h] ?? 1);
      local.set(h, (local.get(h) ?? 0) + v);
    }
    addNormalisedBlock(acc, local, w);
  }
  return toUnitSparse(acc);
}

/** Adds one block's values, scaled to unit length and weighted, into the accumulated vector. */
function addNormalisedBlock(acc: Map<number, number>, local: Map<number, number>, w: number): void {
  let norm = 0;
  for (const v of local.values()) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return;
  for (const [h, v] of local) acc.set(h, (acc.get(h) ?? 0) + (w * v) / norm);
}

/** The accumulated blocks as a sparse vector of unit length (insertion order kept). */
function toUnitSparse(acc: Map<number, number>): { idx: Int32Array; val: Float32Array } {
  let total = 0;
  for (const v of acc.values()) total += v * v;
  total = Math.sqrt(total) || 1;
  const idx = new Int32Array(acc.size);
  const val = new Float32Array(acc.size);
  let i = 0;
  for (const [h, v] of acc) {
    idx[i] = h;
    val[i] = v / total;
    i++;
  }
  return { idx, val };
}

/**
 * An open-addressing table from an n-gram of BMP characters (two int32 keys) to its term number, with
 * the terms' counts and buckets; reused from message to message (cleared slot by slot), so counting a
 * letter's n-grams allocates nothing per n-gram.
 */
class TermTable {
  hi = new Int32Array(1 << 12);
  lo = new Int32Array(1 << 12);
  at = new Int32Array(1 << 12);
  used = new Int32Array(1 << 11);
  nUsed = 0;
  counts = new Int32Array(1 << 11);
  hashes = new Int32Array(1 << 11);

  /** The term number of (hi, lo); else claims its slot for `next` and returns -1. */
  find(hi: number, lo: number, next: number): number {
    const mask = this.hi.length - 1;
    for (let s = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b)) >>> 0; ; s++) {
      const i = s & mask;
      const h = this.hi[i]!;
      if (h === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.at[i] = next;
        this.used[this.nUsed++] = i;
        return -1;
      }
      if (h === hi && this.lo[i] === lo) return this.at[i]!;
    }
  }

  clear(): void {
    for (let k = 0; k < this.nUsed; k++) this.hi[this.used[k]!] = 0;
    this.nUsed = 0;
  }
}

let table: TermTable | undefined;
/** The shared table, with room for `terms` terms at a load of at most one half. */
function termTable(terms: number): TermTable {
  table ??= new TermTable();
  if (table.counts.length < terms) {
    let n = table.counts.length;
    while (n < terms) n *= 2;
    table = Object.assign(new TermTable(), {
      hi: new Int32Array(n * 2),
      lo: new Int32Array(n * 2),
      at: new Int32Array(n * 2),
      used: new Int32Array(n),
      counts: new Int32Array(n),
      hashes: new Int32Array(n),
    });
  }
  return table;
}

/**
 * `vectorize(analyzeLetter(prepared, opts), idf, opts)` when only the plain character block is on (the
 * shipped setting), without a string per n-gram: a term is keyed by its code units as a pair of int32
 * keys in a reused table (a term with a character outside the BMP keeps a string key) and hashed once,
 * when first seen. Terms keep the order of first occurrence, so the sums run in the same order and the
 * vector is the same, bit for bit (tests/unit/triage-hot-path.test.ts). The routing model's features
 * were a string and a Map entry per n-gram of every letter.
 */
export function vectorizePlainChars(prepared: string, idf: Float32Array, opts: RoutingFeatureOptions): HashedVec {
  const w = opts.weights;
  if (w.body > 0 || w.words > 0 || w.subject > 0 || w.request > 0 || w.bodies > 0 || w.text <= 0) {
    return vectorize(analyzeLetter(prepared, opts), idf, opts);
  }
  const mask = (1 << opts.bits) - 1;
  const seed = (0x811c9dc5 ^ BLOCK_SEEDS.text) >>> 0;
  const text = prepared.replace(/\s+/gu, ' ').trim();
  // Code points of the text (Array.from's characters), and whether each lies outside the BMP.
  const cps: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    cps.push(cp);
    if (cp > 0xffff) i++;
  }
  const terms = termTable(cps.length * 3);
  const wideSlot = new Map<string, number>();
  let count = 0;
  const { counts, hashes } = terms;
  const unitsHash = (h: number, cp: number): number => {
    if (cp > 0xffff) {
      const c = cp - 0x10000;
      h = Math.imul(h ^ (0xd800 + (c >> 10)), 0x01000193);
      return Math.imul(h ^ (0xdc00 + (c & 0x3ff)), 0x01000193);
    }
    return Math.imul(h ^ cp, 0x01000193);
  };
  const add = (at: number, n: number): void => {
    let wide = false;
    for (let k = 0; k < n; k++) if (cps[at + k]! > 0xffff) wide = true;
    let j: number;
    if (wide) {
      const key = String.fromCodePoint(...cps.slice(at, at + n));
      j = wideSlot.get(key) ?? -1;
      if (j < 0) wideSlot.set(key, count);
    } else {
      // The n-gram as two int32 keys: n and the first unit, then the second and third units.
      const hi = (n << 16) | cps[at]!;
      const lo = n === 1 ? 0 : (cps[at + 1]! << 16) | (n === 3 ? cps[at + 2]! : 0);
      j = terms.find(hi, lo, count);
    }
    if (j >= 0) {
      counts[j]!++;
      return;
    }
    let h = seed;
    for (let k = 0; k < n; k++) h = unitsHash(h, cps[at + k]!);
    counts[count] = 1;
    hashes[count] = (h >>> 0) & mask;
    count++;
  };
  try {
    for (let i = 0; i < cps.length; i++) {
      add(i, 1);
      if (i + 1 < cps.length) add(i, 2);
      if (i + 2 < cps.length) add(i, 3);
    }
  } finally {
    terms.clear();
  }
  // From here on, vectorize's text block and final normalisation, over (hash, count) in term order.
  const acc = new Map<number, number>();
  if (count > 0) {
    const local = new Map<number, number>();
    for (let j = 0; j < count; j++) {
      const h = hashes[j]!;
      const v = (1 + Math.log(counts[j]!)) * (idf[h] ?? 1);
      local.set(h, (local.get(h) ?? 0) + v);
    }
    addNormalisedBlock(acc, local, w.text);
  }
  return toUnitSparse(acc);
}

/** Smoothed IDF per bucket from document frequencies: ln((1+N)/(1+df)) + 1. */
export function idfFromDocs(bucketLists: Int32Array[], bits: number): Float32Array {
  const df = new Uint32Array(1 << bits);
  for (const l of bucketLists) for (const h of l) df[h]!++;
  const n = bucketLists.length;
  const idf = new Float32Array(1 << bits);
  for (let h = 0; h < idf.length; h++) idf[h] = Math.log((1 + n) / (1 + df[h]!)) + 1;
  return idf;
}
