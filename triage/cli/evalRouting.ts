/**
 * npm run eval:routing -- --file F [--model path] [--errors]
 *   Routing accuracy of the full pipeline with the offline engine on real letters. F is a JSONL file with
 *   `text` and `targets` (department codes; [] = unlabelled, skipped) and optional `lang`/`language`, or a
 *   CSV with `text` and `label` (the Teddy 2020 一级分类, mapped to department codes as in issue 9).
 *   A message is right only when it is routed as a petition with a target in its list: no target,
 *   信访外, inquiry, legal channel and emergency count as wrong.
 * npm run eval:routing -- --cv-shanghai K
 *   Grouped K-fold CV on ../shared/eval/shanghai2023/letters.jsonl (near-identical letters in one fold):
 *   the routing model and the category model are retrained without the fold (everything else as in
 *   `npm run train`) and the fold is triaged by the full pipeline.
 * Prints per-group accuracy, per-code precision/recall, a confusion matrix, a risk–coverage table and
 * the share sent to review; the last line is `routing_accuracy=0.xxxx n=N`.
 * Exit codes: 1 bad/missing file (message names file and line), 2 bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../app/config.js';
import { loadDirectory } from '../../directory/directory.js';
import { createOfflineEngine, loadOfflineModel, OfflineModelError, type OfflineModel } from '../offlineEngine.js';
import { triage } from '../pipeline.js';
import { DEPARTMENT_CODES, isCategory, TARGET_CODES, type Category, type DepartmentCode } from '../../kernel/taxonomy.js';
import type { Decision } from '../types.js';
import { parseCsvRecords, SourceFileError } from '../routing/sources.js';
import { TEDDY_LABEL_TARGETS } from '../routing/weakLabels.js';
import { formatRoutingReport, scoreRouting, type RoutingCase } from '../routing/report.js';
import { runShanghaiCv } from '../routing/cv.js';
import { defaultTrainingFiles } from './exampleFiles.js';
import { readExampleFile } from './exampleFile.js';

export class UsageError extends Error {}
export class RoutingFileError extends Error {}

const USAGE = 'usage: npm run eval:routing -- --file <file.jsonl|file.csv> [--model path] [--errors]\n       npm run eval:routing -- --cv-shanghai <folds>';

export interface EvalRoutingArgs {
  file?: string;
  cvShanghai?: number;
  model?: string;
  errors: boolean;
}

export function parseEvalRoutingArgs(argv: string[]): EvalRoutingArgs {
  const a: EvalRoutingArgs = { errors: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--file') {
      a.file = argv[++i];
      if (!a.file) throw new UsageError(`--file needs a path\n${USAGE}`);
    } else if (x === '--cv-shanghai') {
      const k = Number(argv[++i]);
      if (!Number.isInteger(k) || k < 2) throw new UsageError(`--cv-shanghai needs an integer ≥ 2\n${USAGE}`);
      a.cvShanghai = k;
    } else if (x === '--model') {
      a.model = argv[++i];
      if (!a.model) throw new UsageError(`--model needs a path\n${USAGE}`);
    } else if (x === '--errors') a.errors = true;
    else throw new UsageError(`unknown argument ${x}\n${USAGE}`);
  }
  if (!a.file && !a.cvShanghai) throw new UsageError(`give --file or --cv-shanghai\n${USAGE}`);
  return a;
}

export interface RoutingItem {
  id: string;
  text: string;
  targets: DepartmentCode[];
  /** Teddy 一级分类 or the first target: the row of the confusion matrix. */
  group: string;
  lang?: string;
  /** Expected category when it is not petition (then `targets` may be service codes or empty). */
  category?: Category;
  /** Further acceptable decisions (TAXONOMY.md `also`), scored the same way. */
  also?: Array<{ category: Category; targets: string[] }>;
}

/** Reads a JSONL (`text`, `targets`, optional `lang`/`language`) or a Teddy CSV (`text`, `label`). */
export function readRoutingFile(file: string): RoutingItem[] {
  if (!existsSync(file)) throw new RoutingFileError(`cannot read ${file}: no such file`);
  const buf = readFileSync(file);
  const items: RoutingItem[] = [];
  if (file.toLowerCase().endsWith('.csv')) {
    const rows = parseCsvRecords(buf, file);
    rows.forEach((r, i) => {
      const line = i + 2;
      if (typeof r.text !== 'string' || typeof r.label !== 'string') throw new RoutingFileError(`${file}:${line}: expected columns "text" and "label"`);
      const targets = TEDDY_LABEL_TARGETS[r.label.trim()];
      if (!targets) throw new RoutingFileError(`${file}:${line}: unknown label "${r.label}" (known: ${Object.keys(TEDDY_LABEL_TARGETS).join(', ')})`);
      items.push({ id: r.id ?? String(line), text: r.text, targets: [...targets], group: r.label.trim() });
    });
  } else {
    buf.toString('utf8').split('\n').forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(raw) as Record<string, unknown>;
      } catch (err) {
        throw new RoutingFileError(`${file}:${line}: not valid JSON (${(err as Error).message})`);
      }
      if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || !Array.isArray(o.targets)) {
        throw new RoutingFileError(`${file}:${line}: expected an object with "text" (string) and "targets" (array of department codes)`);
      }
      // Evaluation files may carry the full decision (TAXONOMY.md's format): a `category` other than
      // petition is right when the engine gives that category and, if targets are listed, one of them.
      if (o.category !== undefined && !isCategory(o.category)) throw new RoutingFileError(`${file}:${line}: unknown category ${String(o.category)}`);
      const category = (o.category as Category | undefined) ?? 'petition';
      const allowed = category === 'petition' ? DEPARTMENT_CODES : TARGET_CODES;
      const bad = o.targets.filter((t) => !(allowed as readonly unknown[]).includes(t));
      if (bad.length > 0) throw new RoutingFileError(`${file}:${line}: unknown ${category === 'petition' ? 'department' : 'target'} code(s) ${bad.map(String).join(', ')}`);
      const targets = o.targets as DepartmentCode[];
      if (targets.length === 0 && category === 'petition') return;
      const also = readAlso(o.also, `${file}:${line}`);
      const lang = typeof o.lang === 'string' ? o.lang : typeof o.language === 'string' ? o.language : undefined;
      const group = category === 'petition' ? targets[0]! : `(${category})`;
      items.push({ id: String(o.id ?? line), text: o.text, targets, group, ...(category !== 'petition' ? { category } : {}), ...(lang ? { lang } : {}), ...(also.length ? { also } : {}) });
    });
  }
  if (items.length === 0) throw new RoutingFileError(`${file}: no labelled messages`);
  return items;
}

/** TAXONOMY.md's `also`: further `{category, targets}` pairs a line accepts (a fire victim's hardship is 信访外 and 民政). */
function readAlso(raw: unknown, where: string): Array<{ category: Category; targets: string[] }> {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new RoutingFileError(`${where}: "also" must be a list of {category, targets}`);
  return raw.map((a: unknown) => {
    const o = a as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || !isCategory(o.category) || !Array.isArray(o.targets) || !o.targets.every((t) => (TARGET_CODES as readonly unknown[]).includes(t))) {
      throw new RoutingFileError(`${where}: each "also" entry needs a known category and a list of known target codes`);
    }
    return { category: o.category, targets: o.targets as string[] };
  });
}

export async function triageAll(items: RoutingItem[], model: OfflineModel, directoryPath: string): Promise<RoutingCase[]> {
  const engine = createOfflineEngine({ model, directory: loadDirectory(directoryPath) });
  const out: RoutingCase[] = [];
  for (const it of items) {
    const d: Decision = await triage(it.text, { engine });
    out.push({ item: it, decision: d });
  }
  return out;
}

export async function runEvalRouting(argv: string[]): Promise<void> {
  const args = parseEvalRoutingArgs(argv);
  const cfg = loadConfig();
  // The input first: a bad file is reported before the model is loaded.
  const items = args.file ? readRoutingFile(args.file) : [];
  const model = loadOfflineModel(args.model ?? cfg.TRIAGE_MODEL_PATH);
  if (args.cvShanghai) {
    const examples = defaultTrainingFiles().flatMap((f) => readExampleFile(f));
    const cases = await runShanghaiCv(model, args.cvShanghai, loadDirectory(cfg.DIRECTORY_PATH), examples, (l) => console.error(l));
    console.log(formatRoutingReport(scoreRouting(cases), { errors: args.errors }));
    return;
  }
  const cases = await triageAll(items, model, cfg.DIRECTORY_PATH);
  console.log(formatRoutingReport(scoreRouting(cases), { errors: args.errors }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEvalRouting(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}`);
      process.exit(2);
    }
    if (err instanceof RoutingFileError || err instanceof SourceFileError || err instanceof OfflineModelError) {
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  });
}
