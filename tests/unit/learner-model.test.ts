import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { train, loadModel, crossValidate, stratifiedFolds, evaluate, ModelFormatError, TooFewExamplesError, type LabelledText } from '../../triage/learner/index.js';

/** A tiny built-in toy set: three clearly different topics, Chinese and English. */
const TOY: LabelledText[] = [
  ['小区门口的路灯坏了一个月没人修', 'city'],
  ['路面塌陷了，晚上很危险，请尽快修路', 'city'],
  ['楼下道路施工噪音太大，路灯也不亮', 'city'],
  ['马路上井盖丢了，路面坑洼', 'city'],
  ['the street light outside my building is broken', 'city'],
  ['pothole on the road near the bridge', 'city'],
  ['公司拖欠工资三个月了，老板不发工资', 'labour'],
  ['工厂不给买社保，也不签劳动合同', 'labour'],
  ['被公司辞退了没有赔偿，工资也没结清', 'labour'],
  ['加班不给加班费，工资被克扣', 'labour'],
  ['my employer has not paid my wages for two months', 'labour'],
  ['the boss refuses to pay overtime wages', 'labour'],
  ['孩子上学的学校收费太高，乱收补课费', 'school'],
  ['学校老师体罚学生，孩子不敢上学', 'school'],
  ['幼儿园学位不够，孩子没法入学', 'school'],
  ['学校食堂饭菜卫生差，学生吃坏肚子', 'school'],
  ['the school charges illegal tuition fees', 'school'],
  ['my child cannot get a school place', 'school'],
].map(([text, label]) => ({ text: text!, label: label! }));

describe('learner model', () => {
  it('learns the toy topics and predicts unseen Chinese, English and mixed messages', () => {
    const m = train(TOY, { lambda: 1e-3 });
    assert.deepEqual(m.labels, ['city', 'labour', 'school']);
    assert.equal(m.predict('老板欠我工资不还').label, 'labour');
    assert.equal(m.predict('路灯不亮了，路面也坏了').label, 'city');
    assert.equal(m.predict('学校乱收费').label, 'school');
    assert.equal(m.predict('unpaid wages from my boss').label, 'labour');
    assert.equal(m.predict('我的 boss 不发工资').label, 'labour');
  });

  it('returns probabilities over all labels that sum to 1, also for empty, whitespace and odd input', () => {
    const m = train(TOY, { lambda: 1e-3 });
    for (const text of ['', '   \n ', '？？？！！！', '\u0000\u0001binary', 'x'.repeat(100_000), '學校亂收費（繁體）', 'ＦＵＬＬ　ＷＩＤＴＨ']) {
      const p = m.predict(text);
      assert.deepEqual(Object.keys(p.probs).sort(), ['city', 'labour', 'school']);
      const sum = Object.values(p.probs).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum} for ${JSON.stringify(text.slice(0, 10))}`);
      assert.ok(Object.values(p.probs).every((v) => v >= 0 && v <= 1));
      assert.ok(m.labels.includes(p.label));
      assert.equal(p.probs[p.label], Math.max(...Object.values(p.probs)));
    }
    // No evidence → no confident answer (the triage engine abstains on low confidence).
    assert.ok(Math.max(...Object.values(m.predict('').probs)) < 0.6);
  });

  it('is reproducible: the same data and seed give the same model', () => {
    const a = train(TOY, { seed: 3 }).toJSON();
    const b = train(TOY, { seed: 3 }).toJSON();
    assert.deepEqual(a, b);
  });

  it('round-trips through JSON with the same predictions', () => {
    const m = train(TOY);
    const json = JSON.parse(JSON.stringify(m.toJSON())) as unknown;
    const loaded = loadModel(json);
    assert.deepEqual(loaded.labels, m.labels);
    for (const t of ['老板欠我工资', 'road is broken', '', '学校']) {
      const a = m.predict(t);
      const b = loaded.predict(t);
      assert.equal(b.label, a.label);
      for (const l of m.labels) assert.ok(Math.abs(a.probs[l]! - b.probs[l]!) < 1e-3);
    }
    assert.equal((json as { version: number }).version, 1);
  });

  it('rejects wrong or corrupt model files with a clear error', () => {
    const good = train(TOY, { lambda: 1e-3 }).toJSON();
    const bad: [unknown, RegExp][] = [
      [null, /invalid text model/],
      ['model', /invalid text model/],
      [{ ...good, format: 'other' }, /format/],
      [{ ...good, version: 2 }, /version/],
      [{ ...good, weights: good.weights.slice(0, 40) }, /weights/],
      [{ ...good, weights: '!!not base64!!' }, /weights is not base64/],
      [{ ...good, idf: '' }, /idf has 0 values/],
      [{ ...good, bias: [0] }, /bias/],
      [{ ...good, labels: ['a', 'a', 'b'], bias: [0, 0, 0] }, /duplicates/],
      [{ ...good, features: { ...good.features, minDf: 'two' } }, /features\.minDf/],
    ];
    for (const [json, re] of bad) {
      assert.throws(() => loadModel(json), (err: unknown) => err instanceof ModelFormatError && re.test(err.message), `expected ${re}`);
    }
  });

  it('rejects unusable training data', () => {
    assert.throws(() => train([]), /at least 2 distinct labels/);
    assert.throws(() => train(TOY.map((e) => ({ ...e, label: 'x' }))), /at least 2 distinct labels/);
    assert.throws(() => train('nope' as unknown as LabelledText[]), /must be an array/);
    assert.throws(() => train([{ text: 1, label: 'a' } as unknown as LabelledText, ...TOY]), /example 0/);
    assert.throws(() => train([{ text: 'a', label: ' ' }, ...TOY]), /empty label/);
  });

  it('stratified folds are disjoint, cover every example and keep class proportions', () => {
    const labels = [...Array(23).fill('a'), ...Array(11).fill('b'), ...Array(6).fill('c')] as string[];
    const k = 5;
    const fold = stratifiedFolds(labels, k, 42);
    assert.equal(fold.length, labels.length);
    assert.ok(fold.every((f) => Number.isInteger(f) && f >= 0 && f < k));
    const sizes = Array.from({ length: k }, (_, f) => fold.filter((x) => x === f).length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${sizes}`);
    for (const c of ['a', 'b', 'c']) {
      const n = labels.filter((l) => l === c).length;
      for (let f = 0; f < k; f++) {
        const inFold = labels.filter((l, i) => l === c && fold[i] === f).length;
        assert.ok(inFold === Math.floor(n / k) || inFold === Math.ceil(n / k), `class ${c} fold ${f}: ${inFold}`);
      }
    }
    assert.deepEqual(stratifiedFolds(labels, k, 42), fold);
    assert.notDeepEqual(stratifiedFolds(labels, k, 43), fold);
  });

  it('evaluate computes per-class precision/recall/F1, macro-F1 and the confusion matrix', () => {
    const r = evaluate(['a', 'a', 'b', 'b', 'c'], ['a', 'b', 'b', 'b', 'a'], ['a', 'b', 'c']);
    assert.deepEqual(r.confusion.matrix, [[1, 1, 0], [0, 2, 0], [1, 0, 0]]);
    assert.equal(r.accuracy, 3 / 5);
    assert.deepEqual(r.perClass.a, { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    assert.ok(Math.abs(r.perClass.b!.f1 - 0.8) < 1e-12);
    assert.equal(r.perClass.c!.f1, 0);
    assert.ok(Math.abs(r.macroF1 - (0.5 + 0.8 + 0) / 3) < 1e-12);
  });

  it('cross-validates the toy set well above chance and refuses classes smaller than the fold count', () => {
    const r = crossValidate(TOY, 3, { seed: 1, lambda: 1e-3 });
    assert.ok(r.macroF1 > 0.6, `macro-F1 ${r.macroF1}`);
    assert.equal(r.confusion.matrix.flat().reduce((a, b) => a + b, 0), TOY.length);
    assert.throws(
      () => crossValidate([...TOY, { text: '垃圾分类', label: 'environment' }], 3),
      (err: unknown) => err instanceof TooFewExamplesError && /"environment" has 1 example\b/.test(err.message),
    );
  });
});

describe('learner losses', () => {
  it('defaults to one-vs-rest squared hinge with a fitted score scale, recorded in the model', () => {
    const m = train(TOY, { lambda: 1e-3 });
    const meta = m.toJSON().meta;
    assert.equal(meta.loss, 'squaredHinge');
    assert.ok(meta.scoreScale !== undefined && meta.scoreScale > 0, `scale ${meta.scoreScale}`);
    // The scale makes the probabilities informative: a clear message is not near-uniform.
    assert.ok(m.predict('老板拖欠工资不发').probs.labour! > 0.5);
  });

  it('still trains the softmax loss, with scale 1, and a fixed scale skips the inner CV', () => {
    const soft = train(TOY, { lambda: 1e-3, loss: 'softmax' });
    assert.equal(soft.toJSON().meta.scoreScale, 1);
    assert.equal(soft.predict('老板欠我工资不还').label, 'labour');
    const fixed = train(TOY, { lambda: 1e-3, scoreScale: 4 });
    assert.equal(fixed.toJSON().meta.scoreScale, 4);
    assert.equal(fixed.predict('学校乱收费').label, 'school');
  });

  it('loads a model file written before loss and scoreScale existed', () => {
    const json = train(TOY, { lambda: 1e-3, loss: 'softmax' }).toJSON();
    const { loss: _loss, scoreScale: _scale, ...oldMeta } = json.meta;
    const loaded = loadModel({ ...json, meta: oldMeta });
    assert.equal(loaded.predict('路灯不亮了').label, 'city');
  });
});
