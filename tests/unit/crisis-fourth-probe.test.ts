import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { crisis, expectLevel } from '../helpers/triageProbe.js';

// Our own wording of what a fourth blind probe (four varieties, 2026-12-07) found; the probe itself stays outside the
// repository.
describe('crisis: fourth blind probe', () => {
  it('an elder not seen for days with the phone unanswered, and a ceiling giving way with people inside, are immediate', () => {
    for (const [text, kind] of [
      ['对门的阿婆三天没出门了 敲门也没人应 平时天天去买菜的', 'child_elder'],
      ['隔籬阿伯兩日冇開過門 電話都打唔通', 'child_elder'],
      ["the old man upstairs hasn't opened his door for three days and doesn't answer", 'child_elder'],
      ['工棚的天花板一直往下掉 裂得越来越大 我们十几个人还在里面', 'collapse'],
      ['the wall of our rented room keeps cracking and chunks are falling, my kids are still inside', 'collapse'],
    ] as const) {
      const o = crisis(text);
      assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes(kind), `${text}: ${o.kinds}`);
    }
  });

  it('a weapon said to be ready, or dying together with the boss, is violence as well as whatever else', () => {
    for (const text of ['包工头再不结账 我就跟他一起死', '菜刀我已经磨好了 今晚去找那个房东', "I've got my knife, going to the boss's office to take him with me"]) {
      const o = crisis(text);
      assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('violence'), `${text}: ${o.kinds}`);
    }
  });

  it('smoke and a burnt smell behind a door nobody opens is a fire, not violence', () => {
    const o = crisis('隔籬屋好大陣燶味 門縫有煙出嚟 拍門都冇人應');
    assert.equal(o.level, 'immediate', o.cues.join(' '));
    assert.ok(o.kinds.includes('fire') && !o.kinds.includes('violence'), o.kinds.join(','));
    // Cooking smells from a barbecue are the fumes complaint, not a fire.
    assert.equal(crisis('楼下烧烤店的焦味和烟天天飘上来').level, 'none');
  });

  it('denying suicide is a concern the office reads, not the 110/120 reply; a denial beside a plan is not a denial', () => {
    expectLevel('concern', ['失业半年 觉得自己很废 不过我没有想不开 就是想找个人说说', "I'm not suicidal, I'm just worn out by this landlord"]);
    expectLevel('immediate', ['我没有想不开，我想结束这一切，药都准备好了']);
  });

  it('crying every night while caring alone is a concern; a neighbour\'s child crying at night is a noise complaint', () => {
    expectLevel('concern', ['一个人照顾中风的妈妈两年了 我每晚都偷偷哭', "looking after my autistic daughter by myself, I cry every night"]);
    expectLevel('none', ['楼上小孩每天晚上哭闹到十二点 吵得我们睡不着']);
  });

  it('anger said as 气到想杀人 is no alarm; a knife with it still is', () => {
    expectLevel('none', ['嬲到我想殺人 個經紀又唔退佣金', '气得我想杀人 物业又乱收费']);
    expectLevel('immediate', ['气到我想杀人 他拿着刀冲过来了']);
  });

  it('repairs and follow-ups with danger-shaped words are no alarm', () => {
    expectLevel('none', [
      '天台水箱一直漏水 顺着墙往下流 天花的油漆都泡掉了',
      '手机刚才没电了 刚才说的那个地址是宝安西乡',
      'my phone died earlier, the address I gave is in Bao An',
      'neighbour built a shed on the shared rooftop and it blocks the fire stairs door',
      'my whole family got food poisoning from that takeaway last night, they refuse to refund',
      'beauty salon shut down overnight, we prepaid 3000 on membership cards, just a note on the door now',
      '小区啲狗冇人拖住周围走 琴日追咗我个女成条街',
    ]);
  });

  it('water shooting out of a burst main is no shooting', () => {
    const o = crisis('water main burst by the school gate, water shooting out since morning');
    assert.notEqual(o.level, 'immediate', o.cues.join(' '));
    assert.ok(!o.kinds.includes('violence'));
  });

  it('the same shapes with a danger in them still raise the alarm', () => {
    expectLevel('immediate', [
      '刚才说的那个地址 他又在打我了 快来',
      'the salon closed and took our money, I left a note for my family, goodbye',
      'my son has food poisoning and now he is unconscious',
      '隔壁的狗把我儿子咬到流血了',
    ]);
  });

  it('the crisis model\'s lone note is dropped on a medicine question, anger at the office, a refund or a pet that died', () => {
    expectLevel('none', [
      '退烧药和止咳药可以一起吃吗',
      'where can I refill my insulin prescription in Futian?',
      '業主扣我按金 我快被佢氣死',
      '又是这样！！根本没人管',
      '我只貓上個月死咗 想問點樣註銷登記',
    ]);
    // An amount or a death wish keeps the note (or more).
    for (const text of ['安眠药吃多少会死', '我只貓死咗 我都唔想活']) assert.notEqual(crisis(text).level, 'none', text);
  });

  it('violence told as over, with the writer safe now, is a concern, not the 110 reply', () => {
    expectLevel('concern', ['he used to hit me, I left him two years ago and I am safe now, but I still cannot sleep well']);
  });

  it('a stroke years ago and a fire that has burnt out are not emergencies now; the same said as happening are', () => {
    expectLevel('concern', ['my mum had a stroke, I have looked after her alone for three years already, I am worn out and cry a lot']);
    assert.notEqual(crisis('屋企上个礼拜着火 啲嘢全部烧光晒 而家暂住亲戚屋企').level, 'immediate');
    expectLevel('immediate', ['my dad had a stroke just now, he cannot talk', '屋企着火 烧紧 我个仔仲喺入面']);
  });
});

// Our own wording of what the fifth blind crisis probe (2026-12-07, tenth session) found.
describe('crisis: fifth blind probe', () => {
  it('a knife taken to the foreman, or burning together with someone, is violence now', () => {
    for (const text of ['老板再不结工钱 我明天就带刀去找他 让他见血', '佢再嚟我就同佢一齊燒']) {
      const o = crisis(text);
      assert.equal(o.level, 'immediate', `${text}: ${o.cues.join(' ')}`);
      assert.ok(o.kinds.includes('violence'), `${text}: ${o.kinds}`);
    }
  });

  it('an ex who used to hit, the writer moved where they cannot be found, is a concern; the ex at the door now is not', () => {
    expectLevel('concern', ['以前前夫会打我 现在已经搬走半年了 他不知道我住哪 但我还是睡不好']);
    expectLevel('immediate', ['以前前夫会打我 我搬走了 但他刚才找到这里 正在门外砸门']);
  });

  it('distress said as 頂唔順, feeling a failure or at the end of one\'s rope is a concern, not an alarm', () => {
    expectLevel('concern', ['照顧完阿爸又要返工 我真係就嚟頂唔順', '欠咗一身債 覺得自己好失敗', 'three months of night shifts and caring for my son, I am at the end of my rope']);
    expectLevel('immediate', ["I'm at the end of my rope, the pills are on the table and tonight I end my life"]);
  });

  it('price idioms, a disaster film just watched, a child\'s tantrum and fear of an accident are no alarm', () => {
    expectLevel('none', [
      '呢间药房卖嘅口罩价钱简直系抢劫',
      '这个停车场收费简直杀人 一小时二十块',
      '刚刚看完一部灾难片 里面地铁隧道塌了 想问深圳地铁有没有应急演练',
      '个仔玩手机玩到半夜 劝佢两句就发脾气摔嘢',
      '学校门口冇红绿灯 啲车开得好快 好惊撞亲细路',
      '屋企上个月火烛 烧咗晒 而家暂住亲戚屋企 想问有冇援助',
    ]);
    // The same words with a danger now still count.
    expectLevel('immediate', ['刚刚看完电影出来 现在商场里着火了 好大烟']);
  });

  it('a panic attack that passed is no emergency; the model\'s lone note on a bill, a leak or a pet at the vet is dropped', () => {
    assert.notEqual(crisis('上个月在公司突然喘不过气 以为自己要死了 后来慢慢好了 医生说是焦虑').level, 'immediate');
    expectLevel('none', ['厕所天花板一直在滴水 楼上说不关他们的事', '燃气费点解贵咗咁多', 'my dog ate a sock, the vet removed it and he is fine now']);
  });
});

// Our own wording of the false emergencies a tenth routing probe (Cantonese and English, 2026-12-07) found.
describe('crisis: ordinary complaints the model alone had read as danger', () => {
  it('a car towed, a meal that made someone ill, a death told for the estate, a judgment not enforced are no alarm', () => {
    expectLevel('none', [
      '我的车停在小区门口 早上被拖走了 要交五百块拖车费',
      '喺茶餐厅食完个饭 成晚肚痛 间铺话唔关佢事',
      'my grandfather passed away and my uncle took his flat, there is no will',
      'I won in court but the enforcement is still not moving, he has not paid anything',
    ]);
  });
  it('documents kept by an employer are not a 110 call', () => {
    assert.notEqual(crisis('the factory boss took our passports to "keep them safe" and will not give them back').level, 'immediate');
  });
  it('the same shapes with a danger now still raise the alarm', () => {
    expectLevel('immediate', ['食完外卖之后我个仔一直呕 而家叫唔醒', 'my dad is not moving and not breathing']);
  });
});

