import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';
import type { OutboxMessage } from './types.js';

export interface OutboxRow {
  caseId: number | null;
  channel: 'telegram' | 'terminal';
  chatId: number;
  chatKind: 'private' | 'group';
  language: Language;
  message: OutboxMessage;
  /** One message per (case, event, recipient): a retry of the same write is a no-op. */
  dedupeKey: string;
  notBefore: Date;
}

/** Queues a message in the caller's transaction; returns false when the dedupe key was already used. */
export async function enqueueOutbox(q: Queryable, row: OutboxRow): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO outbox (case_id, channel, chat_id, chat_kind, language, message, dedupe_key, not_before, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [row.caseId, row.channel, row.chatId, row.chatKind, row.language, JSON.stringify(row.message), row.dedupeKey, row.notBefore],
  );
  return (res.rowCount ?? 0) > 0;
}
