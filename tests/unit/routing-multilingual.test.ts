import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { englishConcepts, englishCues, englishQuestionCues, englishTokens, forOfflineModels, isMostlyEnglish, lemma } from '../../triage/english.js';
import { prepareText } from '../../triage/offlineEngine.js';

describe('English for the offline models', () => {
  it('brings inflections and British spellings of one word together', () => {
    assert.equal(lemma('deposits'), lemma('deposit'));
    assert.equal(lemma('charged'), lemma('charging'));
    assert.equal(lemma('neighbours'), lemma('neighbor'));
    assert.equal(lemma('licence'), lemma('licenses'));
    assert.equal(lemma('paid'), lemma('pay'));
    assert.equal(lemma('wages'), lemma('wage'));
  });

  it('drops stop words and joins fixed terms into one token', () => {
    const t = englishTokens('My landlord is keeping my security deposit and my social insurance was never paid');
    assert.ok(t.includes(`${lemma('security')}_${lemma('deposit')}`), t.join(' '));
    assert.ok(t.includes(`${lemma('social')}_${lemma('insurance')}`), t.join(' '));
    assert.ok(!t.includes('my') && !t.includes('is') && !t.includes('and'), t.join(' '));
  });

  it("names the taxonomy's Chinese terms for the matters an English message raises", () => {
    const cases: Array<[string, string[]]> = [
      ['My landlord refuses to return my security deposit', ['房东', '押金']],
      ['The boss has not paid our wages for three months', ['工资', '拖欠']],
      ['My company never paid social insurance for me', ['社保']],
      ['I need to renew my work permit and my residence permit', ['工作许可', '居留许可']],
      ['The factory next door dumps sewage into the river', ['工厂', '污水']],
      ['Our kindergarten raised the tuition fee again', ['幼儿园', '学费']],
      ['Construction at night, the noise is unbearable', ['夜间施工', '噪音']],
      ['A shop with no business licence sells fake goods', ['营业执照', '假冒']],
      ['How do I transfer my hukou?', ['户口', '如何']],
    ];
    for (const [text, terms] of cases) {
      const concepts = englishConcepts(englishTokens(text));
      for (const z of terms) assert.ok(concepts.includes(z), `${text} → ${concepts.join(' ')} lacks ${z}`);
    }
  });

  it('reads complaints phrased as questions, and grievance cues, as the words Chinese petitions use', () => {
    const cases: Array<[string, string]> = [
      ['Why does nobody fix the broken lift in our block?', '没人管'],
      ['Can someone do something about the hawkers outside the station?', '要求'],
      ['Could the city please send someone to clear the blocked drain?', '要求'],
      ['Is it legal that my company deducts money for being two minutes late?', '违规'],
      ['Are they even allowed to charge a fee for parcels?', '相关部门'],
      ['How can they raise the management fee without a vote?', '查处'],
      ['The wages are still not paid.', '至今'],
      ['The workshop has been running machines at night for months.', '一直'],
      ['I complained to the hotline several times and nothing has been done.', '多次'],
      ['I want them to return the money they took.', '要求'],
      ['Please make them stop dumping rubble.', '要求'],
      ['My application was rejected without any reason.', '拒绝'],
    ];
    for (const [text, zh] of cases) {
      const cues = englishCues(text);
      assert.ok(cues.includes(zh), `${text} → ${cues.join(' ')} lacks ${zh}`);
      assert.ok(forOfflineModels(text).includes(zh), forOfflineModels(text));
    }
  });

  it('leaves plain procedure questions without grievance cues', () => {
    for (const text of [
      'How do I apply for a residence permit?',
      'How can a foreigner enroll a child in a public school?',
      'Where is the mediation committee and what are its opening hours?',
      'What documents do I need to register a company?',
    ]) {
      assert.deepEqual(englishCues(text), [], text);
      assert.ok(forOfflineModels(text).includes('请问'), forOfflineModels(text));
    }
    // The indignant "how can they" is not read as the inquiry phrase "how can".
    assert.ok(!forOfflineModels('How can they keep our deposit?').includes('请问'));
  });

  it('knows the added residents’ vocabulary', () => {
    const cases: Array<[string, string[]]> = [
      ['The subcontractor ran off with our back wages', ['包工头', '跑路', '拖欠工资']],
      ['I am a Hong Kong resident and my home return permit expired', ['港澳', '回乡证']],
      ['The education bureau says our points are not enough for the school district', ['教育局', '积分', '学区']],
      ['A karaoke bar plays until 3am', ['KTV']],
      ['The factory is discharging foamy water into the creek', ['偷排', '水污染']],
    ];
    for (const [text, terms] of cases) {
      const out = forOfflineModels(text);
      for (const z of terms) assert.ok(out.includes(z), `${text} → ${out} lacks ${z}`);
    }
    // "point" alone is not school points: "no point living" had gone to the education bureau.
    for (const text of ['i feel like theres no point living', 'whats the point', 'the point is they never came']) {
      assert.ok(!forOfflineModels(text).includes('积分'), text);
    }
  });

  it('reads the words residents type on a phone for the matters of the taxonomy (pinyin, abbreviations, fees, e-bikes)', () => {
    const cases: Array<[string, string[]]> = [
      ['the wuye does nothing about the broken lift', ['物业', '电梯']],
      ['Property mgmt raised the parking charge', ['物业', '停车费']],
      ['my shebao and gongjijin were never paid', ['社保', '公积金', '拖欠']],
      ['They charge their e-bikes in the stairway and there is junk piled everywhere', ['电动车', '充电', '楼道', '杂物']],
      ['Someone stole my ebike battery from the bike shed', ['电动车', '电瓶', '车棚']],
      ['The hospital charged me for three CT scans', ['医院', '收费', '检查']],
      ['An unlicensed clinic gives IV drips to children', ['黑诊所', '输液']],
      ['My son was refused a place at the public primary school', ['入学', '学位']],
      ['The school canteen food had a bug in it', ['食堂', '异物']],
      ['The rental company went bust and took a year of rent', ['倒闭', '跑路']],
      ['The restaurant extended its shop with a steel shed over the walkway', ['铁皮房', '人行道']],
      ['The drain is blocked and the street is under water', ['排水', '积水']],
      ['The manhole cover outside the school is missing', ['井盖']],
      ['Phone sold as new was refurbished', ['假冒']],
      ['My employer deducted 2000 from my pay', ['克扣']],
      ['I am pregnant and they cut my salary and gave me a lower position', ['怀孕', '降薪', '调岗']],
      ['My employer withheld my passport', ['扣押', '证件']],
      ['The landlord increased the rent by 30%', ['房东', '涨租']],
      ['The building next door added two floors', ['加建']],
      ['Taxi drivers refuse short trips at the station', ['拒载']],
      ['The sewer in the alley overflows when it rains', ['下水道', '冒溢', '道路']],
      ['The disability allowance for my father stopped', ['补贴', '残疾人补贴']],
      ['My mother is in a retirement home', ['养老院']],
      ['How do I register my marriage?', ['结婚登记']],
      ['We need counselling, my grandson is addicted to games', ['心理咨询', '孙子', '沉迷']],
    ];
    for (const [text, terms] of cases) {
      const out = forOfflineModels(text);
      for (const z of terms) assert.ok(out.includes(z), `${text} → ${out} lacks ${z}`);
    }
  });

  it('does not misread one word as another matter', () => {
    const cases: Array<[string, string[], string[]]> = [
      // Kept awake by noise is not a mental-health complaint; worn out is not exhaust gas.
      ['Pile driving at 2am, we cannot sleep', ['打桩', '睡不着'], ['心理', '抑郁']],
      ['I am exhausted looking after him', ['疲惫'], ['废气']],
      // Junk piled up is not pile driving; stalling is not a street stall; a nursing-home fee is not tuition.
      ['Junk is piled on every landing', ['杂物'], ['打桩']],
      ['The developer keeps stalling', ['开发商'], ['摊贩']],
      ['The nursing home raised its fees', ['养老院', '收费'], ['学费']],
      ['I feel stressed and my family is far away', ['心理'], ['车费']],
      ['The clinic refurbished its rooms', [], ['装修', '假冒']],
      ['The community keeps losing my papers', ['社区'], ['小区']],
      ['12 hrs a day', [], ['人事']],
    ];
    for (const [text, present, absent] of cases) {
      const out = forOfflineModels(text);
      for (const z of present) assert.ok(out.includes(z), `${text} → ${out} lacks ${z}`);
      for (const z of absent) assert.ok(!out.includes(z), `${text} → ${out} has ${z}`);
    }
  });

  it('reads a procedure question as the 简体 question reads: 请问 … 期限 / 哪里 办理 / 需要 材料 / 怎么办', () => {
    const cases: Array<[string, string[]]> = [
      ['How many days do I have to apply for administrative reconsideration?', ['请问', '期限', '行政复议']],
      ['How long does it take to get a reply after I submit a petition?', ['请问', '期限', '答复']],
      ["What's the time limit for taking my landlord to court?", ['期限', '时效', '请问']],
      ['Where do I apply for labour arbitration?', ['请问', '哪里', '办理']],
      ['Which documents should I bring for the marriage registration?', ['请问', '需要', '材料']],
      ['My ex-husband hasn’t paid child support for a year. What can I do?', ['怎么办']],
      ['How much is the fine for overstaying a visa?', ['请问', '多少', '罚款', '逾期居留']],
    ];
    for (const [text, terms] of cases) {
      const out = forOfflineModels(text);
      for (const z of terms) assert.ok(out.includes(z), `${text} → ${out} lacks ${z}`);
    }
    // Disputing a decision and asking the deadline is the resident's own legal channel: no polite 请问.
    const disputed = forOfflineModels('I disagree with the penalty decision. How many days do I have to apply for reconsideration?');
    assert.ok(disputed.includes('不服') && disputed.includes('期限') && !disputed.includes('请问'), disputed);
    // A complaint asked as a question is not a procedure question.
    for (const text of ['How long do we have to wait for them to fix the lift?', 'How many days has it been without water now?']) {
      assert.ok(!englishQuestionCues(text).includes('期限'), `${text} → ${englishQuestionCues(text).join(' ')}`);
    }
  });

  it('names family, civil and administrative matters by the words their Chinese letters use', () => {
    const cases: Array<[string, string[], string[]]> = [
      // Child support is 抚养费; someone not paying it is not unpaid wages; an ex-husband is not a marriage quarrel.
      ["My ex-husband hasn't paid child support for a year", ['抚养费', '前夫', '拖欠'], ['欠薪', '夫妻']],
      ['The boss still has not paid us', ['拖欠'], []],
      ["We haven't been paid since March", ['欠薪'], []],
      ['My brother died without a will and the family are fighting over his flat', ['去世', '遗嘱', '继承', '纠纷'], ['治安']],
      ['The court gave me visiting rights but she will not let me see my son', ['探视权'], []],
      ['The arbitration commission rejected my claim', ['仲裁委'], ['奖金']],
      ['I got a traffic fine and I disagree with the decision', ['罚款', '交警', '不服'], ['拥堵']],
      ['The apartment was fine when I moved out', [], ['罚款']],
      ['They are laying me off and I want the double salary', ['辞退', '双倍工资'], []],
      ['My employer is holding my passport', ['扣押'], []],
      ['Trucks and concrete mixers on the site until 2am', ['搅拌车', '夜间'], []],
      ['The teacher pushes parents to pay for his private tutoring', ['有偿补课'], []],
      ['The restaurant shut down owing us wages', ['倒闭', '工资'], ['退款']],
    ];
    for (const [text, present, absent] of cases) {
      const out = forOfflineModels(text);
      for (const z of present) assert.ok(out.includes(z), `${text} → ${out} lacks ${z}`);
      for (const z of absent) assert.ok(!out.includes(z), `${text} → ${out} has ${z}`);
    }
  });

  it("drops contractions: \"I'll\" is not the word ill", () => {
    const t = englishTokens("I'll only get it back when they're done, we're told");
    assert.ok(!t.includes('ill') && !t.includes('theyr') && !t.includes('wer'), t.join(' '));
  });

  it('reads "no news" and "heard nothing" as nobody answering', () => {
    for (const text of ['Applied two months ago, still no news', 'We have not heard back from the bureau', 'heard nothing since March']) {
      assert.ok(englishCues(text).includes('没人管'), `${text} → ${englishCues(text).join(' ')}`);
    }
  });

  it('gives no emergency vocabulary: dangers stay the crisis layer’s business', () => {
    const out = forOfflineModels('there is a fire and a gas leak, someone wants to kill himself, call an ambulance');
    assert.ok(!/[火燃气自杀救护]/.test(out), out);
  });

  it('leaves Chinese, 繁體 and Chinese with an English word unchanged', () => {
    for (const t of ['房东不退押金', '房東不退按金', '我的iphone被偷了', '']) assert.equal(forOfflineModels(t), t);
    assert.equal(isMostlyEnglish('我的iphone被偷了'), false);
    assert.equal(isMostlyEnglish('my iphone was stolen 谢谢'), true);
  });

  it('keeps redaction placeholders as tokens and never echoes them as words', () => {
    const out = forOfflineModels('my boss owes me wages, call me on [PHONE]');
    assert.ok(out.includes('[phone]'), out);
    assert.ok(out.includes('工资'), out);
  });

  it('is what the offline engine trains on: prepareText applies it after normalisation', () => {
    const p = prepareText('My LANDLORD kept my Security Deposit!');
    assert.ok(p.includes('security_deposit') && p.includes('押金'), p);
    assert.equal(prepareText('房东不退押金'), '房东不退押金');
  });
});
