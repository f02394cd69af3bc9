import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { isValidHkid, isValidTaiwanId, redact } from '../../triage/redact.js';
import { buildCorpus, splitLetters } from '../../triage/redaction/corpus.js';
import { evaluate, precision, recall } from '../../triage/redaction/evaluate.js';

// Every value here is made up for the test (check digits computed), no real person's data.
const r = (s: string) => redact(s).text;

describe('redact: names', () => {
  it('hides a name after a self-introduction or a form label, in 简体, 繁體 and Cantonese', () => {
    assert.equal(r('我叫张伟，家住福田区'), '我叫[NAME]，家住福田区');
    assert.equal(r('本人李小明，男，反映噪音问题'), '本人[NAME]，男，反映噪音问题');
    assert.equal(r('姓名：欧阳娜娜 电话见下'), '姓名：[NAME] 电话见下');
    assert.equal(r('我係陳大文，住喺旺角'), '我係[NAME]，住喺旺角');
    assert.equal(r('投訴人：蔣龍。'), '投訴人：[NAME]。');
  });

  it('hides a signature at the end of a letter, with or without a date', () => {
    assert.equal(r('请尽快处理。此致敬礼！王芳 2024年3月5日'), '请尽快处理。此致敬礼！[NAME] 2024年3月5日');
    assert.equal(r('谢谢！——赵强'), '谢谢！——[NAME]');
  });

  it('hides English names after a cue, and every later mention of an announced name', () => {
    assert.equal(r('My name is Chan Tai-man, I live in Mong Kok.'), 'My name is [NAME], I live in Mong Kok.');
    assert.equal(r("I'm John Smith and the lift is broken."), "I'm [NAME] and the lift is broken.");
    assert.equal(r('The noise is unbearable. Regards, Mary Wilson'), 'The noise is unbearable. Regards, [NAME]');
    assert.equal(r('我叫张伟。物业说张伟欠费'), '我叫[NAME]。物业说[NAME]欠费');
  });

  it('hides names passed from another form of the message, in 简体 and lower case', () => {
    assert.equal(redact("i'm john smith, the lift is broken", { also: ['John Smith'] }).text, "i'm [NAME], the lift is broken");
    assert.equal(redact('我是陈大文，住在旺角', { also: ['陳大文'] }).text, '我是[NAME]，住在旺角');
  });

  it('leaves common phrases that only look like a cue and a surname', () => {
    for (const text of ['本人反映小区噪音', '我是业主，物业不作为', '居民房屋被强拆', '此致谢谢！', '我是高一学生家长', 'I am writing about the noise', '我叫了外卖']) {
      assert.equal(r(text), text, text);
    }
  });
});

describe('redact: names of other people given with a naming cue', () => {
  it('hides a boss, landlord or neighbour named in English, and their later mentions', () => {
    assert.equal(
      r('My boss owes me 3 months salary. The boss name is Wang and he blocked me on WeChat.'),
      'My boss owes me 3 months salary. The boss name is [NAME] and he blocked me on WeChat.',
    );
    assert.equal(r("His name is Li Wei. The landlord's name is Chen and Chen keeps the deposit."), "His name is [NAME]. The landlord's name is [NAME] and [NAME] keeps the deposit.");
    assert.equal(
      r('My neighbour, named Zhang Wei, plays music at night; a man called Lo Ka-ming parks in my space.'),
      'My neighbour, named [NAME], plays music at night; a man called [NAME] parks in my space.',
    );
    assert.equal(
      r("My landlord Mr. Chen won't return the deposit and Mrs Wong upstairs says Chen did the same to her."),
      "My landlord Mr. [NAME] won't return the deposit and Mrs [NAME] upstairs says [NAME] did the same to her.",
    );
  });

  it('keeps "called the police", "called 12345", "called him" and company or building names', () => {
    assert.equal(
      r('I called the police, then I called 12345 and the landlord called him; a man called Li Wei hit me.'),
      'I called the police, then I called 12345 and the landlord called him; a man called [NAME] hit me.',
    );
    assert.equal(
      r('I live in a building called Sunshine Apartments, run by a company called Sunshine Property. The manager is Mr Ho.'),
      'I live in a building called Sunshine Apartments, run by a company called Sunshine Property. The manager is Mr [NAME].',
    );
  });

  it('hides a name given with 叫 / 叫做 / 姓…叫 in 简体, 繁體 and Cantonese, and its later mentions', () => {
    assert.equal(r('老板叫王建国，欠我工资。王建国不接电话'), '老板叫[NAME]，欠我工资。[NAME]不接电话');
    assert.equal(r('房东姓陈，叫陈志明，不退押金'), '房东姓陈，叫[NAME]，不退押金');
    assert.equal(r('樓上個男人叫做張家明，成日嘈'), '樓上個男人叫做[NAME]，成日嘈');
    assert.equal(r('他叫李伟欠我钱'), '他叫[NAME]欠我钱');
    assert.equal(r('有个叫王建国的包工头欠钱不还'), '有个叫[NAME]的包工头欠钱不还');
  });

  it('keeps 叫 meaning "ask / call for" (叫我去, 叫人来, 叫救护车) and a title after a surname (王师傅)', () => {
    assert.equal(r('老板叫王建国，他叫我去办公室，又叫人来打我，我们叫了救护车'), '老板叫[NAME]，他叫我去办公室，又叫人来打我，我们叫了救护车');
    assert.equal(r('他叫王师傅来修，师傅说房东叫陈志明'), '他叫王师傅来修，师傅说房东叫[NAME]');
  });

  it('hides a Chinese name right after an English word for a person (it had reached the office note as written)', () => {
    assert.equal(r('also my colleague 张伟 same problem'), 'also my colleague [NAME] same problem');
    assert.equal(r('our landlord 陈志明 will not return the deposit'), 'our landlord [NAME] will not return the deposit');
    // A role word, a company or a title after the English word is no name.
    for (const kept of ['my boss 老板 refuses to pay', 'the property company 万科物业 does nothing', 'my colleague 王师傅 was injured']) assert.equal(r(kept), kept);
  });
});

describe('redact: addresses', () => {
  it('hides house, building and room numbers and keeps district, street office, community, estate and road names', () => {
    assert.equal(r('福田区华强北路1002号赛格广场3栋1205室'), '福田区华强北路[ADDRESS]赛格广场[ADDRESS]');
    assert.equal(r('景田小区12栋3单元1502室楼上漏水'), '景田小区[ADDRESS]楼上漏水');
    assert.equal(r('龙吴路2900弄300号'), '龙吴路[ADDRESS]');
    assert.equal(r('住喺彌敦道123號2樓B室'), '住喺彌敦道[ADDRESS]');
    assert.equal(r('翠竹苑五栋1203室'), '翠竹苑[ADDRESS]');
    const kept = '南山区粤海街道科技园社区深南大道旁的工地夜间施工';
    assert.equal(r(kept), kept);
  });

  it('hides English flat, floor, block and street numbers', () => {
    assert.equal(r('Flat 3B, 12/F, Block 2, 18 Nathan Road'), '[ADDRESS], [ADDRESS], [ADDRESS], [ADDRESS]');
  });

  it('keeps the road number of a business or public place the complaint is about, never the writer\'s home or a unit', () => {
    for (const kept of ['南山区科技园深南大道9988号华润大厦A座一楼的餐厅油烟很大', '宝安区西乡街道固戍二路18号的工地晚上施工', '罗湖区东门步行街88號的商店賣假貨',
      'The bar at 123 Shekou Road, Nanshan is noisy every night', 'The construction site at 45 Keyuan Road works all night']) {
      assert.equal(r(kept), kept, kept);
    }
    assert.equal(r('我住在宝安区西乡街道固戍二路18号，楼下的工地晚上施工'), '我住在宝安区西乡街道固戍二路[ADDRESS]，楼下的工地晚上施工');
    assert.equal(r('地址：深南大道9988号，旁边的餐厅很吵'), '地址：深南大道[ADDRESS]，旁边的餐厅很吵');
    assert.equal(r('莲花路1001号3栋502，楼下的超市卖过期食品'), '莲花路[ADDRESS]，楼下的超市卖过期食品');
    assert.equal(r('I live at 18 Nathan Road, the bar next door is noisy'), 'I live at [ADDRESS], the bar next door is noisy');
    assert.equal(r('Flat 3B, 18 Nathan Road, the restaurant downstairs smells'), '[ADDRESS], [ADDRESS], the restaurant downstairs smells');
  });

  it('leaves dates, metro lines, documents, layouts, counts and ranges', () => {
    for (const text of ['10月9号反映过', '地铁9号线金桥站', '沪府规〔2019〕3号文', '三室一厅的房子', '楼栋里一户两位老人', '高岸村二组', '五至十一栋业主', '两幢楼之间', '4号门关闭', '3楼食堂']) {
      assert.equal(r(text), text, text);
    }
  });
});

describe('redact: numbers, documents and accounts', () => {
  it('hides mobiles written with dots, 4-3-4 dashes, +86 and Chinese digits', () => {
    for (const phone of ['138.1234.5678', '1381-234-5678', '+86 138 1234 5678', '一三八一二三四五六七八', '１３８１２３４５６７８']) {
      assert.equal(r(`电话${phone}，谢谢`), '电话[PHONE]，谢谢', phone);
    }
  });

  it('hides Hong Kong, Macau and Taiwan phones, and local numbers after a phone word', () => {
    assert.equal(r('+852 9123 4567'), '[PHONE]');
    assert.equal(r('+853 6612 3456'), '[PHONE]');
    assert.equal(r('0912-345-678'), '[PHONE]');
    assert.equal(r('請致電 9123 4567 搵我'), '請致電 [PHONE] 搵我');
    assert.equal(r('Call me at 2345 6789.'), 'Call me at [PHONE].');
  });

  it('hides HKID, Macau and Taiwan IDs and passports', () => {
    assert.equal(isValidHkid('A1234563'), true);
    assert.equal(isValidTaiwanId('A123456789'), true);
    assert.equal(r('HKID A123456(3)'), 'HKID [ID]');
    assert.equal(r('HKID A1234563.'), 'HKID [ID].');
    assert.equal(r('澳門身份證1234567(8)'), '澳門身份證[ID]');
    assert.equal(r('台灣身分證A123456789'), '台灣身分證[ID]');
    assert.equal(r('护照E12345678，通行证C87654321'), '护照[PASSPORT]，通行证[PASSPORT]');
  });

  it('hides licence plates (new energy too), QQ, WeChat and @ accounts', () => {
    assert.equal(r('粤B12345和粤BD12345天天占道'), '[PLATE]和[PLATE]天天占道');
    assert.equal(r('QQ：12345678，微信号abc_123'), 'QQ：[ACCOUNT]，微信号[ACCOUNT]');
    assert.equal(r('WeChat: zhangwei88, telegram @chan_taiman'), 'WeChat: [ACCOUNT], telegram [ACCOUNT]');
  });

  it('takes a bank card grouped 4-4-4-4-3 whole, not a phone inside it', () => {
    const card = withLuhn('622208237691282361');
    const grouped = `${card.slice(0, 4)} ${card.slice(4, 8)} ${card.slice(8, 12)} ${card.slice(12, 16)} ${card.slice(16)}`;
    assert.equal(r(`卡号${grouped}。`), '卡号[CARD]。');
  });

  it('reports the kinds it found', () => {
    const out = redact('我叫张伟，电话13812345678，住景田小区3栋1205室，车牌粤B12345');
    assert.deepEqual(Object.fromEntries(out.found.map((f) => [f.kind, f.count])), { name: 1, phone: 1, address: 1, plate: 1 });
    assert.deepEqual(out.names, ['张伟']);
  });
});

function withLuhn(body: string): string {
  for (let c = 0; c <= 9; c++) {
    const d = `${body}${c}`;
    let sum = 0;
    for (let i = 0; i < d.length; i++) {
      let x = Number(d[d.length - 1 - i]);
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return d;
  }
  throw new Error('no check digit');
}

describe('redaction corpus and scores', () => {
  const letters = Array.from({ length: 12 }, (_, i) => ({
    id: `t${i}`,
    text: `小区物业不作为，电梯坏了${i + 2}个月。多次反映无果。请相关部门督促解决，谢谢。`,
  }));

  it('builds the same documents for the same seed, and others for another seed', () => {
    assert.deepEqual(buildCorpus(letters, 7), buildCorpus(letters, 7));
    assert.notDeepEqual(buildCorpus(letters, 7), buildCorpus(letters, 8));
  });

  it('inserts values at the offsets it records, in three languages', () => {
    const docs = buildCorpus(letters, 3);
    assert.deepEqual([...new Set(docs.map((d) => d.language))].sort(), ['en', 'zh-Hans', 'zh-Hant']);
    for (const d of docs) for (const g of d.gold) assert.ok(g.end > g.start && d.text.slice(g.start, g.end).trim() === d.text.slice(g.start, g.end));
  });

  it('scores a value left in the text as a miss', () => {
    const doc = { id: 'x', language: 'zh-Hans' as const, text: '我的车牌号码在这里，地铁9号线', gold: [{ kind: 'name' as const, shape: 'name_zh', start: 5, end: 7 }], realLetter: false };
    const rep = evaluate([doc], []);
    assert.equal(recall(rep.overall), 0);
    assert.equal(rep.misses.length, 1);
    assert.equal(rep.overall.redacted, 0);
  });

  it('counts a redaction of no inserted value as false, and one over the letter’s own data as neither', () => {
    const rep = evaluate([], ['我叫了物业。景田小区3栋1205室漏水。', '联系人：张伟。']);
    assert.equal(rep.originals.wrong, 0);
    assert.equal(rep.originals.preexisting, 2);
    const doc = { id: 'y', language: 'en' as const, text: 'The lift is broken. Regards, Foo', gold: [], realLetter: false };
    const wrong = evaluate([doc], []);
    assert.equal(wrong.overall.wrong, 1);
    assert.equal(precision(wrong.overall), 0);
  });

  it('hides every inserted value on a small corpus without false redactions', () => {
    const rep = evaluate(buildCorpus(letters, 11), letters.map((l) => l.text));
    assert.ok(recall(rep.overall) >= 0.98, `recall ${recall(rep.overall)}`);
    assert.ok(precision(rep.overall, rep.originals.wrong) >= 0.95);
    assert.equal(rep.originals.wrong, 0);
  });

  it('splits letters into two disjoint parts', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `l${i}`, text: `第${i}封信，内容足够长，超过三十个字符，用来测试拆分是否互不重叠的情况。` }));
    const a = new Set(splitLetters(many, 'A', 100).map((l) => l.id));
    const b = splitLetters(many, 'B', 100).map((l) => l.id);
    assert.equal(a.size, 20);
    assert.ok(b.every((id) => !a.has(id)));
  });
});
