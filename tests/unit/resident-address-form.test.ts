import { describe, expect, it } from 'vitest';
import { catalogue } from '../../i18n/index.js';

/*
 * A resident is addressed as 您 throughout, the crisis and concern replies included: they had said 你 while the
 * rest of the conversation said 您, so one reply in the same chat sounded like another speaker. Staff texts (groups
 * and the web console) keep their own form, one form throughout.
 */

/** Keys staff read: the groups' and the console's texts. Every other key reaches a resident. */
const STAFF_KEY = /^(staff|console|security|delivery|safety\.(office|staff|dir|waiting))\.|^(cases|consent)\.(staff|handler)\.|^(conversation|privacy)\.office\./;

const chineseTexts = (staff: boolean) =>
  Object.entries(catalogue)
    .filter(([key]) => STAFF_KEY.test(key) === staff)
    .flatMap(([key, entry]) => (['zh-Hans', 'zh-Hant'] as const).map((lang) => ({ key, lang, text: entry[lang] })));

describe('how texts address their reader', () => {
  it('every resident-facing Chinese text says 您, never 你 (nor 你们)', () => {
    const texts = chineseTexts(false);
    expect(texts.length).toBeGreaterThan(300);
    const informal = texts.filter((x) => x.text.includes('你')).map((x) => `${x.key} (${x.lang}): ${x.text.slice(0, 40)}`);
    expect(informal).toEqual([]);
    // The crisis replies are resident texts too, and now say 您.
    expect(catalogue['triage.crisis.concern']!['zh-Hans']).toMatch(/^听起来您最近压力很大/);
    expect(catalogue['conversation.emergency.matter_later']!['zh-Hant']).toMatch(/^您在訊息裡還提到/);
  });

  it('staff texts use one form of address throughout', () => {
    const forms = new Set(chineseTexts(true).flatMap((x) => x.text.match(/[你您]/g) ?? []));
    expect([...forms]).toEqual(['您']);
  });
});
