/**
 * The Telegram side of the outbox: renders an OutgoingMessage in the recipient's language, adds
 * signed inline buttons for its actions, sends it with telegraf's Telegram client, and turns the
 * API's failures into what the dispatcher understands (retry later / give up / unknown).
 */
import { Telegram, TelegramError } from 'telegraf';
import type { ForceReply, InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Logger } from '../kernel/logger.js';
import type { Language } from '../kernel/language.js';
import { ChatMigratedError, ChatUnreachableError, PermanentSendError, RetryAfterError, type MessageSender, type OutgoingMessage } from '../workers/sender.js';
import { isCallbackAction } from '../conversation/actions.js';
import type { CallbackCodec } from './callbackData.js';
import { t } from '../i18n/index.js';

/** Telegram's limit on one text message, in UTF-16 code units (what JS string length counts). */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit on a file's caption. */
const CAPTION_MAX = 1024;

/**
 * Uploads `doc` with `text` as its caption when it fits Telegram's limit. `textFollows`: the text did not
 * fit and the caller sends it after the file as a message (each caller sends it its own way).
 */
export async function uploadDocument(
  telegram: Telegram,
  chatId: number,
  doc: { filename: string; content: string },
  text: string,
): Promise<{ messageId: number; textFollows: boolean }> {
  const fits = text.length <= CAPTION_MAX;
  const sent = await telegram.sendDocument(chatId, { source: Buffer.from(doc.content, 'utf8'), filename: doc.filename }, fits && text ? { caption: text } : {});
  return { messageId: sent.message_id, textFollows: !fits };
}

export interface TelegramSenderOptions {
  token: string;
  apiRoot?: string;
  callbacks: CallbackCodec;
  logger?: Logger;
  /** An existing client (e.g. the bot's own `bot.telegram`); otherwise one is made from token/apiRoot. */
  telegram?: Telegram;
}

export { isCallbackAction } from '../conversation/actions.js';

/**
 * Inline keyboard for `actions`: labels from the catalogue (`action.<name>`), data signed for
 * `ref`/`version`. Three or fewer buttons fit one row (the satisfaction scale reads left to right);
 * more go two per row so labels are not truncated on a phone.
 */
export function buildKeyboard(
  codec: CallbackCodec,
  lang: Language,
  actions: readonly string[],
  ref = '',
  version?: number,
): InlineKeyboardMarkup | undefined {
  if (actions.length === 0) return undefined;
  const buttons: InlineKeyboardButton[] = actions.map((action) => {
    if (!isCallbackAction(action)) throw new Error(`Outgoing message has an unknown action: ${action}`);
    return { text: t(lang, `action.${action}`), callback_data: codec.build(action, ref, version) };
  });
  const perRow = buttons.length <= 3 ? 3 : 2;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

/**
 * Splits text into parts of at most `limit` code units, preferring paragraph, then line, then
 * sentence/space boundaries, and never cutting a surrogate pair in half.
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (limit < 2) throw new Error('limit too small');
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = -1;
    for (const sep of ['\n\n', '\n', '。', '. ', '！', '？', '；', ' ']) {
      const at = window.lastIndexOf(sep);
      // A boundary in the first half would make many tiny parts; fall through to a harder cut.
      if (at >= limit / 2) {
        cut = at + sep.length;
        break;
      }
    }
    if (cut <= 0 || cut > limit) cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep the surrogate pair together
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  if (rest.trim() !== '' || parts.length === 0) parts.push(rest);
  return parts.filter((p) => p.trim() !== '');
}

export class TelegramSender implements MessageSender {
  readonly telegram: Telegram;
  private readonly callbacks: CallbackCodec;
  private readonly logger?: Logger;

  constructor(opts: TelegramSenderOptions) {
    this.telegram = opts.telegram ?? new Telegram(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
    this.callbacks = opts.callbacks;
    this.logger = opts.logger;
  }

  /**
   * Sends the message; a long text goes as several messages with the buttons on the last, whose id
   * is returned. Buttons are signed with the case reference (`params.ref`, as the cases area writes
   * it, or `params.caseRef`) and `params.caseVersion` when present.
   */
  async send(msg: OutgoingMessage): Promise<{ externalMessageId?: number }> {
    const params = msg.message.params ?? {};
    const text = t(msg.language, msg.message.key, params);
    const refParam = params.caseRef ?? params.ref;
    const ref = typeof refParam === 'string' ? refParam : '';
    const version = typeof params.caseVersion === 'number' ? params.caseVersion : undefined;
    // A kept direct reply carries the markup it was rendered with (signed buttons or force_reply).
    const keyboard = (msg.replyMarkup as InlineKeyboardMarkup | ForceReply | undefined) ?? buildKeyboard(this.callbacks, msg.language, msg.message.actions ?? [], ref, version);
    if (typeof msg.message.replaces === 'number') return this.replace(msg, msg.message.replaces, text);
    if (msg.document) return this.upload(msg, msg.document, text);
    const parts = splitText(text);
    let lastId: number | undefined;
    // Parts an earlier attempt delivered are not sent again: the resident reads each once, in order.
    for (let i = Math.min(msg.partsSent ?? 0, parts.length - 1); i < parts.length; i++) {
      const last = i === parts.length - 1;
      try {
        const sent = await this.telegram.sendMessage(msg.chatId, parts[i]!, {
          link_preview_options: { is_disabled: true },
          ...(last && keyboard ? { reply_markup: keyboard } : {}),
        });
        lastId = sent.message_id;
      } catch (err) {
        throw this.mapError(err, msg);
      }
      if (!last) await msg.onPartSent?.(i + 1);
    }
    return lastId === undefined ? {} : { externalMessageId: lastId };
  }

  /** Uploads the file with `text` as its caption; a text too long for a caption follows it (resumable: part 2). */
  private async upload(msg: OutgoingMessage, doc: NonNullable<OutgoingMessage['document']>, text: string): Promise<{ externalMessageId?: number }> {
    let lastId: number | undefined;
    try {
      if (!msg.partsSent) {
        const sent = await uploadDocument(this.telegram, msg.chatId, doc, text);
        lastId = sent.messageId;
        if (!sent.textFollows) return { externalMessageId: lastId };
        await msg.onPartSent?.(1);
      }
      for (const part of splitText(text)) lastId = (await this.telegram.sendMessage(msg.chatId, part, { link_preview_options: { is_disabled: true } })).message_id;
    } catch (err) {
      throw this.mapError(err, msg);
    }
    return lastId === undefined ? {} : { externalMessageId: lastId };
  }

  /**
   * Replaces message `messageId` in the chat with `text` and no buttons (e.g. an organization's card once
   * consent is withdrawn). A message Telegram no longer lets the bot edit is deleted instead; one already
   * gone (deleted by the group) or already replaced counts as done.
   */
  private async replace(msg: OutgoingMessage, messageId: number, text: string): Promise<{ externalMessageId?: number }> {
    const gone = (err: unknown) =>
      err instanceof TelegramError && err.code === 400 && /message to (edit|delete) not found|message is not modified|MESSAGE_ID_INVALID/i.test(err.description ?? '');
    try {
      await this.telegram.editMessageText(msg.chatId, messageId, undefined, splitText(text)[0] ?? text, {
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: [] },
      });
      return { externalMessageId: messageId };
    } catch (err) {
      if (gone(err)) return { externalMessageId: messageId };
      if (!(err instanceof TelegramError) || err.code !== 400) throw this.mapError(err, msg);
    }
    // 400 "message can't be edited": remove it instead.
    try {
      await this.telegram.deleteMessage(msg.chatId, messageId);
    } catch (err) {
      if (!gone(err)) throw this.mapError(err, msg);
    }
    return { externalMessageId: messageId };
  }

  private mapError(err: unknown, msg: OutgoingMessage): unknown {
    if (!(err instanceof TelegramError)) return err;
    const description = err.description ?? '';
    if (err.code === 429) {
      const seconds = Number(err.parameters?.retry_after);
      return new RetryAfterError(Number.isFinite(seconds) && seconds > 0 ? seconds : 1);
    }
    const migratedTo = Number(err.parameters?.migrate_to_chat_id);
    if (err.code === 400 && Number.isSafeInteger(migratedTo) && migratedTo !== 0) {
      this.logger?.warn({ outboxId: msg.outboxId, chatId: msg.chatId, migratedTo }, 'telegram: the group became a supergroup; sending to its new id');
      return new ChatMigratedError(migratedTo);
    }
    if (err.code === 403) {
      this.logger?.warn({ outboxId: msg.outboxId, chatId: msg.chatId, description }, 'telegram: the bot was removed or blocked; the chat is unreachable');
      return new ChatUnreachableError(`telegram ${err.code}: ${description}`);
    }
    if (err.code === 400 && /chat not found|user not found|chat_id is empty|PEER_ID_INVALID/i.test(description)) {
      this.logger?.info({ outboxId: msg.outboxId, code: err.code, description }, 'telegram refused the chat permanently');
      return new PermanentSendError(`telegram ${err.code}: ${description}`);
    }
    return err;
  }
}
