/**
 * npm run train:crisis — trains the crisis classifier (triage/crisis/model.ts) and its second stage
 * (triage/crisis/stage2.ts) and writes resources/model/crisis-model.json.
 *
 * Data, all read by path, none copied into the repository:
 *  - resources/crisis/train.jsonl, train-extra.jsonl, train-more.jsonl (+ train-followups.jsonl): the project's
 *    crisis corpus;
 *  - every real letter a model may learn from (shanghai2023, Teddy fujian3 + fujian4; never fujian2, the
 *    routing test set) as negatives, plus one sentence of each (short negatives);
 *  - the routing examples and a list of greetings (ordinary short messages);
 *  - SOS-1K training rows (sos-1 … sos-999; the authors' test rows are never used): risk 7–10 (a method
 *    chosen, a date, a goodbye, an attempt) → immediate, 2–6 → concern, 0–1 → none.
 * Never tests/fixtures/crisis-eval.jsonl (the evaluation set).
 *
 * K-fold cross-validation (letters and SOS-1K by a hash of their id; the corpus by position inside its
 * blocks, so that a scene written in several languages — the blocks are parallel — stays in one fold)
 * gives every item a text-model score from a model that never saw it. The second stage is fitted on
 * those scores, and its threshold is chosen on its own cross-validated outputs, for recall: the highest
 * threshold that keeps recall of immediate danger on the corpus ≥ --recall (0.98) while false alarms on
 * the letters stay ≤ --letters-per-1000 (0.8). The hard-negative false-alarm rate is reported, not tuned.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { normalize } from '../normalize.js';
import { CRISIS_CORPUS, CRISIS_MODEL, readCrisisFile, readLetters, readSos1k, isSosTest, repoInputDigest, requestExampleFiles, type CrisisExample } from '../crisis/data.js';
import { detectCrisis, explicitNow, situate, type Base } from '../crisis/detect.js';
import { featurize, type Features } from '../crisis/features.js';
import { kindOf, score, serializeModel, trainModel, type Scores, type TrainExample } from '../crisis/model.js';
import { fitStage2, STAGE2_FEATURES, stage2Prob, stage2Vector } from '../crisis/stage2.js';
import type { CrisisKind, CrisisLevel } from '../crisis/types.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: CRISIS_MODEL },
    epochs: { type: 'string', default: '10' },
    l2: { type: 'string', default: '1e-6' },
    folds: { type: 'string', default: '5' },
    'letters-per-1000': { type: 'string', default: '0.8' },
    recall: { type: 'string', default: '0.98' },
    'explicit-recall': { type: 'string', default: '1' },
    report: { type: 'boolean', default: false },
    // A stability check: leave out the letters (and their sentences) whose hash with this salt falls in 1 of 100.
    'drop-letters': { type: 'string', default: '' },
  },
});

const K = Number(values.folds);
const L2 = Number(values.l2);
const GREETINGS = [
  '你好', '您好', '在吗', '有人吗', '谢谢', '好的', '请问', '我要投诉', '我想反映个问题', '今天天气不错', '早上好', '晚上好',
  '你好,我想咨询一下', '唔该', '你好呀', '有冇人', '多谢', '我想問下', 'hello', 'hi', 'thanks', 'thank you', 'ok', 'good morning',
  'i have a question', 'i want to complain', 'is anyone there', 'test', '測試', '謝謝', '請問',
];
const hashFold = (id: string) => createHash('sha1').update(`fold:${id}`).digest()[0]! % K;

type Src = 'corpus' | 'letter' | 'sentence' | 'sos' | 'fixed';
interface Item {
  ex: TrainExample;
  src: Src;
  fold: number; // -1: always trained on, never scored
  lang?: string;
  letterSource?: string;
  sosRisk?: number;
  original?: string;
}

/** Fold of a corpus row: its relative position inside its (level, kind, language) block. */
function corpusFolds(rows: CrisisExample[]): number[] {
  const key = (r: CrisisExample) => `${r.level}/${r.kinds[0] ?? ''}/${r.lang}`;
  const blocks: number[][] = [];
  rows.forEach((r, i) => {
    if (i > 0 && key(rows[i - 1]!) === key(r)) blocks.at(-1)!.push(i);
    else blocks.push([i]);
  });
  const out = new Array<number>(rows.length);
  for (const b of blocks) b.forEach((row, j) => (out[row] = Math.min(K - 1, Math.floor((K * j) / b.length))));
  return out;
}

function items(): Item[] {
  const out: Item[] = [];
  for (const file of CRISIS_CORPUS) {
    if (!existsSync(file)) continue;
    const rows = readCrisisFile(file, 'crisis corpus');
    const folds = corpusFolds(rows);
    rows.forEach((r, i) => {
      const n = normalize(r.text);
      out.push({
        ex: { text: n.normalized, level: r.level, kinds: r.kinds.map(kindOf).filter((k): k is CrisisKind => k !== null), weight: (r.level === 'none' ? 3 : 4), kindsKnown: true },
        src: 'corpus', fold: folds[i]!, lang: r.lang, original: n.original,
      });
    });
  }
  let k = 0;
  for (const l of readLetters('train')) {
    if (values['drop-letters'] && createHash('sha1').update(`${values['drop-letters']}:${l.id}`).digest()[0]! < 3) continue;
    const n = normalize(l.text);
    const fold = hashFold(l.id);
    out.push({ ex: { text: n.normalized, level: 'none', kinds: [], weight: 1, kindsKnown: false }, src: 'letter', fold, letterSource: l.source, original: n.original });
    // One sentence of the letter on its own: residents also write short messages, and without short
    // negatives the classifier learns "short = danger". Sentences the rules read as danger are left out.
    // Three pieces per letter, sentences and clauses alike: a resident's follow-up ("地址是…5栋", "今天去过
    //派出所了") is as short as a clause, and one sentence per letter left such details looking like danger.
    const parts = n.normalized.split(/[。!?;,\n]+/).map((x) => x.trim()).filter((x) => x.length >= 5 && x.length <= 120);
    for (let j = 0; j < Math.min(3, parts.length); j++) {
      const piece = parts[(k++ * 7919) % parts.length]!;
      if (detectCrisis(piece, undefined, { model: null }).level === 'none') {
        out.push({ ex: { text: piece, level: 'none', kinds: [], weight: 1, kindsKnown: false }, src: 'sentence', fold });
      }
    }
  }
  for (const examples of requestExampleFiles()) {
    for (const line of readFileSync(examples, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const e = JSON.parse(line) as { text?: string; category?: string };
      if (typeof e.text === 'string' && e.category !== 'emergency') out.push({ ex: { text: normalize(e.text).normalized, level: 'none', kinds: [], weight: 2, kindsKnown: false }, src: 'fixed', fold: -1 });
    }
  }
  for (const g of GREETINGS) out.push({ ex: { text: normalize(g).normalized, level: 'none', kinds: [], weight: 2, kindsKnown: false }, src: 'fixed', fold: -1 });
  for (const p of readSos1k()) {
    if (isSosTest(p.id)) continue;
    const level: CrisisLevel = p.risk >= 7 ? 'immediate' : p.risk >= 2 ? 'concern' : 'none';
    const n = normalize(p.text);
    out.push({ ex: { text: n.normalized, level, kinds: level === 'none' ? [] : ['suicide'], weight: 0.7, kindsKnown: level === 'immediate' }, src: 'sos', fold: hashFold(p.id), sosRisk: p.risk, original: n.original });
  }
  return out;
}

/** Stage-2 target and weight of an item, or null when it should not teach the second stage. */
function stage2Label(it: Item): { y: number; w: number } | null {
  if (it.src === 'corpus') return { y: it.ex.level === 'immediate' ? 1 : 0, w: it.ex.level === 'none' ? 3 : 2 };
  if (it.src === 'letter') return { y: 0, w: 1 };
  if (it.src === 'sentence') return { y: 0, w: 1 };
  // SOS-1K: posts about wanting to die; only the clearest ends teach the immediate decision.
  if (it.src === 'sos') return it.sosRisk! >= 8 ? { y: 1, w: 0.5 } : it.sosRisk! <= 1 ? { y: 0, w: 0.5 } : null;
  return null;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const epochs = Number(values.epochs);
  const all = items();
  const feats: Features[] = all.map((it) => featurize(it.ex.text));
  const bases: Base[] = all.map((it) => situate(it.ex.text, it.original));
  console.log(`# ${all.length} items featurised in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const oof: Array<Scores | null> = all.map(() => null);
  for (let f = 0; f < K; f++) {
    const idx = all.map((_, i) => i).filter((i) => all[i]!.fold !== f);
    const m = trainModel(idx.map((i) => all[i]!.ex), { epochs, l2: L2, features: idx.map((i) => feats[i]!) });
    const ci = idx.filter((i) => all[i]!.src === 'corpus');
    m.focus = trainModel(ci.map((i) => ({ ...all[i]!.ex, kindsKnown: false })), { epochs: epochs * 2, l2: L2, features: ci.map((i) => feats[i]!) }).level;
    all.forEach((it, i) => {
      if (it.fold === f) oof[i] = score(m, it.ex.text, feats[i]);
    });
    console.log(`# fold ${f + 1}/${K} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  // Second stage on cross-validated text-model scores; its own outputs cross-validated the same way.
  const rows = all.map((it, i) => ({ it, i, lab: oof[i] ? stage2Label(it) : null })).filter((r) => r.lab);
  const X = rows.map((r) => stage2Vector(bases[r.i]!.situation, oof[r.i]!));
  const p2 = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < K; f++) {
    const tr = rows.map((_, j) => j).filter((j) => rows[j]!.it.fold !== f);
    const w = fitStage2(tr.map((j) => X[j]!), tr.map((j) => rows[j]!.lab!.y), tr.map((j) => rows[j]!.lab!.w));
    rows.forEach((r, j) => {
      if (r.it.fold === f) p2[j] = stage2Prob({ names: [], w, threshold: 0 }, X[j]!);
    });
  }
  const decide = (j: number, t: number) => {
    const s = bases[rows[j]!.i]!.situation;
    return explicitNow(s) || p2[j]! >= t;
  };
  const corpusImm = rows.map((_, j) => j).filter((j) => rows[j]!.it.src === 'corpus' && rows[j]!.it.ex.level === 'immediate');
  const corpusNone = rows.map((_, j) => j).filter((j) => rows[j]!.it.src === 'corpus' && rows[j]!.it.ex.level === 'none');
  const letters = rows.map((_, j) => j).filter((j) => rows[j]!.it.src === 'letter');
  // Explicit danger (a rule fired and no guard demoted it): issue 10 asks recall 1.00 there.
  const corpusExplicit = corpusImm.filter((j) => bases[rows[j]!.i]!.situation.ruleImmediate === 1);
  const stats = (t: number) => ({
    t,
    recall: corpusImm.filter((j) => decide(j, t)).length / corpusImm.length,
    explicit: corpusExplicit.filter((j) => decide(j, t)).length / Math.max(1, corpusExplicit.length),
    hardNeg: corpusNone.filter((j) => decide(j, t)).length / corpusNone.length,
    perMille: (1000 * letters.filter((j) => decide(j, t)).length) / letters.length,
  });
  // Chosen for recall (issue 10): the highest threshold whose cross-validated recall on the corpus's
  // immediate messages reaches the target, as long as the letters stay within their false-alarm budget
  // (an office alarmed every day stops reading alarms); if they do not, the lowest threshold that does.
  const budgetLetters = Number(values['letters-per-1000']);
  const target = Number(values.recall);
  const grid = Array.from({ length: 97 }, (_, i) => Number((0.98 - i * 0.01).toFixed(2)));
  const curve = grid.map(stats);
  const withinBudget = curve.filter((s) => s.perMille <= budgetLetters);
  const explicitTarget = Number(values['explicit-recall']);
  const chosen =
    withinBudget.find((s) => s.recall >= target && s.explicit >= explicitTarget) ??
    withinBudget.find((s) => s.recall >= target) ??
    withinBudget.at(-1) ??
    stats(0.5);
  for (const t of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, chosen.t]) {
    const s = stats(t);
    console.log(`# cv t=${t.toFixed(2)} corpus recall ${s.recall.toFixed(3)}  explicit ${s.explicit.toFixed(3)} (n=${corpusExplicit.length})  hard-neg FA ${s.hardNeg.toFixed(3)}  letters ${s.perMille.toFixed(2)} ‰`);
  }
  if (values.report) {
    // Cross-validated misses and false alarms at the chosen threshold, by kind / topic (ids only).
    const tally = (js: number[], key: (it: Item) => string) => {
      const c: Record<string, number> = {};
      for (const j of js) c[key(rows[j]!.it)] = (c[key(rows[j]!.it)] ?? 0) + 1;
      return JSON.stringify(c);
    };
    const missed = corpusImm.filter((j) => !decide(j, chosen.t));
    console.log(`# cv missed by kind ${tally(missed, (it) => it.ex.kinds[0] ?? '?')} by lang ${tally(missed, (it) => it.lang ?? '?')}`);
    console.log(`# cv false alarms by lang ${tally(corpusNone.filter((j) => decide(j, chosen.t)), (it) => it.lang ?? '?')}`);
  }
  const byLang = Object.fromEntries(
    ['zh-Hans', 'zh-Hant', 'yue', 'en'].map((lang) => {
      const g = corpusImm.filter((j) => rows[j]!.it.lang === lang);
      return [lang, Number((g.filter((j) => decide(j, chosen.t)).length / g.length).toFixed(3))];
    }),
  );
  const bySource: Record<string, string> = {};
  for (const src of ['shanghai2023', 'fujian3', 'fujian4']) {
    const g = letters.filter((j) => rows[j]!.it.letterSource === src);
    bySource[src] = `${g.filter((j) => decide(j, chosen.t)).length}/${g.length}`;
  }

  // Final: text model on everything, second stage on all cross-validated rows.
  const model = trainModel(all.map((it) => it.ex), { epochs, l2: L2, features: feats });
  const ci = all.map((_, i) => i).filter((i) => all[i]!.src === 'corpus');
  model.focus = trainModel(ci.map((i) => ({ ...all[i]!.ex, kindsKnown: false })), { epochs: epochs * 2, l2: L2, features: ci.map((i) => feats[i]!) }).level;
  const w = fitStage2(X, rows.map((r) => r.lab!.y), rows.map((r) => r.lab!.w));
  model.stage2 = { names: [...STAGE2_FEATURES], w: w.map((v) => Number(v.toFixed(5))), threshold: chosen.t };
  model.immediateThreshold = 0.5;
  model.concernThreshold = 0.5;
  const count = (src: Src) => all.filter((it) => it.src === src).length;
  model.meta = {
    trainedOn: { corpus: count('corpus'), letters: count('letter'), sentences: count('sentence'), sos1k: count('sos'), fixed: count('fixed') },
    crossValidation: { folds: K, threshold: chosen.t, corpusImmediateRecall: Number(chosen.recall.toFixed(3)), byLanguage: byLang, hardNegativeFalseAlarms: Number(chosen.hardNeg.toFixed(3)), lettersPer1000: Number(chosen.perMille.toFixed(2)), lettersBySource: bySource },
    epochs,
    // What it learned from inside the repository, as read today (tests/unit/crisis-model-inputs.test.ts).
    repoInputs: repoInputDigest((t) => normalize(t).normalized),
  };
  writeFileSync(values.out!, serializeModel(model));
  console.log(`crisis model → ${values.out}`);
  console.log(`stage 2 threshold ${chosen.t}: cross-validated corpus recall ${chosen.recall.toFixed(3)} ${JSON.stringify(byLang)}, hard negatives ${chosen.hardNeg.toFixed(3)}, letters ${chosen.perMille.toFixed(2)} ‰ ${JSON.stringify(bySource)}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
