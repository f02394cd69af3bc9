import type { Catalogue } from './types.js';

/**
 * The resident's withdrawal of a case (/withdraw, a withdrawal said in words): which case, in their own words, and a
 * way back out. The key prefix stays `conversation.withdraw`: these are the resident conversation's texts, kept in a
 * file of their own so that i18n/conversation.ts stays readable.
 */
export const messages = {
  // What the redaction hid in the resident's own words, as they read them back (conversation/ownWords.ts): a short
  // word in place of the placeholder staff read ([PHONE]), so a quote reads as their sentence.
  'conversation.own_words.name': { 'zh-Hans': '〔姓名〕', 'zh-Hant': '〔姓名〕', en: '(name)' },
  'conversation.own_words.address': { 'zh-Hans': '〔地址〕', 'zh-Hant': '〔地址〕', en: '(address)' },
  'conversation.own_words.id': { 'zh-Hans': '〔证件号〕', 'zh-Hant': '〔證件號〕', en: '(ID number)' },
  'conversation.own_words.passport': { 'zh-Hans': '〔护照号〕', 'zh-Hant': '〔護照號〕', en: '(passport number)' },
  'conversation.own_words.phone': { 'zh-Hans': '〔电话〕', 'zh-Hant': '〔電話〕', en: '(phone)' },
  'conversation.own_words.card': { 'zh-Hans': '〔卡号〕', 'zh-Hant': '〔卡號〕', en: '(card number)' },
  'conversation.own_words.email': { 'zh-Hans': '〔邮箱〕', 'zh-Hant': '〔電郵〕', en: '(email)' },
  'conversation.own_words.plate': { 'zh-Hans': '〔车牌〕', 'zh-Hant': '〔車牌〕', en: '(plate)' },
  'conversation.own_words.account': { 'zh-Hans': '〔账号〕', 'zh-Hant': '〔帳號〕', en: '(account)' },
  'conversation.withdraw.none': {
    'zh-Hans': '您没有可以撤回的进行中案件。',
    'zh-Hant': '您沒有可以撤回的進行中案件。',
    en: 'You have no open case to withdraw.',
  },
  // {summary}: the start of the case in the resident's own words, with personal data hidden (the case summary), so that
  // with several cases they know which one they withdraw; the prompt had shown only the reference.
  'conversation.withdraw.offer': {
    'zh-Hans': '要撤回案件 {ref} 吗？（{status}）\n您反映的是：“{summary}”',
    'zh-Hant': '要撤回案件 {ref} 嗎？（{status}）\n您反映的是：「{summary}」',
    en: 'Withdraw case {ref}? ({status})\nYou wrote: “{summary}”',
  },
  'conversation.withdraw.offer_consent': {
    'zh-Hans': '要撤回案件 {ref} 吗？（{status}）\n您反映的是：“{summary}”\n撤回后，您对转介社会组织的同意也一并撤回，该组织会被要求删除收到的信息。',
    'zh-Hant': '要撤回案件 {ref} 嗎？（{status}）\n您反映的是：「{summary}」\n撤回後，您對轉介社會組織的同意也一併撤回，該組織會被要求刪除收到的資料。',
    en: 'Withdraw case {ref}? ({status})\nYou wrote: “{summary}”\nYour consent to the referral is withdrawn too, and the organization is asked to delete what it received.',
  },
  // The answer to the prompt's "keep my case" button: nothing was changed, and the resident is told so.
  'conversation.withdraw.kept': {
    'zh-Hans': '好的，案件 {ref} 没有撤回，一切保持原样。',
    'zh-Hant': '好的，案件 {ref} 沒有撤回，一切保持原樣。',
    en: 'All right: case {ref} is not withdrawn, and nothing has changed.',
  },
} satisfies Catalogue;
