/**
 * The real letters the routing model learns from, read by path from ../shared (never copied into the
 * repository), with their weak labels and the test-set exclusions:
 *   shanghai2023/letters.jsonl                      weak targets from the replying unit
 *   teddy2020/…fujian4_full_with_replies.csv        labels derived from the reply (weakLabels.ts)
 *   teddy2020/…fujian3_full_unlabelled.csv          unlabelled: word statistics and self-training
 *   teddy2020/…fujian1_label_taxonomy.csv           the label scheme's matter names, as short phrases
 * Every message that is identical or near-identical (char-3-gram Jaccard ≥ 0.6) to a Teddy 495 test
 * message or a dev.jsonl line is dropped before anything is learned from it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { isDepartmentCode, type DepartmentCode } from '../../kernel/taxonomy.js';
import { NearDupIndex } from './nearDup.js';
import { shanghaiTrainingLabels, shanghaiUnitTargets, TEDDY_LABEL_TARGETS, teddyReplyLabels } from './weakLabels.js';

export const SHARED_ROOT = path.resolve(PROJECT_ROOT, '..', 'shared');
export const sharedPath = (...parts: string[]): string => path.join(SHARED_ROOT, ...parts);

export const SHANGHAI_LETTERS = sharedPath('eval', 'shanghai2023', 'letters.jsonl');
export const TEDDY_REPLIES = sharedPath('eval', 'teddy2020', 'teddy2020_c_fujian4_full_with_replies.csv');
export const TEDDY_UNLABELLED = sharedPath('eval', 'teddy2020', 'teddy2020_c_fujian3_full_unlabelled.csv');
/** The Teddy label scheme (一级/二级/三级分类 names, no messages): its matter names are short training phrases. */
export const TEDDY_TAXONOMY = sharedPath('eval', 'teddy2020', 'teddy2020_c_fujian1_label_taxonomy.csv');
/** The routing test set: never trained on. */
export const TEDDY_TEST = sharedPath('eval', 'teddy2020', 'teddy2020_c_fujian2_sample495_labelled.csv');
export const DEV_SET = sharedPath('eval', 'dev.jsonl');

export class SourceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceFileError';
  }
}

export interface SourceRecord {
  /** Path relative to the project root (../shared/…). */
  path: string;
  sha256: string;
  /** Messages read / kept after the exclusions / with a usable label. */
  read: number;
  kept: number;
  labelled: number;
  excludedNearTest: number;
}

export interface RealLetter {
  id: string;
  source: 'shanghai' | 'teddy_replies' | 'teddy_unlabelled';
  /** Raw text: title and body for Teddy, body for Shanghai. */
  text: string;
  /** Training labels ([] = unlabelled). */
  labels: DepartmentCode[];
  weight: number;
  /** The file's own targets (Shanghai), for evaluation. */
  targets?: DepartmentCode[];
}

export function readBytes(file: string): Buffer {
  if (!existsSync(file)) throw new SourceFileError(`missing file ${file}`);
  return readFileSync(file);
}

export const sha256 = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');
const rel = (file: string): string => path.relative(PROJECT_ROOT, file) || file;

export function parseCsvRecords(buf: Buffer, file: string): Array<Record<string, string>> {
  try {
    return parseCsv(buf, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Array<Record<string, string>>;
  } catch (err) {
    throw new SourceFileError(`${file}: not a readable CSV (${(err as Error).message})`);
  }
}

export interface ShanghaiLetter {
  id: string;
  text: string;
  /** `replying_unit` as in the file ('' when absent). */
  unit: string;
  targets: DepartmentCode[];
}

export function readShanghaiLetters(file = SHANGHAI_LETTERS): { letters: ShanghaiLetter[]; sha256: string } {
  const buf = readBytes(file);
  const letters: ShanghaiLetter[] = [];
  buf.toString('utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let o: { id?: unknown; text?: unknown; targets?: unknown; replying_unit?: unknown };
    try {
      o = JSON.parse(line);
    } catch {
      throw new SourceFileError(`${file}:${i + 1}: not valid JSON`);
    }
    if (typeof o.text !== 'string' || !Array.isArray(o.targets)) throw new SourceFileError(`${file}:${i + 1}: expected "text" and "targets"`);
    letters.push({ id: String(o.id ?? i + 1), text: o.text, unit: typeof o.replying_unit === 'string' ? o.replying_unit : '', targets: o.targets.filter(isDepartmentCode) });
  });
  return { letters, sha256: sha256(buf) };
}

/** Texts that must never be trained on: the Teddy 495 test messages and dev.jsonl. */
export function protectedTexts(): string[] {
  const out: string[] = [];
  if (existsSync(TEDDY_TEST)) for (const r of parseCsvRecords(readFileSync(TEDDY_TEST), TEDDY_TEST)) out.push(r.text ?? '');
  if (existsSync(DEV_SET)) {
    for (const line of readFileSync(DEV_SET, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        out.push(String((JSON.parse(line) as { text?: unknown }).text ?? ''));
      } catch {
        /* a malformed dev line protects nothing */
      }
    }
  }
  return out;
}

/** A matter name of a label scheme (e.g. 物价监督 under 商贸旅游), labelled with the codes that handle its class. */
export interface SchemePhrase {
  text: string;
  labels: DepartmentCode[];
}

export interface RealLetterSet {
  letters: RealLetter[];
  sources: SourceRecord[];
  /** Matter names of the Teddy label scheme (teddyTaxonomyPhrases); absent without the file. */
  phrases?: SchemePhrase[];
}

/**
 * All real letters with their training labels, minus near-duplicates of `protect` (the test sets).
 * Returns null when ../shared is absent (training then uses resources/training alone).
 */
export function loadRealLetters(protect: string[] = protectedTexts()): RealLetterSet | null {
  if (!existsSync(SHANGHAI_LETTERS) && !existsSync(TEDDY_REPLIES)) return null;
  const guard = new NearDupIndex(protect);
  const letters: RealLetter[] = [];
  const sources: SourceRecord[] = [];

  const sh = readShanghaiLetters();
  let excluded = 0;
  let labelled = 0;
  for (const l of sh.letters) {
    if (guard.matches(l.text).length > 0) {
      excluded++;
      continue;
    }
    // `targets` stay the file's own (what the CV scores); only the training labels use the unit mapping.
    const { labels, weight } = l.targets.length > 0 ? shanghaiTrainingLabels(l.targets) : { labels: shanghaiUnitTargets(l.unit), weight: 1 };
    if (labels.length > 0) labelled++;
    letters.push({ id: l.id, source: 'shanghai', text: l.text, labels, weight, targets: l.targets });
  }
  sources.push({ path: rel(SHANGHAI_LETTERS), sha256: sh.sha256, read: sh.letters.length, kept: sh.letters.length - excluded, labelled, excludedNearTest: excluded });

  for (const [file, source] of [[TEDDY_REPLIES, 'teddy_replies'], [TEDDY_UNLABELLED, 'teddy_unlabelled']] as const) {
    const buf = readBytes(file);
    const rows = parseCsvRecords(buf, file);
    let ex = 0;
    let lab = 0;
    for (const r of rows) {
      const text = r.text ?? `${r.title ?? ''}\n${r.body ?? ''}`;
      if (text.trim() === '') continue;
      if (guard.matches(text).length > 0) {
        ex++;
        continue;
      }
      const { labels, weight } = source === 'teddy_replies' ? teddyReplyLabels(r.reply ?? '') : { labels: [], weight: 0 };
      if (labels.length > 0) lab++;
      letters.push({ id: `${source}:${r.id ?? ''}`, source, text, labels, weight });
    }
    sources.push({ path: rel(file), sha256: sha256(buf), read: rows.length, kept: rows.length - ex, labelled: lab, excludedNearTest: ex });
  }
  if (!existsSync(TEDDY_TAXONOMY)) return { letters, sources };
  const buf = readBytes(TEDDY_TAXONOMY);
  const rows = parseCsvRecords(buf, TEDDY_TAXONOMY);
  const phrases = teddyTaxonomyPhrases(rows);
  sources.push({ path: rel(TEDDY_TAXONOMY), sha256: sha256(buf), read: rows.length, kept: phrases.length, labelled: phrases.length, excludedNearTest: 0 });
  return { letters, sources, phrases };
}

/**
 * The second- and third-level matter names of the Teddy label scheme (市场监管, 物价监督, 景区管理, 出租车管理 …)
 * whose first-level class the issue maps to department codes (TEDDY_LABEL_TARGETS), each labelled with all
 * of that class's codes. They are the scheme's own definition of what each class covers — no message, no test label —
 * and teach the routing model the vocabulary of matters the letters rarely name (docs/routing.md).
 * "其他" (other) names nothing and is skipped; a name is kept once per class.
 */
export function teddyTaxonomyPhrases(rows: ReadonlyArray<Record<string, string | undefined>>): SchemePhrase[] {
  const seen = new Set<string>();
  const out: SchemePhrase[] = [];
  for (const r of rows) {
    const targets = TEDDY_LABEL_TARGETS[(r.level1 ?? '').trim()];
    if (!targets) continue;
    for (const name of [(r.level2 ?? '').trim(), (r.level3 ?? '').trim()]) {
      if (name === '' || name === '其他' || seen.has(`${r.level1}/${name}`)) continue;
      seen.add(`${r.level1}/${name}`);
      out.push({ text: name, labels: [...targets] });
    }
  }
  return out;
}
