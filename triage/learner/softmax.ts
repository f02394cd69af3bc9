/**
 * Multinomial logistic regression (softmax) on sparse vectors, L2-regularised, fitted with L-BFGS.
 *   J(W, b) = (1 / Σs) · Σ_i s_i · −log p(y_i | x_i) + (λ / 2) · ‖W‖²     (bias not penalised)
 * Weights are laid out feature-major (W[f·K + k]) so a sparse dot product touches contiguous memory.
 */
import type { SparseVec } from './features.js';
import { minimize, type LbfgsOptions } from './lbfgs.js';

export interface SoftmaxData {
  X: SparseVec[];
  /** Class index per example, 0..K-1. */
  y: Int32Array;
  /** Per-example weight (e.g. class balancing); all ones when omitted. */
  sampleWeights?: Float64Array;
  numClasses: number;
  numFeatures: number;
}

export interface SoftmaxParams {
  W: Float64Array;
  b: Float64Array;
}

/** Writes class scores for x into `out` (length K). */
export function scores(params: SoftmaxParams, K: number, x: SparseVec, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = params.b[k]!;
  const { W } = params;
  for (let j = 0; j < x.idx.length; j++) {
    const base = x.idx[j]! * K;
    const v = x.val[j]!;
    for (let k = 0; k < K; k++) out[k] = out[k]! + v * W[base + k]!;
  }
}

/** In-place softmax, shifted by the max for numerical safety. Returns log Σ exp(z). */
export function softmaxInPlace(z: Float64Array): number {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k]! > max) max = z[k]!;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp(z[k]! - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = z[k]! / sum;
  return max + Math.log(sum);
}

/** θ = [W (D·K) | b (K)]: the objective and its gradient, as L-BFGS wants them. */
export function objective(data: SoftmaxData, lambda: number): (theta: Float64Array, grad: Float64Array) => number {
  const K = data.numClasses;
  const DK = data.numFeatures * K;
  const n = data.X.length;
  const sw = data.sampleWeights;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += sw ? sw[i]! : 1;
  const z = new Float64Array(K);
  return (theta, grad) => {
    const params: SoftmaxParams = { W: theta.subarray(0, DK), b: theta.subarray(DK) };
    let loss = 0;
    for (let i = 0; i < DK; i++) grad[i] = lambda * theta[i]!;
    for (let k = 0; k < K; k++) grad[DK + k] = 0;
    for (let i = 0; i < n; i++) {
      const x = data.X[i]!;
      const yi = data.y[i]!;
      const w = (sw ? sw[i]! : 1) / totalWeight;
      scores(params, K, x, z);
      const zy = z[yi]!;
      const lse = softmaxInPlace(z);
      loss += w * (lse - zy);
      z[yi] = z[yi]! - 1;
      for (let k = 0; k < K; k++) {
        z[k] = z[k]! * w;
        grad[DK + k] = grad[DK + k]! + z[k]!;
      }
      for (let j = 0; j < x.idx.length; j++) {
        const base = x.idx[j]! * K;
        const v = x.val[j]!;
        for (let k = 0; k < K; k++) grad[base + k] = grad[base + k]! + v * z[k]!;
      }
    }
    let reg = 0;
    for (let i = 0; i < DK; i++) reg += theta[i]! * theta[i]!;
    return loss + 0.5 * lambda * reg;
  };
}

export function fitSoftmax(
  data: SoftmaxData,
  lambda: number,
  lbfgs: Partial<LbfgsOptions> = {},
  warmStart?: SoftmaxParams,
): SoftmaxParams & FitStats {
  if (!(lambda >= 0)) throw new Error(`lambda must be ≥ 0, got ${lambda}`);
  const K = data.numClasses;
  const { weights, ...fit } = fitWeightsAndBias(objective(data, lambda), data.numFeatures * K, K, lbfgs, warmStart && { weights: warmStart.W, b: warmStart.b });
  return { W: weights, ...fit };
}

/** A loss over θ that also writes its gradient into `grad`. */
export type Objective = (theta: Float64Array, grad: Float64Array) => number;
/** How an L-BFGS fit ended. */
export type FitStats = { loss: number; iterations: number; converged: boolean };

/**
 * Minimises an objective over θ = [weights (size entries) | biases (K)], from a warm start when given
 * (the primal and kernel forms differ only in what the weights are).
 */
export function fitWeightsAndBias(
  f: Objective,
  size: number,
  K: number,
  lbfgs: Partial<LbfgsOptions>,
  warmStart?: { weights: Float64Array; b: Float64Array },
): FitStats & { weights: Float64Array; b: Float64Array } {
  const theta0 = new Float64Array(size + K);
  if (warmStart) {
    theta0.set(warmStart.weights, 0);
    theta0.set(warmStart.b, size);
  }
  const res = minimize(f, theta0, lbfgs);
  return { weights: res.x.slice(0, size), b: res.x.slice(size), loss: res.value, iterations: res.iterations, converged: res.converged };
}
