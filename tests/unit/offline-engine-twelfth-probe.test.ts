import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { routed } from '../helpers/triageProbe.js';

async function expectRouted(cases: ReadonlyArray<readonly [string, string, string]>): Promise<void> {
  for (const [text, category, target] of cases) {
    const { d, why } = await routed(text);
    assert.equal(d.category, category, why);
    assert.equal(d.target, target, why);
  }
}

// Our own wording of what the twelfth session's blind routing probe (200 long, place-naming lines) found.
describe('offline engine: twelfth routing probe', () => {
  it('a work injury the employer will not report is the labour bureau, not the hospital or a hardship fund', async () => {
    await expectRouted([
      ['我在装修队干活从梯子上摔下来，腰骨裂了，住院一个星期，老板不肯给我报工伤，医院天天催缴费', 'petition', 'human_resources'],
      ['我喺倉庫搬貨扭親條腰，睇咗幾次醫生，公司話唔關佢事，唔肯幫我報工傷', 'petition', 'human_resources'],
    ]);
  });

  it('a residence permit that cannot be renewed is the police, whatever tenancy filing is told beside it', async () => {
    await expectRouted([
      ['居住证过期了想续签，派出所让我先去办租赁备案，房东不配合，我已经跑了好几次', 'petition', 'public_security'],
      ["I can't renew my residence permit because the landlord won't come to register the lease, and my job needs it", 'petition', 'public_security'],
    ]);
  });

  it('a card bought at a barber that shut, and a refurbished tablet a shop will not refund, are market regulation', async () => {
    await expectRouted([
      ['在理发店办了一张三千块的卡，才剪了两次就关门了，店长也找不到', 'petition', 'market_regulation'],
      ['我喺商場買咗部平板，話係新貨，點知係翻新，佢哋唔退錢', 'petition', 'market_regulation'],
    ]);
  });

  it('money lent to a classmate who no longer answers the phone is a civil debt', async () => {
    const { d, why } = await routed('去年借了两万给同学应急，写了借条，说好半年还，现在他电话都不接');
    assert.equal(d.category, 'legal_channel', why);
  });

  it('safety on a building site is housing; a public toilet is urban management', async () => {
    await expectRouted([
      ['小区对面的工地脚手架没有安全网，上周掉下来一根钢管，差点砸到送孩子上学的家长，社区说会反映', 'petition', 'housing'],
      ['海边公园那个公共卫生间门坏了很久没人修', 'petition', 'urban_management'],
    ]);
  });

  it("a teacher's humiliation or slap is the education bureau's, not the youth service's", async () => {
    await expectRouted([
      ['儿子说班主任在课堂上当着同学的面羞辱他，回家一直哭，不想再去学校', 'petition', 'education'],
      ["my daughter's teacher slapped her in front of the class for talking, she is scared to go back", 'petition', 'education'],
    ]);
  });

  it('an allowance that stopped being paid is civil affairs, not a care service', async () => {
    const { d, why } = await routed('我妈的高龄津贴从上个月开始停发了，问社区也说不清楚，老人家靠这个买药');
    assert.equal(d.category, 'petition', why);
    assert.equal(d.target, 'civil_affairs', why);
  });

  it('falling ill after eating out is food safety, not the hospital visited after', async () => {
    await expectRouted([
      ['我们在一家火锅店吃完晚饭，半夜三个人都上吐下泻，去了急诊打点滴', 'petition', 'market_regulation'],
      ['we all had diarrhoea after a takeaway from the noodle restaurant downstairs and ended up at the clinic', 'petition', 'market_regulation'],
    ]);
  });

  it('rooms built illegally on a roof are planning enforcement; the traffic police asked to enforce are public security', async () => {
    await expectRouted([
      ['我们楼的顶楼住户在天台违建了两间房出租，楼板都有裂缝了，物业说管不了', 'petition', 'planning_land'],
      ['泥头车每天晚上在这条路上超速闯红灯，好危险，请交警来执法', 'petition', 'public_security'],
    ]);
  });

  it('a break-in told in English is the police', async () => {
    const { d, why } = await routed('our flat was burgled while we were at work, two laptops gone, and nobody has called us back since');
    assert.equal(d.target, 'public_security', why);
  });

  it('money lent to a friend who cannot be reached now is a civil debt for the court, not a missing person', async () => {
    const { d, why } = await routed('去年借了三万块给老同学，说好半年还，现在电话打不通微信也联系不上了');
    assert.equal(d.category, 'legal_channel', why);
    // A mother who cannot be reached is never sent to court.
    const missing = await routed('我妈早上出门买菜，到现在都联系不上了');
    assert.notEqual(missing.d.category, 'legal_channel', missing.why);
  });
});
