import fs from 'node:fs';
import { z } from 'zod';
import type { KnowledgeRetriever, SearchMode } from './retriever.js';

export const evalQuerySchema = z.object({
  id: z.string().min(1),
  query: z.string().min(1),
  source: z.string().min(1),
  /** The answering article heading; a list when several articles answer equally well. */
  article: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
});
export type EvalQuery = z.infer<typeof evalQuerySchema>;

/** Parses a JSONL query file; a malformed line is an error naming the line. */
export function loadQueries(file: string): EvalQuery[] {
  const out: EvalQuery[] = [];
  const ids = new Set<string>();
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = evalQuerySchema.safeParse(json);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    if (ids.has(parsed.data.id)) throw new Error(`${file}:${i + 1}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    out.push(parsed.data);
  });
  if (!out.length) throw new Error(`${file}: no queries`);
  return out;
}

export interface ModeMetrics {
  mode: SearchMode;
  recallAt5: number;
  mrrAt10: number;
  queries: number;
}

export interface QueryResult {
  id: string;
  results: Array<{ source: string; article: string | null; score: number }>;
}

export function isRelevant(q: EvalQuery, r: { source: string; article?: string | null }): boolean {
  const wanted = Array.isArray(q.article) ? q.article : [q.article];
  return r.source === q.source && r.article != null && wanted.includes(r.article);
}

/** Runs every query in one mode: recall@5 (a relevant article in the top 5) and MRR@10. */
export async function evaluate(
  retriever: KnowledgeRetriever,
  queries: EvalQuery[],
  mode: SearchMode,
): Promise<{ metrics: ModeMetrics; perQuery: QueryResult[] }> {
  let hits = 0;
  let rr = 0;
  const perQuery: QueryResult[] = [];
  for (const q of queries) {
    const results = await retriever.search(q.query, { k: 10, mode });
    const rank = results.findIndex((r) => isRelevant(q, r));
    if (rank >= 0 && rank < 5) hits++;
    if (rank >= 0) rr += 1 / (rank + 1);
    perQuery.push({ id: q.id, results: results.map((r) => ({ source: r.source, article: r.article ?? null, score: r.score })) });
  }
  return { metrics: { mode, recallAt5: hits / queries.length, mrrAt10: rr / queries.length, queries: queries.length }, perQuery };
}

export const formatMetrics = (m: ModeMetrics): string =>
  `mode=${m.mode} recall_at_5=${m.recallAt5.toFixed(3)} mrr_at_10=${m.mrrAt10.toFixed(3)} queries=${m.queries}`;
