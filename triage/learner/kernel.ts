/**
 * Softmax regression fitted in the span of the training vectors (representer theorem).
 * With L2 regularisation the optimum satisfies W* = Xᵀ·A* for an n×K matrix A*, so the problem
 *   J(A, b) = (1/Σs)·Σ_i s_i·CE(G_i·A + b, y_i) + (λ/2)·tr(Aᵀ·G·A),   G = X·Xᵀ
 * has the same minimiser as the primal one but only n·K unknowns instead of D·K. With a few hundred
 * documents and tens of thousands of n-gram features this is ~50× cheaper per iteration, and the
 * Gram matrix of a training set serves every inner-CV fold and every λ of the tuning grid.
 */
import type { SparseVec } from './features.js';
import type { LbfgsOptions } from './lbfgs.js';
import { fitWeightsAndBias, softmaxInPlace, type FitStats, type Objective } from './softmax.js';

/** Dense symmetric Gram matrix G[i·n + j] = ⟨x_i, x_j⟩ of sparse vectors over `dim` features. */
export function gramMatrix(X: SparseVec[], dim: number): Float64Array {
  const n = X.length;
  const G = new Float64Array(n * n);
  const dense = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    const xi = X[i]!;
    for (let j = 0; j < xi.idx.length; j++) dense[xi.idx[j]!] = xi.val[j]!;
    for (let k = i; k < n; k++) {
      const xk = X[k]!;
      let s = 0;
      for (let j = 0; j < xk.idx.length; j++) s += dense[xk.idx[j]!]! * xk.val[j]!;
      G[i * n + k] = s;
      G[k * n + i] = s;
    }
    for (let j = 0; j < xi.idx.length; j++) dense[xi.idx[j]!] = 0;
  }
  return G;
}

/** Rows/columns `rows` × `cols` of an n×n matrix. */
export function subMatrix(G: Float64Array, n: number, rows: readonly number[], cols: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * cols.length);
  rows.forEach((r, i) => {
    const base = r * n;
    cols.forEach((c, j) => (out[i * cols.length + j] = G[base + c]!));
  });
  return out;
}

export interface KernelSoftmaxData {
  /** n×n Gram matrix of the training set. */
  G: Float64Array;
  y: Int32Array;
  numClasses: number;
  sampleWeights?: Float64Array;
}

export interface KernelParams {
  /** n×K coefficients: W = Xᵀ·A. */
  A: Float64Array;
  b: Float64Array;
}

/** out (rows×K) = M (rows×n) · A (n×K). */
function matMul(M: Float64Array, rows: number, n: number, A: Float64Array, K: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const mBase = i * n;
    const oBase = i * K;
    for (let j = 0; j < n; j++) {
      const m = M[mBase + j]!;
      if (m === 0) continue;
      const aBase = j * K;
      for (let k = 0; k < K; k++) out[oBase + k] = out[oBase + k]! + m * A[aBase + k]!;
    }
  }
}

/** Sizes and sample weights of a kernel problem; `total` is the weight sum the loss is divided by. */
function shapeOf(data: KernelSoftmaxData): { K: number; n: number; nK: number; sw: KernelSoftmaxData['sampleWeights']; total: number } {
  const K = data.numClasses;
  const n = data.y.length;
  const sw = data.sampleWeights;
  let total = 0;
  for (let i = 0; i < n; i++) total += sw ? sw[i]! : 1;
  return { K, n, nK: n * K, sw, total };
}

export function kernelObjective(data: KernelSoftmaxData, lambda: number): (theta: Float64Array, grad: Float64Array) => number {
  const { K, n, nK, sw, total } = shapeOf(data);
  const Z = new Float64Array(nK);
  const R = new Float64Array(nK);
  const z = new Float64Array(K);
  return (theta, grad) => {
    const A = theta.subarray(0, nK);
    const b = theta.subarray(nK);
    matMul(data.G, n, n, A, K, Z);
    let loss = 0;
    let reg = 0;
    const gb = grad.subarray(nK);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const w = (sw ? sw[i]! : 1) / total;
      const yi = data.y[i]!;
      for (let k = 0; k < K; k++) {
        const zk = Z[i * K + k]!;
        reg += A[i * K + k]! * zk;
        z[k] = zk + b[k]!;
      }
      const zy = z[yi]!;
      loss += w * (softmaxInPlace(z) - zy);
      z[yi] = z[yi]! - 1;
      for (let k = 0; k < K; k++) {
        const r = w * z[k]!;
        gb[k] = gb[k]! + r;
        R[i * K + k] = r + lambda * A[i * K + k]!;
      }
    }
    // ∇_A = G·(R + λA): one more n×n×K product.
    matMul(data.G, n, n, R, K, grad.subarray(0, nK));
    return loss + 0.5 * lambda * reg;
  };
}

export function fitKernelSoftmax(data: KernelSoftmaxData, lambda: number, lbfgs: Partial<LbfgsOptions> = {}, warmStart?: KernelParams): KernelParams & FitStats {
  if (!(lambda > 0)) throw new Error(`lambda must be > 0 for the kernel form, got ${lambda}`);
  const K = data.numClasses;
  const { weights, ...fit } = fitWeightsAndBias(kernelObjective(data, lambda), data.y.length * K, K, lbfgs, warmStart && { weights: warmStart.A, b: warmStart.b });
  return { A: weights, ...fit };
}

/** W (D×K, feature-major) = Xᵀ·A. */
export function primalWeights(X: SparseVec[], A: Float64Array, K: number, dim: number): Float64Array {
  const W = new Float64Array(dim * K);
  X.forEach((x, i) => {
    for (let j = 0; j < x.idx.length; j++) {
      const base = x.idx[j]! * K;
      const v = x.val[j]!;
      for (let k = 0; k < K; k++) W[base + k] = W[base + k]! + v * A[i * K + k]!;
    }
  });
  return W;
}

/** Scores of test rows from their kernel rows Gt (m×n) against the training set. */
export function kernelScores(Gt: Float64Array, m: number, n: number, p: KernelParams, K: number): Float64Array {
  const out = new Float64Array(m * K);
  matMul(Gt, m, n, p.A, K, out);
  for (let i = 0; i < m; i++) for (let k = 0; k < K; k++) out[i * K + k] = out[i * K + k]! + p.b[k]!;
  return out;
}

/**
 * Lower-triangular L with G + εI = L·Lᵀ. The jitter ε (relative to the mean diagonal) keeps the
 * factorisation defined when G is singular, e.g. with duplicate documents.
 */
export function cholesky(G: Float64Array, n: number, relativeJitter = 1e-8): Float64Array {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += G[i * n + i]!;
  const eps = Math.max(1e-12, (relativeJitter * trace) / Math.max(1, n));
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = G[i * n + j]! + (i === j ? eps : 0);
      const ri = i * n;
      const rj = j * n;
      for (let k = 0; k < j; k++) s -= L[ri + k]! * L[rj + k]!;
      if (i === j) L[ri + i] = Math.sqrt(Math.max(s, eps));
      else L[ri + j] = s / L[rj + j]!;
    }
  }
  return L;
}

/** Solves Lᵀ·A = C for A (n×K), L lower-triangular n×n. */
function solveUpperTransposed(L: Float64Array, n: number, C: Float64Array, K: number): Float64Array {
  const A = Float64Array.from(C);
  for (let i = n - 1; i >= 0; i--) {
    const d = L[i * n + i]!;
    for (let k = 0; k < K; k++) A[i * K + k] = A[i * K + k]! / d;
    // Row i of Lᵀ is column i of L: eliminate A_i from the rows above.
    for (let j = 0; j < i; j++) {
      const l = L[i * n + j]!;
      if (l === 0) continue;
      for (let k = 0; k < K; k++) A[j * K + k] = A[j * K + k]! - l * A[i * K + k]!;
    }
  }
  return A;
}

/**
 * Same minimiser as fitKernelSoftmax, better conditioned: with G = L·Lᵀ and W = Xᵀ·L⁻ᵀ·C, the
 * problem is an ordinary L2-regularised softmax regression on the n-dimensional rows of L with
 * ‖W‖ = ‖C‖, so L-BFGS needs as few iterations as in the primal, each far cheaper.
 */
export function fitGramSoftmax(data: KernelSoftmaxData, lambda: number, ...options: GramOptions): GramFit {
  return fitGram(data, lambda, 'softmax', ...options);
}

/** L-BFGS options, a warm start (C and b of an earlier fit) and the Cholesky factor of G if already known. */
type GramOptions = [lbfgs?: Partial<LbfgsOptions>, warmStart?: { C: Float64Array; b: Float64Array }, factor?: Float64Array];
type GramFit = KernelParams & FitStats & { C: Float64Array };

/** Loss of the linear model: multinomial log-loss, or one-vs-rest squared hinge (L2-SVM). */
export type LossName = 'softmax' | 'squaredHinge';

/** fitGramSoftmax for either loss; the squared hinge gives K independent one-vs-rest L2-SVMs. */
export function fitGram(
  data: KernelSoftmaxData,
  lambda: number,
  loss: LossName,
  ...[lbfgs = {}, warmStart, factor]: GramOptions
): GramFit {
  const n = data.y.length;
  const K = data.numClasses;
  const L = factor ?? cholesky(data.G, n);
  if (!(lambda > 0)) throw new Error(`lambda must be > 0, got ${lambda}`);
  const objective = loss === 'squaredHinge' ? lowerTriangularHingeObjective(L, data, lambda) : lowerTriangularObjective(L, data, lambda);
  const { weights, ...fit } = fitWeightsAndBias(objective, n * K, K, lbfgs, warmStart && { weights: warmStart.C, b: warmStart.b });
  return { A: solveUpperTransposed(L, n, weights, K), C: weights, ...fit };
}

/**
 * The loss of one example given its scores z (length K), its class y and its weight w. It returns the
 * weighted loss and overwrites z with the weighted gradient dLoss/dz; `false` from `active` means the
 * gradient is all zero (nothing to back-propagate).
 */
type ExampleLoss = (z: Float64Array, y: number, w: number) => { loss: number; active: boolean };

/**
 * The shared driver of the objectives on the rows of a dense lower-triangular L (the features of the
 * Cholesky form): θ = [C (n×K) | b (K)], scores Z = L·C + b, penalty (λ/2)·‖C‖², example weights
 * normalised to sum 1. Only the per-example loss differs between softmax and hinge.
 */
function lowerTriangularLoss(
  L: Float64Array,
  data: KernelSoftmaxData,
  lambda: number,
  exampleLoss: ExampleLoss,
): (theta: Float64Array, grad: Float64Array) => number {
  const { K, n, nK, sw, total } = shapeOf(data);
  const z = new Float64Array(K);
  return (theta, grad) => {
    let reg = 0;
    for (let i = 0; i < nK; i++) {
      const c = theta[i]!;
      reg += c * c;
      grad[i] = lambda * c;
    }
    for (let k = 0; k < K; k++) grad[nK + k] = 0;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let k = 0; k < K; k++) z[k] = theta[nK + k]!;
      for (let j = 0; j <= i; j++) {
        const l = L[row + j]!;
        const cb = j * K;
        for (let k = 0; k < K; k++) z[k] = z[k]! + l * theta[cb + k]!;
      }
      const ex = exampleLoss(z, data.y[i]!, (sw ? sw[i]! : 1) / total);
      loss += ex.loss;
      if (!ex.active) continue;
      for (let k = 0; k < K; k++) grad[nK + k] = grad[nK + k]! + z[k]!;
      for (let j = 0; j <= i; j++) {
        const l = L[row + j]!;
        const cb = j * K;
        for (let k = 0; k < K; k++) grad[cb + k] = grad[cb + k]! + l * z[k]!;
      }
    }
    return loss + 0.5 * lambda * reg;
  };
}

/** Softmax objective on the rows of L (see lowerTriangularLoss). */
export function lowerTriangularObjective(L: Float64Array, data: KernelSoftmaxData, lambda: number): Objective {
  return lowerTriangularLoss(L, data, lambda, (z, y, w) => {
    const zy = z[y]!;
    const loss = w * (softmaxInPlace(z) - zy);
    z[y] = z[y]! - 1;
    for (let k = 0; k < z.length; k++) z[k] = z[k]! * w;
    return { loss, active: true };
  });
}

/**
 * One-vs-rest squared hinge on the rows of L: for every class k, Σ_i s_i·max(0, 1 − t_ik·z_ik)² with
 * t_ik = +1 for the example's class and −1 otherwise, weighted like the softmax objective, plus
 * (λ/2)·‖C‖². Differentiable (the squared hinge is C¹), so L-BFGS applies as for the softmax.
 */
export function lowerTriangularHingeObjective(L: Float64Array, data: KernelSoftmaxData, lambda: number): Objective {
  return lowerTriangularLoss(L, data, lambda, (z, y, w) => {
    let loss = 0;
    let active = false;
    for (let k = 0; k < z.length; k++) {
      const t = k === y ? 1 : -1;
      const margin = 1 - t * z[k]!;
      if (margin > 0) {
        loss += w * margin * margin;
        z[k] = -2 * w * margin * t;
        active = true;
      } else {
        z[k] = 0;
      }
    }
    return { loss, active };
  });
}
