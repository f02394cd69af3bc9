/** Stratified k-fold cross-validation of the learner; texts are analysed once and reused across folds. */
import { analyzeAll, predictLabelOfDoc, resolveOptions, trainAnalyzed, type LabelledText, type TrainOptions } from './model.js';
import { classesTooSmall, evaluate, stratifiedFolds, type EvaluationReport } from './metrics.js';

export class TooFewExamplesError extends Error {
  constructor(readonly classes: { label: string; count: number }[], folds: number) {
    super(
      `cannot run ${folds}-fold stratified CV: ${classes
        .map((c) => `class "${c.label}" has ${c.count} example${c.count === 1 ? '' : 's'}`)
        .join(', ')} (need at least ${folds} each)`,
    );
    this.name = 'TooFewExamplesError';
  }
}

export function crossValidate(
  examples: LabelledText[],
  folds: number,
  opts: Partial<TrainOptions> & { seed?: number } = {},
): EvaluationReport {
  if (examples.length === 0) throw new Error('crossValidate: no examples');
  const o = resolveOptions(opts);
  const labels = examples.map((e) => e.label);
  const small = classesTooSmall(labels, folds);
  if (small.length > 0) throw new TooFewExamplesError(small, folds);
  const docs = analyzeAll(examples.map((e) => e.text), o);
  const extra = analyzeAll(o.unlabelledTexts ?? [], o);
  const fold = stratifiedFolds(labels, folds, o.seed);
  const predicted = new Array<string>(examples.length).fill('');
  for (let f = 0; f < folds; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    fold.forEach((fi, i) => (fi === f ? testIdx : trainIdx).push(i));
    const model = trainAnalyzed(
      { docs: trainIdx.map((i) => docs[i]!), labels: trainIdx.map((i) => labels[i]!), extra },
      o,
    );
    for (const i of testIdx) predicted[i] = predictLabelOfDoc(model, docs[i]!);
  }
  return evaluate(labels, predicted, [...new Set(labels)].sort());
}
