/**
 * npm run --silent triage -- "message text"        → one Decision as JSON on stdout
 * npm run --silent triage -- --jsonl < in.jsonl     → one JSON line per input line {id, text}
 * Options: --offline (ignore OPENAI_API_KEY), --pretty (indent the single decision).
 *
 * --jsonl output per input line: {"id","category","target","confidence","needsReview","engine","language","reasons"}.
 * A malformed input line gives, in its place on stdout, {"line": n, "id": <id or null>, "error": "..."}
 * (the same message also goes to stderr); processing continues, and the exit code is 3 if any line failed.
 * Blank input lines are skipped. Logs go to stderr; stdout carries only results.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadConfig } from '../../app/config.js';
import { triage, type TriageDeps } from '../pipeline.js';
import { parseFlags } from './args.js';
import { buildRuntime } from './runtime.js';

const USAGE = 'usage: npm run --silent triage -- [--offline] [--pretty] "message text"\n       npm run --silent triage -- [--offline] --jsonl < messages.jsonl';

export class UsageError extends Error {}

const inputLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string().max(100_000, 'text is longer than 100000 characters'),
});

export interface JsonlSummary {
  ok: number;
  failed: number;
}

function idOf(json: unknown): string | null {
  if (typeof json === 'object' && json !== null && 'id' in json) {
    const id = (json as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

/** Streams JSON lines through the pipeline in order; one output line per non-blank input line. */
export async function runJsonl(
  lines: AsyncIterable<string>,
  deps: TriageDeps,
  write: (line: string) => void,
  warn: (line: string) => void,
): Promise<JsonlSummary> {
  const summary: JsonlSummary = { ok: 0, failed: 0 };
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    let json: unknown;
    let error: string | undefined;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      error = `not valid JSON (${(err as Error).message})`;
    }
    let parsed: z.infer<typeof inputLine> | undefined;
    if (!error) {
      const r = inputLine.safeParse(json);
      if (r.success) parsed = r.data;
      else error = r.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
    }
    if (!parsed) {
      const out = { line: n, id: idOf(json), error: error ?? 'invalid line' };
      write(JSON.stringify(out));
      warn(`line ${n}: ${out.error}`);
      summary.failed++;
      continue;
    }
    try {
      const d = await triage(parsed.text, deps);
      write(
        JSON.stringify({
          id: parsed.id,
          category: d.category,
          target: d.target,
          confidence: Number(d.confidence.toFixed(4)),
          needsReview: d.needsReview,
          engine: d.engine,
          language: d.language,
          reasons: d.reasons,
        }),
      );
      summary.ok++;
    } catch (err) {
      const out = { line: n, id: parsed.id, error: err instanceof Error ? err.message : String(err) };
      write(JSON.stringify(out));
      warn(`line ${n}: ${out.error}`);
      summary.failed++;
    }
  }
  return summary;
}

export async function runTriageCli(argv: string[]): Promise<number> {
  const { flags, words: texts } = parseFlags(argv, ['--jsonl', '--offline', '--pretty'], USAGE, UsageError, ['--help', '-h']);
  const jsonl = flags.has('--jsonl');
  const offline = flags.has('--offline');
  const pretty = flags.has('--pretty');
  if (jsonl && texts.length > 0) throw new UsageError(`--jsonl reads stdin; do not also give text\n${USAGE}`);
  if (!jsonl && texts.length === 0) throw new UsageError(`no message text given\n${USAGE}`);
  const text = texts.join(' ');
  if (!jsonl && text.trim() === '') throw new UsageError(`the message text is empty\n${USAGE}`);

  const cfg = loadConfig();
  const { deps } = await buildRuntime(cfg, { offlineOnly: offline });
  if (!jsonl) {
    const d = await triage(text, deps);
    process.stdout.write(JSON.stringify(d, null, pretty ? 2 : undefined) + '\n');
    return 0;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const summary = await runJsonl(
    rl,
    deps,
    (l) => process.stdout.write(l + '\n'),
    (l) => process.stderr.write(`triage: ${l}\n`),
  );
  process.stderr.write(`triage: ${summary.ok} decided, ${summary.failed} failed\n`);
  return summary.failed > 0 ? 3 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTriageCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError) {
        console.error(err.message);
        process.exitCode = 2;
        return;
      }
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
