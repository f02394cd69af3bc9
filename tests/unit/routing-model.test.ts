import { describe, it, expect } from 'vitest';
import { loadRoutingModel, RoutingModelError, trainRouting, type RoutingExample } from '../../triage/routing/model.js';
import { poolTargets, routingVerdict } from '../../triage/routing/decide.js';
import { analyzeLetter, DEFAULT_ROUTING_FEATURES } from '../../triage/routing/features.js';
import type { DepartmentCode } from '../../kernel/taxonomy.js';
import { resourcePath } from '../../kernel/paths.js';
import { createOfflineEngine, loadOfflineModel, prepareText } from '../../triage/offlineEngine.js';

const topics: Array<[DepartmentCode, string[]]> = [
  ['transport', ['公交车', '地铁站', '红绿灯', '交警', '路口拥堵']],
  ['education', ['学校', '老师', '入学', '幼儿园', '学位']],
  ['housing', ['物业', '电梯', '业委会', '维修基金', '开发商']],
];

function toy(): RoutingExample[] {
  const out: RoutingExample[] = [];
  topics.forEach(([code, words], t) => {
    for (let i = 0; i < 30; i++) {
      const a = words[i % words.length]!;
      const b = words[(i * 3 + t) % words.length]!;
      out.push({ text: `尊敬的领导 我们这里${a}的问题很严重，${b}也有问题，请尽快处理。`, labels: [code], weight: 1 });
    }
  });
  return out;
}

describe('routing model', () => {
  const model = trainRouting(toy(), { features: { bits: 14, bodyChars: 1200, weights: { text: 1, body: 1, words: 1, subject: 0.6, request: 0.6, bodies: 0.4 } }, C: 0.5, epochs: 20 });

  it('routes toy letters to their department', () => {
    expect(model.predict('学校老师乱收费，请教育部门处理').ranked[0]![0]).toBe('education');
    expect(model.predict('小区物业不修电梯').ranked[0]![0]).toBe('housing');
    expect(model.predict('路口红绿灯坏了').ranked[0]![0]).toBe('transport');
  });

  it('probabilities sum to 1 and survive a JSON round trip', () => {
    const p = model.predict('地铁站门口很乱');
    expect(Object.values(p.probs).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const again = loadRoutingModel(JSON.parse(JSON.stringify(model.toJSON())));
    const q = again.predict('地铁站门口很乱');
    for (const [k, v] of Object.entries(p.probs)) expect(Math.abs(v - q.probs[k as DepartmentCode])).toBeLessThan(1e-3);
  });

  it('is deterministic', () => {
    const again = trainRouting(toy(), { features: model.features, C: 0.5, epochs: 20 });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it('refuses a damaged model file with the reason', () => {
    const json = model.toJSON();
    expect(() => loadRoutingModel({ ...json, format: 'other' })).toThrow(RoutingModelError);
    expect(() => loadRoutingModel({ ...json, weights: '' })).toThrow(/arrays do not fit/);
  });
});

describe('abstention and secondary target', () => {
  const opts = { abstainMargin: 0.2, secondaryMin: 0.25 };
  it('is unsure when the top target is not clearly ahead, with a machine reason', () => {
    const v = routingVerdict({ housing: 0.42, transport: 0.38, education: 0.2 }, 'housing', opts);
    expect(v.unsure).toBe('target_unsure:margin 0.04 housing>transport');
    expect(v.secondaryTarget).toBe('transport');
  });
  it('decides when the top target is clearly ahead, and records no second matter below the threshold', () => {
    const v = routingVerdict({ housing: 0.8, transport: 0.15, education: 0.05 }, 'housing', opts);
    expect(v.unsure).toBeUndefined();
    expect(v.secondaryTarget).toBeUndefined();
    // the target's own probability (the engine multiplies it by the category's): the chance the decision is right
    expect(v.targetConfidence).toBeCloseTo(0.8, 9);
  });
  it('pooling follows the heavier expert and stays normalised', () => {
    const p = poolTargets({ housing: 0.7, transport: 0.3 }, { housing: 0.1, transport: 0.9 }, 0.8);
    expect(p.transport!).toBeGreaterThan(p.housing!);
    expect(p.housing! + p.transport!).toBeCloseTo(1, 9);
  });
});

describe('routing features', () => {
  it('the default model reads plain character n-grams of the whole letter, courtesies included', () => {
    const doc = analyzeLetter('尊敬的领导：小区电梯坏了', DEFAULT_ROUTING_FEATURES);
    expect(doc.text.get('电梯')).toBe(1);
    expect(doc.text.get('尊敬的')).toBe(1);
    // blocks at weight 0 are not computed (no jieba pass at run time)
    expect(doc.words.size).toBe(0);
    expect(doc.bodies.size).toBe(0);
  });

  it('a model trained with the default features routes toy letters', () => {
    const plain = trainRouting(toy(), { C: 0.5, epochs: 20 });
    expect(plain.predict('学校老师乱收费，请教育部门处理').ranked[0]![0]).toBe('education');
    expect(plain.predict('小区物业不修电梯').ranked[0]![0]).toBe('housing');
  });

  it('a model file written before the text block existed still loads and routes the same way', () => {
    const legacy = trainRouting(toy(), { features: { bits: 14, bodyChars: 1200, weights: { text: 0, body: 1, words: 1, subject: 0.6, request: 0.6, bodies: 0.4 } }, C: 0.5, epochs: 20 });
    const json = JSON.parse(JSON.stringify(legacy.toJSON())) as { features: { weights: Record<string, number> } };
    delete json.features.weights.text;
    const loaded = loadRoutingModel(json);
    expect(loaded.features.weights.text).toBe(0);
    expect(loaded.predict('路口红绿灯坏了').ranked[0]![0]).toBe(legacy.predict('路口红绿灯坏了').ranked[0]![0]);
  });
});

describe('the engine pools the routing model by message length (routing.fullWeightChars)', () => {
  const base = loadOfflineModel(resourcePath('model', 'triage-model.json'));
  const text = prepareText('尊敬的领导：我家小区门口的马路上每天早上都有很多车乱停，公交车进不了站，孩子上学要绕很远的路，请有关部门管一管。');
  const targetModel = async (fullWeightChars: number): Promise<string | undefined> => {
    const engine = createOfflineEngine({ model: { ...base, routing: { ...base.routing!, fullWeightChars } } });
    const r = await engine.decide({ text, language: 'zh-Hans' });
    return r.reasons.find((x) => x.startsWith('target_model:'))?.split(/[: ]/)[1];
  };

  it('a message at least fullWeightChars long is routed by the routing model alone', async () => {
    const routing = loadRoutingModel(base.routing!.model);
    expect(await targetModel(1)).toBe(routing.predict(text).ranked[0]![0]);
  });

  it('a model file without fullWeightChars still loads (the old 150-character scale)', () => {
    const { fullWeightChars: _omit, ...legacy } = base.routing!;
    expect(() => createOfflineEngine({ model: { ...base, routing: legacy } })).not.toThrow();
  });
});
