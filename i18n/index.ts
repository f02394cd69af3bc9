import { toTraditionalScript, type Language, type MessageParam, type TextRef } from '../kernel/language.js';
import { messages as bot } from './bot.js';
import { messages as cases } from './cases.js';
import { messages as consent } from './consent.js';
import { messages as consoleTexts } from './console.js';
import { messages as delivery } from './delivery.js';
import { messages as conversation } from './conversation.js';
import { messages as knowledge } from './knowledge.js';
import { messages as privacy } from './privacy.js';
import { messages as redaction } from './redaction.js';
import { messages as safety } from './safety.js';
import { messages as security } from './security.js';
import { messages as staff } from './staff.js';
import { messages as triage } from './triage.js';
import { messages as withdrawal } from './withdrawal.js';
import type { Catalogue } from './types.js';

export type { Catalogue, Localized } from './types.js';

const HAN = /\p{Script=Han}/u;

export { isLanguage, LANGUAGES } from '../kernel/language.js';

/** Each area's file on its own, so a test can find a key two areas both define (the later would silently win). */
export const areaCatalogues: Readonly<Record<string, Catalogue>> = { bot, cases, consent, console: consoleTexts, conversation, delivery, knowledge, privacy, redaction, safety, security, staff, triage, withdrawal };

/** The one catalogue: every user-facing text in zh-Hans, zh-Hant and en. */
export const catalogue: Catalogue = { ...bot, ...cases, ...consent, ...consoleTexts, ...conversation, ...delivery, ...knowledge, ...privacy, ...redaction, ...safety, ...security, ...staff, ...triage, ...withdrawal };

export function hasMessage(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** Renders `key` in `lang`, filling `{param}`s. An unknown key is a bug: it throws rather than show a code to a resident. */
export function t(lang: Language, key: string, params: Record<string, MessageParam | undefined> = {}): string {
  const entry = hasMessage(key) ? catalogue[key] : undefined;
  if (!entry) throw new Error(`Unknown message key: ${key}`);
  const text = entry[lang] ?? entry['zh-Hans'];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return m;
    if (typeof v === 'object') return textOf(lang, v);
    // Departments and the office write in 简体 (a result, a progress note, a reason); a 繁體 reader gets it
    // in their script. Already-traditional text and Latin letters come through unchanged.
    return lang === 'zh-Hant' && typeof v === 'string' && HAN.test(v) ? toTraditionalScript(v) : String(v);
  });
}

/** A label or a name given in each language (kernel/language.ts MessageParam), in the reader's language. */
export function textOf(lang: Language, v: MessageParam): string {
  if (v === null) return '';
  if (typeof v !== 'object') return String(v);
  return 'key' in v ? t(lang, v.key, v.params) : (v[lang] ?? v['zh-Hans']);
}

/**
 * A case event's label (`console.event.<type>`), as a reference rendered in the reader's language. Event types
 * are open-ended (a command may name its own), so one this release has no label for — written by a newer
 * release, or an old row — reads as its words inside "other entry", rather than as a code or a thrown error.
 */
export function eventRef(type: string): TextRef {
  const key = `console.event.${type}`;
  if (hasMessage(key)) return { key };
  return { key: 'console.event.other', params: { type: type.replace(/[\s_:.-]+/g, ' ').trim() || '—' } };
}

/** A case event's label in `lang` (see eventRef). */
export const eventLabel = (lang: Language, type: string): string => textOf(lang, eventRef(type));

/**
 * The catalogue as the /privacy export renders it (cases/privacyExport.ts ExportTexts): its guide, and a
 * stored message's text — null for a key the catalogue no longer has. Shared by the conversation that
 * builds the export and the outbox that rebuilds a kept one.
 */
export const exportTexts = {
  about: (lang: Language): string => t(lang, 'privacy.export.about'),
  message: (lang: Language, key: string, params: Record<string, MessageParam>): string | null => (hasMessage(key) ? t(lang, key, params) : null),
};

/** The `{param}` names a text uses, sorted and unique. */
export function paramsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/**
 * Telegram's `language_code` (IETF tag from the user's app settings) → our language.
 * Hong Kong, Taiwan, Macau and explicit Hant → 繁體; any English → en; everything else, including
 * none, → 简体 (the office's default audience).
 */
export function languageFromTelegram(languageCode: string | null | undefined): Language {
  const code = (languageCode ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (/^zh-(hk|tw|mo)\b/.test(code) || /^zh-hant\b/.test(code)) return 'zh-Hant';
  if (code.startsWith('en')) return 'en';
  return 'zh-Hans';
}
