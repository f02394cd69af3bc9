import type { Catalogue } from './types.js';

/**
 * The resident's withdrawal of a case (/withdraw, a withdrawal said in words): which case, in their own words, and a
 * way back out. The key prefix stays `conversation.withdraw`: these are the resident conversation's texts, kept in a
 * file of their own so that i18n/conversation.ts stays readable.
 */
export const messages = {
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
