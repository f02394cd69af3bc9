/**
 * Directory retrieval over the `matters` phrases and the product-of-experts fusion rules of the offline
 * engine (moved out of offlineEngine.ts unchanged; see docs/offline-engine.md).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalize } from '../normalize.js';
import { isDepartmentCode, isServiceCode, type Category, type TargetCode } from '../../kernel/taxonomy.js';

/** The part of the directory (directory/directory.ts) the index reads: departments' and organizations' matters. */
export interface MattersDirectory {
  departments: ReadonlyArray<{ code: TargetCode; matters: readonly string[]; names: Record<'zh-Hans', string> }>;
  organizations: ReadonlyArray<{ services: readonly TargetCode[]; matters: readonly string[]; names: Record<'zh-Hans', string> }>;
}

let jieba: Jieba | undefined;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

const HAN_RUN = /\p{Script=Han}+/gu;
const STOP_BIGRAMS = new Set(['我们', '他们', '一个', '没有', '什么', '这个', '那个', '可以', '不是', '就是', '已经', '还是']);

/**
 * jieba's words of each run, from one native call over the runs joined by newlines instead of one call
 * per run (a letter has dozens of runs): a newline is never part of a Han block, so jieba cuts each
 * run alone either way and gives the newline back as its own token. Should a token ever not line up
 * with the runs, the runs are cut one by one as before.
 */
export function wordsOfRuns(runs: string[]): string[][] {
  if (runs.length <= 1) return runs.map((r) => segmenter().cut(r, false));
  const tokens = segmenter().cut(runs.join('\n'), false);
  const out: string[][] = [];
  let cur: string[] = [];
  let text = '';
  for (const t of tokens) {
    if (t === '\n') {
      if (text !== runs[out.length]) break;
      out.push(cur);
      cur = [];
      text = '';
      continue;
    }
    cur.push(t);
    text += t;
  }
  if (text === runs[out.length]) out.push(cur);
  return out.length === runs.length ? out : runs.map((r) => segmenter().cut(r, false));
}

/** Character bigrams of the Han runs plus jieba words of two or more characters: robust to segmentation slips. */
function keyTerms(text: string): Set<string> {
  const out = new Set<string>();
  const runs = text.match(HAN_RUN) ?? [];
  const words = wordsOfRuns(runs);
  runs.forEach((run, r) => {
    const cs = Array.from(run);
    for (let i = 0; i + 2 <= cs.length; i++) {
      const bg = cs[i]! + cs[i + 1]!;
      if (!STOP_BIGRAMS.has(bg)) out.add(bg);
    }
    for (const w of words[r]!) if (Array.from(w).length >= 3) out.add(w);
  });
  return out;
}

interface MatterEntry {
  target: TargetCode;
  phrase: string;
  /** zh-Hans name of the department or organization the phrase belongs to. */
  owner: string;
  terms: string[];
}

export interface DirectoryMatch {
  target: TargetCode;
  /** 0..1: IDF-weighted share of the best phrase's terms found in the text, with a small bonus for further phrases. */
  score: number;
  phrase: string;
  owner: string;
}

/**
 * A keyword index over the `matters` phrases of each department and of each service (an organization's
 * phrases count for every service it offers). Scores are IDF-weighted term coverage of a phrase, so a
 * message that contains "物业费" and "收费" covers most of "物业费收费争议" and matches housing.
 */
export class MatterIndex {
  private readonly entries: MatterEntry[] = [];
  /** Sum of the phrase's term weights, per entry. */
  private readonly totals: number[] = [];
  /** term → (entry index, weight) for every phrase containing it: a message only visits the phrases it shares a term with. */
  private readonly postings = new Map<string, Array<[number, number]>>();

  constructor(directory: MattersDirectory) {
    const add = (target: TargetCode, phrase: string, owner: string): void => {
      const p = normalize(phrase).normalized;
      const terms = [...keyTerms(p)];
      if (terms.length > 0) this.entries.push({ target, phrase, owner, terms });
    };
    for (const d of directory.departments) for (const m of d.matters) add(d.code, m, d.names['zh-Hans']);
    for (const o of directory.organizations) for (const s of o.services) for (const m of o.matters) add(s, m, o.names['zh-Hans']);
    const df = new Map<string, number>();
    for (const e of this.entries) for (const t of e.terms) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.entries.length;
    this.entries.forEach((e, i) => {
      let total = 0;
      for (const t of e.terms) {
        const w = Math.log(1 + n / df.get(t)!);
        total += w;
        const list = this.postings.get(t) ?? [];
        list.push([i, w]);
        this.postings.set(t, list);
      }
      this.totals.push(total);
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Best score per target among `targets`, sorted high to low; targets with no overlap are left out. */
  match(preparedText: string, targets: readonly TargetCode[]): DirectoryMatch[] {
    const allowed = new Set<string>(targets);
    return this.matchAll(preparedText).filter((m) => allowed.has(m.target));
  }

  /** Best score for every target with any overlap, sorted high to low. */
  matchAll(preparedText: string): DirectoryMatch[] {
    const q = keyTerms(preparedText);
    if (q.size === 0) return [];
    const hits = new Map<number, number>();
    for (const t of q) {
      const list = this.postings.get(t);
      if (list) for (const [i, w] of list) hits.set(i, (hits.get(i) ?? 0) + w);
    }
    const per = new Map<TargetCode, { scores: number[]; best: number; phrase: string; owner: string }>();
    // In phrase order, so ties resolve to the same phrase as a scan over all of them would.
    for (const i of [...hits.keys()].sort((a, b) => a - b)) {
      const hit = hits.get(i)!;
      const total = this.totals[i]!;
      if (hit === 0 || total === 0) continue;
      const e = this.entries[i]!;
      const s = hit / total;
      const cur = per.get(e.target) ?? { scores: [], best: 0, phrase: '', owner: '' };
      cur.scores.push(s);
      if (s > cur.best) {
        cur.best = s;
        cur.phrase = e.phrase;
        cur.owner = e.owner;
      }
      per.set(e.target, cur);
    }
    const out: DirectoryMatch[] = [];
    for (const [target, v] of per) {
      const sorted = v.scores.sort((a, b) => b - a);
      // A second and third matching phrase add a little: several matters of one body beat one lucky phrase.
      const score = Math.min(1, sorted[0]! + 0.25 * (sorted[1] ?? 0) + 0.1 * (sorted[2] ?? 0));
      out.push({ target, score, phrase: v.phrase, owner: v.owner });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}

/**
 * Product-of-experts fusion: p(t) ∝ p_model(t) · exp(β · s(t)), s = directory match score in [0, 1].
 * With β = 0 it is the model alone; a full phrase match multiplies a target's odds by e^β.
 */
export function fuseTargets(modelProbs: Record<string, number>, matches: DirectoryMatch[], beta: number): Record<string, number> {
  const s = new Map(matches.map((m) => [m.target as string, m.score]));
  const out: Record<string, number> = {};
  let z = 0;
  for (const [t, p] of Object.entries(modelProbs)) {
    const v = p * Math.exp(beta * (s.get(t) ?? 0));
    out[t] = v;
    z += v;
  }
  for (const t of Object.keys(out)) out[t] = z > 0 ? out[t]! / z : 0;
  return out;
}

/** Best department and best service match: evidence for petition and for 信访外. */
export function categoryEvidence(all: DirectoryMatch[]): Partial<Record<Category, number>> {
  const dep = all.find((m) => isDepartmentCode(m.target))?.score ?? 0;
  const svc = all.find((m) => isServiceCode(m.target) && m.target !== 'legal_aid')?.score ?? 0;
  return { petition: dep, out_of_scope: svc };
}

/** p(c) ∝ p_model(c) · exp(γ · e(c)): the same product-of-experts rule as for targets. */
export function fuseCategories(probs: Record<string, number>, evidence: Partial<Record<Category, number>>, gamma: number): Record<string, number> {
  if (gamma === 0) return probs;
  const out: Record<string, number> = {};
  let z = 0;
  for (const [c, p] of Object.entries(probs)) {
    const v = p * Math.exp(gamma * (evidence[c as Category] ?? 0));
    out[c] = v;
    z += v;
  }
  for (const c of Object.keys(out)) out[c] = out[c]! / z;
  return out;
}

/** p_i^(1/T), renormalised: temperature scaling of the logits, expressed on probabilities. */
export function applyTemperature(probs: Record<string, number>, temperature: number): Record<string, number> {
  const out: Record<string, number> = {};
  let z = 0;
  for (const [k, p] of Object.entries(probs)) {
    const v = Math.pow(Math.max(p, 1e-12), 1 / temperature);
    out[k] = v;
    z += v;
  }
  for (const k of Object.keys(out)) out[k] = out[k]! / z;
  return out;
}

/** Expected calibration error: |accuracy − mean confidence| per confidence bin, weighted by the bin's share. */
export function expectedCalibrationError(rows: Array<{ confidence: number; correct: boolean }>, bins = 10): number {
  if (rows.length === 0) return 0;
  const acc = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const n = new Array<number>(bins).fill(0);
  for (const r of rows) {
    const b = Math.min(bins - 1, Math.floor(r.confidence * bins));
    n[b]!++;
    conf[b]! += r.confidence;
    if (r.correct) acc[b]!++;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) if (n[b]! > 0) e += (n[b]! / rows.length) * Math.abs(acc[b]! / n[b]! - conf[b]! / n[b]!);
  return e;
}

