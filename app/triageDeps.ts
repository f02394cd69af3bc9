import type { Config } from './config.js';
import type { Logger } from '../kernel/logger.js';
import type { Directory } from '../directory/directory.js';
import type { Retriever } from '../knowledge/types.js';
import { defaultCrisisModel } from '../triage/crisis/detect.js';
import { bundledFewShot } from '../triage/fewShot.js';
import { createLlmEngine } from '../triage/llmEngine.js';
import { createOfflineEngine, loadOfflineModel } from '../triage/offlineEngine.js';
import type { TriageDeps } from '../triage/pipeline.js';

/**
 * The triage engines from the configuration: the offline learner alone, or — with OPENAI_API_KEY —
 * the LLM engine first and the offline learner as its fallback (DESIGN: every LLM is optional).
 */
export function buildTriageDeps(
  cfg: Config,
  opts: { directory: Directory; logger: Logger; retriever?: Retriever; offlineOnly?: boolean },
): TriageDeps {
  // Load the crisis model now, at start-up: the first resident in danger must not wait for a file read.
  if (defaultCrisisModel() === null) opts.logger.warn('crisis model not loaded: the crisis layer runs on rules and cues only');
  const offline = createOfflineEngine({ model: loadOfflineModel(cfg.TRIAGE_MODEL_PATH), directory: opts.directory });
  if (!cfg.OPENAI_API_KEY || opts.offlineOnly) {
    return { engine: offline, retriever: opts.retriever, logger: opts.logger };
  }
  const llm = createLlmEngine({
    apiKey: cfg.OPENAI_API_KEY,
    baseURL: cfg.OPENAI_BASE_URL,
    model: cfg.OPENAI_MODEL,
    timeoutMs: cfg.RESIDENT_LLM_TIMEOUT_MS,
    cooldownMs: cfg.PROVIDER_COOLDOWN_MS,
    retriever: opts.retriever,
    directory: opts.directory,
    examples: bundledFewShot(),
  });
  return { engine: llm, fallback: offline, retriever: opts.retriever, engineTimeoutMs: cfg.RESIDENT_LLM_TIMEOUT_MS, logger: opts.logger };
}
