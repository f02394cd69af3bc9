import type { Catalogue } from './types.js';

/**
 * User-facing texts of the knowledge area: how retrieved passages are introduced and cited when
 * the bot answers an inquiry. {title} is a document title (e.g. 信访工作条例), {article} an article
 * heading (e.g. 第三十五条), {excerpt} a short excerpt of the passage.
 */
export const messages = {
  'knowledge.answer.intro': {
    'zh-Hans': '以下规定可能与您的问题有关：',
    'zh-Hant': '以下規定可能與您的問題有關：',
    en: 'These provisions may be relevant to your question:',
  },
  'knowledge.citation': {
    'zh-Hans': '《{title}》{article}',
    'zh-Hant': '《{title}》{article}',
    en: '{title}, {article}',
  },
  'knowledge.citation.excerpt': {
    'zh-Hans': '《{title}》{article}：{excerpt}',
    'zh-Hant': '《{title}》{article}：{excerpt}',
    en: '{title}, {article}: {excerpt}',
  },
  'knowledge.answer.none': {
    'zh-Hans': '暂时没有找到与您的问题直接相关的规定。您可以换一种说法，或直接描述您遇到的情况，我们会为您登记。',
    'zh-Hant': '暫時沒有找到與您的問題直接相關的規定。您可以換一種說法，或直接描述您遇到的情況，我們會為您登記。',
    en: 'We could not find a provision that answers this directly. Try asking in other words, or describe your situation and we will register it.',
  },
  'knowledge.answer.disclaimer': {
    'zh-Hans': '以上为法规要点摘录，仅供参考，不构成法律意见；具体以有关机关的答复为准。',
    'zh-Hant': '以上為法規要點摘錄，僅供參考，不構成法律意見；具體以有關機關的答覆為準。',
    en: 'This is a summary of the rules for your information, not legal advice; the answer of the competent authority prevails.',
  },
  'knowledge.answer.english_note': {
    'zh-Hans': '（法规原文为中文。）',
    'zh-Hant': '（法規原文為中文。）',
    en: '(The provisions are quoted in Chinese, the language of the law.)',
  },
} satisfies Catalogue;
