/**
 * Triage latency and throughput: the full pipeline (normalize, injection strip, redaction, emergency
 * rules, offline engine with directory retrieval), no network. Messages: the bundled training examples
 * and, when ../shared is beside the checkout, real citizen messages from the Teddy Cup 2020 set
 * (read by path at bench time, never copied).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseCsv } from 'csv-parse/sync';
import { PROJECT_ROOT, resourcePath } from '../kernel/paths.js';
import { loadDirectory } from '../directory/directory.js';
import { readExampleFile } from '../triage/cli/exampleFile.js';
import { createOfflineEngine, loadOfflineModel } from '../triage/offlineEngine.js';
import { triage } from '../triage/pipeline.js';
import type { BenchModule } from './types.js';

const TEDDY = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'teddy2020', 'teddy2020_c_fujian3_full_unlabelled.csv');
const TEDDY_SAMPLE = 1500;

function teddyTexts(): string[] {
  if (!existsSync(TEDDY)) {
    console.error(`# triage: ${TEDDY} not found; benchmarking the bundled examples only`);
    return [];
  }
  const rows = parseCsv(readFileSync(TEDDY, 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>;
  return rows.map((r) => r.text ?? '').filter((t) => t.trim() !== '').slice(0, TEDDY_SAMPLE);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const bench: BenchModule = {
  name: 'triage',
  async run(report) {
    const t0 = performance.now();
    const engine = createOfflineEngine({
      model: loadOfflineModel(resourcePath('model', 'triage-model.json')),
      directory: loadDirectory(resourcePath('directory.yaml')),
    });
    report('triage_model_load_ms', performance.now() - t0, 'ms');
    const examples = readExampleFile(resourcePath('training', 'examples.jsonl')).map((e) => e.text);
    const teddy = teddyTexts();
    const messages = [...examples, ...teddy];
    const deps = { engine };
    // Warm-up: jieba dictionary, OpenCC tables, JIT.
    for (const m of messages.slice(0, 50)) await triage(m, deps);

    const times: number[] = [];
    const started = performance.now();
    for (const m of messages) {
      const s = performance.now();
      await triage(m, deps);
      times.push(performance.now() - s);
    }
    const total = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    report('triage_messages', messages.length, `messages (${examples.length} examples + ${teddy.length} Teddy 2020)`);
    report('triage_p50_ms', percentile(times, 50), 'ms');
    report('triage_p95_ms', percentile(times, 95), 'ms');
    report('triage_p99_ms', percentile(times, 99), 'ms');
    report('triage_msgs_per_s', messages.length / total, 'msg/s');
  },
};
