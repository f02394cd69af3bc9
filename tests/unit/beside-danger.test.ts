import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { matterBesideDanger } from '../../conversation/residentEmergency.js';
import { saysSafeNow } from '../../triage/commandWords.js';
import { besideTheDanger } from '../../triage/besideDanger.js';
import type { DecisionEngine, EngineInput, EngineResult } from '../../triage/types.js';

/** An engine that answers a wage petition and counts its calls. */
const engine = (name: 'offline' | 'llm'): DecisionEngine & { calls: EngineInput[] } => {
  const calls: EngineInput[] = [];
  return {
    name,
    calls,
    async decide(input: EngineInput): Promise<EngineResult> {
      calls.push(input);
      return { category: 'petition', target: 'human_resources', confidence: 0.9, needsReview: false, reasons: ['scripted'] };
    },
  };
};

describe('the matter beside a danger', () => {
  it('keeps the clauses that say no danger, in their order, and drops the danger', () => {
    assert.equal(besideTheDanger('公司拖欠工资三个月 我今晚就从楼上跳下去'), '公司拖欠工资三个月');
    assert.equal(besideTheDanger('楼上漏水三个月物业不管，我已经在天台了'), '楼上漏水三个月物业不管');
    assert.equal(besideTheDanger('老闆走佬冇出糧，我真係唔想再活落去'), '老闆走佬冇出糧');
    assert.equal(besideTheDanger('My landlord kept my deposit for three months and now I just want to end it all'), 'My landlord kept my deposit for three months');
  });

  it('keeps nothing when the message is only the danger, or what is left is a few words', () => {
    for (const text of ['我不想活了，活着太累了', '他拿着刀，说要砍死我', '我不想活了', '', '   ', 'I want to die']) {
      assert.equal(besideTheDanger(text), null, text);
    }
    // The danger is in the clauses together (a farewell): nothing can be set apart from it.
    assert.equal(besideTheDanger('猫粮在柜子第二层,银行卡密码写在抽屉的本子里,以后帮我照顾好它们,谢谢你们'), null);
    assert.equal(besideTheDanger(42 as unknown as string), null);
  });

  it('a long message of many clauses is not read clause by clause', () => {
    const long = `${Array.from({ length: 30 }, (_, i) => `第${i + 1}件事情没有人处理`).join('，')}，我今晚就从楼上跳下去`;
    assert.equal(besideTheDanger(long), null);
  });

  it('is read by the local engine only: with a model server alone there is no kept matter and no call', async () => {
    const llm = engine('llm');
    assert.equal(await matterBesideDanger('公司拖欠工资三个月 我今晚就从楼上跳下去', { engine: llm }), null);
    assert.equal(llm.calls.length, 0);
    const offline = engine('offline');
    const m = await matterBesideDanger('公司拖欠工资三个月 我今晚就从楼上跳下去', { engine: engine('llm'), fallback: offline });
    assert.equal(m?.text, '公司拖欠工资三个月');
    assert.equal(m?.decision.target, 'human_resources');
    assert.equal(m?.decision.needsReview, true, 'the office reviews it');
    assert.ok(m?.decision.reasons.includes('after_emergency'));
    assert.equal(offline.calls.length, 1);
    assert.doesNotMatch(offline.calls[0]!.text, /跳/, 'the engine reads the matter, not the danger');
  });

  it('"我没事了" and "I\'m safe now" say the danger passed; "我不安全" and longer messages do not', () => {
    for (const yes of ['我没事了', '我没事了，谢谢', '冷静下来了', '我現在冇事喇', "I'm safe now", 'i am ok now, thanks']) assert.ok(saysSafeNow(yes), yes);
    for (const no of ['我不安全', '我还是没有冷静', "I'm not safe", "I'm not ok", '', '我没事了，但是公司还是拖欠我三个月的工资没有发']) assert.ok(!saysSafeNow(no), no);
  });
});
