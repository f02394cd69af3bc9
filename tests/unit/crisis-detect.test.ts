import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { featurize } from '../../triage/crisis/features.js';
import { kindOf, parseModel, score, serializeModel, trainModel } from '../../triage/crisis/model.js';
import { normalize } from '../../triage/normalize.js';

const crisis = (text: string, model?: null) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original, model === null ? { model: null } : {});
};

// Our own messages, written for these tests (never copied from the corpus, the eval set or ../shared).
const IMMEDIATE: Array<[string, string]> = [
  ['猫粮在柜子第二层,银行卡密码写在抽屉的本子里,以后帮我照顾好它们,谢谢你们', 'suicide'],
  ['炭和胶带都买好了,日子也选好了,就这个周末', 'suicide'],
  ['I bought charcoal and taped the windows. Tonight is the night.', 'suicide'],
  ['I swallowed the whole bottle of my sleeping pills about twenty minutes ago. I feel calm now.', 'overdose'],
  ['我妈刚才把一整瓶降压药都吃了,现在叫不醒', 'overdose'],
  ['佢飲醉咗而家喺門口拍門,話要劈死我,我同個仔匿埋喺廁所', 'violence'],
  ['My boyfriend is drunk and smashing plates, I locked myself in the bathroom', 'violence'],
  ['对面楼有个两岁的小孩爬到窗外的空调外机上了', 'child_elder'],
  ['隔壁独居的阿婆跌低咗,喺浴室起唔到身', 'child_elder'],
  ['我爸突然嘴歪了,右手拿不住筷子,说话也说不清', 'medical'],
  ["My dad's face is drooping and he can't lift his arm", 'medical'],
  ['屋里一股臭鸡蛋味,全家都头晕想吐', 'gas'],
  ['水已经淹到胸口了,我们一家困在二楼出不去', 'flood'],
  ['工地的棚塌了,下面压着两个工人', 'collapse'],
  // A child in the traffic; crying that fades over several clauses typed without punctuation (2026-12-07 probe gaps).
  ['有个三岁左右的小孩自己跑到马路中间了 车开得很快', 'child_elder'],
  ['a little boy just walked onto the highway near the toll gate, cars are flying past', 'child_elder'],
  // Sleeplessness with a means and a time is still immediate: the cue decides, not the sleep words.
  ['失眠好几天了,安眠药已经攒了一整瓶,今晚就吃', 'suicide'],
  ['楼下那户小孩从中午哭到现在 大人前天拎着包走了没回来 哭声越来越弱', 'child_elder'],
  // A parent's threat to take the children with her; strangulation and a threat to kill on the way back (2026-12-07 retest).
  ['我媽話要帶埋我同細佬一齊死', 'suicide'],
  ['bf choked me last nite and said next time hell kill me, hes coming back soon', 'violence'],
  // Held in a room: violence, with 110 first (the model alone had answered it as suicide).
  ['he locked me in the room and took my phone, using my sisters phone', 'violence'],
];

const CONCERN = [
  '我最近真的好累,活着好累,每天都睡不着',
  'I feel hopeless and worthless lately, nothing matters',
  // Sleeplessness alone is distress, not danger now (the model alone had read it as suicide, 0.57).
  '我已经失眠好几天了',
  '隔壁工地晚上一直打桩,吵到半夜,我已经失眠好几天了',
];

// Requests for care of someone whose state lasts, nothing acute: the 信访外 offer with the lines, not the 110 reply.
const CARE_CONCERN_AT_MOST = [
  '需要社工上门陪我爸聊天 他一个人住在南山',
  'my grandma lives alone in nanshan, can someone visit her weekly',
  '我妈老年痴呆 晚上不睡觉 我们全家都累垮了',
];

const NONE = [
  '你好', '我要投诉', '楼下噪音太大,晚上睡不着',
  '去年我家附近着过火,想问消防通道归谁管',
  '救命,这个网上办事系统又崩了,填了半天全没了',
  '小说里主角最后自杀了,这种书能不能管一下',
  'I nearly had a heart attack when I saw the bill lol',
  '台风快来了,请问附近的避难场所在哪里',
  '上个月我爸中风住院,现在已经好多了,想问报销比例',
  // Only asking how a case is going: the model alone had read 去到边一步 as despair.
  '我嘅投訴而家去到邊一步',
  // Only thanks and "it is over": the model alone had read them as an overdose (0.83) and suicide (0.91).
  'Thanks, all good now.',
  '好了，没事了，谢谢你们',
  'No problem anymore, thanks',
];

describe('crisis layer', () => {
  for (const [text, kind] of IMMEDIATE) {
    it(`immediate danger (${kind}): ${text}`, () => {
      const o = crisis(text);
      assert.equal(o.level, 'immediate');
      assert.ok(o.kinds.includes(kind as never), `kinds ${o.kinds.join(',')}`);
      assert.ok(o.cues.length > 0, 'the cues that fired are explained');
    });
  }
  for (const [text, kind] of IMMEDIATE) {
    it(`rules and cues alone already find (${kind}): ${text.slice(0, 20)}`, () => {
      assert.equal(crisis(text, null).level, 'immediate');
    });
  }
  for (const text of CONCERN) {
    it(`concern: ${text}`, () => assert.equal(crisis(text).level, 'concern'));
  }
  for (const text of CARE_CONCERN_AT_MOST) {
    it(`a care request is not an emergency: ${text}`, () => assert.notEqual(crisis(text).level, 'immediate'));
  }
  it('"嘈到我想死" is how a noise complaint is said; a wish to die said beside it still counts', () => {
    assert.notEqual(crisis('樓上個細路成日跳來跳去 嘈到我想死').level, 'immediate');
    assert.equal(crisis('楼上天天吵到我想死，我真的不想活了').level, 'immediate');
  });
  it('a command, a yes, a privacy question or thanks with a danger beside it is read as always (2026-12-07 retest)', () => {
    for (const text of [
      '还是帮我转介吧，我已经在天台了', 'yes please refer me, i already wrote letters to my kids',
      '我不想投诉了，我把煤气打开了', '唔使跟進喇，我聽日就唔喺度喇', "cancel my complaint. i'm going to end it tonight",
      '我老公会不会知道是我？他刚才把我打晕了，现在还在屋里', 'is this confidential? my husband locked me and the kids in the bedroom and took our phones',
      "Thanks, all good now. It's done.",
    ]) {
      assert.equal(crisis(text).level, 'immediate', text);
    }
  });
  it('an elder alone who does not answer is not a care request: it stays immediate', () => {
    assert.equal(crisis('我爸一个人住，两天没接电话了，能不能派人去看看').level, 'immediate');
    // "Since yesterday" is the point, not a past event (a Cantonese welfare check had got a care offer).
    assert.equal(crisis('阿嫲一個人住，由琴日開始都冇聽電話，敲門都冇人應', null).level, 'immediate');
    assert.notEqual(crisis('我爷爷一个人住，最近手机经常打不通，每次打通都说没事', null).level, 'immediate');
  });
  it('Cantonese passive despair (活住冇意思) is read like its 简体 twin', () => {
    assert.notEqual(crisis('活住冇意思').level, 'none');
    assert.notEqual(crisis('活着没意思').level, 'none');
  });
  it('a question about what is shared, or consent taken back with a reason, is no alarm (the model alone had paged the office)', () => {
    for (const text of ['你们会告诉他们什么信息？', '我想知佢哋會攞到我咩資料', 'pls dont share anything with them anymore', '我唔想轉介喇 唔好俾佢哋知我阿爸嘅資料', 'i dont want anyone to know my address']) {
      assert.equal(crisis(text).level, 'none', text);
    }
    assert.equal(crisis('我不想投诉了，我真的不想活了').level, 'immediate', 'a rule in the same words still counts');
  });
  for (const text of NONE) {
    it(`no danger: ${text}`, () => assert.equal(crisis(text).level, 'none'));
  }

  it('crying that fades because the baby fell asleep fires no cue (the model alone still alarms: docs/crisis.md)', () => {
    assert.equal(crisis('宝宝哭了半天,哭声越来越小,终于睡着了', null).level, 'none');
  });

  it('asking for a person is still read for danger (it may be loneliness); the status asked in words is not', () => {
    const person = crisis('有没有人可以跟我聊聊');
    assert.ok(!person.cues.includes('command_in_words'), person.cues.join(' '));
    assert.ok(person.cues.some((c) => c.startsWith('model:immediate')), 'the model read it');
    assert.ok(crisis('我嘅投訴而家去到邊一步').cues.includes('command_in_words'));
  });

  it('an explicit rule hit never waits for the model: rules alone give immediate', () => {
    assert.equal(crisis('我们楼着火了,快来人', null).level, 'immediate');
  });

  it('explains cues without message text (codes only)', () => {
    const o = crisis('猫粮在柜子第二层,银行卡密码写在抽屉的本子里,以后帮我照顾好它们');
    for (const c of o.cues) assert.match(c, /^(rule|cue|model):[a-z_>→()]+( [0-9.]+)?/);
  });

  it('empty and junk input is none', () => {
    assert.equal(detectCrisis('').level, 'none');
    assert.equal(crisis('\u0000\uFFFD').level, 'none');
  });

  it('the model learns, serialises and scores the same after a round trip', () => {
    const ex = [
      ...['我已经吞了一整瓶药', '绳子已经挂好了', 'i took all my pills'].map((text) => ({ text, level: 'immediate' as const, kinds: ['overdose' as const], weight: 1, kindsKnown: true })),
      ...['楼下噪音太大', '路灯坏了', 'the bus is late'].map((text) => ({ text, level: 'none' as const, kinds: [], weight: 1, kindsKnown: false })),
    ];
    const m = trainModel(ex, { epochs: 20 });
    const again = parseModel(serializeModel(m));
    const a = score(m, '我吞了一整瓶药').level[2];
    const b = score(again, '我吞了一整瓶药').level[2];
    assert.ok(a > 0.5 && Math.abs(a - b) < 0.02);
    assert.ok(score(again, '路灯坏了').level[0] > 0.5);
  });

  it('maps corpus kind names onto ours', () => {
    assert.equal(kindOf('child_danger'), 'child_elder');
    assert.equal(kindOf('elder_danger'), 'child_elder');
    assert.equal(kindOf('self-harm'), 'self_harm');
    assert.equal(kindOf('domestic_violence'), 'violence');
    assert.equal(kindOf('overdose'), 'overdose');
  });

  it('features are bounded for a maximal letter', () => {
    const f = featurize('物业不作为'.repeat(800));
    assert.ok(f.idx.length < 70_000);
  });
});
