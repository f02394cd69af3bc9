import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CONFIRM_ACTION } from '../../conversation/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/* What a resident writes about a case they already have: answers to the office's questions, follow-ups, refusals of an offer. */
describe('resident answers and follow-ups (real PGlite, CaseService, offline triage)', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, outboxTo } = h;
  const office = { kind: 'office' as const, id: '901' };
  const events = async (ref: string, type: string) => (await h.cases.timeline(ref)).filter((e) => e.type === type);

  it('an answer to the office’s question is recorded on that case as the answer, the office told; no attach offer', async () => {
    const r = who();
    const ref = await h.petitionCase(r, '公司拖欠我三个月工资，老板一直不给');
    await h.cases.askResident(ref, office, '请提供公司的地址和劳动合同。');
    const rs = await say(r, '公司地址在南山区科技园南区高新南七道18号，合同在家里，明天拍给你们');
    assert.deepEqual(keys(rs), ['conversation.answer.saved']);
    assert.match(render(r, rs), new RegExp(`已把您的回复作为对事项 ${ref} 询问的答复转给工作人员`));
    const [answer] = await events(ref, 'resident_answer');
    assert.ok(answer, 'the answer is an event on the case');
    assert.equal(answer.actorKind, 'resident');
    assert.match(String(answer.data.note), /高新南七道/);
    assert.equal(answer.data.question, '请提供公司的地址和劳动合同。');
    const note = (await outboxTo(OFFICE_CHAT)).find((o) => o.message.key === 'conversation.office.resident_answer' && o.message.params.ref === ref);
    assert.ok(note, 'the office is told');
    assert.equal(note.message.params.question, '请提供公司的地址和劳动合同。');
    assert.equal((await casesOf(r)).length, 1, 'no new case');
    // The photo announced in the answer goes to the case asked about, and a later message is a follow-up again.
    assert.deepEqual(keys(await h.conv.onAttachment(r, 'photo', 'contract-photo-1')), ['conversation.attachment.saved']);
    assert.equal((await events(ref, 'resident_attachment')).length, 1);
    assert.deepEqual(keys(await say(r, '另外老板还扣了我的押金两千元')), ['conversation.attach.offer']);
  });

  it('an answer in English: recorded, with no counselling lines; the older case asked about gets it, not the newest', async () => {
    const r = who('en');
    const light = await h.petitionCase(r, 'The street light outside my building on Houhai Avenue has been broken for two weeks');
    const rs0 = await say(r, "The elevator in our building has been broken for three months and the property company won't fix it");
    const summary = await press(r, 'attach_no', rs0[0]!.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm']);
    await press(r, CONFIRM_ACTION, summary[0]!.token!);
    const newer = (await casesOf(r)).length;
    assert.equal(newer, 2);
    h.clock.advance(60_000);
    await h.cases.askResident(light, office, '请问具体是哪个路段？');
    const rs = await say(r, "It's between Houhai Avenue and Chuangye Road, near the Coastal City mall");
    assert.deepEqual(keys(rs), ['conversation.answer.saved'], 'no crisis lines, no "Is this about case …?"');
    assert.equal(rs[0]!.params!.ref, light);
    assert.match(String((await events(light, 'resident_answer'))[0]?.data.note), /Coastal City/);
    assert.equal((await casesOf(r)).length, newer);
  });

  it('a command, thanks or an emergency is not taken as the answer; the question still waits for it', async () => {
    const r = who();
    const ref = await h.petitionCase(r);
    await h.cases.askResident(ref, office, '请问是几号楼的电梯？');
    const status = await say(r, '有进展吗？');
    assert.ok(keys(status).includes('conversation.status.line'), keys(status).join(','));
    assert.deepEqual(keys(await say(r, '谢谢')), ['conversation.courtesy']);
    const sos = await say(r, '我不想活了，今晚就从楼上跳下去');
    assert.ok(!keys(sos).includes('conversation.answer.saved'), keys(sos).join(','));
    assert.equal((await events(ref, 'resident_answer')).length, 0);
    assert.deepEqual(keys(await say(r, '是3号楼的2单元')), ['conversation.answer.saved']);
    assert.match(String((await events(ref, 'resident_answer'))[0]?.data.note), /3号楼/);
  });

  it('the handler asks: the answer reaches the handler’s chat as well as the office', async () => {
    const r = who();
    const ref = await h.petitionCase(r);
    const housing = h.directory.department('housing')!;
    await h.cases.approveReferral(ref, office);
    const handler = { kind: 'handler' as const, id: String(housing.memberIds[0]), handler: { kind: 'department' as const, id: 'housing' } };
    await h.cases.askResident(ref, handler, '请问物业公司的名称？');
    assert.deepEqual(keys(await say(r, '是万科物业')), ['conversation.answer.saved']);
    const toHandler = (await outboxTo(housing.telegramChatId!)).filter((o) => o.message.key === 'conversation.office.resident_answer');
    assert.equal(toHandler.length, 1);
    assert.match(String(toHandler[0]!.message.params.note), /万科物业/);
  });

  it('a follow-up is offered to the open case it is about, not the newest: 路灯 → the street-light case', async () => {
    const r = who();
    const light = await h.petitionCase(r, '我家楼下的路灯坏了两个星期了，晚上很黑');
    // A 信访外 need that the street-light case is not about is offered at once, not as an attachment.
    const offer = h.offerIn(await say(r, '老人独居没人照顾，想找养老服务'));
    await press(r, 'consent_yes', offer.token);
    const all = await casesOf(r);
    assert.equal(all.length, 2);
    const rs = await say(r, '路灯今天已经修好了，不用麻烦你们了');
    const attach = rs.find((x) => x.key === 'conversation.attach.offer');
    assert.equal(attach?.params?.ref, light, render(r, rs));
    await press(r, 'attach_yes', attach!.token!);
    assert.match(String((await events(light, 'resident_note'))[0]?.data.note), /路灯/);
    assert.equal((await events(all[1].ref, 'resident_note')).length, 0);
  });

  it('a survey comment typed after its prompt lapsed is offered to the case it rates, not a newer one', async () => {
    const r = who();
    const light = await h.petitionCase(r, '我家楼下的路灯坏了两个星期了，晚上很黑');
    await h.resolveCase(light, '已更换路灯灯泡');
    const care = await say(r, '老人独居没人照顾，想找养老服务');
    await press(r, 'consent_yes', h.offerIn(care).token);
    await press(r, 'rate_dissatisfied', light);
    h.clock.advance(31 * 60_000);
    const rs = await say(r, '路灯修了两天又不亮了，晚上还是很黑');
    const attach = rs.find((x) => x.key === 'conversation.attach.offer');
    assert.equal(attach?.params?.ref, light, render(r, rs));
  });

  for (const refusal of ['不是这个意思，我是要举报那个网吧让未成年人进去上网', '我不需要社工，我要举报网吧违规接纳未成年人']) {
    it(`a youth offer refused with "${refusal}": a petition for the office to review, not the same offer`, async () => {
      const r = who();
      const first = await say(r, '楼下网吧有很多未成年人，孩子们都在里面打游戏，没人管教');
      assert.deepEqual(keys(first), ['conversation.oos.offer']);
      const rs = await say(r, refusal);
      assert.deepEqual(keys(rs), ['conversation.petition.confirm'], render(r, rs));
      assert.notEqual(render(r, rs), render(r, first));
      await press(r, CONFIRM_ACTION, rs[0]!.token!);
      const [c] = await casesOf(r);
      assert.equal(c.category, 'petition');
      assert.equal(c.status, 'office_review');
      assert.match(c.original_text, /网吧/);
    });
  }

  it('a detail that would make the waiting summary too long: says so of the summary, not of the message, and what to do', async () => {
    const r = who('en');
    const start = `The elevator in our building has been broken for three months and the property company will not fix it. ${'Residents on the upper floors cannot get out. '.repeat(28)}`.slice(0, 1400);
    const rs = await say(r, start);
    assert.deepEqual(keys(rs), ['conversation.petition.confirm']);
    const detail = `More detail: ${'the lift stops between floors. '.repeat(70)}`.slice(0, 1960);
    const more = await say(r, detail);
    assert.deepEqual(keys(more), ['conversation.petition.too_long_combined']);
    const text = render(r, more);
    assert.doesNotMatch(text, /That message is too long/);
    assert.match(text, /with it, your request would be longer than the 2000-character limit/);
    assert.match(text, /submit what is there and then send the addition/);
    assert.deepEqual(more[0]!.actions, [CONFIRM_ACTION, 'cancel']);
    await press(r, CONFIRM_ACTION, more[0]!.token!);
    const [c] = await casesOf(r);
    assert.equal(c.original_text, start.trim());
  });
});
