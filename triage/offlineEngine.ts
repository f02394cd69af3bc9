/**
 * The offline decision engine: no network, no LLM. Three learned text models (triage/learner) and a
 * retrieval step over the directory's `matters` phrases:
 *   1. category model (6 categories) → calibrated probability = the decision's confidence;
 *   2. target model for the chosen category (departments for petition, services for 信访外,
 *      legal_aid-or-none for the legal channel), fused with a directory match score.
 * See docs/offline-engine.md for the fusion rule and how its weight is chosen; training is in offlineTraining.ts.
 */
import { categoryGuards, departmentOverride, publicMatterOf } from './engineGuards.js';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MatterIndex, fuseTargets, categoryEvidence, fuseCategories, applyTemperature } from './routing/fusion.js';
import { loadModel, type SerializedModel, type TextModel } from './learner/index.js';
import { normalize } from './normalize.js';
import { redact } from './redact.js';
import { stripInstructions } from './injection.js';
import { forOfflineModels } from './english.js';
import { hongKongReading } from './hkWritten.js';
import {
  CATEGORIES, DEPARTMENT_CODES, SERVICE_CODES, isCategory, targetsFor,
  type Category, type TargetCode,
} from '../kernel/taxonomy.js';
import type { Citation, DecisionEngine, EngineInput, EngineResult } from './types.js';
import { loadRoutingModel, type RoutingModel, type SerializedRoutingModel } from './routing/model.js';
import { poolTargets, routingVerdict } from './routing/decide.js';
import { splitSecondMatter } from './routing/secondMatter.js';
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
  /** Messages of at least this many characters get the full weight a; shorter ones proportionally less (150 when absent). */
  fullWeightChars?: number;
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
  const n = normalize(text);
  return forOfflineModels(redact(stripInstructions(hongKongReading(n.normalized, n.language)).text).text);
}

export {
  MatterIndex, fuseTargets, categoryEvidence, fuseCategories, applyTemperature, expectedCalibrationError, type DirectoryMatch,
} from './routing/fusion.js';

export const argmax = (probs: Record<string, number>): [string, number] => {
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
      // Hong Kong written words (管理處, 地盤, 判頭 …) in a 繁體 text, read as the models know them (hkWritten.ts).
      return classify(hongKongReading(input.text, input.language));
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

/** Messages at least this long get the full routing weight, for model files without `routing.fullWeightChars`. */
export const LEGACY_FULL_WEIGHT_CHARS = 150;

function decideWith(models: Models, index: MatterIndex | undefined, m: OfflineModel, fullText: string): EngineResult {
  // English is read through its lemmas and taxonomy terms (english.ts), as prepareText did in training.
  const text = forOfflineModels(fullText.length > ENGINE_MAX_CHARS ? fullText.slice(0, ENGINE_MAX_CHARS) : fullText);
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
  let category: Category = cat;
  reasons.push(`classifier:${cat} ${conf.toFixed(2)}`);
  category = categoryGuards(category, conf, fullText, reasons);

  let target: TargetCode | null = null;
  let secondaryTarget: TargetCode | undefined;
  let targetConfidence: number | undefined;
  let reviewReason: string | undefined;
  let topicTarget: TargetCode | undefined;
  let topicConfidence: number | undefined;
  let runnerUp: TargetCode | undefined;
  let switched: string | undefined;
  // The 信访外 reading, routed once: kept unless it turns out to be a public matter below.
  let outOfScope: Routed | undefined;
  if (category === 'out_of_scope') {
    outOfScope = routeTargets(models, index, m, text, 'out_of_scope', allMatches, fullText);
    const service = outOfScope.target;
    const why = publicMatterOf(service, fullText);
    if (why) {
      reasons.push(`${why}:out_of_scope/${service} ${conf.toFixed(2)}`);
      category = 'petition';
      switched = why;
      outOfScope = undefined;
    }
  }
  if (category === 'petition' || category === 'out_of_scope') {
    const routed = outOfScope ?? routeTargets(models, index, m, text, category, allMatches, fullText);
    target = routed.target;
    reasons.push(...routed.reasons);
    citations.push(...routed.citations);
    secondaryTarget = routed.secondaryTarget;
    const override = category === 'petition' ? departmentOverride(target, fullText) : null;
    if (override) {
      reasons.push(override.reason);
      secondaryTarget = target ?? undefined;
      target = override.target;
    }
    targetConfidence = routed.targetConfidence;
    reviewReason = routed.reviewReason ?? switched;
    runnerUp = routed.runnerUp;
  } else if (category === 'inquiry') {
    // A question may still be registered as a case (the resident's "register it anyway"); the office card
    // then proposes the department whose matters it concerns instead of an empty handler.
    const routed = routeTargets(models, index, m, text, 'petition', allMatches);
    topicTarget = routed.target;
    topicConfidence = routed.target ? (routed.fused[routed.target] ?? 0) : undefined;
    reasons.push(`topic_target:${routed.target} ${(topicConfidence ?? 0).toFixed(2)}`);
  } else if (category === 'legal_channel') {
    const p = models.legalAid.predict(text).probs.legal_aid ?? 0;
    if (p >= 0.5) target = 'legal_aid';
    reasons.push(`legal_aid:${p.toFixed(2)}`);
  }
  return {
    category,
    target,
    confidence: Math.min(1, Math.max(0, conf)),
    reasons,
    citations,
    ...(secondaryTarget ? { secondaryTarget } : {}),
    ...(targetConfidence !== undefined ? { targetConfidence: Math.min(1, Math.max(0, targetConfidence * conf)) } : {}),
    ...(reviewReason ? { needsReview: true, reviewReason } : {}),
    ...(topicTarget ? { topicTarget, ...(topicConfidence !== undefined ? { topicConfidence } : {}) } : {}),
    ...(runnerUp ? { runnerUp } : {}),
  };
}

interface Routed {
  target: TargetCode;
  fused: Record<string, number>;
  reasons: string[];
  citations: Citation[];
  secondaryTarget?: TargetCode;
  targetConfidence?: number;
  reviewReason?: string;
  runnerUp?: TargetCode;
}

/** The target probabilities of `text`: the examples' (or service) model, pooled with the routing model by length, fused with the directory. */
function targetProbs(
  models: Models, m: OfflineModel, text: string, cat: 'petition' | 'out_of_scope', matches: ReturnType<MatterIndex['matchAll']>,
): { mp: Record<string, number>; fused: Record<string, number> } {
  const model = cat === 'petition' ? models.department : models.service;
  let mp = model.predict(text).probs;
  let directoryWeight = m.fusion.directoryWeight;
  if (cat === 'petition' && models.routing && m.routing) {
    const routed = models.routing.predict(text);
    // Short chat messages are what the examples' model knows; letters are what the routing model knows.
    const share = Math.min(1, Array.from(text).length / (m.routing.fullWeightChars ?? LEGACY_FULL_WEIGHT_CHARS));
    mp = poolTargets(mp, routed.probs, m.routing.weight * share);
    // The directory's short matters phrases fire on incidental words of a long letter (a story names
    // many things); the routing model has already read the whole letter. On held-out letters,
    // dropping the directory term for letters: fujian4 0.739 → 0.765, Shanghai 0.738 → 0.757.
    directoryWeight *= 1 - share;
  }
  return { mp, fused: fuseTargets(mp, matches, directoryWeight) };
}

/** How sure the part after "另外 / also" must be of its own department to be recorded as a second matter. */
const SECOND_MATTER_MIN = 0.5;

function routeTargets(
  models: Models, index: MatterIndex | undefined, m: OfflineModel, text: string,
  cat: 'petition' | 'out_of_scope', allMatches: ReturnType<MatterIndex['matchAll']>, raw?: string,
): Routed {
  const reasons: string[] = [];
  const citations: Citation[] = [];
  const allowed = targetsFor(cat);
  const within = (ms: ReturnType<MatterIndex['matchAll']>) => ms.filter((x) => (allowed as readonly string[]).includes(x.target));
  const matches = within(allMatches);
  const { mp, fused } = targetProbs(models, m, text, cat, matches);
  const [t, p] = argmax(fused);
  if (!(allowed as readonly string[]).includes(t)) throw new Error(`offline model produced target "${t}" not allowed for ${cat}`);
  const target = t as TargetCode;
  const [mt, mpBest] = argmax(mp);
  reasons.push(`target_model:${mt} ${mpBest.toFixed(2)}`);
  // Cite only a phrase that supports the chosen target: the best match overall had been cited for another department
  // ("housing 房屋租赁备案" on a medical-insurance question routed to health), and the office card read it as the reason.
  const top = matches.find((x) => x.target === target);
  if (top) {
    reasons.push(`directory_match:${top.target} ${top.phrase}`);
    citations.push({ source: 'directory', title: top.owner, excerpt: top.phrase, score: Number(top.score.toFixed(3)) });
  }
  reasons.push(`target:${target} ${p.toFixed(2)}`);
  const out: Routed = { target, fused, reasons, citations };
  if (m.routing) {
    const v = routingVerdict(fused, target, m.routing);
    if (v.secondaryTarget) {
      out.secondaryTarget = v.secondaryTarget;
      reasons.push(`secondary_target:${v.secondaryTarget} ${(fused[v.secondaryTarget] ?? 0).toFixed(2)}`);
    }
    // A second matter announced in words (另外, also …) that, read alone, belongs to another department.
    // Split before the English reading, which drops "also" with the other function words.
    // Only for a petition's own routing (`raw` given): an inquiry's topic needs no second matter.
    const parts = cat === 'petition' && raw !== undefined && !out.secondaryTarget ? splitSecondMatter(raw)?.map(forOfflineModels) : null;
    if (parts) {
      const tops = parts.map((part) => argmax(targetProbs(models, m, part, cat, within(index?.matchAll(part) ?? [])).fused));
      const other = tops.find(([code]) => code !== target);
      if (other && tops.some(([code]) => code === target) && other[1] >= SECOND_MATTER_MIN) {
        out.secondaryTarget = other[0] as TargetCode;
        reasons.push(`secondary_target:${other[0]} ${other[1].toFixed(2)}`, 'second_matter_marker');
      }
    }
    out.targetConfidence = v.targetConfidence;
    if (v.unsure) {
      out.reviewReason = v.unsure;
      if (v.runnerUp) out.runnerUp = v.runnerUp as TargetCode;
      reasons.push(v.unsure);
    }
  }
  return out;
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
      fullWeightChars: z.number().positive().optional(),
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
