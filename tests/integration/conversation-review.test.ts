import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { ResidentRef } from '../../conversation/index.js';
import { useResidentConversation } from '../helpers/residentConversation.js';

describe('复查 from the conversation (Art. 35): the 不满意 reply names a way to ask for it (real PGlite)', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, outboxTo, petitionCase } = h;

  /** A petition answered in writing, its survey waiting for the resident. */
  const resolved = async (r: ResidentRef) => {
    const ref = await petitionCase(r);
    const housing = h.directory.department('housing')!;
    const handler = { kind: 'handler' as const, id: String(housing.memberIds[0]), handler: { kind: 'department' as const, id: 'housing' } };
    await h.cases.approveReferral(ref, { kind: 'office', id: '901' });
    await h.cases.handlerAccept(ref, handler);
    await h.cases.resolve(ref, handler, '已督促物业维修电梯');
    return ref;
  };

  /** …and rated 不满意 by the resident. */
  const answeredAndRejected = async (r: ResidentRef) => {
    const ref = await resolved(r);
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

  it('while the reason is awaited, thanks, a digit or a command is not filed as the reason; a sentence is', async () => {
    const r = who();
    const ref = await answeredAndRejected(r);
    await say(r, '还是没修好');
    await press(r, 'request_review', ref);
    assert.deepEqual(keys(await say(r, '谢谢')), ['conversation.courtesy']);
    assert.deepEqual(keys(await say(r, '2')), ['conversation.review.reason_prompt'], 'asked again');
    assert.deepEqual(keys(await say(r, '有进展吗？')), ['conversation.status.line']);
    assert.equal((await h.cases.getCase(ref)).status, 'reopened', 'nothing was filed yet');
    await say(r, '电梯根本没有修，答复与事实不符');
    assert.equal((await h.cases.getCase(ref)).status, 'review_requested');
    assert.deepEqual(keys(await say(r, '我要申请复查')), ['conversation.review.under_way'], 'a second request: one is under way');
  });

  it('said right after 不满意, instead of a comment, it asks for the reason', async () => {
    const r = who();
    const first = await answeredAndRejected(r);
    const rs = await say(r, '我想申請覆查點做');
    assert.deepEqual(keys(rs), ['conversation.review.reason_prompt'], 'not filed as the survey comment');
    assert.equal(rs[0]!.params?.ref, first);
  });

  it('a change of mind at the reason prompt takes the 复查 back, it is not filed with those words as its reason', async () => {
    // "算了吧，不申请了" had been offered the withdrawal of the whole case, "forget it, …" asked for the reason again.
    const changes = [['zh-Hant', '算啦，唔覆查住'], ['zh-Hant', '我唔要覆查，幫我取消'], ['zh-Hans', '不复查了'], ['en', 'never mind, cancel the review'], ['zh-Hans', '算了吧，不申请了'], ['en', "forget it, I don't want a review anymore"], ['zh-Hans', '还是算了，不复查了'], ['zh-Hans', '还是不要复查了'], ['en', 'never mind the review'], ['zh-Hant', '算數啦，唔使覆查']] as const;
    for (const [lang, text] of changes) {
      const r = who(lang);
      const ref = await answeredAndRejected(r);
      assert.deepEqual(keys(await say(r, lang === 'en' ? 'I want to request a review' : '我想申請覆查點做')), ['conversation.review.reason_prompt'], text);
      const rs = await say(r, text);
      assert.deepEqual(keys(rs), ['conversation.review.cancelled'], text);
      assert.match(render(r, rs), new RegExp(ref));
      assert.equal((await h.cases.getCase(ref)).status, 'reopened', `${text}: no 复查 requested`);
      // The prompt no longer waits: the next sentence is not filed as a reason either.
      await say(r, lang === 'en' ? 'the lift in block B is still broken' : '电梯还是坏的，物业不管');
      assert.equal((await h.cases.getCase(ref)).status, 'reopened', text);
    }
  });

  it('with two answered petitions, words ask about the one rated 不满意, not simply the latest', async () => {
    const r = who();
    const first = await answeredAndRejected(r);
    await say(r, '电梯还是坏的'); // the comment
    const attach = await say(r, '小区门口的路灯坏了一个月了，晚上很黑');
    const offer = await press(r, 'attach_no', attach[0]!.token!);
    await press(r, 'confirm', offer[0]!.token!);
    const second = (await h.casesOf(r)).at(-1).ref as string;
    const c2 = await h.cases.getCase(second);
    const dept = h.directory.department(c2.handlerId!)!;
    const handler = { kind: 'handler' as const, id: String(dept.memberIds[0]), handler: { kind: 'department' as const, id: dept.code } };
    await h.cases.approveReferral(second, { kind: 'office', id: '901' });
    await h.cases.handlerAccept(second, handler);
    await h.cases.resolve(second, handler, '已修复');
    await press(r, 'rate_satisfied', second);
    const again = await say(r, '我要申请复查');
    assert.deepEqual(keys(again), ['conversation.review.reason_prompt']);
    assert.equal(again[0]!.params?.ref, first, 'the case rated 不满意');
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

  const ratingOf = async (ref: string) =>
    (await h.db.pool.query('SELECT s.rating, s.comment FROM satisfaction s JOIN cases c ON c.id = s.case_id WHERE c.ref = $1 ORDER BY s.round DESC LIMIT 1', [ref])).rows[0];

  it('a rating typed instead of pressed is the answer to the survey: 不满意 with its reason reopens the case and offers 复查', async () => {
    const r = who();
    const ref = await resolved(r);
    const rs = await say(r, '不满意，电梯修了两天又坏了');
    assert.deepEqual(keys(rs), ['conversation.survey.comment_saved'], 'not a new petition');
    assert.deepEqual(await ratingOf(ref), { rating: 'dissatisfied', comment: '电梯修了两天又坏了' });
    assert.ok((await outboxTo(r.chatId!)).some((o) => o.message.key === 'cases.resident.reopened_review_right'), 'the 复查 right');
    assert.equal((await h.casesOf(r)).length, 1, 'no second case');
  });

  it('a bare typed rating asks for the comment, as the button does; English and 繁體 too', async () => {
    for (const [lang, text, rating] of [['en', 'not satisfied', 'dissatisfied'], ['zh-Hant', '基本滿意', 'basically_satisfied'], ['zh-Hans', '很满意，谢谢', 'satisfied']] as const) {
      const r = who(lang);
      const ref = await resolved(r);
      assert.deepEqual(keys(await say(r, text)), ['conversation.survey.comment_prompt'], text);
      assert.equal((await ratingOf(ref)).rating, rating, text);
    }
  });

  it('sarcasm is no rating, and the usual ways of saying 不满意 are', async () => {
    const r = who();
    const ref = await resolved(r);
    await say(r, '满意？路灯根本没修好');
    assert.equal((await ratingOf(ref)).rating, null, 'not recorded as satisfied');
    for (const text of ['一点都不满意，又坏了', '唔係好滿意，又壞咗', 'no, not satisfied at all, nobody came']) {
      const r2 = who();
      const ref2 = await resolved(r2);
      await say(r2, text);
      assert.equal((await ratingOf(ref2)).rating, 'dissatisfied', text);
    }
  });

  it('lukewarm words and "not really" typed at the survey are its answer, not a new petition', async () => {
    for (const [lang, text, rating, comment] of [
      ['zh-Hans', '还行吧，等钱到账再说', 'basically_satisfied', '等钱到账再说'],
      ['zh-Hant', '麻麻哋，部𨋢今朝又壞咗', 'basically_satisfied', '部𨋢今朝又壞咗'],
      ['en', "meh, it's ok I guess but it took ages", 'basically_satisfied', 'it took ages'],
      ['en', 'not really, the pothole is back already', 'dissatisfied', 'the pothole is back already'],
    ] as const) {
      const r = who(lang);
      const ref = await resolved(r);
      // No counselling lines: the crisis model alone had read "meh, it's ok I guess…" as distress.
      assert.deepEqual(keys(await say(r, text)), ['conversation.survey.comment_saved'], text);
      assert.deepEqual(await ratingOf(ref), { rating, comment }, text);
      assert.equal((await h.casesOf(r)).length, 1, `${text}: no second case`);
    }
    for (const text of ['一般般吧', '还可以']) {
      const r = who();
      const ref = await resolved(r);
      assert.deepEqual(keys(await say(r, text)), ['conversation.survey.comment_prompt'], text);
      assert.equal((await ratingOf(ref)).rating, 'basically_satisfied', text);
    }
  });

  it('without a survey waiting, 不满意 in a message is read as a message as always', async () => {
    const r = who();
    const rs = await say(r, '不满意物业的处理，小区电梯坏了三个月都没人修');
    assert.ok(rs.some((x) => x.key === 'conversation.petition.confirm'), keys(rs).join(','));
  });

  it('asked with nothing to review while a summary waits, the summary stays with its buttons', async () => {
    // "我要申请复查" had dropped the summary waiting for its button: the next message started a new one.
    const r = who();
    assert.ok(keys(await say(r, '我们小区3栋的电梯坏了两个星期了，物业一直不修')).includes('conversation.petition.confirm'));
    const rs = await say(r, '我要申请复查');
    assert.deepEqual(keys(rs), ['conversation.review.none', 'conversation.petition.still_waiting']);
    const added = await say(r, '物业根本没有真正修好，只是临时处理');
    assert.match(render(r, added), /两个星期了，物业一直不修。物业根本没有真正修好/);
  });
});
