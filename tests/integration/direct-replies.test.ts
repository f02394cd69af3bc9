import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createBotHandlers } from '../../bot/handlers.js';
import { createTelegramBot } from '../../bot/telegramBot.js';
import type { StaffConversation } from '../../conversation/staff.js';
import type { ResidentConversationApi } from '../../conversation/types.js';
import { t } from '../../i18n/index.js';
import { systemClock } from '../../kernel/clock.js';
import { createLogger } from '../../kernel/logger.js';
import { OFFICE_CHAT } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * Direct replies (the bot's answer while it handles the update) are never lost: sent at once, and when
 * Telegram does not take one (403 blocked, 5xx, 429 beyond the wait) it is kept in the outbox — with
 * every later reply of the update, an emergency's numbers first in the chat's line, a split text from
 * its failed part — and a redelivered update after a crash is handled again, not dropped as a duplicate.
 */
describe('direct replies', () => {
  const { e, unblocked } = useE2E();

  /** Polls `check` until it returns a truthy value (state, never a fixed sleep). */
  async function until<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const kept = async (chatId: number) =>
    (
      await e.db.pool.query(
        `SELECT id, status, priority, parts_sent, last_error, message->'params'->>'text' AS text FROM outbox WHERE chat_id = $1 AND dedupe_key LIKE 'direct|%' ORDER BY id`,
        [chatId],
      )
    ).rows as Array<{ id: string; status: string; priority: number; parts_sent: number; last_error: string | null; text: string }>;
  const resident = (id: number) => ({ id, language_code: 'zh-hans' });
  const sends = (chatId: number) => e.emu.sent(chatId).filter((c) => c.method === 'sendMessage');

  it('a resident who blocked the bot: the reply is kept and delivered once they unblock it (my_chat_member)', async () => {
    e.emu.block(7501);
    e.emu.sendText(resident(7501), '我们小区路灯坏了两个月了,晚上出门很不安全');
    await e.emu.idle(15_000);
    const rows = await kept(7501);
    assert.ok(rows.length >= 1, 'the reply was kept in the outbox');
    // The outbox tried it, got 403 too, and holds the chat's messages (tried again later, or when it comes back).
    await until('the chat marked unreachable', async () => (await e.db.pool.query(`SELECT 1 FROM chat_delivery WHERE chat_id = 7501 AND unreachable_since IS NOT NULL`)).rowCount);
    assert.ok((await kept(7501)).every((r) => r.status === 'pending'), 'kept pending, not failed');
    assert.deepEqual(e.texts(7501), [], 'nothing reached the resident yet');

    e.emu.unblock(7501);
    unblocked(7501);
    await e.settle();
    const after = await kept(7501);
    assert.ok(after.every((r) => r.status === 'sent'), `all sent: ${JSON.stringify(after.map((r) => r.status))}`);
    assert.deepEqual(e.texts(7501), after.map((r) => r.text), 'each reply once, in order');
  });

  it('a 500 on the reply: the outbox worker delivers it later', async () => {
    e.emu.failChat(7502, { error_code: 500, description: 'Internal Server Error' }, 1);
    e.emu.sendText(resident(7502), '楼上邻居每天半夜装修,噪音很大,物业不管');
    await e.settle();
    assert.equal(sends(7502)[0]?.error?.error_code, 500, 'the direct send failed');
    const rows = await kept(7502);
    assert.ok(rows.length >= 1 && rows.every((r) => r.status === 'sent'), 'kept, then sent by the outbox');
    assert.deepEqual(e.texts(7502), rows.map((r) => r.text));
  });

  it('a 429 longer than the direct wait: handed to the outbox at once and delivered', async () => {
    e.emu.failChat(7503, { error_code: 429, description: 'Too Many Requests: retry after 3600', parameters: { retry_after: 3600 } }, 1);
    e.emu.sendText(resident(7503), '我家门口的下水道堵了一周了,臭味很大');
    await e.settle();
    assert.equal(sends(7503)[0]?.error?.error_code, 429);
    const rows = await kept(7503);
    assert.ok(rows.length >= 1 && rows.every((r) => r.status === 'sent'));
    assert.deepEqual(e.texts(7503), rows.map((r) => r.text));
  });

  it('a command\'s plain reply (ctx.reply) is kept too', async () => {
    e.emu.failChat(7508, { error_code: 500, description: 'Internal Server Error' }, 1);
    e.emu.sendText(resident(7508), '/help');
    await e.settle();
    const rows = await kept(7508);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'sent');
    assert.deepEqual(e.texts(7508), [t('zh-Hans', 'bot.help')]);
  });

  it('under a 429 storm the emergency reply is the first delivered, ahead of the chat\'s earlier replies', async () => {
    const chat = 7504;
    const storm = { error_code: 429, description: 'Too Many Requests: retry after 3600', parameters: { retry_after: 3600 } };
    e.emu.failChat(chat, storm, 1000);
    e.emu.sendText(resident(chat), '小区门口的垃圾站一直没人清理,夏天很臭');
    await e.emu.idle(15_000);
    const earlier = await kept(chat);
    assert.ok(earlier.length >= 1);
    // The outbox tried them and was told to wait an hour.
    await until('the earlier replies tried by the outbox', async () => (await kept(chat)).every((r) => /retry_after/.test(r.last_error ?? '')));

    e.emu.sendText(resident(chat), '我老公喝醉了拿着菜刀在砸门,说要砍死我,快来救命');
    await e.emu.idle(15_000);
    const rows = await kept(chat);
    const urgent = rows.filter((r) => r.priority === 1);
    assert.ok(urgent.length >= 1, 'the numbers kept with priority');
    assert.match(urgent[0]!.text, /110/);
    assert.ok(rows.filter((r) => r.priority === 0).every((r) => !/110/.test(r.text)));
    assert.ok(Number(urgent[0]!.id) > Number(earlier.at(-1)!.id), 'written after the earlier replies');
    // The first of the numbers was tried (and told to wait); the others wait behind it.
    await until('the emergency row tried', async () => (await kept(chat)).find((r) => r.priority === 1)?.last_error);

    // The storm ends: every postponed delivery is due at once.
    e.emu.failChat(chat, storm, 0);
    const outbox = e.workers.queues.queues.outbox;
    for (const job of await outbox.getDelayed()) await job.promote().catch(() => undefined);
    await e.deliver();
    const delivered = e.texts(chat);
    assert.match(delivered[0] ?? '', /110/, `the numbers first: ${JSON.stringify(delivered.map((x) => x.slice(0, 20)))}`);
    assert.equal(delivered.length, rows.length, 'every kept reply delivered once');
  });

  it('a split reply that fails at part 2 is kept from part 2 and resumes there', async () => {
    const parts = ['甲'.repeat(3000), '乙'.repeat(3000), '丙'.repeat(3000)];
    const fake: ResidentConversationApi = {
      onText: async () => [{ key: 'conversation.text', params: { text: parts.join('\n\n') } }],
      onAction: async () => [],
      onCommand: async () => [],
      onAttachment: async () => [],
    };
    const handlers = createBotHandlers({
      resident: fake,
      staff: {} as StaffConversation,
      directory: e.directory,
      officeChatId: OFFICE_CHAT,
      callbacks: e.callbacks,
      replies: { pool: e.db.pool, clock: systemClock },
    });
    // A second bot on the same emulator, fed its update directly (the harness's bot keeps polling).
    const bot = createTelegramBot({
      token: e.cfg.TELEGRAM_BOT_TOKEN!,
      apiRoot: e.cfg.TELEGRAM_API_ROOT,
      redis: e.redis,
      pool: e.db.pool,
      logger: createLogger('silent'),
      handlers,
      callbacks: e.callbacks,
      keyPrefix: `${e.prefix}:split`,
    });
    bot.bot.botInfo = { ...e.emu.me, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } as never;
    e.emu.failChat(7505, { error_code: 502, description: 'Bad Gateway' }, 1, 1);
    await bot.handleUpdate({
      update_id: 5_000_001,
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 7505, type: 'private', first_name: 'R' }, from: { id: 7505, is_bot: false, first_name: 'R' }, text: '请把材料发给我' },
    } as never);
    const rows = await kept(7505);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.parts_sent, 1, 'kept from its second part');
    await e.deliver();
    assert.deepEqual(e.texts(7505).map((x) => x[0]), ['甲', '乙', '丙'], 'each part once, in order');
    assert.equal((await kept(7505))[0]!.status, 'sent');
  });

  const HOUR_429 = { error_code: 429, description: 'Too Many Requests: retry after 3600', parameters: { retry_after: 3600 } };
  /** Every postponed delivery is due now (the 429's hour is over), then the outbox drains. */
  const promoteAndDeliver = async () => {
    for (const job of await e.workers.queues.queues.outbox.getDelayed()) await job.promote().catch(() => undefined);
    await e.deliver();
  };

  it('a later message\'s reply waits behind the chat\'s kept reply and arrives after it; an emergency\'s numbers do not wait', async () => {
    const chat = 7510;
    // The first reply fails, and so does the outbox's first try of it: Telegram says to wait an hour.
    e.emu.failChat(chat, HOUR_429, 2);
    e.emu.sendText(resident(chat), '小区门口的路灯坏了一个月了,晚上很黑');
    await e.emu.idle(15_000);
    await until('the kept reply tried by the outbox', async () => (await kept(chat)).some((r) => /retry_after/.test(r.last_error ?? '')));
    const first = await kept(chat);

    // Telegram takes messages to the chat again, but the first reply still waits for the outbox.
    e.emu.sendText(resident(chat), '/status');
    await e.emu.idle(15_000);
    assert.deepEqual(e.texts(chat), [], 'the later reply did not overtake the waiting one');
    assert.ok((await kept(chat)).length > first.length, 'it was kept behind it');

    e.emu.sendText(resident(chat), '我老公喝醉了拿着菜刀在砸门,说要砍死我,快来救命');
    await e.emu.idle(15_000);
    // The emergency's replies (its numbers, the office alerted) went out at once, ahead of the waiting ones.
    const atOnce = e.texts(chat);
    assert.match(atOnce[0] ?? '', /110/, 'the numbers went out at once');

    await promoteAndDeliver();
    const rows = await kept(chat);
    assert.ok(rows.every((r) => r.status === 'sent'), `all sent: ${JSON.stringify(rows.map((r) => r.status))}`);
    assert.deepEqual(e.texts(chat).slice(atOnce.length), rows.map((r) => r.text), 'then each kept reply once, in the order written');

    // The line is empty again: the next reply goes out at once, and the chat's marker is gone.
    e.emu.sendText(resident(chat), '/help');
    await e.emu.idle(15_000);
    assert.equal(e.texts(chat).at(-1), t('zh-Hans', 'bot.help'));
    assert.equal((await kept(chat)).length, rows.length, 'sent directly, not kept');
    assert.equal(await e.redis.exists(`${e.prefix}:kept:telegram:${chat}`), 0);
  });

  describe('the /privacy export', () => {
    const documents = (chatId: number) => e.emu.sent(chatId).filter((c) => c.method === 'sendDocument');
    const keptDocument = async (chatId: number) =>
      (await e.db.pool.query(`SELECT status, message FROM outbox WHERE chat_id = $1 AND dedupe_key LIKE 'direct|%' AND message ? 'document'`, [chatId])).rows[0] as
        | { status: string; message: { key: string; document: { resident: boolean } } }
        | undefined;
    /** The resident asks for the export (a complaint first, so there is an account and a case's worth of data). */
    const askExport = async (chatId: number) => {
      e.emu.sendText(resident(chatId), '我们楼的电梯坏了三个星期了,老人上下楼很困难');
      await e.emu.idle(15_000);
      e.emu.sendText(resident(chatId), '/privacy');
      await e.emu.idle(15_000);
      await e.deliver();
      const b = e.button(chatId, 'privacy_export');
      e.emu.pressButton(resident(chatId), chatId, b.messageId, b.data);
      await e.emu.idle(15_000);
    };

    it('an upload that fails with a 502 is kept as the export\'s name, not its data, and the outbox delivers the file', async () => {
      const chat = 7511;
      e.emu.failNext('sendDocument', { error_code: 502, description: 'Bad Gateway' });
      await askExport(chat);
      const row = await keptDocument(chat);
      assert.ok(row, 'the upload was kept in the outbox');
      assert.deepEqual(Object.keys(row.message).sort(), ['document', 'key', 'params'], 'no file content in the row');
      assert.ok(!JSON.stringify(row.message).includes('电梯'), 'none of the resident\'s words in the row');
      await e.deliver();
      const calls = documents(chat);
      assert.equal(calls[0]?.error?.error_code, 502, 'the direct upload failed');
      const delivered = calls.filter((c) => c.ok);
      assert.equal(delivered.length, 1, 'the file arrived once');
      const file = delivered[0]!.payload.document as { filename: string; data: Buffer };
      assert.match(file.filename, /^privacy-export-\d{8}\.json$/);
      const data = JSON.parse(file.data.toString('utf8'));
      assert.equal(data.resident.externalId, String(chat));
      assert.ok(!file.data.toString('utf8').includes('{cases}'), 'the export does not list its own waiting upload as an unrendered message');
      assert.equal(delivered[0]!.payload.caption, t('zh-Hans', 'privacy.export.caption', { cases: data.cases.length }));
      assert.equal((await keptDocument(chat))?.status, 'sent');
    });

    it('a resident who erased their data before the kept upload went out gets a note instead of the file', async () => {
      const chat = 7512;
      // The direct upload and the outbox's first try: Telegram says to wait an hour.
      e.emu.failNext('sendDocument', HOUR_429);
      e.emu.failNext('sendDocument', HOUR_429);
      await askExport(chat);
      assert.equal((await keptDocument(chat))?.message.document.resident, true);
      await until('the kept upload tried by the outbox', async () =>
        (await e.db.pool.query(`SELECT 1 FROM outbox WHERE chat_id = $1 AND message ? 'document' AND last_error LIKE 'retry_after%'`, [chat])).rowCount,
      );
      // The erasure anonymised the account meanwhile (cases/privacyRepository.ts eraseResident), the row outliving it.
      await e.db.pool.query(`UPDATE residents SET external_id = 'erased-' || id, chat_id = NULL, erased_at = now() WHERE external_id = $1`, [String(chat)]);
      const before = e.texts(chat).length;
      await promoteAndDeliver();
      assert.equal(documents(chat).filter((c) => c.ok).length, 0, 'no file');
      assert.deepEqual(e.texts(chat).slice(before), [t('zh-Hans', 'privacy.export.erased')]);
    });
  });

  describe('a redelivered update after a crash', () => {
    const botId = () => e.cfg.TELEGRAM_BOT_TOKEN!.split(':')[0];
    const update = (updateId: number, chatId: number, text: string) => ({
      update_id: updateId,
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'R', language_code: 'zh-hans' }, text },
    });

    it('is handled again when the dead process left its claim "in progress"', async () => {
      const id = 6_000_001;
      // A process claimed the update and died before answering: nobody renews the claim any more.
      await e.redis.set(`${e.prefix}:tg:seen:${botId()}:${id}`, 'p', 'PX', 1500);
      e.emu.pushUpdate(update(id, 7506, '我们村的路坑坑洼洼,下雨天根本没法走'));
      await e.emu.waitFor((c) => c.method === 'sendMessage' && c.ok && c.payload.chat_id === 7506, 15_000);
      await until('the claim marked done once answered', async () => (await e.redis.get(`${e.prefix}:tg:seen:${botId()}:${id}`)) === 'd');
    });

    it('is dropped when the first handling was done', async () => {
      const id = 6_000_101;
      await e.redis.set(`${e.prefix}:tg:seen:${botId()}:${id}`, 'd', 'EX', 60);
      e.emu.pushUpdate(update(id, 7507, '我们村的路坑坑洼洼,下雨天根本没法走'));
      await e.emu.idle(15_000);
      assert.deepEqual(e.emu.sent(7507), [], 'a duplicate of a handled update is not answered again');
    });
  });
});
