import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/index.js';
import { ownWords } from '../../conversation/ownWords.js';
import { withdrawSummary } from '../../conversation/residentCases.js';
import { PLACEHOLDERS } from '../../triage/redact.js';

/*
 * A resident reading their own case back (the /withdraw prompt) sees what was hidden as a word in their language,
 * never the redaction's placeholders: "我的电话是[PHONE]" had been quoted to them as it is stored for staff.
 */
describe("the resident's own words read back", () => {
  const stored = '我叫[NAME]，电话[PHONE]，住在桃园路[ADDRESS]，楼下餐馆油烟很大';

  it('each placeholder is a short word in the reader\'s language', () => {
    expect(ownWords(stored, 'zh-Hans')).toBe('我叫〔姓名〕，电话〔电话〕，住在桃园路〔地址〕，楼下餐馆油烟很大');
    expect(ownWords('電話[PHONE]，電郵[EMAIL]', 'zh-Hant')).toBe('電話〔電話〕，電郵〔電郵〕');
    expect(ownWords('call me on [PHONE] or [EMAIL]', 'en')).toBe('call me on (phone) or (email)');
    // Every kind the redaction writes, in every language, in any case the text carries it.
    for (const lang of LANGUAGES) {
      for (const p of Object.values(PLACEHOLDERS)) {
        const shown = ownWords(`a ${p} b ${p.toLowerCase()}`, lang);
        expect(shown, `${p} (${lang})`).not.toMatch(/\[[A-Za-z]+\]/);
      }
    }
  });

  it('cut short, a hidden detail\'s word is kept whole or left out, never cut in half', () => {
    expect(ownWords('我的电话是[PHONE]', 'zh-Hans', 7)).toBe('我的电话是…');
    expect(ownWords('我的电话是[PHONE]再说', 'zh-Hans', 9)).toBe('我的电话是〔电话〕…');
    expect(ownWords('短', 'zh-Hans', 9)).toBe('短');
  });

  it('the /withdraw prompt quotes the case that way, in the resident\'s language', () => {
    const c = { summary: '小区物业不修电梯已经三个月了，我的电话[PHONE]', originalText: '' };
    expect(withdrawSummary(c, 'zh-Hans')).toBe('小区物业不修电梯已经三个月了，我的电话〔电话〕');
    expect(withdrawSummary(c, 'zh-Hant')).toBe('小区物业不修电梯已经三个月了，我的电话〔電話〕');
    expect(withdrawSummary({ summary: 'The lift has been broken for months, call [PHONE]', originalText: '' }, 'en')).toBe('The lift has been broken for months, call (phone)');
  });
});
