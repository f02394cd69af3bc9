/**
 * Readers for the crisis layer's training and evaluation data. Everything outside the repository is
 * read by path at train / eval time and never copied in (see /work/shared/STYLE.md and the sos1k
 * README: its texts must not be printed). A missing file gives a clear error naming the path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { PROJECT_ROOT, resourcePath } from '../../kernel/paths.js';
import type { CrisisLevel } from './types.js';

export const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval');
export const CRISIS_TRAIN = resourcePath('crisis', 'train.jsonl');
export const CRISIS_TRAIN_EXTRA = resourcePath('crisis', 'train-extra.jsonl');
/** Ordinary conversational details (addresses, phones, times, yes/no) a resident sends after a request: never a danger. */
export const CRISIS_TRAIN_FOLLOWUPS = resourcePath('crisis', 'train-followups.jsonl');
/** More project-written messages: more ways of saying each situation, and English / Cantonese negatives. */
export const CRISIS_TRAIN_MORE = resourcePath('crisis', 'train-more.jsonl');
/** The project corpus, in the order the trainer reads it. */
export const CRISIS_CORPUS = [CRISIS_TRAIN, CRISIS_TRAIN_EXTRA, CRISIS_TRAIN_MORE, CRISIS_TRAIN_FOLLOWUPS] as const;
export const CRISIS_EVAL = path.resolve(PROJECT_ROOT, 'tests', 'fixtures', 'crisis-eval.jsonl');
export const SOS1K = path.join(SHARED, 'sos1k', 'posts.jsonl');
export const CRISIS_MODEL = resourcePath('model', 'crisis-model.json');

export interface CrisisExample {
  id: string;
  text: string;
  level: CrisisLevel;
  kinds: string[];
  lang: string;
  /** Eval set: the danger is stated in so many words (recall 1.00 expected there). */
  explicit?: boolean;
}

export interface Letter {
  id: string;
  text: string;
  source: 'shanghai2023' | 'fujian3' | 'fujian4' | 'fujian2';
}

export class MissingDataError extends Error {
  constructor(file: string, what: string) {
    super(`${what} not found at ${file} (it is read by path; is ../shared beside the checkout?)`);
    this.name = 'MissingDataError';
  }
}

function need(file: string, what: string): string {
  if (!existsSync(file)) throw new MissingDataError(file, what);
  return readFileSync(file, 'utf8');
}

function jsonl(file: string, what: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  need(file, what).split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A file being written line by line may end in a partial line: skip it, say where.
      console.error(`# ${path.basename(file)}:${i + 1}: not valid JSON, skipped`);
    }
  });
  return out;
}

const LEVELS = new Set(['immediate', 'concern', 'none']);

/** Crisis corpus / eval set lines: {"id","text","level","kinds":[...],"lang"}. Malformed lines are skipped. */
export function readCrisisFile(file: string, what = 'crisis set'): CrisisExample[] {
  return jsonl(file, what)
    .filter((r) => typeof r.text === 'string' && r.text.trim() !== '' && LEVELS.has(String(r.level)))
    .map((r, i) => ({
      id: typeof r.id === 'string' ? r.id : `row-${i + 1}`,
      text: r.text as string,
      level: r.level as CrisisLevel,
      kinds: Array.isArray(r.kinds) ? r.kinds.map(String) : [],
      lang: typeof r.lang === 'string' ? r.lang : 'unknown',
      ...(typeof r.explicit === 'boolean' ? { explicit: r.explicit } : {}),
    }));
}

export interface SosPost {
  id: string;
  text: string;
  risk: number;
}

/** SOS-1K (../shared/eval/sos1k/posts.jsonl). Callers must never print `text`. */
export function readSos1k(): SosPost[] {
  return jsonl(SOS1K, 'SOS-1K').map((r) => ({ id: String(r.id), text: String(r.text ?? ''), risk: Number(r.risk) }));
}

/** The authors' test split (sos-1000 … sos-1249): held out from training, used for evaluation. */
export const isSosTest = (id: string): boolean => Number(id.replace(/^sos-/, '')) >= 1000;

function teddy(file: string, source: Letter['source']): Letter[] {
  const full = path.join(SHARED, 'teddy2020', file);
  const rows = parseCsv(need(full, `Teddy 2020 ${source}`), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Array<Record<string, string>>;
  return rows
    .map((r, i) => ({ id: `${source}-${r.id ?? i}`, text: String(r.text ?? `${r.title ?? ''}\n${r.body ?? ''}`).trim(), source }))
    .filter((l) => l.text !== '');
}

/**
 * Real letters. `train` = the ones a model may learn from (shanghai2023, fujian3, fujian4), never the
 * routing test set fujian2 (it also drops fujian3 rows that repeat a fujian2 message verbatim).
 */
export function readLetters(which: 'train' | 'all'): Letter[] {
  const sh = jsonl(path.join(SHARED, 'shanghai2023', 'letters.jsonl'), 'Shanghai 2023 letters').map((r) => ({
    id: String(r.id),
    text: String(r.text ?? ''),
    source: 'shanghai2023' as const,
  }));
  const f2 = teddy('teddy2020_c_fujian2_sample495_labelled.csv', 'fujian2');
  const f2set = new Set(f2.map((l) => l.text.replace(/\s+/g, '')));
  const f3 = teddy('teddy2020_c_fujian3_full_unlabelled.csv', 'fujian3').filter((l) => which === 'all' || !f2set.has(l.text.replace(/\s+/g, '')));
  const f4 = teddy('teddy2020_c_fujian4_full_with_replies.csv', 'fujian4');
  return which === 'all' ? [...sh, ...f3, ...f4, ...f2] : [...sh, ...f3, ...f4];
}

/** Every routing training file (简体 examples and the English / 繁體 / Cantonese ones): ordinary requests, the crisis model's negatives. */
export function requestExampleFiles(): string[] {
  const dir = resourcePath('training');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f)) : [];
}

/**
 * A digest of what the crisis model learns from inside the repository, as the trainer reads it: every line
 * of the crisis corpus and of `resources/training/*.jsonl` (ordinary requests, its negatives) after the
 * text reading (`normalize`), with its label. The trainer records it in the model file, and a test compares
 * it with today's files: a new resident line or a change to the English or Cantonese reading otherwise
 * leaves a model that `npm run train:crisis` no longer produces (it went unnoticed for three stops).
 */
export function repoInputDigest(normalizeText: (text: string) => string): string {
  const hash = createHash('sha256');
  for (const file of [...CRISIS_CORPUS, ...requestExampleFiles()]) {
    hash.update(`#${path.relative(PROJECT_ROOT, file)}\n`);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { text?: unknown; level?: unknown; category?: unknown; kinds?: unknown };
      const text = typeof o.text === 'string' ? normalizeText(o.text) : '';
      hash.update(`${text}\t${String(o.level ?? o.category ?? '')}\t${JSON.stringify(o.kinds ?? [])}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
