/**
 * npm run train [-- extra.jsonl ...] [--out path] [--folds 5] [--no-letters] [--only]
 * Trains the offline triage model from every resources/training/*.jsonl (plus any extra files in the
 * same format) and, when ../shared is present, the real letters read by path (triage/routing/sources.ts);
 * prints counts and a k-fold CV of categories, writes resources/model/triage-model.json with the list of
 * files it learned from (sha256).
 * Exit code 1 on a bad example file (message "file:line: what is wrong"), 2 on bad usage.
 */
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../app/config.js';
import { loadDirectory } from '../../directory/directory.js';
import { evaluate } from '../learner/index.js';
import { formatReport } from '../learner/cvCli.js';
import type { TrainingExample } from '../offlineEngine.js';
import { trainOfflineModel } from '../offlineTraining.js';
import { ExampleFileError, readExampleFile } from './exampleFile.js';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { loadRealLetters, sha256, SHARED_ROOT, SourceFileError, type RealLetterSet } from '../routing/sources.js';

export { DEFAULT_TRAINING_FILE, DEFAULT_TRAINING_DIR, defaultTrainingFiles } from './exampleFiles.js';
import { defaultTrainingFiles } from './exampleFiles.js';

export class UsageError extends Error {}

export interface TrainArgs {
  files: string[];
  out: string;
  folds: number;
  directory: boolean;
  cnb: number | 'auto' | undefined;
  /** Learn from the real letters in ../shared when present (off with --only or --no-letters). */
  letters: boolean;
}

export function parseTrainArgs(argv: string[], defaultOut: string): TrainArgs {
  const files = defaultTrainingFiles();
  let letters = true;
  let out = defaultOut;
  let folds = 5;
  let directory = true;
  let cnb: number | 'auto' | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') {
      const v = argv[++i];
      if (!v) throw new UsageError('--out needs a path');
      out = v;
    } else if (a === '--folds') {
      folds = Number(argv[++i]);
      if (!Number.isInteger(folds) || folds < 2) throw new UsageError('--folds must be an integer ≥ 2');
    } else if (a === '--cnb') {
      const v = argv[++i];
      cnb = v === 'auto' ? 'auto' : Number(v);
      if (cnb !== 'auto' && !(cnb >= 0)) throw new UsageError('--cnb must be "auto" or a number ≥ 0');
    } else if (a === '--no-directory') {
      directory = false;
    } else if (a === '--only') {
      // Train on the given files only (used by tests and experiments), not on the bundled set nor ../shared.
      files.length = 0;
      letters = false;
    } else if (a === '--no-letters') {
      letters = false;
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}\nusage: npm run train -- [extra.jsonl ...] [--only] [--out file] [--folds 5] [--no-directory] [--no-letters] [--cnb auto|<weight>]`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('no training files given');
  return { files, out, folds, directory, cnb, letters };
}

export async function runTrain(argv: string[]): Promise<void> {
  const tStart = performance.now();
  const cfg = loadConfig();
  const args = parseTrainArgs(argv, cfg.TRIAGE_MODEL_PATH);
  const examples: TrainingExample[] = [];
  const seen = new Set<string>();
  for (const f of args.files) {
    for (const e of readExampleFile(f)) {
      const key = `${path.basename(f)}#${e.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      examples.push({ id: e.id, text: e.text, category: e.category, targets: e.targets });
    }
  }
  const directory = args.directory ? loadDirectory(cfg.DIRECTORY_PATH) : undefined;
  const t0 = performance.now();
  let realLetters: RealLetterSet | null = null;
  if (args.letters) {
    realLetters = loadRealLetters();
    if (realLetters) {
      for (const src of realLetters.sources) {
        console.error(`real letters: ${src.path} (sha256 ${src.sha256.slice(0, 12)}…): ${src.read} read, ${src.excludedNearTest} dropped as (near-)duplicates of the test sets, ${src.labelled} with a weak label`);
      }
    } else {
      console.error(`NOTE: ${SHARED_ROOT} not found — training on resources/training alone (no routing model from real letters; the engine routes with the examples' department model only)`);
    }
  }
  const trainingSources = args.files.map((f) => ({ path: path.relative(PROJECT_ROOT, path.resolve(f)), sha256: sha256(readFileSync(f)) }));
  const { model, cvCategory } = trainOfflineModel(examples, {
    directory,
    trainedAt: new Date(),
    folds: args.folds,
    learner: args.cnb !== undefined ? { cnbWeight: args.cnb } : {},
    log: (l) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${l}`),
    realLetters,
  });
  model.metadata.sources = [...trainingSources, ...(realLetters?.sources.map((s) => ({ path: s.path, sha256: s.sha256 })) ?? [])];
  const secs = (performance.now() - t0) / 1000;

  console.log(`${examples.length} examples from ${args.files.length} file(s), trained in ${secs.toFixed(1)} s`);
  console.log('categories: ' + Object.entries(model.metadata.categoryCounts).map(([k, v]) => `${k}=${v}`).join(' '));
  console.log('targets:    ' + Object.entries(model.metadata.targetCounts).sort().map(([k, v]) => `${k}=${v}`).join(' '));
  console.log('');
  console.log(`${args.folds}-fold cross-validation of categories on the training set:`);
  console.log(formatReport(evaluate(cvCategory.truth, cvCategory.predicted, [...new Set(cvCategory.truth)].sort())));
  const cv = model.metadata.cv!;
  if (cv.calibrationError !== undefined) {
    console.log(`category confidence calibration (cv): expected calibration error ${cv.calibrationErrorRaw!.toFixed(3)} raw → ${cv.calibrationError.toFixed(3)} after temperature ${model.calibration.temperature.toFixed(2)}`);
  }
  console.log(`target accuracy (cv, gold category): ${cv.targetAccuracy.toFixed(4)} fused, ${cv.targetAccuracyModelOnly.toFixed(4)} model only; directory weight ${model.fusion.directoryWeight}; temperature ${model.calibration.temperature.toFixed(2)}`);

  mkdirSync(path.dirname(args.out), { recursive: true });
  const tmp = `${args.out}.tmp-${process.pid}`;
  if (model.routing?.heldOut) {
    const h = model.routing.heldOut;
    console.log(`routing (held-out real letters, n=${h.n}): accuracy ${h.accuracy.toFixed(4)}; decides ${(h.coverage * 100).toFixed(0)}% (margin ≥ ${model.routing.abstainMargin.toFixed(3)}) at ${h.accuracyDecided.toFixed(4)}`);
  }
  console.log('learned from: ' + model.metadata.sources.map((s) => `${s.path} (sha256 ${s.sha256.slice(0, 12)}…)`).join(', '));
  const json = JSON.stringify(model);
  writeFileSync(tmp, json);
  renameSync(tmp, args.out);
  console.log(`wrote ${args.out} (${(json.length / 1024 / 1024).toFixed(2)} MB)`);
  const [load1] = loadavg();
  console.log(`train wall time ${((performance.now() - tStart) / 1000).toFixed(1)} s (load average ${load1!.toFixed(1)} on ${cpus().length} cores)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTrain(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof ExampleFileError || err instanceof UsageError || err instanceof SourceFileError) {
      console.error(`error: ${err.message}`);
      process.exit(err instanceof UsageError ? 2 : 1);
    }
    console.error(err);
    process.exit(1);
  });
}
