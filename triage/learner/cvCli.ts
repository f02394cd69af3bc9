/**
 * Cross-validation of the learner on any labelled CSV/JSONL file.
 *   npx tsx triage/learner/cvCli.ts --cv 5 --csv data.csv --text-column text --label-column label
 * Prints a per-class table and a confusion matrix; the last line is exactly
 *   macro_f1=0.xxxx accuracy=0.xxxx
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { crossValidate, TooFewExamplesError } from './cv.js';
import { loadLabelled, loadTexts, DataFileError } from './data.js';
import { classesTooSmall, type EvaluationReport } from './metrics.js';
import type { TrainOptions } from './model.js';

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

const USAGE = `usage: cvCli --cv <folds> (--csv <file> | --jsonl <file>) [--text-column text] [--label-column label]
             [--seed 1] [--lambda auto|<number>] [--unlabelled <csv> [--unlabelled-column text]]`;

interface CliArgs {
  folds: number;
  file: string;
  format: 'csv' | 'jsonl';
  textColumn: string;
  labelColumn: string;
  seed: number;
  lambda: number | 'auto' | undefined;
  unlabelled: string[];
  unlabelledColumn: string;
}

function parseArgs(argv: string[]): CliArgs {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new CliUsageError(`unexpected argument "${a}"\n${USAGE}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new CliUsageError(`${a} needs a value\n${USAGE}`);
    flags.set(a, [...(flags.get(a) ?? []), v]);
    i++;
  }
  const known = ['--cv', '--csv', '--jsonl', '--text-column', '--label-column', '--seed', '--lambda', '--unlabelled', '--unlabelled-column'];
  for (const k of flags.keys()) if (!known.includes(k)) throw new CliUsageError(`unknown option ${k}\n${USAGE}`);
  const one = (k: string): string | undefined => flags.get(k)?.at(-1);
  const csv = one('--csv');
  const jsonl = one('--jsonl');
  if ((csv === undefined) === (jsonl === undefined)) throw new CliUsageError(`give exactly one of --csv or --jsonl\n${USAGE}`);
  const folds = Number(one('--cv') ?? '5');
  if (!Number.isInteger(folds) || folds < 2) throw new CliUsageError(`--cv must be an integer ≥ 2, got "${one('--cv')}"`);
  const seed = Number(one('--seed') ?? '1');
  if (!Number.isInteger(seed)) throw new CliUsageError(`--seed must be an integer, got "${one('--seed')}"`);
  const lambdaRaw = one('--lambda');
  let lambda: number | 'auto' | undefined;
  if (lambdaRaw !== undefined) {
    lambda = lambdaRaw === 'auto' ? 'auto' : Number(lambdaRaw);
    if (lambda !== 'auto' && !(lambda >= 0)) throw new CliUsageError(`--lambda must be "auto" or a number ≥ 0, got "${lambdaRaw}"`);
  }
  return {
    folds,
    file: (csv ?? jsonl)!,
    format: csv !== undefined ? 'csv' : 'jsonl',
    textColumn: one('--text-column') ?? 'text',
    labelColumn: one('--label-column') ?? 'label',
    seed,
    lambda,
    unlabelled: flags.get('--unlabelled') ?? [],
    unlabelledColumn: one('--unlabelled-column') ?? 'text',
  };
}

function pad(s: string, width: number): string {
  // CJK characters take two terminal columns.
  const w = Array.from(s).reduce((a, c) => a + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, width - w));
}

export function formatReport(r: EvaluationReport): string {
  const lines: string[] = [];
  const names = r.confusion.labels;
  const width = Math.max(8, ...names.map((n) => Array.from(n).length * 2)) + 2;
  lines.push(`${pad('class', width)}precision  recall     f1         support`);
  for (const l of names) {
    const m = r.perClass[l]!;
    lines.push(`${pad(l, width)}${m.precision.toFixed(4).padEnd(11)}${m.recall.toFixed(4).padEnd(11)}${m.f1.toFixed(4).padEnd(11)}${m.support}`);
  }
  lines.push('');
  lines.push('confusion matrix (rows = true, columns = predicted):');
  names.forEach((n, i) => lines.push(`  [${i}] ${n}`));
  lines.push(`${pad('', 8)}${names.map((_, i) => `[${i}]`.padStart(6)).join('')}`);
  r.confusion.matrix.forEach((row, i) => lines.push(`${`[${i}]`.padEnd(8)}${row.map((c) => String(c).padStart(6)).join('')}`));
  lines.push('');
  lines.push(`macro_f1=${r.macroF1.toFixed(4)} accuracy=${r.accuracy.toFixed(4)}`);
  return lines.join('\n');
}

/** Throws CliUsageError / DataFileError / TooFewExamplesError with a clear message; the script wrapper turns them into exit code 2/1. */
export async function runCrossValidationCli(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const data = loadLabelled(args.file, args.format, args.textColumn, args.labelColumn);
  if (data.skippedUnlabelled > 0) console.error(`note: skipped ${data.skippedUnlabelled} row(s) with an empty "${args.labelColumn}"`);
  const small = classesTooSmall(data.examples.map((e) => e.label), args.folds);
  if (small.length > 0) throw new TooFewExamplesError(small, args.folds);
  const opts: Partial<TrainOptions> = { seed: args.seed };
  if (args.lambda !== undefined) opts.lambda = args.lambda;
  if (args.unlabelled.length > 0) opts.unlabelledTexts = args.unlabelled.flatMap((p) => loadTexts(p, args.unlabelledColumn));
  const t0 = performance.now();
  const report = crossValidate(data.examples, args.folds, opts);
  const secs = (performance.now() - t0) / 1000;
  console.log(`${data.examples.length} examples, ${report.confusion.labels.length} classes, ${args.folds}-fold stratified CV, seed ${args.seed}, ${secs.toFixed(1)} s`);
  console.log(formatReport(report));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCrossValidationCli(process.argv.slice(2)).catch((err: unknown) => {
    const known = err instanceof CliUsageError || err instanceof DataFileError || err instanceof TooFewExamplesError;
    console.error(`error: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
    process.exit(err instanceof CliUsageError ? 2 : 1);
  });
}
