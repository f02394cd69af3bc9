/**
 * Builds what the triage and eval CLIs need from the configuration: the offline engine over the bundled
 * model and directory, and, when OPENAI_API_KEY is set (and not --offline), the LLM engine as primary
 * with the offline engine as its fallback. No database, no network for the offline path.
 */
import { pino } from 'pino';
import { resourcePath, type Config } from '../../app/config.js';
import { createLogger, type Logger } from '../../app/logger.js';
import { loadDirectory, type Directory } from '../../knowledge/directory.js';
import { createLlmEngine } from '../llmEngine.js';
import { createOfflineEngine, loadOfflineModel, prepareText } from '../offlineEngine.js';
import { readExampleFile, type ExampleLine } from './exampleFile.js';
import type { TriageDeps } from '../pipeline.js';
import type { DecisionEngine } from '../types.js';

export interface CliRuntime {
  deps: TriageDeps;
  directory: Directory;
  logger: Logger;
}

/** Logs go to stderr so stdout carries only results. */
export function stderrLogger(cfg: Config): Logger {
  return createLogger(cfg.LOG_LEVEL, pino.destination(2));
}

/**
 * Few-shot examples for the LLM: the labelled training examples closest to the message by character-bigram
 * overlap (Jaccard). The examples are the project's own hand-written texts, not residents' messages.
 */
export function nearestExamples(examples: ExampleLine[], k = 6): (text: string) => Promise<Array<{ text: string; category: string; target: string | null }>> {
  const bigrams = (t: string): Set<string> => {
    const cs = Array.from(prepareText(t).replace(/\s+/g, ''));
    const out = new Set<string>();
    for (let i = 0; i + 2 <= cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
    return out;
  };
  const indexed = examples.map((e) => ({ e, g: bigrams(e.text) }));
  return async (text) => {
    const q = bigrams(text);
    if (q.size === 0) return [];
    return indexed
      .map(({ e, g }) => {
        let inter = 0;
        for (const b of q) if (g.has(b)) inter++;
        return { e, s: inter / (q.size + g.size - inter || 1) };
      })
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, k)
      .map(({ e }) => ({ text: e.text, category: e.category, target: e.targets[0] ?? null }));
  };
}

function loadLlmEngine(cfg: Config, directory: Directory): DecisionEngine {
  let examples: ExampleLine[] = [];
  try {
    examples = readExampleFile(resourcePath('training', 'examples.jsonl'));
  } catch {
    examples = []; // few-shot examples only enrich the prompt
  }
  return createLlmEngine({
    apiKey: cfg.OPENAI_API_KEY!,
    baseURL: cfg.OPENAI_BASE_URL,
    model: cfg.OPENAI_MODEL,
    timeoutMs: cfg.LLM_TIMEOUT_MS,
    directory,
    examples: nearestExamples(examples),
  });
}

export async function buildRuntime(cfg: Config, opts: { offlineOnly?: boolean } = {}): Promise<CliRuntime> {
  const logger = stderrLogger(cfg);
  const directory = loadDirectory(cfg.DIRECTORY_PATH);
  const offline = createOfflineEngine({ model: loadOfflineModel(cfg.TRIAGE_MODEL_PATH), directory });
  let deps: TriageDeps = { engine: offline, logger };
  if (cfg.OPENAI_API_KEY && !opts.offlineOnly) {
    try {
      const llm = loadLlmEngine(cfg, directory);
      deps = { engine: llm, fallback: offline, engineTimeoutMs: cfg.LLM_TIMEOUT_MS, logger };
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'triage cli: LLM engine unavailable, using the offline engine');
    }
  }
  return { deps, directory, logger };
}
