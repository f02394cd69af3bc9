import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { GROUP_UPDATES_PER_MINUTE } from '../../bot/middleware/admission.js';
import { enqueueOutbox, markChatReachable, markChatUnreachable } from '../../cases/outboxRepository.js';
import { pgOfficeAlertLimiter } from '../../cases/officeAlerts.js';
import { t } from '../../i18n/index.js';
import { groupChat, OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * Telegram's errors, end to end with the Bot API emulator answering them for chosen chats: a group
 * upgraded to a supergroup (400 migrate_to_chat_id), a resident who blocked the bot (403), a long
 * message failing midway, groups the bot does not serve, and a 429 on the emergency reply.
 */
describe('Telegram errors', () => {
  const { e, press, say, casesOf, unblocked } = useE2E();

  const officer = { id: OFFICE_MEMBERS[0]! };
  const refOf = async (residentId: number) => (await casesOf(residentId)).at(-1);
  const petition = async (residentId: number) => {
    const resident = { id: residentId, language_code: 'zh-hans' };
    await say(resident, '我们小区电梯一个月坏了三次,上周还把一个老人关在里面半小时,物业就派人随便修修');
    await press(resident, residentId, 'confirm');
    const ref = await refOf(residentId);
    assert.ok(ref, 'the case was opened');
    return ref!;
  };

  it('a handler group upgraded to a supergroup: the card is re-sent to the new id, which becomes the directory chat', async () => {
    const housing = e.directory.department('housing')!;
    const oldChat = housing.telegramChatId!;
    const newChat = -1009_000_000_001;
    e.emu.migrate(oldChat, newChat);
    const ref = await petition(7401);
    await press(officer, OFFICE_CHAT, 'approve', { ref });
    assert.ok(e.texts(newChat).some((x) => x.includes(ref)), 'the referral card reached the supergroup');
    const o = await e.db.pool.query(`SELECT telegram_chat_id FROM directory_overrides WHERE handler_kind = 'department' AND handler_id = 'housing'`);
    assert.equal(Number(o.rows[0]?.telegram_chat_id), newChat, 'the new id is stored as the directory chat');
    const failed = await e.db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'failed'`);
    assert.equal(failed.rows[0].n, 0);
  });

  it('a resident who blocked the bot: messages kept (pending), the office told once, all sent once unblocked', async () => {
    const resident = { id: 7402, language_code: 'zh-hans' };
    await say(resident, '我们小区路灯坏了两个月了,晚上出门很不安全,希望尽快修好');
    e.emu.block(7402);
    await press(resident, 7402, 'confirm');
    const ref = (await refOf(7402))!;
    assert.ok(ref);
    const alerts = () => e.texts(OFFICE_CHAT).filter((x) => x.startsWith('⚠️ 消息无法送达'));
    assert.equal(alerts().length, 1, 'the office was told');
    assert.match(alerts()[0]!, new RegExp(ref));
    // A second message for the same chat waits too, without a second alert.
    await press(officer, OFFICE_CHAT, 'approve', { ref });
    const rows = await e.db.pool.query(`SELECT status FROM outbox WHERE chat_id = 7402 ORDER BY id`);
    assert.ok(rows.rows.length >= 1);
    assert.ok(rows.rows.every((r) => r.status === 'pending'), `kept pending: ${JSON.stringify(rows.rows)}`);
    assert.equal(alerts().length, 1, 'told once');

    e.emu.unblock(7402);
    unblocked(7402);
    await e.settle();
    const after = await e.db.pool.query(`SELECT status FROM outbox WHERE chat_id = 7402`);
    assert.ok(after.rows.every((r) => r.status === 'sent'), 'everything went out');
    assert.ok(e.texts(7402).some((x) => x.includes(ref)), 'the resident got the reference');
  });

  it('a long message that fails midway resumes from the failed part', async () => {
    const parts = ['甲'.repeat(3000), '乙'.repeat(3000), '丙'.repeat(3000)];
    await enqueueOutbox(e.db.pool, {
      caseId: null,
      channel: 'telegram',
      chatId: 7403,
      chatKind: 'private',
      language: 'zh-Hans',
      message: { key: 'conversation.text', params: { text: parts.join('\n\n') } },
      dedupeKey: 'split-resume-test',
      notBefore: new Date(),
    });
    // The first part goes through, the second gets a server error once.
    e.emu.failChat(7403, { error_code: 500, description: 'Internal Server Error' }, 1, 1);
    await e.deliver();
    assert.deepEqual(e.texts(7403).map((x) => x[0]), ['甲', '乙', '丙'], 'each part once, in order');
    assert.ok(e.emu.sent(7403).some((c) => !c.ok), 'a send did fail');
  });

  it('silent in a group it does not serve; a flood in a served group gets bounded answers', async () => {
    const stranger = -100777;
    await say({ id: 7404 }, '/start', stranger);
    await say({ id: 7404 }, '/help', stranger);
    await say({ id: 7404 }, '很长的消息'.repeat(1000), stranger);
    assert.deepEqual(e.emu.sent(stranger), [], 'no answer in a group the bot does not serve');

    const help = t('zh-Hans', 'bot.help');
    const before = e.texts(OFFICE_CHAT).filter((x) => x === help).length;
    const flood = GROUP_UPDATES_PER_MINUTE * 2 + 10;
    e.emu.batch(() => {
      for (let i = 0; i < flood; i++) e.emu.sendText(officer, '/help', groupChat(OFFICE_CHAT));
    });
    await e.settle();
    const answered = e.texts(OFFICE_CHAT).filter((x) => x === help).length - before;
    assert.ok(answered >= 1, 'the office group is served');
    // At most one window's worth, or two if the minute turned during the flood.
    assert.ok(answered <= GROUP_UPDATES_PER_MINUTE * 2 && answered < flood, `answered ${answered} of ${flood}`);
  });

  it('a 429 on the emergency reply is waited out and the numbers are delivered', async () => {
    e.emu.failChat(7405, { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 1);
    await say({ id: 7405, language_code: 'zh-hans' }, '我老公喝醉了拿着菜刀在砸门,说要砍死我,快来救命');
    const sends = e.emu.sent(7405).filter((c) => c.method === 'sendMessage');
    assert.equal(sends[0]?.error?.error_code, 429, 'the first try was refused');
    assert.match(e.texts(7405)[0] ?? '', /110/, 'the numbers went out after retry_after');
  });
  it("a handler's group that removed the bot: the office alert names the department in the office's language, with the chat id", async () => {
    const dept = e.directory.departments.find((d) => d.code !== 'housing')!;
    const chat = dept.telegramChatId!;
    e.emu.block(chat, 'Forbidden: bot was kicked from the group chat');
    await enqueueOutbox(e.db.pool, {
      caseId: null,
      channel: 'telegram',
      chatId: chat,
      chatKind: 'group',
      language: 'zh-Hans',
      message: { key: 'conversation.text', params: { text: '进展提醒', ref: 'XF-TEST-1' } },
      dedupeKey: 'unreachable-handler-name',
      notBefore: new Date(),
      recipient: `handler:department:${dept.code}`,
    });
    await e.deliver();
    const alert = e.texts(OFFICE_CHAT).find((x) => x.startsWith('⚠️ 消息无法送达') && x.includes(String(chat)));
    assert.ok(alert, 'the office was told');
    assert.ok(alert!.includes(dept.names['zh-Hans']), `names the department: ${alert}`);
    assert.ok(!alert!.includes('handler:') && !alert!.includes(`department:${dept.code}`), 'no internal key');
    e.emu.unblock(chat);
  });

  it('a chat that comes back gets only the messages held for it, oldest first; a held alert summary keeps its time', async () => {
    // Far in the future, so the running outbox poll leaves these rows alone.
    const t0 = Date.now() + 30 * 86_400_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const chat = -100_777_001;
    const limiter = pgOfficeAlertLimiter(e.db.pool, 10);
    const alert = (requestId: string, minutes: number) =>
      limiter.write({
        row: { caseId: null, channel: 'telegram', chatId: chat, chatKind: 'group', language: 'zh-Hans', message: { key: 'conversation.text', params: { text: requestId } }, dedupeKey: `held-order-${requestId}`, notBefore: at(minutes), recipient: 'office' },
        key: `immediate:telegram:held-order`,
        requestId,
        summary: (held) => ({ key: 'conversation.text', params: { text: `${held} more` } }),
      });
    await alert('a', 0);
    await alert('b', 1); // held: counted into the summary due when the window ends (t0 + 10 min)
    await enqueueOutbox(e.db.pool, { caseId: null, channel: 'telegram', chatId: chat, chatKind: 'group', language: 'zh-Hans', message: { key: 'conversation.text', params: { text: 'c' } }, dedupeKey: 'held-order-c', notBefore: at(2) });
    const rows = async () =>
      (await e.db.pool.query(`SELECT id, dedupe_key, not_before FROM outbox WHERE chat_id = $1 ORDER BY id`, [chat])).rows.map((r) => ({ id: Number(r.id), key: String(r.dedupe_key), due: new Date(r.not_before).getTime() }));
    const before = await rows();
    const summary = before.find((r) => r.key.startsWith('held:'))!;
    assert.equal(summary.due, at(10).getTime());

    await markChatUnreachable(e.db.pool, 'telegram', chat, 'Forbidden: bot was kicked', at(3), at(18));
    assert.ok((await rows()).every((r) => r.due >= at(18).getTime()), 'all held while unreachable');
    const released = await markChatReachable(e.db.pool, 'telegram', chat, at(4));
    const plain = before.filter((r) => r.id !== summary.id).map((r) => r.id);
    assert.deepEqual(released, plain, 'the held messages, oldest first; not the summary');
    const after = await rows();
    assert.equal(after.find((r) => r.id === summary.id)!.due, at(10).getTime(), 'the summary keeps its time');
    assert.ok(after.filter((r) => r.id !== summary.id).every((r) => r.due === at(4).getTime()));
    await e.db.pool.query(`UPDATE outbox SET status = 'cancelled' WHERE chat_id = $1`, [chat]);
  });
});
