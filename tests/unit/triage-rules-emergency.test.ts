import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { detectEmergency, explainEmergency, isLetter, type EmergencyKind } from '../../triage/emergency.js';
import { normalize } from '../../triage/normalize.js';

const detect = (text: string) => {
  const n = normalize(text);
  return detectEmergency(n.normalized, n.original);
};

// Our own examples, written for these rules (never copied from the evaluation files).
const POSITIVES: Array<[string, EmergencyKind]> = [
  ['我真的不想活了', 'suicide'],
  ['活着没意思,谁也不在乎我', 'suicide'],
  ['我想死', 'suicide'],
  ['我现在站在楼顶,想跳楼', 'suicide'],
  ['最近总想轻生', 'suicide'],
  ['我攒了一瓶安眠药', 'suicide'],
  ['我想结束自己的生命', 'suicide'],
  ['我已经写好了遗书', 'suicide'],
  ['我又割腕了', 'self_harm'],
  ['他在打我,我躲在厕所里', 'violence'],
  ['楼下有人正在打人,好多血', 'violence'],
  ['有个男的拿刀在街上追人', 'violence'],
  ['老公喝醉了正在家暴我', 'violence'],
  ['他威胁要弄死我全家', 'violence'],
  ['有人在撬我家的门', 'violence'],
  ['我们楼着火了!', 'fire'],
  ['仓库起火了', 'fire'],
  ['隔壁冒烟了,好像有火', 'fire'],
  ['电动车充电的时候冒烟了', 'fire'],
  ['家里煤气泄漏了', 'gas'],
  ['楼道里燃气味很重', 'gas'],
  ['我爸突然晕倒了', 'medical'],
  ['奶奶昏倒在地上不省人事', 'medical'],
  ['他好像心脏病发作了', 'medical'],
  ['孩子呼吸困难,脸色发青', 'medical'],
  ['手被割到了大出血', 'medical'],
  ['有个小孩掉进水里了', 'drowning'],
  ['有人溺水', 'drowning'],
  ['地震了,房子在晃', 'disaster'],
  ['山体滑坡把路埋了,车里还有人', 'disaster'],
  ['我们被洪水围困在村里', 'disaster'],
  ['台风把屋顶掀了,我们躲在床底下', 'disaster'],
  ['电梯卡住了,我被困在里面', 'disaster'],
  // 繁體
  ['我真的不想活了,活著沒意思', 'suicide'],
  ['我想自殺', 'suicide'],
  ['他拿著刀在門口', 'violence'],
  ['廚房著火了', 'fire'],
  ['家裡煤氣洩漏', 'gas'],
  ['阿嬤突然暈倒', 'medical'],
  ['有小朋友溺水', 'drowning'],
  ['我真係唔想活落去', 'suicide'],
  ['樓下火燭呀', 'fire'],
  // 着 and 火 apart: 着了火 / 着咗火 had rested on the model, which read a bin fire as none.
  ['後巷啲垃圾桶着咗火，燒緊', 'fire'],
  ['楼道里的纸箱着了火', 'fire'],
  ['阿爺暈咗', 'medical'],
  ['屋企煤氣漏', 'gas'],
  // Issue 10, more explicit forms per variety (our own wording).
  ['佢返嚟又打人,我哋好驚', 'violence'],
  ['他又来打人了,孩子在哭', 'violence'],
  ['my grandpa isnt breathing', 'medical'],
  ["She isn't breathing and has no pulse", 'medical'],
  ['阿爺冇咗呼吸,點叫都叫唔醒', 'medical'],
  ['奶奶额头的伤口还在流血,止不住', 'medical'],
  ['He put his hands round my neck and I can barely talk', 'violence'],
  ['修路把燃气管道挖断了,一直在喷气', 'gas'],
  ['施工把瓦斯管挖斷了', 'gas'],
  ['我停唔到手,一路用頭撞牆', 'self_harm'],
  ['我一直拿头撞墙,停不下来', 'self_harm'],
  ['我們被困在屋頂', 'disaster'],
  // English
  ['I want to kill myself', 'suicide'],
  ['I am going to end my life tonight', 'suicide'],
  ['I keep cutting myself', 'self_harm'],
  ['My husband is beating me right now', 'violence'],
  ['He has a knife and is shouting outside my door', 'violence'],
  ['Our building is on fire', 'fire'],
  ['There is smoke everywhere in the corridor', 'fire'],
  ['I smell gas in the stairwell', 'gas'],
  ['My mother collapsed and is unconscious', 'medical'],
  ['He cannot breathe', 'medical'],
  ['A child is drowning in the pond', 'drowning'],
  ['We are trapped by the flood', 'disaster'],
  ['救命!', 'other'],
  ['我老婆吃了一整瓶药,叫不醒', 'suicide'],
  ['我朋友说他想不开', 'suicide'],
  ['他喝了农药', 'suicide'],
  ['我儿子被人捅了一刀', 'violence'],
  ['有个男的一直跟着我,我很害怕', 'violence'],
  ['楼上一直有烧焦的味道,还冒黑烟', 'fire'],
  ['有个老人倒在路边不动了', 'medical'],
  ['孩子误吞了硬币', 'medical'],
  ['楼下有个人躺在那里一动不动', 'medical'],
  ['暴雨,地下车库进水了,车里有人出不来', 'disaster'],
  ['工地脚手架倒了,压到人了', 'disaster'],
  ["I don't see the point of living anymore", 'suicide'],
  ['It smells like gas in here', 'gas'],
  ['Someone fell into a river near the park', 'drowning'],
  ["My father fell and can't get up", 'medical'],
  ['小区门口一辆电动车突然自燃了', 'fire'],
  ['我老公说要带着孩子一起死', 'suicide'],
  ['他拿着棍子在楼下追打别人', 'violence'],
  ['孩子从楼上摔下来了', 'medical'],
  ['我怀孕了,肚子很痛还在流血', 'medical'],
  ['My son swallowed a battery', 'medical'],
  ['The water is up to our chest and rising', 'disaster'],
  // Short reports that the hazard and tense guards must leave alone.
  ['快来人啊,三楼有人拿刀砍人', 'violence'],
  ['隔壁家里冒出好多烟,好像着火了', 'fire'],
  ['楼下可能着火了,一股烧焦的味道', 'fire'],
  ['我闻到很浓的煤气味,是不是漏气了', 'gas'],
  ['我爸刚才摔倒了起不来,叫他也没有反应', 'medical'],
  ['孩子掉到小区的池塘里了', 'drowning'],
  ['地下室进水了,我妈还在里面出不来', 'disaster'],
  ['他每天都打我,今天又打我了,我好怕', 'violence'],
  ['我现在就想从楼上跳下去', 'suicide'],
  ['我不想活了,刚刚吞了一瓶药', 'suicide'],
  ['工地的塔吊倒了,压到人了', 'disaster'],
  ['地铁站里有人突然倒地,没有呼吸了', 'medical'],
  ['去年就着过一次火,今天下午又起火了,火还没灭', 'fire'],
  ['我要举报,隔壁出租屋里有人拿刀砍人,地上全是血,男的已经跑了,女的倒在门口不动了,我不敢出去,请你们马上派人过来', 'violence'],
  ['我老公正在打我,快報警', 'violence'],
  ['樓下餐廳失火,濃煙好大', 'fire'],
  ['有個小朋友跌咗落泳池度,掉到泳池里了', 'drowning'],
  ['There is a fire in the kitchen downstairs', 'fire'],
  ['Help, a man with a knife is chasing people in the mall', 'violence'],
  ['My grandfather collapsed and is not breathing', 'medical'],
];

const NEGATIVES = [
  '消防通道被电动车占了,物业不管',
  '楼道里的灭火器都过期了,存在火灾隐患',
  '去年我们小区着过火,现在消防设施还没修好',
  '去年仓库着了火以后,消防通道到现在还堵着',
  '孩子趴在窗口看着火车开过去',
  // A past fire told in 繁體: the 简体 reading rejects it as past; the resident's own script must not override that.
  '上個月家裡失火，東西都燒光了，想申請救助',
  '去年樓下餐廳起火以後，消防通道一直被佔用',
  // Questions about what to do in a fire (the bare word fire had raised the alarm).
  'Are we supposed to use the lift during a fire?',
  'what should old people on high floors do in a fire',
  '气死我了,物业又乱收费',
  '烦死了,楼上天天装修',
  '累死了,加班三个月还不给加班费',
  '笑死,公交站牌写错了',
  '饭店油烟太大,熏得我们没法开窗',
  '工厂烟囱一直冒浓烟,污染很严重',
  '家暴可以申请离婚吗?需要什么证据',
  '夫妻吵架以后他不给生活费',
  '我的轮胎漏气了,路上有钉子没人清',
  '每天要吃安眠药才能睡着,很焦虑',
  '这个月水涨价了,为什么',
  '房价暴涨,我们买不起房',
  '把小区的树都砍了,绿化没了',
  '投诉了三次都没有反应',
  '公司快不行了,老板拖欠工资',
  'The fire exit in our building is blocked by bikes',
  'The fire extinguishers have expired',
  'This job is killing me, I never get overtime pay',
  'I feel trapped in my marriage',
  'Last year there was a fire in our block and the repairs are still not done',
  'My boss threatened to fire me if I complain',
  'The restaurant smoke from the kitchen fan is terrible',
  '老人家住在一楼,担心下大雨会被淹',
  '工厂排放黑烟,污染严重',
  '楼道堆满杂物,一旦发生火灾后果不堪设想',
  '电线裸露在外面,小孩容易触电',
  '小区已经发生过两次火灾了,消防栓还是坏的',
  "I can't get up early because of the noise at night",
  'The wiring is a fire hazard and could cause a fire',
  // Hazard and complaint vocabulary, past events, billing and figures of speech.
  '小区的生命通道被私家车堵死了,一旦发生火灾消防车根本进不来',
  '燃气公司上门换表以后要我们补缴三百元燃气费,这合理吗',
  '发电厂的烟囱整天浓烟滚滚,附近居民都不敢开窗',
  '工地打桩的声音跟放炮一样,晚上十二点还不停',
  '隔壁装修的电钻声让我头都要炸了',
  '街道对我家进行暴力强拆,至今没有给任何补偿',
  '上周我家楼下的电动车充电起火,物业到现在还不处理',
  '公司法人已经失踪半个月,工资一直没发',
  '开发商搞塌方式的违建,没人管',
  '两户人家的门一开就打架,根本没法同时出门',
  '电表箱装在门口,万一漏电起火谁负责',
  '我小时候差点淹死,现在看到河就害怕,想找人聊聊',
  '去年台风把我们村的房子吹倒了,到现在补助还没发',
  '楼顶的广告牌松动了,刮大风时随时可能砸伤人',
  '高压线从小区上空经过,下雨天有被电击的危险',
  '高层走廊的栏杆太矮,孩子有坠楼的风险',
  // Past by a count of weeks or months, Cantonese past, a scam, a figure of speech, a negation in 繁體.
  '三个星期前我妈在家晕倒,救护车等了很久,想投诉',
  '兩個月前大樓火警,消防車找不到消防栓,請改善',
  '舊年屋企附近火燭,到而家條走廊仲係黑晒',
  'I nearly had a heart attack when the parking fine arrived',
  'The landlord is bleeding us dry with fees',
  '外牆石屎剝落,還沒有砸到人,請派人檢查',
  '这是我们的救命钱,请政府帮我们追回来',
  '业主走投无路,只能向政府求救',
  '压路机一过,整栋楼像地震一样晃',
  '他等消息等得心都凉了,就像掉到海里一样没人管',
  "Our landlord's wiring is a fire hazard, if a fire broke out nobody could get out",
  'The gas company charged us twice for the meter replacement',
  'The pile driver sounds like an explosion every morning at six',
  'Last month a man was stabbed near the station and the street lights are still broken',
];

// Long letters to the office: the first 120+ characters are an ordinary complaint, then either an
// emergency (must fire) or only narrated / hazard talk (must not). Our own texts.
const LETTER_ZH =
  '尊敬的领导:我们小区的物业公司长期不作为,垃圾堆在楼道里没人清理,电梯经常坏,业主多次打电话反映都没有结果,' +
  '物业费却年年上涨,停车位也被外来车辆占满,晚上回家根本找不到地方停车,老人和孩子出入都很不方便。';
const LETTER_HANT =
  '尊敬的領導:我們小區的物業公司長期不作為,垃圾堆在樓道裡沒人清理,電梯經常壞,業主多次打電話反映都沒有結果,' +
  '物業費卻年年上漲,停車位也被外來車輛佔滿,晚上回家根本找不到地方停車,老人和孩子出入都很不方便。';
const LETTER_EN =
  'Dear Sir or Madam, I am writing to complain about the management company of our estate. For two years they ' +
  'have ignored the rubbish in the stairwells, the broken lift and the leaking roof, and every time we call they ' +
  'promise to send someone and nobody comes. The service fee has gone up twice in that time. ';

const LETTER_POSITIVES: Array<[string, EmergencyKind]> = [
  [`${LETTER_ZH}我已经实在没有办法了,我现在就站在楼顶,你们再不管我就从这里跳下去。`, 'suicide'],
  [`${LETTER_ZH}公司又拖欠了一年的工资,家里老人生病没钱治,我已经走投无路,真的活不下去了。`, 'suicide'],
  [`${LETTER_ZH}邻居因为车位和我们吵了很久,他现在正拿着菜刀在我家门口,说要砍死我,求你们快派人来!`, 'violence'],
  [`${LETTER_ZH}隔壁那个男的喝醉了一直在砸我家的门,说要弄死我们,孩子吓得一直哭。`, 'violence'],
  [`${LETTER_ZH}就在刚才,三楼的电线又着火了,烟已经冒到我家,我们家老人下不去楼。`, 'fire'],
  [`${LETTER_ZH}去年就着过一次火,今天下午楼下又起火了,现在火还没灭。`, 'fire'],
  [`${LETTER_ZH}我家楼下的饭馆着火了,火很大,我们一家住在楼上下不来了,请马上派消防车来。`, 'fire'],
  [`${LETTER_ZH}楼道里现在全是煤气味,燃气公司的电话一直打不通,我们不敢开灯。`, 'gas'],
  [`${LETTER_ZH}今天我母亲来街道办反映这些问题,刚才在办事大厅里突然晕倒了,现在叫不醒。`, 'medical'],
  [`${LETTER_ZH}现在外面暴雨,村里的河水暴涨,我们一家被困在二楼,水还在涨。`, 'disaster'],
  [`${LETTER_ZH}小区旁边的鱼塘没有护栏,刚刚有个小孩掉进水里了,快来救人!`, 'drowning'],
  [`${LETTER_HANT}現在樓下的餐廳著火了,濃煙已經衝上來,我們一家被困在七樓出不去,請馬上派人來救我們!`, 'fire'],
  [`${LETTER_HANT}我真的撐不下去了,不想活了。`, 'suicide'],
  [`${LETTER_HANT}他現在正在打我,我躲在廁所裡。`, 'violence'],
  [`${LETTER_EN}Right now there is smoke pouring out of the flat below mine and I can hear people screaming for help.`, 'fire'],
  [`${LETTER_EN}I cannot take this anymore. I am going to end my life tonight.`, 'suicide'],
  [`${LETTER_EN}As I write this, my neighbour is trying to break into my flat with a knife.`, 'violence'],
  [`${LETTER_EN}My mother has just collapsed in the lobby and she is not breathing, please send an ambulance.`, 'medical'],
];

const LETTER_NEGATIVES = [
  `${LETTER_ZH}2018年5月小区地下车库发生火灾,烧毁了十几辆车。现在两年过去了,消防设施还是没有修好,我们每天都提心吊胆。`,
  `${LETTER_ZH}物业保安曾经殴打过维权的业主,派出所至今没有处理结果,请领导督促调查。`,
  `${LETTER_ZH}这栋楼的外墙瓷砖经常脱落,有一次差点砸到路过的老人,现在还是没人修。`,
  `${LETTER_ZH}电动车都在楼道里充电,如果发生火灾,我们只能眼睁睁看着大火烧到家里。`,
  `${LETTER_ZH}元月十号那场大火之后,开发商答应的赔偿一直没有兑现。`,
  `${LETTER_ZH}听说老板跑路的消息,好几个老人当场昏倒,这件事政府必须给个说法。`,
  `${LETTER_ZH}开发商用各种理由无理绑架业主,收房时还扬言要找人殴打我们。`,
  `${LETTER_ZH}燃气公司说我们家的表具有问题,要换表还要补缴燃气费,这是他们的漏洞。`,
  `${LETTER_ZH}我们小区的电梯使用多发困人故障,上个月还有孩子被困了一个小时。`,
  `${LETTER_ZH}业主被逼无奈,只能向政府求救,恳求领导为我们做主。`,
  `${LETTER_HANT}去年颱風過後,小區的擋土牆出現裂縫,如果再下大雨很可能發生山體滑坡。`,
  `${LETTER_EN}Last winter a fire broke out in the bin store and it took the fire brigade an hour to get in because the gate was locked.`,
  `${LETTER_EN}If there were a fire tonight, the blocked exit would trap everyone on the upper floors.`,
];

describe('emergency rules', () => {
  for (const [text, kind] of POSITIVES) {
    it(`recognises ${kind}: ${text}`, () => {
      const r = detect(text);
      assert.ok(r, `expected an emergency for: ${text}`);
      assert.ok(r.kinds.includes(kind), `expected ${kind}, got ${r.kinds.join(',')}`);
      assert.ok(r.matched.length > 0);
    });
  }

  for (const text of NEGATIVES) {
    it(`does not alarm on: ${text}`, () => {
      assert.equal(detect(text), null);
    });
  }

  for (const [text, kind] of LETTER_POSITIVES) {
    it(`recognises ${kind} buried in a long letter: …${text.slice(-24)}`, () => {
      assert.ok(isLetter(normalize(text).normalized), 'the fixture is long enough to be read as a letter');
      const r = detect(text);
      assert.ok(r, `expected an emergency for: ${text}`);
      assert.ok(r.kinds.includes(kind), `expected ${kind}, got ${r.kinds.join(',')}`);
    });
  }

  for (const text of LETTER_NEGATIVES) {
    it(`does not alarm on a complaint letter: …${text.slice(-24)}`, () => {
      assert.equal(detect(text), null);
    });
  }

  it('explains why a hit was dropped (hazard talk, what-if, past, letter without a now cue)', () => {
    const why = (text: string) => {
      const n = normalize(text);
      return explainEmergency(n.normalized, n.original).rejected.map((r) => r.why);
    };
    assert.ok(why('楼道里堆满杂物,存在火灾隐患').includes('excluded'));
    assert.ok(why('电动车在楼道里充电起火,安全隐患太大').includes('hazard_talk'));
    assert.ok(why('万一漏电起火谁负责').includes('what_if'));
    assert.ok(why('去年冬天仓库着火了,烧掉了很多货').includes('past'));
    assert.ok(why(`${LETTER_ZH}物业经理在业主大会上殴打了业主代表。`).includes('letter_without_now'));
    // The same sentence in a short message still fires: recall first where there is little context.
    assert.ok(detect('物业经理在业主大会上殴打了业主代表')?.kinds.includes('violence'));
  });

  it('a strong now cue beats the letter rule and the past guard', () => {
    assert.ok(detect(`${LETTER_ZH}物业经理正在业主大会上殴打业主代表,快来!`)?.kinds.includes('violence'));
    assert.ok(detect('去年着过火,刚才又着火了')?.kinds.includes('fire'));
  });

  it('suicide talk is never dropped by the tense or letter guards', () => {
    assert.ok(detect(`${LETTER_ZH}三年前我就想过自杀。`)?.kinds.includes('suicide'));
    assert.ok(detect(`${LETTER_ZH}我站在天台上,准备跳楼。`)?.kinds.includes('suicide'));
    // Only prevention talk is: "不至于…自杀" is about others, in general.
    assert.equal(detect('学校多关心学生,学生也不至于因为考试自杀'), null);
  });

  // Speed is measured by `npm run bench -- triage` and `npm run eval:emergency` (time per letter), not asserted here.

  it('finds the same kind in 简体, 繁體 and English', () => {
    const trio = [
      ['我的邻居家着火了', '我的鄰居家著火了', "My neighbour's flat caught fire"],
      ['我不想活了', '我不想活了,沒有意思', "I don't want to live anymore"],
      ['有人晕倒了', '有人暈倒了', 'Someone fainted and is not breathing'],
    ] as const;
    for (const row of trio) {
      const kinds = row.map((t) => detect(t)?.kinds[0]);
      assert.ok(kinds[0], row[0]);
      assert.deepEqual(kinds, [kinds[0], kinds[0], kinds[0]], row.join(' | '));
    }
  });

  it('survives zero-width characters hidden inside a keyword', () => {
    assert.ok(detect('我想自\u200b杀')?.kinds.includes('suicide'));
  });

  it('returns null for empty, whitespace and binary input', () => {
    assert.equal(detectEmergency(''), null);
    assert.equal(detect('   \n\t'), null);
    assert.equal(detect('\u0000\u0001\uFFFD\uD800'), null);
  });

  it('reaches recall 1.00 with at most one false alarm on the development set', () => {
    const file = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'dev.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
    assert.ok(lines.length >= 50, 'development set is present');
    let positives = 0;
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    for (const line of lines) {
      const row = JSON.parse(line) as { id: string; text: string; category: string };
      const hit = detect(row.text) !== null;
      if (row.category === 'emergency') {
        positives++;
        if (!hit) missed.push(row.id);
      } else if (hit) falseAlarms.push(row.id);
    }
    assert.ok(positives > 0);
    assert.deepEqual(missed, [], `missed emergencies: ${missed.join(', ')}`);
    assert.ok(falseAlarms.length <= 1, `false alarms: ${falseAlarms.join(', ')}`);
  });
});
