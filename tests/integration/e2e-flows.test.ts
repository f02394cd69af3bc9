import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { orderReplies } from '../../bot/handlers.js';
import { residentName } from '../../directory/directory.js';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * The bot end to end: telegraf polling the emulator, PGlite, Redis, the workers delivering the outbox
 * through the real sender, the offline triage engine. Residents and staff only press buttons the bot
 * sent and type messages, as people would.
 */
describe('e2e: residents and staff through Telegram', () => {
  const { e, press, say, lastText, casesOf: caseOf } = useE2E();

  const officer = { id: OFFICE_MEMBERS[0]! };

  it('(a) petition: confirm, office approval, department accepts, progress relayed, resolved, 不满意 reopens with the 复查 right', async () => {
    const resident = { id: 4001, language_code: 'zh-hans' };
    await say(resident, '我们小区电梯一个月坏了三次,上周还把一个老人关在里面半小时,物业就派人随便修修');
    assert.match(lastText(4001), /我们理解您的诉求是/);
    assert.deepEqual(await caseOf(4001), [], 'nothing is opened before the resident confirms');

    await press(resident, 4001, 'confirm');
    const [ref] = await caseOf(4001);
    assert.ok(ref, 'the confirmation opened a case');
    assert.ok(e.texts(4001).some((x) => x.includes(ref!) && /已登记/.test(x)), 'the resident got the reference');
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(ref!)), 'the office group got the review card');
    const c = await e.cases.getCase(ref!);
    assert.equal(c.status, 'office_review');
    assert.equal(c.handlerId, 'housing');
    const housing = e.directory.department('housing')!;
    const dept = housing.telegramChatId!;
    const member = { id: housing.memberIds[0]! };

    await press(officer, OFFICE_CHAT, 'approve', { ref });
    assert.equal((await e.cases.getCase(ref!)).status, 'referred');
    assert.ok(e.texts(dept).some((x) => x.includes(ref!)), 'the department group got the referral card');
    assert.ok(!e.texts(dept).some((x) => x.includes('13')), 'no personal data in the card');
    assert.match(lastText(4001), new RegExp(`${ref} 已转交「${housing.names['zh-Hans']}」`));
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(`${ref} 已同意转办`)), 'the office sees its action confirmed');

    await press(member, dept, 'accept', { ref });
    assert.equal((await e.cases.getCase(ref!)).status, 'accepted');
    assert.ok(e.texts(4001).some((x) => x.includes(`「${housing.names['zh-Hans']}」已受理事项 ${ref}`)));
    assert.match(lastText(dept), /已接收/);

    await press(member, dept, 'progress', { ref });
    const prompt = e.emu.sent(dept).filter((x) => x.method === 'sendMessage').at(-1)!;
    assert.equal((prompt.payload.reply_markup as { force_reply?: boolean }).force_reply, true, 'the note is asked for with a forced reply');
    await say(member, '已约物业维保单位周三到场检修', dept);
    assert.match(lastText(4001), new RegExp(`事项 ${ref} 有新进展.*已约物业维保单位周三到场检修`));
    assert.equal((await e.cases.getCase(ref!)).status, 'in_progress');

    await press(member, dept, 'resolve', { ref });
    await say(member, '电梯已更换主板并通过特种设备检验', dept);
    assert.equal((await e.cases.getCase(ref!)).status, 'resolved');
    const residentTexts = e.texts(4001);
    assert.ok(residentTexts.some((x) => x.includes('电梯已更换主板并通过特种设备检验')), 'the outcome reached the resident');
    assert.ok(e.button(4001, 'rate_dissatisfied', { ref }), 'the survey offers 满意 / 基本满意 / 不满意');

    await press(resident, 4001, 'rate_dissatisfied', { ref });
    const reopened = await e.cases.getCase(ref!);
    assert.equal(reopened.status, 'reopened');
    const review = e.texts(4001).find((x) => x.includes(ref!) && /复查/.test(x));
    assert.ok(review, `the resident is told of the 复查 right: ${JSON.stringify(e.texts(4001).slice(-3))}`);
    assert.match(review!, /\d{4}-\d{2}-\d{2}/, 'with its deadline');
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(ref!) && /不满意/.test(x)), 'the office hears of the dissatisfaction');
    assert.ok(e.button(OFFICE_CHAT, 'approve', { ref, text: /不满意/ }), 'and can refer it again');
  });

  it('(b) 信访外: consent, the organization declines with a reason, the next one accepts and resolves', async () => {
    const resident = { id: 4002, language_code: 'zh-hans' };
    await say(resident, '戒酒半年了最近又忍不住想喝,想找个互助小组');
    assert.match(lastText(4002), /需要我们转介吗/);
    await press(resident, 4002, 'consent_yes');
    const [ref] = await caseOf(4002);
    assert.ok(ref);
    const consent = await e.db.pool.query(`SELECT shared_fields FROM consents k JOIN cases c ON c.id = k.case_id WHERE c.ref = $1 AND withdrawn_at IS NULL`, [ref]);
    assert.equal(consent.rowCount, 1, 'a consent record was written with the case');
    const first = await e.cases.getCase(ref!);
    const org1 = e.directory.organization(first.handlerId!)!;
    assert.ok(org1.services.includes('counselling'));

    await press(officer, OFFICE_CHAT, 'approve', { ref });
    assert.ok(e.texts(org1.telegramChatId!).some((x) => x.includes(ref!)), 'the first organization got the card');
    await press({ id: org1.memberIds[0]! }, org1.telegramChatId!, 'decline', { ref });
    await say({ id: org1.memberIds[0]! }, '本月咨询师排满，无法接案', org1.telegramChatId!);
    const back = await e.cases.getCase(ref!);
    assert.equal(back.status, 'office_review');
    const org2 = e.directory.organization(back.handlerId!)!;
    assert.notEqual(org2.id, org1.id, 'the next organization with capacity is proposed');
    assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(ref!) && x.includes('本月咨询师排满')), 'the office sees the reason');

    await press(officer, OFFICE_CHAT, 'approve', { ref, text: /本月咨询师排满/ });
    // Consent was to the first organization: the resident is asked about this one, by name, first.
    assert.ok(!e.texts(org2.telegramChatId!).some((x) => x.includes(ref!)), 'nothing reaches the next organization before the resident agrees');
    await press(resident, 4002, 'consent_org_yes', { ref });
    assert.equal((await e.cases.getCase(ref!)).handlerId, org2.id);
    const member2 = { id: org2.memberIds[0]! };
    await press(member2, org2.telegramChatId!, 'accept', { ref });
    assert.ok(e.texts(4002).some((x) => x.includes(`「${residentName(org2, 'zh-Hans')}」已接手事项 ${ref}`)));
    assert.throws(() => e.button(org2.telegramChatId!, 'extend', { ref }), /no extend button/, 'organizations cannot extend statutory periods');
    await press(member2, org2.telegramChatId!, 'resolve', { ref });
    await say(member2, '已安排每周三晚互助小组，首次已参加', org2.telegramChatId!);
    assert.equal((await e.cases.getCase(ref!)).status, 'resolved');
    assert.ok(e.texts(4002).some((x) => x.includes('已安排每周三晚互助小组')));
    // The first organization's stale card does nothing now.
    const stale = e.button(org1.telegramChatId!, 'accept', { ref });
    const before = (await e.cases.getCase(ref!)).version;
    e.emu.pressButton({ id: org1.memberIds[0]! }, org1.telegramChatId!, stale.messageId, stale.data);
    await e.settle();
    assert.equal((await e.cases.getCase(ref!)).version, before);
  });

  it('(c) an emergency gets its numbers before any other message', async () => {
    const resident = { id: 4003, language_code: 'zh-hans' };
    const u = e.emu.sendText(resident, '我不想活了，今晚想从楼顶跳下去');
    const first = await e.emu.waitFor((c) => c.chatId === 4003 && ['sendMessage', 'sendChatAction', 'sendPhoto', 'sendDocument'].includes(c.method), 10_000);
    assert.equal(first.method, 'sendMessage');
    assert.equal(first.payload.text, t('zh-Hans', 'triage.emergency.suicide'));
    assert.match(String(first.payload.text), /12356/);
    await e.settle();
    assert.ok(e.texts(OFFICE_CHAT).some((x) => /紧急|emergency/i.test(x)), 'the office is alerted');
    assert.ok(u.update_id > 0);
    assert.deepEqual(await caseOf(4003), [], 'no case for an emergency');
  });

  it('(c) the renderer puts emergency replies before anything else, keeping the rest in order', () => {
    const order = orderReplies([
      { key: 'conversation.petition.confirm' },
      { key: 'triage.emergency.fire' },
      { key: 'conversation.help' },
      { key: 'triage.emergency.footer' },
    ]).map((r) => r.key);
    assert.deepEqual(order, ['triage.emergency.fire', 'triage.emergency.footer', 'conversation.petition.confirm', 'conversation.help']);
  });

  it('(e) a replayed update is handled once: one reply, one case', async () => {
    const resident = { id: 4004, language_code: 'zh-hans' };
    // This test is about replayed updates, so it needs a message the engine routes as a petition. (The
    // earlier text, a restaurant's fumes "投诉了好几次都没人管", is now taken for a 信访外 mediation matter by
    // the category model — a known routing error, listed in docs/routing-probes.md.)
    const u = await say(resident, '楼下饭店油烟直排，没有装净化器，请环保部门处理');
    assert.equal(e.texts(4004).length, 1);
    e.emu.pushRaw(u);
    await e.settle();
    assert.equal(e.texts(4004).length, 1, 'the replayed message got no second reply');

    const press1 = await press(resident, 4004, 'confirm');
    const afterFirst = e.texts(4004).length;
    assert.equal((await caseOf(4004)).length, 1);
    e.emu.pushRaw(press1);
    await e.settle();
    assert.equal((await caseOf(4004)).length, 1, 'one case');
    assert.equal(e.texts(4004).length, afterFirst, 'no second reply');
    const answers = e.emu.calls('answerCallbackQuery').filter((c) => c.payload.callback_query_id === press1.callback_query.id);
    assert.equal(answers.length, 1, 'the callback was answered once');
  });

  it('staff chatter in a group without a pending prompt stays unanswered; a non-member cannot answer someone else’s prompt', async () => {
    const before = e.texts(OFFICE_CHAT).length;
    await say({ id: 31337 }, '大家下午好', OFFICE_CHAT);
    await say(officer, '今天的会议改到三点', OFFICE_CHAT);
    assert.equal(e.texts(OFFICE_CHAT).length, before);
  });
});
