import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CONFIRM_ACTION, MAX_TEXT_CHARS } from '../../conversation/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/** The case carries the resident's whole account of the matter, told over several messages (real PGlite, offline triage). */
describe('the resident\'s account told in several messages', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf } = h;

  it('legal aid: the dispute, a detail at the offer and a typed yes → the case holds both messages, not the yes, all redacted', async () => {
    const r = who('en');
    const first = await say(r, 'My landlord will not return my deposit, call me on 13812345678');
    assert.equal(first[0]!.key, 'conversation.legal.court', render(r, first));
    h.offerIn(first);
    const second = await say(r, 'It is 5000 yuan, I moved out in March 2024, the landlord is Mr Li');
    h.offerIn(second);
    // A yes typed is no detail: the button gives the consent, and the words stay out of the account.
    const yes = await say(r, 'yes');
    assert.deepEqual(keys(yes), ['conversation.consent.press_button'], render(r, yes));
    assert.deepEqual(await press(r, 'consent_yes', h.offerIn(yes).token), []);
    const c = (await casesOf(r)).at(-1);
    assert.match(c.original_text, /will not return my deposit[\s\S]*5000 yuan/, 'both messages, in order');
    assert.doesNotMatch(c.original_text, /\byes\b/i);
    // What a handler reads is the redacted summary of the whole account: the first message's phone too.
    assert.match(c.summary, /deposit[\s\S]*5000 yuan/);
    assert.doesNotMatch(c.summary, /13812345678|Mr Li/);
    const card = (await h.outboxTo(OFFICE_CHAT)).filter((o) => o.case_id === c.id).at(-1);
    assert.doesNotMatch(JSON.stringify(card.message), /13812345678/);
  });

  it('"好的" / "可以" at a 信访外 offer is a yes to press, not a detail and not "you\'re welcome"', async () => {
    const r = who();
    const first = await say(r, '我和邻居因为噪音吵了好几次，现在关系很僵');
    const offer = h.offerIn(first);
    for (const text of ['好的', '可以']) {
      const rs = await say(r, text);
      assert.deepEqual(keys(rs), ['conversation.consent.press_button'], `${text}: ${render(r, rs)}`);
      assert.equal(h.offerIn(rs).token, offer.token);
    }
    await press(r, 'consent_yes', offer.token);
    assert.equal((await casesOf(r)).at(-1).original_text, '我和邻居因为噪音吵了好几次，现在关系很僵');
  });

  it('a detail just after 不同意 goes on with the first message: the offer made again holds both', async () => {
    const r = who();
    const first = await say(r, '我和邻居因为噪音吵了好几次，现在关系很僵');
    await press(r, 'consent_no', h.offerIn(first).token);
    const again = await say(r, '他们家每天半夜还在装修，已经一个月了');
    await press(r, 'consent_yes', h.offerIn(again).token);
    assert.match((await casesOf(r)).at(-1).original_text, /邻居因为噪音[\s\S]*半夜还在装修/, 'it had held only the second line');
  });

  it('the facts after a question on the same thing: the summary and the case hold the question and the facts', async () => {
    const r = who();
    const q = await say(r, '低保怎么申请？');
    assert.deepEqual(keys(q), ['conversation.text', 'conversation.inquiry.more'], render(r, q));
    const rs = await say(r, '我家低保申请了半年，街道一直没有答复');
    assert.deepEqual(keys(rs), ['conversation.petition.confirm'], render(r, rs));
    assert.match(render(r, rs), /低保怎么申请[\s\S]*半年/);
    await press(r, CONFIRM_ACTION, rs[0]!.token!);
    assert.match((await casesOf(r)).at(-1).original_text, /低保怎么申请[\s\S]*街道一直没有答复/, 'it had held only the second message');
  });

  it('an account longer than the case keeps: its start, cut after a sentence, with the note — not the last message alone', async () => {
    const r = who();
    const story = `房东不退押金。${'我搬走的时候房子打扫得很干净，墙面和家具都没有损坏，房东却说要扣清洁费和维修费。'.repeat(30)}`;
    // The offer may name a second organization on its own button row: its token is the offer's.
    const offerToken = (rs: Awaited<ReturnType<typeof say>>) => rs.find((x) => x.key === 'conversation.oos.offer')?.token;
    assert.ok(offerToken(await say(r, story)));
    const rs = await say(r, '他还说如果我再找他就报警。'.repeat(80));
    assert.equal(rs[0]!.key, 'conversation.long.kept_account', render(r, rs));
    await press(r, 'consent_yes', offerToken(rs)!);
    const text = (await casesOf(r)).at(-1).original_text as string;
    assert.ok(text.startsWith('房东不退押金。'), 'the first message is kept');
    assert.match(text, /报警/, 'and as much of the second as fits');
    assert.ok([...text].length <= MAX_TEXT_CHARS);
    assert.match(text, /。$/, 'cut after a sentence');
  });
});
