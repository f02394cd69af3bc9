/**
 * Files a conversation hands the resident (the /privacy export): uploaded with sendDocument, the reply's
 * rendered text as the caption (Telegram allows 1024 characters there; a longer text follows as a message).
 * An upload Telegram does not take (429 beyond the wait, 5xx, network, 403, chat not found), or one that
 * must wait behind the chat's kept replies, is kept in the outbox like a direct reply — as the name of
 * the export, not the file: the outbox rebuilds it when it delivers (cases/privacyExport.ts), and sends
 * a short note instead if the resident erased their data meanwhile.
 */
import type { Context, Telegram } from 'telegraf';
import type { Language } from '../kernel/language.js';
import type { ReplyDocument } from '../conversation/types.js';
import { privacyExportRef } from '../cases/privacyExport.js';
import { uploadDocument } from './telegramSender.js';
import { isDeliveryFailure, keepNow, keepReply, keptRow, nextReplySeq, sendDirectText, sendFailed, type DirectReplyStore } from './middleware/delivery.js';


export async function sendDocument(telegram: Telegram, chatId: number, doc: ReplyDocument, text: string): Promise<void> {
  if ((await uploadDocument(telegram, chatId, doc, text)).textFollows) await telegram.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
}

/**
 * The document reply of this update: sent now, or kept in the outbox (see above) together with the
 * update's later replies. A file the outbox cannot rebuild (no `source`) is sent as before, failures thrown.
 */
export async function sendDocumentReply(
  ctx: Context,
  store: DirectReplyStore | undefined,
  reply: { chatId: number; doc: ReplyDocument; text: string; language: Language },
): Promise<void> {
  const from = ctx.from;
  if (!store || reply.doc.source !== 'privacy_export' || !from) return sendDocument(ctx.telegram, reply.chatId, reply.doc, reply.text);
  const seq = nextReplySeq(ctx);
  if (!(await keepNow(ctx, store, reply.chatId, false))) {
    try {
      const sent = await uploadDocument(ctx.telegram, reply.chatId, reply.doc, reply.text);
      // The caption that did not fit follows as a text: sent or kept like any direct reply.
      if (sent.textFollows) await sendDirectText(ctx, store, { chatId: reply.chatId, text: reply.text, urgent: false, language: reply.language });
      return;
    } catch (err) {
      if (!isDeliveryFailure(err)) throw err;
      sendFailed(ctx, store, reply.chatId, err, 'document');
    }
  }
  const document = await privacyExportRef(store.pool, { channel: 'telegram', externalId: String(from.id), chatId: reply.chatId });
  await keepReply(ctx, store, { ...keptRow(ctx, seq, { chatId: reply.chatId, text: reply.text, partsSent: 0, urgent: false, language: reply.language }), document });
}
