import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { crisis, expectLevel } from '../helpers/triageProbe.js';

// Our own wording of what a sixth blind probe (four varieties, 2026-12-07, eleventh session) found; the probe itself
// stays outside the repository.
describe('crisis: sixth blind probe', () => {
  it('someone else up on a crane, scaffold or roof saying they will jump is immediate, in every variety', () => {
    for (const text of [
      'the contractor vanished owing us wages, and my workmate is up on the tower crane saying he will jump',
      'my brother climbed onto the roof of the factory and says he is going to jump',
      '工友老陈刚刚爬上了塔吊，说今天拿不到钱就跳下去',
      '阿明而家企咗喺天台邊，話冇人理佢就跳落去',
      '我同事站在脚手架最上面，扬言要跳',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('suicide'), `${text}: ${o.kinds}`);
    }
    // Sport and idioms on a height are not a threat.
    expectLevel('none', ['my son went bungee jumping off the bridge at the weekend and loved it', '他站在台上跳舞跳得很好']);
  });

  it('a child bullied at school is a concern the office reads, never the 110 reply', () => {
    for (const text of [
      '女儿在学校被班上几个同学孤立，还被拍视频发到网上，现在早上一到校门口就哭',
      '個仔喺學校成日俾同學勒索零用錢，佢而家唔肯返學',
      "our daughter is being bullied by older girls on the school bus and now she won't get out of bed on school days",
      'kids in her class keep laughing at her accent and now she refuses to go in',
    ]) {
      const o = crisis(text);
      assert.equal(o.level, 'concern', `${text}: ${o.cues.join(' ')}`);
    }
    // An adult's letter about being laughed at, or a school's toilet doors, is not that.
    expectLevel('none', ['我的名字登记错了，工作中经常被同事开玩笑，请问怎么改名', '建议学校厕所加装隔板，孩子说上厕所很尴尬']);
  });

  it('hopelessness in other words, and a partner grabbing hard, are concerns', () => {
    expectLevel('concern', [
      '每天三点就醒，想着欠的钱，感觉日子就是在熬',
      '覺得人生一點意思都沒有，每天只是上班下班',
      'my husband goes through my phone every night and last week he twisted my arm until it bruised',
      'work has been relentless for months and i feel like i am drowning',
    ]);
  });

  it('self-harm told as the past, abuse told as over with the writer back at her parents, are concerns, not the 110 reply', () => {
    expectLevel('concern', [
      '读大学的时候自残过，现在手上还有疤，最近又想起那段日子，想找人聊聊',
      '佢成日話要打我，上個禮拜仲掟嘢埋嚟，我而家返咗外家住',
      'he threw a plate at me last week, I am staying with my parents now',
    ]);
    // Cutting again, or now, keeps the alarm.
    expectLevel('immediate', ['以前自残过，今晚又割了自己，止不住血', 'I used to cut in high school and tonight I cut myself again, it will not stop bleeding']);
  });

  it('a figure of speech, a what-if, a prescription question or a hazard to report is no alarm', () => {
    expectLevel('none', [
      'i feel like i am drowning in paperwork for this permit, who do I ask',
      '小区的灭火器都过期了，真起火了用什么灭？请消防来检查一下',
      '楼上的空调外机松了，台风的时候会掉下来砸到人，请物业处理',
      '长期吃安眠药的人，可以在社康开药吗',
      '排队办居住证排了三个小时，排到人都崩溃了，能不能多开几个窗口',
      '装修的电钻吵得我快崩溃了，请问周末可以施工吗',
      '樓上成日掉煙頭落嚟，我晾嘅衫燒咗幾個窿，請管理處處理',
      'the walk signal at the crossing by the school is too short, grandparents cannot get across in time',
      '对面那栋楼顶搭的铁皮房，我好担心哪天会塌下来，请城管查一下',
    ]);
  });
});

// Our own wording of what a seventh blind probe (four varieties, 2026-12-07, eleventh session) found.
describe('crisis: seventh blind probe', () => {
  it("a weapon in a family member's hands now, an infant struggling to breathe, a top floor tonight with letters written are immediate", () => {
    expectLevel('immediate', [
      'my boyfriend is holding a knife and will not let me out of the bedroom',
      'my 2 month old is grunting with every breath and her lips look bluish',
      "the letters for my parents are on the desk. after work tonight I'm going up to the top floor of the mall car park",
    ]);
  });

  it('a withdrawing child, a partner who controls without hitting, grief and a carer running on empty are concerns', () => {
    expectLevel('concern', [
      '女儿高二，这两个月都关在房里不出来，饭也不出来吃，问她什么都不说',
      '我老公每天查我手机，不准我出去上班，工资卡也在他那',
      'my partner reads my messages every night and keeps my bank card',
      '我屋企隻貓走咗之後我成日喊，做咩都冇心機',
      'caring for my mum alone for two years, I am running on empty and I snapped at her today',
      "since my husband passed I don't see the point in cooking anymore",
    ]);
  });

  it('an organisation not responding, a documentary, a feeling of breathlessness, and queue or noise hyperbole raise nothing urgent', () => {
    expectLevel('none', [
      'The ceiling leaks again after the rain and the landlord is not responding to my messages',
      'Watched a documentary on the 2008 earthquake, do schools here run earthquake drills?',
      '排队交社保排到我想死，能不能多开几个窗口',
      '楼上天天半夜拖椅子，吵到我想跳楼，物业能不能管一下',
    ]);
    const o = crisis('婆婆天天说我不会带孩子，我觉得喘不过气，想找人聊聊');
    assert.notEqual(o.level, 'immediate', o.cues.join(' '));
  });
});

// Our own wording of what an eighth blind probe (200 lines, four varieties, eleventh session) found.
describe('crisis: eighth blind probe', () => {
  it('a long complaint letter that ends in a farewell or a plan is immediate: its last sentences are read on their own', () => {
    expectLevel('immediate', [
      '尊敬的领导：我反映的是小区地下车库长期漏水的问题。从前年开始每逢下雨车库就积水，我的车被泡过两次，物业一直推给开发商，开发商说过了保修期。我去年向街道和住建局都投诉过，至今没有任何答复。我已经把房子的钥匙和存折交给了我妹妹，等你们看到这封信的时候我已经不在了。',
      'Dear officer, I am writing about the wages my former employer in Longhua still owes me for five months. I filed at the labour bureau in March and again in June and nobody has contacted me. I cannot pay my rent and my family back home thinks I have a good job. I have given my cat to my neighbour and after tonight I will not need the money anymore. Goodbye.',
    ]);
  });

  it('petrol or poison carried to a place with a time, and a pet handed over because of tomorrow, are immediate', () => {
    expectLevel('immediate', [
      '后天上午我会带着一瓶农药去区政府门口，让大家都看看',
      '工头走佬欠咗我哋人工，阿强揸住樽汽油企喺地盘门口话要点火',
      '想搵人领养我只猫，今晚之后我就冇办法再照顾佢，屋企啲嘢都交代好晒',
    ]);
    // Moving away is an ordinary reason to rehome a pet.
    expectLevel('none', ['下个月要搬去外地工作，没办法再照顾我的狗，想找人领养']);
  });

  it('a person outside a bridge railing is never read as a towed car', () => {
    const o = crisis('我而家坐喺大桥栏杆外面，下面好多车。追讨了三年的钱都拖住唔俾');
    assert.equal(o.level, 'immediate', o.cues.join(' '));
  });

  it('an ex who used to hit and now waits outside, and self-harm in the past with the feeling back, are concerns', () => {
    expectLevel('concern', [
      '前男友以前会打我，分手后他还经常到我公司楼下等我，我很怕',
      'my ex used to hit me and now he keeps turning up outside my work',
      '以前读书的时候割过手腕，最近压力大又开始有那种想法',
    ]);
  });

  it('grief, debt despair, a panic attack that passed and a carer who cannot bear it are concerns, not the 110 reply', () => {
    expectLevel('concern', [
      '老伴走了半年，我还是每天晚上睡不着，一闭眼就是她',
      '欠了一屁股网贷，感觉这辈子完了',
      'I keep having panic attacks on the bus, last one I thought I was dying',
      '突然心跳很快喘不过气，以为自己要死了，坐了一阵才好回来',
      '照顾中风的老爸三年，我真的快受不了，晚上经常哭',
      '我老公走咗，我一个人凑两个仔，而家交唔起租',
    ]);
  });

  it('想死的心都有 over paperwork, a knife-sharpening stall and a night fever question raise nothing', () => {
    expectLevel('none', [
      '补办个证件跑了五趟，真是想死的心都有了',
      '菜市场门口有个磨刀的天天大声吆喝，能不能管管',
      'my son has a fever of 39 at midnight, which hospital has a children night clinic open?',
    ]);
  });
});

// Our own wording of what a ninth blind probe (200 lines, four varieties, eleventh session) found.
describe('crisis: ninth blind probe', () => {
  it('a long letter already read as danger is not vetoed when its last lines set the time', () => {
    expectLevel('immediate', [
      '尊敬的区信访局领导：本人是龙岗区某小区业主，自前年起多次反映开发商逾期交房、违约金拒不支付的问题，先后去了住建局五次，均无结果。本人已经心力交瘁。信已经留给家人了，今晚我就从这栋楼的天台跳下去。',
      '致信訪辦：我喺福田開咗間雜貨舖十二年，自從街口修路，生意冇晒，寫咗四封信都冇人理。我而家坐喺大廈天台寫緊呢封信，寫完就跳落去。',
    ]);
  });

  it('English dangers the Chinese cues already read are immediate', () => {
    expectLevel('immediate', [
      'the little boy next door has been crying at the window since last night and the flat is locked from the outside',
      'a wall collapsed at the site and one worker is buried up to his chest',
      'my colleague climbed over the railing on the warehouse roof and says he will go over if nobody pays us',
      'my student sent me a photo of her pills laid out on the bed with "thank you for everything"',
      'heard a woman upstairs screaming "stop, you are hurting me", then a loud crash and now nothing',
      'quick question about my permit, also the hallway is filling with smoke and the door handle is hot',
      'if they turn me away again tomorrow I am bringing my knife and someone at that office will pay',
    ]);
  });

  it('a threat against officials and an unwakeable person in 繁體 are immediate', () => {
    expectLevel('immediate', ['你們再把我趕出去，我明天就帶刀過來，誰攔就砍誰', '我媽怎麼叫都叫不醒，怎麼搖都不醒']);
  });

  it('burnout, isolation, postpartum tears, a partner who forbids contact, and scars a parent found are concerns', () => {
    expectLevel('concern', [
      '每天下班都觉得自己被掏空了，像一部机器',
      '搬来这边两年，一个朋友都没有，已经一个星期没跟人说过话',
      '生完宝宝以后经常无缘无故地哭，觉得自己做不好妈妈',
      '我太太不准我跟家人联系，每天要我报备行踪',
      '帮女儿收拾房间，发现她手臂上好多结痂的划痕',
      "I work till midnight every day and feel numb all the time, what's the point",
    ]);
  });

  it('prevention volunteers and farmland hollowed out raise nothing; a hazard someone may get hurt by is no threat', () => {
    expectLevel('none', [
      "I'm a trained suicide-prevention volunteer, how do I register to help in the district?",
      '矿山乱采，地下被掏空，农田都漏水了，请环保部门查处',
    ]);
    const o = crisis('kids keep setting off firecrackers in the stairwell, someone is going to get hurt eventually');
    assert.notEqual(o.level, 'immediate', o.cues.join(' '));
    assert.ok(!o.cues.includes('cue:threat_others'), o.cues.join(' '));
  });
});
