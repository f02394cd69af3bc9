/** Stratified folds and classification metrics: pure functions, shared by CV and the CLIs. */
import { makeRng, shuffleInPlace } from './prng.js';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  macroF1: number;
  accuracy: number;
  perClass: Record<string, ClassMetrics>;
  confusion: { labels: string[]; matrix: number[][] };
}

/**
 * Fold number (0..k-1) per example. Each class is shuffled (seeded) and dealt round-robin, the deal
 * continuing where the previous class stopped, so every fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ examples of
 * class c and fold sizes differ by at most one.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`number of folds must be an integer ≥ 2, got ${k}`);
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byClass.get(l) ?? [];
    list.push(i);
    byClass.set(l, list);
  });
  const rng = makeRng(seed);
  const fold = new Array<number>(labels.length).fill(-1);
  let next = 0;
  for (const label of [...byClass.keys()].sort()) {
    for (const i of shuffleInPlace(byClass.get(label) ?? [], rng)) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/** Classes with fewer examples than folds: stratified k-fold cannot put one in every test fold. */
export function classesTooSmall(labels: readonly string[], k: number): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c < k)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Metrics over `labels` (all classes of the data set, so a never-predicted class counts as F1 0). */
export function evaluate(truth: readonly string[], predicted: readonly string[], labels?: readonly string[]): EvaluationReport {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  const names = [...new Set(labels ?? [...truth, ...predicted])].sort();
  for (const l of [...truth, ...predicted]) if (!names.includes(l)) names.push(l);
  const pos = new Map(names.map((l, i) => [l, i]));
  const matrix = names.map(() => names.map(() => 0));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    matrix[pos.get(t)!]![pos.get(p)!]! += 1;
    if (t === p) correct += 1;
  });
  const perClass: Record<string, ClassMetrics> = {};
  let f1Sum = 0;
  names.forEach((l, c) => {
    const tp = matrix[c]![c]!;
    const support = matrix[c]!.reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((a, row) => a + row[c]!, 0);
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[l] = { precision, recall, f1, support };
    f1Sum += f1;
  });
  return {
    macroF1: names.length > 0 ? f1Sum / names.length : 0,
    accuracy: truth.length > 0 ? correct / truth.length : 0,
    perClass,
    confusion: { labels: names, matrix },
  };
}
