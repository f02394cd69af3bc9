/**
 * Direct replies kept for later: the bot answers a resident (or a staff group) while it handles the
 * update, and only when that send fails — 429 beyond its wait, a 5xx or network error, 403 blocked,
 * 400 chat not found — does the reply become an outbox row, which the outbox worker then delivers
 * with its 429 handling, its per-chat order and its unreachable-chat hold (workers/outbox.ts,
 * workers/chatErrors.ts). The happy path writes nothing here.
 */
import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';

/** Outbox priority of an emergency's numbers (db/migrations/20261206T1720_outbox_priority.sql). */
export const URGENT_PRIORITY = 1;

export interface KeptReply {
  channel: 'telegram';
  chatId: number;
  chatKind: 'private' | 'group';
  language: Language;
  /** The rendered text, sent as it is (catalogue key conversation.text). */
  text: string;
  /** The rendered reply markup (signed inline keyboard or force_reply), put on the last part. */
  markup?: Record<string, unknown>;
  /** Parts of a split text already delivered: the outbox resumes after them. */
  partsSent: number;
  /** An emergency's numbers: first in line among the chat's pending messages. */
  urgent: boolean;
  /** One row per (update, reply): keeping the same reply twice (a retried write) is a no-op. */
  dedupeKey: string;
  /** Whose chat it is, for the office's "unreachable" alert ('resident:<id>' or a group). */
  recipient?: string;
}

/** Writes the reply as a pending outbox row, due now; returns its id, or null when its key was already used. */
export async function keepDirectReply(q: Queryable, reply: KeptReply, now: Date): Promise<number | null> {
  const message = { key: 'conversation.text', params: { text: reply.text }, ...(reply.markup ? { markup: reply.markup } : {}) };
  const res = await q.query<{ id: string | number }>(
    `INSERT INTO outbox (case_id, channel, chat_id, chat_kind, language, message, dedupe_key, not_before, created_at, parts_sent, priority, recipient)
     VALUES (NULL, $1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      reply.channel,
      reply.chatId,
      reply.chatKind,
      reply.language,
      JSON.stringify(message),
      reply.dedupeKey,
      now,
      reply.partsSent,
      reply.urgent ? URGENT_PRIORITY : 0,
      reply.recipient ?? null,
    ],
  );
  const id = res.rows[0]?.id;
  return id === undefined ? null : Number(id);
}
