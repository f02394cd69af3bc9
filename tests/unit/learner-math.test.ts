import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { minimize } from '../../triage/learner/lbfgs.js';
import { objective, fitSoftmax, type SoftmaxData } from '../../triage/learner/softmax.js';
import { gramMatrix, kernelObjective, fitGramSoftmax, fitGram, primalWeights, cholesky, lowerTriangularHingeObjective } from '../../triage/learner/kernel.js';
import { fitScoreScale } from '../../triage/learner/model.js';
import { softmaxInPlace } from '../../triage/learner/softmax.js';
import { Vectorizer, idfOf, DEFAULT_FEATURES, type AnalyzedDoc, type SparseVec } from '../../triage/learner/features.js';
import { makeRng } from '../../triage/learner/prng.js';
import { fitComplementNb, linearScores } from '../../triage/learner/cnb.js';

const sv = (pairs: [number, number][]): SparseVec => ({
  idx: Int32Array.from(pairs.map((p) => p[0])),
  val: Float64Array.from(pairs.map((p) => p[1])),
});

function randomData(seed: number, n: number, D: number, K: number): SoftmaxData {
  const rng = makeRng(seed);
  const X: SparseVec[] = [];
  for (let i = 0; i < n; i++) {
    const pairs: [number, number][] = [];
    for (let f = 0; f < D; f++) if (rng() < 0.4) pairs.push([f, rng() * 2 - 0.5]);
    X.push(sv(pairs));
  }
  const y = Int32Array.from({ length: n }, () => Math.floor(rng() * K));
  const sampleWeights = Float64Array.from({ length: n }, () => 0.5 + rng());
  return { X, y, numClasses: K, numFeatures: D, sampleWeights };
}

function finiteDifferenceCheck(f: (x: Float64Array, g: Float64Array) => number, x: Float64Array): number {
  const g = new Float64Array(x.length);
  f(x, g);
  const scratch = new Float64Array(x.length);
  let worst = 0;
  const h = 1e-6;
  for (let i = 0; i < x.length; i++) {
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[i] = xp[i]! + h;
    xm[i] = xm[i]! - h;
    const numeric = (f(xp, scratch) - f(xm, scratch)) / (2 * h);
    worst = Math.max(worst, Math.abs(numeric - g[i]!) / Math.max(1, Math.abs(numeric)));
  }
  return worst;
}

describe('learner maths', () => {
  it('L-BFGS finds the minimum of the Rosenbrock function', () => {
    const rosen = (x: Float64Array, g: Float64Array): number => {
      const [a, b] = [x[0]!, x[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const r = minimize(rosen, Float64Array.from([-1.2, 1]), { maxIterations: 500, gradientTolerance: 1e-9 });
    assert.ok(Math.abs(r.x[0]! - 1) < 1e-5 && Math.abs(r.x[1]! - 1) < 1e-5, `got ${r.x[0]}, ${r.x[1]}`);
  });

  it('softmax objective gradient matches finite differences (with sample weights and L2)', () => {
    const data = randomData(3, 12, 5, 3);
    const rng = makeRng(9);
    const theta = Float64Array.from({ length: 5 * 3 + 3 }, () => rng() - 0.5);
    assert.ok(finiteDifferenceCheck(objective(data, 0.3), theta) < 1e-6);
  });

  it('kernel-form objective gradient matches finite differences', () => {
    const data = randomData(4, 10, 6, 3);
    const G = gramMatrix(data.X, data.numFeatures);
    const rng = makeRng(5);
    const theta = Float64Array.from({ length: 10 * 3 + 3 }, () => rng() - 0.5);
    const f = kernelObjective({ G, y: data.y, numClasses: 3, sampleWeights: data.sampleWeights }, 0.2);
    assert.ok(finiteDifferenceCheck(f, theta) < 1e-6);
  });

  it('squared-hinge objective gradient matches finite differences', () => {
    const data = randomData(6, 10, 6, 3);
    const G = gramMatrix(data.X, data.numFeatures);
    const L = cholesky(G, 10);
    const rng = makeRng(7);
    // Random points rarely sit exactly on a hinge (margin 0), where the squared hinge is still C¹.
    const theta = Float64Array.from({ length: 10 * 3 + 3 }, () => rng() - 0.5);
    const f = lowerTriangularHingeObjective(L, { G, y: data.y, numClasses: 3, sampleWeights: data.sampleWeights }, 0.2);
    assert.ok(finiteDifferenceCheck(f, theta) < 1e-6);
  });

  it('squared-hinge fit separates a separable toy and matches the primal solution of the same problem', () => {
    // Two clusters on separate features: every one-vs-rest SVM must score its own class above the other.
    const X = [sv([[0, 1]]), sv([[0, 0.9], [2, 0.1]]), sv([[1, 1]]), sv([[1, 0.8], [2, 0.2]])];
    const y = Int32Array.from([0, 0, 1, 1]);
    const G = gramMatrix(X, 3);
    const fit = fitGram({ G, y, numClasses: 2 }, 0.01, 'squaredHinge', { gradientTolerance: 1e-10 });
    const W = primalWeights(X, fit.A, 2, 3);
    X.forEach((x, i) => {
      const s = [0, 1].map((k) => fit.b[k]! + Array.from(x.idx).reduce((a, f, j) => a + x.val[j]! * W[f * 2 + k]!, 0));
      assert.ok(s[y[i]!]! > s[1 - y[i]!]!, `example ${i}: ${s}`);
    });
  });

  it('fitScoreScale recovers the temperature that generated the labels', () => {
    const rng = makeRng(11);
    const n = 4000;
    const K = 3;
    const scores = Float64Array.from({ length: n * K }, () => rng() * 4 - 2);
    const y = new Int32Array(n);
    const z = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) z[k] = 2.5 * scores[i * K + k]!;
      softmaxInPlace(z);
      let u = rng();
      let c = 0;
      while (c < K - 1 && u >= z[c]!) u -= z[c++]!;
      y[i] = c;
    }
    const tau = fitScoreScale(scores, y, K);
    assert.ok(Math.abs(tau - 2.5) < 0.25, `τ = ${tau}`);
  });

  it('unregularised 2-class fit reaches the closed-form MLE of a saturated model', () => {
    // x=0: 3 of class 1, 1 of class 0 → logit ln 3; x=1: 1 of class 1, 3 of class 0 → logit −ln 3.
    const X = [...Array(4).fill(sv([])), ...Array(4).fill(sv([[0, 1]]))] as SparseVec[];
    const y = Int32Array.from([1, 1, 1, 0, 1, 0, 0, 0]);
    const fit = fitSoftmax({ X, y, numClasses: 2, numFeatures: 1 }, 0, { gradientTolerance: 1e-10 });
    const intercept = fit.b[1]! - fit.b[0]!;
    const slope = fit.W[1]! - fit.W[0]!;
    assert.ok(Math.abs(intercept - Math.log(3)) < 1e-5, `intercept ${intercept}`);
    assert.ok(Math.abs(slope + 2 * Math.log(3)) < 1e-5, `slope ${slope}`);
    // Minimum log-loss of the saturated model: −(3/4 ln 3/4 + 1/4 ln 1/4).
    assert.ok(Math.abs(fit.loss - -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25))) < 1e-8);
  });

  it('L2-regularised 2-class fit equals an independent Newton solution of binary logistic regression', () => {
    const xs = [-2, -1, -0.5, 0, 0.3, 1, 1.5, 2.5];
    const ys = [0, 0, 1, 0, 1, 0, 1, 1];
    const lambda = 0.1;
    // Softmax with ‖W‖² penalty (λ/2) equals binary LR in β = w1 − w0 with penalty (λ/4)·β².
    let beta = 0;
    let c = 0;
    for (let it = 0; it < 50; it++) {
      let gB = (lambda / 2) * beta;
      let gC = 0;
      let hBB = lambda / 2;
      let hBC = 0;
      let hCC = 0;
      xs.forEach((x, i) => {
        const p = 1 / (1 + Math.exp(-(beta * x + c)));
        const r = (p - ys[i]!) / xs.length;
        const w = (p * (1 - p)) / xs.length;
        gB += r * x;
        gC += r;
        hBB += w * x * x;
        hBC += w * x;
        hCC += w;
      });
      const det = hBB * hCC - hBC * hBC;
      beta -= (hCC * gB - hBC * gC) / det;
      c -= (hBB * gC - hBC * gB) / det;
    }
    const X = xs.map((x) => sv([[0, x]]));
    const y = Int32Array.from(ys);
    const primal = fitSoftmax({ X, y, numClasses: 2, numFeatures: 1 }, lambda, { gradientTolerance: 1e-10 });
    assert.ok(Math.abs(primal.W[1]! - primal.W[0]! - beta) < 1e-5, `primal β ${primal.W[1]! - primal.W[0]!} vs ${beta}`);
    assert.ok(Math.abs(primal.b[1]! - primal.b[0]! - c) < 1e-5);
    const G = gramMatrix(X, 1);
    const dual = fitGramSoftmax({ G, y, numClasses: 2 }, lambda, { gradientTolerance: 1e-10 });
    const W = primalWeights(X, dual.A, 2, 1);
    assert.ok(Math.abs(W[1]! - W[0]! - beta) < 1e-4, `gram-form β ${W[1]! - W[0]!} vs ${beta}`);
  });

  it('the Gram-matrix fit reaches the same optimum as the primal fit on random sparse data', () => {
    const data = randomData(11, 30, 40, 4);
    const lambda = 0.01;
    const primal = fitSoftmax(data, lambda, { gradientTolerance: 1e-9, maxIterations: 2000 });
    const G = gramMatrix(data.X, data.numFeatures);
    const dual = fitGramSoftmax({ G, y: data.y, numClasses: 4, sampleWeights: data.sampleWeights }, lambda, {
      gradientTolerance: 1e-9,
      maxIterations: 2000,
    });
    const W = primalWeights(data.X, dual.A, 4, data.numFeatures);
    const theta = new Float64Array(W.length + 4);
    theta.set(W);
    theta.set(dual.b, W.length);
    const atDual = objective(data, lambda)(theta, new Float64Array(theta.length));
    assert.ok(Math.abs(atDual - primal.loss) < 1e-7, `${atDual} vs ${primal.loss}`);
  });

  it('Cholesky factor reproduces the matrix and survives duplicate (singular) rows', () => {
    const X = [sv([[0, 1], [1, 2]]), sv([[0, 1], [1, 2]]), sv([[2, 1]])];
    const G = gramMatrix(X, 3);
    const L = cholesky(G, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += L[i * 3 + k]! * L[j * 3 + k]!;
        assert.ok(Math.abs(s - G[i * 3 + j]!) < 1e-6);
      }
    }
    assert.ok(L.every((v) => Number.isFinite(v)));
  });

  it('a linearly separable toy problem reaches 100% training accuracy', () => {
    const rng = makeRng(2);
    const X: SparseVec[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 60; i++) {
      const k = i % 3;
      X.push(sv([[k, 1 + rng()], [3, rng()], [4, rng()]]));
      ys.push(k);
    }
    const fit = fitSoftmax({ X, y: Int32Array.from(ys), numClasses: 3, numFeatures: 5 }, 1e-4);
    const correct = X.filter((x, i) => {
      const s = [0, 1, 2].map((k) => fit.b[k]! + Array.from(x.idx).reduce((a, f, j) => a + x.val[j]! * fit.W[f * 3 + k]!, 0));
      return s.indexOf(Math.max(...s)) === ys[i];
    }).length;
    assert.equal(correct, 60);
  });

  it('IDF and TF-IDF vectors match hand-computed values on a toy corpus', () => {
    const doc = (words: string[]): AnalyzedDoc => {
      const m = new Map<string, number>();
      for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
      return { word: m, char: new Map(), title: new Map() };
    };
    const docs = [doc(['a', 'b']), doc(['a', 'c']), doc(['a', 'a', 'b'])];
    const opts = { ...DEFAULT_FEATURES, minDf: 1, charWeight: 0, titleWeight: 0 };
    const v = Vectorizer.fit(docs, opts);
    assert.deepEqual(v.terms.word, ['a', 'b', 'c']);
    assert.ok(Math.abs(idfOf(3, 3) - 1) < 1e-12);
    assert.ok(Math.abs(v.idf[0]! - 1) < 1e-12); // df(a) = 3: ln(4/4) + 1
    assert.ok(Math.abs(v.idf[1]! - (Math.log(4 / 3) + 1)) < 1e-12); // df(b) = 2
    assert.ok(Math.abs(v.idf[2]! - (Math.log(2) + 1)) < 1e-12); // df(c) = 1
    // Third document: tf(a) = 2 → sublinear 1 + ln 2; then L2-normalised.
    const x = v.transform(docs[2]!);
    const a = (1 + Math.log(2)) * 1;
    const b = Math.log(4 / 3) + 1;
    const norm = Math.hypot(a, b);
    assert.deepEqual(Array.from(x.idx), [0, 1]);
    assert.ok(Math.abs(x.val[0]! - a / norm) < 1e-12 && Math.abs(x.val[1]! - b / norm) < 1e-12);
    // minDf 2 drops c; unlabelled documents change IDF but not the vocabulary.
    const v2 = Vectorizer.fit(docs, { ...opts, minDf: 2 }, [doc(['b']), doc(['z'])]);
    assert.deepEqual(v2.terms.word, ['a', 'b']);
    assert.ok(Math.abs(v2.idf[1]! - (Math.log(6 / 4) + 1)) < 1e-12); // N = 5, df(b) = 3
  });

  it('complement naive Bayes scores favour the class whose words a document uses', () => {
    // Features 0–1 belong to class 0, 2–3 to class 1, 4 is shared equally (symmetric data).
    const X = [sv([[0, 1], [4, 1]]), sv([[1, 1]]), sv([[0, 1], [1, 1]]), sv([[2, 1], [4, 1]]), sv([[3, 1]]), sv([[2, 1], [3, 1]])];
    const y = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const W = fitComplementNb(X, y, 2, 5);
    const s = linearScores([sv([[0, 1]]), sv([[3, 1]]), sv([[4, 1]])], W, 2);
    assert.ok(s[0]! > s[1]!, 'feature 0 → class 0');
    assert.ok(s[3]! > s[2]!, 'feature 3 → class 1');
    assert.ok(Math.abs(s[4]! - s[5]!) < 1e-9, 'shared feature is neutral');
  });
});
