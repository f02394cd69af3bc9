import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/*
 * A resident retest: sample names.
 * Real PGlite, CaseService, offline triage and the bundled directory.
 */
describe('offers, consent and the summary a resident confirms', () => {
  const h = useResidentConversation();
  const { who, say, press, render, outboxTo, offerIn } = h;
  const ELDER = {
    'zh-Hans': '我妈妈最近老是忘事，一个人在家，我想找人上门照顾她',
    'zh-Hant': '阿媽最近成日唔記得嘢，一個人喺屋企，我想搵人上門照顧佢',
    en: 'My elderly mother lives alone and keeps forgetting to eat, I need someone to visit her at home',
  } as const;

  it('sample organizations are named without （示例） to the resident, in every language; the office card keeps the mark', async () => {
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const r = who(lang);
      const rs = await say(r, ELDER[lang]);
      assert.doesNotMatch(render(r, rs), /示例|sample/i, lang);
      await press(r, 'consent_yes', offerIn(rs).token);
      const toResident = (await outboxTo(r.chatId!)).map((o) => t(lang, o.message.key, o.message.params));
      assert.ok(toResident.length > 0);
      for (const text of toResident) assert.doesNotMatch(text, /示例|sample/i, text);
    }
    const cards = (await outboxTo(OFFICE_CHAT)).filter((o) => o.message.key === 'cases.staff.review_card' && o.message.params.category === '信访外');
    assert.ok(cards.some((o) => /（示例）/.test(o.message.params.handler)), 'staff still see that the entry is a placeholder');
  });
});
