import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { modelAlarmGuard, modelConcernGuard } from '../../triage/crisis/guards.js';
import { normalize } from '../../triage/normalize.js';
import { alarmKinds, modelKind, kindHasWords } from '../../triage/crisis/kinds.js';
import { crisis, expectLevel } from '../helpers/triageProbe.js';

// Our own wording of what a tenth blind probe (four varieties, twelfth session: dangers told by a third party or inside a
// petition, children, elders, the disabled, violence in indirect words, medical emergencies) found; the probe itself stays
// outside the repository.
describe('crisis: tenth blind probe — misses', () => {
  it('someone else beaten now, told by the neighbour who sees it, is immediate', () => {
    for (const text of [
      '对面那家的女人刚才被她丈夫揪着头发拉到楼道里打，现在还在打着',
      '想問下垃圾站幾時搬。另外樓下個阿姐頭先俾佢老公扯咗出街打，而家仲喺停車場度打緊',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('violence'), `${text}: ${o.kinds}`);
    }
    // A game, a call or a match being played is not.
    expectLevel('none', ['我老公现在还在打着游戏，叫他吃饭都不理', '他们还在打着篮球，声音很大']);
  });

  it('a room sealed with charcoal behind it, a threat to finish what was started, are immediate in English', () => {
    expectLevel('immediate', [
      'the caretaker says flat 12 has towels stuffed along the bottom of the door and there is a charcoal smell in the corridor, the tenant is not answering',
      'my daughter just called, her boyfriend told her that if she leaves he will finish what he started, her nose is bleeding',
    ]);
  });

  it('someone gone under or struggling in the water is named drowning', () => {
    for (const text of [
      '河边有个小孩刚才在水里扑腾了几下就不见了',
      'my nephew was swimming off the pier and went under, he has not come back up',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('drowning'), `${text}: ${o.kinds}`);
    }
    // "he hasn't come up" to the flat is no water.
    assert.ok(!crisis("my ex drives past every night, he hasn't come up yet but he texts me photos").kinds.includes('drowning'));
  });
});

describe('crisis: tenth blind probe — concerns the cues did not know', () => {
  it('grief told as the days since is a distress concern, not suicide risk', () => {
    for (const text of [
      '老伴去年冬天走了，我现在每天还是做两个人的饭，吃的时候就想哭',
      '佢過咗身之後屋企好靜，我唔知之後啲日子點過',
      'my husband died in the spring and I keep making two cups of coffee every morning',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'concern', `${text}: ${o.cues.join(' ')}`);
      assert.deepEqual(o.kinds, ['distress'], text);
    }
    // A death told for the estate or a pension account is not grief the office must read.
    expectLevel('none', ['我父亲去年过世了，想问他的养老金账户怎么注销']);
  });

  it('an elder who wanders off or forgets the stove is a concern about their safety', () => {
    for (const text of [
      '我爸有老年痴呆，这个月已经两次被民警送回来了，他总是找不到回家的路',
      '阿爺成日唔記得熄爐，上個禮拜成個煲燒穿咗',
      'my grandfather keeps forgetting the hob is on, the pot burnt black last sunday',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'concern', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('child_elder'), `${text}: ${o.kinds}`);
    }
    // A question about an anti-wandering bracelet after a wandering years ago is not.
    expectLevel('none', ['我外公五年前走失过一次，后来找到了，请问防走失手环在哪里领']);
  });

  it('a child left alone evening after evening, marks on a teenager\'s arms, exhaustion: concerns', () => {
    expectLevel('concern', [
      'the 9 year old girl next door is home alone every night until midnight, her mum works at a bar',
      "my son's arms have thin cuts on them and he wears a hoodie even in this heat",
      '天天加班到凌晨，整个人都垮了，周末什么都不想做',
    ]);
  });
});

describe('crisis: tenth blind probe — concern, not the alarm', () => {
  it('thoughts of ending it held back by a child, a wish denied, a drunk habit between episodes', () => {
    expectLevel('concern', [
      '我想过好几次把药全部吃了一了百了，可是想到我儿子还小，就舍不得',
      'some nights I think my family would be better off without me. I am not going to do anything, I just wanted someone to know',
      '佢飲醉就會掟嘢鬧人，今日佢返咗鄉下，但係我成日都好驚',
    ]);
    // A time chosen or means ready keeps the alarm.
    expectLevel('immediate', ['我想过很多次一了百了，但是想到女儿就舍不得，可是今晚药已经准备好了']);
  });

  it('a grown son shut in his room for months is withdrawal, not violence', () => {
    const o = crisis('个仔失业之后一直躲在房间里打游戏，两个月没出过房门，也不跟我们说话');
    assert.equal(o.level, 'concern', o.cues.join(' '));
  });
});

describe('crisis: tenth blind probe — false alarms', () => {
  it('fiction being written, a fight that turned out to be a match, heating with charcoal, coffee, a joke', () => {
    expectLevel('none', [
      '我在写一个剧本，讲一个独居老人煤气中毒的故事，想问社区网格员一般多久上门一次',
      '半夜听到楼上像在打架，第二天问了才知道是在看拳击比赛，能不能管管噪音',
      '以前冬天村里很多老人烧炭取暖，想问今年有没有发放取暖器',
      'I think I overdosed on caffeine this morning haha, what time does the counter open?',
      '我老公打呼噜像拖拉机一样，哈哈，开玩笑的，想问一下办居住证要什么材料',
    ]);
  });

  it('a joke drops the model\'s lone note, but not beside a death wish', () => {
    assert.equal(modelConcernGuard('我老公打呼噜像火车一样 哈哈'), 'joke_not_concern');
    assert.equal(modelConcernGuard('有时候真想睡着就不要醒来 哈哈'), null);
    assert.equal(modelConcernGuard('i overdosed on sugar at the party lol'), 'joke_not_concern');
  });

  it('a panic attack years ago asked about for a form is a question', () => {
    expectLevel('none', ['I had panic attacks at university years ago, do I have to declare that on the application form?']);
  });
});

describe('crisis: the kind a concern note names follows what is said', () => {
  it('hardship, burnout and loneliness are distress (情绪困扰), not suicide', () => {
    for (const text of [
      '打了三份工还是还不上房贷，每天都很焦虑，不知道怎么办',
      "I've been on night shifts for half a year, I'm tired all the time and I feel empty",
      '一個人喺深圳，放工返到屋企都冇人講嘢，好孤獨',
    ]) {
      const o = crisis(text);
      if (o.level === 'none') continue;
      assert.ok(!o.kinds.includes('suicide') && !o.kinds.includes('self_harm'), `${text}: ${o.kinds} ${o.cues.join(' ')}`);
    }
  });

  it('a wish not to wake up, being gone, being a burden keep the suicide kind', () => {
    for (const text of ['有时候真希望睡着了就不要醒来', 'sometimes I think it would be easier for everyone if I was gone']) {
      const o = crisis(text);
      assert.notEqual(o.level, 'none', text);
      assert.ok(o.kinds.includes('suicide'), `${text}: ${o.kinds} ${o.cues.join(' ')}`);
    }
  });

  it('the model head\'s self-directed kind needs words behind it', () => {
    assert.equal(modelKind(['suicide'], '老公走了以后家里空荡荡的'), 'distress');
    assert.equal(modelKind(['suicide'], '活着真的好累，不想再醒来'), 'suicide');
    assert.equal(modelKind(['suicide', 'violence'], 'he shouts at me every night'), 'violence');
    assert.equal(modelKind(['overdose'], 'I cannot sleep and feel low'), 'distress');
    assert.equal(modelKind(['overdose'], 'how many of these pills is too many'), 'overdose');
    assert.equal(modelKind(['suicide'], 'my dad said his fingers went numb for a minute last week'), 'medical');
    // Figures of speech with 死 are not a death wish.
    assert.equal(kindHasWords('suicide', '加班累死了，热到要死'), false);
  });

  it('an alarm keeps the head\'s kind: an implied farewell is named suicide', () => {
    const o = crisis('該交代嘅都寫低咗喺枱面，我走先');
    if (o.level === 'immediate') assert.ok(!o.kinds.includes('distress'), o.kinds.join(','));
  });
});

describe('crisis: after the tenth probe — a child beaten as a habit, waste burnt as a nuisance', () => {
  it('a child beaten at home again and again, told by a neighbour or a teacher, is a concern about a child', () => {
    for (const text of [
      '楼上那家的男孩几乎每天晚上都被他妈妈用衣架打，哭得整栋楼都听到',
      '我係老師，班上有個學生手上成日都有瘀青，問佢話係阿爸打嘅',
      'The girl across the hall is slapped by her stepfather almost every evening, the bruises show when she comes to school',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'concern', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('child_elder'), `${text}: ${o.kinds}`);
    }
    // Heard through the wall this evening, the model may read it as happening now: an alarm is right then too.
    const now = crisis('The girl across the hall is slapped by her stepfather almost every evening, I can hear it through the wall');
    assert.notEqual(now.level, 'none');
    assert.ok(now.kinds.includes('child_elder'), now.kinds.join(' '));
    // Told of one's own childhood, no child is at risk now (the cue stands aside); a beating happening now stays immediate.
    const past = crisis('When I was a kid my mum hit me with a belt every evening, and I still think about it when I see belts in shops');
    assert.ok(!past.cues.includes('cue:child_abused') && past.level !== 'immediate', past.cues.join(' '));
    expectLevel('immediate', ['对面的小孩现在正在被他爸打，一直在惨叫，怎么办']);
  });

  it('a factory or a neighbour burning rubbish is a nuisance, not a fire; a fire spreading from it still is', () => {
    expectLevel('none', ['The workshop next to the park keeps burning plastic scraps after dark and the smoke makes my son cough']);
    expectLevel('immediate', ['They were burning rubbish in the lot and now the fire has reached the parked cars, flames everywhere']);
  });
});

describe('crisis: an alarm about someone else\'s violence is not named suicide', () => {
  it('a child beaten and afraid to go home, a woman locked in beside a knife: violence (and a child at risk), not 自杀风险', () => {
    const child = crisis('我是幼儿园老师，有个小朋友今天脸上又有新的红印，说昨晚妈妈用衣架打她，现在一直哭着说不敢回家，她妈妈已经在门口等了');
    if (child.level === 'immediate') {
      assert.ok(child.kinds.includes('child_elder'), child.kinds.join(' '));
      assert.ok(!child.kinds.includes('suicide'), child.kinds.join(' '));
    } else assert.equal(child.level, 'concern', child.cues.join(' '));
    assert.deepEqual(alarmKinds(['suicide', 'distress'], '他把门反锁了不让我出去，菜刀就摆在桌上'), ['violence']);
    assert.deepEqual(alarmKinds(['suicide'], 'my pupil says his dad will beat him when he gets home and he is shaking'), ['violence', 'child_elder']);
  });

  it('an implied farewell, or words of ending one\'s own life beside a beating, keep the head\'s kind', () => {
    assert.deepEqual(alarmKinds(['suicide'], '我先走了，该交代的都写在桌上了'), ['suicide']);
    assert.deepEqual(alarmKinds(['suicide'], '他又打我了，我不想活了'), ['suicide'], 'her own death wish is named');
    assert.deepEqual(alarmKinds(['fire'], '他打我'), ['fire'], 'only a self-directed head is reconsidered');
    assert.deepEqual(alarmKinds([], '他打我'), []);
  });
});

describe('crisis: complaints the model alone read as danger in the twelfth session\'s routing probes', () => {
  it('a phone scam told to get the money back, an unlicensed clinic, officers taking a stall, trees felled: no alarm', () => {
    // The model alone had sent this the suicide reply (0.58).
    expectLevel('none', ['someone from the bank called and said my card was frozen, I told him the code and 20000 is gone. please help me catch him']);
    // Each form drops the model's lone alarm, whatever the model reads on the day.
    for (const text of [
      'a man pretending to be from customs phoned me, I paid the "fine" and lost 8000, please help me find him',
      'there is an unlicensed dentist above the market doing fillings with dirty tools, my neighbour got an infection after',
      'the chengguan officers confiscated a grandpa\'s fruit cart outside the metro exit, he was so upset',
      '後山有人圍咗塊地，斬晒啲樹起貨倉',
    ]) assert.equal(modelAlarmGuard(normalize(text).normalized, false)?.level, 'none', text);
  });

  it('a scam beside a death wish, officers who beat someone, a hillside that slid: still danger', () => {
    expectLevel('immediate', ['I was scammed out of all my savings and I am on the roof now, I want to jump']);
    assert.notEqual(crisis('城管把老人的菜摊掀了，还把她推倒在地上，她现在起不来').level, 'none');
    expectLevel('immediate', ['山上的树被砍光以后，今天山体滑坡把两间房压住了，里面还有人']);
  });

  it('a fire told with the Hong Kong 早前 / 早排 is past: the matter, not the fire alarm', () => {
    expectLevel('none', ['我們家早前遇到火災，東西都燒了，申請臨時救助兩個月都沒有回覆', '我哋屋企早排火燭，而家住喺親戚度，想問有冇補助']);
    expectLevel('immediate', ['早排隔籬屋都試過火燭，而家我屋企又着火，好大煙']);
  });
});

describe('crisis: an elder living alone, told as a bare fact', () => {
  it('is a concern the office reads, not the 110/119/120 reply; any sign that something is wrong keeps the alarm', () => {
    assert.equal(modelAlarmGuard(normalize('我阿爸一個人住，已經88歲').normalized, false)?.cues[0], 'elder_alone_not_danger');
    assert.equal(modelAlarmGuard(normalize('my grandma lives alone, she is 91').normalized, false)?.cues[0], 'elder_alone_not_danger');
    for (const text of [
      '我阿爸一個人住，由琴日開始打電話都冇人聽',
      'my grandma lives alone and her post has piled up for days',
      '外婆独居，刚才说胸口好痛',
      'the old man downstairs lives alone and I can hear knocking on the pipes but he does not open the door',
    ]) assert.notEqual(modelAlarmGuard(normalize(text).normalized, false)?.cues[0], 'elder_alone_not_danger', text);
  });
});
