import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { DEFAULT_SHARED_FIELDS } from '../../cases/caseService.js';
import { consentRequestKey } from '../../cases/commands/consent.js';
import { CONFIRM_ACTION, MAX_TEXT_CHARS, type Reply } from '../../conversation/index.js';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT, useResidentConversation } from '../helpers/residentConversation.js';

/*
 * A resident retest: another organization after saying no, /status while the office waits for the resident's consent,
 * sample names, a long paste, legal aid refused once, and the resident's own words in the summary they confirm.
 * Real PGlite, CaseService, offline triage and the bundled directory.
 */
describe('offers, consent and the summary a resident confirms', () => {
  const h = useResidentConversation();
  const { who, say, press, keys, render, casesOf, outboxTo, offerIn } = h;
  const office = { kind: 'office' as const, id: '901' };
  /** The organization an offer names, by its display name in the reply. */
  const orgOffered = (rs: Reply[]): string => String(offerIn(rs).params!.org);
  const ELDER = {
    'zh-Hans': '我妈妈最近老是忘事，一个人在家，我想找人上门照顾她',
    'zh-Hant': '阿媽最近成日唔記得嘢，一個人喺屋企，我想搵人上門照顧佢',
    en: 'My elderly mother lives alone and keeps forgetting to eat, I need someone to visit her at home',
  } as const;

  describe('another organization, asked for in words', () => {
    it('"有没有别的机构" after 不同意: another elder-care organization is offered, and a yes refers the matter to it', async () => {
      const r = who();
      const first = await say(r, ELDER['zh-Hans']);
      const declinedName = orgOffered(first);
      await press(r, 'consent_no', offerIn(first).token);
      const rs = await say(r, '有没有别的机构');
      assert.deepEqual(keys(rs), ['conversation.oos.next_org', 'conversation.oos.offer'], render(r, rs));
      const next = orgOffered(rs);
      assert.notEqual(next, declinedName, 'not the organization just declined');
      assert.equal(h.directory.organizations.find((o) => o.names['zh-Hans'].endsWith(next))?.services.includes('elderly_care'), true);
      await press(r, 'consent_yes', offerIn(rs).token);
      const [c] = await casesOf(r);
      assert.equal(c.category, 'out_of_scope');
      assert.match(c.original_text, /上门照顾/, 'the matter offered for, not the question');
      const consent = (await h.db.pool.query('SELECT organization_id FROM consents WHERE case_id = $1', [c.id])).rows[0];
      assert.equal(h.directory.organization(consent.organization_id)!.names['zh-Hans'].endsWith(next), true, 'the consent names the new organization');
      assert.ok(c.decision.reasons.includes('resident_asked_other_org'), 'the office card says why it is not the first one');
    });

    it('"有冇其他機構" while the offer still waits: the next organization at once (the first counts as declined)', async () => {
      const r = who('zh-Hant');
      const first = await say(r, ELDER['zh-Hant']);
      const rs = await say(r, '有冇其他機構？');
      assert.deepEqual(keys(rs), ['conversation.oos.next_org', 'conversation.oos.offer'], render(r, rs));
      assert.notEqual(orgOffered(rs), orgOffered(first));
      assert.deepEqual(keys(await press(r, 'consent_yes', offerIn(first).token)), ['conversation.error.expired'], 'the first offer is spent');
      assert.deepEqual(await casesOf(r), []);
    });

    it('"any other organisation?" with none left says so plainly; "please refer me after all" brings back the one last declined', async () => {
      const r = who('en');
      const first = await say(r, ELDER.en);
      await press(r, 'consent_no', offerIn(first).token);
      const second = await say(r, 'any other organisation?');
      const lastName = orgOffered(second);
      await press(r, 'consent_no', offerIn(second).token);
      const none = await say(r, 'any other organisation?');
      assert.deepEqual(keys(none), ['conversation.oos.no_other_org'], render(r, none));
      assert.match(render(r, none), new RegExp(`No other organization[\\s\\S]*${lastName}`));
      assert.equal(none.some((x) => x.actions?.length || x.buttons?.length), false, 'no offer, no buttons');
      assert.deepEqual(await casesOf(r), [], 'no new draft, no case');
      const back = await say(r, 'please refer me after all');
      assert.equal(orgOffered(back), lastName);
    });
  });

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
    // A yes typed instead of pressed asks for the button again, with the question: it is not a new question to answer.
    const typed = await say(r, 'ok, yes');
    assert.deepEqual(keys(typed), ['conversation.consent.press_button', consentRequestKey(DEFAULT_SHARED_FIELDS)], render(r, typed));
    assert.deepEqual(typed[1]!.actions, ['consent_org_yes', 'consent_org_no']);
    assert.equal((await h.cases.getCase(c.ref)).status, 'office_review', 'typing gives no consent');
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
    assert.ok(cards.some((o) => /（示例）/.test(t('zh-Hans', o.message.key, o.message.params))), 'staff still see that the entry is a placeholder');
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

  it('"好，多謝" after an answer is thanks (it had been asked to say more); thanks at an offer shows its buttons again', async () => {
    const r = who('zh-Hant');
    await say(r, '我想问一下，低保怎么申请？');
    assert.deepEqual(keys(await say(r, '好，多謝')), ['conversation.courtesy']);
    const o = who();
    const offer = await say(o, '我爸爸78岁一个人住在南头，腿脚不方便，想找人定期上门看看他');
    assert.ok(keys(offer).includes('conversation.oos.offer'), keys(offer).join(','));
    const thanks = await say(o, '好的，谢谢');
    assert.deepEqual(keys(thanks), ['conversation.courtesy', 'conversation.consent.still_waiting']);
    assert.deepEqual(thanks[1]!.actions, ['consent_yes', 'consent_no']);
  });

  it('legal aid refused once is not offered again with the next message about the dispute; asked for by name, it is', async () => {
    const r = who();
    const first = await say(r, '公司把我辞退了，没有给经济补偿，我想讨个说法');
    const offer = first.find((x) => x.key === 'conversation.legal.aid_offer')!;
    await press(r, 'consent_no', offer.token!);
    const next = await say(r, '公司还欠我两个月加班费没给，我想去仲裁');
    assert.equal(next[0]!.key, 'conversation.legal.labour', render(r, next));
    assert.ok(!keys(next).includes('conversation.legal.aid_offer'), keys(next).join(','));
    assert.ok(next.every((x) => !x.actions?.includes('consent_yes')), 'no consent buttons');
    const again = await say(r, '公司又发来通知说要扣我工资，我要去劳动仲裁');
    assert.ok(!keys(again).includes('conversation.legal.aid_offer'), keys(again).join(','));
    const asked = await say(r, '我还是想申请法律援助');
    assert.ok(keys(asked).includes('conversation.legal.aid_offer'), keys(asked).join(','));
    assert.deepEqual(await casesOf(r), []);
    // Asked for with the dispute told before: the labour channel, and the case holds the facts, not only those words.
    assert.equal(asked[0]!.key, 'conversation.legal.labour', render(r, asked));
    await press(r, 'consent_yes', asked.find((x) => x.key === 'conversation.legal.aid_offer')!.token!);
    const [c] = await casesOf(r);
    assert.match(c!.original_text, /辞退.*加班费.*法律援助/s);
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
