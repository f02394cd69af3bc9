import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * The crisis layer end to end (telegraf ↔ Bot API emulator, PGlite, Redis, workers): implicit danger
 * in 简体, written Cantonese and English gets the numbers and an urgent office alert that says why;
 * a concern-level message gets the warm reply and its request still goes ahead. Our own messages.
 */
describe('e2e: crisis detection through Telegram', () => {
  const { e, press, casesOf } = useE2E();

  /** The resident writes; returns the first thing the bot sends back to that chat. */
  const firstReply = async (user: { id: number; language_code: string }, text: string) => {
    e.emu.sendText(user, text);
    const first = await e.emu.waitFor((c) => c.chatId === user.id && c.method === 'sendMessage', 10_000);
    await e.settle();
    return String(first.payload.text);
  };
  const alerts = () => e.texts(OFFICE_CHAT).filter((x) => x.startsWith('🚨'));
  const caseCount = async (residentId: number) => (await casesOf(residentId)).length;

  it('an implicit suicide message (a farewell handing over passwords and a pet) gets the crisis lines and an urgent alert', async () => {
    const before = alerts().length;
    const reply = await firstReply({ id: 5101, language_code: 'zh-hans' }, '猫粮在柜子第二层,银行卡密码写在抽屉的本子里,以后帮我照顾好它们,谢谢你们');
    assert.equal(reply, t('zh-Hans', 'triage.emergency.suicide'));
    assert.match(reply, /0755-25629459/);
    const mine = alerts().slice(before);
    assert.equal(mine.length, 1, 'one urgent office alert');
    assert.match(mine[0]!, /suicide/);
    assert.match(mine[0]!, /cue:farewell/, 'the alert says which cue fired');
    assert.equal(await caseCount(5101), 0, 'no case is opened for an emergency');
  });

  it('a Cantonese domestic-violence message gets safety first, 110 and the protection-order route', async () => {
    const before = alerts().length;
    const reply = await firstReply({ id: 5102, language_code: 'zh-hant' }, '佢飲醉咗而家喺門口拍門,話要劈死我,我同個仔匿埋喺廁所');
    assert.equal(reply, t('zh-Hant', 'triage.emergency.violence'));
    assert.match(reply, /110/);
    assert.match(reply, /保護令/);
    const mine = alerts().slice(before);
    assert.equal(mine.length, 1);
    assert.match(mine[0]!, /violence/);
  });

  it('an English overdose written calmly gets 120 and what to do meanwhile, and an alert', async () => {
    const before = alerts().length;
    const reply = await firstReply({ id: 5103, language_code: 'en' }, 'I swallowed the whole bottle of my sleeping pills about twenty minutes ago. I feel calm now.');
    assert.equal(reply, t('en', 'triage.emergency.overdose'));
    assert.match(reply, /120/);
    const mine = alerts().slice(before);
    assert.equal(mine.length, 1);
    assert.match(mine[0]!, /overdose/);
  });

  it('an emergency written in another language than the resident chose is answered in the language of the message', async () => {
    const before = alerts().length;
    const reply = await firstReply({ id: 5105, language_code: 'zh-hans' }, 'There is a strong smell of gas in our kitchen and my mother says she feels dizzy and sick');
    assert.equal(reply, t('en', 'triage.emergency.gas'));
    assert.equal(alerts().length - before, 1);
  });

  it('a concern-level message gets the warm reply, the office a normal note, and the request still proceeds', async () => {
    const before = alerts().length;
    const resident = { id: 5104, language_code: 'zh-hans' };
    const reply = await firstReply(resident, '楼下饭店油烟太大,熏得我们没法开窗,我最近真的好累,感觉撑不下去了');
    assert.equal(reply, t('zh-Hans', 'triage.crisis.concern'));
    const texts = e.texts(5104);
    assert.equal(texts.length, 2, 'the warm reply, then the reply that handles the request');
    assert.equal(alerts().length, before, 'no urgent alert for concern');
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.startsWith('💛') && x.includes('5104')), 'the office got a normal-priority note');
    // The request goes ahead as usual (a petition to confirm, or a referral to consent to): accepting opens a case.
    const action = /我们理解您的诉求是/.test(texts[1]!) ? 'confirm' : 'consent_yes';
    await press(resident, 5104, action);
    assert.equal(await caseCount(5104), 1);
  });

  it("a concern about an elder's safety gets the emergency numbers for when it turns urgent, not the mental-health lines", async () => {
    const resident = { id: 5106, language_code: 'zh-hk' };
    const reply = await firstReply(resident, '我阿媽八十幾歲，一個人住，最近成日唔記得熄火，我返工又照顧唔到佢');
    assert.equal(reply, t('zh-Hant', 'triage.crisis.concern.safety'));
    assert.ok(!e.texts(5106).some((x) => x.includes('心理危機干預熱線')), 'no crisis-line text for a daughter asking for elder care');
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.startsWith('💛') && x.includes('5106') && x.includes('child_elder')), 'the office got a normal-priority note naming the kind');
  });
});
