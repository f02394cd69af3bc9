/**
 * Builds the routing model of the offline engine from real letters (sources.ts), the petition examples
 * of resources/training and the directory's matters phrases; fits its temperature and its abstention
 * margin on a held-out fifth (near-duplicate groups kept on one side), then refits on everything.
 */
import type { DepartmentCode } from '../../kernel/taxonomy.js';
import { DEFAULT_ROUTING_TRAIN, fitOnCorpus, prepareCorpus, type RoutingModel, type RoutingTrainOptions } from './model.js';
import { nearDupGroups } from './nearDup.js';
import type { RealLetterSet } from './sources.js';

export interface RoutingItem {
  /** Prepared text. */
  text: string;
  labels: DepartmentCode[];
  weight: number;
  /** Only real letters are held out for calibration: examples and phrases always train. */
  letter: boolean;
}

export interface RoutingBuild {
  model: RoutingModel;
  /** Decide only when p1 − p2 ≥ this (calibrated probabilities); below it the office reviews. */
  abstainMargin: number;
  heldOut: { n: number; accuracy: number; coverage: number; accuracyDecided: number; temperature: number };
}

/** In-domain replies from the Teddy platform count double: the test letters come from the same kind of platform. */
export const TEDDY_REPLY_WEIGHT = 3;
/** Hand-written examples are short and clean; they keep the engine right on short chat messages. */
export const EXAMPLE_WEIGHT = 1.5;
/**
 * A label scheme's matter name (sources.ts teddyTaxonomyPhrases) weighs as much as a same-platform reply:
 * on the dev letters (Shanghai fold 0, fujian4 dev fifth) weights 2, 3 and 5 were alike; see docs/routing.md.
 */
export const SCHEME_PHRASE_WEIGHT = 3;
/** Classes are re-weighted by (n / (K · n_c))^BALANCE: thin codes (market_regulation) are not drowned. */
export const BALANCE = 0.5;
/** Share of held-out letters the engine should decide on its own; the rest go to review. */
export const TARGET_COVERAGE = 0.8;
const TEMPERATURES = Array.from({ length: 40 }, (_, i) => 0.05 + i * 0.05);

export function realLetterItems(set: RealLetterSet, prepare: (t: string) => string): { items: RoutingItem[]; unlabelled: string[] } {
  const items: RoutingItem[] = [];
  const unlabelled: string[] = [];
  for (const l of set.letters) {
    const text = prepare(l.text);
    if (l.labels.length === 0) unlabelled.push(text);
    else items.push({ text, labels: l.labels, weight: l.weight * (l.source === 'teddy_replies' ? TEDDY_REPLY_WEIGHT : 1), letter: true });
  }
  for (const p of set.phrases ?? []) items.push({ text: prepare(p.text), labels: p.labels, weight: SCHEME_PHRASE_WEIGHT, letter: false });
  return { items, unlabelled };
}

function balanced(items: RoutingItem[]): number[] {
  const per = new Map<string, number>();
  for (const it of items) per.set(it.labels[0]!, (per.get(it.labels[0]!) ?? 0) + it.weight);
  const total = [...per.values()].reduce((a, b) => a + b, 0);
  return items.map((it) => it.weight * Math.pow(total / (per.size * per.get(it.labels[0]!)!), BALANCE));
}

/** Mean −log Σ_{t∈T} p_t over rows at a temperature: what the temperature minimises. */
function nll(model: RoutingModel, rows: ReturnType<RoutingModel['row']>[], labels: DepartmentCode[][], t: number): number {
  let s = 0;
  rows.forEach((r, i) => {
    const p = model.probsOfRow(r, t);
    let q = 0;
    for (const l of labels[i]!) q += p[model.labels.indexOf(l)] ?? 0;
    s -= Math.log(Math.max(q, 1e-12));
  });
  return s / Math.max(1, rows.length);
}

export function buildRoutingModel(
  items: RoutingItem[],
  unlabelled: string[],
  opts: Partial<RoutingTrainOptions> & { log?: (l: string) => void; /** Skip the held-out probe (CV folds reuse a fitted temperature). */ fixedTemperature?: number } = {},
): RoutingBuild {
  const o = { ...DEFAULT_ROUTING_TRAIN, ...opts };
  const log = opts.log ?? (() => {});
  const corpus = prepareCorpus(items.map((i) => i.text), { ...o, unlabelledTexts: unlabelled });
  log(`routing: ${items.length} labelled items (${items.filter((i) => i.letter).length} real letters), ${unlabelled.length} unlabelled, ${corpus.buckets.length} feature buckets`);
  const weights = balanced(items);
  const rows = items.map((it, i) => ({ row: corpus.rows[i]!, labels: it.labels, weight: weights[i]! }));

  // Held-out fifth of the letters, near-duplicate groups together, for temperature and margin.
  const letterIdx = items.map((it, i) => (it.letter ? i : -1)).filter((i) => i >= 0);
  const groups = nearDupGroups(letterIdx.map((i) => items[i]!.text));
  const held = new Set<number>();
  letterIdx.forEach((i, j) => {
    if (groups[j]! % 5 === 2) held.add(i);
  });
  let temperature = 1;
  let abstainMargin = 0;
  let heldOut = { n: 0, accuracy: 0, coverage: 1, accuracyDecided: 0, temperature: 1 };
  if (opts.fixedTemperature !== undefined) temperature = opts.fixedTemperature;
  else if (held.size >= 50) {
    const probe = fitOnCorpus(corpus, rows.filter((_, i) => !held.has(i)), o);
    const hRows = [...held].map((i) => corpus.rows[i]!);
    const hLabels = [...held].map((i) => items[i]!.labels);
    let best = Infinity;
    for (const t of TEMPERATURES) {
      const v = nll(probe, hRows, hLabels, t);
      if (v < best) [best, temperature] = [v, t];
    }
    const scored = hRows.map((r, i) => {
      const p = Array.from(probe.probsOfRow(r, temperature));
      const order = p.map((v, k) => [v, k] as const).sort((a, b) => b[0] - a[0]);
      return { margin: order[0]![0] - order[1]![0], right: hLabels[i]!.includes(probe.labels[order[0]![1]]!) };
    });
    scored.sort((a, b) => b.margin - a.margin);
    const keep = Math.round(scored.length * TARGET_COVERAGE);
    abstainMargin = scored[Math.min(keep, scored.length - 1)]!.margin;
    const decided = scored.filter((s) => s.margin >= abstainMargin);
    heldOut = {
      n: scored.length,
      accuracy: scored.filter((s) => s.right).length / scored.length,
      coverage: decided.length / scored.length,
      accuracyDecided: decided.filter((s) => s.right).length / Math.max(1, decided.length),
      temperature,
    };
    log(`routing held-out (${heldOut.n} letters): accuracy ${heldOut.accuracy.toFixed(4)}; temperature ${temperature.toFixed(2)}; margin ≥ ${abstainMargin.toFixed(3)} decides ${(heldOut.coverage * 100).toFixed(0)}% at ${heldOut.accuracyDecided.toFixed(4)}`);
  }
  const model = fitOnCorpus(corpus, rows, o);
  model.temperature = temperature;
  return { model, abstainMargin, heldOut };
}
