/**
 * The learned text classifier: TF-IDF features (features.ts) + softmax regression (softmax.ts),
 * with the regularisation strength chosen by inner cross-validation on the training data only.
 */
import { z } from 'zod';
import { analyze, DEFAULT_FEATURES, BLOCKS, Vectorizer, type AnalyzedDoc, type FeatureOptions, type BlockName, type SparseVec } from './features.js';
import { scores, softmaxInPlace, type SoftmaxParams } from './softmax.js';
import { fitComplementNb, linearScores } from './cnb.js';
import { cholesky, fitGram, gramMatrix, kernelScores, primalWeights, subMatrix, type LossName } from './kernel.js';
import { evaluate, stratifiedFolds } from './metrics.js';

export interface LabelledText {
  text: string;
  label: string;
}

export interface TrainOptions extends FeatureOptions {
  /**
   * 'squaredHinge': one-vs-rest L2-SVMs (better macro-F1 on long petitions, see docs/learner.md);
   * 'softmax': multinomial logistic regression (probabilities without a fitted scale).
   */
  loss: LossName;
  /**
   * Factor applied to the scores before the softmax that turns them into probabilities, or 'auto'
   * to fit it by log-loss on the inner-CV out-of-fold scores (always 1 for the softmax loss, whose
   * scores are already log-odds). SVM scores live around ±1, so without it probabilities are flat.
   */
  scoreScale: number | 'auto';
  /** L2 strength λ, or 'auto' to pick it from `lambdaGrid` by inner stratified CV on the training set. */
  lambda: number | 'auto';
  lambdaGrid: number[];
  /**
   * Weight γ of complement naive Bayes added to the softmax scores (a linear ensemble, free at
   * prediction time), or 'auto' to pick it from `cnbGrid` together with λ by inner CV.
   */
  cnbWeight: number | 'auto';
  cnbGrid: number[];
  /** What the inner CV maximises: macro-F1, or minus the mean log-loss (smoother, less noisy). */
  tuneMetric: 'macroF1' | 'logLoss';
  /** Folds of the inner CV used when lambda or cnbWeight is 'auto'. */
  tuneFolds: number;
  /** 'balanced' weighs each example by n / (K · n_class) so small classes are not drowned. */
  classWeight: 'balanced' | 'none';
  maxIterations: number;
  /** Unlabelled texts used only for IDF statistics (e.g. a large unlabelled dump); never stored in the model. */
  unlabelledTexts?: string[];
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = {
  ...DEFAULT_FEATURES,
  loss: 'squaredHinge',
  scoreScale: 'auto',
  lambda: 'auto',
  lambdaGrid: [3e-3, 1e-3, 3e-4, 1e-4],
  cnbWeight: 0,
  cnbGrid: [0, 0.5, 1, 2],
  tuneMetric: 'macroF1',
  tuneFolds: 3,
  classWeight: 'balanced',
  maxIterations: 300,
  seed: 1,
};

export interface Prediction {
  label: string;
  /** Probability per label, summing to 1. */
  probs: Record<string, number>;
}

export const MODEL_FORMAT = 'xinfang-text-model';
export const MODEL_VERSION = 1;

export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  labels: string[];
  features: FeatureOptions;
  /** Terms of each block joined by '\n' (terms never contain whitespace). */
  vocab: Record<BlockName, string>;
  /** Float32 IDF values, base64. */
  idf: string;
  /** Int16 weights W[f·K + k] · weightScale, base64 (quantised: ~4.5 significant digits of the largest weight). */
  weights: string;
  weightScale: number;
  bias: number[];
  meta: {
    lambda: number;
    cnbWeight: number;
    examples: number;
    classCounts: Record<string, number>;
    /** Absent in files written before the squared-hinge loss existed (they are softmax models). */
    loss?: LossName;
    /** Already folded into weights and bias; recorded so a retrain with fixed λ can reuse it. */
    scoreScale?: number;
  };
}

export interface TextModel {
  readonly labels: string[];
  predict(text: string): Prediction;
  toJSON(): SerializedModel;
}

class LinearTextModel implements TextModel {
  constructor(
    readonly labels: string[],
    private readonly vectorizer: Vectorizer,
    private readonly params: SoftmaxParams,
    private readonly meta: SerializedModel['meta'],
  ) {}

  probsOfDoc(doc: AnalyzedDoc): Float64Array {
    return this.probsOfVector(this.vectorizer.transform(doc));
  }

  private probsOfVector(x: SparseVec): Float64Array {
    const out = new Float64Array(this.labels.length);
    scores(this.params, this.labels.length, x, out);
    softmaxInPlace(out);
    return out;
  }

  predict(text: string): Prediction {
    const p = this.probsOfVector(this.vectorizer.vectorize(text));
    let best = 0;
    const probs: Record<string, number> = {};
    this.labels.forEach((l, k) => {
      probs[l] = p[k]!;
      if (p[k]! > p[best]!) best = k;
    });
    return { label: this.labels[best]!, probs };
  }

  toJSON(): SerializedModel {
    const { W, b } = this.params;
    let maxW = 0;
    for (let i = 0; i < W.length; i++) maxW = Math.max(maxW, Math.abs(W[i]!));
    const scale = maxW > 0 ? 32767 / maxW : 1;
    const q = new Int16Array(W.length);
    for (let i = 0; i < W.length; i++) q[i] = Math.round(W[i]! * scale);
    const vocab = {} as Record<BlockName, string>;
    for (const blk of BLOCKS) vocab[blk] = this.vectorizer.terms[blk].join('\n');
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      labels: [...this.labels],
      features: { ...this.vectorizer.opts },
      vocab,
      idf: Buffer.from(Float32Array.from(this.vectorizer.idf).buffer).toString('base64'),
      weights: Buffer.from(q.buffer).toString('base64'),
      weightScale: scale,
      bias: Array.from(b),
      meta: this.meta,
    };
  }
}

// ---------------------------------------------------------------- training

function validateExamples(examples: unknown): LabelledText[] {
  if (!Array.isArray(examples)) throw new Error('train: examples must be an array of { text, label }');
  examples.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || typeof (e as LabelledText).text !== 'string' || typeof (e as LabelledText).label !== 'string') {
      throw new Error(`train: example ${i} is not { text: string, label: string }`);
    }
    if ((e as LabelledText).label.trim() === '') throw new Error(`train: example ${i} has an empty label`);
  });
  const labels = new Set(examples.map((e: LabelledText) => e.label));
  if (labels.size < 2) throw new Error(`train: need at least 2 distinct labels, got ${labels.size}`);
  return examples as LabelledText[];
}

export function resolveOptions(opts: Partial<TrainOptions> = {}): TrainOptions {
  const o: TrainOptions = { ...DEFAULT_TRAIN };
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  return o;
}

interface AnalyzedSet {
  docs: AnalyzedDoc[];
  labels: string[];
  extra: AnalyzedDoc[];
}

function classWeights(y: Int32Array, K: number, mode: TrainOptions['classWeight']): Float64Array | undefined {
  if (mode === 'none') return undefined;
  const counts = new Array<number>(K).fill(0);
  for (const c of y) counts[c]! += 1;
  const w = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) w[i] = y.length / (K * counts[y[i]!]!);
  return w;
}

interface PreparedSet {
  vec: Vectorizer;
  X: SparseVec[];
  y: Int32Array;
  G: Float64Array;
  weights: Float64Array | undefined;
}

function prepare(set: AnalyzedSet, labelNames: string[], o: TrainOptions): PreparedSet {
  const vec = Vectorizer.fit(set.docs, o, set.extra);
  const pos = new Map(labelNames.map((l, i) => [l, i]));
  const y = Int32Array.from(set.labels.map((l) => pos.get(l)!));
  const X = set.docs.map((d) => vec.transform(d));
  return { vec, X, y, G: gramMatrix(X, vec.size), weights: classWeights(y, labelNames.length, o.classWeight) };
}

/**
 * Inner stratified CV on the training set only; returns the λ with the best mean macro-F1
 * (ties → stronger λ). Vocabulary and IDF come from the whole training set (unsupervised
 * statistics only); labels of an inner validation fold are never seen by its fit.
 */
export function tuneHyperParameters(
  p: PreparedSet,
  labels: string[],
  labelNames: string[],
  o: TrainOptions,
): { lambda: number; gamma: number; scale: number } {
  const grid = o.lambda === 'auto' ? [...o.lambdaGrid].sort((a, b) => b - a) : [o.lambda];
  const gammas = o.cnbWeight === 'auto' ? [...o.cnbGrid] : [o.cnbWeight];
  if (grid.length === 0 || gammas.length === 0) throw new Error('lambdaGrid / cnbGrid is empty');
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const k = Math.min(o.tuneFolds, ...counts.values());
  const wantScale = o.loss === 'squaredHinge' && o.scoreScale === 'auto';
  const fixedScale = o.loss === 'softmax' ? 1 : o.scoreScale === 'auto' ? 1 : o.scoreScale;
  const fallback = { lambda: grid[Math.floor(grid.length / 2)]!, gamma: gammas[0]!, scale: fixedScale };
  // With one candidate there is nothing to choose, but the SVM still needs out-of-fold scores for its scale.
  if ((grid.length === 1 && gammas.length === 1 && !wantScale) || k < 2) return fallback;
  const folds = stratifiedFolds(labels, k, o.seed + 7919);
  const K = labelNames.length;
  const n = labels.length;
  const f1 = grid.map(() => gammas.map(() => 0));
  // Out-of-fold scores (n×K) per (λ, γ): the scale of the chosen pair is fitted on them.
  const oof = grid.map(() => gammas.map(() => new Float64Array(n * K)));
  for (let f = 0; f < k; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    folds.forEach((fi, i) => (fi === f ? te : tr).push(i));
    const Gtr = subMatrix(p.G, n, tr, tr);
    const Gte = subMatrix(p.G, n, te, tr);
    const L = cholesky(Gtr, tr.length);
    const y = Int32Array.from(tr.map((i) => p.y[i]!));
    const sw = classWeights(y, K, o.classWeight);
    const truth = te.map((i) => labels[i]!);
    const needCnb = gammas.some((g) => g !== 0);
    const cnb = needCnb
      ? linearScores(te.map((i) => p.X[i]!), fitComplementNb(tr.map((i) => p.X[i]!), y, K, p.vec.size), K)
      : undefined;
    let warm: { C: Float64Array; b: Float64Array } | undefined;
    grid.forEach((lambda, gi) => {
      // Warm start along the decreasing-λ path: each fit starts near its optimum.
      const fit = fitGram({ G: Gtr, y, numClasses: K, sampleWeights: sw }, lambda, o.loss, { maxIterations: o.maxIterations }, warm, L);
      warm = { C: fit.C, b: fit.b };
      const s = kernelScores(Gte, te.length, tr.length, fit, K);
      gammas.forEach((gamma, ci) => {
        const combined = cnb ? s.map((v, idx) => v + gamma * cnb[idx]!) : s;
        te.forEach((i, r) => oof[gi]![ci]!.set(combined.subarray(r * K, r * K + K), i * K));
        if (o.tuneMetric === 'logLoss') {
          let ll = 0;
          te.forEach((i, r) => {
            const z = Float64Array.from(combined.subarray(r * K, r * K + K));
            const zy = z[p.y[i]!]!;
            ll += softmaxInPlace(z) - zy;
          });
          f1[gi]![ci]! -= ll / te.length / k;
        } else {
          const pred = te.map((_, r) => labelNames[argmax(combined.subarray(r * K, r * K + K))]!);
          f1[gi]![ci]! += evaluate(truth, pred, labelNames).macroF1 / k;
        }
      });
    });
  }
  // Ties go to the stronger λ (grid is in decreasing order) and the smaller γ.
  let best = { lambda: grid[0]!, gamma: gammas[0]!, f1: -Infinity };
  grid.forEach((lambda, gi) =>
    gammas.forEach((gamma, ci) => {
      if (f1[gi]![ci]! > best.f1 + 1e-9) best = { lambda, gamma, f1: f1[gi]![ci]! };
    }),
  );
  const gi = grid.indexOf(best.lambda);
  const ci = gammas.indexOf(best.gamma);
  return { lambda: best.lambda, gamma: best.gamma, scale: wantScale ? fitScoreScale(oof[gi]![ci]!, p.y, K) : fixedScale };
}

/**
 * The τ > 0 minimising the mean cross-entropy of softmax(τ·z) over out-of-fold scores z (a
 * one-parameter Platt scaling; convex in τ, so a golden-section search on log τ finds it).
 * Targets are smoothed as in Platt (1999), true class 1 − ε with ε = 1/(n/K + 2): when the
 * out-of-fold predictions are all right (small or easy sets) the plain log-loss would push τ to
 * infinity and every prediction to probability 1.
 */
export function fitScoreScale(scores: Float64Array, y: Int32Array, K: number): number {
  const eps = 1 / (y.length / K + 2);
  const other = eps / Math.max(1, K - 1);
  const nll = (tau: number): number => {
    let total = 0;
    const z = new Float64Array(K);
    for (let i = 0; i < y.length; i++) {
      let mean = 0;
      for (let k = 0; k < K; k++) {
        z[k] = tau * scores[i * K + k]!;
        mean += other * z[k]!;
      }
      const zy = z[y[i]!]!;
      // Σ_k t_k·(lse − z_k) with t = (1 − ε) on the true class and ε/(K−1) elsewhere.
      total += softmaxInPlace(z) - (1 - eps) * zy - (mean - other * zy);
    }
    return total / Math.max(1, y.length);
  };
  let lo = Math.log(0.01);
  let hi = Math.log(1000);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let it = 0; it < 60; it++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return best;
}

/** Trains on pre-analysed documents (CV analyses each text once and reuses it across folds). */
export function trainAnalyzed(set: AnalyzedSet, o: TrainOptions): LinearTextModel {
  const labelNames = [...new Set(set.labels)].sort();
  if (labelNames.length < 2) throw new Error(`train: need at least 2 distinct labels, got ${labelNames.length}`);
  const p = prepare(set, labelNames, o);
  const needsTuning = o.lambda === 'auto' || o.cnbWeight === 'auto' || (o.loss === 'squaredHinge' && o.scoreScale === 'auto');
  const { lambda, gamma, scale } = needsTuning
    ? tuneHyperParameters(p, set.labels, labelNames, o)
    : { lambda: o.lambda as number, gamma: o.cnbWeight as number, scale: o.loss === 'softmax' ? 1 : (o.scoreScale as number) };
  const K = labelNames.length;
  const fit = fitGram({ G: p.G, y: p.y, numClasses: K, sampleWeights: p.weights }, lambda, o.loss, { maxIterations: o.maxIterations });
  const W = primalWeights(p.X, fit.A, K, p.vec.size);
  if (gamma !== 0) {
    const cnb = fitComplementNb(p.X, p.y, K, p.vec.size);
    for (let i = 0; i < W.length; i++) W[i] = W[i]! + gamma * cnb[i]!;
  }
  const b = Float64Array.from(fit.b);
  if (scale !== 1) {
    for (let i = 0; i < W.length; i++) W[i] = W[i]! * scale;
    for (let k = 0; k < K; k++) b[k] = b[k]! * scale;
  }
  const classCounts: Record<string, number> = {};
  for (const l of set.labels) classCounts[l] = (classCounts[l] ?? 0) + 1;
  return new LinearTextModel(labelNames, p.vec, { W, b }, {
    lambda,
    cnbWeight: gamma,
    examples: set.docs.length,
    classCounts,
    loss: o.loss,
    scoreScale: scale,
  });
}

export function analyzeAll(texts: string[], o: FeatureOptions): AnalyzedDoc[] {
  return texts.map((t) => analyze(t, o));
}

export function train(examples: LabelledText[], opts: Partial<TrainOptions> = {}): TextModel {
  const ex = validateExamples(examples);
  const o = resolveOptions(opts);
  return trainAnalyzed(
    {
      docs: analyzeAll(ex.map((e) => e.text), o),
      labels: ex.map((e) => e.label),
      extra: analyzeAll(o.unlabelledTexts ?? [], o),
    },
    o,
  );
}

export function predictLabelOfDoc(model: TextModel, doc: AnalyzedDoc): string {
  if (!(model instanceof LinearTextModel)) throw new Error('not a LinearTextModel');
  return model.labels[argmax(model.probsOfDoc(doc))]!;
}

// ---------------------------------------------------------------- loading

const range = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const serializedSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  labels: z.array(z.string().min(1)).min(2),
  features: z.object({
    wordNgrams: range,
    charNgrams: range,
    titleCharNgrams: range,
    wordWeight: z.number().min(0),
    charWeight: z.number().min(0),
    titleWeight: z.number().min(0),
    minDf: z.number().int().min(1),
    sublinearTf: z.boolean(),
    maxChars: z.number().int().positive(),
  }),
  vocab: z.object({ word: z.string(), char: z.string(), title: z.string() }),
  idf: z.string(),
  weights: z.string(),
  weightScale: z.number().positive(),
  bias: z.array(z.number()),
  meta: z.object({
    lambda: z.number().min(0),
    cnbWeight: z.number(),
    examples: z.number().int().min(0),
    classCounts: z.record(z.string(), z.number().int().min(0)),
    loss: z.enum(['softmax', 'squaredHinge']).optional(),
    scoreScale: z.number().positive().optional(),
  }),
});

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(`invalid text model: ${message}`);
    this.name = 'ModelFormatError';
  }
}

function decodeBase64(s: string, what: string, bytesPer: number): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new ModelFormatError(`${what} is not base64`);
  const buf = Buffer.from(s, 'base64');
  if (buf.length % bytesPer !== 0) throw new ModelFormatError(`${what} has ${buf.length} bytes, not a multiple of ${bytesPer}`);
  return buf;
}

export function loadModel(json: unknown): TextModel {
  const parsed = serializedSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ModelFormatError(issues.join('; '));
  }
  const m = parsed.data;
  const K = m.labels.length;
  if (new Set(m.labels).size !== K) throw new ModelFormatError('labels contain duplicates');
  if (m.bias.length !== K) throw new ModelFormatError(`bias has ${m.bias.length} values for ${K} labels`);
  const terms = {} as Record<BlockName, string[]>;
  for (const b of BLOCKS) terms[b] = m.vocab[b] === '' ? [] : m.vocab[b].split('\n');
  const D = terms.word.length + terms.char.length + terms.title.length;
  const idfBuf = decodeBase64(m.idf, 'idf', 4);
  const wBuf = decodeBase64(m.weights, 'weights', 2);
  if (idfBuf.length / 4 !== D) throw new ModelFormatError(`idf has ${idfBuf.length / 4} values for ${D} terms`);
  if (wBuf.length / 2 !== D * K) throw new ModelFormatError(`weights has ${wBuf.length / 2} values, expected ${D * K}`);
  // Copy into aligned buffers: Buffer.from(base64) may not be aligned for typed-array views.
  const idf32 = new Float32Array(new Uint8Array(idfBuf).buffer);
  const q = new Int16Array(new Uint8Array(wBuf).buffer);
  const idf = Float64Array.from(idf32);
  if (idf.some((v) => !Number.isFinite(v) || v <= 0)) throw new ModelFormatError('idf contains non-positive or non-finite values');
  const W = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) W[i] = q[i]! / m.weightScale;
  const vec = new Vectorizer(m.features, terms, idf);
  return new LinearTextModel(m.labels, vec, { W, b: Float64Array.from(m.bias) }, m.meta);
}
