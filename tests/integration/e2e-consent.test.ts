import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CONSENT_TEXT_VERSION } from '../../cases/commands/consent.js';
import { residentName } from '../../directory/directory.js';
import { OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * Consent is to one organization (issue 12, point 2), end to end through the Bot API emulator: the
 * resident agrees to the organization named, a second one is put to them by name before anything
 * reaches it, their "no" ends the referral and tells the office, and withdrawing consent cancels what
 * has not gone out and replaces the card an organization already has.
 */
describe('e2e: consent bound to the organization it names', () => {
  const { e, press, say, casesOf } = useE2E();

  const officer = { id: OFFICE_MEMBERS[0]! };
  const OOS = '戒酒半年了最近又忍不住想喝,想找个互助小组';
  const mentions = (chatId: number, ref: string) => e.texts(chatId).some((x) => x.includes(ref));

  /** A 信访外 case the resident agreed to send to the first organization, declined by it; the office card proposes the next. */
  async function declinedByFirst(residentId: number) {
    const resident = { id: residentId, language_code: 'zh-hans' };
    await say(resident, OOS);
    await press(resident, residentId, 'consent_yes');
    const [ref] = (await casesOf(residentId)) as [string];
    const org1 = e.directory.organization((await e.cases.getCase(ref)).handlerId!)!;
    assert.ok(
      e.texts(residentId).some((x) => x.includes(ref) && x.includes(residentName(org1, 'zh-Hans')) && x.includes('不会转给其他机构')),
      'the registration names the organization the resident agreed to',
    );
    await press(officer, OFFICE_CHAT, 'approve', { ref });
    await press({ id: org1.memberIds[0]! }, org1.telegramChatId!, 'decline', { ref });
    await say({ id: org1.memberIds[0]! }, '本月名额已满', org1.telegramChatId!);
    const org2 = e.directory.organization((await e.cases.getCase(ref)).handlerId!)!;
    assert.notEqual(org2.id, org1.id);
    return { resident, ref, org1, org2 };
  }

  it('the next organization gets the case only after the resident agrees to it by name; withdrawal replaces its card', async () => {
    const { resident, ref, org1, org2 } = await declinedByFirst(5101);
    const consents = async () =>
      (await e.db.pool.query(`SELECT organization_id, text_version, withdrawn_at FROM consents k JOIN cases c ON c.id = k.case_id WHERE c.ref = $1 ORDER BY k.id`, [ref])).rows;
    assert.deepEqual((await consents()).map((x) => [x.organization_id, x.text_version]), [[org1.id, `conversation.oos.offer@${CONSENT_TEXT_VERSION}/zh-Hans`]]);

    await press(officer, OFFICE_CHAT, 'approve', { ref, text: /本月名额已满/ });
    assert.equal((await e.cases.getCase(ref)).status, 'office_review', 'approving another organization only asks the resident');
    assert.ok(!mentions(org2.telegramChatId!, ref), 'nothing reaches the next organization before the resident agrees');
    const question = e.texts(resident.id).at(-1)!;
    assert.ok(question.includes(residentName(org2, 'zh-Hans')) && question.includes(ref), `the resident is asked about ${residentName(org2, 'zh-Hans')} by name: ${question}`);
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(ref) && x.includes('待群众同意')), 'the office sees the case waits for the resident');

    await press(resident, resident.id, 'consent_org_yes', { ref });
    assert.equal((await e.cases.getCase(ref)).status, 'referred');
    const card = e.button(org2.telegramChatId!, 'accept', { ref });
    assert.match(e.emu.message(org2.telegramChatId!, card.messageId)!.text, /摘要/);
    assert.deepEqual((await consents()).map((x) => x.organization_id), [org1.id, org2.id]);
    assert.equal((await consents())[1].text_version, `consent.resident.request.contact_chat+summary@${CONSENT_TEXT_VERSION}/zh-Hans`);

    // Withdrawal: the card the organization holds is replaced in its chat, buttons gone.
    await say(resident, '/withdraw');
    await press(resident, resident.id, 'withdraw_confirm', { ref });
    assert.equal((await e.cases.getCase(ref)).status, 'withdrawn');
    const replaced = e.emu.message(org2.telegramChatId!, card.messageId)!;
    assert.match(replaced.text, /已撤回同意/);
    assert.doesNotMatch(replaced.text, /摘要/);
    assert.equal((replaced.reply_markup?.inline_keyboard ?? []).flat().length, 0);
    assert.ok((await consents()).every((x) => x.withdrawn_at), 'every consent on the case is withdrawn');
    const events = (await e.cases.timeline(ref)).map((x) => x.type);
    assert.deepEqual(events.filter((x) => x.startsWith('consent_')), ['consent_requested', 'consent_given', 'consent_withdrawn']);
  });

  it('the resident saying no to the next organization ends the referral and tells the office; that organization gets nothing', async () => {
    const { resident, ref, org2 } = await declinedByFirst(5102);
    await press(officer, OFFICE_CHAT, 'approve', { ref, text: /本月名额已满/ });
    await press(resident, resident.id, 'consent_org_no', { ref });
    const c = await e.cases.getCase(ref);
    assert.equal(c.status, 'withdrawn');
    assert.ok(!mentions(org2.telegramChatId!, ref), 'the organization the resident refused never hears of the case');
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(ref) && x.includes('不同意') && x.includes(org2.names['zh-Hans'])), 'the office is told');
    assert.match(e.texts(resident.id).at(-1)!, new RegExp(`${ref}.*不会转给`));
    // The old question's button does nothing now.
    const before = c.version;
    await press(resident, resident.id, 'consent_org_yes', { ref });
    assert.equal((await e.cases.getCase(ref)).version, before);
    assert.ok(!mentions(org2.telegramChatId!, ref));
  });

  it('consent withdrawn while the card waits to be sent: the organization receives nothing', async () => {
    const resident = { id: 5103, language_code: 'zh-hans' };
    await say(resident, OOS);
    await press(resident, resident.id, 'consent_yes');
    const [ref] = (await casesOf(5103)) as [string];
    const org = e.directory.organization((await e.cases.getCase(ref)).handlerId!)!;

    // The outbox does not run: the approval's card waits, pending.
    await e.workers.queues.queues.outbox.pause();
    try {
      await press(officer, OFFICE_CHAT, 'approve', { ref }, false);
      const pending = await e.db.pool.query(`SELECT o.status FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref = $1 AND o.message->>'key' = 'cases.handler.referral_card'`, [ref]);
      assert.deepEqual(pending.rows, [{ status: 'pending' }]);
      await say(resident, '/withdraw', undefined, false);
      await press(resident, resident.id, 'withdraw_confirm', { ref }, false);
    } finally {
      await e.workers.queues.queues.outbox.resume();
    }
    await e.settle();
    assert.equal((await e.cases.getCase(ref)).status, 'withdrawn');
    assert.ok(!mentions(org.telegramChatId!, ref), 'neither the card nor any notice about the case reached the organization');
    const card = await e.db.pool.query(`SELECT o.status FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref = $1 AND o.message->>'key' = 'cases.handler.referral_card'`, [ref]);
    assert.deepEqual(card.rows, [{ status: 'cancelled' }]);
    assert.ok(e.texts(resident.id).some((x) => x.includes(ref) && x.includes('撤回')), 'the resident is told');
  });

  it('an offer whose service was a close call names the runner-up too; choosing it asks consent to that organization by name', async () => {
    const resident = { id: 5104, language_code: 'zh-hans' };
    // Family or youth work (the engine leads by less than its margin): the resident says which help they need.
    await say(resident, '我儿子十五岁，天天打游戏不上学，我和他爸为这事天天吵架，家里快散了');
    const other = e.button(resident.id, 'consent_other');
    const firstYes = e.button(resident.id, 'consent_yes');
    assert.match(e.emu.message(resident.id, other.messageId)!.text, /家庭/, 'the first offer names the family service');
    await press(resident, resident.id, 'consent_other');
    const second = e.texts(resident.id).at(-1)!;
    assert.ok(!/家庭/.test(second), `a new offer names another organization: ${second}`);
    // The first offer's buttons are spent: a late yes on it agrees to nothing.
    e.emu.pressButton(resident, resident.id, firstYes.messageId, firstYes.data);
    await e.settle();
    assert.deepEqual(await casesOf(resident.id), [], 'no case from the spent offer');
    await press(resident, resident.id, 'consent_yes');
    const [ref] = (await casesOf(resident.id)) as [string];
    const youth = e.directory.organization((await e.cases.getCase(ref)).handlerId!)!;
    assert.ok(youth.services.includes('youth') && second.includes(residentName(youth, 'zh-Hans')), 'the case goes to the organization of the second offer');
    const consents = (await e.db.pool.query(`SELECT organization_id FROM consents k JOIN cases c ON c.id = k.case_id WHERE c.ref = $1`, [ref])).rows;
    assert.deepEqual(consents.map((x) => x.organization_id), [youth.id]);
    // In words, naming the service by its label (the card had shown `resident_chose_service:youth`).
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(ref) && x.includes('存疑原因：群众自己选择了青少年服务')), 'the office card says the resident chose');
    assert.ok(!e.texts(OFFICE_CHAT).some((x) => x.includes('resident_chose_service')), 'no reason code on any office card');
  });
});
