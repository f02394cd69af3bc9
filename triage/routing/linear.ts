/**
 * Multinomial logistic regression in the primal over sparse vectors, with weighted examples and
 * *partial labels*: an example lists every acceptable class T_i and pays −log Σ_{t∈T_i} p_t, so a letter
 * answered by a street office that also names a school teaches "street_office or education" without
 * forcing either. Fitted by L-BFGS (triage/learner/lbfgs.ts); deterministic. Cost per evaluation is
 * O(nnz · K), memory O(D · K): fine for tens of thousands of letters.
 */
import { minimize } from '../learner/lbfgs.js';

export interface SparseRow {
  idx: Int32Array;
  val: Float32Array;
}

export interface PartialExample {
  x: SparseRow;
  /** Indices of the acceptable classes (non-empty). */
  labels: number[];
  weight: number;
}

export interface LinearParams {
  /** W[f·K + k] */
  W: Float64Array;
  b: Float64Array;
}

/** Scores s_k = b_k + Σ x_f W[f·K+k] into `out`. */
export function linearScores(p: LinearParams, K: number, x: SparseRow, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = p.b[k]!;
  for (let j = 0; j < x.idx.length; j++) {
    const f = x.idx[j]!;
    if (f < 0) continue;
    const v = x.val[j]!;
    const base = f * K;
    for (let k = 0; k < K; k++) out[k] = out[k]! + v * p.W[base + k]!;
  }
}

export function softmaxInPlace(s: Float64Array): void {
  let m = -Infinity;
  for (let k = 0; k < s.length; k++) if (s[k]! > m) m = s[k]!;
  let z = 0;
  for (let k = 0; k < s.length; k++) {
    s[k] = Math.exp(s[k]! - m);
    z += s[k]!;
  }
  for (let k = 0; k < s.length; k++) s[k] = s[k]! / z;
}

/** The objective and its gradient over θ = [W, b]; λ/2‖W‖² (bias unpenalised); loss averaged by total weight. */
export function partialLabelObjective(data: PartialExample[], K: number, D: number, lambda: number): (theta: Float64Array, grad: Float64Array) => number {
  const totalWeight = data.reduce((s, e) => s + e.weight, 0) || 1;
  const s = new Float64Array(K);
  const q = new Float64Array(K);
  return (theta, grad) => {
    const W = theta.subarray(0, D * K);
    const b = theta.subarray(D * K);
    const gW = grad.subarray(0, D * K);
    const gb = grad.subarray(D * K);
    grad.fill(0);
    let loss = 0;
    const p = { W, b } as unknown as LinearParams;
    for (const e of data) {
      linearScores(p, K, e.x, s);
      softmaxInPlace(s);
      let inT = 0;
      for (const t of e.labels) inT += s[t]!;
      loss -= e.weight * Math.log(Math.max(inT, 1e-300));
      // d/ds_k = p_k − q_k, q = p restricted to T and renormalised.
      const c = e.weight / totalWeight;
      const g = s;
      q.fill(0);
      for (const t of e.labels) q[t] = s[t]! / Math.max(inT, 1e-300);
      for (let k = 0; k < K; k++) g[k] = c * (g[k]! - q[k]!);
      for (let k = 0; k < K; k++) gb[k] = gb[k]! + g[k]!;
      for (let j = 0; j < e.x.idx.length; j++) {
        const f = e.x.idx[j]!;
        if (f < 0) continue;
        const v = e.x.val[j]!;
        const base = f * K;
        for (let k = 0; k < K; k++) gW[base + k] = gW[base + k]! + v * g[k]!;
      }
    }
    loss /= totalWeight;
    let reg = 0;
    for (let i = 0; i < W.length; i++) {
      reg += W[i]! * W[i]!;
      gW[i] = gW[i]! + lambda * W[i]!;
    }
    return loss + 0.5 * lambda * reg;
  };
}

export function fitPartialLabel(
  data: PartialExample[],
  K: number,
  D: number,
  lambda: number,
  opts: { maxIterations?: number; init?: LinearParams } = {},
): LinearParams {
  const theta0 = new Float64Array(D * K + K);
  if (opts.init) {
    theta0.set(opts.init.W, 0);
    theta0.set(opts.init.b, D * K);
  }
  const r = minimize(partialLabelObjective(data, K, D, lambda), theta0, {
    maxIterations: opts.maxIterations ?? 200,
    gradientTolerance: 1e-5,
    relativeTolerance: 1e-7,
  });
  return { W: r.x.slice(0, D * K), b: r.x.slice(D * K) };
}

/**
 * One-vs-rest L2-loss (squared-hinge) SVMs by dual coordinate descent (Hsieh et al. 2008, liblinear's
 * default solver): O(nnz) per epoch and class, so ten thousand letters train in seconds. An example is
 * positive for every class in its label set and negative for the rest; its weight scales its C. The bias
 * is an extra constant feature (regularised, as in liblinear). Deterministic: a seeded example order.
 */
export function fitOneVsRestSvm(
  data: PartialExample[],
  K: number,
  D: number,
  C: number,
  opts: { epochs?: number; tolerance?: number; seed?: number; biasFeature?: number } = {},
): LinearParams {
  const epochs = opts.epochs ?? 30;
  const tol = opts.tolerance ?? 0.01;
  const biasX = opts.biasFeature ?? 1;
  const n = data.length;
  const sq = new Float64Array(n);
  data.forEach((e, i) => {
    let s = biasX * biasX;
    for (let j = 0; j < e.x.val.length; j++) if (e.x.idx[j]! >= 0) s += e.x.val[j]! * e.x.val[j]!;
    sq[i] = s;
  });
  const W = new Float64Array(D * K);
  const b = new Float64Array(K);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = (opts.seed ?? 1) >>> 0 || 1;
  const rand = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const w = new Float64Array(D);
  const alpha = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    w.fill(0);
    alpha.fill(0);
    let wb = 0;
    const y = data.map((e) => (e.labels.includes(k) ? 1 : -1));
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      let maxPG = 0;
      for (const i of order) {
        const e = data[i]!;
        const Dii = 1 / (2 * C * e.weight);
        let dot = wb * biasX;
        for (let j = 0; j < e.x.idx.length; j++) {
          const f = e.x.idx[j]!;
          if (f >= 0) dot += w[f]! * e.x.val[j]!;
        }
        const yi = y[i]!;
        const G = yi * dot - 1 + Dii * alpha[i]!;
        const pg = alpha[i] === 0 ? Math.min(G, 0) : G;
        if (Math.abs(pg) > maxPG) maxPG = Math.abs(pg);
        if (pg === 0) continue;
        const old = alpha[i]!;
        const a = Math.max(old - G / (sq[i]! + Dii), 0);
        const d = (a - old) * yi;
        if (d === 0) continue;
        alpha[i] = a;
        wb += d * biasX;
        for (let j = 0; j < e.x.idx.length; j++) {
          const f = e.x.idx[j]!;
          if (f >= 0) w[f] = w[f]! + d * e.x.val[j]!;
        }
      }
      if (maxPG < tol) break;
    }
    for (let f = 0; f < D; f++) W[f * K + k] = w[f]!;
    b[k] = wb * biasX;
  }
  return { W, b };
}
