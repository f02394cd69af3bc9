/**
 * The Telegram renderer: the one place a conversation's Reply becomes Telegram text and markup
 * (catalogue text in the reader's language, inline buttons signed with the bot's codec).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../kernel/language.js';
import type { StaffResult } from '../conversation/staff.js';
import type { Reply, ReplyText } from '../conversation/types.js';
import { t } from '../i18n/index.js';
import type { CallbackCodec } from './callbackData.js';
import { buildKeyboard } from './telegramSender.js';

/** Telegram shows at most 200 characters in a callback answer. */
const ANSWER_MAX = 200;

export interface RenderedMessage {
  text: string;
  keyboard?: InlineKeyboardMarkup;
  forceReply?: { placeholder: string };
}

export interface RenderedStaffResult {
  answer?: { text: string; alert: boolean };
  messages: RenderedMessage[];
  clearCard?: boolean;
  keepPending?: boolean;
}

const text = (lang: Language, r: ReplyText) => t(lang, r.key, r.params ?? {});
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function renderReply(codec: CallbackCodec, sessionLang: Language, r: Reply): RenderedMessage {
  // A reply in the message's own language (an emergency reply) has its buttons in that language too: a 繁體
  // reply with 简体 buttons under it read as two voices.
  const lang = r.language ?? sessionLang;
  const body = [text(lang, r), ...(r.lines ?? []).map((l) => text(lang, l))].join('\n');
  let keyboard: InlineKeyboardMarkup | undefined;
  if (r.buttons?.length) {
    keyboard = {
      inline_keyboard: r.buttons.map((row): InlineKeyboardButton[] =>
        row.map((b) => ({ text: text(lang, b.label), callback_data: codec.build(b.action, b.ref, b.version) })),
      ),
    };
  } else if (r.actions?.length) {
    keyboard = buildKeyboard(codec, lang, r.actions, r.caseRef ?? r.token ?? '', r.caseVersion);
  }
  return {
    text: body,
    ...(keyboard ? { keyboard } : {}),
    ...(r.forceReply ? { forceReply: { placeholder: t(lang, r.forceReply.placeholderKey) } } : {}),
  };
}

/** Staff read 简体 (the group language of cases/delivery.ts). */
export function renderStaffResult(codec: CallbackCodec, result: StaffResult, lang: Language = 'zh-Hans'): RenderedStaffResult {
  return {
    ...(result.answer ? { answer: { text: clip(text(lang, result.answer), ANSWER_MAX), alert: result.answer.alert } } : {}),
    messages: result.messages.map((m) => renderReply(codec, lang, m)),
    ...(result.clearCard !== undefined ? { clearCard: result.clearCard } : {}),
    ...(result.keepPending !== undefined ? { keepPending: result.keepPending } : {}),
  };
}
