import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CONFIRM_ACTION } from '../../conversation/index.js';
import { AFTER_EMERGENCY_TTL_MS } from '../../conversation/residentState.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/*
 * A matter said in the same message as a danger ("公司拖欠工资三个月 我都快活不下去了"): the numbers come first
 * and the office is alerted as before; the unpaid wages are kept behind one button, which turns them into the
 * usual summary to confirm. Before, the wages were lost and had to be written again.
 */
describe('resident conversation: the matter beside an emergency', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, outboxTo } = h;
  const kept = (rs: Awaited<ReturnType<typeof say>>) => rs.find((x) => x.key === 'conversation.emergency.matter_later');

  it('unpaid wages with a plan to jump: numbers first, then the wages kept; the button makes the usual petition summary', async () => {
    const r = who();
    const rs = await say(r, '公司拖欠工资三个月 我今晚就从楼上跳下去');
    assert.equal(rs[0]!.key, 'triage.emergency.suicide', 'the crisis lines come first');
    assert.equal(rs[1]!.key, 'triage.emergency.footer');
    const k = kept(rs);
    assert.ok(k?.token && k.actions?.includes('resume_matter'), `the matter is kept behind a button: ${keys(rs)}`);
    assert.equal(rs.at(-1), k, 'after the numbers, never before');
    assert.match(render(r, [k]), /公司拖欠工资三个月/);
    assert.doesNotMatch(render(r, [k]), /跳下去/, 'the danger is not quoted back as the matter');
    const alerts = (await outboxTo(OFFICE_CHAT)).filter((o) => o.message.key === 'conversation.office.emergency_alert' && String(o.message.params.chat) === r.externalId);
    assert.equal(alerts.length, 1, 'the office is alerted as before');
    assert.deepEqual(await casesOf(r), [], 'nothing is filed until the resident asks');

    const summary = await press(r, 'resume_matter', k.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm']);
    assert.match(render(r, summary), /拖欠工资/);
    assert.doesNotMatch(render(r, summary), /跳下去/);
    await press(r, CONFIRM_ACTION, summary[0]!.token!);
    const [c] = await casesOf(r);
    assert.equal(c.target, 'human_resources');
    assert.equal(c.status, 'office_review', 'the office reviews a matter that came with a danger');
    assert.ok((c.decision.reasons as string[]).includes('after_emergency'));
    assert.equal(c.decision.category, 'petition');
  });

  it('a message that is only the danger keeps nothing and shows no button', async () => {
    for (const text of ['我不想活了，今晚就从楼上跳下去', '我老公喝醉了，现在在打我和孩子', '他拿着刀，说要砍死我']) {
      const rs = await say(who(), text);
      assert.ok(rs[0]!.key.startsWith('triage.emergency.'), text);
      assert.equal(kept(rs), undefined, text);
    }
  });

  it('English: a deposit dispute beside despair is kept, in English, and leads to the legal channel', async () => {
    const r = who('en');
    const rs = await say(r, 'My landlord kept my deposit for three months and now I just want to end it all');
    assert.equal(rs[0]!.key, 'triage.emergency.suicide');
    const k = kept(rs);
    assert.ok(k?.token);
    assert.match(render(r, [k]), /You also mentioned: "My landlord kept my deposit for three months"/);
    const next = await press(r, 'resume_matter', k.token!);
    assert.ok(next.some((x) => x.key.startsWith('conversation.legal.')), `the deposit goes to the legal channel: ${keys(next)}`);
  });

  it('"我没事了，谢谢" afterwards brings the kept matter back with its button; a wrong token or a day later does nothing', async () => {
    const r = who();
    const k = kept(await say(r, '楼上漏水三个月物业不管，我已经在天台了'));
    assert.ok(k?.token);
    const back = await say(r, '我没事了，谢谢');
    assert.deepEqual(keys(back), ['conversation.emergency.matter_still']);
    assert.equal(back[0]!.token, k.token);
    assert.deepEqual(keys(await press(r, 'resume_matter', 'forged_token_1')), ['conversation.error.expired']);
    h.clock.advance(AFTER_EMERGENCY_TTL_MS + 60_000);
    assert.deepEqual(keys(await press(r, 'resume_matter', k.token!)), ['conversation.error.expired']);
    assert.deepEqual(await casesOf(r), []);
  });

  it('"谢谢，我不想再投诉了，他们已经修好了" offers the withdrawal of the open case, with no alarm (it had paged the office as suicide)', async () => {
    const r = who();
    const rs0 = await say(r, '物业三个月都不修电梯，老人上下楼很困难');
    await press(r, CONFIRM_ACTION, rs0[0]!.token!);
    const before = (await outboxTo(OFFICE_CHAT)).length;
    const rs = await say(r, '谢谢，我不想再投诉了，他们已经修好了');
    assert.deepEqual(keys(rs), ['conversation.withdraw.offer']);
    assert.ok(rs[0]!.actions?.includes('withdraw_confirm'));
    const alerts = (await outboxTo(OFFICE_CHAT)).slice(before).filter((o) => /emergency_alert|concern/.test(o.message.key));
    assert.deepEqual(alerts, []);
  });

  it('a detail added to a waiting summary does not repeat the counselling lines when no rule or cue is behind them', async () => {
    const r = who();
    await say(r, '公司拖欠我三个月工资，老板一直说下个月发');
    const rs = await say(r, '另外老板说下个月再发，但是他上次也这么说');
    assert.deepEqual(keys(rs), ['conversation.petition.details_added']);
  });

  it('the kept matter waits through other messages: a question, "I called the hotline", then "I\'m safe now" (it had been lost, and an empty case filed)', async () => {
    const r = who('en');
    const k = kept(await say(r, "My boss hasn't paid my wages for 3 months. I have pills ready and I'll take them all tonight"));
    assert.ok(k?.token, 'the wages are kept');
    assert.doesNotMatch(String(k.params?.matter), /[.。]$/, 'quoted without its closing mark');
    await say(r, 'How do I apply for the minimum living allowance?');
    await say(r, 'I called the hotline, talked to someone');
    const back = await say(r, "I'm safe now");
    assert.equal(back[0]!.key, 'conversation.emergency.matter_still');
    assert.equal(back[0]!.token, k.token);
    assert.deepEqual(await casesOf(r), [], 'nothing filed from "I called the hotline… I\'m safe now"');
    const summary = await press(r, 'resume_matter', k.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm']);
    assert.match(render(r, summary), /wages/i);
    assert.deepEqual(keys(await press(r, 'resume_matter', k.token!)), ['conversation.error.expired'], 'taken up once');
  });

  it('an emergency does not drop a summary that was waiting', async () => {
    const r = who();
    const first = await say(r, '小区物业不修电梯已经三个月了');
    const k = kept(await say(r, '公司拖欠工资三个月 我今晚就从楼上跳下去'));
    assert.ok(k?.token);
    assert.deepEqual(await press(r, CONFIRM_ACTION, first[0]!.token!), [], 'the waiting summary can still be confirmed');
    assert.equal((await casesOf(r)).length, 1);
    assert.deepEqual(keys(await press(r, 'resume_matter', k.token!)), ['conversation.petition.confirm']);
  });

  it('a clear complaint that only the crisis model reads as distress gets its summary without the hotlines; the office still gets the note', async () => {
    const r = who();
    const rs = await say(r, '餐馆的油烟今晚更严重了，整个楼道都是');
    assert.deepEqual(keys(rs), ['conversation.petition.confirm']);
    const notes = (await outboxTo(OFFICE_CHAT)).filter((o) => o.message.key === 'conversation.office.crisis_concern_unsent' && String(o.message.params.chat) === r.externalId);
    assert.equal(notes.length, 1, 'the office decides');
  });

  it('a detail at a 信访外 offer that only the crisis model reads as distress goes on with the matter, without the hotlines', async () => {
    const r = who();
    const first = await say(r, '楼上邻居每天晚上十二点以后还在拖椅子、跳绳，吵得我们全家睡不着');
    assert.ok(keys(first).includes('conversation.oos.offer'), keys(first).join(','));
    const rs = await say(r, '我上去跟他说过几次，他还骂我');
    assert.ok(!rs.some((x) => x.key.startsWith('triage.crisis.')), keys(rs).join(','));
    assert.ok(keys(rs).includes('conversation.oos.offer'), keys(rs).join(','));
    const notes = (await outboxTo(OFFICE_CHAT)).filter((o) => o.message.key === 'conversation.office.crisis_concern_unsent' && String(o.message.params.chat) === r.externalId);
    assert.equal(notes.length, 1, 'the office decides');
  });

  it('third retest: "我现在安全了" / "我冷静下来了" after the numbers bring the kept matter back, not the numbers again', async () => {
    for (const safe of ['我现在安全了', '我冷静下来了', '我已经从楼顶下来了']) {
      const r = who();
      const k = kept(await say(r, '公司拖欠工资三个月，我今晚就从楼上跳下去'));
      assert.ok(k?.token);
      const back = await say(r, safe);
      assert.deepEqual(keys(back), ['conversation.emergency.matter_still'], safe);
    }
    // With nothing kept, a word that the danger passed is acknowledged (it had been asked for details, or summarised
    // as a petition to the police).
    assert.deepEqual(keys(await say(who('en'), "I'm ok now, I won't do anything stupid")), ['conversation.safe_now']);
    assert.deepEqual(keys(await say(who(), '我现在安全了')), ['conversation.safe_now']);
  });

  it('third retest: a lift complaint about yesterday and restaurant fumes that take the breath away are petitions, not emergencies', async () => {
    for (const [lang, text] of [['en', 'The lift in our building trapped someone for an hour yesterday, nobody has fixed it'], ['zh-Hans', '有人在电梯里被困了两个小时才出来，物业处理太慢了，要求赔偿'], ['zh-Hans', '餐厅排烟管道对着我家窗户，烟熏得喘不过气'], ['zh-Hant', '樓下餐廳的油煙直接排進我家，嗆得喘不過氣']] as const) {
      const rs = await say(who(lang), text);
      assert.ok(!keys(rs).some((x) => x.startsWith('triage.emergency.')), `${text}: ${keys(rs)}`);
    }
  });

  it('a matter taken up hours later still works (the 30-minute limit of other offers does not apply)', async () => {
    const r = who();
    const k = kept(await say(r, '老闆走佬冇出糧，我真係唔想再活落去'));
    assert.ok(k?.token, 'Cantonese too');
    h.clock.advance(5 * 60 * 60 * 1000);
    const summary = await press(r, 'resume_matter', k.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm']);
  });
});
