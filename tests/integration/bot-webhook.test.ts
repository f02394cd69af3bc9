import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { t } from '../../i18n/index.js';
import { useBotHarness } from '../helpers/botHarness.js';

const TOKEN = '777003:webhook-mode';
const SECRET = 'webhook-secret-token_123';

describe('telegram bot in webhook mode (WEBHOOK_URL set)', () => {
  const { emu, tb } = useBotHarness({
    token: TOKEN,
    prefix: 'bothook',
    launch: () => ({ webhook: { url: 'https://bot.example.org/telegram/hook', port: 0, host: '127.0.0.1', secretToken: SECRET } }),
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
