/**
 * Training of the offline decision engine (offlineEngine.ts): the four text models, the category
 * temperature and the fusion weights chosen on out-of-fold predictions, and the routing model from
 * real letters. Only `npm run train` and the evaluation CLIs load this; the bot loads a trained file.
 */
import { MatterIndex, fuseTargets, categoryEvidence, fuseCategories, applyTemperature, expectedCalibrationError } from './routing/fusion.js';
import { train, stratifiedFolds, type SerializedModel, type LabelledText, type TrainOptions } from './learner/index.js';
import { DEPARTMENT_CODES, isDepartmentCode, targetsFor, type DepartmentCode, type TargetCode } from '../kernel/taxonomy.js';
import type { RealLetterSet } from './routing/sources.js';
import { buildRoutingModel, EXAMPLE_WEIGHT, realLetterItems, type RoutingItem } from './routing/train.js';
import type { Directory } from '../directory/directory.js';
import {
  OFFLINE_MODEL_FORMAT, OFFLINE_MODEL_VERSION, argmax, prepareText, type OfflineModel, type RoutingSection, type TrainingExample,
} from './offlineEngine.js';

export interface TrainOfflineOptions {
  /** Used to tune the fusion weight on out-of-fold predictions; without it the weight is DEFAULT_DIRECTORY_WEIGHT. */
  directory?: Directory;
  /** Stamped into the metadata; the CLI passes the current time (logic never reads the clock). */
  trainedAt: Date;
  folds?: number;
  seed?: number;
  /** Called with progress lines (the CLI prints them to stderr). */
  log?: (line: string) => void;
  /** Options passed to every learner call (e.g. { cnbWeight: 'auto' }). */
  learner?: Partial<TrainOptions>;
  /** Real letters (../shared) for the routing model and as petition examples of the category model. */
  realLetters?: RealLetterSet | null;
}

export interface OfflineTrainingResult {
  model: OfflineModel;
  /** Out-of-fold category predictions (one per example, same order) from the cross-validation. */
  cvCategory: { truth: string[]; predicted: string[] };
}

export const DEFAULT_DIRECTORY_WEIGHT = 1.5;
/** Weight of the letter-trained routing model against the examples' department model (see docs/routing.md). */
export const ROUTING_POOL_WEIGHT = 1;
/**
 * Messages of this many characters or more are routed by the routing model alone; shorter ones pool in
 * the examples' model in proportion. Shanghai fold 0 (full pipeline): 150 → 0.766, 60 → 0.817, 40 → 0.834,
 * 20 → 0.844; below 40 dev.jsonl's target falls to 0.943 (short chat lines the examples' model knows).
 */
export const ROUTING_FULL_WEIGHT_CHARS = 40;
/** Second code at or above this probability → secondaryTarget. */
export const SECONDARY_MIN = 0.25;
/** How many real letters join the category model as petition examples, and how much of each. */
export const CATEGORY_LETTERS = 600;
const CATEGORY_LETTER_CHARS = 600;
/** Every n-th of those letters joins the category model's cross-validation folds (training time). */
const CATEGORY_CV_LETTER_STRIDE = 4;
const CATEGORY_WITH_LETTERS: Partial<TrainOptions> = { lambda: 3e-3, scoreScale: 6.65 };

/** The hand-written petition examples (all their targets) and the directory phrases, as routing items. */
export function routingExampleItems(prepared: TrainingExample[], phrases: LabelledText[]): RoutingItem[] {
  return [
    ...prepared
      .filter((e) => e.category === 'petition' && e.targets.some(isDepartmentCode))
      .map((e) => ({ text: e.text, labels: e.targets.filter(isDepartmentCode), weight: EXAMPLE_WEIGHT, letter: false })),
    ...phrases.map((d) => ({ text: d.text, labels: [d.label as DepartmentCode], weight: 1, letter: false })),
  ];
}

/** Directory matters phrases of the departments, prepared, labelled with their department. */
export function departmentPhrases(directory: Pick<Directory, 'departments'> | undefined): LabelledText[] {
  if (!directory) return [];
  return directory.departments.flatMap((d) => d.matters.map((m) => ({ text: prepareText(m), label: d.code })));
}

/** An evenly spread, deterministic sample of labelled real letters, prepared and cut, as petition examples. */
function categoryLetters(set: RealLetterSet | null): LabelledText[] {
  if (!set) return [];
  const labelled = set.letters.filter((l) => l.labels.length > 0);
  const step = Math.max(1, Math.floor(labelled.length / CATEGORY_LETTERS));
  const out: LabelledText[] = [];
  for (let i = 0; i < labelled.length && out.length < CATEGORY_LETTERS; i += step) {
    out.push({ text: prepareText(labelled[i]!.text).slice(0, CATEGORY_LETTER_CHARS), label: 'petition' });
  }
  return out;
}
const BETA_GRID = [0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

/**
 * The fusion weights the cross-validation keeps unless another grid value is clearly better. On ~2,000
 * examples the CV accuracies of neighbouring weights differ by a few examples, and the strict argmax swung
 * from one tree to the next (5/2, 4/0, 3/0, 2/1.5 for a handful of added lines), moving Cantonese, 简体 and
 * Teddy lines whose reading had not changed. "Clearly" is one binomial standard error of the CV accuracy.
 */
export const SETTLED_FUSION = { categoryWeight: 5, directoryWeight: 2 } as const;

/**
 * The grid value to use: `settled` unless the best value's accuracy beats it by more than one standard
 * error (sqrt(p(1-p)/n)); then the best, smallest first on ties.
 */
export function settledChoice(grid: readonly number[], accuracyAt: (w: number) => number, settled: number, n: number): { weight: number; accuracy: number; best: number; bestAccuracy: number } {
  let best = grid[0]!;
  let bestAccuracy = accuracyAt(best);
  for (const w of grid.slice(1)) {
    const a = accuracyAt(w);
    if (a > bestAccuracy + 1e-9) [best, bestAccuracy] = [w, a];
  }
  const settledAccuracy = accuracyAt(settled);
  const se = Math.sqrt((bestAccuracy * (1 - bestAccuracy)) / Math.max(1, n));
  return bestAccuracy - settledAccuracy > se
    ? { weight: best, accuracy: bestAccuracy, best, bestAccuracy }
    : { weight: settled, accuracy: settledAccuracy, best, bestAccuracy };
}
const TEMPERATURE_GRID = Array.from({ length: 40 }, (_, i) => 0.3 + i * 0.05);

function countBy<T>(items: T[], key: (t: T) => string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) for (const k of key(it)) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Out-of-fold probabilities of a learner on `data`, with a fixed λ so each fold is quick. */
function outOfFold(data: LabelledText[], folds: number, seed: number, tuned: SerializedModel['meta'], always: LabelledText[] = []): Record<string, number>[] {
  const labels = data.map((d) => d.label);
  const k = Math.min(folds, Math.min(...Object.values(countBy(data, (d) => [d.label]))));
  const out: Record<string, number>[] = new Array(data.length);
  if (k < 2) return data.map(() => ({}));
  const fold = stratifiedFolds(labels, k, seed);
  for (let f = 0; f < k; f++) {
    const tr = [...data.filter((_, i) => fold[i] !== f), ...always];
    // The tuned model's loss and score scale too: re-fitting the scale would cost an inner CV per fold.
    const model = train(tr, {
      lambda: tuned.lambda,
      cnbWeight: tuned.cnbWeight,
      loss: tuned.loss ?? 'softmax',
      scoreScale: tuned.scoreScale ?? 1,
      seed,
    });
    data.forEach((d, i) => {
      if (fold[i] === f) out[i] = model.predict(d.text).probs;
    });
  }
  return out;
}

/**
 * The category model: the hand-written examples (prepared) plus a sample of real letters as petitions.
 * Shared with the Shanghai cross-validation, which refits it without the held-out fold's letters.
 */
export function trainCategoryModel(
  catData: LabelledText[],
  realLetters: RealLetterSet | null,
  learner: Partial<TrainOptions>,
  log: (line: string) => void = () => {},
): { model: ReturnType<typeof train>; letters: LabelledText[] } {
  const letters = categoryLetters(realLetters);
  log(`training category model on ${catData.length} examples + ${letters.length} real letters as petition`);
  // With letters, λ and the score scale are fixed at what the inner CV chose on the examples alone
  // (3e-3, 6.65): tuning them again over 2,000 long texts costs minutes and moved nothing.
  return { model: train([...catData, ...letters], letters.length > 0 ? { ...learner, ...CATEGORY_WITH_LETTERS } : learner), letters };
}

/**
 * Trains the four models on prepared (normalised, redacted) text, then measures them by k-fold CV on the
 * same data: the out-of-fold predictions fit the category temperature and choose the fusion weight β.
 */
export function trainOfflineModel(examples: TrainingExample[], opts: TrainOfflineOptions): OfflineTrainingResult {
  const folds = opts.folds ?? 5;
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  if (examples.length === 0) throw new Error('trainOfflineModel: no examples');
  const prepared = examples.map((e) => ({ ...e, text: prepareText(e.text) }));

  const catData = prepared.map((e) => ({ text: e.text, label: e.category }));
  const depData = prepared.filter((e) => e.category === 'petition' && e.targets[0]).map((e) => ({ text: e.text, label: e.targets[0]! }));
  const svcData = prepared
    .filter((e) => e.category === 'out_of_scope' && e.targets[0] && e.targets[0] !== 'legal_aid')
    .map((e) => ({ text: e.text, label: e.targets[0]! }));
  const legData = prepared.filter((e) => e.category === 'legal_channel').map((e) => ({ text: e.text, label: e.targets.includes('legal_aid') ? 'legal_aid' : 'none' }));
  for (const [name, d] of [['petition', depData], ['out_of_scope', svcData], ['legal_channel', legData]] as const) {
    if (new Set(d.map((x) => x.label)).size < 2) throw new Error(`trainOfflineModel: need ${name} examples with at least 2 different targets`);
  }

  // The directory's matters phrases are extra (short) labelled examples for the target models: they
  // name what each body handles in the office's own words, which is what the models most lack.
  const matterData = (codes: readonly TargetCode[]): LabelledText[] => {
    if (!opts.directory) return [];
    const out: LabelledText[] = [];
    for (const d of opts.directory.departments) if (codes.includes(d.code)) for (const m of d.matters) out.push({ text: prepareText(m), label: d.code });
    for (const o of opts.directory.organizations) {
      for (const s of o.services) if (codes.includes(s)) for (const m of o.matters) out.push({ text: prepareText(m), label: s });
    }
    return out;
  };
  const depMatters = matterData(DEPARTMENT_CODES);
  const svcMatters = matterData(targetsFor('out_of_scope'));

  // Real letters are petitions (or petition-like enquiries): a sample teaches the category model what a
  // long formal letter looks like, so letters stop falling into 信访外 / inquiry. They only train; the
  // cross-validation below still measures the hand-written examples.
  const lo = { ...opts.learner, seed };
  const { model: category, letters: letterCat } = trainCategoryModel(catData, opts.realLetters ?? null, lo, log);
  log(`training department model on ${depData.length} petition examples + ${depMatters.length} directory phrases`);
  const department = train([...depData, ...depMatters], lo);
  log(`training service model on ${svcData.length} out_of_scope examples + ${svcMatters.length} directory phrases`);
  const service = train([...svcData, ...svcMatters], lo);
  log(`training legal-aid model on ${legData.length} legal_channel examples`);
  const legalAid = train(legData, lo);

  log(`${folds}-fold cross-validation`);
  // The folds see a quarter of the letter sample: five fits over all 600 long letters were most of
  // `npm run train`'s time, and the out-of-fold probabilities only set γ and the temperature.
  const catOof = outOfFold(catData, folds, seed, category.toJSON().meta, letterCat.filter((_, i) => i % CATEGORY_CV_LETTER_STRIDE === 0));
  const truth = catData.map((d) => d.label);
  const index = opts.directory ? new MatterIndex(opts.directory) : undefined;
  // γ first (the temperature does not change the argmax), then T on the fused probabilities.
  const evidence = catData.map((d) => categoryEvidence(index ? index.matchAll(d.text) : []));
  const catAccAt = (g: number): number => catOof.filter((p, i) => argmax(fuseCategories(p, evidence[i]!, g))[0] === truth[i]).length / truth.length;
  let categoryWeight = 0;
  const catModelOnly = catAccAt(0);
  if (index) {
    const c = settledChoice(BETA_GRID, catAccAt, SETTLED_FUSION.categoryWeight, truth.length);
    categoryWeight = c.weight;
    log(`cv: category weight ${c.weight} (${c.accuracy.toFixed(4)}); best on the grid ${c.best} (${c.bestAccuracy.toFixed(4)})`);
  }
  const fusedOof = catOof.map((p, i) => fuseCategories(p, evidence[i]!, categoryWeight));
  const predicted = fusedOof.map((p) => argmax(p)[0]);
  // Temperature: minimise the out-of-fold negative log-likelihood.
  let temperature = 1;
  let bestNll = Infinity;
  for (const t of TEMPERATURE_GRID) {
    let nll = 0;
    fusedOof.forEach((p, i) => (nll -= Math.log(Math.max(applyTemperature(p, t)[truth[i]!] ?? 0, 1e-9))));
    if (nll < bestNll) [bestNll, temperature] = [nll, t];
  }

  const eceOf = (t: number): number =>
    expectedCalibrationError(
      fusedOof.map((p, i) => {
        const [c, conf] = argmax(applyTemperature(p, t));
        return { confidence: conf, correct: c === truth[i] };
      }),
    );
  const calibrationErrorRaw = eceOf(1);
  const calibrationError = eceOf(temperature);

  const depOof = outOfFold(depData, folds, seed, department.toJSON().meta, depMatters);
  const svcOof = outOfFold(svcData, folds, seed, service.toJSON().meta, svcMatters);
  const targetRows = [
    ...depData.map((d, i) => ({ text: d.text, gold: d.label, probs: depOof[i]!, allowed: DEPARTMENT_CODES as readonly TargetCode[] })),
    ...svcData.map((d, i) => ({ text: d.text, gold: d.label, probs: svcOof[i]!, allowed: targetsFor('out_of_scope') })),
  ];
  const matches = targetRows.map((r) => (index ? index.match(r.text, r.allowed) : []));
  const accuracyAt = (beta: number): number =>
    targetRows.filter((r, i) => argmax(fuseTargets(r.probs, matches[i]!, beta))[0] === r.gold).length / Math.max(1, targetRows.length);
  let directoryWeight = index ? 0 : DEFAULT_DIRECTORY_WEIGHT;
  let bestAcc = accuracyAt(directoryWeight);
  const modelOnly = accuracyAt(0);
  if (index) {
    const c = settledChoice(BETA_GRID, accuracyAt, SETTLED_FUSION.directoryWeight, targetRows.length);
    [directoryWeight, bestAcc] = [c.weight, c.accuracy];
    log(`cv: directory weight ${c.weight} (${c.accuracy.toFixed(4)}); best on the grid ${c.best} (${c.bestAccuracy.toFixed(4)})`);
  }
  const categoryAccuracy = predicted.filter((p, i) => p === truth[i]).length / truth.length;
  let routing: RoutingSection | undefined;
  if (opts.realLetters) {
    const real = realLetterItems(opts.realLetters, prepareText);
    const built = buildRoutingModel([...real.items, ...routingExampleItems(prepared, depMatters)], real.unlabelled, { log });
    routing = {
      model: built.model.toJSON(),
      weight: ROUTING_POOL_WEIGHT,
      fullWeightChars: ROUTING_FULL_WEIGHT_CHARS,
      abstainMargin: built.abstainMargin,
      secondaryMin: SECONDARY_MIN,
      sources: opts.realLetters.sources,
      heldOut: built.heldOut,
    };
  }
  log(`cv: category accuracy ${categoryAccuracy.toFixed(4)} (model only ${catModelOnly.toFixed(4)}, category weight ${categoryWeight}), temperature ${temperature.toFixed(2)} (ECE ${calibrationErrorRaw.toFixed(3)} → ${calibrationError.toFixed(3)}), target accuracy ${bestAcc.toFixed(4)} (model only ${modelOnly.toFixed(4)}), directory weight ${directoryWeight}`);

  const model: OfflineModel = {
    format: OFFLINE_MODEL_FORMAT,
    version: OFFLINE_MODEL_VERSION,
    category: category.toJSON(),
    department: department.toJSON(),
    service: service.toJSON(),
    legalAid: legalAid.toJSON(),
    calibration: { temperature },
    fusion: { directoryWeight, categoryWeight },
    ...(routing ? { routing } : {}),
    metadata: {
      trainedAt: opts.trainedAt.toISOString(),
      version: OFFLINE_MODEL_VERSION,
      examples: examples.length,
      categoryCounts: countBy(examples, (e) => [e.category]),
      targetCounts: countBy(examples, (e) => e.targets),
      cv: { folds, categoryAccuracy, targetAccuracy: bestAcc, targetAccuracyModelOnly: modelOnly, calibrationErrorRaw, calibrationError },
    },
  };
  return { model, cvCategory: { truth, predicted } };
}
