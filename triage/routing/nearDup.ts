/**
 * Near-duplicate detection by character-3-gram Jaccard similarity (the measure the Shanghai README uses
 * for campaign letters). Used to keep every test message — and anything nearly identical to it — out of
 * training, and to keep campaign letters in one cross-validation fold.
 */

export const NEAR_DUP_JACCARD = 0.6;

/** Character 3-grams of the text with whitespace and punctuation removed and case folded. */
export function shingles(text: string): Set<string> {
  const cs = Array.from(text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''));
  const out = new Set<string>();
  if (cs.length < 3) {
    if (cs.length > 0) out.add(cs.join(''));
    return out;
  }
  for (let i = 0; i + 3 <= cs.length; i++) out.add(cs[i]! + cs[i + 1]! + cs[i + 2]!);
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) inter++;
  return inter / (a.size + b.size - inter);
}

/** An inverted index over reference texts: which of them a query text nearly duplicates. */
export class NearDupIndex {
  private readonly sizes: number[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(texts: readonly string[]) {
    texts.forEach((t, i) => {
      const s = shingles(t);
      this.sizes.push(s.size);
      for (const g of s) {
        const l = this.postings.get(g);
        if (l) l.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /** Indices of reference texts with Jaccard ≥ threshold to `text` (exact, not sampled). */
  matches(text: string, threshold = NEAR_DUP_JACCARD): number[] {
    const s = shingles(text);
    if (s.size === 0) return [];
    const inter = new Map<number, number>();
    for (const g of s) {
      const l = this.postings.get(g);
      if (l) for (const i of l) inter.set(i, (inter.get(i) ?? 0) + 1);
    }
    const out: number[] = [];
    for (const [i, c] of inter) {
      if (c / (s.size + this.sizes[i]! - c) >= threshold) out.push(i);
    }
    return out.sort((a, b) => a - b);
  }
}

/** Group id per text: texts linked by a chain of near-duplicate pairs share a group (union–find). */
export function nearDupGroups(texts: readonly string[], threshold = NEAR_DUP_JACCARD): number[] {
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const index = new NearDupIndex(texts);
  texts.forEach((t, i) => {
    for (const j of index.matches(t, threshold)) {
      if (j === i) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  return texts.map((_, i) => find(i));
}
