import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { DEFAULT_SHARED_FIELDS } from '../../cases/caseService.js';
import { consentRequestKey } from '../../cases/commands/consent.js';
import { CONFIRM_ACTION, MAX_TEXT_CHARS } from '../../conversation/index.js';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/*
 * A resident retest: /status while the office waits for the resident's consent, sample names, a long paste, and the resident's own words in the summary they confirm.
 * Real PGlite, CaseService, offline triage and the bundled directory.
 */
describe('offers, consent and the summary a resident confirms', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, outboxTo, offerIn } = h;
  const office = { kind: 'office' as const, id: '901' };
  const ELDER = {
    'zh-Hans': '我妈妈最近老是忘事，一个人在家，我想找人上门照顾她',
    'zh-Hant': '阿媽最近成日唔記得嘢，一個人喺屋企，我想搵人上門照顧佢',
    en: 'My elderly mother lives alone and keeps forgetting to eat, I need someone to visit her at home',
  } as const;

  it('/status while the office waits for the resident’s consent to another organization says so, with the question’s buttons', async () => {
    const r = who('en');
    const offer = await say(r, ELDER.en);
    await press(r, 'consent_yes', offerIn(offer).token);
    const [c] = await casesOf(r);
    const other = h.directory.organizationsFor('elderly_care').find((o) => o.id !== c.handler_id)!;
    await h.cases.reassign(c.ref, office, { handlerKind: 'organization', handlerId: other.id });
    await h.cases.approveReferral(c.ref, office);
    const rs = await h.conv.onCommand(r, 'status');
    assert.deepEqual(keys(rs), ['conversation.status.awaiting_consent', consentRequestKey(DEFAULT_SHARED_FIELDS)], render(r, rs));
    assert.match(render(r, rs), /waiting for your answer/);
    assert.doesNotMatch(render(r, rs), /under review by the office/);
    assert.doesNotMatch(render(r, rs), /Sample/);
    const question = rs[1]!;
    assert.deepEqual(question.actions, ['consent_org_yes', 'consent_org_no']);
    // The button in /status answers the question: the referral goes out to the organization the office chose.
    await press(r, 'consent_org_yes', question.caseRef!);
    const after = await h.cases.getCase(c.ref);
    assert.equal(after.status, 'referred');
    assert.equal(after.handlerId, other.id);
    assert.deepEqual(keys(await h.conv.onCommand(r, 'status')), ['conversation.status.line']);
  });

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

  it('a 3,000-character complaint is kept up to the limit, cut after a sentence, and the resident is told; the case holds that part', async () => {
    const r = who();
    const sentence = '我们小区旁边的工地每天晚上十一点以后还在施工，打桩机的声音非常大，老人和孩子都睡不着觉。';
    const text = sentence.repeat(Math.ceil(3000 / sentence.length)).slice(0, 3000);
    const rs = await say(r, text);
    assert.deepEqual(keys(rs), ['conversation.long.kept', 'conversation.petition.confirm'], render(r, rs));
    const kept = Number(rs[0]!.params!.kept);
    assert.ok(kept <= MAX_TEXT_CHARS && kept > MAX_TEXT_CHARS - 300, String(kept));
    assert.match(render(r, [rs[0]!]), /3000 字.*前 \d+ 字.*另发一条/s);
    assert.match(String(rs[0]!.params!.end), /。$/, 'cut after a sentence');
    await press(r, CONFIRM_ACTION, rs[1]!.token!);
    const [c] = await casesOf(r);
    assert.equal([...c.original_text].length, kept);
    assert.ok(text.startsWith(c.original_text), 'the resident’s text, from its start');
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
