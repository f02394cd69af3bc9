/**
 * Complement naive Bayes (Rennie et al. 2003) on TF-IDF vectors, with weight normalisation.
 * Its scores are linear in x, so adding γ·W_cnb to the softmax weights gives an ensemble that
 * costs nothing at prediction time. Weights are scaled so the scores have unit spread across
 * classes on the training set, which makes γ comparable between data sets.
 */
import type { SparseVec } from './features.js';

export function fitComplementNb(X: SparseVec[], y: Int32Array, K: number, dim: number, alpha = 1): Float64Array {
  const perClass = new Float64Array(dim * K);
  const total = new Float64Array(dim);
  X.forEach((x, i) => {
    const c = y[i]!;
    for (let j = 0; j < x.idx.length; j++) {
      const f = x.idx[j]!;
      perClass[f * K + c] = perClass[f * K + c]! + x.val[j]!;
      total[f] = total[f]! + x.val[j]!;
    }
  });
  const classMass = new Float64Array(K);
  let allMass = 0;
  for (let f = 0; f < dim; f++) {
    allMass += total[f]!;
    for (let c = 0; c < K; c++) classMass[c] = classMass[c]! + perClass[f * K + c]!;
  }
  const W = new Float64Array(dim * K);
  const absSum = new Float64Array(K);
  for (let f = 0; f < dim; f++) {
    for (let c = 0; c < K; c++) {
      const comp = total[f]! - perClass[f * K + c]!;
      const compMass = allMass - classMass[c]!;
      // A feature frequent outside class c is evidence against c: weight −log θ̄_cf … as a score for c.
      const w = -Math.log((alpha + comp) / (alpha * dim + compMass));
      W[f * K + c] = w;
      absSum[c] = absSum[c]! + Math.abs(w);
    }
  }
  for (let f = 0; f < dim; f++) for (let c = 0; c < K; c++) W[f * K + c] = W[f * K + c]! / (absSum[c]! || 1);
  // Centre per feature (shifts every class score by the same amount, so argmax is unchanged) and
  // scale to unit spread of the class scores over the training documents.
  for (let f = 0; f < dim; f++) {
    let m = 0;
    for (let c = 0; c < K; c++) m += W[f * K + c]!;
    m /= K;
    for (let c = 0; c < K; c++) W[f * K + c] = W[f * K + c]! - m;
  }
  let sq = 0;
  let count = 0;
  const s = new Float64Array(K);
  for (const x of X) {
    s.fill(0);
    for (let j = 0; j < x.idx.length; j++) {
      const base = x.idx[j]! * K;
      for (let c = 0; c < K; c++) s[c] = s[c]! + x.val[j]! * W[base + c]!;
    }
    for (let c = 0; c < K; c++) sq += s[c]! * s[c]!;
    count += K;
  }
  const sd = Math.sqrt(sq / Math.max(1, count));
  if (sd > 0) for (let i = 0; i < W.length; i++) W[i] = W[i]! / sd;
  return W;
}

/** Scores (m×K) of sparse rows under feature-major weights. */
export function linearScores(X: SparseVec[], W: Float64Array, K: number): Float64Array {
  const out = new Float64Array(X.length * K);
  X.forEach((x, i) => {
    for (let j = 0; j < x.idx.length; j++) {
      const base = x.idx[j]! * K;
      const v = x.val[j]!;
      for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! + v * W[base + c]!;
    }
  });
  return out;
}
