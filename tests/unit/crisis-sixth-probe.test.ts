import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';

const crisis = (text: string) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original, {});
};
const expectLevel = (level: string, texts: string[]) => {
  for (const text of texts) {
    const o = crisis(text);
    assert.equal(o.level, level, `${text}: ${o.cues.join(' ')}`);
  }
};

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
