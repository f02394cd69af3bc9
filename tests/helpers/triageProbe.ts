/**
 * What the probe tests share: the committed offline engine with the bundled directory, triage of one message with a
 * line that says why (for assertion messages), and the crisis layer on one message.
 */
import assert from 'node:assert/strict';
import { resourcePath } from '../../kernel/paths.js';
import { loadDirectory } from '../../directory/directory.js';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';
import { createOfflineEngine, loadOfflineModel } from '../../triage/offlineEngine.js';
import { triage } from '../../triage/pipeline.js';
import type { DecisionEngine } from '../../triage/types.js';

let engine: DecisionEngine | undefined;

/** The committed model and directory, loaded once per test file. */
export function offlineEngine(): DecisionEngine {
  engine ??= createOfflineEngine({ model: loadOfflineModel(resourcePath('model', 'triage-model.json')), directory: loadDirectory(resourcePath('directory.yaml')) });
  return engine;
}

/** The pipeline's decision on `text`, and a line naming the category, target and reasons. */
export async function routed(text: string) {
  const d = await triage(text, { engine: offlineEngine() });
  return { d, why: `${text}: ${d.category}/${d.target} ${d.reasons.join(' ')}` };
}

/** The crisis layer's outcome on `text`, normalised as the pipeline does. */
export function crisis(text: string) {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original, {});
}

/** Every text reads at `level`; the assertion message shows the cues. */
export function expectLevel(level: string, texts: string[]): void {
  for (const text of texts) {
    const o = crisis(text);
    assert.equal(o.level, level, `${text}: ${o.cues.join(' ')}`);
  }
}
