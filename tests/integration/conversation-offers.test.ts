import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CONFIRM_ACTION } from '../../conversation/index.js';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/*
 * A resident retest: sample names, and the resident's own words in the summary they confirm.
 * Real PGlite, CaseService, offline triage and the bundled directory.
 */
describe('offers, consent and the summary a resident confirms', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, outboxTo, offerIn } = h;
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

  it('the summary to confirm shows the resident’s own words (their address, 搵) with a line that the handler gets them hidden; the case stays redacted', async () => {
    const r = who('zh-Hant');
    const text = '我住喺南山區桃園路88號3棟502，樓下餐廳成晚好嘈，我想搵人管下佢哋';
    const rs = await say(r, text);
    const summary = rs.find((x) => x.key === 'conversation.petition.confirm')!;
    const shown = render(r, [summary]);
    assert.match(shown, /桃園路88號3棟502/);
    assert.match(shown, /我想搵人/);
    assert.doesNotMatch(shown, /\[ADDRESS\]|揾/);
    assert.deepEqual(summary.lines?.map((x) => x.key), ['conversation.petition.private_hidden']);
    const more = await say(r, '我電話係13812345678');
    assert.deepEqual(keys(more), ['conversation.petition.details_added']);
    assert.match(render(r, more), /13812345678/);
    assert.doesNotMatch(render(r, more), /\[PHONE\]|揾/);
    await press(r, CONFIRM_ACTION, summary.token!);
    const [c] = await casesOf(r);
    assert.match(c.summary, /桃園路\[ADDRESS\]/);
    assert.match(c.summary, /\[PHONE\]/);
    const card = (await outboxTo(OFFICE_CHAT)).find((o) => o.message.key === 'cases.staff.review_card' && o.message.params.ref === c.ref)!;
    assert.doesNotMatch(card.message.params.summary, /88號|13812345678/, 'the office card is redacted');
    // Nothing personal to hide: no such line.
    const plain = await say(who(), '小区物业不修电梯已经三个月了，老人上下楼很困难');
    assert.equal(plain.find((x) => x.key === 'conversation.petition.confirm')!.lines, undefined);
  });
});
