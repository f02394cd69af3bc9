/** Where the bundled training examples live: every *.jsonl in resources/training. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { resourcePath } from '../../kernel/paths.js';

export const DEFAULT_TRAINING_FILE = resourcePath('training', 'examples.jsonl');
export const DEFAULT_TRAINING_DIR = resourcePath('training');

/** Every *.jsonl in resources/training (examples.jsonl, multilingual.jsonl, …), in name order. */
export function defaultTrainingFiles(dir = DEFAULT_TRAINING_DIR): string[] {
  if (!existsSync(dir)) return [DEFAULT_TRAINING_FILE];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

