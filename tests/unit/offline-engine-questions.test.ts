import assert from 'node:assert/strict';
import { beforeAll, describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { loadDirectory } from '../../directory/directory.js';
import { createOfflineEngine, loadOfflineModel } from '../../triage/offlineEngine.js';
import { isInfoQuestion, tellsRefusal } from '../../triage/infoQuestion.js';
import { legalMatterOf } from '../../triage/legalMatters.js';
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

  it('a failure told with a question for justice at the end is a grievance', () => {
    for (const text of [
      'my employer never register me for social insurance, HR say expats dont need it. who checks companies like this',
      'we waited 2 years and still no school place, family next door with same points got one. how is this fair',
    ]) assert.equal(tellsRefusal(text), true, text);
    assert.equal(tellsRefusal('how do I register for social insurance as a foreigner?'), false);
  });
});

// Our own wording of what the seventh and eighth blind probes (简体 letters, English and 繁體; 2026-12-07) found.
describe('matters the law sends to another procedure, written as a petition', () => {
  it('contesting a penalty imposed on the writer is the legal channel (reconsideration)', async () => {
    for (const text of [
      '尊敬的领导：我在宝安开了一间便利店，上周城管以占道经营为由罚了我五千元，我认为处罚过重，恳请撤销。',
      '交警給我開了罰單，我認為認定有誤，想申請復議',
      'the market bureau fined my shop 20000 for a label mistake, I want to appeal, it is too heavy',
    ]) {
      const d = await triage(text, { engine });
      assert.equal(d.category, 'legal_channel', `${text}: ${d.reasons.join(' ')}`);
    }
    // A complaint about the enforcers' conduct, not a penalty on the writer, stays a petition.
    assert.equal(legalMatterOf('城管乱罚款 态度很差 要求查处'), null);
  });

  it('dismissal compensation with arbitration named is the legal channel; wages owed, a policy or an arbitration under way are not', () => {
    assert.equal(legalMatterOf('公司突然辞退我，只给半个月补偿，我想申请劳动仲裁要N+1'), 'dismissal_compensation');
    for (const text of [
      '公司拖欠工资三个月还把我辞退了 不给补偿 我要去仲裁',
      '公司违法解除劳动合同且不支付赔偿金，本人已依法申请仲裁，但是仲裁过程漫长，请督促',
      '改制企业职工解除劳动合同经济补偿标准太低，请县政府重新研究政策',
    ]) assert.equal(legalMatterOf(text), null, text);
  });
});

