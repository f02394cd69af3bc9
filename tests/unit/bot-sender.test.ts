import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createCallbackCodec } from '../../bot/callbackData.js';
import { buildKeyboard, splitText, TELEGRAM_TEXT_LIMIT } from '../../bot/telegramSender.js';

const codec = createCallbackCodec('unit-test-signing-key-0123456789');

describe('telegram sender helpers', () => {
  it('splitText keeps short texts whole and cuts long ones at paragraph boundaries under the limit', () => {
    assert.deepEqual(splitText('short'), ['short']);
    const para = '第一段。'.repeat(300); // 1200 chars
    const text = [para, para, para, para].join('\n\n'); // ~4806 chars
    const parts = splitText(text);
    assert.equal(parts.length, 2);
    for (const p of parts) assert.ok(p.length <= TELEGRAM_TEXT_LIMIT);
    assert.equal(parts.join('\n\n'), text);
  });

  it('splitText hard-cuts text with no boundaries and never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(3000); // 6000 code units
    const parts = splitText(emoji);
    assert.ok(parts.every((p) => p.length <= TELEGRAM_TEXT_LIMIT));
    assert.equal(parts.join(''), emoji);
    for (const p of parts) assert.doesNotMatch(p, /^[\udc00-\udfff]|[\ud800-\udbff]$/);
    const x = 'x'.repeat(10_000);
    assert.deepEqual(splitText(x).map((p) => p.length), [4096, 4096, 1808]);
  });

  it('buildKeyboard labels buttons in the recipient language and signs each action for the case', () => {
    const kb = buildKeyboard(codec, 'zh-Hans', ['rate_satisfied', 'rate_basically_satisfied', 'rate_dissatisfied'], 'XF-20261123-0001', 2);
    assert.ok(kb);
    assert.equal(kb.inline_keyboard.length, 1);
    assert.deepEqual(kb.inline_keyboard[0]!.map((b) => b.text), ['满意', '基本满意', '不满意']);
    const parsed = kb.inline_keyboard[0]!.map((b) => codec.parse((b as { callback_data: string }).callback_data));
    assert.deepEqual(parsed[2], { ok: true, action: 'rate_dissatisfied', ref: 'XF-20261123-0001', version: 2 });
    const office = buildKeyboard(codec, 'en', ['approve', 'reassign', 'ask', 'not_accept', 'urgent'], 'R1');
    assert.deepEqual(office?.inline_keyboard.map((r) => r.length), [2, 2, 1]);
    assert.equal(buildKeyboard(codec, 'en', []), undefined);
    assert.throws(() => buildKeyboard(codec, 'en', ['launch_missiles']), /unknown action/);
  });
});
