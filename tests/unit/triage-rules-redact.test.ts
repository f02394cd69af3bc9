import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { isValidId18, luhnValid, redact } from '../../triage/redact.js';

// Test data built for these tests: checksums computed by hand, no real person's numbers.
const VALID_ID = '11010519491231002X';
const VALID_ID_2 = '44030519900101123X';
const INVALID_ID = '320102198506153019';
const VALID_CARD = '6222021234567890128'; // 19 digits, Luhn-valid
const VALID_CARD_16 = '4111111111111111';

describe('redact', () => {
  it('knows the ID and card checksums', () => {
    assert.equal(isValidId18(VALID_ID), true);
    assert.equal(isValidId18(VALID_ID.toLowerCase()), true);
    assert.equal(isValidId18(VALID_ID_2), true);
    assert.equal(isValidId18(INVALID_ID), false);
    assert.equal(luhnValid(VALID_CARD), true);
    assert.equal(luhnValid('6222021234567890127'), false);
  });

  it('replaces a valid 18-digit ID number, with or without spaces', () => {
    const r = redact(`我的身份证号是${VALID_ID},另一个 440305 19900101 123x`);
    assert.equal(r.text, '我的身份证号是[ID],另一个 [ID]');
    assert.deepEqual(r.found, [{ kind: 'id_number', count: 2 }]);
  });

  it('leaves an 18-digit number with a wrong check digit alone', () => {
    assert.equal(redact(`编号${INVALID_ID}`).text, `编号${INVALID_ID}`);
  });

  it('replaces an old 15-digit ID with a plausible birth date', () => {
    assert.equal(redact('老身份证440305900101123').text, '老身份证[ID]');
  });

  it('replaces mobile numbers in every usual shape', () => {
    for (const phone of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '+8613812345678', '(+86)13812345678', '008613912345678']) {
      assert.equal(redact(`电话${phone}谢谢`).text, '电话[PHONE]谢谢', phone);
    }
  });

  it('replaces landlines with area codes', () => {
    assert.equal(redact('call 0755-86001234 or (020)87654321 or 010 1234 5678').text, 'call [PHONE] or [PHONE] or [PHONE]');
  });

  it('replaces Luhn-valid bank cards, grouped or not, and leaves invalid ones', () => {
    const r = redact(`卡号${VALID_CARD},另一张 4111 1111 1111 1111,无效 6222021234567890127`);
    assert.equal(r.text, '卡号[CARD],另一张 [CARD],无效 6222021234567890127');
    assert.deepEqual(r.found, [{ kind: 'bank_card', count: 2 }]);
    assert.equal(redact(VALID_CARD_16).text, '[CARD]');
  });

  it('replaces e-mail addresses', () => {
    const r = redact('write to Zhang.Wei+xf@mail.example.com.cn please');
    assert.equal(r.text, 'write to [EMAIL] please');
    assert.deepEqual(r.found, [{ kind: 'email', count: 1 }]);
  });

  it('does not touch ordinary numbers', () => {
    const ordinary = [
      '2026年11月23日欠薪20000元',
      '案件编号YT-20261123-0042',
      '2026-11-23 14:30',
      '金额 1,234,567.89 元',
      '邮编518000',
      '我们有120户人家,欠了3个月',
      '1234567890',
      '拨打12345热线',
      '电话0000-00000000', // already anonymised: no area code starts with 00
    ];
    for (const text of ordinary) {
      const r = redact(text);
      assert.equal(r.text, text, text);
      assert.deepEqual(r.found, []);
    }
  });

  it('counts several kinds at once', () => {
    const r = redact(`身份证${VALID_ID_2} 手机13912345678 邮箱a@b.cn 卡${VALID_CARD_16} 手机15012345678`);
    assert.equal(r.text, '身份证[ID] 手机[PHONE] 邮箱[EMAIL] 卡[CARD] 手机[PHONE]');
    const counts = Object.fromEntries(r.found.map((f) => [f.kind, f.count]));
    assert.deepEqual(counts, { email: 1, id_number: 1, bank_card: 1, phone: 2 });
  });

  it('handles empty input and rejects a non-string', () => {
    assert.deepEqual(redact(''), { text: '', found: [], names: [] });
    assert.throws(() => redact(undefined as unknown as string), TypeError);
  });
});
