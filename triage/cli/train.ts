/**
 * npm run train [-- extra.jsonl ...] [--out path] [--folds 5]
 * Trains the offline triage model from resources/training/examples.jsonl (plus any extra files in the
 * same format), prints counts and a k-fold CV of categories, writes resources/model/triage-model.json.
 * Exit code 1 on a bad example file (message "file:line: what is wrong"), 2 on bad usage.
 */
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, resourcePath } from '../../app/config.js';
import { loadDirectory } from '../../knowledge/directory.js';
import { evaluate } from '../learner/index.js';
import { formatReport } from '../learner/cvCli.js';
import { trainOfflineModel, type TrainingExample } from '../offlineEngine.js';
import { ExampleFileError, readExampleFile } from './exampleFile.js';

export const DEFAULT_TRAINING_FILE = resourcePath('training', 'examples.jsonl');

export class UsageError extends Error {}

export interface TrainArgs {
  files: string[];
  out: string;
  folds: number;
  directory: boolean;
  cnb: number | 'auto' | undefined;
}

export function parseTrainArgs(argv: string[], defaultOut: string): TrainArgs {
  const files = [DEFAULT_TRAINING_FILE];
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
      // Train on the given files only (used by tests and experiments), not on the bundled set.
      files.length = 0;
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}\nusage: npm run train -- [extra.jsonl ...] [--only] [--out file] [--folds 5] [--no-directory] [--cnb auto|<weight>]`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('no training files given');
  return { files, out, folds, directory, cnb };
}

export async function runTrain(argv: string[]): Promise<void> {
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
  const { model, cvCategory } = trainOfflineModel(examples, {
    directory,
    trainedAt: new Date(),
    folds: args.folds,
    learner: args.cnb !== undefined ? { cnbWeight: args.cnb } : {},
    log: (l) => console.error(l),
  });
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
  const json = JSON.stringify(model);
  writeFileSync(tmp, json);
  renameSync(tmp, args.out);
  console.log(`wrote ${args.out} (${(json.length / 1024 / 1024).toFixed(2)} MB)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTrain(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof ExampleFileError || err instanceof UsageError) {
      console.error(`error: ${err.message}`);
      process.exit(err instanceof UsageError ? 2 : 1);
    }
    console.error(err);
    process.exit(1);
  });
}
