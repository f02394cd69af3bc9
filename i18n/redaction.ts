import type { Catalogue } from './types.js';

/** Texts of the redaction and the audit of the original text (docs/redaction.md). */
export const messages = {
  'console.event.original_viewed': { 'zh-Hans': '查看原文', 'zh-Hant': '查看原文', en: 'original text viewed' },
} satisfies Catalogue;
