import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';

const crisis = (text: string, model?: null) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original, model === null ? { model: null } : {});
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
