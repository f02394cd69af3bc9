import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Input, Telegram, TelegramError } from 'telegraf';
import { startBotApiEmulator, type BotApiEmulator } from '../emulator/botApi.js';

const TOKEN = '424242:emulator-self-test';

async function post(emu: BotApiEmulator, path: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${emu.apiRoot}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; error_code?: number; description?: string } };
}

describe('Bot API emulator', () => {
  let emu: BotApiEmulator;
  let tg: Telegram;
  beforeAll(async () => {
    emu = await startBotApiEmulator({ token: TOKEN });
    tg = new Telegram(TOKEN, { apiRoot: emu.apiRoot });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('answers 401 for a wrong token and 404 for an unknown method, like the real API', async () => {
    const wrong = await post(emu, '/bot999:nope/getMe', {});
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, { ok: false, error_code: 401, description: 'Unauthorized' });
    const unknown = await post(emu, `/bot${TOKEN}/sendTelepathy`, {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.ok, false);
    assert.match(unknown.body.description ?? '', /not found/i);
    // and telegraf sees them as TelegramErrors with those codes
    await assert.rejects(new Telegram('999:nope', { apiRoot: emu.apiRoot }).getMe(), (e: unknown) => e instanceof TelegramError && e.code === 401);
    await assert.rejects(tg.callApi('sendTelepathy' as 'getMe', {}), (e: unknown) => e instanceof TelegramError && e.code === 404);
  });

  it('getMe describes the bot whose id is the token prefix', async () => {
    const me = await tg.getMe();
    assert.equal(me.id, 424242);
    assert.equal(me.is_bot, true);
    assert.equal(me.username, emu.me.username);
  });

  it('long-polls: a waiting getUpdates returns as soon as an update arrives, and offset confirms it', async () => {
    const pending = tg.callApi('getUpdates', { timeout: 10, offset: 0 });
    setTimeout(() => emu.sendText({ id: 7 }, 'hello'), 30);
    const first = await pending;
    assert.equal(first.length, 1);
    const id = first[0]!.update_id;
    // not confirmed yet: delivered again
    const again = await tg.callApi('getUpdates', { offset: 0, timeout: 0 });
    assert.deepEqual(again.map((u) => u.update_id), [id]);
    // confirmed by offset: gone
    const after = await tg.callApi('getUpdates', { offset: id + 1, timeout: 0 });
    assert.deepEqual(after, []);
    assert.equal(emu.pending(), 0);
  });

  it('honours limit and delivers a duplicated update_id twice (pushRaw)', async () => {
    const update = emu.sendText({ id: 8 }, 'dup');
    emu.pushRaw(update);
    emu.sendText({ id: 8 }, 'third');
    const one = await tg.callApi('getUpdates', { offset: 0, limit: 1, timeout: 0 });
    assert.equal(one.length, 1);
    const all = await tg.callApi('getUpdates', { offset: 0, timeout: 0 });
    assert.deepEqual(all.map((u) => u.update_id), [update.update_id, update.update_id, update.update_id + 1]);
    await tg.callApi('getUpdates', { offset: update.update_id + 2, timeout: 0 });
    assert.equal(emu.pending(), 0);
  });

  it('ends an older long poll with 409 when a second getUpdates comes in', async () => {
    const older = tg.callApi('getUpdates', { timeout: 5, offset: 0 });
    // The older poll is waiting at the emulator (nothing queued, a poller parked): then the newer one comes.
    await emu.idle(5_000);
    const newer = tg.callApi('getUpdates', { timeout: 0, offset: 0 });
    await assert.rejects(older, (e: unknown) => e instanceof TelegramError && e.code === 409);
    assert.deepEqual(await newer, []);
  });

  it('commands are bot_command entities so telegraf can route them', async () => {
    const u = emu.sendText({ id: 9 }, '/start abc');
    assert.deepEqual(u.message.entities, [{ type: 'bot_command', offset: 0, length: 6 }]);
    await tg.callApi('getUpdates', { offset: u.update_id + 1, timeout: 0 });
  });

  it('sendMessage numbers messages per chat, keeps the inline keyboard, and rejects empty or over-long text', async () => {
    const a1 = await tg.sendMessage(1001, 'one', { reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'x' }]] } });
    const a2 = await tg.sendMessage(1001, 'two', { reply_markup: { force_reply: true } });
    const b1 = await tg.sendMessage(1002, 'other chat');
    assert.deepEqual([a1.message_id, a2.message_id, b1.message_id], [1, 2, 1]);
    const sent = emu.sent(1001);
    assert.deepEqual(sent.map((c) => c.payload.text), ['one', 'two']);
    assert.deepEqual((sent[0]!.payload.reply_markup as any).inline_keyboard[0][0], { text: 'OK', callback_data: 'x' });
    assert.deepEqual(sent[1]!.payload.reply_markup, { force_reply: true });
    assert.ok(sent[0]!.at <= sent[1]!.at && sent[0]!.seq < sent[1]!.seq);
    await assert.rejects(tg.sendMessage(1001, ''), (e: unknown) => e instanceof TelegramError && e.code === 400);
    await assert.rejects(tg.sendMessage(1001, 'x'.repeat(4097)), (e: unknown) => e instanceof TelegramError && /too long/.test(e.description));
    await assert.rejects(
      tg.sendMessage(1001, 'x', { reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'y'.repeat(65) }]] } }),
      (e: unknown) => e instanceof TelegramError && e.code === 400,
    );
  });

  it('edits messages, refuses unchanged edits and unknown messages', async () => {
    const m = await tg.sendMessage(1003, 'before', { reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    await tg.editMessageText(1003, m.message_id, undefined, 'after');
    assert.equal(emu.message(1003, m.message_id)?.text, 'after');
    await tg.editMessageReplyMarkup(1003, m.message_id, undefined, { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] });
    assert.equal(emu.message(1003, m.message_id)?.reply_markup.inline_keyboard[0][0].text, 'B');
    await assert.rejects(tg.editMessageText(1003, m.message_id, undefined, 'after', { reply_markup: { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] } }), /not modified/);
    await assert.rejects(tg.editMessageText(1003, 99, undefined, 'x'), /message to edit not found/);
  });

  it('answers callback queries it issued, once', async () => {
    const u = emu.pressButton({ id: 10 }, 10, 1, 'data');
    await tg.answerCbQuery(u.callback_query.id, 'ok');
    await assert.rejects(tg.answerCbQuery(u.callback_query.id), /query ID is invalid/);
    await tg.callApi('getUpdates', { offset: u.update_id + 1, timeout: 0 });
  });

  it('records setMyCommands per language_code and scope, and getMyCommands reads them back', async () => {
    await tg.setMyCommands([{ command: 'start', description: '开始' }]);
    await tg.setMyCommands([{ command: 'start', description: 'Start' }], { language_code: 'en' });
    await tg.setMyCommands([{ command: 'start', description: '開始' }], { scope: { type: 'chat', chat_id: 5 } });
    assert.equal(emu.commands('')?.[0]?.description, '开始');
    assert.equal(emu.commands('en')?.[0]?.description, 'Start');
    assert.equal(emu.commands('', { type: 'chat', chat_id: 5 })?.[0]?.description, '開始');
    assert.deepEqual(await tg.getMyCommands({ language_code: 'en' }), [{ command: 'start', description: 'Start' }]);
    await assert.rejects(tg.setMyCommands([{ command: 'Bad Command', description: 'x' }]), /BOT_COMMAND_INVALID/);
  });

  it('getChatMember answers from the configured members', async () => {
    emu.members(-100, [1, 2]);
    emu.members(-100, [3], 'administrator');
    assert.equal((await tg.getChatMember(-100, 1)).status, 'member');
    assert.equal((await tg.getChatMember(-100, 3)).status, 'administrator');
    assert.equal((await tg.getChatMember(-100, 4)).status, 'left');
  });

  it('failNext scripts one failure with its parameters, then the method works again', async () => {
    emu.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    await assert.rejects(tg.sendMessage(1004, 'x'), (e: unknown) => e instanceof TelegramError && e.code === 429 && e.parameters?.retry_after === 3);
    assert.equal((await tg.sendMessage(1004, 'x')).message_id, 1);
  });

  it('a blocked chat gets 403 on every send', async () => {
    emu.block(1005);
    await assert.rejects(tg.sendMessage(1005, 'x'), (e: unknown) => e instanceof TelegramError && e.code === 403);
  });

  it('accepts multipart uploads (sendDocument/sendPhoto) and form-encoded bodies; getFile knows the files', async () => {
    const doc = await tg.sendDocument(1006, Input.fromBuffer(Buffer.from('%PDF-1.4 test'), 'reply.pdf'), {
      caption: 'reply',
      reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: 'z' }]] },
    });
    const call = emu.calls('sendDocument')[0]!;
    assert.equal((call.payload.document as any).filename, 'reply.pdf');
    assert.equal((call.payload.document as any).size, 13);
    assert.deepEqual((call.payload.reply_markup as any).inline_keyboard[0][0].callback_data, 'z');
    const file = await tg.getFile(doc.document.file_id);
    assert.equal(file.file_size, 13);
    await tg.sendPhoto(1006, Input.fromBuffer(Buffer.from([0xff, 0xd8, 0xff]), 'p.jpg'));
    assert.equal(emu.calls('sendPhoto').length, 1);
    await assert.rejects(tg.getFile('no-such-file'), /invalid file_id/);

    const form = await post(emu, `/bot${TOKEN}/sendMessage`, 'chat_id=1007&text=form%20body', 'application/x-www-form-urlencoded');
    assert.equal(form.body.result.text, 'form body');
    const garbage = await post(emu, `/bot${TOKEN}/sendMessage`, '{not json', 'application/json');
    assert.equal(garbage.status, 400);
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await tg.setWebhook('https://example.org/hook');
    assert.equal((await tg.getWebhookInfo()).url, 'https://example.org/hook');
    await assert.rejects(tg.callApi('getUpdates', { timeout: 0 }), (e: unknown) => e instanceof TelegramError && e.code === 409);
    await tg.deleteWebhook();
    assert.deepEqual(await tg.callApi('getUpdates', { timeout: 0 }), []);
  });

  it('waitFor resolves on a future call and rejects after its timeout', async () => {
    const waiting = emu.waitFor((c) => c.method === 'sendMessage' && c.chatId === 1008);
    await tg.sendMessage(1008, 'later');
    assert.equal((await waiting).payload.text, 'later');
    await assert.rejects(emu.waitFor((c) => c.chatId === 424242, 50), /no matching call/);
  });
});
