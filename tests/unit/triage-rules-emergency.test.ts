import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../app/config.js';
import { detectEmergency, type EmergencyKind } from '../../triage/emergency.js';
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
  ['阿爺暈咗', 'medical'],
  ['屋企煤氣漏', 'gas'],
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
];

const NEGATIVES = [
  '消防通道被电动车占了,物业不管',
  '楼道里的灭火器都过期了,存在火灾隐患',
  '去年我们小区着过火,现在消防设施还没修好',
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
