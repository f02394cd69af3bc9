import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { readExampleFile } from '../../triage/cli/exampleFile.js';
import { normalize } from '../../triage/normalize.js';
import { CATEGORIES, DEPARTMENT_CODES, SERVICE_CODES } from '../../kernel/taxonomy.js';
import { settledChoice, trainCategoryModel } from '../../triage/offlineTraining.js';

const examples = readExampleFile(resourcePath('training', 'examples.jsonl'));

describe('bundled training set (resources/training/examples.jsonl)', () => {
  it('has at least 40 examples of every category', () => {
    for (const c of CATEGORIES) {
      const n = examples.filter((e) => e.category === c).length;
      assert.ok(n >= 40, `${c}: ${n} examples, need 40`);
    }
  });

  it('has at least 15 examples of every department (petition), service (信访外) and legal_aid (legal channel)', () => {
    for (const d of DEPARTMENT_CODES) {
      const n = examples.filter((e) => e.category === 'petition' && e.targets.includes(d)).length;
      assert.ok(n >= 15, `${d}: ${n} petition examples, need 15`);
    }
    for (const s of SERVICE_CODES) {
      const cat = s === 'legal_aid' ? 'legal_channel' : 'out_of_scope';
      const n = examples.filter((e) => e.category === cat && e.targets.includes(s)).length;
      assert.ok(n >= 15, `${s}: ${n} ${cat} examples, need 15`);
    }
  });

  it('mixes the three languages (about 10% 繁體 and 15% English) and has no duplicate texts', () => {
    const en = examples.filter((e) => !/\p{Script=Han}/u.test(e.text)).length / examples.length;
    // Characters that exist only in traditional script mark a 繁體 line.
    const hant = examples.filter((e) => /[們這個說裡沒過會還時為對來麼與從種開問題應該區業務條經]/.test(e.text)).length / examples.length;
    assert.ok(en >= 0.1 && en <= 0.25, `English share ${en.toFixed(2)}`);
    assert.ok(hant >= 0.06, `繁體 share ${hant.toFixed(2)}`);
    assert.equal(new Set(examples.map((e) => e.text)).size, examples.length);
  });
});

const trainingDir = resourcePath('training');
const trainingFiles = readdirSync(trainingDir).filter((f) => f.endsWith('.jsonl'));
const allTraining = trainingFiles.flatMap((f) => readExampleFile(path.join(trainingDir, f)).map((e) => ({ ...e, file: f })));
const multilingual = readExampleFile(resourcePath('training', 'multilingual.jsonl'));
/** The per-language routing test set (tests/fixtures): never trained on. */
const routingTestPath = path.resolve(resourcePath(), '..', 'tests', 'fixtures', 'routing-multilingual.jsonl');

describe('English, 繁體 and Cantonese training set (resources/training/multilingual.jsonl)', () => {
  it('has at least 250 lines, each English or traditional / Cantonese, with Cantonese among them', () => {
    assert.ok(multilingual.length >= 250, `${multilingual.length} lines`);
    const notHans = multilingual.filter((e) => normalize(e.text).language === 'zh-Hans').map((e) => e.id);
    assert.deepEqual(notHans, [], 'lines read as 简体');
    const en = multilingual.filter((e) => normalize(e.text).language === 'en').length;
    const yue = multilingual.filter((e) => normalize(e.text).cantonese).length;
    assert.ok(en >= 60, `English lines ${en}`);
    assert.ok(yue >= 60, `Cantonese lines ${yue}`);
    assert.ok(multilingual.length - en - yue >= 60, `繁體 (not Cantonese) lines ${multilingual.length - en - yue}`);
  });

  it('covers every department and every 信访外 service', () => {
    for (const d of DEPARTMENT_CODES) {
      const n = multilingual.filter((e) => e.category === 'petition' && e.targets.includes(d)).length;
      assert.ok(n >= 8, `${d}: ${n} petition lines, need 8`);
    }
    for (const s of SERVICE_CODES.filter((c) => c !== 'legal_aid')) {
      const n = multilingual.filter((e) => e.category === 'out_of_scope' && e.targets.includes(s)).length;
      assert.ok(n >= 2, `${s}: ${n} lines, need 2`);
    }
  });
});

describe('every training file (resources/training/*.jsonl)', () => {
  it('has unique ids and texts across files', () => {
    const dupIds = allTraining.filter((e, i) => allTraining.findIndex((o) => o.id === e.id) !== i).map((e) => `${e.file}:${e.id}`);
    assert.deepEqual(dupIds, []);
    const seen = new Set<string>();
    const dupTexts = allTraining.filter((e) => (seen.has(e.text) ? true : (seen.add(e.text), false))).map((e) => `${e.file}:${e.id}`);
    assert.deepEqual(dupTexts, []);
  });

  it('contains no line of the routing test set, not even in another script or spacing', () => {
    const key = (t: string): string => normalize(t).normalized.replace(/[\s\p{P}]/gu, '');
    const test = new Set(readFileSync(routingTestPath, 'utf8').split('\n').filter(Boolean).map((l) => key((JSON.parse(l) as { text: string }).text)));
    const leaked = allTraining.filter((e) => test.has(key(e.text))).map((e) => `${e.file}:${e.id}`);
    assert.deepEqual(leaked, []);
  });

  it('contains no line of the held-out development set', () => {
    const dev = path.resolve(resourcePath(), '..', '..', 'shared', 'eval', 'dev.jsonl');
    const devTexts = new Set(readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    assert.deepEqual(allTraining.filter((e) => devTexts.has(e.text)).map((e) => `${e.file}:${e.id}`), []);
  });
});

describe('the category model of a cross-validation fold', () => {
  it('learns its petition letters only from the letters it is given (a fold never sees its own letters)', () => {
    const letter = (id: string, text: string, labels: string[]) => ({ id, source: 'shanghai' as const, text, labels: labels as never, weight: 1, targets: labels as never });
    const set = {
      letters: [
        letter('a', '尊敬的领导：小区电梯坏了三个月，物业不修，请求协调。', ['housing']),
        letter('b', '本人反映，某路口红绿灯时间太短，要求调整。', ['transport']),
        letter('c', '没有标签的来信', []),
      ],
      sources: [],
    };
    const examples = [
      { text: '小区电梯坏了没人修', label: 'petition' },
      { text: '路灯坏了好几天', label: 'petition' },
      { text: '请问怎么申请公租房', label: 'inquiry' },
      { text: '如何办理居住证', label: 'inquiry' },
    ];
    const { letters, model } = trainCategoryModel(examples, set, { seed: 1 });
    assert.deepEqual(letters.map((l) => l.label), ['petition', 'petition'], 'labelled letters only, as petitions');
    assert.ok(letters[0]!.text.includes('电梯') && letters[1]!.text.includes('红绿灯'));
    assert.equal(trainCategoryModel(examples, null, { seed: 1 }).letters.length, 0, 'without ../shared: the examples alone');
    assert.ok(model.predict('小区电梯又坏了').probs.petition! > 0.5);
  });
});

describe('settledChoice: fusion weights move only when the cross-validation clearly says so', () => {
  const grid = [0, 1, 2, 5];
  it('keeps the settled weight when another is better by less than one standard error', () => {
    // n = 2000, p ≈ 0.92: one standard error is ≈ 0.006 (12 examples).
    const acc: Record<number, number> = { 0: 0.9, 1: 0.92, 2: 0.925, 5: 0.921 };
    const c = settledChoice(grid, (w) => acc[w]!, 5, 2000);
    assert.deepEqual([c.weight, c.best], [5, 2]);
  });
  it('moves to the best weight when it is clearly better, the smaller one on a tie', () => {
    const acc: Record<number, number> = { 0: 0.9, 1: 0.94, 2: 0.94, 5: 0.92 };
    assert.equal(settledChoice(grid, (w) => acc[w]!, 5, 2000).weight, 1);
  });
});
