import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { hongKongReading } from '../../triage/hkWritten.js';
import { isInfoQuestion } from '../../triage/infoQuestion.js';
import { normalize } from '../../triage/normalize.js';
import { routed } from '../helpers/triageProbe.js';

async function expectRouted(cases: ReadonlyArray<readonly [string, string, string | null]>): Promise<void> {
  for (const [text, category, target] of cases) {
    const { d, why } = await routed(text);
    assert.equal(d.category, category, why);
    assert.equal(d.target, target, why);
  }
}

const hk = (text: string): string => {
  const n = normalize(text);
  return hongKongReading(n.normalized, n.language);
};

// Our own wording of what the twelfth session's Hong Kong 繁體 probe (100 lines in Hong Kong's written style, 60 in
// written Cantonese) found.
describe('offline engine: Hong Kong 繁體 probe', () => {
  it('reads Hong Kong written words in a 繁體 text as Mandarin, and leaves 简体 text alone', () => {
    assert.match(hk('管理處收了管理費卻不做事'), /物业管理处.*物业费/);
    assert.match(hk('地盤判頭走了'), /工地包工头/);
    assert.match(hk('巴士站附近的小巴經常爆滿'), /公交站.*公交车/);
    assert.match(hk('小女今年派位結果不理想'), /学位分配/);
    assert.match(hk('食環沒有來清理'), /环卫部门/);
    assert.match(hk('公園管理處的職員'), /公园管理处/);
    assert.doesNotMatch(hk('公園管理處的職員'), /物业/);
    assert.match(hk('他拖欠了我三個月人工'), /三个月工资/);
    assert.match(hk('公司引入人工智能客服後裁員'), /人工智能/);
    // 简体 letters (every Shanghai and Teddy letter) read as before.
    assert.equal(hk('小区管理处说地盘的事不归他们管'), normalize('小区管理处说地盘的事不归他们管').normalized);
  });

  it('an estate matter told with 管理處 is housing, not the street office', async () => {
    await expectRouted([
      ['大廈後樓梯的照明壞了一個月，管理處只是貼了告示，晚上上落很危險，請跟進。', 'petition', 'housing'],
      ['停車場的出口閘口經常故障，私家車排長龍，管理處話等零件，想投訴。', 'petition', 'housing'],
    ]);
  });

  it('a site worker whose subcontractor will not report the injury has named the matter', async () => {
    await expectRouted([
      ['我喺地盤受傷，判頭唔肯幫我報工傷，想投訴。', 'petition', 'human_resources'],
      ['在工場受傷，廠方不肯報工傷，想投訴。', 'petition', 'human_resources'],
    ]);
  });

  it('a bus stop without a shelter is the transport bureau, not a building to extend', async () => {
    await expectRouted([['巴士站的上蓋被颱風吹爛了一個月都沒有修理，請加建一個穩固的。', 'petition', 'transport']]);
  });

  it('a teacher who calls a pupil stupid is the education bureau, not the youth service', async () => {
    await expectRouted([
      ['數學老師上堂時當住全班同學罵我女兒笨，女兒回家後哭著說不想再去學校。', 'petition', 'education'],
      ['個班主任成日喺堂上鬧我個仔蠢，佢而家好驚返學。', 'petition', 'education'],
    ]);
  });

  it('a disability allowance applied for half a year ago with no reply is civil affairs', async () => {
    await expectRouted([['我是殘疾人士，申請殘疾人津貼交了資料半年都沒有回覆。', 'petition', 'civil_affairs']]);
  });

  it('an owner who built a glass room out of the balcony is for the planning enforcers', async () => {
    await expectRouted([['對面座有業主把露台僭建成玻璃房，管理處說管不了，請跟進。', 'petition', 'planning_land']]);
  });

  it('asking whether an office opens on a Saturday is a question', () => {
    assert.ok(isInfoQuestion(normalize('街道辦星期六有冇開？').normalized));
    assert.ok(isInfoQuestion(normalize('社区工作站周六有没有开门？').normalized));
  });
});
