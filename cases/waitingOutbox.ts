/**
 * Messages for a chat that is not configured yet (a handler without telegramChatId, no OFFICE_CHAT_ID)
 * wait in the outbox without a chat, with their recipient and the reason (cases/delivery.ts). They get
 * the chat once it is configured — a chat id set in the console (console/directoryOverrides.ts), or at
 * start-up with the file and OFFICE_CHAT_ID — and the outbox poll then sends them in order.
 */
import type { Queryable } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';

export interface WaitingGroup {
  /** 'office' or 'handler:<kind>:<id>'. */
  recipient: string;
  reason: string;
  count: number;
  oldest: Date;
}

/** Gives the waiting rows of `recipient` their chat; returns their ids (for enqueueing after commit). */
export async function releaseWaiting(q: Queryable, recipient: string, chatId: number): Promise<number[]> {
  const res = await q.query<{ id: number }>(
    `UPDATE outbox SET chat_id = $2, waiting_reason = NULL
     WHERE status = 'pending' AND chat_id IS NULL AND recipient = $1 RETURNING id`,
    [recipient, chatId],
  );
  return res.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Every waiting row whose recipient now has a chat (the office, the directory's handlers, chat ids set in the console). */
export async function releaseConfigured(q: Queryable, directory: Directory, officeChatId: number | null): Promise<number[]> {
  const targets: Array<[string, number]> = [];
  if (officeChatId !== null) targets.push(['office', officeChatId]);
  for (const h of [...directory.departments, ...directory.organizations]) {
    if (h.telegramChatId !== null) targets.push([`handler:${h.kind}:${directory.handlerId(h)}`, h.telegramChatId]);
  }
  if (targets.length === 0) return [];
  const res = await q.query<{ id: number }>(
    `UPDATE outbox o SET chat_id = t.chat_id, waiting_reason = NULL
     FROM unnest($1::text[], $2::bigint[]) AS t(recipient, chat_id)
     WHERE o.status = 'pending' AND o.chat_id IS NULL AND o.recipient = t.recipient RETURNING o.id`,
    [targets.map((x) => x[0]), targets.map((x) => x[1])],
  );
  return res.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** What is waiting, per recipient: for the start-up check and the console's directory page. */
export async function waitingGroups(q: Queryable): Promise<WaitingGroup[]> {
  const res = await q.query(
    `SELECT recipient, waiting_reason, count(*)::int AS n, min(created_at) AS oldest FROM outbox
     WHERE status = 'pending' AND chat_id IS NULL GROUP BY recipient, waiting_reason ORDER BY min(created_at)`,
  );
  return res.rows.map((r) => ({ recipient: String(r.recipient), reason: String(r.waiting_reason), count: Number(r.n), oldest: new Date(r.oldest) }));
}
