import assert from 'node:assert/strict';
import { beforeAll, describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { loadDirectory } from '../../directory/directory.js';
import { createOfflineEngine, loadOfflineModel } from '../../triage/offlineEngine.js';
import { isInfoQuestion, tellsRefusal } from '../../triage/infoQuestion.js';
import { triage } from '../../triage/pipeline.js';
import type { DecisionEngine } from '../../triage/types.js';

let engine: DecisionEngine;
beforeAll(() => {
  engine = createOfflineEngine({ model: loadOfflineModel(resourcePath('model', 'triage-model.json')), directory: loadDirectory(resourcePath('directory.yaml')) });
});

// Our own wording of what the fifth blind routing probe (English, Cantonese, 繁體; 2026-12-07) found.
describe('a plain question is an inquiry, a refusal told is a grievance', () => {
  it('asks where, what to bring, whether one qualifies or the office\'s deadline: an inquiry, not a case', async () => {
    for (const text of [
      '想了解殘疾人補貼的申請條件和辦理流程',
      '请问办居住证要带什么材料？到哪个部门办理？',
      '南山街道的法律服务站几点开门？',
      '我上星期交咗個投訴，你哋幾多個工作日內要回覆？',
      'does my mother qualify for the elderly allowance? what are the requirements',
      'how many days does your office have to answer a complaint? I filed mine last month',
    ]) {
      const d = await triage(text, { engine });
      assert.equal(d.category, 'inquiry', `${text}: ${d.category} ${d.reasons.join(' ')}`);
    }
  });

  it('a question beside a refusal, a debt or a fine stays with the category model', () => {
    for (const text of ['学校拒绝了我儿子的学位申请，请问要带什么材料去复议', '公司拖欠工资三个月，劳动仲裁需要什么材料', 'they fined me 2000, where do I apply to appeal']) {
      assert.equal(isInfoQuestion(text), false, text);
    }
  });

  it('a refusal told by a company, a school or an office is a petition with its department', async () => {
    for (const [text, target] of [
      ['my employer refuse to pay social insurance for me because I am from Hong Kong', 'human_resources'],
      ['the marriage registry refused us again, they want a paper our consulate does not issue', 'civil_affairs'],
    ] as const) {
      const d = await triage(text, { engine });
      assert.equal(d.category, 'petition', `${text}: ${d.reasons.join(' ')}`);
      assert.equal(d.target, target, `${text}: ${d.reasons.join(' ')}`);
    }
  });

  it('asking whether someone may refuse is not a refusal told', () => {
    for (const text of ['can a landlord refuse to return my deposit?', '房东可不可以拒绝退押金？']) assert.equal(tellsRefusal(text), false, text);
    assert.equal(tellsRefusal('房东一直不肯退押金，已经三个月了'), true);
  });

  it('a shop that will not take back what it sold is market regulation; grief after a death is counselling', async () => {
    const shop = await triage('bought a laptop in Futian sold as new but it was refurbished, the shop wont take it back', { engine });
    assert.equal(shop.target, 'market_regulation', shop.reasons.join(' '));
    const grief = await triage('since my husband passed away last year I cannot sleep or work, is there anyone I can talk to?', { engine });
    assert.equal(grief.target, 'counselling', grief.reasons.join(' '));
  });
});
