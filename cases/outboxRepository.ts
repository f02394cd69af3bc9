import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';
import type { OutboxMessage } from './types.js';

export interface OutboxRow {
  caseId: number | null;
  channel: 'telegram' | 'terminal';
  /** null: the recipient has no chat yet; the row waits (recipient, waitingReason) until one is configured. */
  chatId: number | null;
  chatKind: 'private' | 'group';
  language: Language;
  message: OutboxMessage;
  /** One message per (case, event, recipient): a retry of the same write is a no-op. */
  dedupeKey: string;
  notBefore: Date;
  /** 'office', 'handler:<kind>:<id>', 'resident:<id>': whose chat a waiting row gets (cases/waitingOutbox.ts). */
  recipient?: string;
  /** Why the row has no chat: 'no_office_chat' or 'no_handler_chat'. */
  waitingReason?: string;
}

/** Queues a message in the caller's transaction; returns false when the dedupe key was already used. */
export async function enqueueOutbox(q: Queryable, row: OutboxRow): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO outbox (case_id, channel, chat_id, chat_kind, language, message, dedupe_key, not_before, created_at, recipient, waiting_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [row.caseId, row.channel, row.chatId, row.chatKind, row.language, JSON.stringify(row.message), row.dedupeKey, row.notBefore, row.recipient ?? null, row.waitingReason ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}
