import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { defaultCrisisModel, detectCrisis, explicitNow, situate } from '../../triage/crisis/detect.js';
import { score } from '../../triage/crisis/model.js';
import { fitStage2, STAGE2_FEATURES, stage2Prob, stage2Vector } from '../../triage/crisis/stage2.js';
import { normalize } from '../../triage/normalize.js';

const crisis = (text: string) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original);
};

// Our own messages, written for these tests (never copied from the corpus, the eval set or ../shared).
describe('crisis second stage', () => {
  it('fits a logistic regression that separates a simple problem, deterministically', () => {
    const X = [
      [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1], [1, 0, 0], [1, 1, 1],
    ];
    const y = [0, 0, 1, 1, 0, 1];
    const w = fitStage2(X, y, y.map(() => 1), { l2: 1e-4 });
    const p = (x: number[]) => stage2Prob({ names: [], w, threshold: 0.5 }, x);
    assert.ok(p([1, 1, 0]) > 0.8 && p([1, 0, 1]) < 0.2);
    assert.deepEqual(fitStage2(X, y, y.map(() => 1), { l2: 1e-4 }), w);
  });

  it('the bundled model carries a second stage whose features match this code', () => {
    const m = defaultCrisisModel();
    assert.ok(m?.stage2, 'run npm run train:crisis');
    assert.deepEqual(m.stage2.names, [...STAGE2_FEATURES]);
    assert.equal(m.stage2.w.length, STAGE2_FEATURES.length);
    assert.ok(m.stage2.threshold > 0 && m.stage2.threshold < 1);
    const n = normalize('我们楼着火了');
    assert.equal(stage2Vector(situate(n.normalized).situation, score(m, n.normalized)).length, STAGE2_FEATURES.length);
  });

  it('finds a farewell that names no method and no danger word', () => {
    const o = crisis('车钥匙和家里的钥匙都放在邻居那里了,狗也托付给他们。欠朋友的钱今天全部还清,信放在桌上。今晚之后就不用再麻烦任何人');
    assert.equal(o.level, 'immediate');
    assert.ok(o.kinds.includes('suicide'));
  });

  it('finds an English overdose written calmly, and a Cantonese elder who cannot get up', () => {
    assert.equal(crisis("I've swallowed every tablet in the packet, I feel sleepy and calm, I just wanted to tell someone").level, 'immediate');
    assert.equal(crisis('阿爺喺廁所跌低咗,叫極都起唔到身').level, 'immediate');
  });

  it('does not alarm the office on danger words that are past, asked about or figurative', () => {
    for (const t of [
      '三年前我们小区着过一次火,想问现在的消防通道归谁管',
      '请问家暴庇护所在哪里,我想帮同事问一下',
      '这个排队系统真是要命,救命啊,等了两个小时',
      'the fire alarm in our block went off twice last month for no reason, who maintains it',
    ]) assert.notEqual(crisis(t).level, 'immediate', t);
  });

  it('an explicit hit with a strong now cue, and a bare cry for help, are never overruled', () => {
    const base = (t: string) => situate(normalize(t).normalized).situation;
    assert.ok(explicitNow(base('我们楼着火了,快来人')));
    assert.ok(explicitNow(base('救命')));
    assert.ok(explicitNow(base('SOS')));
    assert.ok(!explicitNow(base('救命,这个网上办事系统又崩了')));
    assert.equal(crisis('SOS').level, 'immediate');
  });
});
