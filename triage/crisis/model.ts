/**
 * A small, self-contained classifier for the crisis layer: multinomial logistic regression over the
 * hashed features of features.ts for the level (none / concern / immediate), and one-vs-rest logistic
 * heads for the kind. Trained with AdaGrad; stored as int8-quantised rows (a few hundred KB).
 * Synchronous and local: scoring a 4,000-character letter takes about a millisecond.
 */
import { readFileSync } from 'node:fs';
import { featurize, HASH_BITS, type Features } from './features.js';
import type { Stage2 } from './stage2.js';
import type { CrisisKind, CrisisLevel, Scores } from './types.js';

export const LEVELS: readonly CrisisLevel[] = ['none', 'concern', 'immediate'];
export const MODEL_KINDS: readonly CrisisKind[] = [
  'suicide', 'overdose', 'self_harm', 'violence', 'child_elder', 'medical', 'fire', 'gas', 'flood', 'collapse', 'drowning', 'disaster',
];
const DIM = 1 << HASH_BITS;

export interface CrisisModel {
  version: 1;
  hashBits: number;
  /** Chosen on held-out data (see trainCrisis.ts): P(immediate) at or above → immediate. */
  immediateThreshold: number;
  /** P(concern) + P(immediate) at or above → at least concern. */
  concernThreshold: number;
  level: Float32Array[]; // one row of DIM per level
  kinds: Float32Array[]; // one row of DIM per MODEL_KINDS
  meta: Record<string, unknown>;
  /** The learned second stage (stage2.ts); absent in older files → detect.ts falls back to the threshold. */
  stage2?: Stage2;
  /**
   * A second level model trained on the crisis corpus alone (no letters): it learns "danger now" against
   * past, figurative, hypothetical and service talk about the same dangers; the second stage reads it.
   */
  focus?: Float32Array[];
}

export interface TrainExample {
  text: string;
  level: CrisisLevel;
  kinds: CrisisKind[];
  weight: number;
  /** Kind labels are known (corpus) or not (letters, SOS-1K): only the former train the kind heads. */
  kindsKnown: boolean;
}

function dot(w: Float32Array, f: Features): number {
  let s = 0;
  for (let i = 0; i < f.idx.length; i++) s += w[f.idx[i]!]! * f.val[i]!;
  return s;
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Deterministic shuffle (the model file must not change between two runs on the same data). */
function shuffle<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function trainModel(
  examples: TrainExample[],
  opts: { epochs?: number; lr?: number; l2?: number; seed?: number; features?: Features[] } = {},
): CrisisModel {
  const epochs = opts.epochs ?? 8;
  const lr = opts.lr ?? 0.3;
  const l2 = opts.l2 ?? 1e-6;
  const feats = opts.features ?? examples.map((e) => featurize(e.text));
  const level = LEVELS.map(() => new Float32Array(DIM));
  const levelG = LEVELS.map(() => new Float32Array(DIM).fill(1e-8));
  const kinds = MODEL_KINDS.map(() => new Float32Array(DIM));
  const kindsG = MODEL_KINDS.map(() => new Float32Array(DIM).fill(1e-8));
  const order = examples.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    for (const i of shuffle(order, (opts.seed ?? 7) + ep)) {
      const ex = examples[i]!;
      const f = feats[i]!;
      const p = softmax(level.map((w) => dot(w, f)));
      const y = LEVELS.indexOf(ex.level);
      for (let c = 0; c < LEVELS.length; c++) {
        const g = (p[c]! - (c === y ? 1 : 0)) * ex.weight;
        const w = level[c]!;
        const G = levelG[c]!;
        for (let k = 0; k < f.idx.length; k++) {
          const j = f.idx[k]!;
          const gj = g * f.val[k]! + l2 * w[j]!;
          G[j]! += gj * gj;
          w[j]! -= (lr * gj) / Math.sqrt(G[j]!);
        }
      }
      if (!ex.kindsKnown || ex.level === 'none') continue;
      for (let c = 0; c < MODEL_KINDS.length; c++) {
        const t = ex.kinds.includes(MODEL_KINDS[c]!) ? 1 : 0;
        const w = kinds[c]!;
        const G = kindsG[c]!;
        const g = sigmoid(dot(w, f)) - t;
        for (let k = 0; k < f.idx.length; k++) {
          const j = f.idx[k]!;
          const gj = g * f.val[k]!;
          G[j]! += gj * gj;
          w[j]! -= (lr * gj) / Math.sqrt(G[j]!);
        }
      }
    }
  }
  return { version: 1, hashBits: HASH_BITS, immediateThreshold: 0.5, concernThreshold: 0.5, level, kinds, meta: {} };
}

export type { Scores } from './types.js';

/**
 * Every row's weights for one feature side by side (feature-major), so that scoring reads one short run
 * of memory per feature instead of one cache miss in each of 15–18 rows of 2^18 floats: the crisis model
 * was a tenth of a message's CPU in the bot bench, most of it waiting on memory. Built once per set of
 * rows (a retrained or swapped row builds a new table); the sums are the same, in the same order.
 */
interface Packed {
  rows: Float32Array[];
  table: Float32Array;
}
const packedTables = new WeakMap<CrisisModel, Packed>();

function rowsOf(model: CrisisModel): Float32Array[] {
  return [...model.level, ...model.kinds, ...(model.focus ?? [])];
}

function packedOf(model: CrisisModel): Packed {
  const rows = rowsOf(model);
  const cached = packedTables.get(model);
  if (cached && cached.rows.length === rows.length && cached.rows.every((r, i) => r === rows[i])) return cached;
  const R = rows.length;
  const table = new Float32Array(DIM * R);
  for (let r = 0; r < R; r++) {
    const row = rows[r]!;
    for (let j = 0; j < DIM; j++) table[j * R + r] = row[j]!;
  }
  const packed = { rows, table };
  packedTables.set(model, packed);
  return packed;
}

/** `dot(row, f)` for every row at once, in `rowsOf` order. */
function dotAll(model: CrisisModel, f: Features): Float64Array {
  const { rows, table } = packedOf(model);
  const R = rows.length;
  const s = new Float64Array(R);
  for (let i = 0; i < f.idx.length; i++) {
    const base = f.idx[i]! * R;
    const v = f.val[i]!;
    for (let r = 0; r < R; r++) s[r] = s[r]! + table[base + r]! * v;
  }
  return s;
}

export function score(model: CrisisModel, text: string, features?: Features): Scores {
  const f = features ?? featurize(text);
  const dots = dotAll(model, f);
  const L = model.level.length;
  const K = model.kinds.length;
  const p = softmax(Array.from(dots.subarray(0, L))) as [number, number, number];
  const kindProbs = Array.from(dots.subarray(L, L + K), sigmoid);
  const kp = kindProbs.map((p, i) => ({ k: MODEL_KINDS[i]!, p })).sort((a, b) => b.p - a.p);
  const kinds = kp.filter((x, i) => i === 0 || x.p >= 0.5).map((x) => x.k);
  const focus = model.focus ? (softmax(Array.from(dots.subarray(L + K))) as [number, number, number]) : undefined;
  return { level: p, kinds, kindMax: kp[0]?.p ?? 0, kindProbs, ...(focus ? { focus } : {}) };
}

// ---- Storage: each row as int8 with its own scale, base64.

function pack(row: Float32Array): { scale: number; b64: string } {
  let max = 0;
  for (const v of row) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(row.length);
  for (let i = 0; i < row.length; i++) q[i] = Math.round(row[i]! / scale);
  return { scale, b64: Buffer.from(q.buffer).toString('base64') };
}

function unpack(p: { scale: number; b64: string }): Float32Array {
  const buf = Buffer.from(p.b64, 'base64');
  const q = new Int8Array(buf.buffer, buf.byteOffset, buf.length);
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i]! * p.scale;
  return out;
}

export function serializeModel(m: CrisisModel): string {
  return JSON.stringify({
    version: m.version,
    hashBits: m.hashBits,
    immediateThreshold: m.immediateThreshold,
    concernThreshold: m.concernThreshold,
    meta: m.meta,
    stage2: m.stage2,
    ...(m.focus ? { focus: m.focus.map(pack) } : {}),
    levels: LEVELS,
    kindNames: MODEL_KINDS,
    level: m.level.map(pack),
    kinds: m.kinds.map(pack),
  });
}

export function parseModel(json: string, source = 'crisis model'): CrisisModel {
  const raw = JSON.parse(json);
  if (raw.version !== 1 || raw.hashBits !== HASH_BITS) throw new Error(`${source}: unsupported crisis model (version ${raw.version}, ${raw.hashBits} bits); run npm run train:crisis`);
  if (JSON.stringify(raw.kindNames) !== JSON.stringify(MODEL_KINDS)) throw new Error(`${source}: kinds differ from this code; run npm run train:crisis`);
  const model: CrisisModel = {
    version: 1,
    hashBits: raw.hashBits,
    immediateThreshold: raw.immediateThreshold,
    concernThreshold: raw.concernThreshold,
    meta: raw.meta ?? {},
    ...(raw.stage2 && Array.isArray(raw.stage2.w) ? { stage2: raw.stage2 as Stage2 } : {}),
    ...(Array.isArray(raw.focus) ? { focus: raw.focus.map(unpack) } : {}),
    level: raw.level.map(unpack),
    kinds: raw.kinds.map(unpack),
  };
  // Built now, with the model, so the first message scored (perhaps an emergency) does not wait for it.
  packedOf(model);
  return model;
}

export function loadCrisisModel(file: string): CrisisModel {
  return parseModel(readFileSync(file, 'utf8'), file);
}

/** Corpus kind names vary by writer (self-harm, domestic_violence, stroke…): map them onto ours. */
export function kindOf(label: string): CrisisKind | null {
  const s = label.toLowerCase().replace(/[^a-z]/g, '');
  if (/suicid|farewell|ideation/.test(s)) return 'suicide';
  if (/overdose|poison|ingest/.test(s)) return 'overdose';
  if (/selfharm|selfinjur|cutting/.test(s)) return 'self_harm';
  if (/violen|abuse|assault|knife|fight|threat|domestic|dv/.test(s)) return 'violence';
  if (/child|elder|minor|toddler|vulnerable|senior|kid/.test(s)) return 'child_elder';
  if (/medic|stroke|chest|cardiac|breath|unconscious|seizure|fall/.test(s)) return 'medical';
  if (/fire|smoke/.test(s)) return 'fire';
  if (/gas|co$|carbonmonoxide|monoxide/.test(s)) return 'gas';
  if (/flood|trapped/.test(s)) return 'flood';
  if (/collapse|structural|building/.test(s)) return 'collapse';
  if (/drown/.test(s)) return 'drowning';
  if (/disaster|earthquake|landslide|typhoon/.test(s)) return 'disaster';
  return null;
}
