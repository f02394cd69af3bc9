/**
 * Grouped k-fold cross-validation of routing on the Shanghai letters: near-identical letters (char-3-gram
 * Jaccard ≥ 0.6) share a fold; for each fold the routing model and the category model (whose petition
 * sample includes real letters) are retrained on everything else that `npm run train` uses (other Shanghai
 * folds, Teddy replies, examples, directory phrases), so neither has seen a letter of the fold, and the
 * fold is triaged by the full pipeline. The fusion settings (fitted on the hand-written examples) stay
 * the committed model's. Letters with `targets: []` are not scored.
 */
import { createOfflineEngine, prepareText, type CreateOfflineEngineOptions, type OfflineModel, type TrainingExample } from '../offlineEngine.js';
import { departmentPhrases, routingExampleItems, trainCategoryModel } from '../offlineTraining.js';
import { triage } from '../pipeline.js';
import { nearDupGroups } from './nearDup.js';
import type { RoutingCase } from './report.js';
import { loadRealLetters, SourceFileError } from './sources.js';
import { buildRoutingModel, realLetterItems } from './train.js';

export async function runShanghaiCv(
  model: OfflineModel,
  k: number,
  directory: NonNullable<CreateOfflineEngineOptions['directory']> & Parameters<typeof departmentPhrases>[0],
  /** The bundled training examples (resources/training/*.jsonl), as `npm run train` reads them. */
  rawExamples: Array<{ id: string; text: string; category: TrainingExample['category']; targets: TrainingExample['targets'] }>,
  log: (l: string) => void,
): Promise<RoutingCase[]> {
  if (!model.routing) throw new SourceFileError('the model has no routing section: run `npm run train` with ../shared present');
  const set = loadRealLetters();
  if (!set) throw new SourceFileError('../shared/eval is missing: the Shanghai letters are needed for --cv-shanghai');
  const examples = rawExamples.map((e) => ({ ...e, text: prepareText(e.text) }));
  const fixed = routingExampleItems(examples, departmentPhrases(directory));
  const catData = examples.map((e) => ({ text: e.text, label: e.category }));
  const shanghai = set.letters.map((l, i) => [l, i] as const).filter(([l]) => l.source === 'shanghai');
  const groups = nearDupGroups(shanghai.map(([l]) => l.text));
  // Groups to folds by a multiplicative hash of the group's first member: deterministic, roughly even.
  const foldOf = new Map<number, number>();
  shanghai.forEach(([, i], j) => foldOf.set(i, (Math.imul(groups[j]! + 1, 2654435761) >>> 0) % k));
  const cases: RoutingCase[] = [];
  for (let f = 0; f < k; f++) {
    const train = { ...set, letters: set.letters.filter((_, i) => foldOf.get(i) !== f) };
    const real = realLetterItems(train, prepareText);
    const built = buildRoutingModel([...real.items, ...fixed], real.unlabelled, { fixedTemperature: model.routing.model.temperature });
    const category = trainCategoryModel(catData, train, { seed: 1 }).model;
    const foldModel: OfflineModel = { ...model, category: category.toJSON(), routing: { ...model.routing, model: built.model.toJSON() } };
    const engine = createOfflineEngine({ model: foldModel, directory });
    let n = 0;
    for (const [l, i] of shanghai) {
      if (foldOf.get(i) !== f || !l.targets || l.targets.length === 0) continue;
      const d = await triage(l.text, { engine });
      cases.push({ item: { id: l.id, targets: l.targets, group: l.targets[0]! }, decision: d });
      n++;
    }
    const right = cases.slice(-n).filter((c) => c.decision.category === 'petition' && c.decision.target !== null && c.item.targets.includes(c.decision.target as never)).length;
    log(`fold ${f + 1}/${k}: ${n} letters, accuracy ${(right / Math.max(1, n)).toFixed(4)}`);
  }
  return cases;
}
