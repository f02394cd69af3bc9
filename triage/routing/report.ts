/**
 * Scoring and the printed report of `npm run eval:routing`: accuracy, per-group accuracy, per-code
 * precision/recall, confusion matrix, risk–coverage table, review share, per-language accuracy.
 */
import type { DepartmentCode } from '../../kernel/taxonomy.js';
import type { Decision } from '../types.js';

export interface RoutingCase {
  item: { id: string; targets: DepartmentCode[]; group: string; lang?: string; /** Non-petition expectation (multilingual set). */ category?: string; also?: Array<{ category: string; targets: string[] }> };
  decision: Pick<Decision, 'category' | 'target' | 'confidence' | 'needsReview' | 'language' | 'reasons'> & Partial<Pick<Decision, 'targetConfidence' | 'secondaryTarget' | 'reviewReason'>>;
}

export interface ScoredCase {
  id: string;
  group: string;
  lang: string;
  targets: DepartmentCode[];
  /** The target code, or the category in brackets when the message was not routed to a department. */
  predicted: string;
  right: boolean;
  /** Ordering for the risk–coverage table. */
  confidence: number;
  needsReview: boolean;
  reasons: string[];
}

/** Right only when routed as a petition with a target in the list (or, for a non-petition item, its category and target). */
export function scoreRouting(cases: RoutingCase[]): ScoredCase[] {
  return cases.map(({ item, decision: d }) => {
    const routed = d.category === 'petition' && d.target !== null;
    const predicted = routed ? (d.target as string) : d.category === 'petition' ? '(no target)' : `(${d.category})`;
    return {
      id: item.id,
      group: item.group,
      lang: item.lang ?? d.language,
      targets: item.targets,
      predicted,
      // The line's own decision or one of its `also` pairs (TAXONOMY.md), each scored the same way.
      right: [{ category: item.category ?? 'petition', targets: item.targets as string[] }, ...(item.also ?? [])].some((p) =>
        p.category !== 'petition'
          ? d.category === p.category && (p.targets.length === 0 || p.targets.includes(d.target as string))
          : routed && p.targets.includes(d.target as string),
      ),
      confidence: d.targetConfidence ?? d.confidence,
      needsReview: d.needsReview,
      reasons: d.reasons,
    };
  });
}

export function riskCoverage(scored: ScoredCase[], levels = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]): Array<{ coverage: number; n: number; accuracy: number }> {
  // Stable: ties keep file order, so the table is reproducible.
  const sorted = scored.map((s, i) => [s, i] as const).sort((a, b) => b[0].confidence - a[0].confidence || a[1] - b[1]).map(([s]) => s);
  return levels.map((c) => {
    const n = Math.max(1, Math.round(sorted.length * c));
    const top = sorted.slice(0, n);
    return { coverage: c, n, accuracy: top.filter((s) => s.right).length / n };
  });
}

const pct = (x: number): string => x.toFixed(4);

export function formatRoutingReport(scored: ScoredCase[], opts: { errors?: boolean } = {}): string {
  const lines: string[] = [];
  const n = scored.length;
  const right = scored.filter((s) => s.right).length;

  const byGroup = new Map<string, ScoredCase[]>();
  for (const s of scored) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  lines.push('accuracy per group (gold label or first target):');
  for (const [g, list] of [...byGroup].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${g.padEnd(20)} n=${String(list.length).padStart(4)}  ${pct(list.filter((s) => s.right).length / list.length)}`);
  }

  const langs = new Map<string, ScoredCase[]>();
  for (const s of scored) langs.set(s.lang, [...(langs.get(s.lang) ?? []), s]);
  lines.push('accuracy per language:');
  for (const [l, list] of [...langs].sort()) lines.push(`  ${l.padEnd(8)} n=${String(list.length).padStart(4)}  ${pct(list.filter((s) => s.right).length / list.length)}`);

  // Files with non-petition lines: the department routing of the petition lines alone, per language.
  const petitions = scored.filter((s) => !s.group.startsWith('('));
  if (petitions.length < n) {
    const pl = new Map<string, ScoredCase[]>();
    for (const s of petitions) pl.set(s.lang, [...(pl.get(s.lang) ?? []), s]);
    lines.push('petition lines only, per language:');
    for (const [l, list] of [...pl].sort()) lines.push(`  ${l.padEnd(8)} n=${String(list.length).padStart(4)}  ${pct(list.filter((s) => s.right).length / list.length)}`);
  }

  // Precision of each predicted code; recall of each code over the messages whose first target it is.
  const codes = [...new Set([...scored.map((s) => s.predicted), ...scored.map((s) => s.targets[0] ?? s.group)])].sort();
  lines.push('per code: precision (right / predicted)  recall (right / first target)');
  for (const c of codes) {
    const pred = scored.filter((s) => s.predicted === c);
    const gold = scored.filter((s) => (s.targets[0] ?? s.group) === c);
    const p = pred.length ? pct(pred.filter((s) => s.right).length / pred.length) : '   -  ';
    const r = gold.length ? pct(gold.filter((s) => s.right).length / gold.length) : '   -  ';
    lines.push(`  ${c.padEnd(20)} precision ${p} (${pred.length})  recall ${r} (${gold.length})`);
  }

  const cols = [...new Set(scored.map((s) => s.predicted))].sort();
  lines.push('confusion (rows: group, columns: predicted):');
  lines.push(`  ${''.padEnd(20)} ${cols.map((c) => c.slice(0, 10).padStart(10)).join(' ')}`);
  for (const [g, list] of [...byGroup].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${g.padEnd(20)} ${cols.map((c) => String(list.filter((s) => s.predicted === c).length).padStart(10)).join(' ')}`);
  }

  lines.push('risk–coverage (most confident share → accuracy):');
  for (const r of riskCoverage(scored)) lines.push(`  ${String(Math.round(r.coverage * 100)).padStart(3)}%  n=${String(r.n).padStart(4)}  ${pct(r.accuracy)}`);

  const decided = scored.filter((s) => !s.needsReview);
  lines.push(`needs review: ${n - decided.length} of ${n}; accuracy on the rest ${pct(decided.filter((s) => s.right).length / Math.max(1, decided.length))}`);

  if (opts.errors) {
    lines.push('errors:');
    for (const s of scored.filter((x) => !x.right)) lines.push(`  ${s.id}\t${s.group}\t→ ${s.predicted}\t${s.reasons.join(' | ')}`);
  }
  const at80 = riskCoverage(scored, [0.8])[0]!;
  lines.push(`routing_accuracy=${pct(right / Math.max(1, n))} n=${n} at_80pct=${pct(at80.accuracy)}`);
  return lines.join('\n');
}
