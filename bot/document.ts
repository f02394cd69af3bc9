/**
 * Files a conversation hands the resident (the /privacy export): uploaded with sendDocument, the reply's
 * rendered text as the caption (Telegram allows 1024 characters there; a longer text follows as a message).
 */
import type { Telegram } from 'telegraf';
import type { ReplyDocument } from '../conversation/types.js';

export const CAPTION_MAX = 1024;

export async function sendDocument(telegram: Telegram, chatId: number, doc: ReplyDocument, text: string): Promise<void> {
  const fits = text.length <= CAPTION_MAX;
  await telegram.sendDocument(chatId, { source: Buffer.from(doc.content, 'utf8'), filename: doc.filename }, fits && text ? { caption: text } : {});
  if (!fits) await telegram.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
}
