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
  /** Parts of a split text already delivered: a kept direct reply resumes after them (cases/directReplies.ts). */
  partsSent?: number;
  /** 1 = an emergency's numbers, first in its chat's line (workers/outbox.ts CLAIM); 0 otherwise. */
  priority?: number;
}

/** Writes one row in the caller's transaction, due at notBefore; returns its id, or null when its dedupe key was already used. */
export async function insertOutboxRow(q: Queryable, row: OutboxRow): Promise<number | null> {
  const res = await q.query<{ id: string | number }>(
    `INSERT INTO outbox (case_id, channel, chat_id, chat_kind, language, message, dedupe_key, not_before, created_at, recipient, waiting_reason, parts_sent, priority)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      row.caseId, row.channel, row.chatId, row.chatKind, row.language, JSON.stringify(row.message), row.dedupeKey, row.notBefore,
      row.recipient ?? null, row.waitingReason ?? null, row.partsSent ?? 0, row.priority ?? 0,
    ],
  );
  const id = res.rows[0]?.id;
  return id === undefined ? null : Number(id);
}

/** Queues a message in the caller's transaction; returns false when the dedupe key was already used. */
export async function enqueueOutbox(q: Queryable, row: OutboxRow): Promise<boolean> {
  return (await insertOutboxRow(q, row)) !== null;
}

/*
 * What Telegram said about a chat (db/migrations/20261206T0940_delivery.sql), for every process: a
 * group's new supergroup id, and chats that removed or blocked the bot.
 */

/**
 * A group became a supergroup: remembers the new id, moves the old chat's pending rows to it and, for a
 * handler's group, stores the new id as the directory's chat (the override the console edits, which
 * app/directorySync.ts brings to every process; rows written meanwhile for the old id follow
 * `migrated_to`). `knownHandlers`: handlers whose directory chat is the old id (the caller's
 * directory), for when no pending row names them. The office chat comes from OFFICE_CHAT_ID: staff
 * checks accept the new id through `migrated_to` until the operator changes it. Returns the moved rows
 * and the handlers whose chat changed.
 */
export async function recordChatMigration(
  q: Queryable,
  channel: string,
  fromChatId: number,
  toChatId: number,
  now: Date,
  knownHandlers: ReadonlyArray<{ kind: string; id: string }> = [],
): Promise<{ moved: number[]; handlers: Array<{ kind: string; id: string }>; office: boolean }> {
  await q.query(
    `INSERT INTO chat_delivery (channel, chat_id, migrated_to) VALUES ($1, $2, $3)
     ON CONFLICT (channel, chat_id) DO UPDATE SET migrated_to = EXCLUDED.migrated_to`,
    [channel, fromChatId, toChatId],
  );
  const res = await q.query<{ id: number; recipient: string | null }>(
    `UPDATE outbox SET chat_id = $3 WHERE channel = $1 AND chat_id = $2 AND status = 'pending' RETURNING id, recipient`,
    [channel, fromChatId, toChatId],
  );
  const handlers = new Map<string, { kind: string; id: string }>(knownHandlers.map((h) => [`${h.kind}:${h.id}`, { kind: h.kind, id: h.id }]));
  let office = false;
  for (const r of res.rows) {
    const m = /^handler:(department|organization):(.+)$/.exec(r.recipient ?? '');
    if (m) handlers.set(`${m[1]}:${m[2]}`, { kind: m[1]!, id: m[2]! });
    if (r.recipient === 'office') office = true;
  }
  for (const h of handlers.values()) {
    await q.query(
      `INSERT INTO directory_overrides (handler_kind, handler_id, telegram_chat_id, updated_at, updated_by) VALUES ($1, $2, $3, $4, 'telegram:migrate')
       ON CONFLICT (handler_kind, handler_id) DO UPDATE SET telegram_chat_id = EXCLUDED.telegram_chat_id, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [h.kind, h.id, toChatId, now],
    );
  }
  return { moved: res.rows.map((r) => Number(r.id)).sort((a, b) => a - b), handlers: [...handlers.values()], office };
}

/**
 * The chat removed or blocked the bot: it is unreachable from `now`, and its pending messages wait
 * until `retryAt` (a later try, or the chat coming back, sends them). True the first time, when the
 * office should be told; false while it already was unreachable.
 */
export async function markChatUnreachable(q: Queryable, channel: string, chatId: number, reason: string, now: Date, retryAt: Date): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO chat_delivery (channel, chat_id, unreachable_since, unreachable_reason) VALUES ($1, $2, $3, $4)
     ON CONFLICT (channel, chat_id) DO UPDATE SET unreachable_since = EXCLUDED.unreachable_since, unreachable_reason = EXCLUDED.unreachable_reason
       WHERE chat_delivery.unreachable_since IS NULL
     RETURNING chat_id`,
    [channel, chatId, now, reason.slice(0, 300)],
  );
  // held_from keeps when each row was due before the hold (the first hold's, if held again).
  await q.query(
    `UPDATE outbox SET held_from = COALESCE(held_from, not_before), not_before = GREATEST(not_before, $3)
     WHERE channel = $1 AND chat_id = $2 AND status = 'pending'`,
    [channel, chatId, retryAt],
  );
  return (res.rowCount ?? 0) > 0;
}

/**
 * The chat works again (a send went through, or the bot was added back / unblocked): the messages held
 * because it was unreachable are due now; one scheduled for later (a held alert summary) gets back its
 * own time, and a row that was never held keeps its time. Returns the ids due now, oldest first.
 */
export async function markChatReachable(q: Queryable, channel: string, chatId: number, now: Date): Promise<number[]> {
  const res = await q.query(
    `UPDATE chat_delivery SET unreachable_since = NULL, unreachable_reason = NULL WHERE channel = $1 AND chat_id = $2 AND unreachable_since IS NOT NULL RETURNING chat_id`,
    [channel, chatId],
  );
  if (!res.rowCount) return [];
  const rows = await q.query<{ id: number; due: boolean }>(
    `UPDATE outbox SET not_before = GREATEST(held_from, $3), held_from = NULL
     WHERE channel = $1 AND chat_id = $2 AND status = 'pending' AND held_from IS NOT NULL
     RETURNING id, not_before <= $3 AS due`,
    [channel, chatId, now],
  );
  return rows.rows.filter((r) => r.due).map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Every recorded upgrade of a group to a supergroup on `channel`: old id → new id. */
export async function chatMigrations(q: Queryable, channel: string): Promise<Map<number, number>> {
  const res = await q.query<{ chat_id: number; migrated_to: number }>(`SELECT chat_id, migrated_to FROM chat_delivery WHERE channel = $1 AND migrated_to IS NOT NULL`, [channel]);
  return new Map(res.rows.map((r) => [Number(r.chat_id), Number(r.migrated_to)]));
}

/** The ids of groups that became `chatId` (a supergroup upgraded from them). */
export async function migratedFrom(q: Queryable, channel: string, chatId: number): Promise<number[]> {
  const res = await q.query<{ chat_id: number }>(`SELECT chat_id FROM chat_delivery WHERE channel = $1 AND migrated_to = $2`, [channel, chatId]);
  return res.rows.map((r) => Number(r.chat_id));
}
