/**
 * The triage hot path's faster forms give exactly what the plain forms give (bit for bit, same order):
 * decisions must not move by a rounding error because a vector was built differently.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { analyze, DEFAULT_FEATURES, sharedAnalysis, Vectorizer, type SparseVec } from '../../triage/learner/features.js';
import { analyzeLetter, DEFAULT_ROUTING_FEATURES, vectorize, vectorizePlainChars } from '../../triage/routing/features.js';
import { featurize, HASH_BITS } from '../../triage/crisis/features.js';
import { CUES, NOT_NOW_EN, NOT_NOW_ZH } from '../../triage/crisis/lexicon.js';
import { PAST_EN, PAST_ZH, STRONG_NOW_EN, STRONG_NOW_ZH, WEAK_NOW_EN, WEAK_NOW_ZH } from '../../triage/emergencyLexicon.js';
import { isLetter } from '../../triage/emergency.js';
import { parseModel, score, serializeModel, trainModel, type CrisisModel } from '../../triage/crisis/model.js';
import { wordsOfRuns } from '../../triage/routing/fusion.js';
import { situate } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const texts = fs
  .readFileSync(resourcePath('training', 'examples.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const ODD = [
  '',
  '   \n\n  ',
  '标题：小区噪音\n楼下KTV每晚营业到凌晨三点，严重影响休息',
  "The road outside No. 12 has had a pothole for 3 weeks!! I'm done",
  '𠮷野家旁边的𡈽地被占用了😡😡 请处理 𠮷𠮷',
  '１２３４５６ ＡＢＣ 全角字符和數字 繁體字也在這裡',
  '我'.repeat(3000),
  'a\u0000b\ud800c\udc00d',
  '#话题 #title 物业费',
  '救命\t\t救命   救命\n\n救命',
];
const sample = [...texts.slice(0, 250), ...ODD];

function byFeature(v: SparseVec): Map<number, number> {
  const order = [...v.idx.keys()].sort((x, y) => v.idx[x]! - v.idx[y]!);
  return new Map(order.map((i) => [v.idx[i]!, v.val[i]!]));
}

describe('learner: one analysis shared by the models asked about the same text', () => {
  const opts = { ...DEFAULT_FEATURES, minDf: 1 };
  const a = Vectorizer.fit(sample.slice(0, 150).map((t) => analyze(t, opts)), opts);
  // A second vocabulary (another model) over other texts and a narrower title range.
  const o2 = { ...opts, titleCharNgrams: [2, 2] as [number, number] };
  const b = Vectorizer.fit(sample.slice(100, 250).map((t) => analyze(t, o2)), o2);

  it('gives each model exactly the vector of transform(analyze(text)), asked in turn about each text', () => {
    for (const t of sample) {
      for (const [v, o] of [[a, opts], [b, o2], [a, opts]] as const) {
        // transform's terms come n-gram length first, the trie's position first: the same features and
        // values, summed in another order (the decision harness compares with the earlier vectorize exactly).
        const fast = byFeature(v.vectorize(t));
        const ref = byFeature(v.transform(analyze(t, o)));
        assert.deepEqual([...fast.keys()], [...ref.keys()], JSON.stringify(t.slice(0, 30)));
        for (const [f, x] of ref) assert.ok(Math.abs(fast.get(f)! - x) < 1e-12, JSON.stringify(t.slice(0, 30)));
      }
    }
  });

  it('keeps one analysis only: the same text reuses it, a new text replaces it', () => {
    const first = sharedAnalysis('物业乱收费', 4000);
    assert.equal(sharedAnalysis('物业乱收费', 4000), first);
    assert.notEqual(sharedAnalysis('物业乱收费', 100), first, 'another cut is another analysis');
    const other = sharedAnalysis('噪音扰民', 4000);
    assert.notEqual(other, first);
    assert.notEqual(sharedAnalysis('物业乱收费', 4000), first, 'the earlier entry was dropped, not kept beside the new one');
  });
});

describe('routing: character n-grams without strings', () => {
  // IDF with varied values, so that a bucket mix-up would show.
  let s = 7;
  const idf = Float32Array.from({ length: 1 << DEFAULT_ROUTING_FEATURES.bits }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 5 + 1);

  it('gives the same vector as vectorize(analyzeLetter()), bit for bit and in the same order', () => {
    for (const t of sample) {
      const fast = vectorizePlainChars(t, idf, DEFAULT_ROUTING_FEATURES);
      const ref = vectorize(analyzeLetter(t, DEFAULT_ROUTING_FEATURES), idf, DEFAULT_ROUTING_FEATURES);
      assert.deepEqual([...fast.idx], [...ref.idx], JSON.stringify(t.slice(0, 30)));
      assert.deepEqual([...fast.val], [...ref.val], JSON.stringify(t.slice(0, 30)));
    }
  });

  it('falls back to the general path when other blocks are on', () => {
    const o = { ...DEFAULT_ROUTING_FEATURES, weights: { ...DEFAULT_ROUTING_FEATURES.weights, words: 0.5 } };
    const t = texts[3]!;
    assert.deepEqual(vectorizePlainChars(t, idf, o), vectorize(analyzeLetter(t, o), idf, o));
  });
});

describe('directory matching: one jieba call for all of a message\'s Han runs', () => {
  const jieba = Jieba.withDict(dict);
  it('cuts every run exactly as cutting the runs one by one', () => {
    const extra = ['〇〇七号〇楼，々々', '⺀⺁测试〆〇', '𠮷野家𡈽地', '一', '你好\n世界'];
    for (const t of [...sample, ...extra]) {
      const runs = t.match(/\p{Script=Han}+/gu) ?? [];
      assert.deepEqual(wordsOfRuns(runs), runs.map((r) => jieba.cut(r, false)), JSON.stringify(t.slice(0, 30)));
    }
  });
});

/** features.ts before the string-free hashing, kept here as the reference. */
function featurizeReference(text: string): { idx: Int32Array; val: Float32Array } {
  const MASK = (1 << HASH_BITS) - 1;
  const fnv = (str: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < str.length; i++) {
      h ^= str.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  };
  const seen = new Map<number, number>();
  const add = (key: string, v = 1) => seen.set(fnv(key) & MASK, v);
  const han: string[] = [];
  let prevWord = '';
  for (const m of text.matchAll(/[\p{Script=Han}]+|[a-z0-9']+/gu)) {
    const run = m[0];
    if (/^[a-z0-9']/.test(run)) {
      add(`w:${run}`);
      if (prevWord) add(`b:${prevWord} ${run}`);
      prevWord = run;
      han.push('|');
      continue;
    }
    prevWord = '';
    han.push(run, '|');
  }
  const h = han.join('');
  for (let i = 0; i < h.length; i++) {
    const c = h[i]!;
    if (c === '|') continue;
    add(`1:${c}`);
    const c2 = h[i + 1];
    if (c2 && c2 !== '|') {
      add(`2:${c}${c2}`);
      const c3 = h[i + 2];
      if (c3 && c3 !== '|') add(`3:${c}${c2}${c3}`);
    }
  }
  for (const cue of CUES) if (cue.pattern.test(text)) add(`cue:${cue.name}`, 2);
  if (PAST_ZH.test(text) || PAST_EN.test(text)) add('flag:past');
  if (NOT_NOW_ZH.test(text) || NOT_NOW_EN.test(text)) add('flag:not_now');
  if (STRONG_NOW_ZH.test(text) || STRONG_NOW_EN.test(text)) add('flag:strong_now');
  if (WEAK_NOW_ZH.test(text) || WEAK_NOW_EN.test(text)) add('flag:weak_now');
  if (isLetter(text)) add('flag:letter');
  add(`len:${Math.min(6, Math.floor(Math.log2(1 + text.length)))}`);
  add('bias');
  const norm = 1 / Math.sqrt(Math.max(1, seen.size) / 20);
  return { idx: Int32Array.from(seen.keys()), val: Float32Array.from(seen.values(), (v) => v * Math.min(1, norm)) };
}

describe('crisis model: hashing and scoring', () => {
  const lower = sample.map((t) => t.toLowerCase());

  it('hashes the same buckets, in the same order, as hashing the n-gram strings', () => {
    for (const t of lower) {
      const fast = featurize(t);
      const ref = featurizeReference(t);
      assert.deepEqual([...fast.idx], [...ref.idx], JSON.stringify(t.slice(0, 30)));
      assert.deepEqual([...fast.val], [...ref.val], JSON.stringify(t.slice(0, 30)));
    }
  });

  it("reuses the rules' answers for the same text and gets the features it would have computed", () => {
    let reused = 0;
    const extra = ['我不想活了，今晚就从楼上跳下去', '救命！家里着火了', 'I want to kill myself tonight', '我老公正在打我，救命', '過去幾年我一直想死，現在好多了'];
    for (const t of [...sample, ...extra]) {
      const n = normalize(t);
      const base = situate(n.normalized, n.original);
      if (!base.flags) continue;
      reused++;
      assert.deepEqual(featurize(n.normalized, base.flags), featurize(n.normalized), JSON.stringify(t.slice(0, 30)));
    }
    assert.ok(reused > 100, `flags were offered for ${reused} texts only`);
  });

  /** Row by row, as score() did before the rows were laid side by side. */
  function dotRows(rows: Float32Array[], f: ReturnType<typeof featurize>): number[] {
    return rows.map((w) => {
      let s = 0;
      for (let i = 0; i < f.idx.length; i++) s += w[f.idx[i]!]! * f.val[i]!;
      return s;
    });
  }
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  function check(m: CrisisModel): void {
    for (const t of lower.slice(0, 60)) {
      const f = featurize(t);
      const sc = score(m, t, f);
      const kinds = dotRows(m.kinds, f).map(sigmoid);
      assert.deepEqual(sc.kindProbs, kinds);
      const lv = dotRows(m.level, f);
      const mx = Math.max(...lv);
      const e = lv.map((v) => Math.exp(v - mx));
      const sum = e.reduce((x, y) => x + y, 0);
      assert.deepEqual(sc.level, e.map((v) => v / sum));
      if (m.focus) {
        const fv = dotRows(m.focus, f);
        const fm = Math.max(...fv);
        const fe = fv.map((v) => Math.exp(v - fm));
        const fs = fe.reduce((x, y) => x + y, 0);
        assert.deepEqual(sc.focus, fe.map((v) => v / fs));
      }
    }
  }

  it('scores every row exactly as a dot product per row would, and follows rows that are replaced', () => {
    const examples = texts.slice(0, 80).map((t, i) => ({ text: t.toLowerCase(), level: (['none', 'concern', 'immediate'] as const)[i % 3]!, kinds: [], weight: 1, kindsKnown: false }));
    const m = parseModel(serializeModel(trainModel(examples, { epochs: 2 })));
    check(m);
    // Training swaps a model's rows between scorings (trainCrisis.ts sets `focus` per fold).
    m.focus = trainModel(examples.slice(0, 40), { epochs: 1 }).level;
    check(m);
    m.level = trainModel(examples.slice(40), { epochs: 1 }).level;
    check(m);
  });
});
