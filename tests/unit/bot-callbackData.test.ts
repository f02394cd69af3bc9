import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'vitest';
import { pino } from 'pino';
import {
  CALLBACK_ACTIONS,
  CALLBACK_DATA_MAX_BYTES,
  callbackKeyFromConfig,
  createCallbackCodec,
  DEVELOPMENT_CALLBACK_KEY,
} from '../../bot/callbackData.js';

const codec = createCallbackCodec('unit-test-signing-key-0123456789');

describe('callback data', () => {
  it('round-trips every action with a case reference and version, within 64 bytes', () => {
    const longestRef = 'R'.repeat(32);
    for (const action of CALLBACK_ACTIONS) {
      const data = codec.build(action, longestRef, 999_999_999);
      assert.ok(Buffer.byteLength(data) <= CALLBACK_DATA_MAX_BYTES, `${action}: ${Buffer.byteLength(data)} bytes`);
      assert.deepEqual(codec.parse(data), { ok: true, action, ref: longestRef, version: 999_999_999 });
    }
    assert.deepEqual(codec.parse(codec.build('approve', 'XF-20261123-0001', 3)), {
      ok: true,
      action: 'approve',
      ref: 'XF-20261123-0001',
      version: 3,
    });
    assert.deepEqual(codec.parse(codec.build('language', 'zh-Hant')), { ok: true, action: 'language', ref: 'zh-Hant' });
    assert.deepEqual(codec.parse(codec.build('rate_satisfied')), { ok: true, action: 'rate_satisfied', ref: '' });
  });

  it('rejects a forged signature, a tampered field, and a payload signed with another key', () => {
    const good = codec.build('accept', 'XF-20261123-0002', 4);
    const [code, ref, version, sig] = good.split(':') as [string, string, string, string];
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    assert.deepEqual(codec.parse(`${code}:${ref}:${version}:${flipped}`), { ok: false, error: 'bad_signature' });
    assert.deepEqual(codec.parse(`${code}:XF-20261123-0003:${version}:${sig}`), { ok: false, error: 'bad_signature' });
    assert.deepEqual(codec.parse(`${code}:${ref}:5:${sig}`), { ok: false, error: 'bad_signature' });
    assert.deepEqual(codec.parse(`dc:${ref}:${version}:${sig}`), { ok: false, error: 'bad_signature' });
    const other = createCallbackCodec('another-key-another-key-another');
    assert.deepEqual(other.parse(good), { ok: false, error: 'bad_signature' });
  });

  it('rejects wrong lengths, binary junk and wrong types without throwing', () => {
    const cases: unknown[] = [
      '',
      'x',
      ':::',
      'ap:REF:1',
      'ap:REF:1:sig:extra',
      'ap:REF:0:AAAAAAAAAAA',
      'ap:REF:-1:AAAAAAAAAAA',
      'ap:REF:1:AAAAAAAAAA',
      'ap:RE F:1:AAAAAAAAAAA',
      'a'.repeat(65),
      '满意'.repeat(12),
      crypto.randomBytes(40).toString('latin1'),
      '\u0000\u0001\u0002:\uffff::',
      null,
      undefined,
      42,
      { action: 'approve' },
      Buffer.from('ap:REF:1:AAAAAAAAAAA'),
    ];
    for (const c of cases) {
      const r = codec.parse(c);
      assert.equal(r.ok, false, `accepted ${JSON.stringify(c)}`);
    }
    assert.deepEqual(codec.parse('a'.repeat(65)), { ok: false, error: 'too_long' });
    assert.deepEqual(codec.parse(7), { ok: false, error: 'not_text' });
    assert.deepEqual(codec.parse('ap:REF:1'), { ok: false, error: 'malformed' });
  });

  it('a correctly signed but retired action code is unknown, not a crash', () => {
    const key = 'unit-test-signing-key-0123456789';
    const body = 'zz:REF:';
    const sig = crypto.createHmac('sha256', key).update(body).digest().subarray(0, 8).toString('base64url');
    assert.deepEqual(codec.parse(`${body}:${sig}`), { ok: false, error: 'unknown_action' });
  });

  it('refuses to build an invalid payload (programming errors surface early)', () => {
    assert.throws(() => codec.build('approve', 'has space'));
    assert.throws(() => codec.build('approve', 'R'.repeat(33)));
    assert.throws(() => codec.build('approve', 'R', 0));
    assert.throws(() => codec.build('nope' as 'approve', 'R'));
    assert.throws(() => createCallbackCodec('short'));
  });

  it('takes the key from CALLBACK_SECRET, else derives it from the bot token, else (terminal only) a development key with a warning', () => {
    const secret = callbackKeyFromConfig({ CALLBACK_SECRET: 'a-long-enough-callback-secret', TELEGRAM_BOT_TOKEN: '1:abc' }, 'telegram');
    assert.equal(secret.toString(), 'a-long-enough-callback-secret');
    const fromToken = callbackKeyFromConfig({ CALLBACK_SECRET: undefined, TELEGRAM_BOT_TOKEN: '1:abc' }, 'telegram');
    assert.notEqual(fromToken.toString('hex'), Buffer.from('1:abc').toString('hex'));
    assert.deepEqual(fromToken, callbackKeyFromConfig({ CALLBACK_SECRET: undefined, TELEGRAM_BOT_TOKEN: '1:abc' }, 'telegram'));
    assert.notDeepEqual(fromToken, callbackKeyFromConfig({ CALLBACK_SECRET: undefined, TELEGRAM_BOT_TOKEN: '2:abc' }, 'telegram'));
    assert.throws(() => callbackKeyFromConfig({ CALLBACK_SECRET: undefined, TELEGRAM_BOT_TOKEN: undefined }, 'telegram'), /CALLBACK_SECRET/);
    assert.throws(() => callbackKeyFromConfig({ CALLBACK_SECRET: 'short', TELEGRAM_BOT_TOKEN: undefined }, 'telegram'), /16/);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
    const dev = callbackKeyFromConfig({ CALLBACK_SECRET: undefined, TELEGRAM_BOT_TOKEN: undefined }, 'terminal', logger);
    assert.equal(dev.toString(), DEVELOPMENT_CALLBACK_KEY);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /development key/);
  });
});
