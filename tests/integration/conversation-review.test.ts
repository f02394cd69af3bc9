import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { ResidentRef } from '../../conversation/index.js';
import { useResidentConversation } from '../helpers/residentConversation.js';

describe('复查 from the conversation (Art. 35): the 不满意 reply names a way to ask for it (real PGlite)', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, outboxTo, petitionCase } = h;

  /** A petition answered in writing, and rated 不满意 by the resident. */
  const answeredAndRejected = async (r: ResidentRef) => {
    const ref = await petitionCase(r);
    const housing = h.directory.department('housing')!;
    const handler = { kind: 'handler' as const, id: String(housing.memberIds[0]), handler: { kind: 'department' as const, id: 'housing' } };
    await h.cases.approveReferral(ref, { kind: 'office', id: '901' });
    await h.cases.handlerAccept(ref, handler);
    await h.cases.resolve(ref, handler, '已督促物业维修电梯');
    await press(r, 'rate_dissatisfied', ref);
    return ref;
  };

  it('the reply to 不满意 carries a 复查 button; it asks for the reason, and the reason is the request', async () => {
    const r = who();
    const ref = await answeredAndRejected(r);
    const reopened = (await outboxTo(r.chatId!)).find((o) => o.message.key === 'cases.resident.reopened_review_right');
    assert.deepEqual(reopened?.message.actions, ['request_review'], 'the promise comes with the way to keep it');
    await say(r, '电梯还是坏的'); // the survey comment the 不满意 asked for
    const prompt = await press(r, 'request_review', ref);
    assert.deepEqual(keys(prompt), ['conversation.review.reason_prompt']);
    assert.match(render(r, prompt), new RegExp(ref));
    assert.deepEqual(await say(r, '物业根本没有修，处理意见与事实不符'), []);
    assert.equal((await h.cases.getCase(ref)).status, 'review_requested');
    const mine = (await outboxTo(r.chatId!)).map((o) => o.message.key);
    assert.ok(mine.includes('cases.resident.review_requested'), 'the answer date comes from the case service');
  });

  it('in words ("我要申请复查", "I want to request a review") it asks for the reason of the latest answered petition', async () => {
    for (const [lang, text] of [['zh-Hans', '我要申请复查'], ['en', 'I want to request a review']] as const) {
      const r = who(lang);
      const ref = await answeredAndRejected(r);
      await say(r, lang === 'en' ? 'no comment' : '没有意见');
      const rs = await say(r, text);
      assert.deepEqual(keys(rs), ['conversation.review.reason_prompt'], text);
      assert.equal(rs[0]!.params?.ref, ref);
    }
  });

  it('without an answered petition the resident is told what a 复查 is and that none can be asked now', async () => {
    const r = who();
    await petitionCase(r);
    assert.deepEqual(keys(await say(r, '我要申请复查')), ['conversation.review.none']);
    assert.deepEqual(keys(await press(r, 'request_review', 'YT-20260302-9999')), ['conversation.review.none'], 'a forged or foreign reference');
  });

  it('a second request is refused with the road to 复核 (Art. 36)', async () => {
    const r = who();
    const ref = await answeredAndRejected(r);
    await say(r, '不满意');
    await press(r, 'request_review', ref);
    await say(r, '处理意见与事实不符');
    await h.cases.answerReview(ref, { kind: 'office', id: '901' }, '复查维持原处理意见');
    await press(r, 'rate_dissatisfied', ref);
    await say(r, '还是不服');
    const rs = await press(r, 'request_review', ref);
    assert.deepEqual(keys(rs), ['conversation.review.already'], 'reviewed once: the road to 复核 instead');
    assert.match(render(r, rs), /复核/);
  });
});
