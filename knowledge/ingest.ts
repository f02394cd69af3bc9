import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { resourcePath } from '../kernel/paths.js';
import type { Embedder } from './types.js';
import { ingestDocument, reembedStale, type IngestOutcome } from './store.js';

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];
/** Larger files are refused: policy documents are far smaller, and a huge file is almost certainly a mistake. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface FileProblem {
  path: string;
  message: string;
}

/** Expands files and directories (recursively) into document files; missing paths become problems. */
export function collectFiles(inputs: string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      problems.push({ path: p, message: 'no such file or directory' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (!name.startsWith('.')) walk(path.join(p, name), false);
      }
    } else if (st.isFile()) {
      if (DOCUMENT_EXTENSIONS.includes(path.extname(p).toLowerCase())) files.push(p);
      else if (explicit) problems.push({ path: p, message: `not a .md or .txt file (supported: ${DOCUMENT_EXTENSIONS.join(', ')})` });
    }
  };
  for (const input of inputs) walk(input, true);
  return { files, problems };
}

/** Reads a document as UTF-8 text, or explains why it cannot be used. */
export function readDocument(file: string): { content: string } | { problem: string } {
  const buf = fs.readFileSync(file);
  if (buf.length === 0) return { problem: 'the file is empty' };
  if (buf.length > MAX_DOCUMENT_BYTES) return { problem: `the file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB` };
  if (buf.includes(0)) return { problem: 'the file looks binary (it contains NUL bytes), not a text document' };
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { problem: 'the file is not valid UTF-8 text; convert it to UTF-8 (for example with iconv -f GB18030 -t UTF-8)' };
  }
  if (!content.trim()) return { problem: 'the file contains only whitespace' };
  return { content };
}

export const sourceName = (file: string): string => path.basename(file, path.extname(file));

export interface IngestSummary {
  added: number;
  replaced: number;
  reembedded: number;
  unchanged: number;
  failed: number;
  chunks: number;
  seconds: number;
  problems: FileProblem[];
}

/**
 * Ingests files and directories; a problem with one file is recorded and the rest continue.
 * `now` supplies elapsed-time readings (a monotonic clock, for the summary only).
 */
export async function ingestPaths(
  pool: pg.Pool,
  embedder: Embedder,
  inputs: string[],
  hooks: { onStart?(total: number): void; onFile?(file: string, outcome: IngestOutcome | 'failed'): void; now?: () => number } = {},
): Promise<IngestSummary> {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const { files, problems } = collectFiles(inputs);
  const summary: IngestSummary = { added: 0, replaced: 0, reembedded: 0, unchanged: 0, failed: problems.length, chunks: 0, seconds: 0, problems };
  hooks.onStart?.(files.length);
  const seen = new Map<string, string>();
  for (const file of files) {
    const source = sourceName(file);
    const fail = (message: string) => {
      problems.push({ path: file, message });
      summary.failed++;
      hooks.onFile?.(file, 'failed');
    };
    const dup = seen.get(source);
    if (dup) {
      fail(`same document name "${source}" as ${dup}; document names (file names without extension) must be unique`);
      continue;
    }
    seen.set(source, file);
    const read = readDocument(file);
    if ('problem' in read) {
      fail(read.problem);
      continue;
    }
    try {
      const r = await ingestDocument(pool, embedder, { source, content: read.content, path: path.resolve(file) });
      summary[r.outcome]++;
      summary.chunks += r.chunks;
      hooks.onFile?.(file, r.outcome);
    } catch (err) {
      fail((err as Error).message);
    }
  }
  summary.seconds = (now() - started) / 1000;
  return summary;
}

/**
 * Ingests the project's own policy notes (resources/policy-notes) so the default installation
 * answers common questions; unchanged notes are skipped, so calling this on every start is cheap.
 * Also re-embeds documents left from another embedder.
 */
export async function ingestBundledNotes(pool: pg.Pool, embedder: Embedder): Promise<IngestSummary> {
  const summary = await ingestPaths(pool, embedder, [resourcePath('policy-notes')]);
  summary.reembedded += await reembedStale(pool, embedder);
  return summary;
}
