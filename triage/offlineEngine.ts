/**
 * The offline decision engine: no network, no LLM. Three learned text models (triage/learner) and a
 * retrieval step over the directory's `matters` phrases:
 *   1. category model (6 categories) → calibrated probability = the decision's confidence;
 *   2. target model for the chosen category (departments for petition, services for 信访外,
 *      legal_aid-or-none for the legal channel), fused with a directory match score.
 * See docs/offline-engine.md for the fusion rule and how its weight is chosen.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MatterIndex, fuseTargets, categoryEvidence, fuseCategories, applyTemperature, expectedCalibrationError } from './routing/fusion.js';
import { train, loadModel, stratifiedFolds, type SerializedModel, type TextModel, type LabelledText, type TrainOptions } from './learner/index.js';
import { normalize } from './normalize.js';
import { redact } from './redact.js';
import { stripInstructions } from './injection.js';
import {
  CATEGORIES, DEPARTMENT_CODES, SERVICE_CODES, isCategory, isDepartmentCode, targetsFor,
  type Category, type DepartmentCode, type TargetCode,
} from '../kernel/taxonomy.js';
import type { Citation, DecisionEngine, EngineInput, EngineResult } from './types.js';
import { loadRoutingModel, type RoutingModel, type SerializedRoutingModel } from './routing/model.js';
import { poolTargets, routingVerdict } from './routing/decide.js';
import type { RealLetterSet } from './routing/sources.js';
import { buildRoutingModel, EXAMPLE_WEIGHT, realLetterItems, type RoutingItem } from './routing/train.js';
import type { Directory } from '../directory/directory.js';

export const OFFLINE_MODEL_FORMAT = 'xinfang-offline-triage';
export const OFFLINE_MODEL_VERSION = 1;

/** One labelled example in the TAXONOMY eval format (resources/training/examples.jsonl). */
export interface TrainingExample {
  id: string;
  text: string;
  category: Category;
  targets: TargetCode[];
}

export interface OfflineModel {
  format: typeof OFFLINE_MODEL_FORMAT;
  version: typeof OFFLINE_MODEL_VERSION;
  /** 6-way category classifier. */
  category: SerializedModel;
  /** Department classifier trained on petition examples (first listed target). */
  department: SerializedModel;
  /** Service classifier trained on 信访外 examples (legal_aid excluded). */
  service: SerializedModel;
  /** 'legal_aid' vs 'none', trained on legal-channel examples. */
  legalAid: SerializedModel;
  /** Temperature applied to the category probabilities, fitted on out-of-fold predictions (NLL). */
  calibration: { temperature: number };
  /**
   * directoryWeight β: weight of the directory match in the target fusion; categoryWeight γ: how much the
   * best department / service match raises petition / 信访外. Both chosen on out-of-fold predictions.
   */
  fusion: { directoryWeight: number; categoryWeight: number };
  /** Department routing learned from real letters (triage/routing, docs/routing.md); absent in older files. */
  routing?: RoutingSection;
  metadata: {
    trainedAt: string;
    version: number;
    examples: number;
    categoryCounts: Record<string, number>;
    targetCounts: Record<string, number>;
    /** Every file the model learned from, with its sha256 (written by `npm run train`). */
    sources?: Array<{ path: string; sha256: string }>;
    /** Out-of-fold figures measured while training (what `npm run train` prints). */
    cv?: {
      folds: number;
      categoryAccuracy: number;
      targetAccuracy: number;
      targetAccuracyModelOnly: number;
      /** Expected calibration error of the category confidence (10 equal-width bins), before and after the temperature. */
      calibrationErrorRaw?: number;
      calibrationError?: number;
    };
  };
}

export interface RoutingSection {
  model: SerializedRoutingModel;
  /** Weight a of the routing model in the pooled target distribution p ∝ p_department^(1−a) · p_routing^a. */
  weight: number;
  /** needsReview when the calibrated top target leads the second by less than this. */
  abstainMargin: number;
  /** A second code with at least this probability is recorded as the secondary target. */
  secondaryMin: number;
  /** The files the training read, with their sha256 (what `npm run train` learned from). */
  sources: Array<{ path: string; sha256: string; read: number; kept: number; labelled: number; excludedNearTest: number }>;
  heldOut?: { n: number; accuracy: number; coverage: number; accuracyDecided: number; temperature: number };
}

// ------------------------------------------------------------------ text preparation

/**
 * The same transformation the pipeline applies before an engine sees a message (简体, half-width,
 * lower case, instructions stripped, redacted), so the models train on what they will be shown.
 */
export function prepareText(text: string): string {
  return redact(stripInstructions(normalize(text).normalized).text).text;
}

export {
  MatterIndex, fuseTargets, categoryEvidence, fuseCategories, applyTemperature, expectedCalibrationError, type DirectoryMatch,
} from './routing/fusion.js';

const argmax = (probs: Record<string, number>): [string, number] => {
  let best: [string, number] = ['', -1];
  for (const [k, p] of Object.entries(probs)) if (p > best[1]) best = [k, p];
  return best;
};

// ------------------------------------------------------------------ the engine

/** A category model may say "emergency" only when it is this sure; the pipeline's rules are the primary detector. */
export const EMERGENCY_MIN_PROB = 0.75;

export interface CreateOfflineEngineOptions {
  model: OfflineModel;
  directory?: Pick<Directory, 'departments' | 'organizations'>;
}

export function createOfflineEngine(opts: CreateOfflineEngineOptions): DecisionEngine {
  const m = parseOfflineModel(opts.model);
  const category = loadModel(m.category);
  const department = loadModel(m.department);
  const service = loadModel(m.service);
  const legalAid = loadModel(m.legalAid);
  const routing = m.routing ? loadRoutingModel(m.routing.model) : undefined;
  const index = opts.directory ? new MatterIndex(opts.directory) : undefined;
  const classify = (text: string): EngineResult => decideWith({ category, department, service, legalAid, routing }, index, m, text);
  return {
    name: 'offline',
    async decide(input: EngineInput): Promise<EngineResult> {
      if (typeof input?.text !== 'string') throw new TypeError('offline engine: input.text must be a string');
      return classify(input.text);
    },
  };
}

interface Models {
  category: TextModel;
  department: TextModel;
  service: TextModel;
  legalAid: TextModel;
  routing?: RoutingModel;
}

/**
 * The engine reads at most this many characters. A resident states the matter up front; the rest of a long
 * petition (history, attachments pasted in) costs time without changing the category or the body, and
 * keeps the p95 latency within budget (bench/triage.ts).
 */
export const ENGINE_MAX_CHARS = 1500;

function decideWith(models: Models, index: MatterIndex | undefined, m: OfflineModel, fullText: string): EngineResult {
  const text = fullText.length > ENGINE_MAX_CHARS ? fullText.slice(0, ENGINE_MAX_CHARS) : fullText;
  const reasons: string[] = [];
  const citations: Citation[] = [];
  const raw = models.category.predict(text).probs;
  // One pass over the directory serves both the category evidence and the target fusion.
  const allMatches = index ? index.matchAll(text) : [];
  const evidence = categoryEvidence(allMatches);
  const probs = applyTemperature(fuseCategories(raw, evidence, m.fusion.categoryWeight), m.calibration.temperature);
  let [cat, conf] = argmax(probs);
  if (cat === 'emergency' && conf < EMERGENCY_MIN_PROB) {
    const rest = { ...probs };
    delete rest.emergency;
    [cat, conf] = argmax(rest);
    reasons.push(`classifier_emergency_below:${probs.emergency!.toFixed(2)}`);
  }
  if (!isCategory(cat)) throw new Error(`offline model produced an unknown category "${cat}"`);
  reasons.push(`classifier:${cat} ${conf.toFixed(2)}`);

  let target: TargetCode | null = null;
  let secondaryTarget: TargetCode | undefined;
  let targetConfidence: number | undefined;
  let reviewReason: string | undefined;
  if (cat === 'petition' || cat === 'out_of_scope') {
    const model = cat === 'petition' ? models.department : models.service;
    const allowed = targetsFor(cat);
    let mp = model.predict(text).probs;
    let routed: ReturnType<RoutingModel['predict']> | undefined;
    let directoryWeight = m.fusion.directoryWeight;
    if (cat === 'petition' && models.routing && m.routing) {
      routed = models.routing.predict(text);
      // Short chat messages are what the examples' model knows; letters are what the routing model knows.
      const share = Math.min(1, Array.from(text).length / ROUTING_FULL_WEIGHT_CHARS);
      mp = poolTargets(mp, routed.probs, m.routing.weight * share);
      // The directory's short matters phrases fire on incidental words of a long letter (a story names
      // many things); the routing model has already read the whole letter. On held-out letters,
      // dropping the directory term for letters: fujian4 0.739 → 0.765, Shanghai 0.738 → 0.757.
      directoryWeight *= 1 - share;
    }
    const matches = allMatches.filter((x) => (allowed as readonly string[]).includes(x.target));
    const fused = fuseTargets(mp, matches, directoryWeight);
    const [t, p] = argmax(fused);
    if (!(allowed as readonly string[]).includes(t)) throw new Error(`offline model produced target "${t}" not allowed for ${cat}`);
    target = t as TargetCode;
    const [mt, mpBest] = argmax(mp);
    reasons.push(`target_model:${mt} ${mpBest.toFixed(2)}`);
    // Cite the phrase that supports the chosen target; fall back to the best match overall.
    const top = matches.find((x) => x.target === target) ?? matches[0];
    if (top) {
      reasons.push(`directory_match:${top.target} ${top.phrase}`);
      citations.push({ source: 'directory', title: top.owner, excerpt: top.phrase, score: Number(top.score.toFixed(3)) });
    }
    reasons.push(`target:${target} ${p.toFixed(2)}`);
    if (m.routing) {
      const v = routingVerdict(fused, target, m.routing);
      if (v.secondaryTarget) {
        secondaryTarget = v.secondaryTarget;
        reasons.push(`secondary_target:${v.secondaryTarget} ${(fused[v.secondaryTarget] ?? 0).toFixed(2)}`);
      }
      targetConfidence = v.targetConfidence;
      if (v.unsure) {
        reviewReason = v.unsure;
        reasons.push(v.unsure);
      }
    }
  } else if (cat === 'legal_channel') {
    const p = models.legalAid.predict(text).probs.legal_aid ?? 0;
    if (p >= 0.5) target = 'legal_aid';
    reasons.push(`legal_aid:${p.toFixed(2)}`);
  }
  return {
    category: cat,
    target,
    confidence: Math.min(1, Math.max(0, conf)),
    reasons,
    citations,
    ...(secondaryTarget ? { secondaryTarget } : {}),
    ...(targetConfidence !== undefined ? { targetConfidence: Math.min(1, Math.max(0, targetConfidence * conf)) } : {}),
    ...(reviewReason ? { needsReview: true, reviewReason } : {}),
  };
}

// ------------------------------------------------------------------ loading

const serializedModel = z.custom<SerializedModel>((v) => typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'xinfang-text-model', {
  message: 'expected a serialized text model (format "xinfang-text-model")',
});

export const offlineModelSchema = z.object({
  format: z.literal(OFFLINE_MODEL_FORMAT),
  version: z.literal(OFFLINE_MODEL_VERSION),
  category: serializedModel,
  department: serializedModel,
  service: serializedModel,
  legalAid: serializedModel,
  calibration: z.object({ temperature: z.number().positive().max(100) }),
  fusion: z.object({ directoryWeight: z.number().min(0).max(50), categoryWeight: z.number().min(0).max(50).default(0) }),
  routing: z
    .object({
      model: z.custom<SerializedRoutingModel>((v) => typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'xinfang-routing-model', {
        message: 'expected a serialized routing model (format "xinfang-routing-model")',
      }),
      weight: z.number().min(0).max(1),
      abstainMargin: z.number().min(0).max(1),
      secondaryMin: z.number().min(0).max(1),
      sources: z.array(z.object({ path: z.string(), sha256: z.string(), read: z.number(), kept: z.number(), labelled: z.number(), excludedNearTest: z.number() })),
      heldOut: z.object({ n: z.number(), accuracy: z.number(), coverage: z.number(), accuracyDecided: z.number(), temperature: z.number() }).optional(),
    })
    .optional(),
  metadata: z.object({
    trainedAt: z.string(),
    version: z.number().int(),
    examples: z.number().int().min(0),
    categoryCounts: z.record(z.string(), z.number()),
    targetCounts: z.record(z.string(), z.number()),
    sources: z.array(z.object({ path: z.string(), sha256: z.string() })).optional(),
    cv: z
      .object({
        folds: z.number(),
        categoryAccuracy: z.number(),
        targetAccuracy: z.number(),
        targetAccuracyModelOnly: z.number(),
        calibrationErrorRaw: z.number().optional(),
        calibrationError: z.number().optional(),
      })
      .optional(),
  }),
});

export class OfflineModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfflineModelError';
  }
}

/** Reads and validates a model file; every label must be a TAXONOMY code, or the file is refused. */
export function parseOfflineModel(json: unknown, source = '<model>'): OfflineModel {
  const parsed = offlineModelSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new OfflineModelError(`${source}: not an offline triage model (${issues.join('; ')}); run \`npm run train\` to rebuild it`);
  }
  const m = parsed.data as OfflineModel;
  const check = (name: string, labels: string[], allowed: readonly string[]): void => {
    const bad = labels.filter((l) => !allowed.includes(l));
    if (bad.length > 0) throw new OfflineModelError(`${source}: ${name} model has labels outside the taxonomy: ${bad.join(', ')}`);
  };
  check('category', m.category.labels, CATEGORIES);
  check('department', m.department.labels, DEPARTMENT_CODES);
  check('service', m.service.labels, SERVICE_CODES);
  check('legalAid', m.legalAid.labels, ['legal_aid', 'none']);
  if (m.routing) {
    try {
      loadRoutingModel(m.routing.model);
    } catch (err) {
      throw new OfflineModelError(`${source}: routing model: ${(err as Error).message}; run \`npm run train\` to rebuild it`);
    }
  }
  return m;
}

export function loadOfflineModel(path: string): OfflineModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new OfflineModelError(`cannot read model file ${path}: ${(err as Error).message}; run \`npm run train\` to create it`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new OfflineModelError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseOfflineModel(json, path);
}

// ------------------------------------------------------------------ training

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
/** Messages at least this long get the full routing weight; shorter ones proportionally less. */
export const ROUTING_FULL_WEIGHT_CHARS = 150;
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
  const letterCat = categoryLetters(opts.realLetters ?? null);
  log(`training category model on ${catData.length} examples + ${letterCat.length} real letters as petition`);
  const lo = { ...opts.learner, seed };
  // With letters, λ and the score scale are fixed at what the inner CV chose on the examples alone
  // (3e-3, 6.65): tuning them again over 2,000 long texts costs minutes and moved nothing.
  const category = train([...catData, ...letterCat], letterCat.length > 0 ? { ...lo, ...CATEGORY_WITH_LETTERS } : lo);
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
  let bestCatAcc = catAccAt(0);
  const catModelOnly = bestCatAcc;
  if (index) {
    for (const g of BETA_GRID) {
      const a = catAccAt(g);
      if (a > bestCatAcc + 1e-9) [bestCatAcc, categoryWeight] = [a, g];
    }
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
    for (const b of BETA_GRID) {
      const a = accuracyAt(b);
      // Ties go to the smaller weight: trust the learned model unless the directory clearly helps.
      if (a > bestAcc + 1e-9) [bestAcc, directoryWeight] = [a, b];
    }
  }
  const categoryAccuracy = predicted.filter((p, i) => p === truth[i]).length / truth.length;
  let routing: RoutingSection | undefined;
  if (opts.realLetters) {
    const real = realLetterItems(opts.realLetters, prepareText);
    const built = buildRoutingModel([...real.items, ...routingExampleItems(prepared, depMatters)], real.unlabelled, { log });
    routing = {
      model: built.model.toJSON(),
      weight: ROUTING_POOL_WEIGHT,
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
