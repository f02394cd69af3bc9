import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { ResidentRef } from '../../conversation/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/** "我没有想不开" after the concern reply answers it: no second office note (real PGlite, offline triage, the crisis model). */
describe('a denial after the concern reply', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf } = h;
  const officeNotes = async (r: ResidentRef) =>
    (await h.outboxTo(OFFICE_CHAT)).filter((o) => /emergency_alert|crisis_concern|_held/.test(o.message.key) && String(o.message.params.chat) === r.externalId);

  it('"我没有想不开" then "我不会做傻事的": no second note, no lines again, and the offer still waits, without those words', async () => {
    const r = who();
    const first = await say(r, '我最近压力很大，有时候觉得活着没意思');
    assert.ok(keys(first).includes('triage.crisis.concern'), render(r, first));
    const offer = h.offerIn(first);
    assert.equal((await officeNotes(r)).length, 1, 'the concern note');
    for (const text of ['我没有想不开', '我不会做傻事的']) {
      const rs = await say(r, text);
      assert.equal(keys(rs)[0], 'conversation.concern.denied', `${text}: ${render(r, rs)}`);
      assert.ok(!keys(rs).includes('triage.crisis.concern'), 'no lines again');
      assert.ok(!keys(rs).some((k) => k.startsWith('triage.emergency')), 'no emergency reply');
      assert.equal(h.offerIn(rs).token, offer.token, 'the same offer waits, with its buttons');
    }
    assert.equal((await officeNotes(r)).length, 1, 'no second note to the office');
    assert.deepEqual(await press(r, 'consent_yes', offer.token), []);
    const c = (await casesOf(r)).at(-1);
    assert.doesNotMatch(`${c.original_text} ${c.summary}`, /想不开|傻事/, 'the denial is no part of the matter');
  });

  it('"I am not going to hurt myself" after the concern reply: neither the emergency reply nor an alert', async () => {
    const r = who('en');
    const first = await say(r, 'I have been feeling really low lately, everything feels pointless');
    assert.ok(keys(first).includes('triage.crisis.concern'), render(r, first));
    const before = (await officeNotes(r)).length;
    const rs = await say(r, 'I am not going to hurt myself');
    assert.deepEqual(keys(rs).slice(0, 1), ['conversation.concern.denied'], render(r, rs));
    assert.equal((await officeNotes(r)).length, before);
  });

  it('a denial with more after the concern reply: the more is handled as usual, still without a second note', async () => {
    const r = who();
    const first = await say(r, '公司拖欠我工资三个月了，我压力很大，有时候觉得活着没意思');
    assert.ok(keys(first).includes('triage.crisis.concern'), render(r, first));
    const before = (await officeNotes(r)).length;
    const rs = await say(r, '我没有想不开，就是想要回工资');
    assert.ok(!keys(rs).includes('triage.crisis.concern'), render(r, rs));
    assert.equal((await officeNotes(r)).length, before);
  });

  it('with no concern reply before, a denial is read as always (a concern the office hears of)', async () => {
    const r = who();
    const rs = await say(r, '我没有想不开');
    assert.ok(keys(rs).includes('triage.crisis.concern'), render(r, rs));
    assert.equal((await officeNotes(r)).length, 1);
  });
});
