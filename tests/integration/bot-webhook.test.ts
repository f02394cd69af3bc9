import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Redis } from 'ioredis';
import { silentLogger } from '../../kernel/logger.js';
import { t } from '../../i18n/index.js';
import { callbackKeyFromConfig, createCallbackCodec } from '../../bot/callbackData.js';
import { createTelegramBot, type TelegramBot } from '../../bot/telegramBot.js';
import type { Database } from '../../db/pool.js';
import { startBotApiEmulator, type BotApiEmulator } from '../emulator/botApi.js';
import { testDatabase } from '../helpers/db.js';
import { cleanPrefix, testRedis, uniquePrefix } from '../helpers/redis.js';

const TOKEN = '777003:webhook-mode';
const SECRET = 'webhook-secret-token_123';

describe('telegram bot in webhook mode (WEBHOOK_URL set)', () => {
  let db: Database;
  let redis: Redis;
  let prefix: string;
  let emu: BotApiEmulator;
  let tb: TelegramBot;

  beforeAll(async () => {
    db = await testDatabase();
    redis = testRedis();
    prefix = uniquePrefix('bothook');
    emu = await startBotApiEmulator({ token: TOKEN });
    tb = createTelegramBot({
      token: TOKEN,
      apiRoot: emu.apiRoot,
      redis,
      pool: db.pool,
      callbacks: createCallbackCodec(callbackKeyFromConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, 'telegram')),
      logger: silentLogger(),
      keyPrefix: prefix,
      webhook: { url: 'https://bot.example.org/telegram/hook', port: 0, host: '127.0.0.1', secretToken: SECRET },
    });
    await tb.launch();
  });

  afterAll(async () => {
    await tb.stop();
    await emu.stop();
    await cleanPrefix(redis, prefix);
    await redis.quit();
    await db.close();
  });

  const post = (update: unknown, secret?: string) =>
    fetch(`http://127.0.0.1:${tb.webhookPort()}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });

  it('registers the webhook with Telegram (URL and secret) instead of polling', async () => {
    const call = emu.calls('setWebhook')[0];
    assert.ok(call);
    assert.equal(call.payload.url, 'https://bot.example.org/telegram/hook');
    assert.equal(call.payload.secret_token, SECRET);
    assert.equal(emu.calls('deleteWebhook').length, 0);
  });

  it('handles an update posted with the secret, and refuses one without it', async () => {
    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 31, type: 'private' }, from: { id: 31, is_bot: false, first_name: 'W', language_code: 'en' }, text: '/privacy', entities: [{ type: 'bot_command', offset: 0, length: 8 }] } };
    const refused = await post({ ...update, update_id: 2 });
    assert.equal(refused.status, 401);
    const res = await post(update, SECRET);
    assert.equal(res.status, 200);
    const reply = await emu.waitFor((c) => c.method === 'sendMessage' && c.chatId === 31);
    assert.equal(reply.payload.text, t('en', 'privacy.notice', { days: 365 }));
    assert.equal(emu.sent(31).length, 1, 'the update without the secret was not handled');
  });
});
