import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TelegramError } from 'telegraf';
import { createCallbackCodec } from '../../bot/callbackData.js';
import { TelegramSender } from '../../bot/telegramSender.js';
import { PermanentSendError, RetryAfterError, type OutgoingMessage } from '../../workers/sender.js';
import { startBotApiEmulator, type BotApiEmulator } from '../emulator/botApi.js';

const TOKEN = '515151:sender-test';
const codec = createCallbackCodec('sender-test-signing-key-0123456789');

function outgoing(chatId: number, over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    outboxId: 1,
    channel: 'telegram',
    chatId,
    chatKind: 'private',
    language: 'zh-Hans',
    caseId: 1,
    message: { key: 'bot.help' },
    ...over,
  };
}

describe('TelegramSender against the Bot API emulator', () => {
  let emu: BotApiEmulator;
  let sender: TelegramSender;
  beforeAll(async () => {
    emu = await startBotApiEmulator({ token: TOKEN });
    sender = new TelegramSender({ token: TOKEN, apiRoot: emu.apiRoot, callbacks: codec });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('renders the message in the recipient language with signed buttons for its case', async () => {
    const r = await sender.send(
      outgoing(2001, {
        language: 'zh-Hant',
        message: { key: 'bot.content.too_long', params: { length: 9, limit: 5, caseRef: 'XF-20261123-0007', caseVersion: 3 }, actions: ['rate_satisfied', 'rate_dissatisfied'] },
      }),
    );
    const [call] = emu.sent(2001);
    assert.ok(call);
    assert.equal(r.externalMessageId, (call.result as { message_id: number }).message_id);
    assert.match(String(call.payload.text), /這則訊息太長了（9 字）.*5 字/);
    const buttons = (call.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard[0]!;
    assert.deepEqual(buttons.map((b) => b.text), ['滿意', '不滿意']);
    assert.deepEqual(codec.parse(buttons[0]!.callback_data), { ok: true, action: 'rate_satisfied', ref: 'XF-20261123-0007', version: 3 });
  });

  it('signs buttons with the `ref` parameter the cases area writes', async () => {
    await sender.send(outgoing(2008, { message: { key: 'bot.help', params: { ref: 'YT-20261123-0042' }, actions: ['accept', 'decline'] } }));
    const kb = emu.sent(2008)[0]!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
    assert.deepEqual(kb.inline_keyboard[0]!.map((b) => b.text), ['✅ 接收', '↩️ 退回']);
    assert.deepEqual(codec.parse(kb.inline_keyboard[0]![1]!.callback_data), { ok: true, action: 'decline', ref: 'YT-20261123-0042' });
  });

  it('splits a text over 4096 characters into several messages, buttons on the last', async () => {
    const long = 'x'.repeat(5000);
    const r = await sender.send(outgoing(2002, { message: { key: 'bot.content.too_long', params: { length: long, limit: 1, caseRef: 'R' }, actions: ['accept'] } }));
    const calls = emu.sent(2002);
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!.payload.reply_markup, undefined);
    assert.ok(calls[1]!.payload.reply_markup);
    assert.ok(calls.every((c) => String(c.payload.text).length <= 4096));
    assert.equal(r.externalMessageId, 2);
  });

  it('uploads a file with its text as the caption; a text too long for a caption follows the file, and a resumed send does not upload it again', async () => {
    const file = { filename: 'privacy-export-20261206.json', mimeType: 'application/json', content: '{"a":1}' };
    await sender.send(outgoing(2010, { document: file, message: { key: 'conversation.text', params: { text: '您的数据' } } }));
    const short = emu.sent(2010);
    assert.deepEqual(short.map((c) => c.method), ['sendDocument']);
    assert.equal(short[0]!.payload.caption, '您的数据');

    const long = '长'.repeat(1500);
    const parts: number[] = [];
    const r = await sender.send(outgoing(2011, { document: file, message: { key: 'conversation.text', params: { text: long } }, onPartSent: async (n) => void parts.push(n) }));
    const calls = emu.sent(2011);
    assert.deepEqual(calls.map((c) => c.method), ['sendDocument', 'sendMessage']);
    assert.equal(calls[0]!.payload.caption, undefined, 'no caption over Telegram\'s 1024 characters');
    assert.equal(calls[1]!.payload.text, long);
    assert.deepEqual(parts, [1], 'the upload counts as part 1');
    assert.equal(r.externalMessageId, (calls[1]!.result as { message_id: number }).message_id);

    // The upload went out before a failure: the retry sends only the text.
    await sender.send(outgoing(2012, { document: file, partsSent: 1, message: { key: 'conversation.text', params: { text: long } } }));
    assert.deepEqual(emu.sent(2012).map((c) => c.method), ['sendMessage']);
  });

  it('maps a 429 to RetryAfterError with the retry_after seconds', async () => {
    emu.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 17', parameters: { retry_after: 17 } });
    await assert.rejects(sender.send(outgoing(2003)), (e: unknown) => e instanceof RetryAfterError && e.retryAfterSeconds === 17);
    // and the next attempt goes through
    assert.ok((await sender.send(outgoing(2003))).externalMessageId);
  });

  it('maps a blocked bot (403) and an unknown chat (400 chat not found) to PermanentSendError', async () => {
    emu.block(2004);
    await assert.rejects(sender.send(outgoing(2004)), (e: unknown) => e instanceof PermanentSendError && /403/.test(e.message));
    emu.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    await assert.rejects(sender.send(outgoing(2005)), PermanentSendError);
  });

  it('rethrows other API errors unchanged so the dispatcher retries with backoff', async () => {
    emu.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something else' });
    await assert.rejects(sender.send(outgoing(2006)), (e: unknown) => e instanceof TelegramError && e.code === 400);
    emu.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await assert.rejects(sender.send(outgoing(2006)), (e: unknown) => e instanceof TelegramError && e.code === 502);
  });

  it('refuses a message with an unknown key or action before calling Telegram', async () => {
    const before = emu.sent(2007).length;
    await assert.rejects(sender.send(outgoing(2007, { message: { key: 'no.such.key' } })), /Unknown message key/);
    await assert.rejects(sender.send(outgoing(2007, { message: { key: 'bot.help', actions: ['explode'] } })), /unknown action/);
    assert.equal(emu.sent(2007).length, before);
  });
});
