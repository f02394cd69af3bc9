/**
 * How the routing model's probabilities join the engine's decision: pooled with the department model
 * trained on the hand-written examples, then checked for a clear lead (abstention) and a second matter.
 */
import { isDepartmentCode, type DepartmentCode } from '../../kernel/taxonomy.js';

/**
 * Log-linear pooling p ∝ p_a^(1−w) · p_b^w over the codes of `a` (a missing code in `b` counts as tiny):
 * the examples' model knows short chat messages, the routing model knows letters.
 */
export function poolTargets(a: Record<string, number>, b: Record<string, number>, w: number): Record<string, number> {
  const out: Record<string, number> = {};
  let z = 0;
  for (const [k, p] of Object.entries(a)) {
    const v = Math.exp((1 - w) * Math.log(Math.max(p, 1e-9)) + w * Math.log(Math.max(b[k] ?? 0, 1e-9)));
    out[k] = v;
    z += v;
  }
  for (const k of Object.keys(out)) out[k] = z > 0 ? out[k]! / z : 0;
  return out;
}

export interface RoutingVerdict {
  /** A second code likely enough to be a second matter. */
  secondaryTarget?: DepartmentCode;
  /**
   * The chosen target's probability p1: with the category's probability (the engine multiplies them) it
   * estimates that the whole decision is right, on the same scale as a decision without a target (an
   * inquiry ranks by its category probability alone). The lead p1 − p2, used before, put every confident
   * inquiry above every petition in the risk–coverage table; on the dev letters p1 orders right from wrong
   * as well or better (docs/routing.md, "Fourth pass").
   */
  targetConfidence: number;
  /** Machine reason when the top target is not clearly ahead, e.g. "target_unsure:margin 0.06 housing>transport". */
  unsure?: string;
  /** The code that came within the margin, when the top target is not clearly ahead. */
  runnerUp?: string;
}

export function routingVerdict(
  probs: Record<string, number>,
  target: string,
  opts: { abstainMargin: number; secondaryMin: number },
): RoutingVerdict {
  const ranked = Object.entries(probs).sort((x, y) => y[1] - x[1]);
  const p1 = probs[target] ?? 0;
  const second = ranked.find(([k]) => k !== target);
  const p2 = second?.[1] ?? 0;
  const margin = p1 - p2;
  const out: RoutingVerdict = { targetConfidence: Math.max(0, Math.min(1, p1)) };
  if (second && isDepartmentCode(second[0]) && p2 >= opts.secondaryMin) out.secondaryTarget = second[0];
  if (second && margin < opts.abstainMargin) {
    out.unsure = `target_unsure:margin ${margin.toFixed(2)} ${target}>${second[0]}`;
    out.runnerUp = second[0];
  }
  return out;
}
