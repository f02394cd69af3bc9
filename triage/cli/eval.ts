/**
 * npm run eval -- <file.jsonl> [--offline] [--errors]
 *   Runs the full pipeline (normalize → injection strip → redact → emergency rules → engine) on every line
 *   of a TAXONOMY eval file and prints a confusion matrix, per-class precision/recall, and as the last line
 *     category_accuracy=0.xxxx target_accuracy=0.xxxx emergency_recall=0.xxxx emergency_false_alarms=N
 * npm run eval -- --cv <folds> (--csv f | --jsonl f) ...
 *   Cross-validation of the learner on any labelled CSV/JSONL (delegated to triage/learner/cvCli.ts).
 *
 * Scoring (docs/offline-engine.md):
 *   - category correct: the predicted category equals the line's category or the category of one of its `also` pairs;
 *   - target accuracy: over lines whose `targets` list is non-empty; correct when the prediction matches the
 *     line's (category, targets) pair — same category and the predicted target in the list — or one of its
 *     `also` pairs the same way (an `also` pair with an empty targets list matches on category alone);
 *   - emergency recall: share of lines with category emergency predicted emergency (1.0000 if there are none);
 *   - emergency false alarms: lines predicted emergency whose category and `also` categories are all other.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../app/config.js';
import { runCrossValidationCli } from '../learner/cvCli.js';
import { triage, type TriageDeps } from '../pipeline.js';
import { CATEGORIES, type Category, type TargetCode } from '../../kernel/taxonomy.js';
import type { Decision } from '../types.js';
import { ExampleFileError, readExampleFile, type ExampleLine } from './exampleFile.js';
import { parseFlags } from './args.js';
import { buildRuntime } from './runtime.js';

export class UsageError extends Error {}

const USAGE = 'usage: npm run eval -- <file.jsonl> [--offline] [--errors]\n       npm run eval -- --cv <folds> (--csv <file> | --jsonl <file>) [--text-column text] [--label-column label]';

export interface Scored {
  id: string;
  gold: Category;
  predicted: Category;
  /** The gold category the prediction is scored against (the line's own, or a matching `also` category). */
  effectiveGold: Category;
  categoryCorrect: boolean;
  targetScored: boolean;
  targetCorrect: boolean;
  target: TargetCode | null;
}

export function scoreLine(line: ExampleLine, d: Pick<Decision, 'category' | 'target'>): Scored {
  const pairs = [{ category: line.category, targets: line.targets }, ...(line.also ?? [])];
  const catMatch = pairs.find((p) => p.category === d.category);
  const targetScored = line.targets.length > 0;
  const targetCorrect =
    targetScored && pairs.some((p) => p.category === d.category && (p.targets.length === 0 ? p !== pairs[0] : d.target !== null && p.targets.includes(d.target)));
  return {
    id: line.id,
    gold: line.category,
    predicted: d.category,
    effectiveGold: catMatch ? catMatch.category : line.category,
    categoryCorrect: catMatch !== undefined,
    targetScored,
    targetCorrect,
    target: d.target,
  };
}

export interface Summary {
  n: number;
  categoryAccuracy: number;
  targetAccuracy: number;
  targetLines: number;
  emergencyRecall: number;
  emergencyFalseAlarms: number;
}

export function summarize(lines: ExampleLine[], scored: Scored[]): Summary {
  const n = scored.length;
  const targetLines = scored.filter((s) => s.targetScored);
  const emergencies = lines.filter((l) => l.category === 'emergency');
  const caught = scored.filter((s) => s.gold === 'emergency' && s.predicted === 'emergency').length;
  const falseAlarms = scored.filter((s, i) => s.predicted === 'emergency' && !lines[i]!.category.includes('emergency') && !(lines[i]!.also ?? []).some((a) => a.category === 'emergency')).length;
  return {
    n,
    categoryAccuracy: n ? scored.filter((s) => s.categoryCorrect).length / n : 0,
    targetAccuracy: targetLines.length ? targetLines.filter((s) => s.targetCorrect).length / targetLines.length : 0,
    targetLines: targetLines.length,
    emergencyRecall: emergencies.length ? caught / emergencies.length : 1,
    emergencyFalseAlarms: falseAlarms,
  };
}

export const lastLine = (s: Summary): string =>
  `category_accuracy=${s.categoryAccuracy.toFixed(4)} target_accuracy=${s.targetAccuracy.toFixed(4)} emergency_recall=${s.emergencyRecall.toFixed(4)} emergency_false_alarms=${s.emergencyFalseAlarms}`;

export function formatConfusion(scored: Scored[]): string {
  const labels = CATEGORIES as readonly Category[];
  const idx = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (const s of scored) m[idx.get(s.effectiveGold)!]![idx.get(s.predicted)!]!++;
  const short = ['emerg', 'legal', 'petit', 'oos', 'inqu', 'uncl'];
  const out: string[] = [];
  out.push('confusion matrix (rows = gold category, `also` matches counted as correct; columns = predicted):');
  out.push(''.padEnd(15) + short.map((s) => s.padStart(7)).join(''));
  labels.forEach((l, i) => out.push(l.padEnd(15) + m[i]!.map((c) => String(c).padStart(7)).join('')));
  out.push('');
  out.push('class'.padEnd(15) + 'precision'.padStart(11) + 'recall'.padStart(9) + 'support'.padStart(9));
  labels.forEach((l, i) => {
    const tp = m[i]![i]!;
    const support = m[i]!.reduce((a, b) => a + b, 0);
    const predicted = m.reduce((a, row) => a + row[i]!, 0);
    const p = predicted ? (tp / predicted).toFixed(4) : '-';
    const r = support ? (tp / support).toFixed(4) : '-';
    out.push(l.padEnd(15) + p.padStart(11) + r.padStart(9) + String(support).padStart(9));
  });
  return out.join('\n');
}

export async function evaluateFile(file: string, deps: TriageDeps): Promise<{ lines: ExampleLine[]; scored: Scored[]; decisions: Decision[] }> {
  const lines = readExampleFile(file);
  if (lines.length === 0) throw new UsageError(`${file} has no examples`);
  const scored: Scored[] = [];
  const decisions: Decision[] = [];
  for (const line of lines) {
    const d = await triage(line.text, deps);
    decisions.push(d);
    scored.push(scoreLine(line, d));
  }
  return { lines, scored, decisions };
}

export async function runEvalCli(argv: string[]): Promise<void> {
  if (argv.includes('--cv')) {
    await runCrossValidationCli(argv);
    return;
  }
  const { flags, words: files } = parseFlags(argv, ['--offline', '--errors'], USAGE, UsageError);
  const offline = flags.has('--offline');
  const errors = flags.has('--errors');
  if (files.length !== 1) throw new UsageError(`give exactly one eval file\n${USAGE}`);
  const cfg = loadConfig();
  const runtime = await buildRuntime(cfg, { offlineOnly: offline });
  // Per-line warnings (every emergency rule firing) would drown the report; failures still show in the reasons.
  const deps: TriageDeps = { ...runtime.deps, logger: undefined };
  const t0 = performance.now();
  const { lines, scored, decisions } = await evaluateFile(files[0]!, deps);
  const ms = performance.now() - t0;
  const s = summarize(lines, scored);
  console.log(`${s.n} lines from ${files[0]}, engine ${deps.engine.name}${deps.fallback ? ` (fallback ${deps.fallback.name})` : ''}, ${(ms / s.n).toFixed(1)} ms/line`);
  console.log('');
  console.log(formatConfusion(scored));
  console.log('');
  console.log(`target accuracy over ${s.targetLines} lines with targets; emergency lines ${lines.filter((l) => l.category === 'emergency').length}`);
  if (errors) {
    console.log('');
    console.log('errors (id gold → predicted [target] reasons):');
    scored.forEach((x, i) => {
      if (x.categoryCorrect && (!x.targetScored || x.targetCorrect)) return;
      const l = lines[i]!;
      console.log(`  ${x.id} ${l.category}/${l.targets.join(',') || '-'} → ${x.predicted}/${x.target ?? '-'} ${decisions[i]!.reasons.join(' | ')}`);
    });
  }
  console.log(lastLine(s));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEvalCli(process.argv.slice(2)).catch((err: unknown) => {
    const known = err instanceof UsageError || err instanceof ExampleFileError || (err instanceof Error && ['CliUsageError', 'DataFileError', 'TooFewExamplesError'].includes(err.name));
    console.error(`error: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
    process.exit(err instanceof UsageError || (err instanceof Error && err.name === 'CliUsageError') ? 2 : 1);
  });
}
