/**
 * The second stage of the crisis layer: a small logistic regression over interpretable features — which
 * rules and cues fired and whether their guards demoted them, situation cues (a person at risk, means,
 * now / past / what-if / question / news markers, letter framing, length) and the text model's scores —
 * that decides "immediate" instead of hand-set overrule logic. It is trained on cross-validated outputs
 * of the text model (trainCrisis.ts), so it learns how far to trust the model on text it has not seen.
 */
import type { Scores } from './types.js';

/** Situation flags computed by detect.ts for one message (0/1 unless noted). */
export interface Situation {
  baseImmediate: number;
  baseConcern: number;
  ruleImmediate: number;
  ruleDemoted: number;
  ruleOtherOnly: number;
  ruleSuicide: number;
  cueImmediate: number;
  cueDemoted: number;
  distress: number;
  softFarewell: number;
  strongNow: number;
  letterNow: number;
  weakNow: number;
  notNow: number;
  past: number;
  whatIf: number;
  fiction: number;
  joke: number;
  over: number;
  pastQuestion: number;
  app: number;
  letter: number;
  question: number;
  person: number;
  means: number;
  firstPerson: number;
  /** log2(1 + characters) / 10 */
  length: number;
  /** Complaint or petition framing (反映, 本人要求, 赔偿…); read by detect.ts, not a second-stage feature. */
  complaint?: number;
  /** A cue that carries its own time (final_intent) kept as immediate; read by detect.ts only. */
  timedCue?: number;
  /** Which kinds a rule or an immediate cue kept as immediate (after their guards), one flag per kind. */
  hitKinds: Record<string, number>;
}

/** The kinds whose hits the second stage weighs separately (a gas smell is trusted more than 救命). */
export const HIT_KINDS = ['suicide', 'overdose', 'self_harm', 'violence', 'child_elder', 'medical', 'fire', 'gas', 'flood', 'collapse', 'drowning', 'disaster'] as const;

export const STAGE2_FEATURES = [
  'bias', 'baseImmediate', 'baseConcern', 'ruleImmediate', 'ruleDemoted', 'ruleOtherOnly', 'ruleSuicide', 'cueImmediate',
  'cueDemoted', 'distress', 'softFarewell', 'strongNow', 'letterNow', 'weakNow', 'notNow', 'past', 'whatIf', 'fiction', 'joke', 'over',
  'pastQuestion', 'app', 'letter', 'question', 'person', 'means', 'firstPerson', 'length',
  'model_logit_imm', 'model_logit_any', 'model_kind_max', 'model_imm_x_letter', 'model_imm_x_notnow', 'base_x_letter',
  'base_x_strongnow', 'model_imm_x_base', 'focus_logit_imm', 'focus_logit_any', 'focus_imm_x_model_imm',
  'kind_suicide', 'kind_overdose', 'kind_self_harm', 'kind_violence', 'kind_child_elder', 'kind_medical', 'kind_fire', 'kind_gas',
  'kind_flood', 'kind_collapse', 'kind_drowning', 'kind_disaster',
  ...HIT_KINDS.map((k) => `hit_${k}`),
] as const;

export interface Stage2 {
  names: string[];
  w: number[];
  /** P(immediate) from this stage at or above → immediate (chosen by cross-validation). */
  threshold: number;
}

const logit = (p: number) => Math.max(-10, Math.min(10, Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p))));

export function stage2Vector(s: Situation, scores: Scores | null): number[] {
  const pi = scores ? scores.level[2] : 0;
  const pa = scores ? scores.level[1] + scores.level[2] : 0;
  const li = logit(pi) / 5;
  const la = logit(pa) / 5;
  const base = s.baseImmediate;
  const fi = scores?.focus ? logit(scores.focus[2]) / 5 : 0;
  const fa = scores?.focus ? logit(scores.focus[1] + scores.focus[2]) / 5 : 0;
  return [
    1, s.baseImmediate, s.baseConcern, s.ruleImmediate, s.ruleDemoted, s.ruleOtherOnly, s.ruleSuicide, s.cueImmediate,
    s.cueDemoted, s.distress, s.softFarewell, s.strongNow, s.letterNow, s.weakNow, s.notNow, s.past, s.whatIf, s.fiction, s.joke, s.over,
    s.pastQuestion, s.app, s.letter, s.question, s.person, s.means, s.firstPerson, s.length,
    li, la, scores ? scores.kindMax : 0, li * s.letter, li * s.notNow, base * s.letter, base * s.strongNow, li * base,
    fi, fa, fi * li,
    ...(scores?.kindProbs ?? new Array<number>(12).fill(0)),
    ...HIT_KINDS.map((k) => s.hitKinds[k] ?? 0),
  ];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function stage2Prob(m: Stage2, x: number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (m.w[i] ?? 0) * x[i]!;
  return sigmoid(z);
}

/** Weighted logistic regression with L2 (the bias is not penalised), fitted by Newton's method: the
 * problem is tiny (a few dozen features), so it converges in a few steps and is deterministic. */
export function fitStage2(X: number[][], y: number[], weight: number[], opts: { l2?: number; iters?: number } = {}): number[] {
  const d = X[0]?.length ?? STAGE2_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const W = weight.reduce((a, b) => a + b, 0) || 1;
  const l2 = opts.l2 ?? 1e-3;
  for (let it = 0; it < (opts.iters ?? 25); it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let n = 0; n < X.length; n++) {
      const x = X[n]!;
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const p = sigmoid(z);
      const c = weight[n]! / W;
      const e = (p - y[n]!) * c;
      const h = p * (1 - p) * c;
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        g[i]! += e * x[i]!;
        const Hi = H[i]!;
        for (let j = 0; j < d; j++) Hi[j]! += h * x[i]! * x[j]!;
      }
    }
    for (let i = 1; i < d; i++) {
      g[i]! += l2 * w[i]!;
      H[i]![i]! += l2;
    }
    H[0]![0]! += 1e-9;
    const step = solve(H, g);
    let moved = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      moved = Math.max(moved, Math.abs(step[i]!));
    }
    if (moved < 1e-6) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const d = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}
