import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createCallbackCodec } from '../../bot/callbackData.js';
import { renderReply } from '../../bot/render.js';
import { t } from '../../i18n/index.js';

const codec = createCallbackCodec('unit-test-signing-key-0123456789');

describe('rendering a reply for Telegram', () => {
  it('a reply in the message\'s own language (a 繁體 emergency in a 简体 session) has its buttons in that language too', () => {
    const m = renderReply(codec, 'zh-Hans', {
      key: 'conversation.emergency.matter_later', params: { matter: '樓下工地夜晚施工' }, actions: ['resume_matter'], token: 'tok1', language: 'zh-Hant',
    });
    assert.equal(m.text, t('zh-Hant', 'conversation.emergency.matter_later', { matter: '樓下工地夜晚施工' }));
    const label = m.keyboard?.inline_keyboard[0]?.[0]?.text;
    assert.equal(label, t('zh-Hant', 'action.resume_matter'));
    assert.notEqual(label, t('zh-Hans', 'action.resume_matter'));
  });

  it('without a language of its own, text and buttons follow the session', () => {
    const m = renderReply(codec, 'en', { key: 'conversation.emergency.matter_later', params: { matter: 'noise' }, actions: ['resume_matter'], token: 'tok1' });
    assert.equal(m.keyboard?.inline_keyboard[0]?.[0]?.text, 'Take up that matter');
    assert.equal(m.text, t('en', 'conversation.emergency.matter_later', { matter: 'noise' }));
  });
});
