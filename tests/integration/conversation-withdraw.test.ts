import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { useResidentConversation } from '../helpers/residentConversation.js';

/** The withdrawal prompt: which case, in the resident's own words, and a way back out (real PGlite, offline triage). */
describe('withdrawing a case', () => {
  const h = useResidentConversation();
  const { who, press, keys, render } = h;

  it('/withdraw lists each case with its reference and the start of the resident\'s words, personal data hidden', async () => {
    const r = who();
    const lift = await h.petitionCase(r, '小区物业不修电梯已经三个月了，老人上下楼很困难，我的电话13812345678');
    const offer = await h.say(r, '楼下餐馆每天晚上油烟很大，一直排到我们家窗户里');
    assert.deepEqual(keys(offer), ['conversation.attach.offer'], render(r, offer));
    const summary = await press(r, 'attach_no', offer[0]!.token!);
    assert.deepEqual(keys(summary), ['conversation.petition.confirm'], render(r, summary));
    await press(r, 'confirm', summary[0]!.token!);
    const fumes = (await h.casesOf(r)).at(-1).ref as string;
    const offers = await h.conv.onCommand(r, 'withdraw');
    assert.deepEqual(new Set(offers.map((x) => x.caseRef)), new Set([lift, fumes]), 'one prompt per case');
    const byRef = new Map(offers.map((x) => [x.caseRef, render(r, [x])]));
    assert.match(byRef.get(lift)!, new RegExp(`${lift}[\\s\\S]*小区物业不修电梯`), 'the lift case in the resident\'s words');
    assert.match(byRef.get(fumes)!, /油烟/, 'the restaurant case in the resident\'s words');
    assert.doesNotMatch(byRef.get(lift)!, /13812345678/, 'the phone number is hidden, as in every view of the case');
    // Hidden as a word the resident reads, not as the placeholder staff read ([PHONE] had been shown to them).
    assert.match(byRef.get(lift)!, /我的电话〔电话〕/);
    assert.doesNotMatch(byRef.get(lift)!, /\[[A-Z]+\]/);
    assert.ok([...byRef.get(lift)!.split('“')[1]!.split('”')[0]!].length <= 41, 'the words are cut short');
    for (const x of offers) assert.deepEqual(x.actions, ['withdraw_confirm', 'withdraw_keep']);
  });

  it('"keep my case" at the prompt leaves the case untouched and says so', async () => {
    const r = who('en');
    const ref = await h.petitionCase(r);
    const before = await h.cases.getCase(ref);
    const counts = await h.counts();
    const [offer] = await h.conv.onCommand(r, 'withdraw', ref);
    assert.match(render(r, [offer!]), /broken for three months/);
    const kept = await press(r, 'withdraw_keep', ref);
    assert.deepEqual(keys(kept), ['conversation.withdraw.kept']);
    assert.match(render(r, kept), new RegExp(`${ref} is not withdrawn`));
    const after = await h.cases.getCase(ref);
    assert.equal(after.status, before.status);
    assert.equal(after.version, before.version);
    assert.deepEqual(await h.counts(), counts, 'no event, no outbox row');
    // Another resident cannot use it to learn about the case.
    assert.deepEqual(keys(await press(who('en'), 'withdraw_keep', ref)), ['conversation.error.case_unavailable']);
  });
});
