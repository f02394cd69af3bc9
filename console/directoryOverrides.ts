import { z } from 'zod';
import type { Logger } from '../kernel/logger.js';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import type { Directory, Handler } from '../directory/directory.js';
import type { HandlerKind } from '../cases/types.js';
import { releaseWaiting } from '../cases/waitingOutbox.js';

/*
 * Supervisors edit the directory in the console; the YAML file stays the base. An edit is stored as an
 * override row (directory_overrides) and applied over the loaded directory: at start-up in every process
 * (app/main.ts buildCore) and at once in the console's own process. Only fields that are read from the
 * handler objects each time are editable (capacity, memberIds, contact), and the chat id
 * (Directory.setChat keeps the chat index right; other processes see it at their next start). Setting
 * a chat releases the messages that waited for it (cases/waitingOutbox.ts).
 */

export const overrideSchema = z.object({
  capacity: z.coerce
    .number({ message: 'capacity must be a number' })
    .int('capacity must be a whole number')
    .min(1, 'capacity must be at least 1')
    .max(100_000, 'capacity must be at most 100000'),
  memberIds: z
    .string()
    .max(2000, 'too many member ids')
    .transform((s) => s.split(/[\s,，]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,15}$/, 'member ids are Telegram user ids: digits, separated by commas')).max(200))
    .transform((ids) => [...new Set(ids.map(Number))]),
  contact: z
    .string()
    .trim()
    .max(300, 'contact must be at most 300 characters')
    .refine((s) => !s.includes('\u0000'), 'contact must be text')
    .transform((s) => (s === '' ? null : s)),
  // Absent or empty: the chat stays as it is (the file's, or an earlier edit's).
  telegramChatId: z
    .string()
    .trim()
    .regex(/^(-?\d{1,16})?$/, 'the chat id must be an integer such as -1001234567890')
    .optional()
    .transform((s) => (s ? Number(s) : null)),
});
export type OverrideInput = z.infer<typeof overrideSchema>;

interface OverrideRow {
  kind: HandlerKind;
  id: string;
  capacity: number | null;
  memberIds: number[] | null;
  contact: string | null;
  /** null: the chat is not overridden. */
  telegramChatId?: number | null;
}

function applyOne(h: Handler, o: OverrideRow, directory?: Directory): void {
  if (o.telegramChatId != null && directory && h.telegramChatId !== o.telegramChatId) directory.setChat(h, o.telegramChatId);
  if (o.capacity !== null) h.capacity = o.capacity;
  if (o.memberIds !== null) h.memberIds = o.memberIds;
  if (h.kind === 'organization') {
    if (o.contact) h.contact = o.contact;
    else if (o.contact === null) delete h.contact;
  }
}

/** Applies every stored override to `directory` in place; unknown handlers (removed from the file) are reported and skipped. */
export async function applyDirectoryOverrides(q: Queryable, directory: Directory, logger?: Logger): Promise<number> {
  const res = await q.query('SELECT handler_kind, handler_id, capacity, member_ids, contact, telegram_chat_id FROM directory_overrides');
  let applied = 0;
  for (const r of res.rows) {
    const h = directory.handler(r.handler_kind, r.handler_id);
    if (!h) {
      logger?.warn({ kind: r.handler_kind, id: r.handler_id }, 'directory override for a handler no longer in the directory file; ignored');
      continue;
    }
    try {
      const telegramChatId = r.telegram_chat_id === null ? null : Number(r.telegram_chat_id);
      applyOne(h, { kind: r.handler_kind, id: r.handler_id, capacity: r.capacity, memberIds: r.member_ids?.map(Number) ?? null, contact: r.contact, telegramChatId }, directory);
    } catch (err) {
      logger?.warn({ kind: r.handler_kind, id: r.handler_id, err: (err as Error).message }, 'directory override not applied');
      continue;
    }
    applied++;
  }
  return applied;
}

export interface HandlerSnapshot {
  capacity: number;
  memberIds: number[];
  contact: string | null;
}

export const snapshot = (h: Handler): HandlerSnapshot => ({
  capacity: h.capacity,
  memberIds: [...h.memberIds],
  contact: h.kind === 'organization' ? h.contact ?? null : null,
});

/** Stores the edit and its audit row in one transaction, then applies it to the live directory. */
export async function saveDirectoryOverride(
  pool: Pool,
  directory: Directory,
  kind: HandlerKind,
  id: string,
  input: OverrideInput,
  by: string,
  now: Date,
): Promise<{ before: HandlerSnapshot; after: HandlerSnapshot; released: number[] } | null> {
  const h = directory.handler(kind, id);
  if (!h) return null;
  const before = snapshot(h);
  const beforeChat = h.telegramChatId;
  const chat = input.telegramChatId ?? null;
  const row: OverrideRow = { kind, id, capacity: input.capacity, memberIds: input.memberIds, contact: kind === 'organization' ? input.contact : null, telegramChatId: chat };
  let released: number[] = [];
  await withTransaction(pool, async (tx) => {
    await tx.query(
      `INSERT INTO directory_overrides (handler_kind, handler_id, capacity, member_ids, contact, updated_at, updated_by, telegram_chat_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (handler_kind, handler_id) DO UPDATE SET capacity = EXCLUDED.capacity, member_ids = EXCLUDED.member_ids,
         contact = EXCLUDED.contact, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
         telegram_chat_id = COALESCE(EXCLUDED.telegram_chat_id, directory_overrides.telegram_chat_id)`,
      [kind, id, row.capacity, row.memberIds, row.contact, now, by, chat],
    );
    applyOne(h, row, directory);
    // Messages that waited for this handler's chat go out now (the outbox poll picks them up).
    if (chat !== null) released = await releaseWaiting(tx, `handler:${kind}:${id}`, chat);
    await tx.query('INSERT INTO console_audit (at, username, action, subject, data) VALUES ($1, $2, $3, $4, $5)', [
      now,
      by,
      'directory_edited',
      `${kind}:${id}`,
      JSON.stringify({ before, after: snapshot(h) }),
    ]);
  }).catch((err) => {
    // The transaction rolled back: put the live entry back as it was.
    applyOne(h, { kind, id, ...before });
    if (beforeChat !== null && h.telegramChatId !== beforeChat) directory.setChat(h, beforeChat);
    throw err;
  });
  return { before, after: snapshot(h), released };
}
