/**
 * The department routing model: hashed letter features (features.ts) + partial-label multinomial
 * logistic regression (linear.ts), with a temperature for calibrated probabilities. Input text must be
 * prepared (prepareText) the same way at training and at run time.
 */
import { z } from 'zod';
import { DEPARTMENT_CODES, type DepartmentCode } from '../../kernel/taxonomy.js';
import { analyzeLetter, bucketsOf, DEFAULT_ROUTING_FEATURES, vectorize, vectorizePlainChars, type HashedVec, type RoutingFeatureOptions } from './features.js';
import { fitOneVsRestSvm, linearScores, softmaxInPlace, type LinearParams, type PartialExample, type SparseRow } from './linear.js';

export const ROUTING_MODEL_FORMAT = 'xinfang-routing-model';
export const ROUTING_MODEL_VERSION = 1;

export interface RoutingExample {
  /** Prepared text (prepareText). */
  text: string;
  /** Acceptable department codes (any of them is right); non-empty. */
  labels: DepartmentCode[];
  weight: number;
}

export interface RoutingTrainOptions {
  features: RoutingFeatureOptions;
  /** SVM cost per unit example weight. */
  C: number;
  /** A bucket must occur in this many documents (labelled or unlabelled) to get a weight. */
  minDf: number;
  epochs: number;
  /** Prepared texts used only for document frequencies (IDF and minDf). */
  unlabelledTexts?: string[];
}

export const DEFAULT_ROUTING_TRAIN: RoutingTrainOptions = {
  features: DEFAULT_ROUTING_FEATURES,
  C: 1,
  minDf: 2,
  epochs: 30,
};

export interface SerializedRoutingModel {
  format: typeof ROUTING_MODEL_FORMAT;
  version: typeof ROUTING_MODEL_VERSION;
  labels: DepartmentCode[];
  features: RoutingFeatureOptions;
  /** Active hash buckets (Int32, base64), ascending. */
  buckets: string;
  /** IDF per active bucket (Float32, base64). */
  idf: string;
  /** Int16 weights W[i·K + k] · weightScale for active bucket i (base64). */
  weights: string;
  weightScale: number;
  bias: number[];
  /** Applied to the scores before the softmax; fitted on out-of-fold predictions. */
  temperature: number;
  /** documents: size of the document-frequency corpus (fixes the IDF of rare buckets). */
  meta: { C: number; examples: number; documents: number; classCounts: Record<string, number> };
}

export interface RoutingPrediction {
  probs: Record<DepartmentCode, number>;
  /** Codes by probability, high to low. */
  ranked: Array<[DepartmentCode, number]>;
}

export class RoutingModel {
  private readonly compact: Int32Array;

  constructor(
    readonly labels: DepartmentCode[],
    readonly features: RoutingFeatureOptions,
    /** Active buckets, ascending. */
    private readonly buckets: Int32Array,
    /** Full-size IDF (1 for inactive buckets: they carry no weight anyway). */
    private readonly idfFull: Float32Array,
    private readonly params: LinearParams,
    public temperature: number,
    readonly meta: SerializedRoutingModel['meta'],
  ) {
    this.compact = new Int32Array(1 << features.bits).fill(-1);
    buckets.forEach((b, i) => (this.compact[b] = i));
  }

  /** The sparse row of a prepared text in the model's compact feature space. */
  row(prepared: string): SparseRow {
    return toRow(vectorizePlainChars(prepared, this.idfFull, this.features), this.compact);
  }

  scores(x: SparseRow): Float64Array {
    const s = new Float64Array(this.labels.length);
    linearScores(this.params, this.labels.length, x, s);
    return s;
  }

  probsOfRow(x: SparseRow, temperature = this.temperature): Float64Array {
    const s = this.scores(x);
    for (let k = 0; k < s.length; k++) s[k] = s[k]! / temperature;
    softmaxInPlace(s);
    return s;
  }

  predict(prepared: string): RoutingPrediction {
    const p = this.probsOfRow(this.row(prepared));
    const probs = {} as Record<DepartmentCode, number>;
    this.labels.forEach((l, k) => (probs[l] = p[k]!));
    const ranked = this.labels.map((l, k) => [l, p[k]!] as [DepartmentCode, number]).sort((a, b) => b[1] - a[1]);
    return { probs, ranked };
  }

  toJSON(): SerializedRoutingModel {
    const K = this.labels.length;
    let max = 0;
    for (const w of this.params.W) max = Math.max(max, Math.abs(w));
    const weightScale = max > 0 ? 32767 / max : 1;
    const q = new Int16Array(this.params.W.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.params.W[i]! * weightScale);
    const idf = new Float32Array(this.buckets.length);
    this.buckets.forEach((b, i) => (idf[i] = this.idfFull[b]!));
    return {
      format: ROUTING_MODEL_FORMAT,
      version: ROUTING_MODEL_VERSION,
      labels: this.labels,
      features: this.features,
      buckets: b64(this.buckets),
      idf: b64(idf),
      weights: b64(q),
      weightScale,
      bias: Array.from(this.params.b.subarray(0, K)),
      temperature: this.temperature,
      meta: this.meta,
    };
  }
}

/** IDF shared by every bucket below minDf (that of a term seen once). */
export const rareIdf = (n: number): number => Math.log((1 + n) / 2) + 1;

function toRow(v: HashedVec, compact: Int32Array): SparseRow {
  const idx = new Int32Array(v.idx.length);
  for (let j = 0; j < v.idx.length; j++) idx[j] = compact[v.idx[j]!]!;
  return { idx, val: v.val };
}

const b64 = (a: Int32Array | Float32Array | Int16Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64<T>(s: string, ctor: new (buf: ArrayBuffer) => T): T {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new ctor(copy);
}

/** Analysed + vectorised training documents, reusable across folds and λ values. */
export interface PreparedCorpus {
  documents: number;
  features: RoutingFeatureOptions;
  buckets: Int32Array;
  idfFull: Float32Array;
  compact: Int32Array;
  rows: SparseRow[];
}

/** Document frequencies over labelled + unlabelled texts, active buckets (df ≥ minDf), rows of the labelled texts. */
export function prepareCorpus(texts: string[], opts: Pick<RoutingTrainOptions, 'features' | 'minDf' | 'unlabelledTexts'>): PreparedCorpus {
  const f = opts.features;
  const size = 1 << f.bits;
  const docs = texts.map((t) => analyzeLetter(t, f));
  const df = new Uint32Array(size);
  let n = 0;
  const count = (d: ReturnType<typeof analyzeLetter>): void => {
    for (const h of bucketsOf(d, f.bits)) df[h]!++;
    n++;
  };
  docs.forEach(count);
  for (const t of opts.unlabelledTexts ?? []) count(analyzeLetter(t, f));
  const idfFull = new Float32Array(size);
  const active: number[] = [];
  for (let h = 0; h < size; h++) {
    // Rare buckets get no weight but still count in the vector's norm, with one shared IDF the loader can restore.
    if (df[h]! >= opts.minDf) {
      idfFull[h] = Math.log((1 + n) / (1 + df[h]!)) + 1;
      active.push(h);
    } else idfFull[h] = rareIdf(n);
  }
  const buckets = Int32Array.from(active);
  const compact = new Int32Array(size).fill(-1);
  buckets.forEach((b, i) => (compact[b] = i));
  const rows = docs.map((d) => toRow(vectorize(d, idfFull, f), compact));
  return { documents: n, features: f, buckets, idfFull, compact, rows };
}

export function fitOnCorpus(
  corpus: PreparedCorpus,
  examples: Array<{ row: SparseRow; labels: DepartmentCode[]; weight: number }>,
  opts: Pick<RoutingTrainOptions, 'C' | 'epochs'>,
): RoutingModel {
  const labels = [...DEPARTMENT_CODES];
  const K = labels.length;
  const data: PartialExample[] = examples
    .filter((e) => e.labels.length > 0 && e.weight > 0)
    .map((e) => ({ x: e.row, labels: e.labels.map((l) => labels.indexOf(l)), weight: e.weight }));
  const params = fitOneVsRestSvm(data, K, corpus.buckets.length, opts.C, { epochs: opts.epochs });
  const classCounts: Record<string, number> = {};
  for (const e of examples) for (const l of e.labels) classCounts[l] = (classCounts[l] ?? 0) + 1;
  return new RoutingModel(labels, corpus.features, corpus.buckets, corpus.idfFull, params, 1, { C: opts.C, examples: data.length, documents: corpus.documents, classCounts });
}

export function trainRouting(examples: RoutingExample[], opts: Partial<RoutingTrainOptions> = {}): RoutingModel {
  const o = { ...DEFAULT_ROUTING_TRAIN, ...opts };
  const corpus = prepareCorpus(examples.map((e) => e.text), o);
  return fitOnCorpus(corpus, examples.map((e, i) => ({ row: corpus.rows[i]!, labels: e.labels, weight: e.weight })), o);
}

const serializedSchema = z.object({
  format: z.literal(ROUTING_MODEL_FORMAT),
  version: z.literal(ROUTING_MODEL_VERSION),
  labels: z.array(z.enum(DEPARTMENT_CODES)).min(2),
  features: z.object({
    bits: z.number().int().min(8).max(24),
    bodyChars: z.number().int().positive(),
    weights: z.object({ text: z.number().default(0), body: z.number(), words: z.number(), subject: z.number(), request: z.number(), bodies: z.number() }),
  }),
  buckets: z.string(),
  idf: z.string(),
  weights: z.string(),
  weightScale: z.number().positive(),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
  meta: z.object({ C: z.number(), examples: z.number(), documents: z.number().int().min(0), classCounts: z.record(z.string(), z.number()) }),
});

export class RoutingModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutingModelError';
  }
}

export function loadRoutingModel(json: unknown): RoutingModel {
  const parsed = serializedSchema.safeParse(json);
  if (!parsed.success) throw new RoutingModelError(`not a routing model: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const m = parsed.data;
  const K = m.labels.length;
  const buckets = fromB64(m.buckets, Int32Array);
  const idf = fromB64(m.idf, Float32Array);
  const q = fromB64(m.weights, Int16Array);
  if (idf.length !== buckets.length || q.length !== buckets.length * K || m.bias.length !== K) {
    throw new RoutingModelError(`routing model arrays do not fit: ${buckets.length} buckets, ${idf.length} idf, ${q.length} weights, ${K} labels`);
  }
  const idfFull = new Float32Array(1 << m.features.bits).fill(rareIdf(m.meta.documents));
  buckets.forEach((b, i) => (idfFull[b] = idf[i]!));
  const W = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) W[i] = q[i]! / m.weightScale;
  return new RoutingModel(m.labels, m.features, buckets, idfFull, { W, b: Float64Array.from(m.bias) }, m.temperature, m.meta);
}
