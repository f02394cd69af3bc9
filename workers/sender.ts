import type { OutboxMessage } from '../cases/types.js';
import type { Language } from '../kernel/language.js';

/** One outbox row on its way out. */
export interface OutgoingMessage {
  outboxId: number;
  channel: 'telegram' | 'terminal';
  chatId: number;
  chatKind: 'private' | 'group';
  language: Language;
  message: OutboxMessage;
  caseId: number | null;
  /** Parts of a long text already delivered by an earlier attempt: sending resumes after them. */
  partsSent?: number;
  /** Called after each part but the last is delivered, so a failure later resumes from the next part. */
  onPartSent?(partsSent: number): Promise<void>;
  /**
   * Markup rendered when the message was written (a direct reply kept for later: cases/directReplies.ts),
   * put on the last part as it is, instead of buttons built from `message.actions`.
   */
  replyMarkup?: Record<string, unknown>;
  /**
   * A file to upload, the rendered text as its caption (a longer text follows it as a message, counted
   * as part 2): the /privacy export, rebuilt by the outbox when it delivers the row.
   */
  document?: { filename: string; mimeType: string; content: string };
}

/** The port the outbox dispatcher sends through; the Telegram adapter lives in bot/. */
export interface MessageSender {
  send(msg: OutgoingMessage): Promise<{ externalMessageId?: number }>;
}

/**
 * The channel said "too many requests": wait this long, then try the same message again.
 * `scope` says what to pause: this chat only (the default), or every send of the bot (a global
 * flood limit); the adapter decides which from the API's answer.
 */
export class RetryAfterError extends Error {
  constructor(
    public readonly retryAfterSeconds: number,
    public readonly scope: 'chat' | 'global' = 'chat',
  ) {
    super(`retry after ${retryAfterSeconds}s`);
    this.name = 'RetryAfterError';
  }
}

/** Retrying cannot help (bot blocked by the user, chat not found): mark the message failed. */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

/**
 * The chat removed the bot or the user blocked it (Telegram's 403): nothing can be delivered for now,
 * but the messages are kept (pending) and go out once the chat works again. A PermanentSendError for
 * callers that only know that one.
 */
export class ChatUnreachableError extends PermanentSendError {
  constructor(message: string) {
    super(message);
    this.name = 'ChatUnreachableError';
  }
}

/** The group became a supergroup with a new id: send there (and remember it) instead. */
export class ChatMigratedError extends Error {
  constructor(public readonly toChatId: number) {
    super(`chat migrated to ${toChatId}`);
    this.name = 'ChatMigratedError';
  }
}
