import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createTelegramBot } from '../../bot/telegramBot.js';
import { secretMatches } from '../../bot/webhook.js';
import { startBotHarness, useBotHarness } from '../helpers/botHarness.js';

const TOKEN = '777013:webhook-forgery';
const SECRET = 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6';
const PATH = '/telegram/hook';

/**
 * Issue 13: a POST to the webhook path with any update used to be handled as that resident. Now every
 * request without the exact secret header is answered 401 and never reaches the bot.
 */
describe('webhook forgery', () => {
  const handled: Array<{ chat: number; text: string }> = [];
  const { emu, tb } = useBotHarness({
    token: TOKEN,
    prefix: 'sechook',
    launch: () => ({
      handlers: {
        async onText(ctx) {
          handled.push({ chat: ctx.chat.id, text: ctx.message.text });
          await ctx.reply('received');
        },
      },
      webhook: { url: `https://bot.example.org${PATH}`, port: 0, host: '127.0.0.1', secretToken: SECRET },
    }),
  });

  const update = (id: number, chat: number, text: string) => ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'R', language_code: 'zh-hans' }, text },
  });
  const post = (body: unknown, headers: Record<string, string> = {}, path = PATH) =>
    fetch(`http://127.0.0.1:${tb.webhookPort()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers 401 to a forged update (no, wrong or near-miss secret) and never handles it; the real one is handled', async () => {
    const forged: Array<Record<string, string>> = [
      {},
      { 'x-telegram-bot-api-secret-token': 'wrong' },
      { 'x-telegram-bot-api-secret-token': SECRET.slice(0, -1) },
      { 'x-telegram-bot-api-secret-token': `${SECRET}x` },
      { 'x-telegram-bot-api-secret-token': '' },
    ];
    for (const [i, headers] of forged.entries()) {
      const res = await post(update(100 + i, 4100 + i, '我要投诉噪音扰民'), headers);
      assert.equal(res.status, 401, JSON.stringify(headers));
    }
    const ok = await post(update(200, 4200, '楼下工地夜间施工'), { 'x-telegram-bot-api-secret-token': SECRET });
    assert.equal(ok.status, 200);
    await emu.waitFor((c) => c.method === 'sendMessage' && c.chatId === 4200);
    assert.deepEqual(handled, [{ chat: 4200, text: '楼下工地夜间施工' }]);
    for (let i = 0; i < forged.length; i++) assert.equal(emu.sent(4100 + i).length, 0);
  });

  it('answers 404 to other paths and methods, secret or not', async () => {
    assert.equal((await post(update(300, 4300, 'x'), { 'x-telegram-bot-api-secret-token': SECRET }, '/other')).status, 404);
    const get = await fetch(`http://127.0.0.1:${tb.webhookPort()}${PATH}`, { headers: { 'x-telegram-bot-api-secret-token': SECRET } });
    assert.equal(get.status, 404);
    assert.equal(emu.sent(4300).length, 0);
  });

  it('registers the secret with Telegram', () => {
    assert.equal(emu.calls('setWebhook')[0]?.payload.secret_token, SECRET);
  });

  it('compares the whole secret: equal only when identical', () => {
    assert.equal(secretMatches(SECRET, SECRET), true);
    assert.equal(secretMatches(undefined, SECRET), false);
    assert.equal(secretMatches([SECRET, SECRET], SECRET), false);
    assert.equal(secretMatches(SECRET.toUpperCase(), SECRET), false);
  });
});

describe('webhook without a secret', () => {
  it('refuses to start', async () => {
    const harness = await startBotHarness({ token: TOKEN, prefix: 'nosecret' });
    const { emu } = harness;
    try {
      const tb = createTelegramBot(harness.options({ webhook: { url: `https://bot.example.org${PATH}`, port: 0, host: '127.0.0.1' } }));
      await assert.rejects(tb.launch(), /secret token is required/);
      assert.equal(emu.calls('setWebhook').length, 0);
    } finally {
      await harness.close();
    }
  });
});
