import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { t } from '../../i18n/index.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { groupChat, OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';
import { HOUSING_PETITION } from '../helpers/fixtures.js';

/*
 * Staff replies Telegram did not take at first (a 5xx), kept in the outbox and delivered later
 * (issue 13, point 9): a staff prompt delivered late still binds to its message, so the staff
 * member's reply to it is taken as the answer; and a staff group reads its replies in the order the
 * bot wrote them, a later reply waiting behind one still pending in the outbox.
 */
describe('staff replies kept in the outbox', () => {
  const { e } = useE2E();

  const officer = { id: OFFICE_MEMBERS[0]! };
  const okSends = (chatId: number) => e.emu.sent(chatId).filter((c) => c.method === 'sendMessage' && c.ok);
  const decision: Decision = { ...HOUSING_PETITION };

  it('a decline prompt that failed with a 5xx is delivered by the outbox, and a reply to it records the decline with its reason', async () => {
    const housing = e.directory.department('housing')!;
    const dept = housing.telegramChatId!;
    const member = { id: housing.memberIds[0]! };
    const resident = await e.cases.upsertResident({ channel: 'telegram', externalId: '7601', chatId: 7601, language: 'zh-Hans' });
    const opened = await e.cases.openCase({ residentId: resident.id, decision, originalText: '小区物业不修电梯已经三个月了', language: 'zh-Hans' });
    await e.cases.approveReferral(opened.ref, { kind: 'office', id: String(officer.id) });
    await e.deliver();
    const card = e.button(dept, 'decline', { ref: opened.ref });

    // Telegram is down for the prompt: the bot keeps it, the outbox delivers it a moment later.
    e.emu.failChat(dept, { error_code: 502, description: 'Bad Gateway' }, 1);
    e.emu.pressButton(member, dept, card.messageId, card.data);
    await e.settle();
    const tried = e.emu.sent(dept).filter((c) => c.method === 'sendMessage');
    assert.equal(tried.at(-2)?.error?.error_code, 502, 'the direct send of the prompt failed');
    const prompt = tried.at(-1)!;
    assert.ok(prompt.ok, 'the outbox delivered the prompt');
    assert.equal((prompt.payload.reply_markup as { force_reply?: boolean }).force_reply, true);
    assert.equal(String(prompt.payload.text), t('zh-Hans', 'safety.staff.prompt.decline', { ref: opened.ref, minutes: 2 }));
    const promptId = (prompt.result as { message_id: number }).message_id;

    // The member answers with Telegram's reply to the prompt (what a forced reply makes the client send).
    const chat = groupChat(dept);
    e.emu.pushUpdate({
      message: {
        message_id: 990_001,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: { id: member.id, is_bot: false, first_name: 'M' },
        text: '该小区电梯归特种设备监管部门,不属于本局职责',
        reply_to_message: { message_id: promptId, date: prompt.at, chat, from: e.emu.me, text: String(prompt.payload.text) },
      },
    });
    await e.settle();
    const after = await e.cases.getCase(opened.ref);
    assert.equal(after.status, 'office_review', 'the decline was recorded: the case went back to the office');
    const referrals = await e.cases.referrals(opened.ref);
    assert.deepEqual(
      referrals.map((r) => [r.handlerId, r.status, r.reason]),
      [['housing', 'declined', '该小区电梯归特种设备监管部门,不属于本局职责']],
    );
    assert.equal(okSends(dept).at(-1)?.payload.text, t('zh-Hans', 'staff.done.declined', { ref: opened.ref }), 'the member sees the decline confirmed');
  });

  it("a staff group reads its replies in order: a later reply waits behind one still pending in the outbox", async () => {
    await e.settle();
    const before = okSends(OFFICE_CHAT).length;
    // The first reply's direct send is held, then fails with a 500; the outbox's delivery of it is held in flight.
    const direct = e.emu.holdNext('sendMessage');
    const outbox = e.emu.holdNext('sendMessage');
    e.emu.failChat(OFFICE_CHAT, { error_code: 500, description: 'Internal Server Error' }, 1);
    e.emu.sendText(officer, '/stats', groupChat(OFFICE_CHAT));
    assert.equal(Number((await direct.arrived).chat_id), OFFICE_CHAT);
    direct.release();
    const first = await outbox.arrived;
    assert.equal(Number(first.chat_id), OFFICE_CHAT, 'the outbox is delivering the kept reply');

    // Another staff command in the same group while the first reply is still on its way.
    e.emu.sendText(officer, '/staffhelp', groupChat(OFFICE_CHAT));
    await e.emu.idle(15_000);
    outbox.release();
    await e.deliver();
    await e.emu.idle(15_000);
    const seen = okSends(OFFICE_CHAT).slice(before).map((c) => String(c.payload.text));
    assert.equal(seen.length, 2, `each reply once: ${JSON.stringify(seen.map((x) => x.slice(0, 30)))}`);
    assert.deepEqual(seen, [String(first.text), t('zh-Hans', 'staff.command.help')], 'the /stats reply first, then /staffhelp\'s, as the bot wrote them');
  });
});
