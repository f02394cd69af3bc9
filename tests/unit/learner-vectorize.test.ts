import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { analyze, DEFAULT_FEATURES, Vectorizer, type SparseVec } from '../../triage/learner/features.js';

/** The vector as feature → value, to compare without depending on the order features come in. */
function asMap(v: SparseVec): Map<number, number> {
  const m = new Map<number, number>();
  v.idx.forEach((f, i) => m.set(f, v.val[i]!));
  return m;
}

function assertSameVector(fast: SparseVec, reference: SparseVec, text: string): void {
  const a = asMap(fast);
  const b = asMap(reference);
  assert.deepEqual([...a.keys()].sort((x, y) => x - y), [...b.keys()].sort((x, y) => x - y), `features differ for ${JSON.stringify(text.slice(0, 40))}`);
  for (const [f, v] of b) assert.ok(Math.abs(a.get(f)! - v) < 1e-12, `feature ${f}: ${a.get(f)} vs ${v} for ${JSON.stringify(text.slice(0, 40))}`);
}

describe('Vectorizer.vectorize (the prediction path)', () => {
  const texts = fs
    .readFileSync(resourcePath('training', 'examples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const odd = [
    '',
    '   \n\n  ',
    '标题：小区噪音\n楼下KTV每晚营业到凌晨三点，严重影响休息',
    'The road outside No. 12 has had a pothole for 3 weeks!!',
    '𠮷野家旁边的𡈽地被占用了😡😡 请处理',
    '１２３４５６ ＡＢＣ 全角字符和數字 繁體字也在這裡',
    '我'.repeat(5000),
    'a\u0000b\ud800c',
    '#话题 #title 物业费',
  ];
  const docs = [...texts.slice(0, 300), ...odd];
  const opts = { ...DEFAULT_FEATURES, minDf: 1, titleCharNgrams: [1, 2] as [number, number] };
  const vec = Vectorizer.fit(docs.map((t) => analyze(t, opts)), opts);

  it('gives the same vector as transform(analyze(text)) on training texts and odd input', () => {
    // Seen texts and new ones: the unseen part of a text must be left out the same way.
    const unseen = ['物业公司乱收停车费，业主委员会不作为', 'my landlord keeps the deposit 押金不退', '😀', '\n\n第一行是标题\n第二行'];
    for (const t of [...docs, ...unseen, ...texts.slice(300, 600)]) assertSameVector(vec.vectorize(t), vec.transform(analyze(t, opts)), t);
  });

  it('matches with other n-gram ranges and blocks switched off', () => {
    for (const o of [
      { ...opts, charNgrams: [2, 3] as [number, number], titleCharNgrams: [2, 2] as [number, number] },
      { ...opts, wordWeight: 0, titleWeight: 0.5, sublinearTf: false },
      { ...opts, charWeight: 0, titleCharNgrams: [0, 0] as [number, number] },
    ]) {
      const v = Vectorizer.fit(docs.slice(0, 100).map((t) => analyze(t, o)), o);
      for (const t of docs.slice(0, 120)) assertSameVector(v.vectorize(t), v.transform(analyze(t, o)), t);
    }
  });

  it('is not fooled by a vocabulary that holds a longer n-gram but not its prefix n-gram', () => {
    const o = { ...opts, charNgrams: [2, 3] as [number, number] };
    const v = Vectorizer.fit([analyze('噪音扰民', o), analyze('噪音扰民', o)], o);
    const x = asMap(v.vectorize('楼下噪音扰民'));
    const ref = asMap(v.transform(analyze('楼下噪音扰民', o)));
    assert.equal(x.size, ref.size);
    assert.ok(x.size > 0);
  });
});
