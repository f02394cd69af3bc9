import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';
import { columnsOf } from './rows.js';
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
  /** When the row was written, if not when it is due (a summary written now for the end of its window); defaults to notBefore. */
  createdAt?: Date;
}

/**
 * Every column the writers below fill, with its array type for unnest and its value: the one place
 * that knows the outbox's shape (the rest take the table's defaults).
 */
const FIELDS: ReadonlyArray<{ column: string; type: string; value: (r: OutboxRow) => unknown }> = [
  { column: 'case_id', type: 'bigint', value: (r) => r.caseId },
  { column: 'channel', type: 'text', value: (r) => r.channel },
  { column: 'chat_id', type: 'bigint', value: (r) => r.chatId },
  { column: 'chat_kind', type: 'text', value: (r) => r.chatKind },
  { column: 'language', type: 'text', value: (r) => r.language },
  { column: 'message', type: 'jsonb', value: (r) => JSON.stringify(r.message) },
  { column: 'dedupe_key', type: 'text', value: (r) => r.dedupeKey },
  { column: 'not_before', type: 'timestamptz', value: (r) => r.notBefore },
  { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt ?? r.notBefore },
  { column: 'recipient', type: 'text', value: (r) => r.recipient ?? null },
  { column: 'waiting_reason', type: 'text', value: (r) => r.waitingReason ?? null },
  { column: 'parts_sent', type: 'integer', value: (r) => r.partsSent ?? 0 },
  { column: 'priority', type: 'smallint', value: (r) => r.priority ?? 0 },
];
const COLUMNS = FIELDS.map((f) => f.column).join(', ');
const VALUES = FIELDS.map((_, i) => `$${i + 1}`).join(', ');
// A message's value is JSON text (JSON.stringify above): unnest takes it as text and the SELECT casts it back to jsonb.
const UNNEST_ARGS = FIELDS.map((f, i) => `$${i + 1}::${f.type === 'jsonb' ? 'text' : f.type}[]`).join(', ');
const UNNEST_SELECT = FIELDS.map((f) => (f.type === 'jsonb' ? `r.${f.column}::jsonb` : `r.${f.column}`)).join(', ');

export interface InsertOutboxOptions {
  /**
   * What a used dedupe key does. 'skip' (the default): nothing is written and null is returned.
   * 'replaceMessage': the row already holding the key gets this row's message — whatever its status,
   * every other column kept — and its id is returned, so a summary rewritten as its count grows stays
   * one row (cases/officeAlerts.ts).
   */
  onConflict?: 'skip' | 'replaceMessage';
}

const ON_CONFLICT: Record<NonNullable<InsertOutboxOptions['onConflict']>, string> = {
  skip: 'ON CONFLICT (dedupe_key) DO NOTHING',
  replaceMessage: 'ON CONFLICT (dedupe_key) DO UPDATE SET message = EXCLUDED.message',
};

/** Writes one row in the caller's transaction, due at notBefore; returns its id, or null when its dedupe key was already used (see options). */
export async function insertOutboxRow(q: Queryable, row: OutboxRow, options: InsertOutboxOptions = {}): Promise<number | null> {
  const res = await q.query<{ id: string | number }>(
    `INSERT INTO outbox (${COLUMNS}) VALUES (${VALUES}) ${ON_CONFLICT[options.onConflict ?? 'skip']} RETURNING id`,
    FIELDS.map((f) => f.value(row)),
  );
  const id = res.rows[0]?.id;
  return id === undefined ? null : Number(id);
}

/** Queues a message in the caller's transaction; returns false when the dedupe key was already used. */
export async function enqueueOutbox(q: Queryable, row: OutboxRow): Promise<boolean> {
  return (await insertOutboxRow(q, row)) !== null;
}

/**
 * Writes many outbox rows with one statement (one round trip however many rows), in array order so
 * ids follow it; a row whose dedupe key was already used is skipped, as in enqueueOutbox. Returns the
 * ids of the rows written, for the caller to enqueue after its commit.
 */
export async function insertOutboxRows(q: Queryable, rows: readonly OutboxRow[]): Promise<number[]> {
  if (!rows.length) return [];
  const res = await q.query(
    `INSERT INTO outbox (${COLUMNS})
     SELECT ${UNNEST_SELECT} FROM unnest(${UNNEST_ARGS}) WITH ORDINALITY AS r(${COLUMNS}, ord)
     ORDER BY r.ord
     ${ON_CONFLICT.skip}
     RETURNING id`,
    columnsOf(rows, FIELDS.map((f) => f.value)),
  );
  return res.rows.map((r) => r.id as number);
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
