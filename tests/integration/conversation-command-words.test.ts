import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { OFFICE_CHAT, PETITION, useResidentConversation } from '../helpers/residentConversation.js';

describe('commands said in words: the status, a withdrawal, a person (real PGlite, offline triage)', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, petitionCase, offerIn } = h;

  it('"有进展吗？" after registering gets the status, and no new case is opened', async () => {
    const r = who();
    const ref = await petitionCase(r);
    const rs = await say(r, '有进展吗？');
    assert.deepEqual(keys(rs), ['conversation.status.line']);
    assert.match(render(r, rs), new RegExp(`${ref}：信访局审核中，将于 \\d{4}-\\d{2}-\\d{2} 前告知您受理和转送情况`));
    assert.equal((await casesOf(r)).length, 1);
  });

  it('in English, twice in a row ("any update on my case?" had been filed as an empty case for the office)', async () => {
    const r = who('en');
    const ref = await petitionCase(r);
    for (const text of ['any update on my case?', 'any update on my case?']) {
      const rs = await say(r, text);
      assert.deepEqual(keys(rs), ['conversation.status.line']);
      assert.match(render(r, rs), new RegExp(`${ref}: under review by the office`));
    }
    assert.equal((await casesOf(r)).length, 1, 'no case was opened for the question');
  });

  it('in 繁體 and Cantonese, with a reference to the matter', async () => {
    for (const text of ['進度如何？', '我嘅投訴而家去到邊一步']) {
      const r = who('zh-Hant');
      const ref = await petitionCase(r);
      const rs = await say(r, text);
      assert.deepEqual(keys(rs), ['conversation.status.line'], `${text}: ${keys(rs).join(',')}`);
      assert.match(render(r, rs), new RegExp(`${ref}：信訪局審核中`));
    }
  });

  it('"这个一般多久能处理？" while a summary waits gets the statutory timeline and the buttons again, not a longer summary', async () => {
    const r = who();
    const first = await say(r, '小区物业不修电梯已经三个月了，老人上下楼很困难');
    const rs = await say(r, '这个一般多久能处理？');
    assert.deepEqual(keys(rs), ['conversation.howlong', 'conversation.petition.still_waiting']);
    assert.match(render(r, rs), /15 日内[\s\S]*60 日内/);
    assert.equal(rs[1]!.token, first[0]!.token, 'the same summary still waits');
    assert.deepEqual(keys(await say(who('en'), 'how long does it take?')), ['conversation.howlong'], 'with nothing registered: the timeline');
  });

  it('a resident without a case is told so, not asked to describe a matter or filed', async () => {
    const r = who();
    assert.deepEqual(keys(await say(r, '我的事情处理到哪一步了')), ['conversation.status.none']);
    assert.deepEqual(await casesOf(r), []);
  });

  it('"我不想投诉了，帮我撤销吧" offers the withdrawal button (it had been filed as a second, empty case)', async () => {
    const r = who();
    const ref = await petitionCase(r);
    const rs = await say(r, '我不想投诉了，帮我撤销吧');
    assert.deepEqual(keys(rs), ['conversation.withdraw.offer']);
    assert.equal(rs[0]!.caseRef, ref);
    assert.equal((await casesOf(r)).length, 1, 'no case was opened for the request');
    assert.equal((await h.cases.getCase(ref)).status, 'office_review', 'nothing happens before the button');
    await press(r, rs[0]!.actions![0]!, ref);
    assert.equal((await h.cases.getCase(ref)).status, 'withdrawn');
  });

  it('"我不同意转介了" on a 信访外 case offers the withdrawal that revokes the consent', async () => {
    const r = who();
    const offer = (await say(r, '隔壁邻居家的狗每天半夜叫，跟他们说了好几次都不管')).find((x) => x.actions?.includes('consent_yes'));
    assert.ok(offer?.token, 'a consent offer');
    await press(r, 'consent_yes', offer.token);
    const [c] = await casesOf(r);
    const rs = await say(r, '我不同意转介了');
    assert.deepEqual(keys(rs), ['conversation.withdraw.offer_consent']);
    assert.equal(rs[0]!.caseRef, c.ref);
  });

  it('"转人工" twice gets the note that staff handle every matter, and no case (unclear twice had filed one)', async () => {
    for (const lang of ['zh-Hans', 'en'] as const) {
      const r = who(lang);
      for (const text of lang === 'en' ? ['can I talk to a real person?', 'human please'] : ['我要找人工', '转人工客服']) {
        const rs = await say(r, text);
        assert.deepEqual(keys(rs), ['conversation.person'], text);
      }
      assert.match(render(r, await say(r, lang === 'en' ? 'human please' : '转人工')), lang === 'en' ? /reviewed, referred and followed up by the petition office's staff/ : /工作人员审核、转交和跟进/);
      assert.deepEqual(await casesOf(r), []);
    }
  });

  it('a command typed while a summary waits is answered, not appended to the summary (which stays as it was)', async () => {
    const r = who('en');
    await petitionCase(r);
    const attach = await say(r, 'The school bus driver on route 3 speeds every morning near the gate, it is very dangerous for the kids');
    assert.deepEqual(keys(attach), ['conversation.attach.offer']);
    const first = await press(r, 'attach_no', attach[0]!.token!);
    assert.deepEqual(keys(first), ['conversation.petition.confirm'], 'a new matter, its summary waiting');
    for (const [text, key] of [['any update on my case?', 'conversation.status.line'], ['pls withdraw my complaint', 'conversation.withdraw.offer'], ['can I talk to a real person?', 'conversation.person']] as const) {
      assert.equal(keys(await say(r, text))[0], key, text);
    }
    assert.deepEqual(await press(r, 'confirm', first[0]!.token!), []);
    const latest = (await casesOf(r)).at(-1);
    assert.doesNotMatch(latest.original_text, /update|withdraw|real person/, 'none of them went into the matter');
  });

  it('taking consent back in plain English raises no alarm and offers the withdrawal that revokes it', async () => {
    const r = who('en');
    const offer = (await say(r, 'My mother is 85 and lives alone, she forgets to eat and needs someone to visit her at home')).find((x) => x.actions?.includes('consent_yes'));
    assert.ok(offer?.token, 'a consent offer');
    await press(r, 'consent_yes', offer.token);
    for (const text of ['please dont give my mum details to the elderly centre anymore', 'actually i talk with my sister, we dont want to share mum info with that organisation, please cancel']) {
      const rs = await say(r, text);
      assert.ok(!keys(rs).some((k) => k.startsWith('triage.emergency')), `${text}: ${keys(rs).join(',')}`);
      assert.ok(keys(rs).includes('conversation.withdraw.offer_consent'), `${text}: ${keys(rs).join(',')}`);
    }
  });

  it('a detail typed while a 信访外 offer waits joins the matter offered for (it had replaced the offer and the first message)', async () => {
    const r = who();
    const first = await say(r, '我儿子在学校被几个同学欺负，跟班主任说了几次都不管');
    assert.ok(first.some((x) => x.actions?.includes('consent_yes')), 'a consent offer');
    const again = await say(r, '学校是南山实验学校，他读初二');
    const offer = again.find((x) => x.actions?.includes('consent_yes'));
    assert.ok(offer?.token, `the offer again, for both messages: ${keys(again).join(',')}`);
    await press(r, 'consent_yes', offer.token);
    const [c] = await casesOf(r);
    assert.match(c.original_text, /欺负[\s\S]*南山实验学校/, 'the case holds the matter and its detail');
    // A question while an offer waits is a question of its own.
    const r2 = who();
    await say(r2, '我儿子在学校被几个同学欺负，跟班主任说了几次都不管');
    assert.ok(keys(await say(r2, '请问法律援助怎么申请？')).some((k) => k.startsWith('conversation.inquiry') || k.startsWith('triage.answer')));
  });

  it('a command typed while a 信访外 offer waits is answered, and the offer shows its buttons again (a yes still consents to it)', async () => {
    const r = who('en');
    const offer = offerIn(await say(r, 'My son is being bullied by classmates at school and the teacher does nothing'));
    const rs = await say(r, 'can I talk to a real person?');
    assert.deepEqual(keys(rs), ['conversation.person', 'conversation.consent.still_waiting']);
    assert.match(render(r, rs), /not yet said whether we may pass your situation to "/);
    const again = rs[1]!;
    assert.deepEqual(again.actions, ['consent_yes', 'consent_no']);
    assert.equal(again.token, offer.token, 'the same offer, not a new one');
    await press(r, 'consent_yes', again.token!);
    const [c] = await casesOf(r);
    assert.equal(c.category, 'out_of_scope');
    assert.match(c.original_text, /bullied/);
  });

  it('"Thanks, all good now." after a clarifying question ends it: no counselling lines, no office alert, no empty case', async () => {
    for (const [lang, first, last] of [['en', '1', 'Thanks, all good now.'], ['zh-Hans', '在吗', '好了，没事了，谢谢你们']] as const) {
      const r = who(lang);
      await say(r, first);
      const rs = await say(r, last);
      assert.deepEqual(keys(rs), ['conversation.courtesy'], `${last}: ${keys(rs).join(',')}`);
      assert.deepEqual(await casesOf(r), [], 'nothing filed');
      const alerts = (await h.outboxTo(OFFICE_CHAT)).filter((o) => JSON.stringify(o.message).includes(last));
      assert.deepEqual(alerts, [], 'the office is not alerted');
    }
  });

  it('"算了，先不提交了" while a summary waits cancels it; it is not appended to the summary', async () => {
    for (const [lang, text] of [['zh-Hans', '算了，先不提交了'], ['zh-Hant', '唔使喇，我唔想投訴住'], ['en', "actually never mind, don't submit it"]] as const) {
      const r = who(lang);
      const first = await say(r, PETITION[lang]);
      assert.ok(first.some((x) => x.actions?.includes('confirm')), keys(first).join(','));
      const rs = await say(r, text);
      assert.deepEqual(keys(rs), ['conversation.petition.cancelled'], `${text}: ${keys(rs).join(',')}`);
      assert.deepEqual(await casesOf(r), []);
      // The summary is gone: a new matter starts afresh.
      const next = await say(r, PETITION[lang]);
      assert.ok(next.some((x) => x.key === 'conversation.petition.confirm'), keys(next).join(','));
    }
  });

  it('refusing the service offered and naming a complaint turns the matter into a petition, told with the first message', async () => {
    const r = who();
    const first = await say(r, '我最近压力很大，晚上一直睡不着，白天上班没精神');
    assert.ok(first.some((x) => x.actions?.includes('consent_yes')), `a counselling offer: ${keys(first).join(',')}`);
    const rs = await say(r, '不是要心理咨询，是要投诉隔壁工厂晚上机器噪音，请转给环保部门');
    const confirm = rs.find((x) => x.key === 'conversation.petition.confirm');
    assert.ok(confirm?.token, keys(rs).join(','));
    const text = render(r, rs);
    assert.match(text, /睡不着[\s\S]*机器噪音/, 'the first message and the complaint, together');
    assert.doesNotMatch(text, /不是要心理咨询/, 'the refusal is not part of the matter');
    await press(r, 'confirm', confirm.token);
    const [c] = await casesOf(r);
    assert.equal(c.category, 'petition');
    assert.equal(c.target, 'environment');
    // The same just after pressing 不同意: the facts of the first message are kept.
    const r2 = who();
    const offer = offerIn(await say(r2, '我最近压力很大，晚上一直睡不着，白天上班没精神'));
    await press(r2, 'consent_no', offer.token);
    const after = await say(r2, '我是要投诉隔壁工厂晚上的机器噪音，不是要心理咨询');
    assert.match(render(r2, after), /睡不着[\s\S]*机器噪音/, keys(after).join(','));
  });

  it('the status asked in words after an unclear message is answered, not filed as a second unclear message (an empty case)', async () => {
    const r = who('en');
    await say(r, 'can u help me with smth');
    const rs = await say(r, 'anyone looked at my case yet??');
    assert.ok(!keys(rs).includes('conversation.unclear.to_office'), keys(rs).join(','));
    assert.deepEqual(await casesOf(r), [], 'nothing filed');
  });

  it('a yes in words: while the offer waits it asks for the button; just after "no" it brings the offer back', async () => {
    const r = who('zh-Hant');
    const offer = offerIn(await say(r, '阿爸獨居 八十幾歲 想搵人上門陪佢傾下偈'));
    const yes = await say(r, '其實都係要 幫我轉介啦');
    assert.deepEqual(keys(yes), ['conversation.consent.press_button']);
    assert.equal(yes[0]!.token, offer.token, 'the same offer: the button gives the consent');
    assert.deepEqual(await casesOf(r), [], 'words alone consent to nothing');
    // Said no, then changed their mind.
    const r2 = who('en');
    const offer2 = offerIn(await say(r2, 'my mum has dementia and keeps forgetting to eat, we need someone to help her at home'));
    await press(r2, 'consent_no', offer2.token);
    const again = await say(r2, 'wait actually yes pls refer me to them');
    const back = again.find((x) => x.actions?.includes('consent_yes'));
    assert.ok(back?.token, `the offer again: ${keys(again).join(',')}`);
    assert.notEqual(back.token, offer2.token, 'with fresh buttons');
    await press(r2, 'consent_yes', back.token);
    const [c] = await casesOf(r2);
    assert.equal(c.category, 'out_of_scope');
    assert.match(c.original_text, /dementia/);
  });

  it('a privacy question asked with a complaint: the complaint goes on (only the privacy notice had been sent)', async () => {
    const r = who();
    const rs = await say(r, '可以匿名举报吗？我们工地二十个工人被包工头拖欠工资三个月了');
    assert.ok(rs.some((x) => x.key === 'conversation.petition.confirm'), keys(rs).join(','));
  });

  it('a question about personal data gets the privacy answer and the /privacy menu, not a distress reply or an empty case', async () => {
    for (const [lang, text] of [['zh-Hans', '你们会把我的名字和电话告诉被投诉的人吗？'], ['zh-Hant', '我嘅資料你哋會保存幾耐？'], ['en', 'how do you use my data? who can see my messages?']] as const) {
      const r = who(lang);
      const rs = await say(r, text);
      assert.equal(keys(rs)[0], 'conversation.privacy_question', `${text}: ${keys(rs).join(',')}`);
      assert.ok(!keys(rs).some((k) => k.startsWith('triage.crisis')), `no counselling lines: ${keys(rs).join(',')}`);
      assert.deepEqual(await casesOf(r), []);
    }
  });

  it('short privacy questions in 简体, Cantonese and English get the privacy answer, not "not found" or the offer to add them to the open case', async () => {
    for (const [lang, text] of [['zh-Hans', '可以匿名吗？'], ['zh-Hans', '谁能看到我的信息？'], ['zh-Hans', '我不想让物业知道是我投诉的'], ['zh-Hant', '可唔可以匿名？我唔想管理處知道係我投訴'],
      ['zh-Hant', '邊個會睇到我嘅資料？'], ['zh-Hant', '你哋會唔會將我個名話俾管理處知？'], ['en', "who will see my passport number? I don't want my landlord to know I complained"]] as const) {
      const r = who(lang);
      const ref = await petitionCase(r);
      const rs = await say(r, text);
      assert.equal(keys(rs)[0], 'conversation.privacy_question', `${text}: ${keys(rs).join(',')}`);
      assert.ok(!keys(rs).includes('conversation.attach.offer'), text);
      assert.equal((await casesOf(r)).length, 1, `${text}: no case opened`);
      assert.equal((await h.cases.timeline(ref)).filter((e) => e.type === 'resident_note').length, 0, `${text}: nothing added to ${ref}`);
    }
    // The same words in a complaint are a complaint.
    assert.notEqual(keys(await say(who(), '我们小区的信息公开栏坏了'))[0], 'conversation.privacy_question');
  });

  it('"any news about my deposit case?" gets the status', async () => {
    const r = who('en');
    const ref = await petitionCase(r);
    const rs = await say(r, 'any news about my deposit case?');
    assert.deepEqual(keys(rs), ['conversation.status.line']);
    assert.match(render(r, rs), new RegExp(ref));
    assert.equal((await casesOf(r)).length, 1);
  });

  it('with only a summary waiting, a command is answered and the summary shows its buttons again; consent taken back with none given says so', async () => {
    const r = who('en');
    const first = await say(r, 'The street lights on our road have been broken for a month, it is very dark at night');
    assert.deepEqual(keys(first), ['conversation.petition.confirm']);
    const rs = await say(r, 'any update on my case?');
    assert.equal(keys(rs).at(-1), 'conversation.petition.still_waiting');
    assert.equal(rs.at(-1)!.token, first[0]!.token);
    // With no case registered, the complaint to withdraw is the summary itself.
    assert.deepEqual(keys(await say(r, 'pls withdraw my complaint')), ['conversation.petition.cancelled']);
    assert.deepEqual(keys(await say(who(), '不要把我的信息给那个机构')), ['conversation.consent_back.none'], 'no organization holds anything: no withdrawal of a petition');
  });

  it('thanks after registering gets a reply in kind, not a request to say more', async () => {
    const r = who();
    await petitionCase(r);
    for (const text of ['谢谢', '好的，收到', 'thanks!', 'thank u so much']) assert.deepEqual(keys(await say(r, text)), ['conversation.courtesy'], text);
    assert.equal((await casesOf(r)).length, 1);
  });

  it('an unclear message with an open case is offered to that case, not asked about (that had led to a second, empty case)', async () => {
    const r = who('en');
    const ref = await petitionCase(r);
    const rs = await say(r, 'also my colleague 张伟 same problem, his phone 13812345678');
    assert.deepEqual(keys(rs), ['conversation.attach.offer']);
    assert.equal(rs[0]!.params?.ref, ref);
    assert.deepEqual(keys(await press(r, 'attach_yes', rs[0]!.token!)), ['conversation.attach.done']);
    const note = (await h.cases.timeline(ref)).find((e) => e.type === 'resident_note');
    assert.ok(note, 'added to the case');
    assert.deepEqual(keys(await say(r, 'hello')), ['conversation.unclear.question'], 'a bare greeting is still asked about');
    assert.equal((await casesOf(r)).length, 1);
  });

  it('news about the matter still goes the usual way: the offer to add it to the open case', async () => {
    const r = who();
    const ref = await petitionCase(r);
    const rs = await say(r, '我的投诉处理到哪一步了，电梯昨天又困住了一个老人');
    assert.deepEqual(keys(rs), ['conversation.attach.offer']);
    assert.equal(rs[0]!.params?.ref, ref);
  });
});
