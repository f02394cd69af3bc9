import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CONFIRM_ACTION, type ResidentRef } from '../../conversation/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/** Messages that belong together while something waits, and words that answer what waits (real PGlite, offline triage). */
describe('resident messages while an offer, a summary or a survey waits', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, outboxTo, petitionCase } = h;

  /** A second case for the resident, past the attach offer. */
  const anotherCase = async (r: ResidentRef, text: string) => {
    const offer = await say(r, text);
    assert.deepEqual(keys(offer), ['conversation.attach.offer'], render(r, offer));
    const summary = await press(r, 'attach_no', offer[0]!.token!);
    assert.deepEqual(await press(r, CONFIRM_ACTION, summary[0]!.token!), []);
    return (await casesOf(r)).at(-1).ref as string;
  };

  /** The case answered by its handler: its survey waits for the resident. */
  const resolve = (ref: string) => h.resolveCase(ref);

  const ratingOf = async (ref: string) =>
    (await h.db.pool.query('SELECT s.rating, s.comment FROM satisfaction s JOIN cases c ON c.id = s.case_id WHERE c.ref = $1 ORDER BY s.round DESC LIMIT 1', [ref])).rows[0];

  it('two messages before the attach offer is answered: after No the summary holds both, and so does the case', async () => {
    const r = who();
    await h.petitionCase(r);
    assert.deepEqual(keys(await say(r, '南新路的夜市每个周末都堵住消防通道')), ['conversation.attach.offer']);
    const second = await say(r, '还有摊贩收摊后垃圾扔得到处都是');
    assert.deepEqual(keys(second), ['conversation.attach.offer']);
    const summary = await press(r, 'attach_no', second[0]!.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm']);
    const shown = render(r, summary);
    assert.match(shown, /消防通道/, 'the first message is in the summary');
    assert.match(shown, /垃圾/);
    assert.doesNotMatch(shown, /。 /, 'no stray space after 。');
    await press(r, CONFIRM_ACTION, summary[0]!.token!);
    assert.match((await casesOf(r)).at(-1).original_text, /消防通道[\s\S]*垃圾/);
  });

  it('"不是这个意思，我是要投诉…" at the attach offer is its No: a summary of the matter, without the refusal', async () => {
    const r = who();
    await h.petitionCase(r);
    assert.deepEqual(keys(await say(r, '南新路的夜市每个周末都堵住消防通道')), ['conversation.attach.offer']);
    const rs = await say(r, '不是这个意思，我是要投诉他们违规搭建鸽棚');
    assert.deepEqual(keys(rs), ['conversation.petition.confirm'], render(r, rs));
    assert.match(render(r, rs), /鸽棚/);
    assert.doesNotMatch(render(r, rs), /不是这个意思/);
    await press(r, CONFIRM_ACTION, rs[0]!.token!);
    assert.equal((await casesOf(r)).length, 2, 'a new case');
  });

  it('every message held beside a waiting summary is taken up after submitting it, none replaced', async () => {
    const r = who('en');
    const first = await say(r, 'The street market on Nanxin Road blocks the fire lane every weekend');
    assert.deepEqual(keys(first), ['conversation.petition.confirm']);
    for (const text of ['And the karaoke bar next door plays loud music until 3am', 'The factory on Xili Road dumps waste water into the river at night']) {
      assert.deepEqual(keys(await say(r, text)), ['conversation.petition.other_matter'], text);
    }
    const next = await press(r, CONFIRM_ACTION, first[0]!.token!);
    assert.equal(keys(next)[0], 'conversation.petition.held_next');
    // Each held message is its own matter, one after the other (joined, two matters had become one case).
    assert.match(render(r, next), /karaoke/, 'the first held message');
    assert.doesNotMatch(render(r, next), /waste water/);
    const summary = next.find((x) => x.key === 'conversation.petition.confirm');
    assert.ok(summary?.token);
    const last = await press(r, CONFIRM_ACTION, summary.token);
    assert.equal(keys(last)[0], 'conversation.petition.held_next');
    assert.match(render(r, last), /waste water/, 'the second held message');
    assert.equal((await casesOf(r)).length, 2);
  });

  it('a question held beside a summary is answered after it, and a complaint held after the question gets its own summary', async () => {
    const r = who();
    const first = await say(r, '小区物业不修电梯已经三个月了');
    const q = await say(r, '另外我想问一下，低保怎么申请？');
    const c = await say(r, '还有隔壁工地晚上施工很吵，每天到凌晨两点');
    assert.deepEqual([keys(q), keys(c)], [['conversation.petition.other_matter'], ['conversation.petition.other_matter']]);
    const next = await press(r, CONFIRM_ACTION, first[0]!.token!);
    assert.equal(keys(next)[0], 'conversation.petition.held_next');
    assert.ok(keys(next).some((k) => k.startsWith('conversation.inquiry')), `the question is answered: ${keys(next)}`);
    const summary = next.find((x) => x.key === 'conversation.petition.confirm');
    assert.ok(summary, 'the site noise has its own summary');
    assert.doesNotMatch(render(r, [summary]), /低保/);
  });

  it('a rating typed while another case’s comment prompt is open answers the survey still waiting', async () => {
    const r = who('zh-Hant');
    const a = await h.petitionCase(r);
    const b = await anotherCase(r, '小區門口的路燈壞了一個月了，晚上好黑');
    await resolve(a);
    assert.deepEqual(keys(await say(r, '一般般')), ['conversation.survey.comment_prompt']);
    assert.equal((await ratingOf(a)).rating, 'basically_satisfied');
    await resolve(b);
    const rs = await say(r, '唔係好滿意');
    assert.deepEqual(keys(rs), ['conversation.survey.comment_prompt'], render(r, rs));
    assert.equal((await ratingOf(b)).rating, 'dissatisfied', 'the waiting survey is answered');
    assert.equal((await h.cases.getCase(b)).status, 'reopened');
    assert.equal((await h.cases.timeline(a)).filter((e) => e.type === 'satisfaction_comment').length, 0, 'no comment on the first case');
  });

  it('a comment typed with the rating reaches the office chat, as after the button', async () => {
    for (const [lang, text, note] of [['zh-Hant', '麻麻哋，修咗兩日又壞', '修咗兩日又壞'], ['en', "meh, it's ok I guess but it took ages", 'it took ages']] as const) {
      const r = who(lang);
      const ref = await h.petitionCase(r);
      await resolve(ref);
      assert.deepEqual(keys(await say(r, text)), ['conversation.survey.comment_saved'], text);
      const notes = (await outboxTo(OFFICE_CHAT)).filter((o) => o.message.key === 'conversation.office.satisfaction_comment' && o.message.params.ref === ref);
      assert.equal(notes.length, 1, text);
      assert.equal(notes[0].message.params.note, note);
    }
  });

  it('"唔使喇，我唔想投訴住" while a summary waits cancels the summary, not the registered cases, and names /withdraw', async () => {
    const r = who('zh-Hant');
    await h.petitionCase(r);
    await anotherCase(r, '小區門口的路燈壞了一個月了，晚上好黑');
    const offer = await say(r, '南新路的夜市每個週末都堵住消防通道');
    const summary = await press(r, 'attach_no', offer[0]!.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm']);
    const rs = await say(r, '唔使喇，我唔想投訴住');
    assert.deepEqual(keys(rs), ['conversation.petition.cancelled', 'conversation.petition.withdraw_hint']);
    assert.ok(!rs.some((x) => x.actions?.includes('withdraw_confirm')), 'no withdrawal of the old cases');
    assert.match(render(r, rs), /\/withdraw/);
    assert.deepEqual(keys(await press(r, CONFIRM_ACTION, summary[0]!.token!)), ['conversation.error.expired'], 'the summary is gone');
    assert.equal((await casesOf(r)).length, 2);
  });

  it('a department’s petition typed at a mediation offer is a new matter with its own summary, not the offer again', async () => {
    const r = who();
    const first = await say(r, '邻居天天吵架，我们想找人调解一下');
    h.offerIn(first);
    const rs = await say(r, '小区门口的路灯坏了一个月了');
    assert.deepEqual(keys(rs), ['conversation.petition.confirm'], render(r, rs));
    assert.match(render(r, rs), /路灯/);
    assert.doesNotMatch(render(r, rs), /调解/);
    assert.deepEqual(keys(await say(r, '确认提交')), ['conversation.petition.still_waiting']);
    await press(r, CONFIRM_ACTION, rs[0]!.token!);
    const [c] = await casesOf(r);
    assert.equal(c.category, 'petition');
    assert.match(c.original_text, /^小区门口的路灯/);
  });

  it('a detail joined to a waiting summary reads without a stray space after 。', async () => {
    const r = who();
    assert.deepEqual(keys(await say(r, '小区物业不修电梯已经三个月了，老人上下楼很困难。')), ['conversation.petition.confirm']);
    const rs = await say(r, '地址是南山区桃源街道5栋');
    assert.deepEqual(keys(rs), ['conversation.petition.details_added']);
    assert.match(render(r, rs), /很困难。地址是/);
  });

  it('third retest: "不用了，我不想投诉了" at the attach offer drops the message, not the open case; "算了，不用了" after the clarifying question files nothing', async () => {
    const r = who();
    await petitionCase(r);
    const offer = await say(r, '楼下烧烤店油烟很大，每天晚上熏到我们家');
    assert.deepEqual(keys(offer), ['conversation.attach.offer']);
    assert.deepEqual(keys(await say(r, '不用了，我不想投诉了')), ['conversation.petition.cancelled']);
    assert.equal((await casesOf(r))[0].status !== 'withdrawn', true, 'the open case is untouched');
    const r2 = who();
    assert.deepEqual(keys(await say(r2, '我想反映个情况')), ['conversation.unclear.question']);
    assert.deepEqual(keys(await say(r2, '算了，不用了')), ['conversation.petition.cancelled']);
    assert.deepEqual(await casesOf(r2), []);
  });

  it('third retest: the attach offer keeps its buttons under a privacy answer', async () => {
    const r = who();
    await petitionCase(r);
    const offer = await say(r, '楼下烧烤店油烟很大，每天晚上熏到我们家');
    const rs = await say(r, '可以匿名吗？');
    const again = rs.find((x) => x.key === 'conversation.attach.offer');
    assert.equal(again?.token, offer[0]!.token, `the offer again: ${keys(rs)}`);
  });

  it('asking for a counsellor beside an open lift case, as the concern reply invites, is its own 信访外 offer, not an attachment', async () => {
    const r = who('en');
    await h.petitionCase(r);
    const rs = await say(r, 'I would like to talk to a counsellor');
    assert.deepEqual(keys(rs).filter((k) => k === 'conversation.oos.offer' || k === 'conversation.attach.offer'), ['conversation.oos.offer'], render(r, rs));
    // A follow-up about the lift case itself is still offered to it.
    const r2 = who('en');
    await h.petitionCase(r2);
    assert.deepEqual(keys(await say(r2, 'The elevator is still broken and nobody came')), ['conversation.attach.offer']);
  });
});
