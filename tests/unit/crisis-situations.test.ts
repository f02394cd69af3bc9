import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';

const crisis = (text: string, model?: null) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original, model === null ? { model: null } : {});
};

/** Each message is immediate, with its kind among those named. */
const immediateWithKind = (cases: Array<[string, string]>) => {
  for (const [text, kind] of cases) {
    const o = crisis(text);
    assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
    assert.ok(o.kinds.includes(kind as never), `${text}: ${o.kinds}`);
  }
};

// Situations the rules and cues must read without the model, in each variety (our own wording, written
// for these tests; never taken from the corpus, the eval set or ../shared).
const SITUATIONS: Array<[string, string]> = [
  // settling affairs at work, money to the family, a timed end
  ['柜子里的东西你们分了吧,存款请转给我妈', 'suicide'],
  ['我啲嘢你哋攞去用啦,積蓄留俾阿媽', 'suicide'],
  ['今晚过后这些都跟我没关系了,不用再回复我', 'suicide'],
  ['It will all be over by tomorrow morning, nobody has to deal with my case anymore.', 'suicide'],
  // a goodbye at a height
  ['天台上面好安静,最后看一眼这个城市', 'suicide'],
  ["Up on the bridge now. One last look at the lights.", 'suicide'],
  // means named before the verb
  ['農藥上個禮拜已經買好了,收在床底', 'suicide'],
  ['The rope I bought is ready in the wardrobe', 'suicide'],
  // overdose by quantity
  ['我把一个月的药一次吃完了,现在好困', 'overdose'],
  ['I took all of my sleeping pills with a beer', 'overdose'],
  // violence: hiding, an ex let in
  ['我带孩子躲在阳台,他在屋里乱砸', 'violence'],
  ['前度撞開門入咗屋,我匿埋喺床底', 'violence'],
  ["I'm hiding in the wardrobe, my ex kicked the door in", 'violence'],
  // children left alone, an elder tied down
  ['剩低個細路喺屋企,冇大人,一路喊', 'child_elder'],
  ['三歲嘅女兒鎖咗喺車入面', 'child_elder'],
  // smoke and crackling
  ['隔壁厨房窗口一直冒黑烟,还有噼啪声', 'fire'],
  ['Smoke is seeping under the door of the flat opposite and I hear popping', 'fire'],
  // water into an enclosed space, a ceiling giving way
  ['電梯停咗喺地庫,開始入水', 'flood'],
  ['Water is pouring into the basement car park, people are still in their cars', 'flood'],
  ['天花板一块块往下掉,咔咔响,我们还在屋里', 'collapse'],
  // the English twin of 裂缝越来越宽: a crack getting wider while the ceiling falls in
  ['Plaster from the bedroom ceiling is falling in and the crack is getting wider by the hour', 'collapse'],
];

// Ordinary, figurative, past, forecast and service messages that must stay none (with and without the model).
const NONE = [
  '聽講下個禮拜有颱風,啲戶外活動使唔使取消?',
  '三个礼拜前我爸在超市晕倒,救护车来得太慢,想投诉调度',
  '上個禮拜成家人食物中毒,而家好返晒,想投訴間餐廳',
  '救命,个app又卡了',
  'Help, the login page keeps crashing',
  '阿爺上個月跌親,好彩最後冇事,想加扶手',
  'The ceiling in the community hall has had cracks since 2019, can it be surveyed?',
  "I'm dying to see the new library open",
  '搬家前最后看一眼老房子的天台,有点舍不得',
  '想問吓有冇青少年情緒輔導嘅熱線',
  '接到电话说我儿子被绑架了,原来是诈骗,想举报这个号码',
];

describe('crisis situations (issue 10: cues in every variety)', () => {
  for (const [text, kind] of SITUATIONS) {
    it(`rules and cues alone find ${kind}: ${text.slice(0, 24)}`, () => {
      const o = crisis(text, null);
      assert.equal(o.level, 'immediate', o.cues.join(' '));
      assert.ok(o.kinds.includes(kind as never), `kinds ${o.kinds.join(',')}`);
    });
    it(`with the model still immediate: ${text.slice(0, 24)}`, () => assert.equal(crisis(text).level, 'immediate'));
  }
  for (const text of NONE) {
    it(`no office alert: ${text.slice(0, 24)}`, () => {
      assert.notEqual(crisis(text, null).level, 'immediate');
      assert.notEqual(crisis(text).level, 'immediate');
    });
  }
  it('a timed end counts inside a long complaint letter, a plain farewell needs a now cue there', () => {
    const letter = '我在工地干了一年,老板拖欠工资两万多,劳动站让我一直等,房东也催我搬走,孩子的学费交不上,家里老人生病也没钱看,'.repeat(2);
    assert.equal(crisis(`${letter}今晚过后这些都跟我没关系了。`, null).level, 'immediate');
  });
  it('an explicit named danger is not overruled by the model, a figure of speech with the same words is', () => {
    assert.equal(crisis('整层楼都是煤气味,有人还在做饭').level, 'immediate');
    assert.notEqual(crisis('加班加到想死,要求劳动监察介入').level, 'immediate');
  });
});

// A business that "collapses" goes bankrupt, and food poisoning, a gas smell or a flooded street told as
// a past or recurring complaint asking for an inspection, a penalty, compensation or a repair is a
// petition, not a call for help. Our own wording, several phrasings per pattern.
const ORDINARY_COMPLAINTS = [
  // a company collapsing, going bust
  "My landlord's company has collapsed and nobody will refund our rent.",
  'The rental agency I used collapsed last month and took my deposit with it.',
  'The training platform collapsed overnight and we cannot get our tuition back.',
  'Our gym chain collapsed into administration, who refunds the membership fees?',
  'The developer went bust and our flats are unfinished.',
  '我租房的那家长租公寓公司倒闭了,押金退不回来。',
  '那間長租公寓公司倒閉了,押金拿不回來。',
  '那间租盘公司执笠咗,按金都攞唔返。',
  // food poisoning as a past complaint
  'I got food poisoning from a takeaway last week and want the shop investigated.',
  'We all had food poisoning after the canteen lunch, diarrhoea and vomiting that evening. Please inspect the canteen.',
  'My son got food poisoning at a school trip restaurant, I want compensation and the restaurant fined.',
  '吃了那家餐馆的外卖食物中毒,上吐下泻,要求市场监管部门查处。',
  '喺間茶餐廳食完之後全家食物中毒,要求賠償同埋查處',
  // a gas smell as a recurring complaint
  "There's a gas smell in our stairwell every few days and the gas company won't come to inspect.",
  'The corridor smells of gas on and off, it keeps happening, please send an inspection team next week.',
  '樓梯間成日有煤氣味,物業話唔關佢事,要求燃氣公司上門檢查',
  // a flooded street as a recurring complaint
  'The street floods every time it rains heavily and the drains need clearing.',
  'Whenever it rains the underpass floods up to the knees; the drains are blocked.',
  '一下大雨小区门口就水浸到膝盖,排水要整改。',
  '每次落大雨條街就水浸到膝頭哥,啲渠成日塞。',
  '一落暴雨隧道就浸到膝頭,啲渠一定塞咗,要求通渠',
];

// The same words in real danger, now: these stay immediate (rules and cues alone, and with the model).
const STILL_IMMEDIATE: Array<[string, string]> = [
  ['The building collapsed and my neighbour is trapped', 'collapse'],
  ['The shop next door collapsed and there are people under the rubble', 'collapse'],
  ['楼塌了,邻居被压在下面', 'collapse'],
  ['My dad collapsed in the kitchen and is not responding', 'medical'],
  ['I can smell gas in the kitchen now', 'gas'],
  ['厨房现在有很浓的煤气味', 'gas'],
  ['屋企而家好大陣煤氣味,阿媽頭暈想嘔', 'gas'],
  ['The flood water is up to our chests and we are trapped on the roof', 'flood'],
  ['水已经淹到胸口了,我们被困在屋顶', 'flood'],
  ['水浸到膝頭哥,我哋困喺車入面出唔到', 'flood'],
  ['My mum has food poisoning and is not breathing properly, she is unconscious right now', 'medical'],
];

describe('ordinary complaints with danger words are not emergencies', () => {
  for (const text of ORDINARY_COMPLAINTS) {
    it(`no office alert: ${text.slice(0, 32)}`, () => {
      assert.notEqual(crisis(text, null).level, 'immediate', crisis(text, null).cues.join(' '));
      assert.notEqual(crisis(text).level, 'immediate', crisis(text).cues.join(' '));
    });
  }
  for (const [text, kind] of STILL_IMMEDIATE) {
    it(`still immediate (${kind}): ${text.slice(0, 32)}`, () => {
      const o = crisis(text, null);
      assert.equal(o.level, 'immediate', o.cues.join(' '));
      assert.equal(crisis(text).level, 'immediate');
    });
  }
  it('bad mushrooms with vomiting and not standing are immediate with the model', () => {
    assert.equal(crisis("He ate bad mushrooms and is vomiting and can't stand up").level, 'immediate');
    assert.equal(crisis('他吃了毒蘑菇,一直吐,站不起来了').level, 'immediate');
  });
  it('knocking on the neighbours\' door to talk is not a door being banged on (the rules; the model still reads 拍门 as danger)', () => {
    assert.notEqual(crisis('楼上的小孩整晚跳来跳去，拍门说过几次他们都不理', null).level, 'immediate');
    assert.notEqual(crisis('樓上啲細路成晚跳嚟跳去，我上去拍過幾次門佢哋都唔理', null).level, 'immediate');
    assert.equal(crisis('老公喝醉了一直在拍门砸东西，我和孩子躲在房间', null).level, 'immediate');
  });
  it('ending a message with where one stands up high is immediate, even after a complaint; living or working up there is not', () => {
    for (const text of ['公司拖欠工资三个月，我已经站在天台上了', '我而家一個人坐喺天台度', '房东赶我走，我现在一个人坐在楼顶']) {
      assert.equal(crisis(text).level, 'immediate', text);
      assert.ok(crisis(text).cues.includes('cue:at_height_last_words'), text);
    }
    // The model alone had sent these the 110/120 reply (我住在顶楼 0.46, 天台漏水 0.50 against a bar of 0.40).
    for (const text of ['我住在顶楼', '我家住在顶楼，天台漏水', '我们在天台上乘凉，邻居投诉', '我在天台晒衣服，发现对面楼顶有违建']) {
      assert.notEqual(crisis(text).level, 'immediate', text);
    }
    // Something happening up there or below keeps the model's alarm: smoke with the roof door locked, looking down.
    assert.equal(crisis('楼下的烟越来越大 后楼梯下不去了 我和妈妈在七楼 天台门也锁了').level, 'immediate');
    assert.equal(crisis('我住在顶楼，现在站在天台边上往下看').level, 'immediate');
  });
  it('retest misses: a plan for tonight after a complaint, a partner who hits, a fall alone, a conditional kill threat', () => {
    const cases: Array<[string, string]> = [
      ["I'm so done with this. The council never fixes anything. I'm going to end it tonight.", 'suicide'],
      ["my boyfriend hits me when he drinks, he is asleep now but I'm scared of tonight. also I want to report the landlord for illegal rent increase", 'violence'],
      ['我一個人住，今日跌親隻腳，行唔到，電話得返少少電', 'medical'],
      ['业主说如果我不搬走就砍死我', 'violence'],
      ['業主話如果我唔搬就斬死我', 'violence'],
    ];
    immediateWithKind(cases);
    // The same words about the past or as a question stay what they are.
    for (const text of ["I fell off my bike last year and still can't walk far, can I get a disabled parking permit?", 'my ex used to hit me, I want to know how to get a protection order', '我妈上个月摔伤了腿走不了路，想申请上门护理']) {
      assert.notEqual(crisis(text).level, 'immediate', text);
    }
  });
  it('staking one\'s life on a grievance is a concern the office reads; working hard is not', () => {
    const o = crisis('老板不给钱，我这条命不要了也要讨个说法');
    assert.equal(o.level, 'concern');
    assert.ok(o.cues.includes('cue:life_staked'));
    assert.equal(crisis('我每天拼命工作还是还不起房贷').level, 'none');
  });
  it('taking a complaint back because the trouble stopped is no alarm; a danger said with it still is', () => {
    for (const text of ['谢谢，我不想再投诉了，他们已经小声了', '唔該晒，我唔想再投訴啦，佢哋已經收細聲咗', "thanks, I don't want to complain anymore, they've stopped"]) {
      assert.equal(crisis(text).level, 'none', text);
    }
    assert.ok(crisis('谢谢，我不想再投诉了，他们已经小声了').cues.includes('withdrawn_as_solved'));
    // Whatever came before: a withdrawal without "they stopped" had left the guard's pattern mid-string.
    crisis('我不想再投诉了，反正也这样');
    assert.ok(crisis('谢谢，我不想再投诉了，他们已经小声了').cues.includes('withdrawn_as_solved'), 'the guard does not depend on the previous message');
    for (const text of ['我不想投诉了，我把煤气打开了', '谢谢，我不想再投诉了，他们已经小声了，我也不想活了', "I don't want to complain anymore, they stopped, and I took all my pills"]) {
      assert.equal(crisis(text).level, 'immediate', text);
    }
  });
  it('second retest: up high after a roof-leak complaint, a crane protest, a railing, letters to the children, giving up and "don\'t worry about me"', () => {
    const cases: Array<[string, string]> = [
      ['我住頂樓，天台漏水，物業唔理，我而家企咗喺天台邊', 'suicide'],
      ['物业不管天台漏水，我现在就在天台边上', 'suicide'],
      ["The contractor owes us wages, I'm up on the tower crane at the site now and won't come down until he pays", 'suicide'],
      ["My landlord won't return my deposit and I've been standing on the balcony railing for an hour thinking", 'suicide'],
      ["Landlord kept my deposit. I've written letters to my kids and given my cat to a friend. Nothing matters now", 'suicide'],
      ['谢谢你们一直以来的帮助，工资的事也无所谓了，以后不用担心我了', 'suicide'],
      // The resident's own phone number is no question about a hotline's number (it had made this "not now").
      ['我的电话是13812345678，路灯是上个月十号坏的，我真的撑不下去了，想从楼上跳下去', 'suicide'],
    ];
    immediateWithKind(cases);
  });
  it('second retest: a roof as a home, cooking fumes and an entrapment that is over are no alarm; trapped now still is', () => {
    for (const text of ['我住在顶楼', '我住在顶楼，天台漏水', 'The smoke from the restaurant downstairs got worse tonight', 'The greasy smoke from that restaurant got even worse tonight',
      'The lift is still broken, today an old man was trapped inside for an hour', '电梯还是坏的，今天又困住了一个老人一个小时', '部電梯仲係壞，今日又困咗個阿伯一個鐘', "I'm on the roof fixing the leak"]) {
      assert.equal(crisis(text).level, 'none', `${text}: ${crisis(text).cues.join(' ')}`);
    }
    for (const text of ['电梯坏了，我被困在里面一个小时了', "I've been trapped in the lift for an hour, please help", '楼下餐馆着火了，浓烟一直往上冒']) {
      assert.equal(crisis(text).level, 'immediate', text);
    }
  });
  it('a now cue beats a request for an inspection', () => {
    assert.equal(crisis('I smell gas right now in the flat, the gas company must inspect it', null).level, 'immediate');
    assert.equal(crisis('现在整层楼都是煤气味,要求燃气公司来检查', null).level, 'immediate');
  });
});

describe('crisis: third retest (fresh probes in four varieties, 2026-12-07)', () => {
  it('says the end of one\'s life in words the rules had not known: 自我了断, a goodbye to the world, 一了百了, a cut wrist, a fit', () => {
    immediateWithKind([
      ['我想自我了断', 'suicide'],
      ['我想同呢個世界講再見', 'suicide'],
      ['活着没意思，想一了百了', 'suicide'],
      ['我割咗脈 好多血', 'self_harm'],
      ['個BB發燒到四十度 成身抽筋 眼反晒白', 'medical'],
      ['my son has a high fever and his eyes rolled back, he is having a fit', 'medical'],
      ['theres water pouring into the metro station and people are stuck at the bottom of the escalator', 'flood'],
    ]);
  });
  it('feeling nobody would notice one gone, and violence at home told after the fact, are concerns the office reads', () => {
    for (const [text, kind] of [
      ['nobody would notice if I was gone', 'distress|suicide'],
      ['我消失了也没有人会发现', 'distress|suicide'],
      // Not wanting to wake up again is read as its English twin is: suicide risk, not distress only.
      ['屋企附近地盤日日朝早六點就開工打樁，不如消失咗算，唔想再醒返。', 'suicide'],
      ['我先生每次喝醉就摔東西 上禮拜把我推去撞牆 我現在住朋友家 想問可以申請保護令嗎', 'violence'],
      ["my husband hit me last week, I'm staying with my sister now. how do I get a protection order?", 'violence'],
    ] as const) {
      const o = crisis(text);
      assert.equal(o.level, 'concern', `${text}: ${o.cues.join(' ')}`);
      assert.ok(kind.split('|').some((k) => o.kinds.includes(k as never)), `${text}: ${o.kinds}`);
    }
  });
  it('ending things with a landlord, charcoal at a breakfast stall, food "bad enough to die" and a recovering stroke are no alarm', () => {
    for (const text of [
      "I'm going to end it with my landlord today, I've had enough of his excuses",
      "I'm ending things with my boss tomorrow, quitting this job",
      '樓下早餐店每天早上燒炭烤東西 煙好大 可唔可以查一下有冇牌照',
      '烧炭火锅店开在居民楼下面 合法吗',
      '食堂飯菜難吃到想死',
      "my friend's dad had a stroke last month but he's home now and recovering, can he get disability support?",
      '孩子的老师体罚学生，我儿子被罚站了一整天',
    ]) {
      assert.equal(crisis(text).level, 'none', `${text}: ${crisis(text).cues.join(' ')}`);
    }
    for (const text of ['我真係忍咗你哋好耐 成個月都冇人理我宗投訴 想死咩', '你们是不是想死，敢不回我消息', '他对我翻白眼，态度很差，我要投诉这个窗口工作人员']) {
      assert.notEqual(crisis(text).level, 'immediate', text);
    }
  });
  it('the same words with a life in them still raise the alarm', () => {
    for (const text of ["I'm going to end it tonight", 'I am ending things with my boyfriend tonight and then I will end it all', '我在车里烧炭了', '他想死，一直说要跳楼', '累到想死，不想活了', '老公正在打我，快来', '老师体罚学生，我儿子被打得流血了，现在还在学校']) {
      assert.equal(crisis(text).level, 'immediate', text);
    }
  });
});
