import { resourcePath } from '../kernel/paths.js';
import { readExampleFile, type ExampleLine } from './cli/exampleFile.js';
import { prepareText } from './offlineEngine.js';

export type FewShotExample = { text: string; category: string; target: string | null };
export type FewShotSource = (text: string) => Promise<FewShotExample[]>;

/**
 * Few-shot examples for the LLM: the labelled training examples closest to the message by character-bigram
 * overlap (Jaccard). The examples are the project's own hand-written texts, never residents' messages,
 * so nothing personal reaches the prompt through them.
 */
export function nearestExamples(examples: readonly ExampleLine[], k = 6): FewShotSource {
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

/** The bundled training examples as a few-shot source; none when the file is missing (they only enrich the prompt). */
export function bundledFewShot(path = resourcePath('training', 'examples.jsonl')): FewShotSource | undefined {
  try {
    return nearestExamples(readExampleFile(path));
  } catch {
    return undefined;
  }
}
