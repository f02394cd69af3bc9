import type { Language } from '../kernel/language.js';
import { messages as conversation } from './conversation.js';
import type { Catalogue, Localized } from './types.js';

/*
 * Consent to one organization, for one purpose, with the words shown (cases/commands/consent.ts):
 * the question about another organization, the answers, what the office and the organization read,
 * and the console's labels for consent events. Changing a resident-facing text here means bumping
 * CONSENT_TEXT_VERSION (tests/unit/consent-texts.test.ts fails until you do).
 */

const m = (zhHans: string, zhHant: string, en: string): Localized => ({ 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

/** The fields a resident may agree to share (cases/types.ts SHAREABLE_FIELDS), with their labels. */
const FIELDS = ['contact_chat', 'language', 'summary'] as const;
const LANGS: Language[] = ['zh-Hans', 'zh-Hant', 'en'];

const QUESTION = m(
  '事项 {ref}：原定机构未能接手。我们想改为转介给「{org}」，会分享：{shared}。只有您同意后才会发给该机构，之后可随时用 /withdraw 撤回同意。如果不同意，这件事的转介就此结束，我们会告知信访局。',
  '事項 {ref}：原定機構未能接手。我們想改為轉介給「{org}」，會分享：{shared}。只有您同意後才會發給該機構，之後可隨時用 /withdraw 撤回同意。如果不同意，這件事的轉介就此結束，我們會告知信訪局。',
  'Case {ref}: the organization first chosen cannot take it. We would like to refer it to {org} instead, sharing: {shared}. Nothing is sent to them unless you agree, and you can withdraw consent any time with /withdraw. If you say no, the referral ends here and we tell the petition office.',
);

/** One question per set of shared fields (the key the case service picks: consentRequestKey). */
function questions(): Catalogue {
  const out: Catalogue = {};
  for (let mask = 1; mask < 1 << FIELDS.length; mask++) {
    const set = FIELDS.filter((_, i) => mask & (1 << i));
    const text = {} as Localized;
    for (const lang of LANGS) {
      const sep = conversation['conversation.shared.separator']![lang];
      const shared = set
        .slice()
        .sort((a, b) => ['summary', 'contact_chat', 'language'].indexOf(a) - ['summary', 'contact_chat', 'language'].indexOf(b))
        .map((f) => conversation[`conversation.shared.${f}`]![lang])
        .join(sep);
      text[lang] = QUESTION[lang].replace('{shared}', shared);
    }
    out[`consent.resident.request.${set.join('+')}`] = text;
  }
  return out;
}

export const messages: Catalogue = {
  ...questions(),
  'consent.resident.declined': m(
    '好的，事项 {ref} 不会转给「{org}」，这件事的转介已结束，我们已告知信访局。如有需要，可以随时重新发消息给我们。',
    '好的，事項 {ref} 不會轉給「{org}」，這件事的轉介已結束，我們已告知信訪局。如有需要，可以隨時重新發訊息給我們。',
    'Understood: case {ref} will not go to {org}. The referral has ended and we have told the petition office. You can write to us again any time.',
  ),
  'consent.resident.answered': m(
    '这个问题已经回答过或已不再适用。',
    '這個問題已經回答過或已不再適用。',
    'This question has already been answered or no longer applies.',
  ),
  'action.consent_org_yes': m('同意转给该机构', '同意轉給該機構', 'Yes, refer me to them'),
  'action.consent_org_no': m('不同意', '不同意', 'No'),
  'consent.staff.requested': m(
    '【待群众同意】{ref} 将转介给「{org}」，已请群众确认同意；同意前不会向该机构发送任何信息。',
    '【待群眾同意】{ref} 將轉介給「{org}」，已請群眾確認同意；同意前不會向該機構發送任何資訊。',
    '[Awaiting consent] {ref}: the resident has been asked to agree to a referral to {org}; nothing is sent to them before that.',
  ),
  'consent.staff.given': m(
    '【群众已同意】{ref} 已同意转介给「{org}」，已转办。',
    '【群眾已同意】{ref} 已同意轉介給「{org}」，已轉辦。',
    '[Consent given] {ref}: the resident agreed to {org}; the case has been referred.',
  ),
  'consent.staff.declined': m(
    '【群众不同意】{ref} 不同意转介给「{org}」，转介结束，案件已撤回。',
    '【群眾不同意】{ref} 不同意轉介給「{org}」，轉介結束，案件已撤回。',
    '[Consent refused] {ref}: the resident did not agree to {org}; the referral has ended and the case is withdrawn.',
  ),
  'staff.done.consent_asked': m(
    '{ref}：群众此前未同意转给「{handler}」，已请群众确认；同意后自动转办。',
    '{ref}：群眾此前未同意轉給「{handler}」，已請群眾確認；同意後自動轉辦。',
    '{ref}: the resident had not agreed to {handler}; they have been asked, and the case goes out once they agree.',
  ),
  'consent.handler.card_withdrawn': m(
    '【已撤回同意】{ref} 的当事人已撤回信息共享同意，此卡片内容已删除。请删除已保存的该当事人信息，不要再联系。',
    '【已撤回同意】{ref} 的當事人已撤回資訊共享同意，此卡片內容已刪除。請刪除已保存的該當事人資訊，不要再聯繫。',
    '[Consent withdrawn] The resident in {ref} withdrew consent; this card’s content has been removed. Please delete what you kept about them and do not contact them.',
  ),
  // the console (case page and timeline)
  'console.event.consent_requested': m('请群众同意转给其他机构', '請群眾同意轉給其他機構', 'consent asked for another organization'),
  'console.event.consent_given': m('群众同意并转办', '群眾同意並轉辦', 'consent given, referred'),
  'console.event.consent_declined': m('群众不同意，转介结束', '群眾不同意，轉介結束', 'consent refused, referral ended'),
  'console.outbox.cancelled': m('已取消（撤回同意）', '已取消（撤回同意）', 'cancelled (consent withdrawn)'),
  'console.consent.given': m(
    '{at} 同意向「{org}」共享：{fields}（所见文本：{version}）',
    '{at} 同意向「{org}」共享：{fields}（所見文本：{version}）',
    '{at}: agreed to share with {org}: {fields} (text read: {version})',
  ),
  'console.consent.asked': m('{at} 询问是否同意转给「{org}」：{answer}', '{at} 詢問是否同意轉給「{org}」：{answer}', '{at}: asked to agree to {org}: {answer}'),
  'console.consent.answer.open': m('待回复', '待回覆', 'no answer yet'),
  'console.consent.answer.given': m('同意', '同意', 'yes'),
  'console.consent.answer.declined': m('不同意', '不同意', 'no'),
  'console.consent.answer.superseded': m('已被新的安排取代', '已被新的安排取代', 'superseded'),
};
