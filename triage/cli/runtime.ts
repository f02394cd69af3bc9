/**
 * Builds what the triage and eval CLIs need from the configuration: the same engines as the app
 * (app/triageDeps.ts) — offline over the bundled model and directory, and, when OPENAI_API_KEY is set
 * (and not --offline), the LLM engine first with the offline engine as its fallback. No database.
 */
import { pino } from 'pino';
import type { Config } from '../../app/config.js';
import { createLogger, type Logger } from '../../kernel/logger.js';
import { buildTriageDeps } from '../../app/triageDeps.js';
import { loadDirectory, type Directory } from '../../directory/directory.js';
import type { TriageDeps } from '../pipeline.js';

export interface CliRuntime {
  deps: TriageDeps;
  directory: Directory;
  logger: Logger;
}

/** Logs go to stderr so stdout carries only results. */
export function stderrLogger(cfg: Config): Logger {
  return createLogger(cfg.LOG_LEVEL, pino.destination(2));
}

export async function buildRuntime(cfg: Config, opts: { offlineOnly?: boolean } = {}): Promise<CliRuntime> {
  const logger = stderrLogger(cfg);
  const directory = loadDirectory(cfg.DIRECTORY_PATH);
  try {
    return { deps: buildTriageDeps(cfg, { directory, logger, offlineOnly: opts.offlineOnly }), directory, logger };
  } catch (err) {
    if (opts.offlineOnly || !cfg.OPENAI_API_KEY) throw err;
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'triage cli: LLM engine unavailable, using the offline engine');
    return { deps: buildTriageDeps(cfg, { directory, logger, offlineOnly: true }), directory, logger };
  }
}
