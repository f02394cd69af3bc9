/** Reads labelled examples from CSV or JSONL files for the CV and training CLIs; every failure names the file. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LabelledText } from './model.js';

export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

export interface LoadedData {
  examples: LabelledText[];
  /** Rows skipped because their label was empty. */
  skippedUnlabelled: number;
}

function readText(path: string): string {
  if (!existsSync(path)) throw new DataFileError(`file not found: ${path}`);
  if (!statSync(path).isFile()) throw new DataFileError(`not a file: ${path}`);
  const text = readFileSync(path, 'utf8');
  if (text.includes('\u0000')) throw new DataFileError(`${path} looks binary (contains NUL bytes), expected UTF-8 text`);
  return text;
}

function rowsOfCsv(path: string): Record<string, unknown>[] {
  const text = readText(path);
  if (text.trim() === '') throw new DataFileError(`${path} is empty`);
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, unknown>[];
  } catch (err) {
    throw new DataFileError(`${path}: cannot parse CSV: ${(err as Error).message}`);
  }
}

function rowsOfJsonl(path: string): Record<string, unknown>[] {
  const text = readText(path);
  const rows: Record<string, unknown>[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new DataFileError(`${path}:${i + 1}: not valid JSON`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(`${path}:${i + 1}: expected a JSON object per line`);
    rows.push(v as Record<string, unknown>);
  });
  return rows;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))];
}

export function loadLabelled(
  path: string,
  format: 'csv' | 'jsonl',
  textColumn: string,
  labelColumn: string,
): LoadedData {
  const rows = format === 'csv' ? rowsOfCsv(path) : rowsOfJsonl(path);
  if (rows.length === 0) throw new DataFileError(`${path} has no data rows`);
  const cols = columnsOf(rows);
  for (const c of [textColumn, labelColumn]) {
    if (!cols.includes(c)) throw new DataFileError(`${path}: no column "${c}" (columns: ${cols.join(', ')})`);
  }
  const examples: LabelledText[] = [];
  let skipped = 0;
  for (const r of rows) {
    const label = cell(r[labelColumn]).trim();
    if (label === '') {
      skipped += 1;
      continue;
    }
    examples.push({ text: cell(r[textColumn]), label });
  }
  if (examples.length === 0) throw new DataFileError(`${path}: no row has a label in column "${labelColumn}"`);
  return { examples, skippedUnlabelled: skipped };
}

/** Texts of one column of a CSV (unlabelled corpora for IDF statistics). */
export function loadTexts(path: string, textColumn: string): string[] {
  const rows = path.endsWith('.jsonl') ? rowsOfJsonl(path) : rowsOfCsv(path);
  if (rows.length === 0) throw new DataFileError(`${path} has no data rows`);
  if (!columnsOf(rows).includes(textColumn)) throw new DataFileError(`${path}: no column "${textColumn}"`);
  return rows.map((r) => cell(r[textColumn])).filter((t) => t.trim() !== '');
}
